#!/usr/bin/env bash
# A database in a shared folder (sticky, world-writable, as /tmp) that its
# owner writes and another user only reads: the reader's list, show,
# search and browser create nothing beside it (no -wal or -shm of theirs
# that would lock the owner out), and the owner's next import works. An
# import that meets a -shm another user left says whose it is and what to
# do. Needs root to be two users (setpriv); skipped otherwise.
. "$(dirname "$0")/lib.sh"

[ "$(id -u)" = 0 ] || { echo "skip: needs root to act as two users"; exit 77; }
command -v setpriv >/dev/null || { echo "skip: no setpriv to drop privileges"; exit 77; }
OWNER=(setpriv --reuid=65533 --regid=65533 --clear-groups)
READER=(setpriv --reuid=65534 --regid=65534 --clear-groups)

chmod 711 "$T"
mkdir -m 1777 "$T/shared"
mkdir -m 755 "$T/fx"
for i in 1 2; do
	printf '县政府召开第%s次常务会议\n3月%s日，县长周明主持召开县政府第%s次常务会议。\n会议研究了防汛工作。\n' \
		"$i" "$i" "$i" >"$T/fx/m$i.txt"
done
chmod 644 "$T/fx"/*
db=$T/shared/h.db

run 0 "${OWNER[@]}" "$HUIYI_BIN" -d "$db" import "$T/fx/m1.txt"
chmod 644 "$db" # the owner's: others may read it, not write it
[ ! -e "$db-wal" ] && [ ! -e "$db-shm" ] || fail "the owner's import left its journal files"

# the reader reads: every command works and creates nothing
run 0 "${READER[@]}" "$HUIYI_BIN" -d "$db" list
has "$T/out" "第1次"
run 0 "${READER[@]}" "$HUIYI_BIN" -d "$db" show 1
run 0 "${READER[@]}" "$HUIYI_BIN" -d "$db" search 防汛
has "$T/out" "防汛"
for f in "$db-wal" "$db-shm"; do
	[ ! -e "$f" ] || fail "a reader created $(basename "$f") (owned by $(stat -c %U "$f"))"
done

# the owner goes on importing
run 0 "${OWNER[@]}" "$HUIYI_BIN" -d "$db" import "$T/fx/m2.txt"
has "$T/err" "imported 1"

# a -shm left by someone else (an older reader): the import says whose
"${READER[@]}" sh -c "printf x >'$db-shm'; chmod 644 '$db-shm'"
run 1 "${OWNER[@]}" "$HUIYI_BIN" -d "$db" import "$T/fx/m1.txt"
has "$T/err" "h.db-shm belongs to nobody"
has "$T/err" "remove"
rm -f "$db-shm"
echo ok
