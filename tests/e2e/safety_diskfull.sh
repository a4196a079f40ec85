#!/usr/bin/env bash
# An import that runs out of room: a file size limit (ulimit -f) a little
# above the database, so the write-ahead log (-wal, where a batch goes)
# cannot grow. What is simulated: write() failing with EFBIG, as on a
# filesystem's or a quota's size limit; the kernel would first send
# SIGXFSZ, which kills by default: huiyi import ignores it (a user with a
# limit gets a message, not a dead process) and this test does not, so it
# checks that too. A full disk (ENOSPC) is safety_diskfull_tmpfs.sh.
# Expected: exit 1, one message naming the cause ("File too large"), the
# failing batch rolled back (meetings stored before it intact, a whole
# number of batches, "imported N" = what was added), the database intact;
# without the limit the same import completes the set.
# shellcheck source=tests/e2e/safety_lib.sh
. "$(dirname "$0")/safety_lib.sh"
N=3000
corpus "$N"
db=$T/huiyi.db

run 0 hy -d "$db" import "$T/in/000" "$T/in/001"
base=$(stored "$db")
[ "$base" = 1000 ] || fail "first import stored $base, expected 1000"
size=$(stat -c %s "$db")
limit=$((size / 1024 + 1500)) # KiB: room for about one more batch

st=0
(ulimit -f "$limit"; exec "$HUIYI_BIN" -d "$db" import "$T/in") >"$T/out" 2>"$T/err" || st=$?
[ "$st" = 1 ] || fail "under ulimit -f $limit: exit status $st, expected 1 (153 = killed by SIGXFSZ): $(cat "$T/err")"
has "$T/err" "File too large"
has "$T/err" "what was imported before is kept"
grep -c '^huiyi:' "$T/err" | grep -qx 1 || fail "not one error line: $(cat "$T/err")"
after=$(stored "$db")
got=$(sed -n 's/^imported \([0-9]*\),.*/\1/p' "$T/err")
echo "limit ${limit} KiB: $after stored (before: $base), report: imported $got"
[ "$after" -lt "$N" ] || fail "everything fit under the limit: not a test"
[ $((after % BATCH)) = 0 ] || fail "$after stored: the failing batch was not rolled back whole"
[ "$((after - base))" = "$got" ] || fail "report says imported $got, the database gained $((after - base))"
whole "$db" "after the failed import"

run 0 hy -d "$db" import "$T/in"
has "$T/err" "imported $((N - after)), duplicates skipped $after, rejected 0"
whole "$db" "after the import with room"
[ "$(stored "$db")" = "$N" ] || fail "not every file stored"
echo "safety_diskfull: ok"
