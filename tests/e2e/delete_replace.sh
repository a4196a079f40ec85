#!/usr/bin/env bash
# A file imported with the wrong --encoding is put right by import
# --replace (same raw bytes, so the same hash: the stored meeting is
# replaced, not skipped), and `delete` removes meetings whole; list and
# search show both. Issue 16, item 9.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db
S=$HUIYI_ROOT/samples
iconv -f UTF-8 -t GB18030 "$S/05_qinglan-gas-safety-special.txt" >"$T/gas.txt"
cp "$S/02_ningchuan-city-standing-42.txt" "$T/other.txt"

# Wrong encoding: stored, but as mojibake, so 燃气 is not found.
# mojibake reads like no meeting at all: rejected, unless forced
run 1 hy import --encoding ISO-8859-1 "$T/gas.txt"
has "$T/err" "not a meeting readout"
run 0 hy import --force --encoding ISO-8859-1 "$T/gas.txt" "$T/other.txt"
has "$T/err" "imported 2,"
run 1 hy search 燃气安全
has "$T/err" "no"
# The plain re-import with the right encoding is a duplicate: no fix.
run 0 hy import --encoding gb18030 "$T/gas.txt"
has "$T/err" "imported 0, duplicates skipped 1"
run 1 hy search 燃气安全

# --replace: the same file, parsed again, in place of the old meeting.
run 0 hy import --replace --encoding gb18030 "$T/gas.txt"
has "$T/err" "imported 0, replaced 1, duplicates skipped 0"
run 0 hy list --json
[ "$(grep -o '"id":' "$T/out" | wc -l)" = 2 ] || fail "replace left $(cat "$T/out")"
has "$T/out" "青岚县召开城镇燃气安全专项整治专题会议"
id=$(grep -o '"id":[0-9]*,"date":"2023-09-07"' "$T/out" | sed 's/"id":\([0-9]*\).*/\1/')
[ -n "$id" ] || fail "no id for the replaced meeting"
sqlite3 "$HUIYI_DB" "SELECT encoding FROM meetings WHERE id = $id" >"$T/enc"
has "$T/enc" "GB18030"
run 0 hy search 燃气安全
has "$T/out" "青岚县"
# A file not stored yet is imported as usual under --replace.
cp "$S/04_yuntan-mayor-office.txt" "$T/new.txt"
run 0 hy import --replace "$T/new.txt" "$T/other.txt"
has "$T/err" "imported 1, replaced 1,"

# delete: an unknown ID refuses the whole command, nothing deleted.
run 1 hy delete "$id" 999999
has "$T/err" "999999"
has "$T/err" "nothing was deleted"
lines "$T/err" 1
run 0 hy search 燃气安全
has "$T/out" "青岚县"

# delete the meeting: gone from list, show and search; the rest stays.
run 0 hy delete "$id"
has "$T/err" "deleted 1 meeting"
run 1 hy show "$id"
run 1 hy search 燃气安全
run 0 hy list --json
[ "$(grep -o '"id":' "$T/out" | wc -l)" = 2 ] || fail "delete left $(cat "$T/out")"
hasnt "$T/out" "青岚县"
# the database is whole, and its search index agrees with its rows
sqlite3 "$HUIYI_DB" 'PRAGMA integrity_check' >"$T/check"
has "$T/check" "ok"
run 0 hy reindex

# Another writer (an import's batch) holds the database for a second:
# delete waits for it, as every writer does, and then deletes.
python3 - "$HUIYI_DB" "$T/locked" <<'PY' &
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(1.5)
db.execute("COMMIT")
PY
holder=$!
for _ in $(seq 100); do [ -e "$T/locked" ] && break; sleep 0.05; done
[ -e "$T/locked" ] || fail "the lock holder did not start"
one=$(hy list --json | grep -o '"id":[0-9]*' | head -1 | sed 's/"id"://')
run 0 hy delete "$one"
has "$T/err" "deleted 1 meeting"
wait "$holder"
run 0 hy import --replace "$T/other.txt" "$T/new.txt"
has "$T/err" "imported 1, replaced 1,"

# --json, several IDs at once (one given twice), to stdout
ids=$(hy list --json | grep -o '"id":[0-9]*' | sed 's/"id"://' | tr '\n' ' ')
set -- $ids
run 0 hy delete --json "$1" "$2" "$1"
has "$T/out" "{\"deleted\":[$1,$2]}"
run 0 hy list
has "$T/err" "no meetings"
# the same file can be imported again after its meeting was deleted
run 0 hy import --encoding gb18030 "$T/gas.txt"
has "$T/err" "imported 1,"
run 0 hy search 燃气安全
echo "delete_replace: ok"
