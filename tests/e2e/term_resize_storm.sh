#!/usr/bin/env bash
# slow: tests/run.sh starts it first
# term_resize_storm.sh: resize storms on every screen of the browser (the
# list, a meeting, the help screen, the search results): 100 window size
# changes, each with its SIGWINCH, within about a second, through sizes
# down to 1x1, 1xN, Nx1 and 2x2 and up to 200x60. A small python driver
# sets the pane's terminal size itself (TIOCSWINSZ on the pane's tty: the
# kernel sends SIGWINCH for every change), then ends on the pane's own
# size; a burst of 40 tmux resize-window commands follows, as a terminal
# emulator would send them. After each storm: the browser is alive, it
# has drawn again, and the pane is what that screen looks like at the
# final size (status line on the last line, the right header and body,
# every line fits); no sanitizer report at the end. Then the results
# screen at 1x1, 1x10, 40x1 and 2x2 through tmux, and back.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

sample_db

cat >"$T/storm.py" <<'EOF'
import fcntl, os, random, struct, sys, termios, time
tty, w, h, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
fd = os.open(tty, os.O_RDWR | os.O_NOCTTY)
rnd = random.Random(seed)
edge = [(1, 1), (1, 40), (120, 1), (2, 2), (1, 2), (2, 1), (3, 3), (200, 60)]
sizes = []
for i in range(99):
    s = edge[(i // 3) % len(edge)] if i % 3 == 0 else (rnd.randint(1, 200), rnd.randint(1, 60))
    if sizes and s == sizes[-1] or s == (w, h):
        s = (s[0] % 200 + 1, s[1])
    sizes.append(s)
sizes.append((w, h))  # (different from the one before: a SIGWINCH too)
t0 = time.monotonic()
for i, (c, r) in enumerate(sizes):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', r, c, 0, 0))
    time.sleep(max(0.0, t0 + (i + 1) * 0.009 - time.monotonic()))
print(len(sizes))
EOF

alive() {
	local cmd
	cmd=$(tm display-message -p -t t '#{pane_current_command}')
	[ "$cmd" = huiyi ] || fail "the browser is gone (the pane runs '$cmd')"
}

# storm W H CHECK...: the pane becomes W x H (tmux), then 100 sizes ending
# at W x H (the driver), then a burst of 40 tmux resizes ending at W x H;
# then CHECK... must hold (polled), the frame settled.
storm() {
	local w=$1 h=$2 before n tty
	shift 2
	resize "$w" "$h"
	tty=$(tm display-message -p -t t '#{pane_tty}')
	before=$(paints)
	n=$("$PY" "$T/storm.py" "$tty" "$w" "$h" "$w$h") || fail "the storm driver failed on $tty"
	[ "$n" = 100 ] || fail "the storm driver set $n sizes"
	wait_paint "$before"
	alive
	local burst=() i
	for ((i = 1; i <= 40; i++)); do
		burst+=(resize-window -t t -x $((i % 7 == 0 ? 1 : 20 + i * 3)) -y $((i % 5 == 0 ? 1 : 3 + i)) \;)
	done
	burst+=(resize-window -t t -x "$w" -y "$h")
	before=$(paints)
	tm "${burst[@]}"
	wait_paint "$before"
	alive
	poll "$@"
	settle
	poll "$@"
	alive
}

# status_is REGEX: the last line of the pane matches.
status_is() {
	screen_ok || return 1
	WHY="${W}x${H}: the status line '$(pane | tail -n 1)' does not match /$1/"
	pane | tail -n 1 | grep -qE -- "$1"
}

# line_is N REGEX: line N of the pane matches, and the screen fits.
line_is() {
	screen_ok || return 1
	WHY="${W}x${H}: line $1 '$(line "$1")' does not match /$2/"
	line "$1" | grep -qE -- "$2"
}

both() { "$1" "${@:2:2}" && "${@:4:1}" "${@:5}"; }

list_ok() {
	status_is '^ meeting 1/19( |$)' || return 1
	line_is 1 '^ huiyi · 19 meetings · sort: date' || return 1
	line_is 2 '^Date +Body' || return 1
	line_is 3 '^2025-06-09 '
}

meeting_ok() {
	status_is '^ meeting 1/19 · §4/6 · ' || return 1
	line_is 1 '^ 澜港区召开区政府第３次常务会议' || return 1
	line_is 2 '^ §4/6 《澜港区' || return 1
	line_is 3 '^ §4 +《澜港区'
}

help_ok() {
	status_is '^ help( |$)' || return 1
	line_is 1 '^ huiyi help — keys in a meeting' || return 1
	# the first key under a blank line, or right under the title when
	# the keys do not all fit with it (small screens)
	line_is 3 '^  j ↓ +scroll down a line' || line_is 2 '^  j ↓ +scroll down a line'
}

results_ok() {
	status_is '^ result 1/6( |$)' || return 1
	line_is 1 '^ search: 燃气 · 6 sections in 3 meetings' || return 1
	line_is 3 '^2023-09-07 青岚县召开城镇燃气安全专项整治专题会议'
}

start_shell 100 30
type_line "hy; echo EXIT=\$?"
wait_status '^ meeting 1/19( |$)'

storm 90 25 list_ok
ok "the list: 100 sizes in about a second (1x1, 1x40, 120x1, 2x2 … 200x60) and a burst of 40, then right at 90x25"

keys Enter
wait_status '^ meeting 1/19 · §0/6 · '
keys 4
wait_status '^ meeting 1/19 · §4/6 · '
storm 70 20 meeting_ok
ok "a meeting at §4: the storms, then right at 70x20 (§4 still on top)"

keys ?
wait_status '^ help '
storm 60 15 help_ok
ok "the help screen: the storms, then right at 60x15"
keys q
wait_status '^ meeting 1/19 · §4/6 · '
keys q
wait_status '^ meeting 1/19( |$)'

keys /
wait_status '^search:'
keys -l 燃气
keys Enter
wait_status '^ result 1/6 '
storm 100 30 results_ok
ok "the search results: the storms, then right at 100x30"

for s in 1x1 1x10 40x1 2x2; do
	resize "${s%x*}" "${s#*x}"
	check_screen
	alive
done
resize 100 30
poll results_ok
ok "the results at 1x1, 1x10, 40x1, 2x2: no crash, nothing wider than the pane; right again at 100x30"

keys q
wait_status '^ meeting 1/19( |$)'
keys q
wait_for "EXIT=0"
san_check
ok "resize storms"
