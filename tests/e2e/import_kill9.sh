#!/usr/bin/env bash
# kill -9 in the middle of a 20,000-file import, then the same import again:
# every file stored exactly once, the database intact, every meeting whole.
. "$(dirname "$0")/lib.sh"
N=20000
db=$T/huiyi.db
python3 "$HUIYI_ROOT/tests/tools/gen_readouts.py" "$T/in" "$N"
[ "$(find "$T/in" -type f | wc -l)" = "$N" ] || fail "generator did not write $N files"

t0=$SECONDS
"$HUIYI_BIN" -d "$db" import "$T/in" >"$T/first.out" 2>&1 &
pid=$!
# Wait until some batches have committed (or the import is over).
rows=0
for _ in $(seq 1 3000); do
	if ! kill -0 "$pid" 2>/dev/null; then break; fi
	if [ -f "$db" ]; then
		rows=$(sqlite3 -batch "$db" 'PRAGMA busy_timeout = 2000; SELECT count(*) FROM meetings' 2>/dev/null | tail -1 || echo 0)
		[ "${rows:-0}" -ge 1000 ] && break
	fi
	sleep 0.02
done
if kill -0 "$pid" 2>/dev/null; then
	kill -9 "$pid"
	wait "$pid" 2>/dev/null || true
	killed=1
else
	wait "$pid" || true
	killed=0
fi
before=$(sqlite3 -batch "$db" 'SELECT count(*) FROM meetings')
echo "killed=$killed after ${rows} rows seen; $before stored at the kill ($((SECONDS - t0))s)"
[ "$killed" = 1 ] || fail "the import finished before it could be killed"
[ "$before" -lt "$N" ] || fail "everything stored before the kill"
# A committed batch is whole: a multiple of the batch size at the kill.
[ $((before % 500)) = 0 ] || fail "$before meetings at the kill: a batch was split"

run 0 hy -d "$db" import "$T/in"
has "$T/err" "imported $((N - before)), duplicates skipped $before, rejected 0"

res=$(sqlite3 -batch "$db" "
PRAGMA integrity_check;
PRAGMA foreign_key_check;
SELECT count(*), count(DISTINCT sha256), count(DISTINCT source) FROM meetings;
SELECT count(*) FROM meetings m
  WHERE NOT EXISTS (SELECT 1 FROM sections s WHERE s.meeting_id = m.id);
SELECT count(*) FROM (SELECT meeting_id FROM sections GROUP BY meeting_id
  HAVING count(*) <> max(n) OR min(n) <> 1);")
want=$(printf 'ok\n%s|%s|%s\n0\n0' "$N" "$N" "$N")
[ "$res" = "$want" ] || fail "after the re-run: $(echo "$res" | tr '\n' ' ')"
# Every file is there: the stored sources are exactly the files.
find "$T/in" -type f -exec realpath {} + | sort >"$T/files"
sqlite3 -batch "$db" 'SELECT source FROM meetings' | sort >"$T/stored"
cmp -s "$T/files" "$T/stored" || fail "stored sources differ from the files"
echo "import_kill9: ok ($((SECONDS - t0))s)"
