#!/usr/bin/env bash
# browser_basic.sh: the browser (`huiyi -d DB`) in tmux at 100x30 (outline
# beside the reader) and at 80x24 (a "§k/n heading" bar instead): the list,
# moving, opening a meeting, a section by number, searching in it, help,
# back, quit. After every step the screen is measured: every line fits the
# pane in display columns, no character is split, the status line is the
# last line, the list's columns line up.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

sample_db

# The list's column starts (date 10, body 14, meeting 18, chair 8, title).
LISTCOLS=0,11,26,45,54
# The second meeting by date (the samples are fixed).
TITLE2=青岚县政协召开十一届第25次主席会议

# What the help screen must say in a meeting: every description in the
# key tables (src/ui/keymap.c) for the meeting screen.
mapfile -t HELP_MEET < <(grep -oE '\{HY_ACT_[A-Z_]+, [A-Z |]+, N_\("[^"]+"\)\}' \
	"$HUIYI_ROOT/src/ui/keymap.c" | grep -E ', [A-Z |]*(MEET|ALL)[A-Z |]*, N_\("' |
	sed -E 's/.*, N_\("([^"]+)"\)\}$/\1/')
[ "${#HELP_MEET[@]}" -ge 10 ] || fail "could not read the help texts from keymap.c (${#HELP_MEET[@]})"

