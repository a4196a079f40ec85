#!/usr/bin/env bash
# An import onto a full disk: the database on a tmpfs of 8 MiB, too small
# for the corpus. What is simulated: write() failing with ENOSPC, sqlite's
# SQLITE_FULL. Expected: exit 1, one message saying the disk is full, the
# failing batch rolled back, what was stored before intact (a whole number
# of batches, "imported N" = what is stored), the database intact; after
# the tmpfs is grown (mount -o remount,size=64m) the same import completes
# the set. Needs root and a kernel that lets it mount (skipped, status 77,
# otherwise: containers often cannot). The size limit (EFBIG) case is
# safety_diskfull.sh, which runs everywhere.
# shellcheck source=tests/e2e/safety_lib.sh
. "$(dirname "$0")/safety_lib.sh"
if [ "$(id -u)" != 0 ]; then
	echo "skip: mounting a small tmpfs needs root"
	exit 77
fi
mnt=$T/mnt
mkdir -p "$mnt"
if ! mount -t tmpfs -o size=8m,mode=0700 hytmpfs "$mnt" 2>"$T/mount.err"; then
	echo "skip: cannot mount a tmpfs here: $(head -1 "$T/mount.err")"
	exit 77
fi
trap 'umount "$mnt" 2>/dev/null || umount -l "$mnt" 2>/dev/null || true; cleanup' EXIT
N=3000
corpus "$N"
db=$mnt/huiyi.db

run 1 hy -d "$db" import "$T/in"
has "$T/err" "disk full"
has "$T/err" "what was imported before is kept"
grep -c '^huiyi:' "$T/err" | grep -qx 1 || fail "not one error line: $(cat "$T/err")"
n=$(stored "$db")
got=$(sed -n 's/^imported \([0-9]*\),.*/\1/p' "$T/err")
echo "tmpfs of 8 MiB: $n stored, report: imported $got; $(df -k "$mnt" | tail -1 | awk '{print $4}') KiB left"
[ "$n" -gt 0 ] && [ "$n" -lt "$N" ] || fail "$n stored: expected some batches before the disk filled"
[ $((n % BATCH)) = 0 ] || fail "$n stored: the failing batch was not rolled back whole"
[ "$got" = "$n" ] || fail "report says imported $got, the database holds $n"
whole "$db" "after the disk filled"

mount -o remount,size=64m "$mnt" || fail "could not grow the tmpfs"
run 0 hy -d "$db" import "$T/in"
has "$T/err" "imported $((N - n)), duplicates skipped $n, rejected 0"
whole "$db" "after the import with room"
[ "$(stored "$db")" = "$N" ] || fail "not every file stored"
# reading needs no room: list, show and search work on the full disk, also
# when no connection is open (no -shm to use: a read-write open would make one)
sqlite3 -batch "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
[ ! -e "$db-shm" ] || fail "the -shm outlived the last connection"
dd if=/dev/zero of="$mnt/fill" bs=64k status=none 2>/dev/null || true
[ "$(df -k "$mnt" | tail -1 | awk '{print $4}')" -lt 64 ] || fail "the tmpfs is not full"
run 0 hy -d "$db" list
[ "$(grep -c . "$T/out")" -gt 1 ] || fail "list on a full disk printed no meetings"
run 0 hy -d "$db" show 1
run 0 hy -d "$db" search 燃气
rm -f "$mnt/fill"
echo "safety_diskfull_tmpfs: ok"
