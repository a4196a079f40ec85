#!/usr/bin/env bash
# slow: tests/run.sh starts it first
# browser_wire.sh (issue 19 item 6): what a line of scrolling costs on the
# wire, and that the writer's screen is the one a whole redraw draws.
#
# Bytes: in an 80x24 pseudo-terminal (python, TERM=xterm-256color) the
# longest sample meeting is scrolled with j from its top to its end
# (bench/tui.py scroll_bytes, as make bench does). What a press sends
# beyond the text it shows (moves, attributes, the scroll, the status
# line's percentage) is at most 24 bytes at the median (20: the samples'
# sections are short, and a heading brings its colour and a new sticky
# line; 9 on a plain line; less sends 10, ncurses sent 60), and the median
# press at most 115 bytes (106; it was 176). Deterministic: each press
# waits for its frame.
#
# Right: in tmux as tmux-256color, xterm-256color, vt100 (a scroll region
# but no SU, no column address) and ansi (no scroll region: delete and
# insert line), in a meeting at 80x24 or beside the outline at 120x40:
# j, k, Space, b, d, u (half a page), Tab and G (keys every TERM has:
# vt100 has no PgDn), and after each the pane (with attributes)
# is the pane a whole redraw gives (Ctrl-Z, fg: every cell drawn again).
# The same at 100x30 in a terminal that draws ambiguous characters wide,
# with --ambiguous wide.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

sample_db

# --- bytes ---
out=$("$PY" - "$HUIYI_BIN" "$T/db" "$HUIYI_ROOT/bench" <<'PYEOF'
import re, statistics, sys
sys.path.insert(0, sys.argv[3])
import tui
r = tui.scroll_bytes(sys.argv[1], sys.argv[2], 80, 24, with_less=False)
seq = re.compile(rb'\x1b(\[[0-9;?]*[@-~]|[^[])|[\x00-\x1f]')
over = [len(f) - len(seq.sub(b'', f)) for f in r["frames"] if f]
print(f"{r['hy_median']:.0f} {statistics.median(over):.0f} {r['presses']} {max(over)}")
PYEOF
) || fail "the byte count did not run: $out"
read -r med over presses maxover <<<"$out"
echo "80x24: median $med B a press, $over B of it not text (max $maxover), $presses presses"
[ "$over" -le 24 ] || fail "a press sends $over bytes beyond its text at the median (bound 24; less sends 10)"
[ "$med" -le 115 ] || fail "a press sends $med bytes at the median (bound 115)"
ok "80x24: a line of scrolling sends $med B at the median, $over B beyond the text (bounds 115 and 24)"

# --- the same screen as a whole redraw ---
# cells.py: a capture with attributes (capture-pane -e) as one line of
# cells a row: each character with its attributes, a blank with only what
# shows on a blank (background, reverse, underline), trailing plain
# blanks dropped.
cat >"$T/cells.py" <<'PYEOF'
import re, sys
out = []
for line in sys.stdin.read().split('\n'):
    st = {}
    cells = []
    for m in re.finditer(r'\x1b\[([0-9;]*)m|(.)', line):
        if m.group(2) is None:
            ps = [int(p) if p else 0 for p in m.group(1).split(';')]
            i = 0
            while i < len(ps):
                p = ps[i]
                if p == 0:
                    st = {}
                elif p in (38, 48) and i + 2 < len(ps) and ps[i + 1] == 5:
                    st['fg' if p == 38 else 'bg'] = ps[i + 2]
                    i += 2
                elif 30 <= p <= 37 or 90 <= p <= 97:
                    st['fg'] = p
                elif 40 <= p <= 47 or 100 <= p <= 107:
                    st['bg'] = p
                elif p == 39:
                    st.pop('fg', None)
                elif p == 49:
                    st.pop('bg', None)
                elif p in (22, 24, 27):
                    st.pop({22: 1, 24: 4, 27: 7}[p], None)
                    if p == 22:
                        st.pop(2, None)
                else:
                    st[p] = 1
                i += 1
            continue
        ch = m.group(2)
        if ch == ' ':
            cells.append((' ', st.get('bg'), st.get(7), st.get(4)))
        else:
            cells.append((ch, tuple(sorted(st.items(), key=str))))
    while cells and cells[-1] == (' ', None, None, None):
        cells.pop()
    out.append(repr(cells))