browse_at() {
	local w=$1 h=$2 n k
	start_shell "$w" "$h"
	type_line "hy; echo EXIT=\$?"

	# The list.
	wait_for "19 meetings"
	wait_status '^ meeting 1/19 .*q quit$'
	line 1 | grep -qF " huiyi · 19 meetings · sort: date" || fail "list header: $(line 1)"
	line 2 | grep -qE '^Date +Body +Meeting +Chair +Title' || fail "column header: $(line 2)"
	line 3 | grep -qE '^2025-06-09 +区政府 +常务会议 第3次' || fail "first row: $(line 3)"
	[ "$(pane | grep -cE '^[0-9]{4}-[0-9]{2}-[0-9]{2} ')" = 19 ] || fail "not 19 rows with a date"
	check_screen cols "$LISTCOLS"
	ok "${w}x${h}: the list shows 19 meetings, 2025-06-09 first, columns aligned"

	keys j
	wait_status '^ meeting 2/19 '
	check_screen cols "$LISTCOLS"
	ok "${w}x${h}: j selects meeting 2/19"

	# The meeting.
	keys Enter
	wait_status '^ meeting 2/19 · §0/5 · [0-9]+% .*\? help$'
	[ "$(line 1)" = " $TITLE2" ] || fail "title line: '$(line 1)'"
	if [ "$w" -ge 100 ]; then
		line 2 | grep -qE '^ 1 全省政协系统主席会议精神 +│ Date +2025-05-19' ||
			fail "outline and reader: $(line 2)"
	else
		line 2 | grep -qE '^ overview · 5 sections' || fail "section bar: $(line 2)"
		line 3 | grep -qE '^ Date +2025-05-19' || fail "reader: $(line 3)"
		if pane | grep -qF "│"; then fail "an outline below 100 columns"; fi
	fi
	check_screen
	ok "${w}x${h}: Enter opens it: title on top, §0/5"

	keys 3
	wait_status '^ meeting 2/19 · §3/5 · '
	if [ "$w" -ge 100 ]; then
		line 2 | grep -qE '│ §3 +“助力县域经济高质量发展”专题协商会筹备工作' ||
			fail "reader top after 3: $(line 2)"
		for n in 1 2 3 4 5; do
			line $((n + 1)) | grep -qE "^ $n [^ ]" || fail "outline line $n: $(line $((n + 1)))"
		done
		line 2 | grep -qF " 1 全省政协系统主席会议精神" || fail "outline: $(line 2)"
		line 6 | grep -qF " 5 其他事宜" || fail "outline: $(line 6)"
	else
		line 2 | grep -qE '^ §3/5 “助力县域经济高质量发展”' || fail "section bar after 3: $(line 2)"
		line 3 | grep -qE '^ §3 +“助力县域' || fail "reader top after 3: $(line 3)"
	fi
	check_screen
	ok "${w}x${h}: 3 goes to §3/5, its heading at the top$([ "$w" -ge 100 ] && echo ", the outline lists 5 sections")"

	# Search in the meeting.
	keys /
	wait_status '^/$'
	keys -l 会议
	wait_status '^/会议$'
	check_screen
	keys Enter
	# Like less, the search starts at the top line: the first match at or
	# after the start of §3 (the 11th of the meeting's 17 in the samples).
	wait_status '^ match [0-9]+/[0-9]+ '
	n=$(pane | tail -n 1 | sed -nE 's/^ match [0-9]+\/([0-9]+) .*/\1/p')
	k=$(pane | tail -n 1 | sed -nE 's/^ match ([0-9]+)\/.*/\1/p')
	[ "${n:-0}" -ge 3 ] || fail "only ${n:-no} matches of 会议"
	[ "$k" -gt 1 ] && [ "$k" -lt "$n" ] || fail "from §3 the search went to match $k/$n"
	check_screen
	keys n
	wait_status "^ match $((k + 1))/$n "
	check_screen
	ok "${w}x${h}: / 会议 Enter from §3 shows match $k/$n, n match $((k + 1))/$n"
	# From the top: match 1/N, then 2/N.
	keys g
	wait_re '^( 1 .*│)? Date +2025-05-19'
	settle
	# Match 12 is no longer on the screen: the status line should say where
	# we are again (§0/5), not the old message.
	pane | tail -n 1 | grep -qE '^ meeting 2/19 · §0/5 · ' ||
		defect "${w}x${h}: after a search, g shows the top but the status line still says '$(pane | tail -n 1 | sed 's/  .*//')' and no §k/n position"
	keys / && keys -l 会议 && keys Enter
	wait_status "^ match 1/$n "
	check_screen
	keys n
	wait_status "^ match 2/$n "
	keys N N
	wait_status "^ match $n/$n "
	check_screen
	ok "${w}x${h}: from the top / 会议 Enter shows match 1/$n, n 2/$n, N N $n/$n"

	# Help, generated from the key tables.
	keys '?'
	wait_for "huiyi help — keys in a meeting"
	wait_status ' q back$'
	# The search message belongs to the meeting, not to the help screen.
	pane | tail -n 1 | grep -qE '^ help ' ||
		defect "${w}x${h}: the help screen's status line says '$(pane | tail -n 1 | sed 's/  .*//')', not 'help' (the meeting's last message leaks onto it)"
	local want
	for want in "${HELP_MEET[@]}"; do
		pane | grep -qF -- "$want" || fail "help does not say '$want'"
	done
	pane | grep -qE '^  Tab \] +next agenda section$' || fail "help: no 'Tab ]  next agenda section'"
	pane | grep -qE '^  1–9 +agenda section 1 to 9$' || fail "help: no '1–9'"
	pane | grep -qE '^  q Esc h ← +back$' || fail "help: no 'q Esc h ←  back'"
	if pane | grep -qF "filter:"; then fail "help in a meeting lists the list's f filter"; fi
	check_screen
	ok "${w}x${h}: ? shows help with all ${#HELP_MEET[@]} meeting keys from keymap.c"

	keys q
	wait_status '^ meeting 2/19 · §[0-5]/5 · '
	[ "$(line 1)" = " $TITLE2" ] || fail "back from help: title line '$(line 1)'"
	check_screen
	ok "${w}x${h}: q leaves help for the meeting"

	keys q
	wait_for "19 meetings"
	wait_status '^ meeting 2/19 '
	check_screen cols "$LISTCOLS"
	ok "${w}x${h}: q goes back to the list, meeting 2 still selected"

	# Quit: exit status 0, the shell's screen back, the terminal sane.
	keys q
	wait_for "EXIT=0"
	wait_re '^\$ ?$'
	if pane | grep -qE 'meetings · sort|meeting [0-9]+/19|Date +Body'; then
		fail "the browser's screen is still there after q"
	fi
	# Exactly the shell's lines: the command, its status, the prompt.
	[ "$(line 1)" = '$ hy; echo EXIT=$?' ] && [ "$(line 2)" = "EXIT=0" ] && [ "$(line 3)" = '$' ] ||
		fail "the shell's screen is not as it was before the browser"
	type_line "stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' '; echo =t''ty"
	wait_for "=tty"
	pane | grep -qF "icanon echo =tty" || fail "the terminal is not restored after q"
	check_screen
	san_check
	ok "${w}x${h}: q quits with status 0, the shell's screen and modes restored"
}

browse_at 100 30
browse_at 80 24
san_check
defects_check
ok "browser basics at 100x30 and 80x24"
