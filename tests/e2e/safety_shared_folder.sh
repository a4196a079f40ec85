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
# the browser too, searching in it (a second connection ranks a search):
# in tmux when there is one, else without a terminal (it opens first)
if command -v tmux >/dev/null; then
	sock=hysf$$
	trap 'tmux -L "$sock" kill-server 2>/dev/null || true
		rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"; cleanup' EXIT
	tmux -L "$sock" -f /dev/null new-session -d -s t -x 100 -y 30 \
		"TERM=screen ${READER[*]} '$HUIYI_BIN' -d '$db' 2>'$T/berr'; echo BROWSER=\$?; sleep 60"
	pane() { tmux -L "$sock" capture-pane -p -t t; }
	for _ in $(seq 200); do pane | grep -q "第1次" && break; sleep 0.05; done
	pane | grep -q "只读\|read-only" || { pane >&2; fail "the reader's browser does not say read-only"; }
	tmux -L "$sock" send-keys -t t / 防 汛 Enter
	for _ in $(seq 200); do pane | grep -q "防汛" && break; sleep 0.05; done
	tmux -L "$sock" send-keys -t t q
	for _ in $(seq 200); do pane | grep -q "^BROWSER=" && break; tmux -L "$sock" send-keys -t t q; sleep 0.05; done
	pane | grep -q "^BROWSER=0" || { pane >&2; cat "$T/berr" >&2; fail "the reader's browser did not end well"; }
else
	"${READER[@]}" "$HUIYI_BIN" -d "$db" </dev/null >/dev/null 2>&1 || true
fi
for f in "$db-wal" "$db-shm"; do
	[ ! -e "$f" ] || fail "a reader created $(basename "$f") (owned by $(stat -c %U "$f"))"
done

# a -shm of the owner's left alone (its huiyi was killed after the -wal
# was gone): the reader makes no -wal beside it
"${OWNER[@]}" sh -c "touch '$db-shm'; chmod 644 '$db-shm'"
run 0 "${READER[@]}" "$HUIYI_BIN" -d "$db" list
has "$T/out" "第1次"
run 0 "${READER[@]}" "$HUIYI_BIN" -d "$db" search 防汛
[ ! -e "$db-wal" ] || fail "a reader created h.db-wal beside a -shm (owned by $(stat -c %U "$db-wal"))"
rm -f "$db-shm"

# the owner goes on importing
run 0 "${OWNER[@]}" "$HUIYI_BIN" -d "$db" import "$T/fx/m2.txt"
has "$T/err" "imported 1"

# a -shm left by someone else (an older reader): the import says whose
"${READER[@]}" sh -c "printf x >'$db-shm'; chmod 644 '$db-shm'"
run 1 "${OWNER[@]}" "$HUIYI_BIN" -d "$db" import "$T/fx/m1.txt"
has "$T/err" "h.db-shm belongs to nobody"
has "$T/err" "remove"
rm -f "$db-shm"
"${READER[@]}" sh -c "printf x >'$db-wal'; chmod 644 '$db-wal'"
run 1 "${OWNER[@]}" "$HUIYI_BIN" -d "$db" import "$T/fx/m1.txt"
has "$T/err" "h.db-wal belongs to nobody"
has "$T/err" "when no one is using the database, remove"
rm -f "$db-wal"
run 0 "${OWNER[@]}" "$HUIYI_BIN" -d "$db" import "$T/fx/m1.txt"
echo ok
