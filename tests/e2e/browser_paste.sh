#!/usr/bin/env bash
# browser_paste.sh: pasting into a prompt (issue 16 item 4). The browser
# turns bracketed paste on, so tmux's paste-buffer -p arrives as one edit:
# 100 KB with line breaks fill the search prompt up to what it holds, the
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
open(sys.argv[1], "w", encoding="utf-8").write("燃气安全\n生产检查 " * 7000)  # ~100 KB
PY
python3 - "$T/keys.txt" <<'PY'
import sys
open(sys.argv[1], "w", encoding="utf-8").write("燃气" * 20000)  # 120 KB, one line
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
ok "a 100 KB bracketed paste fills the prompt, line breaks as spaces, with a message"
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

# no bracketed paste: the text comes as keys
keys /
sleep 0.3
tm load-buffer "$T/keys.txt"
tm paste-buffer -t t
sleep 1
keys Escape q
for _ in $(seq 200); do pane | grep -qx '\$ *' && break; sleep 0.05; done
pane | grep -qx '\$ *' || fail "the browser did not come back from 120 KB of keys"
ok "120 KB typed as keys: the browser answers"

# bracketed paste is off again in the shell
printf '%s' "$(tm show -p -t t -v 2>/dev/null)" >/dev/null
type_line 'printf "%s\n" "$(tput cols)" >/dev/null; echo done-here'
wait_for "done-here"
echo "browser_paste: ok"
