#!/usr/bin/env bash
# browser_depth.sh: any colour depth (issue 19 item 3). The search results
# for 营商环境 are read off the pane with their attributes (capture-pane
# -e) in terminals of 8 colours (screen), 16 (hy-16color), 256
# (tmux-256color), direct colour (hy-direct, COLORTERM=truecolor) and none
# (NO_COLOR, TERM=vt100): plain text, a heading (a section's title), a
# match and the selected row are four different looks in each, and
# without colours the match is underlined and the selection reversed.
# hy-16color and hy-direct are xterm-16color and xterm-direct as
# ncurses-term defines them (a machine may lack it), compiled here by tic.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

sample_db
QUERY=营商环境

# 16 colours and direct colour (with TERMINFO=$T/terminfo)
command -v tic >/dev/null || { echo "skip: tic is not installed"; exit 77; }
cat >"$T/depth.ti" <<'TIEOF'
hy-16color|xterm with 16 colours,
	colors#16, pairs#256, use=xterm-256color,
	setab=\E[%?%p1%{8}%<%t%p1%{40}%+%e%p1%{92}%+%;%dm,
	setaf=\E[%?%p1%{8}%<%t%p1%{30}%+%e%p1%{82}%+%;%dm,
hy-direct|xterm with direct colour,
	colors#0x1000000, pairs#0x10000, RGB, use=xterm-256color,
	setab=\E[%?%p1%{8}%<%t4%p1%d%e48:2::%p1%{65536}%/%d:%p1%{256}%/%{255}%&%d:%p1%{255}%&%d%;m,
	setaf=\E[%?%p1%{8}%<%t3%p1%d%e38:2::%p1%{65536}%/%d:%p1%{256}%/%{255}%&%d:%p1%{255}%&%d%;m,
TIEOF
mkdir -p "$T/terminfo"
tic -x -o "$T/terminfo" "$T/depth.ti" 2>"$T/tic.err" || fail "tic: $(cat "$T/tic.err")"

# looks.py: the attributes in force at four places of the results pane,
# one line each as "fg bg bold ul rev" (39/49: the terminal's default):
# plain (the date of the second result), selected (the date of the
# first), heading (the § that starts a result's section title) and match
# (the query in the snippet after that title, the last result's)
cat >"$T/looks.py" <<'PYEOF'
import re, sys
query = sys.argv[1]
rows = []
for line in sys.stdin.buffer.read().decode('utf-8').split('\n'):
    st = dict(fg=39, bg=49, b=0, u=0, r=0)
    text, states, i = '', [], 0
    while i < len(line):
        m = re.match(r'\x1b\[([0-9;:]*)m', line[i:])
        if m:
            ps = [int(p) if p else 0 for p in re.split('[;:]', m.group(1))] or [0]
            k = 0
            while k < len(ps):
                p = ps[k]
                if p == 0: st = dict(fg=39, bg=49, b=0, u=0, r=0)
                elif p == 1: st['b'] = 1
                elif p == 22: st['b'] = 0
                elif p == 4: st['u'] = 1
                elif p == 24: st['u'] = 0
                elif p == 7: st['r'] = 1
                elif p == 27: st['r'] = 0
                elif 30 <= p <= 37 or p == 39: st['fg'] = p
                elif 40 <= p <= 47 or p == 49: st['bg'] = p
                elif 90 <= p <= 97: st['fg'] = p - 60
                elif 100 <= p <= 107: st['bg'] = p - 60
                elif p in (38, 48):
                    key = 'fg' if p == 38 else 'bg'
                    if k + 1 < len(ps) and ps[k + 1] == 5 and k + 2 < len(ps):
                        st[key] = 'c%d' % ps[k + 2]
                        k += 2
                    elif k + 1 < len(ps) and ps[k + 1] == 2:
                        st[key] = 'rgb%s' % ps[k + 2:k + 5]
                        k += 4
                k += 1
            i += m.end()
            continue
        text += line[i]
        states.append('%s %s %d %d %d' % (st['fg'], st['bg'], st['b'], st['u'], st['r']))
        i += 1
    rows.append((text, states))
dates = [(t, s) for t, s in rows if re.match(r'\d{4}-\d\d-\d\d ', t)]
heads = [(t, s) for t, s in rows if re.match(r' *§', t) and query in t.split('…', 1)[-1]]
if len(dates) < 2 or not heads:
    print('no results on the pane'); sys.exit(1)
t, s = heads[-1]
print(dates[1][1][0])
print(dates[0][1][0])
print(s[t.index('§')])
print(s[t.rindex(query)])
PYEOF

# results ENV...: the browser with ENV in a fresh pane, the search done;
# sets PLAIN, SEL, HEAD, MATCH
results() {
	start_shell 100 30
	type_line "$* hy --theme dark"
	wait_status '^ meeting 1/19 '
	keys /
	wait_status '^search: *$'
	keys -l "$QUERY"
	keys Enter
	wait_for "sections in"
	settle
	local out
	out=$(tm capture-pane -p -e -t t | "$PY" "$T/looks.py" "$QUERY") ||
		fail "$*: $out"
	{ read -r PLAIN; read -r SEL; read -r HEAD; read -r MATCH; } <<<"$out"
	keys Escape q
	wait_for '$'
}

# apart WHAT: plain, selection, heading and match all look different
apart() {
	local a b
	local -A seen=()
	for a in "plain=$PLAIN" "selection=$SEL" "heading=$HEAD" "match=$MATCH"; do
		b=${a#*=}
		[ -z "${seen[$b]:-}" ] || fail "$1: the ${a%%=*} looks like the ${seen[$b]} ($b)"
		seen[$b]=${a%%=*}
	done
}

for term in screen hy-16color tmux-256color hy-direct vt100; do
	[ "$(TERMINFO=$T/terminfo tput -T "$term" colors)" = "$(case $term in
		screen) echo 8 ;; hy-16color) echo 16 ;; tmux-256color) echo 256 ;;
		hy-direct) echo 16777216 ;; vt100) echo -1 ;; esac)" ] ||
		fail "$term: not the colours expected"
	results "TERMINFO=$T/terminfo TERM=$term COLORTERM=$([ "$term" = hy-direct ] && echo truecolor)"
	apart "TERM=$term"
	ok "TERM=$term: plain [$PLAIN] selection [$SEL] heading [$HEAD] match [$MATCH]"
	if [ "$term" = vt100 ]; then
		[ "$MATCH" = "39 49 0 1 0" ] || fail "TERM=vt100: the match is not underlined: $MATCH"
		[ "${SEL##* }" = 1 ] || fail "TERM=vt100: the selection is not reversed: $SEL"
	fi
done
# direct colour said by COLORTERM on a 256-colour terminal: as 256
results "COLORTERM=truecolor"
apart "COLORTERM=truecolor"
ok "COLORTERM=truecolor: plain [$PLAIN] selection [$SEL] heading [$HEAD] match [$MATCH]"
# NO_COLOR: attributes alone
results "NO_COLOR=1"
apart "NO_COLOR"
[ "$MATCH" = "39 49 0 1 0" ] || fail "NO_COLOR: the match is not underlined: $MATCH"
[ "${SEL##* }" = 1 ] || fail "NO_COLOR: the selection is not reversed: $SEL"
for v in "$PLAIN" "$SEL" "$HEAD" "$MATCH"; do
	case "$v" in "39 49 "*) ;; *) fail "NO_COLOR: a colour on the pane: $v" ;; esac
done
ok "NO_COLOR: plain [$PLAIN] selection [$SEL] heading [$HEAD] match [$MATCH]"
san_check
echo "ok"
