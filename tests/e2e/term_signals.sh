#!/usr/bin/env bash
# term_signals.sh: the browser and the signals a terminal session sends.
# - The terminal closes (the tmux window is killed: SIGHUP and a hung-up
#   tty) while a meeting is being read: the browser exits at once with
#   status 129 (128 + SIGHUP), no sanitizer report, and the database is
#   byte for byte what it was (and passes integrity_check). Again with
#   SIGHUP ignored (nohup, `trap '' HUP`): the hung-up terminal alone
#   must end it (no busy loop on a dead terminal), status 129 too.
# - SIGTERM: status 143; the terminal is given back as it was: the tty
#   modes (stty -g before and after, in the pane's shell), the alternate
#   screen left, the cursor visible, mouse reporting and keypad mode off,
#   the scroll region whole (tmux's view of the pane); the shell prompt
#   works.
# - Ctrl-C: cancels a prompt; elsewhere status 130, the same.
# - The terminal closed while the browser is stopped (Ctrl-Z): it ends.
# - Ctrl-Z: the same state while stopped; fg brings the screen back as it
#   was, and q leaves with status 0.
# Status file and pid come from a small python wrapper (wrap.py), which
# outlives the hang-up; a browser still running at the end is killed by
# its pid and the test fails.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

sample_db

# wrap.py MODE OUT CMD...: runs CMD (stdin/stdout/stderr inherited), writes
# its pid to OUT.pid and, when it ends, its status to OUT.status (128+N
# when a signal N killed it). MODE ign: CMD starts with SIGHUP ignored.
cat >"$T/wrap.py" <<'EOF'
import os, signal, subprocess, sys
mode, out, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
signal.signal(signal.SIGHUP, signal.SIG_IGN if mode == 'ign' else (lambda s, f: None))
p = subprocess.Popen(cmd)
with open(out + '.pid', 'w') as f:
    f.write('%d\n' % p.pid)
while True:
    try:
        rc = p.wait()
        break
    except InterruptedError:
        continue
with open(out + '.tmp', 'w') as f:
    f.write('%d\n' % (128 - rc if rc < 0 else rc))
os.rename(out + '.tmp', out + '.status')
EOF

fingerprint() {
	{
		sha256sum "$T/db" | cut -d' ' -f1
		sqlite3 "$T/db" 'PRAGMA integrity_check; SELECT count(*), sum(length(cleanz)) FROM meetings;'
	}
}

stray=""
trap 'stop_server; [ -n "$stray" ] && kill "$stray" 2>/dev/null; cleanup' EXIT

# hangup MODE: the browser in a tmux window of its own, a meeting open and
# scrolled; the window is killed; the browser must end with status 129.
hangup() {
	local mode=$1 out=$T/hup-$1 i pid st
	sqlite3 "$T/db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
	fingerprint >"$T/db.before"
	# (no leak check at exit here: LeakSanitizer's stop-the-world tracer,
	# a clone of the process, can be killed by the hang-up and leave the
	# exiting browser yielding forever; leaks are other tests' job)
	tm new-window -d -n hup -t t: \
		"env -u NO_COLOR TERM=$TERMNAME ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 $PY '$T/wrap.py' $mode '$out' '$HUIYI_BIN' -d '$T/db' 2>>'$T/stderr'"
	for ((i = 0; i < TRIES; i++)); do
		tm capture-pane -p -t t:hup 2>/dev/null | tail -n 1 | grep -qE '^ meeting 1/19' && break
		sleep 0.05
	done
	tm capture-pane -p -t t:hup | tail -n 1 | grep -qE '^ meeting 1/19' ||
		fail "$mode: the browser did not start in its window"
	tm send-keys -t t:hup Enter j j j
	for ((i = 0; i < TRIES; i++)); do
		tm capture-pane -p -t t:hup | tail -n 1 | grep -qE '^ meeting 1/19 · §' && break
		sleep 0.05
	done
	pid=$(cat "$out.pid")
	stray=$pid
	tm kill-window -t t:hup
	for ((i = 0; i < TRIES; i++)); do
		[ -f "$out.status" ] && break
		sleep 0.05
	done
	if [ ! -f "$out.status" ]; then
		st=$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null || true)
		fail "$mode: the browser did not end within $WAIT s after its terminal was closed (state $st)"
	fi
	stray=""
	st=$(cat "$out.status")
	[ "$st" = 129 ] || fail "$mode: exit status $st after the hang-up, expected 129 (128 + SIGHUP)"
	san_check
	fingerprint >"$T/db.after"
	cmp -s "$T/db.before" "$T/db.after" ||
		fail "$mode: the database changed: $(diff "$T/db.before" "$T/db.after")"
	grep -qx ok "$T/db.after" || fail "$mode: integrity_check: $(cat "$T/db.after")"
}

