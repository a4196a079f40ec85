#!/usr/bin/env bash
# term_demo.sh: the terminal backend (src/term/term.c) in a real terminal
# emulator, tmux, through tests/tools/term-demo: CJK alignment, keys, the
# mouse, resize, Ctrl-Z, SIGTERM, NO_COLOR, TERM=dumb, and the terminal
# given back afterwards. Needs HUIYI_BUILD (the build directory) and
# HUIYI_ROOT (the repository); tests/run.sh sets both.
set -euo pipefail
: "${HUIYI_ROOT:?HUIYI_ROOT must point at the repository}"
build=${HUIYI_BUILD:?HUIYI_BUILD must name the build directory}
case $build in
/*) ;;
*) build=$HUIYI_ROOT/$build ;;
esac
demo=$build/tests/tools/term-demo
export LC_ALL=C.UTF-8

if ! command -v tmux >/dev/null; then
	echo "skip: tmux is not installed"
	exit 77
fi
[ -x "$demo" ] || { echo "FAIL: $demo is missing (make tests-build)"; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/huiyi-term.XXXXXX")
sock=huiyi-$$
tm() { tmux -L "$sock" "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -rf "$T"' EXIT

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

pane() { tm capture-pane -p -t t; }

# wait_for TEXT: until the pane shows TEXT (at most 4 s).
wait_for() {
	for _ in $(seq 100); do
		pane | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	echo "--- pane:" >&2
	pane >&2
	fail "the pane never showed '$1'"
}

# line N WANT: line N (1-based) of the pane is exactly WANT.
line() {
	local got
	got=$(pane | sed -n "$1p")
	[ "$got" = "$2" ] || {
		echo "--- pane:" >&2
		pane >&2
		fail "line $1 is '$got', expected '$2'"
	}
}

# type TEXT: TEXT and Enter at the shell prompt.
type_line() { tm send-keys -t t -l "$1" && tm send-keys -t t Enter; }

repeat() { local s=; for ((i = 0; i < $2; i++)); do s+=$1; done; echo "$s"; }

# Not a terminal: refused in one line, status 1.
st=0
"$demo" </dev/null >"$T/out" 2>"$T/err" || st=$?
[ "$st" = 1 ] || fail "without a terminal: exit status $st, expected 1"
grep -qF "needs a terminal" "$T/err" || fail "without a terminal: $(cat "$T/err")"
[ "$(wc -l <"$T/err")" = 1 ] || fail "without a terminal: more than one line"

# A shell in a tmux pane; the demo runs in it.
term=tmux-256color
infocmp "$term" >/dev/null 2>&1 || term=screen
tm -f /dev/null new-session -d -s t -x 80 -y 24 \
	"env -u NO_COLOR TERM=$term HOME=$T HISTFILE=/dev/null PS1='\$ ' bash --norc --noprofile -i"
tm set-option -t t status off >/dev/null
wait_for '$'

type_line "clear; '$demo'"
wait_for "huiyi term-demo 80x24"
# CJK aligned with ASCII; wide characters at the edge: from column 1 the
# last one does not fit (a blank), from column 0 they fill the row.
line 3 "一二三四五六七八九十|"
line 4 "12345678901234567890|"
line 5 " 会议听取了汇报|odd"
line 7 " $(repeat 边 39)"
line 8 "$(repeat 界 40)"
line 9 "ctl: ESC[^[] BEL[^G] CSI[�] RLO[�] "$'e\xcc\x81'" 😀"
wait_for "#0 none"

# Keys.
tm send-keys -t t j
wait_for "#1 key 0x6a"
tm send-keys -t t Down
wait_for "#2 key 0x110001 down"
tm send-keys -t t 会
wait_for "#3 key 0x4f1a"
tm send-keys -t t C-d
wait_for "#4 key 0x120064 ctrl-d"
tm send-keys -t t Escape
wait_for "#5 key 0x110009 esc"

# Mouse: a wheel-down at column 10, row 3 (X10 encoding, 1-based + 32).
tm send-keys -t t -H 1b 5b 4d 61 2b 24
wait_for "#6 mouse wheel-down 10,3"

# Resize (a burst): an event with the new size, the screen laid out anew.
tm resize-window -t t -x 70 -y 22
tm resize-window -t t -x 64 -y 21
tm resize-window -t t -x 60 -y 20
wait_for "resize 60x20"
wait_for "huiyi term-demo 60x20"
line 7 " $(repeat 边 29)"
line 8 "$(repeat 界 30)"
line 3 "一二三四五六七八九十|"

# Colours are on without NO_COLOR.
tm capture-pane -e -p -t t >"$T/colour"
grep -qE $'\e\\[(3[0-7]|4[0-7])m' "$T/colour" || fail "no colours on the screen"

# Ctrl-Z: the shell gets a sane terminal back; fg redraws.
tm send-keys -t t C-z
wait_for "Stopped"
# (wait for the output line itself: the typed command also holds "=tty")
type_line "clear; stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' '; echo =tty"
wait_for "icanon echo =tty"
pane | grep -qF "icanon echo =tty" || { pane >&2; fail "the terminal is not restored after Ctrl-Z"; }
type_line "fg"
wait_for "redraw 60x20"
line 3 "一二三四五六七八九十|"

# q: the demo exits 0 and the terminal is as it was.
tm send-keys -t t q
wait_for '$'
type_line "echo quit-status=\$?; stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' '; echo =tty"
wait_for "quit-status=0"
wait_for "icanon echo =tty"
pane | grep -qF "icanon echo =tty" || { pane >&2; fail "the terminal is not restored after q"; }
pane | grep -qF "huiyi term-demo" && { pane >&2; fail "the demo's screen is still shown after q"; }

# SIGTERM: the demo leaves cleanly and gives the terminal back.
type_line "clear; '$demo'; echo term-status=\$?"
wait_for "huiyi term-demo 60x20 pid"
pid=$(pane | sed -n '1s/.* pid \([0-9][0-9]*\).*/\1/p')
[ -n "$pid" ] || fail "no pid in the title"
kill -TERM "$pid"
wait_for "term-status=0"
wait_for "quit on a signal"
type_line "stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' '; echo =tty2"
wait_for "icanon echo =tty2"
pane | grep -qF "icanon echo =tty2" || { pane >&2; fail "the terminal is not restored after SIGTERM"; }

