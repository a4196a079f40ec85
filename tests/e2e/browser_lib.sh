#!/usr/bin/env bash
# browser_lib.sh: helpers for the browser_*.sh tests, which drive the real
# browser (`huiyi -d DB`) in tmux and look at the pane as a person would.
# Sourced by them; run on its own (tests/run.sh does), it checks its own
# screen checker against known good and bad screens.
#
# Needs what lib.sh needs (HUIYI_BIN, HUIYI_ROOT), plus tmux and python3
# (skipped, status 77, without them). Works with the ASan+UBSan build: the
# browser's stderr goes to $T/stderr, and san_check fails on any report.
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if ! command -v tmux >/dev/null; then
	echo "skip: tmux is not installed"
	exit 77
fi
PY=$(command -v python3 || true)
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3 # no pyenv shim start-up
if [ -z "$PY" ]; then
	echo "skip: python3 is not installed (it measures the screen)"
	exit 77
fi

# The outline beside a meeting, asked for: tmux never says it has left and
# right margins, and by default (set outline auto) a meeting there opens
# without it. The screens these tests check are the ones with it (as in a
# terminal that has margins); browser_outline.sh checks the default. A
# test that writes its own configuration replaces this one.
mkdir -p "$HOME/.config/huiyi"
printf 'set outline on\n' >"$HOME/.config/huiyi/config"

sock=hy$$ nserver=0
tm() { tmux -L "$sock" "$@"; }
# tmux leaves its socket behind: remove ours with the server.
sockdir=${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)
stop_server() {
	tm kill-server 2>/dev/null || true
	[ "$nserver" -gt 0 ] && rm -f "$sockdir/$sock"
	return 0
}
trap 'stop_server; cleanup' EXIT

# How long a wait_* / poll waits for the pane before failing, in seconds.
# Waits end as soon as the pane shows what they wait for, so this costs
# nothing when all is well; it is long for a loaded machine and the
# sanitizer build.
WAIT=${HUIYI_E2E_WAIT:-20}
TRIES=$((WAIT * 20)) # polls 50 ms apart

# The pane's size as the test set it (what the screen must fit).
W=0 H=0

pane() { tm capture-pane -p -t t 2>/dev/null; }

# On failure: the pane as it is and the browser's stderr, then the reason.
fail() {
	if tm has-session -t t 2>/dev/null; then
		echo "--- pane (${W}x${H}):" >&2
		pane | sed 's/^/|/' >&2
	fi
	if [ -s "$T/stderr" ]; then
		echo "--- browser stderr:" >&2
		head -40 "$T/stderr" >&2
	fi
	echo "FAIL: $*" >&2
	exit 1
}

ok() { echo "ok: $*"; }

# defect WHAT: something wrong that need not stop the test (the rest is
# still worth checking); shown with the pane now, and defects_check at the
# end fails the test.
defect() {
	echo "DEFECT: $*" >>"$T/defects"
	{
		echo "DEFECT: $*"
		echo "--- pane (${W}x${H}):"
		pane | sed 's/^/|/'
	} >&2
}

defects_check() {
	if [ -s "$T/defects" ]; then
		fail "$(wc -l <"$T/defects") defect(s):
$(cat "$T/defects")"
	fi
}

# A database with our sample readouts in $T/db.
sample_db() {
	"$HUIYI_BIN" -d "$T/db" import "$HUIYI_ROOT/samples" >"$T/import.out" 2>"$T/import.err" ||
		fail "import samples: $(cat "$T/import.err")"
	grep -qF "imported 19" "$T/import.out" "$T/import.err" ||
		fail "import samples: $(cat "$T/import.out" "$T/import.err")"
}

# `hy` in the pane's shell: the browser on $T/db, stderr kept aside, and
# HUIYI_TRACE writing a "paint NS" line for every frame it has drawn (how
# a test knows the browser has answered a resize).
mkdir -p "$T/bin"
cat >"$T/bin/hy" <<EOF
#!/bin/sh
HUIYI_TRACE="$T/trace" exec "$HUIYI_BIN" -d "$T/db" "\$@" 2>>"$T/stderr"
EOF
chmod +x "$T/bin/hy"

