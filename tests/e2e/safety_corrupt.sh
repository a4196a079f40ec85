#!/usr/bin/env bash
# A file that is not a usable huiyi database given as the database: random
# bytes, a text file, a database cut in half, a database whose pages after
# the first are garbage, one whose schema page is garbage, one whose list
# table's root page is garbage, one from a newer huiyi (user_version above
# ours, application_id ours), and another program's sqlite database. Every
# command — list, show, search, import and the browser — prints one line
# ("huiyi: FILE: …"), exits 1, and leaves the file's bytes (sha256) and its
# folder (no -wal/-shm left) as they were. The browser runs in tmux when
# there is one (else without a terminal: it opens the database first).
# Not covered: damage in pages a command never reads is not noticed by it
# (huiyi checks the first row of every table when it opens; sqlite3 FILE
# 'PRAGMA integrity_check' checks everything).
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"

run 0 hy -d "$T/good.db" import "$HUIYI_ROOT/samples"
PS=$(sql "$T/good.db" 'PRAGMA page_size')
NP=$(sql "$T/good.db" 'PRAGMA page_count')
ROOT=$(sql "$T/good.db" "SELECT rootpage FROM sqlite_master WHERE name = 'meetings'")

# garble FILE FIRST_PAGE LAST_PAGE [SKIP_BYTES]: random bytes over pages
# FIRST..LAST (1-based), keeping SKIP_BYTES at the start of the first.
garble() {
	local skip=${4:-0}
	dd if=/dev/urandom of="$1" bs=1 seek=$(( ($2 - 1) * PS + skip )) \
		count=$(( ($3 - $2 + 1) * PS - skip )) conv=notrunc status=none
}

mk() { mkdir -p "$T/bad/$1"; echo "$T/bad/$1/huiyi.db"; }
f=$(mk random); head -c 300000 /dev/urandom >"$f"
f=$(mk text); printf '石桥县召开县政府常务会议\n这不是数据库。\n' >"$f"
f=$(mk truncated); head -c $(( PS * NP / 2 )) "$T/good.db" >"$f"
f=$(mk garbage_pages); cp "$T/good.db" "$f"; garble "$f" 2 "$NP"
f=$(mk garbage_schema); cp "$T/good.db" "$f"; garble "$f" 1 1 100
f=$(mk garbage_root); cp "$T/good.db" "$f"; garble "$f" "$ROOT" "$ROOT"
f=$(mk newer); cp "$T/good.db" "$f"; sqlite3 -batch "$f" 'PRAGMA user_version = 99'
# the version set back by hand over huiyi's tables: not new, not empty
f=$(mk version_zero); cp "$T/good.db" "$f"; sqlite3 -batch "$f" 'PRAGMA user_version = 0'
f=$(mk version_negative); cp "$T/good.db" "$f"; sqlite3 -batch "$f" 'PRAGMA user_version = -2'
f=$(mk version_low); cp "$T/good.db" "$f"; sqlite3 -batch "$f" 'PRAGMA user_version = 2'
f=$(mk foreign); sqlite3 -batch "$f" 'CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ($$x$$)' 2>/dev/null ||
	sqlite3 -batch "$f" "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x')"

state() { (cd "$(dirname "$1")" && ls -A && sha256sum -- *); }
# refused WHAT FILE ERRFILE STATUS: one line naming FILE, status 1, file
# and folder untouched
refused() {
	[ "$4" = 1 ] || fail "$1: exit status $4, expected 1 ($(head -3 "$3"))"
	[ "$(wc -l <"$3")" = 1 ] || fail "$1: not one line: $(cat "$3")"
	grep -q "^huiyi: .*$2" "$3" || fail "$1: the line does not name the file: $(cat "$3")"
	[ "$(state "$2")" = "$before" ] || fail "$1: the file or its folder changed"
}

if command -v tmux >/dev/null; then
	sock=hyc$$
	trap 'tmux -L "$sock" kill-server 2>/dev/null || true
		rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"; cleanup' EXIT
	tmux -L "$sock" -f /dev/null new-session -d -s t -x 100 -y 30 "sh"
fi
# browse FILE: the browser on FILE; its stderr in $T/err, status in $st
browse() {
	if [ -z "${sock:-}" ]; then
		st=0
		"$HUIYI_BIN" -d "$1" </dev/null >"$T/out" 2>"$T/err" || st=$?
		return
	fi
	local mark=DONE$RANDOM$RANDOM
	tmux -L "$sock" send-keys -t t -l "TERM=screen '$HUIYI_BIN' -d '$1' 2>'$T/err'; echo $mark=\$?" 
	tmux -L "$sock" send-keys -t t Enter
	for _ in $(seq 1 200); do
		st=$(tmux -L "$sock" capture-pane -p -t t | sed -n "s/^$mark=\([0-9]*\)$/\1/p")
		[ -n "$st" ] && return 0
		tmux -L "$sock" capture-pane -p -t t | grep -q "日期" && tmux -L "$sock" send-keys -t t q
		sleep 0.05
	done
	fail "the browser on $1 never ended"
}

n=0
for d in "$T"/bad/*/; do
	kind=$(basename "$d") f=${d%/}/huiyi.db
	before=$(state "$f")
	for cmd in list "show 1" "search 会议" "import $HUIYI_ROOT/samples/02_ningchuan-city-standing-42.txt"; do
		st=0
		# shellcheck disable=SC2086
		"$HUIYI_BIN" -d "$f" $cmd >"$T/out" 2>"$T/err" || st=$?
		refused "$kind: ${cmd%% *}" "$f" "$T/err" "$st"
		case $kind in version_*) has "$T/err" "the version was changed by hand" ;; esac
		n=$((n + 1))
	done
	browse "$f"
	refused "$kind: the browser" "$f" "$T/err" "$st"
	case $kind in version_*) has "$T/err" "the version was changed by hand" ;; esac
	n=$((n + 1))
	echo "ok: $kind: $(cat "$T/err")"
done
# a reset version is named as such, with the way back
run 1 hy -d "$T/bad/version_zero/huiyi.db" list
has "$T/err" "schema version is 0, but it holds huiyi's tables (19 meetings)"
has "$T/err" "PRAGMA user_version = 21"
hasnt "$T/err" "no meetings yet"
run 1 hy -d "$T/bad/version_negative/huiyi.db" import "$HUIYI_ROOT/samples"
has "$T/err" "changed by hand"
hasnt "$T/err" "already exists"
run 1 hy -d "$T/bad/version_low/huiyi.db" import "$HUIYI_ROOT/samples"
has "$T/err" "schema version is 2, but it holds huiyi's tables (19 meetings) that look like version 21"
hasnt "$T/err" "already exists"
# the way back it gives works, also for a name the shell would split
odd="$T/it's a copy.db"
cp "$T/bad/version_zero/huiyi.db" "$odd"
run 1 hy -d "$odd" list
fix=$(sed -n 's/.*to recover, run \(sqlite3 .*\) and open it again.*/\1/p' "$T/err")
[ -n "$fix" ] || fail "no command to recover in: $(cat "$T/err")"
(cd / && eval "$fix") || fail "the command to recover failed: $fix"
run 0 hy -d "$odd" list
has "$T/out" "常务会议"
run 0 hy -d "$odd" search 燃气
echo "safety_corrupt: ok ($n refusals checked)"
