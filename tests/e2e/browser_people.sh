#!/usr/bin/env bash
# browser_people.sh: the people's screens (issue 11) in the real browser in
# tmux, over tests/fixtures/people (our own readouts: 副县长刘锐 of 青川县
# becomes 县委副书记、县长; another 刘锐 in 白水县). p in the list opens the
# people table, f filters it, Enter opens a career (the roles as a
# timeline, CJK labels aligned, then the meetings), Enter opens a meeting,
# q q q goes back the way it came; p in a meeting lists its people, Enter
# goes to one's career. The screen fits at every step, down to 20x6.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

"$HUIYI_BIN" -d "$T/db" import "$HUIYI_ROOT/tests/fixtures/people" >"$T/import.out" 2>&1 ||
	fail "import: $(cat "$T/import.out")"

# The display column where the first digit of line N starts.
digit_col() {
	line "$1" | "$PY" -c '
import sys, unicodedata
s = sys.stdin.read()
x = 0
for ch in s:
    if ch.isdigit():
        break
    x += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
print(x)'
}

start_shell 80 24
type_line "hy; echo EXIT=\$?"
wait_for "6 meetings"
wait_status '^ meeting 1/6 '

# p: the people table
keys p
wait_status '^ person 1/6 '
line 1 | grep -qF " huiyi · 6 people · sort: count" || fail "people header: $(line 1)"
line 2 | grep -qE '^Name +Place +Chair +Att\. +Obs\. +Inv\. +First +Last +Role' || fail "columns: $(line 2)"
line 3 | grep -qE '^刘锐 +青川县 +2 +3 +0 +0 2021-03-05 2024-01-08 县委副书记、县长' ||
	fail "first person: $(line 3)"
check_screen cols 0,9,42,53,64
ok "p opens the people table, the most meetings first, columns aligned"

keys s
wait_for "sort: name"
keys s
wait_for "sort: last"
keys s
wait_for "sort: count"
keys f
wait_status "^filter:"
tm send-keys -t t -l "劉銳"
keys Enter
wait_for "2 people · sort: count · filter: person:劉銳"
line 3 | grep -qE '^刘锐 +青川县' || fail "filtered: $(line 3)"
line 4 | grep -qE '^刘锐 +白水县' || fail "filtered: $(line 4)"
check_screen cols 0,9,42,53,64
ok "s cycles count, name, last; f 劉銳 finds both 刘锐, one a place"

# Enter: the career
keys Enter
wait_status '^ career · meeting 1/5 '
line 1 | grep -qF " 刘锐 · 青川县 · chair 2 · present 3 · 2021-03-05 … 2024-01-08" || fail "career title: $(line 1)"
line 2 | grep -qE '^ 副县长 +2021-03…2023-04 +█+ *$' || fail "the first role: $(line 2)"
line 3 | grep -qE '^ 县委副书记、县长 2023-05…2024-01 +█+ *$' || fail "the second role: $(line 3)"
[ "$(digit_col 2)" = "$(digit_col 3)" ] || fail "the role labels are not aligned: $(digit_col 2) $(digit_col 3)"
line 4 | grep -qE '\|2021 +\|2022 +\|2023 +\|2024' || fail "the axis: $(line 4)"
line 6 | grep -qE '^2021-03-05 present +副县长 +青川县人民政府召开第10次常务会议' || fail "first meeting: $(line 6)"
check_screen
ok "Enter opens the career: two roles on a timeline, labels aligned, the meetings"

keys G Enter
wait_status '^ meeting · §0/1 '
[ "$(line 1)" = " 青川县人民政府召开第30次常务会议" ] || fail "meeting title: $(line 1)"
check_screen
ok "Enter on the last meeting of the career opens it"

resize 20 6
check_screen
keys q
wait_status '^ career'
check_screen
resize 80 24
wait_status '^ career · meeting 5/5 '
check_screen
ok "q goes back to the career, the meeting still selected; 20x6 fits"

keys q
wait_status '^ person 1/2 '
line 1 | grep -qF "filter: person:劉銳" || fail "the filter is gone: $(line 1)"
keys q
wait_status '^ meeting 1/6 '
ok "q q goes back to the people, the filter kept, and the list"

# p in a meeting: its people; Enter: one's career
keys Enter
wait_status '^ meeting 1/6 '
keys p
wait_status '^ person 1/2 '
line 1 | grep -qF " 青川县人民政府召开第30次常务会议 · people" || fail "meeting's people title: $(line 1)"
line 3 | grep -qE '^chair +刘锐 +县委副书记、县长' || fail "the chair: $(line 3)"
line 4 | grep -qE '^present +王芳 +副县长' || fail "the attendee: $(line 4)"
check_screen
keys j Enter
wait_status '^ career · meeting 1/4 '
line 1 | grep -qF " 王芳 · 青川县" || fail "王芳's career: $(line 1)"
check_screen
keys q
wait_status '^ person 2/2 '
keys q
wait_status '^ meeting 1/6 · §0/1 '
keys q
wait_status '^ meeting 1/6 '
line 1 | grep -qF "6 meetings" || fail "not the list: $(line 1)"
ok "p in a meeting lists its people, Enter opens a career, q q q back to the list"

keys q
wait_for "EXIT=0"
san_check
defects_check
ok "the people's screens in the browser"