TERMNAME=tmux-256color
infocmp "$TERMNAME" >/dev/null 2>&1 || TERMNAME=screen

# start_shell W H [ENV...]: an interactive shell in a W x H tmux pane, on
# a new tmux server (the one before, if any, is killed). With TMUX_PRELOAD
# set, the tmux server runs with it as LD_PRELOAD (browser_ambiguous.sh:
# a terminal that draws ambiguous-width characters wide); the pane's
# programs do not get it.
start_shell() {
	W=$1 H=$2
	shift 2
	stop_server
	sock=hy$$.$((++nserver))
	${TMUX_PRELOAD:+env LD_PRELOAD="$TMUX_PRELOAD"} tmux -L "$sock" -f /dev/null new-session -d -s t -x "$W" -y "$H" \
		"env -u NO_COLOR ${TMUX_PRELOAD:+-u LD_PRELOAD} $* TERM=$TERMNAME HOME=$HOME PATH=$T/bin:$PATH HISTFILE=/dev/null PS1='\$ ' bash --norc --noprofile -i"
	tm set-option -t t status off >/dev/null
	wait_for '$'
}

# type_line TEXT: TEXT and Enter at the shell prompt.
type_line() { tm send-keys -t t -l "$1" && tm send-keys -t t Enter; }

# keys KEY...: tmux key names (j, Enter, PgDn, C-z) to the pane.
keys() { tm send-keys -t t "$@"; }

# wait_for TEXT [SECONDS]: until the pane shows TEXT (a fixed string).
wait_for() {
	local i n=$((${2:-$WAIT} * 20))
	for ((i = 0; i < n; i++)); do
		pane | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	fail "the pane never showed '$1'"
}

# wait_re REGEX [SECONDS]: until a line of the pane matches REGEX (ERE).
wait_re() {
	local i n=$((${2:-$WAIT} * 20))
	for ((i = 0; i < n; i++)); do
		pane | grep -qE -- "$1" && return 0
		sleep 0.05
	done
	fail "no line of the pane matched /$1/"
}

# wait_status REGEX: until the last line (the status line) matches, and
# the frame is complete (the status line is not always drawn last).
wait_status() {
	local i
	for ((i = 0; i < TRIES; i++)); do
		if pane | tail -n 1 | grep -qE -- "$1"; then
			settle
			pane | tail -n 1 | grep -qE -- "$1" && return 0
		fi
		sleep 0.05
	done
	fail "the status line never matched /$1/"
}

# settle: until two captures 50 ms apart agree (the frame is complete).
settle() {
	local a b i
	a=$(pane)
	for ((i = 0; i < 40; i++)); do
		sleep 0.05
		b=$(pane)
		[ "$a" = "$b" ] && return 0
		a=$b
	done
	fail "the screen never stopped changing"
}

# line N: line N (1-based) of the pane.
line() { pane | sed -n "$1p"; }

# wait_line N TEXT: until line N is exactly TEXT.
wait_line() {
	local i
	for ((i = 0; i < TRIES; i++)); do
		[ "$(line "$1")" = "$2" ] && return 0
		sleep 0.05
	done
	fail "line $1 never became '$2'"
}

# wait_line_not N TEXT: until line N is no longer TEXT.
wait_line_not() {
	local i
	for ((i = 0; i < TRIES; i++)); do
		[ "$(line "$1")" != "$2" ] && return 0
		sleep 0.05
	done
	fail "line $1 stayed '$2'"
}

# The screen checker, in display columns: East Asian Wide/Fullwidth are 2,
# combining marks 0, the rest 1 (ambiguous-width characters 2 with
# SCREEN_AMBI=2 in the environment: a terminal that draws them wide). Reads a capture on stdin; arguments:
# W H [cols C1,C2,...] — every line at most W columns and valid UTF-8,
# exactly H lines, no control characters; with cols: the list rows (line 3
# to the line above the status) have a character boundary after a blank
# at each column start (CJK and Latin aligned). Prints what is wrong.
cat >"$T/screen.py" <<'EOF'
import os, sys, unicodedata
WIDE = ('W', 'F', 'A') if os.environ.get('SCREEN_AMBI') == '2' else ('W', 'F')
def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me'):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in WIDE else 1
    return w