while out and out[-1] == '[]':
    out.pop()
print('\n'.join(out))
PYEOF
# looks WHAT: the pane's cells as they look (cells.py)
looks() { tm capture-pane -p -e -t t | "$PY" "$T/cells.py"; }

# same_as_redraw WHAT: the pane now (attributes too) against the pane
# after Ctrl-Z and fg (HY_EV_REDRAW: every cell drawn again).
same_as_redraw() {
	local a b
	settle
	a=$(looks)
	keys C-z
	wait_for 'Stopped'
	type_line 'clear; fg'
	settle
	poll status_back
	settle
	b=$(looks)
	if [ "$a" != "$b" ]; then
		diff <(echo "$a") <(echo "$b") | head -8 | cut -c1-300 >&2
		fail "$1: the screen differs from a whole redraw"
	fi
}
quit_done() { [ "$(tm display-message -p -t t '#{pane_current_command}')" != huiyi ]; }
status_back() { pane | tail -n 1 | grep -qE '^ meeting 1/19'; }

# walk TERMNAME W H [OPTION...]: the meeting, moved about, checked after
# each move
walk() {
	local term=$1 w=$2 h=$3
	shift 3
	start_shell "$w" "$h"
	type_line "TERM=$term hy --theme dark $*"
	wait_status '^ meeting 1/19 .*q quit$'
	keys Enter
	wait_status '^ meeting 1/19 · §0/'
	for k in j j j j j; do keys "$k"; done
	same_as_redraw "$term ${w}x${h} after 5 j"
	for _ in $(seq 14); do keys j; done
	same_as_redraw "$term ${w}x${h} after 19 j"
	keys k k k
	same_as_redraw "$term ${w}x${h} after k"
	keys Space
	same_as_redraw "$term ${w}x${h} after Space"
	keys j b
	same_as_redraw "$term ${w}x${h} after b"
	keys d
	same_as_redraw "$term ${w}x${h} after d"
	keys u k
	same_as_redraw "$term ${w}x${h} after u"
	keys Tab j j
	same_as_redraw "$term ${w}x${h} after Tab"
	keys G k
	same_as_redraw "$term ${w}x${h} after G"
	keys q q
	poll quit_done
	type_line 'echo EXIT=$?'
	wait_for 'EXIT=0'
	san_check
	ok "$term ${w}x${h} ${*:-}: j, k, Space, b, d, u, Tab, G leave the screen a whole redraw draws"
}

# each terminal at one size or two (a walk costs about 6 s of CPU)
# (xterm-256color and ansi at 120x40 draw as tmux-256color and ansi do at
# the other size: left out for make check's time; WIRE_WALKS runs them)
walks="$TERMNAME:80x24 $TERMNAME:120x40 vt100:80x24 ansi:80x24"
# under the sanitizers each way of moving rows once: a scroll region
# beside the outline, none (delete and insert line) (the byte count and
# the ambiguous-wide walk below run there too)
if sanitized; then walks="$TERMNAME:120x40 ansi:80x24"; fi
for tw in "${WIRE_WALKS[@]:-$walks}"; do
	for one in $tw; do
		term=${one%%:*} size=${one#*:}
		infocmp "$term" >/dev/null 2>&1 || { echo "no terminfo for $term: not tried"; continue; }
		walk "$term" "${size%x*}" "${size#*x}"
	done
done

SO=$HUIYI_ROOT/${HUIYI_BUILD:-build}/tests/ambiwide.so
if [ -f "$SO" ]; then
	TMUX_PRELOAD=$SO
	walk "$TERMNAME" 100 30 --ambiguous wide
	TMUX_PRELOAD=
else
	echo "$SO is not built: the ambiguous-wide terminal not tried"
fi
defects_check