# NO_COLOR: attributes only (reverse video, bold, underline), no colours.
type_line "clear; NO_COLOR=1 '$demo'"
wait_for "huiyi term-demo 60x20"
line 3 "一二三四五六七八九十|"
tm capture-pane -e -p -t t >"$T/mono"
grep -qE $'\e\\[(3[0-7]|4[0-7])m' "$T/mono" && fail "colours despite NO_COLOR"
grep -qE $'\e\\[[0-9;]*7m' "$T/mono" || fail "no reverse video with NO_COLOR"
tm send-keys -t t q
wait_for '$'

# TERM=dumb: one clear line, status 1, nothing else drawn.
type_line "clear; TERM=dumb '$demo' 2>'$T/dumb'; echo dumb-status=\$?"
wait_for "dumb-status=1"
[ "$(wc -l <"$T/dumb")" = 1 ] || fail "TERM=dumb: $(cat "$T/dumb")"
grep -qF "TERM=dumb cannot show the browser" "$T/dumb" ||
	fail "TERM=dumb: $(cat "$T/dumb")"
type_line "clear; TERM=no-such-terminal '$demo' 2>'$T/unknown'; echo unknown-status=\$?"
wait_for "unknown-status=1"
grep -qF "TERM=no-such-terminal" "$T/unknown" || fail "unknown TERM: $(cat "$T/unknown")"

# Under the sanitizers: no reports anywhere in the pane's history.
if tm capture-pane -p -S - -t t | grep -q "Sanitizer"; then
	tm capture-pane -p -S - -t t | grep -A20 "Sanitizer" >&2
	fail "sanitizer report"
fi

echo "ok: term-demo in tmux"