W, H = int(sys.argv[1]), int(sys.argv[2])
cols = [int(c) for c in sys.argv[4].split(',')] if len(sys.argv) > 4 and sys.argv[3] == 'cols' else []
raw = sys.stdin.buffer.read()
bad = []
try:
    text = raw.decode('utf-8')
except UnicodeDecodeError as e:
    print('not UTF-8 (a character split?): %s' % e)
    sys.exit(1)
lines = text.split('\n')
if lines and lines[-1] == '':
    lines.pop()
if len(lines) != H:
    bad.append('%d lines, the pane has %d' % (len(lines), H))
for n, l in enumerate(lines, 1):
    w = width(l)
    if w > W:
        bad.append('line %d is %d columns wide, the pane %d: %r' % (n, w, W, l))
    for ch in l:
        if ord(ch) < 0x20 or 0x7f <= ord(ch) <= 0x9f:
            bad.append('line %d has the control character U+%04X' % (n, ord(ch)))
for n, l in enumerate(lines[2:-1], 3) if cols else []:
    if not l.strip():
        continue
    starts, x = {0}, 0
    prev = {}
    for ch in l:
        prev[x] = ch
        x += width(ch)
        starts.add(x)
    for c in cols:
        if c not in starts and c < x:
            bad.append('line %d: column %d falls inside a character: %r' % (n, c, l))
        elif c > 0 and c < x and prev.get(c - 1, ' ') != ' ':
            bad.append('line %d: no blank before column %d: %r' % (n, c, l))
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
EOF

# poll CMD...: until CMD succeeds (at most $WAIT s); CMD says in WHY what is
# still wrong, and that is the failure.
poll() {
	local i
	WHY="$*"
	for ((i = 0; i < TRIES; i++)); do
		"$@" && return 0
		sleep 0.05
	done
	fail "$WHY"
}

# screen_ok [cols C1,...]: the pane, as it is now, fits W x H.
screen_ok() {
	local why
	why=$(pane | "$PY" "$T/screen.py" "$W" "$H" "$@") && return 0
	WHY="the screen at ${W}x${H}: $why"
	return 1
}

# check_screen [cols C1,...]: the pane settles and fits W x H. (Just after
# a resize tmux may still show the old frame: it is waited out.)
check_screen() {
	poll screen_ok "$@"
	settle
	poll screen_ok "$@"
}

# paints: how many frames the browser has drawn so far.
paints() {
	if [ -f "$T/trace" ]; then
		grep -c '^paint' "$T/trace" || true
	else
		echo 0
	fi
}

# wait_paint N: until the browser has drawn more than N frames and then
# none for 100 ms. (After a resize tmux shows the old frame cut to the
# new size, which may look right: this waits for the browser's own.)
wait_paint() {
	local i n
	for ((i = 0; i < TRIES; i++)); do
		[ "$(paints)" -gt "$1" ] && break
		sleep 0.05
	done
	[ "$(paints)" -gt "$1" ] || fail "the browser drew nothing new (HUIYI_TRACE=$T/trace)"
	n=$(paints)
	for ((i = 0; i < 40; i++)); do
		sleep 0.1
		[ "$(paints)" = "$n" ] && return 0
		n=$(paints)
	done
}

# resize W H: the tmux window (and so the pane) becomes W x H, and the
# browser (if it runs) has drawn its next frame.
resize() {
	local before
	before=$(paints)
	W=$1 H=$2
	tm resize-window -t t -x "$W" -y "$H"
	if [ "$(tm display-message -p -t t '#{pane_current_command}')" = huiyi ]; then
		wait_paint "$before"
	fi
}

# san_check: no sanitizer report from the browser (its stderr).
san_check() {
	if [ -f "$T/stderr" ] && grep -qE "runtime error|Sanitizer" "$T/stderr"; then
		fail "sanitizer report on the browser's stderr"
	fi
}

