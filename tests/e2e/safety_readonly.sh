#!/usr/bin/env bash
# A database the user cannot write: list, show, search and the browser
# read it (read-only open: nothing is written to it or next to it, not even
# the -shm file of a WAL database, and the output is what a writer sees);
# import says why it cannot write ("… is read-only …"), exit 1, one line.
# Cases: a read-only file in a read-only folder; a read-only file in a
# folder the user can write; a WAL database whose -wal still holds changes
# in a read-only folder (refused with a clear line: sqlite cannot read it
# without a -shm file); a new database in a read-only folder.
# Permission bits do not bind root: as root the commands run as nobody
# (setpriv, else runuser), on copies in folders nobody can read but not
# write; as another user, as that user. The browser case needs tmux.
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null; then
		AS=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	elif command -v runuser >/dev/null; then
		AS=(runuser -u nobody --)
	else
		echo "skip: running as root without setpriv or runuser to drop privileges"
		exit 77
	fi
	chmod 711 "$T" # nobody may pass through, not list or write
else
	AS=()
fi
# the binary where the user can run it
mkdir -p "$T/bin"
cp "$HUIYI_BIN" "$T/bin/huiyi"
chmod 755 "$T/bin" "$T/bin/huiyi"
as() { "${AS[@]}" env HOME=/ "$T/bin/huiyi" "$@"; }
# ronly WANT CMD...: like run, as the unprivileged user
ronly() {
	local want=$1 got=0
	shift
	as "$@" >"$T/out" 2>"$T/err" || got=$?
	[ "$got" = "$want" ] || fail "exit status $got, expected $want: $* ($(head -3 "$T/err"))"
}
snap() { (cd "$1" && ls -A && sha256sum -- *); }

run 0 hy -d "$T/db" import "$HUIYI_ROOT/samples"
for cmd in "list" "list --json" "show 3" "show 3 --json" "search 会议 --limit 50" "search ranqi"; do
	# shellcheck disable=SC2086
	hy -d "$T/db" $cmd >"$T/want.${cmd// /_}" 2>&1 || true
done

# 1. read-only file, read-only folder
mkdir "$T/ro"
cp "$T/db" "$T/ro/meetings.db"
chmod 444 "$T/ro/meetings.db"
chmod 555 "$T/ro"
[ -z "$(ls -A "$T/ro" | grep -v '^meetings.db$')" ] || fail "a -wal or -shm came with the copy"
before=$(snap "$T/ro") ro_before=$before
for cmd in "list" "list --json" "show 3" "show 3 --json" "search 会议 --limit 50" "search ranqi"; do
	# shellcheck disable=SC2086
	ronly 0 -d "$T/ro/meetings.db" $cmd
	cmp -s "$T/out" "$T/want.${cmd// /_}" || fail "read-only '$cmd' differs from what the owner sees"
	[ -s "$T/err" ] && fail "read-only '$cmd' said: $(cat "$T/err")"
done
echo "ok: list, show, search read a read-only database in a read-only folder"
ronly 1 -d "$T/ro/meetings.db" import "$HUIYI_ROOT/samples/01_baixi-county-standing-trad.txt"
has "$T/err" "is read-only"
lines "$T/err" 1
echo "ok: import refused: $(cat "$T/err")"
[ "$(snap "$T/ro")" = "$before" ] || fail "the read-only folder changed: $(snap "$T/ro")"

# 2. read-only file in a folder the user can write
mkdir "$T/rw"
cp "$T/db" "$T/rw/meetings.db"
chmod 444 "$T/rw/meetings.db"
[ "$(id -u)" = 0 ] && chown 65534 "$T/rw"
sum=$(sha256sum <"$T/rw/meetings.db")
ronly 1 -d "$T/rw/meetings.db" import "$HUIYI_ROOT/samples"
has "$T/err" "the database is read-only"
lines "$T/err" 1
ronly 0 -d "$T/rw/meetings.db" list
cmp -s "$T/out" "$T/want.list" || fail "list of a read-only file differs"
[ "$(sha256sum <"$T/rw/meetings.db")" = "$sum" ] || fail "the read-only file changed"
echo "ok: read-only file in a writable folder: import refused, list works"

# 3. a -wal with changes in a read-only folder: copy a database while a
# writer holds it (its last change still in the -wal)
mkdir "$T/wal"
cp "$T/db" "$T/wal.db"
sqlite3 -batch "$T/wal.db" "PRAGMA wal_autocheckpoint = 0;" \
	"INSERT INTO people (name) VALUES ('测试人')" \
	".shell cp '$T/wal.db' '$T/wal.db-wal' '$T/wal/'" >/dev/null
[ -s "$T/wal/wal.db-wal" ] || fail "could not make a database with a -wal"
chmod 444 "$T/wal/"*
chmod 555 "$T/wal"
before=$(snap "$T/wal")
ronly 1 -d "$T/wal/wal.db" list
has "$T/err" "wal.db-wal) holds changes"
lines "$T/err" 1
[ "$(snap "$T/wal")" = "$before" ] || fail "the folder with the -wal changed"
echo "ok: a -wal it cannot use: $(cat "$T/err")"

# 4. a new database in a read-only folder
ronly 1 -d "$T/ro/new.db" import "$HUIYI_ROOT/samples"
has "$T/err" "cannot create the database: its folder"
has "$T/err" "is read-only"
lines "$T/err" 1

# 5. the browser on the read-only copy, in a real terminal
if command -v tmux >/dev/null; then
	sock=hyro$$
	trap 'tmux -L "$sock" kill-server 2>/dev/null || true
		rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"; cleanup' EXIT
	title=$(sql "$T/db" "SELECT title FROM meetings ORDER BY ifnull(date, '') DESC, id DESC LIMIT 1")
	printf '#!/bin/sh\n%s env HOME=/ TERM=screen LC_ALL=C.UTF-8 "%s" -d "%s" 2>"%s"\necho "BROWSER_EXIT=$?"\nsleep 60\n' \
		"${AS[*]}" "$T/bin/huiyi" "$T/ro/meetings.db" "$T/browser.err" >"$T/browse.sh"
	tmux -L "$sock" -f /dev/null new-session -d -s t -x 160 -y 30 "sh '$T/browse.sh'"
	pane() { tmux -L "$sock" capture-pane -p -t t; }
	waitp() {
		for _ in $(seq 1 200); do pane | grep -qF -- "$1" && return 0; sleep 0.05; done
		pane >&2
		fail "the browser never showed '$1' ($(cat "$T/browser.err" 2>/dev/null))"
	}
	waitp "$title"
	pane | head -1 | grep -qF "· read-only ·" ||
		fail "the header does not say read-only: $(pane | head -1)"
	tmux -L "$sock" send-keys -t t Enter
	waitp "§"
	tmux -L "$sock" send-keys -t t q q
	waitp "BROWSER_EXIT=0"
	[ -s "$T/browser.err" ] && fail "the browser said: $(cat "$T/browser.err")"
	[ "$(snap "$T/ro")" = "$ro_before" ] || fail "the browser changed the read-only folder"
	echo "ok: the browser lists (header: read-only) and opens a read-only database, then quits with 0"
else
	echo "note: tmux not installed: the browser case was not run"
fi
echo "safety_readonly: ok"
