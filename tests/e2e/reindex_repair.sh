#!/usr/bin/env bash
# slow: tests/run.sh starts it first
# reindex makes a search index table again when it was dropped (in the
# sqlite3 shell, with our tokenizer loaded), and search says what to do
# until then; a reindex that meets another writer names it; reindex makes
# the ASCII punctuation among Chinese of an older database full-width.
. "$(dirname "$0")/lib.sh"
ext=$HUIYI_ROOT/${HUIYI_BUILD:-build}/huiyi_fts
export HUIYI_DB=$T/h.db
run 0 hy import "$HUIYI_ROOT/samples"
cp "$HUIYI_DB" "$T/good.db"
schema() { sql "$1" "SELECT type || ' ' || name FROM sqlite_master ORDER BY name"; }
schema "$T/good.db" >"$T/schema.good"
# everything huiyi makes from the meetings: the search index (its FTS5
# tables and each table FTS5 keeps for it), fts_lengths, bodies, every
# index and trigger; not the tables of imported data
derived=$(sql "$T/good.db" "SELECT name FROM sqlite_master WHERE sql IS NOT NULL
	AND name NOT LIKE 'sqlite%'
	AND name NOT IN ('meetings', 'sections', 'people', 'appearances', 'sources')")
for t in sections_fts meetings_fts sections_fts_data meetings_fts_idx \
	sections_fts_docsize meetings_fts_config fts_lengths bodies meetings_by_date \
	meeting_runs meeting_runs_insert meeting_runs_section_delete; do
	grep -qx "$t" <<<"$derived" || fail "$t is not in the schema any more"
done
# under the sanitizers one of each kind (a search index, a table FTS5
# keeps for one, another table, an index, a trigger): the same code
# repairs every one of a kind
if ! sanitized; then
	# every table and index; of the triggers (20, made again by the one
	# statement that makes any of them) one on each table
	derived=$(sql "$T/good.db" "SELECT name FROM sqlite_master WHERE sql IS NOT NULL
		AND name NOT LIKE 'sqlite%' AND type <> 'trigger'
		AND name NOT IN ('meetings', 'sections', 'people', 'appearances', 'sources')
		UNION SELECT min(name) FROM sqlite_master WHERE type = 'trigger'
		GROUP BY tbl_name")
else
	derived=$(sql "$T/good.db" "SELECT min(name) FROM sqlite_master WHERE sql IS NOT NULL
		AND name NOT LIKE 'sqlite%'
		AND name NOT IN ('meetings', 'sections', 'people', 'appearances', 'sources')
		GROUP BY type, name LIKE '%\_fts' ESCAPE '\', name LIKE '%\_fts\_%' ESCAPE '\'")
fi
# the counts per month, which read meeting_runs (schema v9)
run 0 hy trend 燃气 会议 --json
cp "$T/out" "$T/trend.good"
for t in $derived; do
	cp "$T/good.db" "$HUIYI_DB"
	type=$(sql "$HUIYI_DB" "SELECT upper(type) FROM sqlite_master WHERE name = '$t'")
	sqlite3 -batch "$HUIYI_DB" ".load $ext" "DROP $type $t" || fail "could not drop $t"
	[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM sqlite_master WHERE name = '$t'")" = 0 ] ||
		fail "$t still there"
	# until then a command that needs it says what to do
	hy search 燃气 >"$T/out" 2>"$T/err" || has "$T/err" "huiyi reindex"
	hy list >"$T/out" 2>"$T/err" || has "$T/err" "huiyi reindex"
	run 0 hy reindex
	schema "$HUIYI_DB" >"$T/schema.now"
	diff "$T/schema.good" "$T/schema.now" >&2 || fail "reindex did not make $t again"
	run 0 hy search 燃气
	has "$T/out" "燃气"
	run 0 hy list --body 政府
	has "$T/out" "常务会议"
	run 0 hy trend 燃气 会议 --json
	cmp -s "$T/out" "$T/trend.good" || fail "trend counts otherwise after dropping $t"
	sqlite3 -batch "$HUIYI_DB" ".load $ext" \
		"INSERT INTO sections_fts (sections_fts) VALUES ('integrity-check');
		 INSERT INTO meetings_fts (meetings_fts) VALUES ('integrity-check');" ||
		fail "the index made again after dropping $t fails its integrity check"
	[ "$(sql "$HUIYI_DB" "PRAGMA integrity_check")" = ok ] ||
		fail "the database fails its integrity check after dropping $t"
	[ "$(sql "$HUIYI_DB" "SELECT v FROM sections_fts_config WHERE k = 'automerge'")" = 16 ] ||
		fail "the index made again after dropping $t lost its automerge"
done
# the dropped search index tables themselves are named with the way out
cp "$T/good.db" "$HUIYI_DB"
sqlite3 -batch "$HUIYI_DB" ".load $ext" "DROP TABLE sections_fts"
run 1 hy search 燃气
has "$T/err" "huiyi reindex makes it again"
cp "$T/good.db" "$HUIYI_DB"
sqlite3 -batch "$HUIYI_DB" "DROP INDEX meetings_by_date"
run 1 hy list
has "$T/err" "huiyi reindex makes it again"
# a stale bodies table (its trigger was gone while meetings came in) is
# counted again
cp "$T/good.db" "$HUIYI_DB"
sqlite3 -batch "$HUIYI_DB" "DELETE FROM bodies"
run 0 hy reindex
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM bodies")" = \
	"$(sql "$HUIYI_DB" "SELECT count(DISTINCT body) FROM meetings")" ] ||
	fail "reindex did not count the bodies again"

# another program holds the write lock: reindex names it, not a program
# that only has the file open (a reader started before it)
python3 -c 'import sys, time; f = open(sys.argv[1], "rb"); time.sleep(12)' "$HUIYI_DB" &
reader=$!
python3 - "$HUIYI_DB" "$T/locked" <<'PY' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(10)
c.execute("ROLLBACK")
PY
holder=$!
for _ in $(seq 100); do [ -e "$T/locked" ] && break; sleep 0.1; done
[ -e "$T/locked" ] || fail "the python writer did not start"
run 1 hy reindex
has "$T/err" "python3 (pid $holder) is writing the database"
hasnt "$T/err" "pid $reader"
kill "$holder" "$reader" 2>/dev/null || true
wait 2>/dev/null || true

# another huiyi: a reindex stopped while it holds the write lock (the lock
# is byte 120 of the -shm, sqlite's WAL write lock, in /proc/locks)
python3 "$HUIYI_ROOT/tests/tools/gen_readouts.py" "$T/gen" 2000 >/dev/null
run 0 hy import "$T/gen"
writing() { # PID holds the write lock of $HUIYI_DB
	local ino
	ino=$(stat -c %i "$HUIYI_DB-shm" 2>/dev/null) || return 1
	grep -v -- '->' /proc/locks | grep -qE "POSIX +ADVISORY +WRITE +$1 [0-9a-f]+:[0-9a-f]+:$ino 120 "
}
first=
for _ in $(seq 20); do
	"$HUIYI_BIN" reindex 2>/dev/null &
	pid=$!
	while kill -STOP "$pid" 2>/dev/null; do
		writing "$pid" && { first=$pid; break; }
		kill -CONT "$pid"
		sleep 0.002
	done
	[ -n "$first" ] && break
	wait "$pid" || true
done
[ -n "$first" ] || fail "could not catch a reindex holding the write lock"
run 1 hy reindex
has "$T/err" "huiyi reindex (pid $first) is writing the database"
kill -CONT "$first"
wait "$first" || fail "the first reindex failed after it was stopped"
run 0 hy reindex
# a database made before the cleaner made ASCII , among Chinese
# full-width (issue 15): reindex makes its text Chinese, and search
# still finds it
sqlx "$HUIYI_DB" "SELECT id, text FROM sections_text WHERE text LIKE '%，%' ORDER BY id LIMIT 3" >"$T/wide.before"
[ -s "$T/wide.before" ] || fail "no section with ，to make old"
# (the clean text first: its sections that are ranges of it get their
# text back, schema v15; its summary, a range of it since v20, is set
# with it, as the text it reads made old too)
sqlite3 -batch "$HUIYI_DB" ".load $ext" "UPDATE meetings
	SET rawz = hy_raw_pack(hy_raw(rawz, hy_clean(cleanz)), replace(hy_clean(cleanz), '，', ',')),
	summary = replace(CASE WHEN summary_at IS NOT NULL AND summary = ''
	 THEN substr(hy_clean(cleanz), summary_at, summary_len) ELSE summary END, '，', ','),
	summary_at = NULL, summary_len = NULL,
	cleanz = hy_clean_pack(replace(hy_clean(cleanz), '，', ','))
	WHERE hy_clean(cleanz) LIKE '%，%';
	UPDATE sections SET text = replace(text, '，', ',')
	WHERE id IN (SELECT id FROM sections_text WHERE text LIKE '%，%' ORDER BY id LIMIT 3)" ||
	fail "could not make the text old"
[ "$(sqlx "$HUIYI_DB" "SELECT count(*) FROM meetings WHERE hy_clean(cleanz) LIKE '%，%'")" = 0 ] ||
	fail "the clean text was not made old"
sqlx "$HUIYI_DB" "SELECT id, text FROM sections_text WHERE text LIKE '%，%' ORDER BY id LIMIT 3" >"$T/wide.old"
cmp -s "$T/wide.before" "$T/wide.old" && fail "the text was not made old"
run 0 hy reindex
sqlx "$HUIYI_DB" "SELECT id, text FROM sections_text WHERE text LIKE '%，%' ORDER BY id LIMIT 3" >"$T/wide.after"
cmp -s "$T/wide.before" "$T/wide.after" ||
	fail "reindex did not make the ASCII commas among Chinese full-width: $(diff "$T/wide.before" "$T/wide.after" | head -3)"
[ "$(sqlx "$HUIYI_DB" "SELECT count(*) = sum(hy_clean(cleanz) LIKE '%，%') FROM meetings")" = 1 ] ||
	fail "reindex did not widen the clean text"
# the raw bytes, packed against the clean text, were packed again with it
[ "$(sqlite3 -batch "$HUIYI_DB" ".load $ext" "SELECT count(*) = sum(hy_raw(rawz, hy_clean(cleanz))
	= readfile(source)) FROM meetings")" = 1 ] ||
	fail "raw bytes lost when reindex widened the clean text"
phrase=$(head -1 "$T/wide.before" | sed 's/^[0-9]*|//' | grep -o '[^，]\{2\}，[^，]\{2\}' | head -1)
run 0 hy search "\"$phrase\""
[ -s "$T/out" ] || fail "search \"$phrase\" after reindex found nothing"
echo ok