# The raw-output checker: what the pane's programs wrote, byte for byte
# (rec_start .. rec_stop, tmux pipe-pane -o). It must be valid UTF-8, and
# every escape sequence one a curses program draws with: CSI with only
# digits and ';' (SGR, cursor moves, erasing, scroll region, insert and
# delete, private modes from a short list: cursor, keypad, mouse,
# alternate screen, bracketed paste), ESC ( ) charset choices, ESC 7 8 =
# > M. Nothing else: no OSC (clipboard, title), DCS, APC, PM, SOS, no
# report requests (CSI 6n, CSI c, CSI t), no reset (ESC c), no BEL, no
# C0 but BS TAB LF CR SO SI, no C1 (U+0080-U+009F), no bidi controls and
# none of the invisible format characters huiyi must not send (ZWSP, ZWJ,
# ZWNJ, word joiner and invisible operators, BOM, interlinear
# annotation, tags), and never ESC [2J (the hostile tests' clear-screen:
# ncurses clears with ESC [H ESC [J here). One report request is allowed:
# the ambiguous-width probe at start, ESC [2;1H U+25BD ESC [6n, once; the
# question for left and right margins, ESC [?69$p (DECRQM), once; and
# one OSC, the background query ESC ] 11 ; ? ST, once. Margins (mode ?69,
# ESC [ n s) only where the terminal has said it has them.
# Prints what is wrong.
{ echo "import sys; sys.path.insert(0, '$HUIYI_ROOT/tests/tools')"; cat; } >"$T/raw.py" <<'EOF'
import re
from textcheck import INVISIBLE, read_utf8
text = read_utf8(sys.argv[1])
FINALS = set('mHJKABCDEFGdfrSTLM@PXbs')
MODES = {'?1', '?7', '?12', '?25', '?47', '?1000', '?1002', '?1003', '?1004',
         '?1005', '?1006', '?1015', '?1034', '?1047', '?1048', '?1049', '?2004', '?69',
         '4', '34'}
CSI = re.compile(r'\x1b\[([\x30-\x3f]*)([\x20-\x2f]*)([\x40-\x7e])')
C0 = set('\b\t\n\r\x0e\x0f')
PROBE = '\x1b[2;1H\u25bd'
probes = 0
BGQUERY = '\x1b]11;?\x1b\\'
bgqueries = 0
MARGQUERY = '\x1b[?69$p'
margqueries = 0
bad = []
i = 0
while i < len(text) and len(bad) < 10:
    c, o = text[i], ord(text[i])
    n, why = 1, None
    if c == '\x1b':
        m = CSI.match(text, i)
        if text.startswith(MARGQUERY, i) and margqueries == 0:
            margqueries += 1
            n = len(MARGQUERY)
        elif m:
            n = m.end() - i
            params, inter, final = m.groups()
            if inter or not re.fullmatch(r'\??[0-9;]*', params):
                why = 'CSI with odd bytes'
            elif final in 'hl':
                q = '?' if params.startswith('?') else ''
                if not all(q + p in MODES for p in params.lstrip('?').split(';')):
                    why = 'a terminal mode huiyi does not set'
            elif final == 'n' and params == '6' and text.endswith(PROBE, 0, i) and probes == 0:
                probes += 1
            elif final not in FINALS:
                why = 'a CSI sequence curses does not draw with'
        elif text.startswith(BGQUERY, i) and bgqueries == 0:
            bgqueries += 1
            n = len(BGQUERY)
        elif text[i + 1:i + 2] in ('(', ')') and text[i + 2:i + 3] in ('B', '0', 'U'):
            n = 3
        elif text[i + 1:i + 2] and text[i + 1] in '78=>M':
            n = 2
        else:
            why = 'an escape sequence that is not CSI'
        if text.startswith('\x1b[2J', i):
            why = 'ESC [2J (the hostile clear-screen)'
    elif (o < 0x20 and c not in C0) or o == 0x7f:
        why = 'the control character U+%04X' % o
    elif INVISIBLE.match(c):
        why = 'U+%04X (C1, bidi or invisible format character)' % o
    if why:
        bad.append('%s at %d: %r' % (why, i, text[max(0, i - 30):i + 30]))
    i += n
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
EOF

