#!/usr/bin/env bash
# browser_outline.sh (issue 19 item 6): o hides the outline beside a
# meeting's text and shows it again; the text takes the whole width and is
# wrapped again, the status line says which. `set outline off` in the
# configuration starts without it (in a terminal without left and right
# margins, such as tmux, scrolling the whole width is one scroll of the
# terminal's, as less does, instead of rewriting the text beside the
# outline); a wrong value is named and the browser still starts.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"
sample_db

start_shell 120 30
type_line "hy; echo EXIT=\$?"
wait_status '^ meeting 1/19 '
keys Enter
wait_status '^ meeting 1/19 · §'
line 3 | grep -qF '│' || fail "no outline at 120 columns: $(line 3)"
keys o
wait_status 'outline hidden \(o shows it\)'
for r in 2 3 4 5 6 7 8 9 10; do
	line "$r" | grep -qF '│' && fail "outline still drawn on row $r: $(line "$r")"
done
line 2 | grep -qF 'overview' || fail "the section bar did not take the outline's place: $(line 2)"
wide=$(pane | awk 'length > m { m = length } END { print m }')
keys o
wait_status 'outline shown'
line 3 | grep -qF '│' || fail "outline not back: $(line 3)"
keys q q
wait_for 'EXIT=0'
[ "$wide" -gt 100 ] || fail "the text did not take the whole width ($wide columns)"

# set outline off: the meeting opens without it; o brings it back
mkdir -p "$HOME/.config/huiyi"
printf 'set outline off\n' >"$HOME/.config/huiyi/config"
"$HUIYI_BIN" -d "$T/db" config | grep -qx 'set outline off  # the configuration file' ||
	fail "huiyi config: $("$HUIYI_BIN" -d "$T/db" config | grep outline)"
start_shell 120 30
type_line "hy; echo EXIT=\$?"
wait_status '^ meeting 1/19 '
keys Enter
wait_status '^ meeting 1/19 · §'
line 3 | grep -qF '│' && fail "outline drawn with set outline off: $(line 3)"
keys o
wait_status 'outline shown'
line 3 | grep -qF '│' || fail "o did not show it: $(line 3)"
keys q q
wait_for 'EXIT=0'

# a wrong value: named, with the file and line, and the browser starts
printf 'set outline maybe\n' >"$HOME/.config/huiyi/config"
start_shell 120 30
type_line "hy; echo EXIT=\$?"
wait_status "set outline: expected on or off, got 'maybe'"
keys Enter
wait_status '^ meeting 1/19 · §'
line 3 | grep -qF '│' || fail "the default (on) not kept: $(line 3)"
keys q q
wait_for 'EXIT=0'
san_check
echo ok
