#!/usr/bin/env bash
# slow: tests/run.sh starts it first
# shellcheck disable=SC1110,SC1111 # the quotation marks “ ” are the point
# browser_ambiguous.sh: the browser in a terminal that draws East Asian
# ambiguous-width characters (“ ” … · § │ U+FFFD) two columns wide, as
# PuTTY, iTerm2, GNOME Terminal, WezTerm, mintty and xterm -cjk_width do
# when asked (issue 19), and in the usual one. The wide terminal is tmux
# with build/tests/ambiwide.so as LD_PRELOAD (its wcwidth() says 2 for
# them; Debian's tmux measures with wcwidth(), not utf8proc).
#
# At 80x24, 110x30 and 140x40 (under the sanitizers each size once, in
# one of the three ways), with no option (the browser asks the
# terminal: U+25BD, ESC [6n) and with --ambiguous wide: the list, a
# meeting with quotation marks and its outline, a section heading in
# quotation marks, search results, help and the search prompt. On each:
# no row runs past the right edge (tmux capture-pane -J joins no rows:
# still H lines), every line fits in display columns as this terminal
# counts them, the outline's border stays in one column, the status line
# is the last row, and the texts shown are whole (nothing overwritten).
# The usual terminal the same, with the border "│". A control: in the wide
# terminal --ambiguous narrow does tear (the checks see it). Then: cursor
# position reports that come late, split in two, or twice, while the
# search prompt is open never reach it as text.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

SO=$HUIYI_ROOT/${HUIYI_BUILD:-build}/tests/ambiwide.so
[ -f "$SO" ] || { echo "skip: $SO is not built (make tests-build)"; exit 77; }
case $SO in *" "*) echo "skip: a space in $SO"; exit 77 ;; esac

sample_db

LISTCOLS=0,11,26,45,54
TITLE2=青岚县政协召开十一届第25次主席会议
HEAD3=“助力县域经济高质量发展”专题协商会筹备工作

# no_join: no row of the pane ran past the right edge (a row the terminal
# wrapped is joined with the next by capture-pane -J: fewer lines).
no_join() {
	local n
	n=$(tm capture-pane -p -J -t t | wc -l)
	[ "$n" -eq "$H" ] && return 0
	WHY="a row ran past the right edge at ${W}x${H}: capture-pane -J gives $n lines, not $H"
	return 1
}

# The outline's border: rows 2 to H-1 have BAR at display column C.
cat >"$T/border.py" <<'EOF'
import os, sys, unicodedata
WIDE = ('W', 'F', 'A') if os.environ.get('SCREEN_AMBI') == '2' else ('W', 'F')
def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me'):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in WIDE else 1
col, bar = int(sys.argv[1]), sys.argv[2]
lines = sys.stdin.read().split('\n')
H = int(sys.argv[3])
bad = []
for n in range(2, H):
    l, x, at = lines[n - 1], 0, None
    for ch in l:
        if x == col:
            at = ch
            break
        x += width(ch)
    if at != bar:
        bad.append('line %d: %r at column %d, not %r: %r' % (n, at, col, bar, l))
print('\n'.join(bad[:3]))
sys.exit(1 if bad else 0)
EOF
border_ok() {
	local why
	why=$(pane | "$PY" "$T/border.py" "$1" "$2" "$H") && return 0
	WHY="the outline's border at ${W}x${H}: $why"
	return 1
}

# intact [cols C1,...]: the screen fits (as this terminal counts) and no
# row ran past the edge; waited for, then settled, then again.
all_ok() { screen_ok "$@" && no_join; }
intact() {
	poll all_ok "$@"
	settle
	poll all_ok "$@"
}

# screens W H AMBI OPTION...: the key screens in a W x H pane of the
# terminal that draws ambiguous characters AMBI (1 or 2) columns wide, the
# browser started with OPTION...
screens() {
	local w=$1 h=$2 ambi=$3 what bar ow
	shift 3
	what="${w}x${h}, ambiguous $ambi wide, ${*:-no option}"
	bar="│"
	[ "$ambi" = 2 ] && bar="|"
	export SCREEN_AMBI=$ambi
	if [ "$ambi" = 2 ]; then TMUX_PRELOAD=$SO; else TMUX_PRELOAD=; fi
	start_shell "$w" "$h"
	type_line "hy $*; echo EXIT=\$?"

	wait_status '^ meeting 1/19 .*q quit$'
	intact cols "$LISTCOLS"
	line 1 | grep -qF " huiyi · 19 meetings · sort: date" || fail "$what: list header: $(line 1)"
	[ "$(pane | grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2} ')" = 19 ] || fail "$what: not 19 rows"
	pane | tail -n 1 | grep -qE '^ meeting 1/19 +Enter open · / search · f filter · s sort · \? help · q quit$' ||
		fail "$what: status line: $(pane | tail -n 1)"
	ok "$what: the list"

	keys j Enter
	wait_status '^ meeting 2/19 · §0/5 · [0-9]+% .*\? help$'
	intact
	[ "$(line 1)" = " $TITLE2" ] || fail "$what: title line: '$(line 1)'"
	if [ "$w" -ge 100 ]; then
		ow=$((w / 3 > 36 ? 36 : w / 3))
		poll border_ok "$ow" "$bar"
		line 2 | grep -qE "^ 1 全省政协系统主席会议精神 +\\$bar Date       2025-05-19 \\(published 2025-05-20 17:08\\)" ||
			fail "$what: outline and reader: $(line 2)"
		line 4 | grep -qE "^ 3 “助力县域经济高质量发展”" || fail "$what: outline item 3: $(line 4)"
	else
		line 2 | grep -qE '^ overview · 5 sections *$' || fail "$what: section bar: $(line 2)"
		line 3 | grep -qE '^ Date       2025-05-19 \(published 2025-05-20 17:08\) *$' || fail "$what: reader: $(line 3)"
	fi
	ok "$what: a meeting, outline border '$bar' in one column"

	keys 3
	wait_status '^ meeting 2/19 · §3/5 · '
	intact
	pane | grep -qE "(^| )§3 +$HEAD3 *\$|^ §3/5 $HEAD3 *\$" || fail "$what: section 3's heading not whole"
	pane | grep -qF "会议研究了“助力县域经济高质量发展”专题协商会筹备工作。" ||
		fail "$what: section 3's text not whole"
	[ "$w" -lt 100 ] || poll border_ok "$ow" "$bar"
	ok "$what: section 3, its heading in quotation marks"

	keys q /
	wait_status '^search: *$'
	tm send-keys -t t -l "“协商”"
	wait_status '^search: “协商” *$'
	intact
	ok "$what: the search prompt with quotation marks"
	keys C-u
	tm send-keys -t t -l "协商"
	keys Enter
	wait_status '^ result 1/2 +Enter open · / search · q back · \? help$'
	intact
	line 1 | grep -qE '^ search: 协商 · 2 sections in 1 meeting *$' || fail "$what: results header: $(line 1)"
	pane | grep -qE "^  §3 “助力县域经济" || fail "$what: result §3 not shown"
	ok "$what: search results"

	keys '?'
	wait_for "huiyi help"
	intact
	ok "$what: help"

	keys q q q
	wait_for "EXIT=0"
	san_check
}

