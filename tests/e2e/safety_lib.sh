#!/usr/bin/env bash
# safety_lib.sh: shared by the data-safety tests (import_kill9.sh,
# safety_*.sh): a generated corpus with a manifest of what each file holds,
# and `whole`, the check that a database is intact and every meeting in it
# complete. Sourced by them; run on its own (tests/run.sh does), it shows
# that `whole` fails on databases damaged in each way it looks for.
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BATCH=500 # meetings per transaction: small, so a test sees one roll back
export HUIYI_IMPORT_BATCH=$BATCH

# corpus N [PER_FOLDER]: N readouts in $T/in (tests/tools/gen_readouts.py),
# and $T/want.db: want(source, n), the number of sections each must have.
corpus() {
	rm -rf "$T/in" "$T/want.db"
	python3 "$HUIYI_ROOT/tests/tools/gen_readouts.py" "$T/in" "$1" ${2:+"$2"} \
		--manifest "$T/manifest"
	[ "$(find "$T/in" -type f | wc -l)" = "$1" ] || fail "generator did not write $1 files"
	sqlite3 -batch "$T/want.db" 'CREATE TABLE want (source TEXT PRIMARY KEY, n INTEGER NOT NULL)'
	sqlite3 -batch "$T/want.db" -cmd '.mode tabs' ".import $T/manifest want"
	[ "$(sql "$T/want.db" 'SELECT count(*) FROM want')" = "$1" ] || fail "manifest incomplete"
}

# stored DB: the number of meetings in DB.
stored() { sqlite3 -batch "$1" 'PRAGMA busy_timeout = 2000; SELECT count(*) FROM meetings' | tail -1; }

# whole DB WHEN: DB passes PRAGMA integrity_check and foreign_key_check,
# holds no file twice (sha256 is UNIQUE, so by source) and only files of
# the corpus, and every
# meeting in it is complete: as many sections as the manifest says,
# numbered 1..n, its chair linked, and the search index holds exactly the
# stored sections and meetings (it is written in the same transaction).
whole() {
	local res want
	res=$(sqlite3 -batch "$1" "
ATTACH '$T/want.db' AS w;
PRAGMA main.integrity_check;
PRAGMA main.foreign_key_check;
SELECT count(*) - count(DISTINCT source) FROM meetings;
SELECT count(*) FROM meetings m LEFT JOIN w.want USING (source)
  WHERE want.n IS NULL;
SELECT count(*) FROM meetings m JOIN w.want USING (source)
  WHERE (SELECT count(*) FROM sections s WHERE s.meeting_id = m.id) <> want.n
     OR (SELECT max(n) FROM sections s WHERE s.meeting_id = m.id) <> want.n;
SELECT count(*) FROM meetings m WHERE NOT EXISTS (SELECT 1 FROM appearances p
  WHERE p.meeting_id = m.id AND p.part = 'chair');
SELECT (SELECT count(*) FROM sections) - (SELECT count(*) FROM sections_fts_docsize);
SELECT (SELECT count(*) FROM meetings) - (SELECT count(*) FROM meetings_fts_docsize);" 2>&1)
	want=$(printf 'ok\n0\n0\n0\n0\n0\n0')
	[ "$res" = "$want" ] ||
		fail "$2: not whole: $(echo "$res" | tr '\n' ' ')(want: ok 0 0 0 0 0 0)"
}

# Run on its own: whole sees each kind of damage it checks for.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	corpus 40 10
	"$HUIYI_BIN" -d "$T/db" import "$T/in" 2>"$T/err" || fail "import: $(cat "$T/err")"
	whole "$T/db" "a fresh import"
	damage() { # NAME SQL: whole must fail on a copy damaged by SQL
		cp "$T/db" "$T/bad.db"
		sqlite3 -batch "$T/bad.db" "$2" || fail "could not damage: $1"
		if (whole "$T/bad.db" "$1") >"$T/whole.out" 2>&1; then
			fail "whole did not see $1"
		fi
		echo "ok: whole sees $1: $(tail -1 "$T/whole.out")"
	}
	damage "a meeting without one of its sections" \
		"DROP TRIGGER sections_fts_delete; DROP TRIGGER sections_bounds_delete; DELETE FROM sections WHERE id = (SELECT max(id) FROM sections);"
	damage "a meeting without its chair" \
		"DELETE FROM appearances WHERE part = 'chair' AND meeting_id = 3;"
	damage "a section missing from the search index" \
		"DELETE FROM sections_fts_docsize WHERE id = 5;"
	damage "a file stored twice" \
		"CREATE TABLE t AS SELECT * FROM meetings WHERE id = 1; UPDATE t SET id = NULL, sha256 = 'x'; DROP TRIGGER meetings_fts_insert; INSERT INTO meetings SELECT * FROM t; DROP TABLE t;"
	damage "a meeting that is not in the corpus" \
		"UPDATE meetings SET source = '/elsewhere' WHERE id = 2;"
fi