# rec_start: record what the pane's programs write from now on ($T/raw).
rec_start() {
	: >"$T/raw"
	tm pipe-pane -t t -o "cat >>'$T/raw'"
}

# rec_stop MARKER: once MARKER (printed last, e.g. by the shell after the
# browser) is in the recording, stop recording.
rec_stop() {
	local i
	for ((i = 0; i < TRIES; i++)); do
		grep -qF -- "$1" "$T/raw" && break
		sleep 0.05
	done
	tm pipe-pane -t t
	grep -qF -- "$1" "$T/raw" || fail "the recording never got '$1'"
}

# raw_ok WHAT: the recording holds only what raw.py allows.
raw_ok() {
	local why
	why=$("$PY" "$T/raw.py" "$T/raw") ||
		fail "$1: the terminal received what huiyi must never send:
$why"
}

# Run on its own: the checker catches what it is for.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	ck() { printf '%s' "$3" | "$PY" "$T/screen.py" "$1" "$2" "${@:4}" >/dev/null; }
	ck 10 2 $'一二三四五\nabc\n' || fail "checker: a full line of wide characters refused"
	ck 10 2 $'一二三四五六\nabc\n' && fail "checker: 12 columns in 10 not seen"
	ck 10 2 $'abc\n' && fail "checker: a missing line not seen"
	ck 10 2 $'ab\xe4\xb8\ncd\n' && fail "checker: half a character not seen"
	ck 10 2 $'a\x1b[2Jb\ncd\n' && fail "checker: a control character not seen"
	ck 10 2 $'e\xcc\x81e\xcc\x81e\xcc\x81e\xcc\x81e\xcc\x81e\xcc\x81e\xcc\x81e\xcc\x81e\xcc\x81e\xcc\x81\nx\n' ||
		fail "checker: combining marks counted"
	ck 20 4 $'head\nhead\n2024 ab  一二 cd\nstatus\n' cols 5,9,14 ||
		fail "checker: aligned columns refused"
	ck 20 4 $'head\nhead\n2024 一二三 cd\nstatus\n' cols 5,8 &&
		fail "checker: a column inside a wide character not seen"
	rk() { printf '%s' "$1" >"$T/raw" && "$PY" "$T/raw.py" "$T/raw" >/dev/null; }
	rk $'\e[?1049h\e[1;30r\e[m\e[1;4H一\e[39;49m\e(B\e[K\r\n\e[?25l\e[?1006;1000h\e[?1049l' ||
		fail "raw checker: what ncurses writes refused"
	rk $'\e[2;1H\xe2\x96\xbd\e[6n\e[?1049h' || fail "raw checker: the ambiguous-width probe refused"
	rk $'\e[2;1H\xe2\x96\xbd\e[6n\e[2;1H\xe2\x96\xbd\e[6n' && fail "raw checker: a second probe not seen"
	rk $'\e]11;?\e\\\e[?1049h' || fail "raw checker: the background query refused"
	rk $'\e]11;?\e\\\e]11;?\e\\' && fail "raw checker: a second background query not seen"
	for b in $'\e]52;c;eA==\a' $'\eP1$qm\e\\' $'\e_x\e\\' $'\e[6n' $'\ec' $'\e[2J' $'\e[21t' \
		$'a\ab' $'\xc2\x9b1m' $'\x9b' $'\xe2\x80\xae' $'\xe2\x80\x8b' $'\xe2\x80\x8d' $'\e[?1049;5h'; do
		rk "x${b}y" && fail "raw checker: $(printf '%q' "$b") not seen"
	done
	ok "the raw checker allows curses' own sequences, refuses OSC, DCS, APC, reports, RIS, ESC [2J, BEL, C1, bidi, ZWSP, ZWJ"
	ok "the screen checker sees overwide lines, split characters, controls, misaligned columns"
fi
