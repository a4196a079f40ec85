#!/usr/bin/env bash
# import: what an import writes stays proportional to what it stores. Each
# page of a batch goes to the WAL and again into the database at a
# checkpoint, and pages a later batch changes again go once more: about 3×
# the database at this size. Statement journals spilled to temporary files
# used to add 30× (5.8 GB written for a 193 MB database of 10,000 readouts),
# and a savepoint per meeting did the same through its own journal: the
# files were deleted before reaching the disk, but the writes cost a
# quarter of the storing thread's time. Bytes are counted exactly (the
# process's wchar in /proc, read after it exits and before it is reaped),
# so the bound below is not a timing.
. "$(dirname "$0")/lib.sh"
[ -r /proc/self/io ] || { echo "no /proc/self/io on this system"; exit 77; }
export HUIYI_DB=$T/db/huiyi.db
mkdir -p "$T/db"
python3 "$HUIYI_ROOT/tests/tools/gen_readouts.py" "$T/in" 2000

# written CMD...: run CMD; print the bytes it wrote (all threads, all
# files) as "WCHAR STATUS".
written() {
	python3 - "$@" <<'EOF'
import os, subprocess, sys
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL,
                     stderr=open(os.environ["T"] + "/err", "w"))
os.waitid(os.P_PID, p.pid, os.WEXITED | os.WNOWAIT)
io = dict(l.split(": ") for l in open(f"/proc/{p.pid}/io").read().splitlines())
print(io["wchar"], p.wait())
EOF
}
export T

read -r w st < <(written "$HUIYI_BIN" import "$T/in")
[ "$st" = 0 ] || { cat "$T/err" >&2; fail "import exited $st"; }
has "$T/err" "imported 2000, duplicates skipped 0, rejected 0"
size=$(($(stat -c %s "$HUIYI_DB") + $(stat -c %s "$HUIYI_DB-wal" 2>/dev/null || echo 0)))
echo "import wrote $w bytes for a database of $size bytes"
[ "$w" -le $((4 * size)) ] ||
	fail "import wrote $w bytes for a database of $size bytes (more than 4×)"

# A batch that is rolled back (the second import finds only duplicates,
# then one new file) writes little: no journal per statement either.
python3 "$HUIYI_ROOT/tests/tools/gen_readouts.py" "$T/more" 2001
read -r w2 st < <(written "$HUIYI_BIN" import "$T/in" "$T/more")
[ "$st" = 0 ] || { cat "$T/err" >&2; fail "second import exited $st"; }
has "$T/err" "imported 1, duplicates skipped 4000, rejected 0"
echo "second import wrote $w2 bytes"
[ "$w2" -le $((size / 4)) ] ||
	fail "an import of 1 new file among 4,000 wrote $w2 bytes"
echo "ok"