if sanitized; then # each size once and each way once
	screens 80 24 2
	screens 110 30 2 --ambiguous wide
	screens 140 40 1
else
	for size in "80 24" "110 30" "140 40"; do
		# shellcheck disable=SC2086
		set -- $size
		screens "$1" "$2" 2
		screens "$1" "$2" 2 --ambiguous wide
	done
	# a narrow terminal: every other test's, once here (make check's time)
	screens 140 40 1
fi

# The option wins over HUIYI_AMBIGUOUS, and that over asking.
export SCREEN_AMBI=2 TMUX_PRELOAD=$SO
start_shell 110 30 HUIYI_AMBIGUOUS=narrow
type_line "hy --ambiguous wide; echo EXIT=\$?"
wait_status '^ meeting 1/19 '
keys Enter
wait_status '^ meeting 1/19 · §0/'
intact
poll border_ok 36 "|"
keys q q
wait_for "EXIT=0"
ok "--ambiguous wide over HUIYI_AMBIGUOUS=narrow"

# The control: told narrow in the wide terminal, the rows do run past the
# edge, and the checks see it.
start_shell 80 24 HUIYI_AMBIGUOUS=narrow
type_line "hy; echo EXIT=\$?"
wait_for "2019-03-26"
settle
if no_join; then fail "--ambiguous narrow in the wide terminal: no row ran past the edge (is the terminal wide?)"; fi
keys q
wait_for "EXIT=0"
ok "the control: HUIYI_AMBIGUOUS=narrow in the wide terminal tears, as the checks see"

# Late cursor position reports while the search prompt is open: whole, a
# second answer on the probe's row (the rule must not change), split in
# two with a pause between, and ESC [1;5R (Ctrl-F3 to xterm).
export SCREEN_AMBI=1 TMUX_PRELOAD=
start_shell 110 30
type_line "hy; echo EXIT=\$?"
wait_status '^ meeting 1/19 '
keys /
wait_status '^search: *$'
tm send-keys -t t -l "ab"
tm send-keys -t t -H 1b 5b 35 3b 37 52           # ESC [5;7R
tm send-keys -t t -H 1b 5b 32 3b 33 52           # ESC [2;3R: the probe's row
tm send-keys -t t -l "c"
tm send-keys -t t -H 1b 5b 31 32 3b              # ESC [12;
sleep 0.3
tm send-keys -t t -H 34 30 52                    # 40R
tm send-keys -t t -H 1b 5b 31 3b 35 52           # ESC [1;5R
tm send-keys -t t -l "d"
wait_status '^search: abcd *$'
settle
pane | tail -n 1 | grep -qE '^search: abcd *$' || fail "the prompt took a report as text: $(pane | tail -n 1)"
keys Escape
wait_status '^ meeting 1/19 '
keys Enter
wait_status '^ meeting 1/19 · §0/'
intact
poll border_ok 36 "│"
keys q q
wait_for "EXIT=0"
san_check
ok "late, split and repeated cursor position reports never reach the prompt; the rule stays narrow"

# The CLI on the wide terminal: list and search cut their columns with
# "…" (2 columns there) by the rule they are given; no row runs past the
# edge. (The CLI does not ask the terminal: auto is narrow there.)
export SCREEN_AMBI=2 TMUX_PRELOAD=$SO
start_shell 80 40
type_line "clear; hy --ambiguous wide list; HUIYI_AMBIGUOUS=wide hy search 协商; echo EXIT=\$?"
wait_for "EXIT=0"
intact
pane | grep -qF "…" || fail "the CLI cut nothing at 80 columns"
pane | grep -qF "«协商»" || fail "the search excerpt is not shown"
ok "the CLI's list and search columns at 80 columns of the wide terminal"