start_shell 100 30
hangup hup
ok "the terminal closed while reading a meeting: status 129, no sanitizer report, the database unchanged"
hangup ign
ok "the same with SIGHUP ignored: the hung-up terminal ends the browser, status 129, the database unchanged"

# The terminal closed while the browser is stopped (Ctrl-Z): the shell's
# hang-up reaches it (SIGHUP, then SIGCONT), and it ends; no process is
# left behind, no sanitizer report.
cat >"$T/bin/hyp" <<EOF
#!/bin/sh
echo \$\$ >"$T/hy.pid"
exec hy "\$@"
EOF
chmod +x "$T/bin/hyp"
tm new-window -d -n zhup -t t: \
	"env -u NO_COLOR TERM=$TERMNAME HOME=$HOME PATH=$T/bin:$PATH HISTFILE=/dev/null PS1='\$ ' bash --norc --noprofile -i"
for ((i = 0; i < TRIES; i++)); do
	tm capture-pane -p -t t:zhup | grep -q '^\$' && break
	sleep 0.05
done
rm -f "$T/hy.pid"
tm send-keys -t t:zhup -l "hyp" && tm send-keys -t t:zhup Enter
for ((i = 0; i < TRIES; i++)); do
	tm capture-pane -p -t t:zhup | tail -n 1 | grep -qE '^ meeting 1/19' && break
	sleep 0.05
done
pid=$(cat "$T/hy.pid")
stray=$pid
tm send-keys -t t:zhup C-z
for ((i = 0; i < TRIES; i++)); do
	tm capture-pane -p -t t:zhup | grep -q 'Stopped' && break
	sleep 0.05
done
[ "$(cut -d' ' -f3 "/proc/$pid/stat")" = T ] || fail "Ctrl-Z did not stop the browser (state $(cut -d' ' -f3 "/proc/$pid/stat"))"
tm kill-window -t t:zhup
for ((i = 0; i < TRIES; i++)); do
	[ -e "/proc/$pid" ] || break
	sleep 0.05
done
[ ! -e "/proc/$pid" ] || fail "the stopped browser outlived its closed terminal (state $(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null))"
stray=""
san_check
ok "the terminal closed while the browser was stopped: it ended, nothing left behind"

# What tmux knows of the pane's modes, and the tty modes from the shell.
modes() {
	tm display-message -p -t t '#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{mouse_sgr_flag} keypad=#{keypad_flag}#{keypad_cursor_flag} insert=#{insert_flag} wrap=#{wrap_flag} region=#{scroll_region_upper}-#{scroll_region_lower}'
}
stty_now() { # stty_now NAME: stty -g from the pane's shell into $T/NAME
	type_line "stty -g >'$T/$1'; echo STTY_$1"
	wait_for "STTY_$1"
	wait_re '^\$ ?$'
}

type_line "clear"
wait_re '^\$ ?$'
stty_now before
modes >"$T/modes.before"
grep -q '^0 cursor=1 ' "$T/modes.before" || fail "test setup: the shell's pane is not in the normal screen with a cursor: $(cat "$T/modes.before")"

# SIGTERM from the list. (hyp: hy that leaves its pid, the browser's, in
# $T/hy.pid.)
type_line "clear; hyp; echo TERM_EXIT=\$?"
wait_status '^ meeting 1/19 '
[ "$(tm display-message -p -t t '#{alternate_on}')" = 1 ] || fail "the browser does not use the alternate screen"
pid=$(cat "$T/hy.pid")
[ "$(cat "/proc/$pid/comm")" = huiyi ] || fail "process $pid is not the browser: $(cat "/proc/$pid/comm")"
kill -TERM "$pid"
wait_for "TERM_EXIT="
pane | grep -qx 'TERM_EXIT=143' || fail "SIGTERM: $(pane | grep TERM_EXIT=), expected 143 (128 + SIGTERM)"
wait_re '^\$ ?$'
modes >"$T/modes.after"
[ "$(cat "$T/modes.after")" = "$(cat "$T/modes.before")" ] ||
	fail "SIGTERM: the pane's modes are '$(cat "$T/modes.after")', before '$(cat "$T/modes.before")'"
