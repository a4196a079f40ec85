#!/usr/bin/env bash
# browser_theme.sh: the colours follow the terminal's background (issue
# 19). A section heading and a metadata label of the newest sample meeting
# are read off the pane with their attributes (capture-pane -e): yellow
# and cyan with --theme dark, blue and magenta with --theme light or a
# light COLORFGBG, the terminal's own colour (bold and underlined, bold)
# when the background is not known; NO_COLOR and a terminal without
# colours (TERM=vt100) keep them apart by attributes alone. On the Linux
# console (TERM=linux) a notice comes first: Enter goes on, q quits,
# --force skips it.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

sample_db
HEADING=§1
LABEL=Date

# sgr TEXT: the attributes in force where TEXT last shows on the pane (the
# reading side, right of the outline):
# "fg=N bold=B ul=U" (fg 39: the terminal's default)
cat >"$T/sgr.py" <<'PYEOF'
import re, sys
want = sys.argv[1]
data = sys.stdin.buffer.read().decode('utf-8')
fg, bold, ul = 39, 0, 0
found = 'absent'
for line in data.split('\n'):
    i, text, states = 0, '', []
    while i < len(line):
        m = re.match(r'\x1b\[([0-9;:]*)m', line[i:])
        if m:
            ps = [int(p) if p else 0 for p in re.split('[;:]', m.group(1))] or [0]
            k = 0
            while k < len(ps):
                p = ps[k]
                if p == 0: fg, bold, ul = 39, 0, 0
                elif p == 1: bold = 1
                elif p == 22: bold = 0
                elif p == 4: ul = 1
                elif p == 24: ul = 0
                elif 30 <= p <= 37 or p == 39: fg = p
                elif 90 <= p <= 97: fg = p - 60
                elif p in (38, 48):
                    if p == 38 and k + 2 < len(ps) and ps[k + 1] == 5: fg = 30 + ps[k + 2] % 8
                    k += 2 if k + 1 < len(ps) and ps[k + 1] == 5 else 4
                k += 1
            i += m.end()
            continue
        text += line[i]
        states.append((fg, bold, ul))
        i += 1
    at = text.rfind(want)
    if at >= 0:
        f, b, u = states[at]
        found = 'fg=%d bold=%d ul=%d' % (f, b, u)
print(found)
PYEOF
sgr() { tm capture-pane -p -e -t t | "$PY" "$T/sgr.py" "$1"; }

# open_newest CMD: the browser by CMD, the newest meeting opened, its
# first heading shown
open_newest() {
	start_shell 100 30
	type_line "$1"
	wait_status '^ meeting 1/19 '
	keys Enter
	wait_for "全市优化营商环境大会精神"
	settle
}
# expect CMD HEADING-SGR LABEL-SGR
expect() {
	open_newest "$1"
	local h l
	h=$(sgr "$HEADING") l=$(sgr "$LABEL")
	[ "$h" = "$2" ] || fail "$1: the heading is drawn '$h', expected '$2'"
	[ "$l" = "$3" ] || fail "$1: the label is drawn '$l', expected '$3'"
	keys q q
	wait_for '$'
	ok "$1: heading $h, label $l"
}

expect "hy --theme dark" "fg=33 bold=1 ul=0" "fg=36 bold=0 ul=0"
expect "hy --theme light" "fg=34 bold=1 ul=0" "fg=35 bold=0 ul=0"
expect "COLORFGBG='0;15' hy" "fg=34 bold=1 ul=0" "fg=35 bold=0 ul=0"
expect "COLORFGBG='15;0' hy" "fg=33 bold=1 ul=0" "fg=36 bold=0 ul=0"
expect "HUIYI_THEME=light hy --theme dark" "fg=33 bold=1 ul=0" "fg=36 bold=0 ul=0"
# not known: the terminal's own colours, told apart by bold and underline
expect "env -u COLORFGBG hy" "fg=39 bold=1 ul=1" "fg=39 bold=1 ul=0"
# no colours at all: attributes alone, headings and labels still apart
expect "NO_COLOR=1 hy --theme dark" "fg=39 bold=1 ul=1" "fg=39 bold=1 ul=0"
expect "TERM=vt100 hy --theme light" "fg=39 bold=1 ul=1" "fg=39 bold=1 ul=0"
# eight colours (screen) as 256
expect "TERM=screen hy --theme light" "fg=34 bold=1 ul=0" "fg=35 bold=0 ul=0"

