#!/usr/bin/env bash
# browser_keys.sh: the browser's list keys and its manners in tmux at
# 80x12 (nine rows of meetings, so paging means something): NO_COLOR
# (attributes only, the selected row in reverse video), G g PgDn PgUp, the
# mouse wheel in the list and in a meeting, Ctrl-Z and fg, s (sort), f
# (filter: a year, a month, none).
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

sample_db
LISTCOLS=0,11,26,45,54

# attrs: for each line of a capture with attributes (-e), "R" if the
# first character is drawn in reverse video, else "-"; and "colour" on a
# last line if any foreground or background colour was set.
cat >"$T/attrs.py" <<'EOF'
import re, sys
data = sys.stdin.buffer.read().decode('utf-8')
rev, colour, out = False, False, []
for line in data.split('\n'):
    first, i = None, 0
    while i < len(line):
        m = re.match(r'\x1b\[([0-9;:]*)m', line[i:])
        if m:
            ps = [int(p) if p else 0 for p in re.split('[;:]', m.group(1))]
            k = 0
            while k < len(ps):
                p = ps[k]
                if p == 0: rev = False
                elif p == 7: rev = True
                elif p == 27: rev = False
                elif 30 <= p <= 37 or 40 <= p <= 47 or 90 <= p <= 97 or 100 <= p <= 107: colour = True
                elif p in (38, 48):
                    colour = True
                    k += 2 if k + 1 < len(ps) and ps[k + 1] == 5 else 4
                k += 1
            i += m.end()
            continue
        if first is None and line[i] != ' ':
            first = rev
        i += 1
    out.append('R' if first else '-')
print(''.join(out))
if colour:
    print('colour')
EOF
# reversed: which lines (1-based) start in reverse video, e.g. "1 3 12".
reversed() {
	tm capture-pane -p -e -t t | "$PY" "$T/attrs.py" | head -n 1 |
		grep -o . | grep -n R | cut -d: -f1 | tr '\n' ' ' | sed 's/ $//'
}

start_shell 80 12 NO_COLOR=1
type_line "hy"
wait_status '^ meeting 1/19 '
check_screen cols "$LISTCOLS"

# NO_COLOR: no colour at all; title, selected row and status in reverse.
if tm capture-pane -p -e -t t | "$PY" "$T/attrs.py" | grep -qx colour; then
	fail "NO_COLOR=1: colours on the screen"
fi
[ "$(reversed)" = "1 3 12" ] || fail "NO_COLOR=1: reverse video on lines '$(reversed)', expected the title, the selected row 3 and the status: 1 3 12"
keys j
wait_status '^ meeting 2/19 '
[ "$(reversed)" = "1 4 12" ] || fail "NO_COLOR=1: after j, reverse video on lines '$(reversed)', expected 1 4 12"
tm capture-pane -p -e -t t | sed -n 4p | grep -qE $'^\e\\[([0-9;]*;)?7(;[0-9;]*)?m' ||
	fail "NO_COLOR=1: the selected row does not start with an SGR with 7 (reverse)"
ok "NO_COLOR=1: no colours; the selected row (and only it) in reverse video, following j"

# Moving: nine rows show; PgDn pages by nine, G and g to the ends.
keys g
wait_status '^ meeting 1/19 '
keys PgDn
wait_status '^ meeting 10/19 '
check_screen cols "$LISTCOLS"
line 11 | grep -qE '^2022-07-05 ' || fail "PgDn: the last row is not the 10th meeting: $(line 11)"
[ "$(reversed)" = "1 11 12" ] || fail "PgDn: the selection is on lines '$(reversed)'"
keys PgDn
wait_status '^ meeting 19/19 '
line 11 | grep -qE '^2019-03-26 ' || fail "PgDn: the last row is not the oldest meeting: $(line 11)"
keys PgUp
wait_status '^ meeting 10/19 '
keys g
wait_status '^ meeting 1/19 '
line 3 | grep -qE '^2025-06-09 ' || fail "g: the first row is $(line 3)"
keys G
wait_status '^ meeting 19/19 '
line 11 | grep -qE '^2019-03-26 ' || fail "G: the last row is $(line 11)"
check_screen cols "$LISTCOLS"
keys Home
wait_status '^ meeting 1/19 '
keys End
wait_status '^ meeting 19/19 '
keys g
wait_status '^ meeting 1/19 '
ok "PgDn 10/19, PgDn 19/19, PgUp 10/19, g 1/19, G 19/19, Home, End: rows scroll with the selection"

