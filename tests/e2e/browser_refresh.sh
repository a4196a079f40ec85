#!/usr/bin/env bash
# slow: tests/run.sh starts it first
# browser_refresh.sh: the browser keeps working while `huiyi import` writes
# to the same database (DESIGN.md §4, issue 5). The browser is open on the
# samples while a background loop imports 3,000 generated readouts, a
# folder (25 files) per `huiyi import`; meanwhile keys go on: move, open
# a meeting, back, search every meeting, back, G, g. Every frame seen is
# free of "locked", "busy" and error text; the new meetings appear in the
# header by themselves once the import is over (no key pressed), and R
# shows what a later import added.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

# 3,000 readouts; 600 under the sanitizers, where each import costs
# five times as much and the race is the same
if sanitized; then N=600; else N=3000; fi
commas() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }
ALL=$(commas $((N + 19))) LATER=$(commas $((N + 24)))
sample_db
"$PY" "$HUIYI_ROOT/tests/tools/gen_readouts.py" "$T/gen" "$N" 25 >/dev/null ||
	fail "gen_readouts.py failed"
for i in 1 2 3 4 5; do fixture "late$i.txt" $((900 + i)); done # for R

start_shell 100 30
type_line hy
wait_for " huiyi · 19 meetings"

# Every frame, until told to stop: the screen as a person would see it.
capture_loop() {
	while [ ! -e "$T/stop" ]; do
		pane >>"$T/frames" 2>/dev/null || true
		sleep 0.1
	done
}
capture_loop &
cap=$!
bg=
# On the way out, even on failure: the loops end before $T goes.
trap 'touch "$T/stop"; wait $cap $bg 2>/dev/null; stop_server; cleanup' EXIT

# The import, a folder at a time (each a new writer that opens the file).
(
	for d in "$T/gen"/*/; do
		[ -e "$T/stop" ] && break
		HUIYI_THREADS=1 "$HUIYI_BIN" -d "$T/db" import "$d" >>"$T/bg.out" 2>>"$T/bg.err" ||
			echo "import $d: status $?" >>"$T/bg.fail"
	done
	touch "$T/bg.done"
) &
bg=$!

forbidden='locked|busy|[Ee]rror|cannot|failed|失败'
no_error() {
	if pane | grep -qE "$forbidden"; then
		fail "error text on screen"
	fi
}

# A round of keys, each waiting for what it must show.
round() {
	keys j j j
	wait_status '^ meeting 4/'
	keys Enter
	wait_status '^ meeting 4/[0-9,]+ · §'
	no_error
	keys Space
	keys q
	wait_re '^ huiyi · [0-9,]+ meetings'
	wait_status '^ meeting 4/'
	keys /
	tm send-keys -t t -l 燃气
	keys Enter
	wait_re '^ search: 燃气 · [0-9,]+ sections? in [0-9,]+ meetings?'
	no_error
	keys j Enter
	wait_status '^ match [0-9,]+/[0-9,]+'
	keys q
	wait_re '^ search: 燃气 · '
	keys q
	wait_re '^ huiyi · [0-9,]+ meetings'
	importing=1
	[ -e "$T/bg.done" ] && importing=
	keys G
	poll at_end
	keys g
	wait_status '^ meeting 1/'
	no_error
	# idle on the list while the import runs: the count moves by itself
	if [ ! -e "$T/bg.done" ]; then
		c0=$(header_count)
		poll count_moved
		seen="$seen $(header_count)"
	fi
}

# G went to the last meeting: N/N, or, while the import runs, to what was
# the last one when G was read (the count may grow right after: 613/619)
at_end() {
	local s n m
	s=$(pane | tail -n 1)
	[[ $s =~ ^\ meeting\ ([0-9,]+)/([0-9,]+)\  ]] || return 1
	n=${BASH_REMATCH[1]//,/} m=${BASH_REMATCH[2]//,/}
	WHY="G left the cursor at $n of $m"
	[ "$n" = "$m" ] || { [ -n "$importing" ] && [ "$n" -gt 4 ] && [ "$n" -lt "$m" ]; }
}
header_count() { line 1 | sed -n 's/^ huiyi · \([0-9,]*\) meetings.*/\1/p'; }
count_moved() {
	local n
	n=$(header_count)
	WHY="the header stayed at $c0 meetings while the import ran"
	[ -n "$n" ] && { [ "$n" != "$c0" ] || [ -e "$T/bg.done" ]; }
}
seen=

rounds=0
while [ ! -e "$T/bg.done" ] || [ "$rounds" -lt 2 ]; do
	round
	rounds=$((rounds + 1))
	[ "$rounds" -lt 200 ] || fail "the import never ended"
done
wait "$bg"
[ ! -s "$T/bg.fail" ] || fail "the background import failed: $(cat "$T/bg.fail" "$T/bg.err")"
[ "$(grep -c "^imported 25," "$T/bg.out" "$T/bg.err" | awk -F: "{s += \$2} END {print s}")" = $((N / 25)) ] ||
	fail "not every folder was imported: $(cat "$T/bg.out" "$T/bg.err")"
ok "$rounds rounds of keys (move, open, search, G, g) while $((N / 25)) imports wrote $N meetings; counts the idle list showed meanwhile:$seen"

# By itself: no key pressed, the header gets the new count.
wait_for " huiyi · $ALL meetings" 15
no_error
ok "the new meetings appeared in the header by themselves ($ALL)"

# R: a meeting is open (no refresh while reading) while 5 more arrive;
# back on the list, R shows them.
keys Enter
wait_status "^ meeting 1/$ALL · §"
run 0 "$HUIYI_BIN" -d "$T/db" import "$T/fx"
has "$T/err" "imported 5,"
keys q
wait_status '^ meeting 1/'
keys R
wait_for " huiyi · $LATER meetings"
no_error
ok "R shows the meetings a later import added ($LATER)"

touch "$T/stop"
wait "$cap" || true
[ -s "$T/frames" ] || fail "no frame was captured"
if grep -nE "$forbidden" "$T/frames" >"$T/bad-frames"; then
	head -5 "$T/bad-frames" >&2
	fail "a frame showed error text ($(wc -l <"$T/bad-frames") lines)"
fi
ok "$(grep -c '^ huiyi · ' "$T/frames" || true) list frames (and others) captured, none with locked/busy/error text; counts seen: $(grep -oE '^ huiyi · [0-9,]+' "$T/frames" | sort -u | sed 's/.* //' | tr '\n' ' ')"
keys q
san_check