stty_now afterterm
cmp -s "$T/before" "$T/afterterm" || fail "SIGTERM: stty -g was '$(cat "$T/before")', is '$(cat "$T/afterterm")'"
type_line "echo PROMPT_\$((6 * 7))"
wait_for "PROMPT_42"
san_check
ok "SIGTERM: status 143, alternate screen left, cursor visible, mouse and keypad off, stty -g as before, the prompt works"

# Ctrl-C (SIGINT from the terminal) at a prompt (search, on the list)
# cancels the prompt, as Esc does (less, mutt); elsewhere it quits:
# status 130, all given back.
type_line "clear; hy; echo INT_EXIT=\$?"
wait_status '^ meeting 1/19 '
keys / a b c
wait_for 'search: abc'
keys C-c
wait_status '^ meeting 1/19 '
pane | grep -q 'INT_EXIT=' && fail "Ctrl-C at the search prompt quit the browser"
keys C-c
wait_for "INT_EXIT="
pane | grep -qx 'INT_EXIT=130' || fail "Ctrl-C: $(pane | grep INT_EXIT=), expected 130 (128 + SIGINT)"
wait_re '^\$ ?$'
modes >"$T/modes.int"
[ "$(cat "$T/modes.int")" = "$(cat "$T/modes.before")" ] ||
	fail "Ctrl-C: the pane's modes are '$(cat "$T/modes.int")', before '$(cat "$T/modes.before")'"
stty_now afterint
cmp -s "$T/before" "$T/afterint" || fail "Ctrl-C: stty -g was '$(cat "$T/before")', is '$(cat "$T/afterint")'"
ok "Ctrl-C: cancels the search prompt; then status 130, modes and stty -g as before"

# Ctrl-Z in a meeting, then fg.
type_line "clear; hy" # (alone: a stopped job lets the rest of a list run)
wait_status '^ meeting 1/19 '
keys Enter
wait_status '^ meeting 1/19 · §0/6 · '
keys 3
wait_status '^ meeting 1/19 · §3/6 · '
settle
pane >"$T/screen.before"
keys C-z
wait_for "Stopped"
wait_re '^\$ ?$'
modes >"$T/modes.stopped"
[ "$(cat "$T/modes.stopped")" = "$(cat "$T/modes.before")" ] ||
	fail "Ctrl-Z: the pane's modes are '$(cat "$T/modes.stopped")', before '$(cat "$T/modes.before")'"
stty_now stopped
cmp -s "$T/before" "$T/stopped" || fail "Ctrl-Z: stty -g was '$(cat "$T/before")', is '$(cat "$T/stopped")'"
type_line "fg"
wait_status '^ meeting 1/19 · §3/6 · '
settle
pane >"$T/screen.after"
cmp -s "$T/screen.before" "$T/screen.after" ||
	fail "fg: the screen is not as it was: $(diff "$T/screen.before" "$T/screen.after" | head -20)"
[ "$(tm display-message -p -t t '#{alternate_on}')" = 1 ] || fail "fg: not on the alternate screen"
keys q q
wait_re '^\$ ?$'
type_line "echo Z_EXIT=\$?" # (fg's status is the job's)
wait_for "Z_EXIT=0"
modes >"$T/modes.q"
[ "$(cat "$T/modes.q")" = "$(cat "$T/modes.before")" ] ||
	fail "q after fg: the pane's modes are '$(cat "$T/modes.q")', before '$(cat "$T/modes.before")'"
stty_now afterq
cmp -s "$T/before" "$T/afterq" || fail "q after fg: stty -g was '$(cat "$T/before")', is '$(cat "$T/afterq")'"
san_check
ok "Ctrl-Z: modes and stty -g as before while stopped; fg: the same screen; q: status 0, all as before"