# The mouse wheel. ncurses asks for the mouse in the encoding TERM's kmous
# says (\E[M here: X10, button + 32, 1-based column and row + 32); the
# bytes go to the browser as if tmux's own terminal had sent them.
kmous=$(infocmp -x "$TERMNAME" 2>/dev/null | tr ',' '\n' | sed -n 's/^[[:space:]]*kmous=//p')
wheel() { # wheel up|down COLUMN ROW (1-based)
	local b=64
	[ "$1" = down ] && b=65
	if [ "$kmous" = '\E[<' ]; then
		tm send-keys -t t -l $'\e'"[<$b;$2;$3M"
	else
		tm send-keys -t t -H 1b 5b 4d "$(printf %x $((b + 32)))" \
			"$(printf %x $(($2 + 32)))" "$(printf %x $(($3 + 32)))"
	fi
}
if [ "$kmous" = '\E[M' ] || [ "$kmous" = '\E[<' ]; then
	wheel down 20 5
	wait_status '^ meeting 4/19 '
	wheel down 20 5
	wait_status '^ meeting 7/19 '
	wheel up 20 5
	wait_status '^ meeting 4/19 '
	check_screen cols "$LISTCOLS"
	# In a meeting: the reader scrolls three lines a notch.
	keys Enter
	wait_status '^ meeting 4/19 · §0/'
	top=$(line 3)
	keys j j j
	wait_line_not 3 "$top"
	settle
	want=$(line 3)
	keys g
	wait_line 3 "$top"
	wheel down 30 6
	wait_line 3 "$want"
	check_screen
	keys q
	wait_status '^ meeting 4/19 '
	ok "the mouse wheel: down 3 rows (4/19, 7/19), up 3 (4/19); in a meeting 3 lines like j j j"
else
	# shellcheck disable=SC2016
	echo 'skip (mouse): TERM='"$TERMNAME"' has kmous='"'$kmous'"', an encoding this test cannot send'
fi

# Ctrl-Z: the shell gets the terminal (sane), fg brings the browser back
# as it was.
keys g j j j j
wait_status '^ meeting 5/19 '
keys C-z
wait_for "Stopped"
wait_re '^\$ ?$'
if pane | grep -qE 'meetings · sort'; then fail "the browser's screen is still there after Ctrl-Z"; fi
type_line "stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' '; echo =t''ty"
wait_for "=tty"
pane | grep -qF "icanon echo =tty" || fail "the terminal is not restored after Ctrl-Z"
type_line "fg"
wait_status '^ meeting 5/19 '
wait_for "19 meetings"
check_screen cols "$LISTCOLS"
[ "$(reversed)" = "1 7 12" ] || fail "after fg the selection is on lines '$(reversed)', expected 7"
ok "Ctrl-Z stops the browser (terminal sane: icanon echo), fg redraws it at meeting 5/19"

# s: date → body → number → date.
keys s
wait_for "sort: body"
wait_status '^ meeting 1/19 '
check_screen cols "$LISTCOLS"
keys s
wait_for "sort: number"
keys s
wait_for "sort: date"
line 3 | grep -qE '^2025-06-09 ' || fail "back to date order: $(line 3)"
ok "s cycles the sort: body, number, date"

# f: a year, then a month (one meeting), then nothing (all).
keys f
wait_status '^filter:$'
keys -l 2020
wait_status '^filter: 2020$'
keys Enter
wait_for "3 meetings"
line 1 | grep -qE '^ huiyi · 3 meetings · sort: date · filter: 2020' || fail "filter header: $(line 1)"
wait_status '^ meeting 1/3 '
[ "$(pane | grep -cE '^2020-[0-9]{2}-[0-9]{2} ')" = 3 ] || fail "not three rows from 2020"
if pane | grep -qE '^20(1[0-9]|2[1-9])-'; then fail "rows outside 2020 after the filter"; fi
check_screen cols "$LISTCOLS"
ok "f 2020 Enter: header says filter: 2020…, 3 meetings, all from 2020"
keys f
wait_status '^filter: 2020'
keys C-u
wait_status '^filter:$'
keys -l 2019-08
keys Enter
wait_status '^ meeting 1/1 '
line 3 | grep -qE '^2019-08-13 ' || fail "filter 2019-08: $(line 3)"
line 1 | grep -qE '^ huiyi · 1 meetings? · sort: date · filter: 2019-08' || fail "filter header: $(line 1)"
line 1 | grep -qE '^ huiyi · 1 meeting · ' ||
	defect "one meeting is counted as '$(line 1 | sed -E 's/^ huiyi · ([^·]*) ·.*/\1/')' in the list header"
keys f C-u Enter
wait_for "19 meetings"
wait_status '^ meeting 1/19 '
if line 1 | grep -qF "filter:"; then fail "an empty filter still shows: $(line 1)"; fi
check_screen cols "$LISTCOLS"
ok "f 2019-08: one meeting; f, Ctrl-U, Enter: all 19 again"

keys q
wait_re '^\$ ?$'
type_line "echo EXIT=\$?"
wait_for "EXIT=0"
san_check
defects_check
ok "list keys, mouse, Ctrl-Z, NO_COLOR"
