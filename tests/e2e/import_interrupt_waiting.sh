#!/usr/bin/env bash
# One Ctrl-C stops an import that waits for input, as it stops one that is
# working: `huiyi import -` on a terminal (tmux pane: Ctrl-C typed), on an
# idle pipe, and a FIFO with no writer named on the command line (SIGINT).
# Each says "interrupted" and exits 1 at the first signal; before, the
# handler restarted the blocked read or open, and only a second Ctrl-C
# killed it, with no message.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/h.db

# wait_file FILE: up to 10 s for FILE to appear
wait_file() { for _ in $(seq 100); do [ -s "$1" ] && return 0; sleep 0.1; done; return 1; }

# catching_int PID: until PID has its SIGINT handler in place (bit 2 of
# SigCgt in /proc): before that a SIGINT ends it as the default does
# (status 130), which under load or the sanitizers' start-up can take
# longer than any fixed wait; up to 20 s
catching_int() {
	local i mask
	for ((i = 0; i < 400; i++)); do
		mask=$(awk '/^SigCgt:/ { print $2 }' "/proc/$1/status" 2>/dev/null) || mask=
		[ -n "$mask" ] && (((16#$mask >> 1) & 1)) && return 0
		sleep 0.05
	done
	return 1
}

# child_of PID: a process whose parent is PID (read from /proc: the
# field after "(comm) state" is the parent's pid; no procps needed)
child_of() {
	local f rest ppid
	for f in /proc/[0-9]*/stat; do
		{ read -r rest <"$f"; } 2>/dev/null || continue
		rest=${rest##*) }
		read -r _ ppid _ <<<"$rest"
		if [ "$ppid" = "$1" ]; then
			f=${f#/proc/}
			echo "${f%/stat}"
			return 0
		fi
	done
	return 1
}

# stored_none WHAT: no meeting, nothing half-stored
stored_none() {
	run 0 hy list
	has "$T/err" "no meetings yet"
	[ ! -e "$HUIYI_DB" ] || [ "$(sql "$HUIYI_DB" 'SELECT count(*) FROM meetings')" = 0 ] ||
		fail "$1: a meeting was stored"
}

# on a terminal: Ctrl-C typed once (the pane's shell outlives it: a trap
# with a handler, which huiyi does not inherit, unlike an ignored signal)
if command -v tmux >/dev/null; then
	sock=hyi$$
	trap 'tmux -L "$sock" kill-server 2>/dev/null || true; cleanup' EXIT
	tmux -L "$sock" -f /dev/null new-session -d -s t -x 100 -y 12 \
		"sh -c 'trap true INT; \"$HUIYI_BIN\" import - 2>\"$T/tty.err\"; echo \$? >\"$T/tty.status\"; sleep 30'"
	sh_pid=$(tmux -L "$sock" display -p -t t '#{pane_pid}')
	hy_pid=
	for _ in $(seq 200); do
		hy_pid=$(child_of "$sh_pid") && [ -n "$hy_pid" ] && break
		sleep 0.05
	done
	[ -n "$hy_pid" ] && catching_int "$hy_pid" || fail "import - on a terminal did not start"
	# a line of a readout typed, then Ctrl-C: nothing of it is stored
	tmux -L "$sock" send-keys -t t -l "石桥县召开县政府第9次常务会议"
	tmux -L "$sock" send-keys -t t Enter
	sleep 0.3
	tmux -L "$sock" send-keys -t t C-c
	wait_file "$T/tty.status" || fail "one Ctrl-C on a terminal did not stop import -"
	[ "$(cat "$T/tty.status")" = 1 ] || fail "status $(cat "$T/tty.status") after Ctrl-C, expected 1"
	has "$T/tty.err" "interrupted"
	stored_none tty
fi

# start.py OUT CMD...: CMD with SIGINT as by default (a background job of
# a script starts with it ignored, which huiyi rightly keeps), stdin an
# idle pipe; writes its pid to OUT.pid, then its status to OUT.status.
cat >"$T/start.py" <<'PY'
import os, signal, subprocess, sys
out, cmd = sys.argv[1], sys.argv[2:]
signal.signal(signal.SIGINT, signal.SIG_DFL)
# PREFIX: bytes the pipe sends before it goes idle (half a file)
idle = subprocess.Popen(["sh", "-c", 'printf %s "$PREFIX"; exec sleep 30'],
                        stdout=subprocess.PIPE)
p = subprocess.Popen(cmd, stdin=idle.stdout, stderr=open(out + ".err", "w"))
open(out + ".pid", "w").write("%d\n" % p.pid)
rc = p.wait()
idle.kill()
open(out + ".status", "w").write("%d\n" % (rc if rc >= 0 else 128 - rc))
PY

# interrupt NAME CMD...: CMD waiting, one SIGINT: "interrupted", status 1
interrupt() {
	local name=$1
	shift
	python3 "$T/start.py" "$T/$name" "$@" &
	wait_file "$T/$name.pid" || fail "$name: did not start"
	catching_int "$(cat "$T/$name.pid")" || fail "$name: no SIGINT handler after 20 s"
	sleep 0.3 # into the blocking read or open
	kill -INT "$(cat "$T/$name.pid")"
	wait_file "$T/$name.status" || fail "$name: one SIGINT did not stop it"
	[ "$(cat "$T/$name.status")" = 1 ] || fail "$name: status $(cat "$T/$name.status"), expected 1"
	has "$T/$name.err" "interrupted"
	hasnt "$T/$name.err" "rejected:"
}

# an idle pipe
interrupt pipe "$HUIYI_BIN" import -
# a pipe that sent half a readout, then went idle: nothing of it stored
PREFIX=$(printf '石桥县召开县政府第9次常务会议\n\n3月5日，县长周明主持召开') \
	interrupt half "$HUIYI_BIN" import -
stored_none half
# a FIFO with no writer, named on the command line: blocked in open()
mkfifo "$T/fifo"
interrupt fifo "$HUIYI_BIN" import "$T/fifo"
stored_none fifo
echo ok
