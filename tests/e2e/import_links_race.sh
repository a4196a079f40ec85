#!/usr/bin/env bash
# A folder someone else can write while it is imported: an entry listed as
# a regular file, swapped for a link to a file outside the folder before
# the walk reaches it, is still never stored (the check is made on the file
# as opened, not only on the listing); it is skipped and counted like any
# link leading outside. The swap is made the moment the walk opens the
# first file of the folder (inotify), 2,000 files before the swapped one.
. "$(dirname "$0")/lib.sh"
[ -r /proc/self/fd/0 ] || { echo "no /proc: the check after opening is not made"; exit 77; }
export HUIYI_DB=$T/huiyi.db HUIYI_THREADS=2

readout() { # FILE NUMBER
	printf '县政府召开第%s次常务会议\n3月%s日，县长周明主持召开县政府第%s次常务会议。\n会议研究了春耕工作。\n' \
		"$2" "$2" "$2" >"$1"
}
mkdir -p "$T/secret"
readout "$T/secret/key.txt" 9
printf '\n会议纪要 绝密口令 hunter2\n' >>"$T/secret/key.txt"

try() { # N: one attempt in $T/d$N; 0 swapped in time, 2 too late
	local d=$T/d$1
	mkdir -p "$d"
	readout "$d/a.txt" 1
	python3 - "$d" <<'PY'
import os, sys
d = sys.argv[1]
body = open(d + "/a.txt", "rb").read()
for i in range(2000):  # duplicates of a.txt: cheap, and between
	open("%s/b%04d.txt" % (d, i), "wb").write(body)
PY
	readout "$d/z.txt" 2
	ln -s "$T/secret/key.txt" "$d/.swap" # hidden: never walked itself
	rm -f "$T/ready"
	python3 - "$d" "$T/ready" <<'PY' &
import ctypes, os, sys
d, ready = sys.argv[1], sys.argv[2]
libc = ctypes.CDLL(None, use_errno=True)
fd = libc.inotify_init()
if fd < 0 or libc.inotify_add_watch(fd, (d + "/a.txt").encode(), 0x20) < 0:  # IN_OPEN
	open(ready, "w").write("no inotify")
	sys.exit(0)
open(ready, "w").write("ok")
os.read(fd, 4096)  # the walk opened a.txt: it has listed the folder
os.rename(d + "/.swap", d + "/z.txt")
PY
	local pid=$!
	for _ in $(seq 100); do [ -s "$T/ready" ] && break; sleep 0.05; done
	[ "$(cat "$T/ready" 2>/dev/null)" = ok ] || { wait $pid; echo "no inotify"; exit 77; }
	run 0 hy import "$d"
	wait $pid
	[ -z "$(sqlx "$HUIYI_DB" "SELECT id FROM meetings WHERE hy_clean(cleanz) LIKE '%hunter2%'")" ] ||
		fail "the file swapped for a link to a secret was stored"
	if [ -n "$(sql "$HUIYI_DB" "SELECT id FROM meetings WHERE source = '$(cd "$d" && pwd -P)/z.txt'")" ]; then
		return 2 # z.txt was read before the swap: proves nothing
	fi
	has "$T/err" "skipped 1 link leading outside"
	return 0
}
for n in 1 2 3; do
	rc=0
	try $n || rc=$?
	[ $rc = 0 ] && { echo "import_links_race: ok"; exit 0; }
	rm -f "$HUIYI_DB"*
done
fail "the swap came after the walk read the file, three times"
