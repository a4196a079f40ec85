#!/usr/bin/env bash
# browser_outline.sh (issue 19 item 6): where the outline goes. tmux has no
# left and right margins (it never answers the browser's DECRQM 69
# question), so with every line scrolled beside an outline its rows would
# be written again: by default (`set outline auto`) a meeting at 120
# columns opens without it, the text the whole width, and the status line
# names the key that brings it (o outline). o shows it and says so, o again
# hides it. `set outline on` opens with it, `set outline off` without it
# and without the hint; `huiyi config` says which; a wrong value is named
# and the browser still starts. (With margins the outline is there from
# the start: browser_margins.sh.)
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"
sample_db
rm "$HOME/.config/huiyi/config" # browser_lib's `set outline on`: the default here

status() { pane | tail -n 1; }
no_outline() { # $1: why
	for r in 2 3 4 5 6 7 8 9 10; do
		line "$r" | grep -qF '│' && fail "outline drawn on row $r ($1): $(line "$r")"
	done
	return 0
}

"$HUIYI_BIN" -d "$T/db" config | grep -q '^set outline auto  # the default' ||
	fail "huiyi config: $("$HUIYI_BIN" -d "$T/db" config | grep outline)"
start_shell 120 30
type_line "hy; echo EXIT=\$?"
wait_status '^ meeting 1/19 '
keys Enter
wait_status '^ meeting 1/19 · §.* o outline · '
no_outline "the default, in tmux"
line 2 | grep -qF 'overview' || fail "no section bar in the outline's place: $(line 2)"
wide=$(pane | awk 'length > m { m = length } END { print m }')
[ "$wide" -gt 100 ] || fail "the text did not take the whole width ($wide columns)"
keys o
wait_status 'outline shown'
line 3 | grep -qF '│' || fail "o did not show it: $(line 3)"
keys j
wait_status '^ meeting 1/19 · §'
status | grep -qF 'o outline' && fail "o still named with the outline shown: $(status)"
keys o
wait_status 'outline hidden \(o shows it\)'
no_outline "hidden with o"
keys q q
wait_for 'EXIT=0'

# set outline on: the meeting opens with it; o hides it
mkdir -p "$HOME/.config/huiyi"
printf 'set outline on\n' >"$HOME/.config/huiyi/config"
"$HUIYI_BIN" -d "$T/db" config | grep -qx 'set outline on  # the configuration file' ||
	fail "huiyi config: $("$HUIYI_BIN" -d "$T/db" config | grep outline)"
start_shell 120 30
type_line "hy; echo EXIT=\$?"
wait_status '^ meeting 1/19 '
keys Enter
wait_status '^ meeting 1/19 · §'
line 3 | grep -qF '│' || fail "no outline with set outline on: $(line 3)"
status | grep -qF 'o outline' && fail "o named with the outline shown: $(status)"
keys o
wait_status 'outline hidden \(o shows it\)'
no_outline "set outline on, then o"
keys q q
wait_for 'EXIT=0'

# set outline off: without it and without the hint; o brings it
printf 'set outline off\n' >"$HOME/.config/huiyi/config"
start_shell 120 30
type_line "hy; echo EXIT=\$?"
wait_status '^ meeting 1/19 '
keys Enter
wait_status '^ meeting 1/19 · §'
no_outline "set outline off"
status | grep -qF 'o outline' && fail "o named though the user chose no outline: $(status)"
keys o
wait_status 'outline shown'
line 3 | grep -qF '│' || fail "o did not show it: $(line 3)"
keys q q
wait_for 'EXIT=0'

# a wrong value: named, with the file and line, and the browser starts
printf 'set outline maybe\n' >"$HOME/.config/huiyi/config"
start_shell 120 30
type_line "hy; echo EXIT=\$?"
wait_status "set outline: expected auto, on or off, got 'maybe'"
keys Enter
wait_status '^ meeting 1/19 · §.* o outline · '
no_outline "the default kept after a wrong value"
keys q q
wait_for 'EXIT=0'
san_check
echo ok
