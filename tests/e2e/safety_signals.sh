#!/usr/bin/env bash
# slow: tests/run.sh starts it first
# SIGTERM and SIGHUP in the middle of an import (kill, or the terminal
# closing): the import stops cleanly — it commits what it has in hand and
# says so ("interrupted", exit 1), its "imported N" is what is stored —
# the database is intact and every stored meeting whole (safety_lib.sh),
# and the same import run again stores the rest, each file once.
# Cases: kill -TERM, kill -HUP, and (with tmux) a real terminal closed
# under a running import (tmux kill-session: SIGHUP from the terminal);
# and under nohup (SIGHUP ignored), where a hang-up must not stop it.
# shellcheck source=tests/e2e/safety_lib.sh
. "$(dirname "$0")/safety_lib.sh"
N=5000
if sanitized; then N=3000; fi
corpus "$N"

# wait_stored DB AT_LEAST PID: until DB holds AT_LEAST meetings; fails if
# the import PID ends first (it must be interrupted in the middle).
wait_stored() {
	local i
	for ((i = 0; i < 3000; i++)); do
		if [ -n "${3:-}" ] && ! kill -0 "$3" 2>/dev/null; then
			fail "the import ended before it could be signalled"
		fi
		if [ -f "$1" ] && [ "$(stored "$1" 2>/dev/null || echo 0)" -ge "$2" ]; then
			return 0
		fi
		sleep 0.01
	done
	fail "the import never stored $2 meetings"
}

# finish DB WHAT: the same import again stores the rest, each file once.
# Under the sanitizers after the first case only (the run that finishes
# is the same code whichever signal stopped the one before).
finished=0
finish() {
	local before
	if sanitized && [ "$finished" = 1 ]; then return 0; fi
	finished=1
	before=$(stored "$1")
	run 0 hy -d "$1" import "$T/in"
	has "$T/err" "imported $((N - before)), duplicates skipped $before, rejected 0"
	whole "$1" "$2, run again"
	[ "$(stored "$1")" = "$N" ] || fail "$2: not every file stored after the re-run"
}

# interrupted WHAT DB ERRFILE: the report of an interrupted import, and
# the database as it says.
interrupted() {
	local got n
	has "$3" "interrupted; what was imported is kept, run the same import again to finish"
	got=$(sed -n 's/^imported \([0-9]*\),.*/\1/p' "$3")
	n=$(stored "$2")
	[ -n "$got" ] && [ "$got" = "$n" ] || fail "$1: report says imported '$got', database holds $n"
	[ "$n" -gt 0 ] && [ "$n" -lt "$N" ] || fail "$1: $n stored: not interrupted in the middle"
	whole "$2" "$1"
	echo "$1: stopped cleanly with $n of $N stored"
}

for sig in TERM HUP; do
	db=$T/$sig.db
	"$HUIYI_BIN" -d "$db" import "$T/in" >"$T/$sig.out" 2>"$T/$sig.err" &
	pid=$!
	wait_stored "$db" 1000 "$pid"
	kill -s "$sig" "$pid"
	st=0
	wait "$pid" || st=$?
	[ "$st" = 1 ] || fail "SIG$sig: exit status $st, expected 1 (stderr: $(cat "$T/$sig.err"))"
	interrupted "SIG$sig" "$db" "$T/$sig.err"
	finish "$db" "SIG$sig"
done

# nohup (SIGHUP ignored when huiyi starts): a hang-up does not stop the
# import, which stores every file and exits 0.
db=$T/nohup.db
(trap '' HUP; exec "$HUIYI_BIN" -d "$db" import "$T/in") >"$T/nohup.out" 2>"$T/nohup.err" &
pid=$!
wait_stored "$db" 1000 "$pid"
kill -s HUP "$pid"
st=0
wait "$pid" || st=$?
[ "$st" = 0 ] || fail "nohup: a hang-up stopped the import (status $st: $(cat "$T/nohup.err"))"
has "$T/nohup.err" "imported $N, duplicates skipped 0, rejected 0"
whole "$db" "nohup"
echo "nohup: SIGHUP ignored, all $N stored"

# A terminal closed under the import: tmux kills the session, the pane's
# terminal hangs up. The report goes to a file (the terminal is gone).
if command -v tmux >/dev/null; then
	sock=hysig$$
	db=$T/tty.db
	trap 'tmux -L "$sock" kill-server 2>/dev/null || true
		rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"; cleanup' EXIT
	tmux -L "$sock" -f /dev/null new-session -d -s t -x 80 -y 24 \
		"exec '$HUIYI_BIN' -d '$db' import '$T/in' 2>'$T/tty.err'"
	pid=$(tmux -L "$sock" display-message -p -t t '#{pane_pid}')
	wait_stored "$db" 1000 "$pid"
	tmux -L "$sock" kill-session -t t
	for _ in $(seq 1 1000); do kill -0 "$pid" 2>/dev/null || break; sleep 0.01; done
	kill -0 "$pid" 2>/dev/null && fail "the import went on after its terminal closed"
	interrupted "terminal closed" "$db" "$T/tty.err"
	finish "$db" "terminal closed"
else
	echo "note: tmux not installed: the closed-terminal case was not run"
fi
echo "safety_signals: ok"
