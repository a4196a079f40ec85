#!/usr/bin/env bash
# term_valgrind.sh: a scripted browser session under valgrind
# --leak-check=full, in tmux: the list, sort (s), a filter (f 2023), open a
# meeting, search in it (/ and n), help (?), a resize, back, a search
# over every meeting (the results screen), open a result, quit. Fails on
# any valgrind error (invalid read or write, uninitialised value, bad
# free …) and on memory definitely or indirectly lost (valgrind's exit
# status, --error-exitcode, and the summary in its log). Memory "still
# reachable" at exit is accepted: ncurses keeps its terminal tables and
# screen buffers until the process ends, by design, and so do ICU's
# caches. Skipped (77) without valgrind, and for the sanitizer build
# (valgrind and ASan do not run together); the normal build is the one
# to run it on.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

if ! command -v valgrind >/dev/null; then
	echo "skip: valgrind is not installed (make deps installs it)"
	exit 77
fi
if grep -q __asan_init "$HUIYI_BIN" 2>/dev/null; then
	echo "skip: $HUIYI_BIN is the sanitizer build; valgrind runs on the normal build"
	exit 77
fi

sample_db
cat >"$T/bin/vg" <<EOF
#!/bin/sh
exec valgrind --leak-check=full --show-leak-kinds=definite,indirect \
	--errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
	--track-origins=yes --log-file="$T/vg.log" \
	"$HUIYI_BIN" -d "$T/db" 2>>"$T/stderr"
EOF
chmod +x "$T/bin/vg"

# vwait REGEX: the status line matches (valgrind is slow: up to 60 s).
vwait() {
	local i
	for ((i = 0; i < 600; i++)); do
		if pane | tail -n 1 | grep -qE -- "$1"; then
			settle
			return 0
		fi
		sleep 0.1
	done
	fail "the status line never matched /$1/ (under valgrind)"
}

start_shell 100 30
type_line "vg; echo VG_EXIT=\$?"
vwait '^ meeting 1/19( |$)'
# vtop TEXT: the top line shows TEXT (the status line says the same
# before and after a sort: wait for what changes)
vtop() {
	local i
	for ((i = 0; i < 600; i++)); do
		pane | head -n 1 | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	fail "the top line never showed '$1' (under valgrind): $(line 1)"
}
keys s
vtop 'sort: body'
vwait '^ meeting 1/19( |$)'
keys s s f
vwait '^filter:'
keys -l 2023
keys Enter
vwait '^ meeting 1/[0-9]+( |$)'
pane | head -n 1 | grep -qF '2023' || fail "f 2023: $(line 1)"
keys Enter
vwait '^ meeting 1/[0-9]+ · §0/'
keys /
vwait '^/'
keys -l 会议
keys Enter
vwait '^ ?match [0-9]+/[0-9]+'
keys n
keys ?
vwait '^ help'
keys q
vwait '^ ?(meeting|match)'
W=70 H=20
tm resize-window -t t -x 70 -y 20
vwait '^ ?(meeting|match)'
keys q
vwait '^ meeting 1/[0-9]+'
keys f C-u Enter
vwait '^ meeting 1/19( |$)'
keys /
vwait '^search:'
keys -l 燃气
keys Enter
vwait '^ result 1/6'
keys j Enter
vwait '^ ?(meeting [0-9]+/[0-9]+ · §|match [0-9]+/)'
keys q
vwait '^ result'
keys q
vwait '^ meeting'
keys q
for ((i = 0; i < 600; i++)); do
	pane | grep -q '^VG_EXIT=' && break
	sleep 0.1
done
st=$(pane | sed -n 's/^VG_EXIT=//p')
[ -n "$st" ] || fail "the session under valgrind did not end"
grep -E 'ERROR SUMMARY|definitely lost|indirectly lost|still reachable' "$T/vg.log" | sed 's/^==[0-9]*== */valgrind: /'
[ "$st" = 0 ] || fail "exit status $st under valgrind (99: valgrind found errors or leaks):
$(grep -vE '^==[0-9]+== *$' "$T/vg.log" | tail -60)"
grep -qE 'ERROR SUMMARY: 0 errors' "$T/vg.log" || fail "valgrind errors: $(grep 'ERROR SUMMARY' "$T/vg.log")"
if grep -qE '(definitely|indirectly) lost: [1-9]' "$T/vg.log"; then
	fail "leaks: $(grep -E '(definitely|indirectly) lost' "$T/vg.log")"
fi
ok "list, sort, filter, meeting, search, help, resize, results, quit under valgrind: no error, nothing definitely or indirectly lost"
