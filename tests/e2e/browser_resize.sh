#!/usr/bin/env bash
# browser_resize.sh: a meeting open at §4 in the browser while the tmux
# window changes size: 60x20, 40x12, 20x6, 120x40, back to 100x30, a burst
# of 20 sizes in one go, tiny sizes down to 1x1. After each: the screen is
# redrawn at the new size (status line on the last line, every line fits),
# the same section is shown, no crash; and q still quits from 1x1.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

sample_db
TITLE1=澜港区召开区政府第３次常务会议 # the first meeting by date: 6 sections
HEAD4=《澜港区基层医疗卫生服务能力提升行动方案》

alive() {
	local cmd
	cmd=$(tm display-message -p -t t '#{pane_current_command}')
	[ "$cmd" = huiyi ] || fail "the browser is gone (the pane runs '$cmd')"
}

# status_prefix: what the status line starts with at §4/6, as far as it
# fits in W columns (every character of it is one column).
status_prefix() {
	local s=' meeting 1/19 · §4/6 · '
	s=${s:0:W}
	echo "${s%"${s##*[! ]}"}"
}

# meeting_ok: the pane shows the meeting at §4 laid out for W x H (a
# stale frame of the size before does not pass).
meeting_ok() {
	local l1 l2 l3
	screen_ok || return 1
	WHY="${W}x${H}: the status line is not '$(status_prefix)…'"
	pane | tail -n 1 | grep -qE "^$(status_prefix)" || return 1
	l1=$(line 1) l2=$(line 2) l3=$(line 3)
	WHY="${W}x${H}: the title line is '$l1'"
	[[ " ${TITLE1}" == "$l1"* ]] || return 1
	if [ "$W" -ge 100 ]; then
		WHY="${W}x${H}: no outline with §4 at the top of the reader: '$l2'"
		[[ $l2 =~ ^\ 1\ 全市优化营商环境大会精神\ +│\ §4\ {9}${HEAD4} ]] || return 1
		WHY="${W}x${H}: the outline's last line: '$(line 7)'"
		line 7 | grep -qE '^ 6 其它事宜 +│' || return 1
	elif [ "$H" -ge 4 ]; then
		WHY="${W}x${H}: no '§4/6' bar on line 2: '$l2'"
		[[ $l2 == " §4/6 《澜港区"* ]] || return 1
		WHY="${W}x${H}: §4 is not at the top of the reader: '$l3'"
		[[ $l3 == " §4         《澜港"* ]] || return 1
	fi
	return 0
}

# at W H: after a resize to W x H, the meeting is drawn anew at §4.
at() {
	resize "$1" "$2"
	poll meeting_ok
	settle
	poll meeting_ok
	alive
	ok "${W}x${H}: redrawn, status on line $H, every line fits, §4 on top"
}

start_shell 100 30
type_line "hy; echo EXIT=\$?"
wait_for "19 meetings"
keys Enter
wait_status '^ meeting 1/19 · §0/6 · '
keys 4
wait_status '^ meeting 1/19 · §4/6 · '
check_screen
ok "100x30: the first meeting open at §4/6"

at 60 20
at 40 12
at 20 6
at 120 40
at 100 30

# A burst: 20 sizes in one tmux command, no pause between them.
burst=()
for i in $(seq 20); do
	burst+=(resize-window -t t -x $((30 + i * 4)) -y $((8 + i)) \;)
done
before=$(paints)
tm "${burst[@]}"
W=110 H=28
wait_paint "$before"
poll meeting_ok
settle
poll meeting_ok
alive
ok "a burst of 20 resizes ending at 110x28: redrawn once more, §4 on top"
at 80 24

# Tiny: no crash, and back at a usable size all is as it was.
for s in 30x3 10x4 5x3 2x2 1x1; do
	resize "${s%x*}" "${s#*x}"
	wait_status "^$(status_prefix)"
	check_screen
	alive
	if [ "$s" = 30x3 ]; then
		# Three rows: the title, one reader line, the status. The reader
		# must not be drawn over the title (they would mix into one line).
		l1=$(line 1)
		[ -n "$l1" ] || fail "30x3: line 1 is empty"
		[[ " ${TITLE1}" == "$l1"* ]] || [[ $l1 == " §4    ${HEAD4:0:3}"* ]] ||
			defect "30x3: line 1 mixes the title and the reader: '$l1' (title ' ${TITLE1}', reader ' §4         ${HEAD4}')"
	fi
done
ok "30x3, 10x4, 5x3, 2x2, 1x1: no crash, nothing wider than the pane"
at 80 24

# q q at 1x1 (back to the list, quit), seen at a size a person can read.
resize 1 1
keys q q
for ((i = 0; i < 100; i++)); do
	[ "$(tm display-message -p -t t '#{pane_current_command}')" = bash ] && break
	sleep 0.05
done
resize 60 10
wait_for "EXIT=0"
san_check
ok "q q at 1x1 leaves the browser, status 0"
defects_check
ok "resize"