# not told: the terminal is asked (OSC 11), and its answer, however late,
# sets the colours: a light background here
open_newest "env -u COLORFGBG hy"
[ "$(sgr "$HEADING")" = "fg=39 bold=1 ul=1" ] || fail "before the answer: heading $(sgr "$HEADING")"
keys -l $'\e]11;rgb:ffff/ffff/ffff\e\\'
for ((i = 0; i < TRIES; i++)); do
	[ "$(sgr "$HEADING")" = "fg=34 bold=1 ul=0" ] && break
	sleep 0.05
done
[ "$(sgr "$HEADING")" = "fg=34 bold=1 ul=0" ] || fail "a light answer: heading $(sgr "$HEADING")"
ok "OSC 11 answered light: blue headings"
# answers nobody asked for (a second one, one in pieces, one ended by
# BEL) are dropped: nothing reaches the search prompt
keys q
wait_status '^ meeting 1/19 '
keys /
wait_status '^search: *$'
keys -l 'ab'
keys -l $'\e]11;rgb:0000/0000/0000\a'
keys -l $'\e]11;rgb:00'
sleep 0.1
keys -l $'00/0000/0000\e\\'
keys -l 'cd'
wait_status 'search: abcd'
pane | tail -n 1 | grep -qE 'search: abcd *$' || fail "OSC answers reached the prompt: $(pane | tail -n 1)"
keys Escape
keys Enter
wait_for "全市优化营商环境大会精神"
settle
[ "$(sgr "$HEADING")" = "fg=34 bold=1 ul=0" ] || fail "an answer nobody asked for changed the colours"
ok "OSC answers nobody asked for: dropped, the prompt reads abcd"
keys q q
wait_for '$'

# a bad value is a usage error
start_shell 100 30
type_line "hy --theme sepia; echo rc=\$?"
wait_for "rc=2"
grep -qF -- "--theme takes auto, light or dark" "$T/stderr" || fail "--theme sepia: no usage message"
ok "--theme sepia: usage error"

# notices N: until the browser's stderr holds N Linux-console notices
notices() {
	local i
	for ((i = 0; i < TRIES; i++)); do
		[ "$(grep -c "cannot draw Chinese" "$T/stderr" 2>/dev/null)" = "$1" ] && return 0
		sleep 0.05
	done
	fail "TERM=linux: $1 notices expected, $(grep -c "cannot draw Chinese" "$T/stderr")"
}
# the Linux console: the notice first. The pane is a pseudo-terminal, as
# an SSH session's is: SSH_CONNECTION says the Linux console is at the
# other end. With TERM=linux ncurses dlopens
# libgpm for the console's mouse, which leaks 10 bytes and is unloaded
# before LeakSanitizer looks (an unknown module): not ours, so leaks are
# not looked for in these runs (the sanitised build still checks the rest)
NOLEAK="ASAN_OPTIONS=detect_leaks=0:abort_on_error=0"
SSH="env -u SSH_CLIENT -u SSH_TTY SSH_CONNECTION='192.0.2.1 50022 192.0.2.2 22'"
NOSSH="env -u SSH_CLIENT -u SSH_TTY -u SSH_CONNECTION"
type_line "clear; $NOLEAK TERM=linux $SSH hy; echo rc=\$?"
notices 1
grep -qF "fbterm" "$T/stderr" || fail "TERM=linux: the notice names no alternative"
keys q Enter
wait_for "rc=0"
ok "TERM=linux over SSH: the notice, and q quits"
type_line "clear; $NOLEAK TERM=linux $SSH hy"
notices 2
keys Enter
wait_status '^ meeting 1/19 '
keys q
wait_for '$'
ok "TERM=linux: Enter goes on to the list"
type_line "clear; $NOLEAK TERM=linux $SSH hy --force"
wait_status '^ meeting 1/19 '
[ "$(grep -c "cannot draw Chinese" "$T/stderr")" = 2 ] || fail "TERM=linux --force: the notice shown"
keys q
wait_for '$'
ok "TERM=linux --force: straight to the list"
# TERM=linux on a pseudo-terminal with no SSH: a framebuffer terminal that
# keeps the console's TERM (fbterm), which draws Chinese: no notice
type_line "clear; $NOLEAK TERM=linux $NOSSH hy"
wait_status '^ meeting 1/19 '
[ "$(grep -c "cannot draw Chinese" "$T/stderr")" = 2 ] || fail "TERM=linux under fbterm: the notice shown"
keys q
ok "TERM=linux on a pseudo-terminal, no SSH (fbterm): straight to the list"
san_check
echo "ok"
