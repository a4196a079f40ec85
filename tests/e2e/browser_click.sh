#!/usr/bin/env bash
# browser_click.sh: a click in the real browser in tmux selects the row
# painted under the pointer (issue 18 item 5; tests/screen/test_click.c
# clicks every row of the model at four sizes). At 80x12: a list row, the
# column header and the status line (nothing), the selected row again
# (opens it); search results, two rows each: a result's second row, the
# empty row below the last whole result and the status line (nothing);
# at 120x40 a meeting's outline: an entry (that section), its border and
# the rows below the last entry (nothing). Every click is pressed and
# released, and the right button is clicked once: after a release the
# browser used to read no more input (src/term asked ncurses for presses
# only).
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

sample_db

# ncurses asks for the mouse in the encoding TERM's kmous says: \E[M (X10:
# button + 32, 1-based column and row + 32) or \E[< (SGR).
kmous=$(infocmp -x "$TERMNAME" 2>/dev/null | tr ',' '\n' | sed -n 's/^[[:space:]]*kmous=//p')
if [ "$kmous" != '\E[M' ] && [ "$kmous" != '\E[<' ]; then
	# shellcheck disable=SC2016
	echo 'skip: TERM='"$TERMNAME"' has kmous='"'$kmous'"', an encoding this test cannot send'
	exit 77
fi
click() { # click COLUMN ROW [BUTTON] (1-based; button 0 the left, 2 the right): pressed, released
	local b=${3:-0}
	if [ "$kmous" = '\E[<' ]; then
		tm send-keys -t t -l $'\e'"[<$b;$1;$2M"
		tm send-keys -t t -l $'\e'"[<$b;$1;$2m"
	else
		tm send-keys -t t -H 1b 5b 4d "$(printf %x $((b + 32)))" "$(printf %x $(($1 + 32)))" "$(printf %x $(($2 + 32)))"
		tm send-keys -t t -H 1b 5b 4d 23 "$(printf %x $(($1 + 32)))" "$(printf %x $(($2 + 32)))"
	fi
}
# nothing STATUS_REGEX COLUMN,ROW...: clicks that must select nothing;
# each is sent once the browser has drawn a frame for the one before
# (HUIYI_TRACE: clicks sent together may be read together, one frame on
# a loaded machine), so it has read them all: the status line must still
# match.
nothing() {
	local want=$1 n i
	shift
	for at in "$@"; do
		n=$(paints)
		click "${at%,*}" "${at#*,}"
		for ((i = 0; i < TRIES; i++)); do
			[ "$(paints)" -gt "$n" ] && break
			sleep 0.05
		done
		[ "$(paints)" -gt "$n" ] || fail "the browser drew no frame for a click at $at"
	done
	settle
	pane | tail -n 1 | grep -qE -- "$want" ||
		fail "after clicks on no item ($*) the status line is '$(pane | tail -n 1)', not /$want/"
}

start_shell 80 12
type_line "hy"
wait_status '^ meeting 1/19 '
row6=$(line 6)
click 20 6
wait_status '^ meeting 4/19 '
[ "$(line 6)" = "$row6" ] || fail "the list scrolled on a click: line 6 is '$(line 6)', was '$row6'"
nothing '^ meeting 4/19 ' 20,2 5,12 40,1 # the column header, the status line, the title
# the right button: nothing, and the input goes on (a report ncurses
# was not asked for, a release or the right button, used to stop it)
click 20 3 2
click 1 3
wait_status '^ meeting 1/19 '
click 1 6
wait_status '^ meeting 4/19 '
click 70 6 # the selected row again: opens it
wait_status '^ meeting 4/19 · §'
keys q
wait_status '^ meeting 4/19 '
ok "list at 80x12: line 6 selects meeting 4 (the row painted there); header, title, status line nothing; a second click opens it"

# Search results, two rows a result: rows 3-10 hold four, line 11 is
# empty, line 12 the status line.
keys /
wait_status '^search:'
keys -l 燃气
keys Enter
wait_status '^ result 1/6 '
click 30 6 # the second row of the second result
wait_status '^ result 2/6 '
nothing '^ result 2/6 ' 30,11 30,12 # the empty row below the fourth result, the status line
click 30 9 # the first row of the fourth result
wait_status '^ result 4/6 '
ok "results at 80x12: a result's second row selects it; the empty row under the last and the status line nothing"

# The outline, from 100 columns: entries on lines 2.., the border at
# column 37 (a third of 120 is 40, at most 36 for the entries and a gap).
resize 120 40
keys Enter
wait_status '^ match '
keys g # the first screen, and the message gone
wait_status '§0/4 '
line 4 | grep -qE '^ 3 ' || fail "the outline's third entry is not on line 4: $(line 4)"
click 5 4
wait_status '§3/4 '
nothing '§3/4 ' 37,2 5,7 5,40 # the border, below the four entries, the status line
click 2 3
wait_status '§2/4 '
keys q q q
wait_re '^\$ ?$'
san_check
ok "the outline at 120x40: line 4 goes to §3, line 3 to §2; the border, the rows below the entries and the status line nothing"
