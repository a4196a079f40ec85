#!/usr/bin/env bash
# reindex makes a search index table again when it was dropped (in the
# sqlite3 shell, with our tokenizer loaded), and search says what to do
# until then; a reindex that meets another writer names it.
. "$(dirname "$0")/lib.sh"
ext=$HUIYI_ROOT/${HUIYI_BUILD:-build}/huiyi_fts
export HUIYI_DB=$T/h.db
run 0 hy import "$HUIYI_ROOT/samples"
for t in sections_fts meetings_fts fts_lengths; do
	rm -f "$HUIYI_DB"*
	run 0 hy import "$HUIYI_ROOT/samples"
	sqlite3 -batch "$HUIYI_DB" ".load $ext" "DROP TABLE $t" || fail "could not drop $t"
	[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM sqlite_master WHERE name = '$t'")" = 0 ] ||
		fail "$t still there"
	if [ "$t" != fts_lengths ]; then
		run 1 hy search 燃气
		has "$T/err" "huiyi reindex"
	fi
	run 0 hy reindex
	run 0 hy search 燃气
	has "$T/out" "燃气"
	sqlite3 -batch "$HUIYI_DB" ".load $ext" \
		"INSERT INTO sections_fts (sections_fts) VALUES ('integrity-check');
		 INSERT INTO meetings_fts (meetings_fts) VALUES ('integrity-check');" ||
		fail "the index made again after dropping $t fails its integrity check"
done

# another program holds the write lock: reindex names it
python3 - "$HUIYI_DB" "$T/locked" <<'PY' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(10)
c.execute("ROLLBACK")
PY
holder=$!
for _ in $(seq 50); do [ -e "$T/locked" ] && break; sleep 0.1; done
run 1 hy reindex
has "$T/err" "(pid $holder) is writing the database"
kill "$holder" 2>/dev/null || true
wait 2>/dev/null || true
echo ok
