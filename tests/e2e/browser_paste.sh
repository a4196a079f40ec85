#!/usr/bin/env bash
# browser_paste.sh: pasting into a prompt (issue 16 item 4). The browser
# turns bracketed paste on, so tmux's paste-buffer -p arrives as one edit:
# 1 MB with line breaks fill the search prompt up to what it holds, the
# breaks as spaces, with a message that it was cut, and the browser answers
# the next key at once. A terminal without bracketed paste types the text
# as keys: the prompt fills, the rest is dropped, and the browser still
# answers (one frame for a burst of keys, not one a key). A paste outside a
# prompt is no command. On leaving, bracketed paste is off again.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

sample_db
python3 - "$T/big.txt" <<'PY'
import sys
open(sys.argv[1], "w", encoding="utf-8").write("燃气安全\n生产检查 " * 70000)  # ~1 MB
PY
python3 - "$T/keys.txt" <<'PY'
import sys
open(sys.argv[1], "w", encoding="utf-8").write("燃气" * 170000)  # 1 MB, one line
PY

start_shell 100 20
type_line hy
wait_for "meetings"
tm send-keys -t t /
sleep 0.3
# bracketed paste: one edit
tm load-buffer "$T/big.txt"
tm paste-buffer -p -t t
wait_for "pasted text cut"
pane | grep -qF "燃气安全 生产检查" || fail "the paste's line break did not become a space: $(pane | tail -3)"
ok "a 1 MB bracketed paste fills the prompt, line breaks as spaces, with a message"
keys Escape
wait_line_not 20 "pasted text cut" 2>/dev/null || true
keys q
for _ in $(seq 100); do pane | grep -qx '\$ *' && break; sleep 0.05; done
pane | grep -qx '\$ *' || fail "the browser did not answer q after the paste"
ok "the browser answers the next key"

# outside a prompt: no command (a pasted q must not quit)
type_line hy
wait_for "meetings"
printf 'q' >"$T/q.txt"
tm load-buffer "$T/q.txt"
tm paste-buffer -p -t t
wait_for "a paste goes into a prompt"
pane | grep -q "meetings" || fail "a pasted q quit the browser"
ok "a paste outside a prompt is no command"

# no bracketed paste: the text comes as keys, 1 MB of them. The browser
# reads them in big chunks (ncurses alone reads a byte and a poll() at a
# time: seconds at 100% CPU); the prompt fills, the rest is dropped with a
# message, and the next key is answered.
keys /
sleep 0.3
tm load-buffer "$T/keys.txt"
t0=$(date +%s%N)
tm paste-buffer -t t
wait_for "typing cut: a prompt holds 511 bytes"
pane | grep -qF "燃气燃气燃气燃气" || fail "the typed text is not in the prompt: $(pane | tail -2)"
keys C-u
tm send-keys -t t -l "ZZQ"
wait_for ": ZZQ"
ms=$((($(date +%s%N) - t0) / 1000000))
echo "1 MB typed as keys: answered after ${ms} ms"
keys Escape q
for _ in $(seq 200); do pane | grep -qx '\$ *' && break; sleep 0.05; done
pane | grep -qx '\$ *' || fail "the browser did not come back from 1 MB of keys"
ok "1 MB typed as keys: the prompt fills, a message says it was cut, the browser answers"

# Bracketed paste is off when the browser is suspended or leaves, on
# again when it comes back: the last switch in the pane's raw output
# (tmux pipe-pane). The shell's own switching is turned off first, so
# every switch seen is the browser's.
# last_switch WANT: until the last ESC [?2004h/l written is WANT (h, l)
last_switch() {
	local got=
	for _ in $(seq 100); do
		got=$(grep -ao $'\e\\[?2004[hl]' "$T/raw" 2>/dev/null | tail -1 | tail -c 2)
		[ "$got" = "$1" ] && return 0
		sleep 0.05
	done
	fail "bracketed paste: last switch '${got:-none}', expected '$1' ($2)"
}
type_line "bind 'set enable-bracketed-paste off'"
tm pipe-pane -o -t t "cat >>'$T/raw'"
type_line hy
wait_for "meetings"
last_switch h "the browser started"
keys C-z
wait_for "Stopped"
last_switch l "the browser suspended"
type_line fg
wait_for "meetings"
last_switch h "the browser back from fg"
keys q
last_switch l "the browser left"
ok "bracketed paste on while the browser runs, off when suspended or gone"
echo "browser_paste: ok"
