#!/usr/bin/env bash
# browser_margins.sh (issue 19 item 6): in a terminal with left and right
# margins (xterm, iTerm2, WezTerm: DECLRMM), a line of scrolling beside
# the outline scrolls the reader alone, and the screen stays the one a
# whole redraw draws.
#
# The terminal is libvterm (tests/tools/vtscreen: a packaged emulator
# with DECSLRM), fed what the browser writes to a 120x40 pseudo-terminal
# (python, TERM=xterm-256color) that answers its DECRQM 69 question as
# xterm does. A meeting beside its outline is walked with j, k, Space,
# b, d, u, G, g and Tab; after each, the emulator's screen (text and
# colours) is the screen after Ctrl-Z (every cell drawn again). A line
# of scrolling costs at most 110 bytes at the median (the samples'
# median is 60; writing the outline's rows again cost 399). The answer
# to the question never reaches the keys: sent late, while the search
# prompt is open, the prompt holds only what was typed.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

vt=$HUIYI_ROOT/${HUIYI_BUILD:-build}/tests/tools/vtscreen
[ -x "$vt" ] || vt=$HUIYI_ROOT/build/tests/tools/vtscreen
[ -x "$vt" ] || fail "no $vt (make tests-build)"
sample_db

out=$("$PY" - "$HUIYI_BIN" "$T/db" "$HUIYI_ROOT/bench" "$vt" "$T/trace" <<'PYEOF' 2>&1
import os, signal, statistics, subprocess, sys
binary, db, bench, vt, trace = sys.argv[1:6]
sys.path.insert(0, bench)
import tui
pid, fd, tr = tui.xterm_browser(binary, db, trace)
sent = []

def press(k):
    tr.out = b""
    os.write(fd, k)
    tr.wait("paint", fd)
    got = tr.out + tui.drain(fd, 0.02)
    sent.append(got)
    return got

def settle():
    """Until no frame comes for 0.3 s (a redraw brings a second)."""
    while True:
        tr.out = b""
        try:
            tr.wait("paint", fd, timeout=0.3)
        except TimeoutError:
            sent.append(tr.out + tui.drain(fd, 0.02))
            return
        sent.append(tr.out + tui.drain(fd, 0.02))

def screen():
    return subprocess.run([vt, "40", "120"], input=b"".join(sent), capture_output=True,
                          check=True).stdout.decode()

def check(what):
    a = screen()
    press(b"\x1a")  # Ctrl-Z: suspended and back (the stop itself is
    os.kill(pid, signal.SIGCONT)  # dropped in an orphaned group), every cell again
    settle()
    b = screen()
    if a != b:
        for la, lb in zip(a.split("\n"), b.split("\n")):
            if la != lb:
                i = next(i for i in range(min(len(la), len(lb))) if la[i] != lb[i]) if la[:len(lb)] != lb[:len(la)] else min(len(la), len(lb))
                print("  at", i, "scrolled:", repr(la[max(0, i - 30):i + 60])); print("  redrawn: ", repr(lb[max(0, i - 30):i + 60]))
                break
        sys.exit(f"FAIL {what}: the screen differs from a whole redraw")

tr.out = b""
tr.first(fd)  # and the count's frame right after it
first = tr.out + tui.drain(fd, 0.05)
sent.append(first)
if b"\x1b[?69$p" not in first:
    sys.exit("FAIL the browser did not ask for left and right margins (DECRQM 69)")
os.write(fd, b"\x1b[?69;2$y")
pos, _ = tui._longest(binary, db)  # the longest meeting: room to scroll
for _ in range(pos):
    press(b"j")
press(b"\r")
if "│" not in screen():
    sys.exit("FAIL no outline beside the meeting at 120x40")
check("the meeting opened")
moves = [(b"j" * 5, "5 j"), (b"j" * 14, "19 j"), (b"kkk", "k"), (b" ", "Space"),
         (b"jb", "b"), (b"d", "d"), (b"u", "u"), (b"G", "G"), (b"g", "g"), (b"\t", "Tab")]
js = []
for keys, what in moves:
    for k in keys:
        got = press(bytes([k]))
        if k == ord("j"):
            js.append(got)
    check(f"after {what}")
if not any(b"\x1b[?69h" in f for f in js) or not any(b"s\x1b" in f for f in js):
    sys.exit("FAIL no line of scrolling used the margins")
moved = [f for f in js if f]  # at the end of the text j moves nothing
if len(moved) < 5:
    sys.exit(f"FAIL only {len(moved)} lines of scrolling moved")
med = statistics.median(len(f) for f in moved)
if med > 110:
    sys.exit(f"FAIL a line of scrolling sends {med} bytes at the median (bound 110)")
# the margins stay set between frames: the text the whole width (o),
# beside the outline again, then the list, each line scrolled as a whole
# redraw draws it (a full-width scroll under margins left set would move
# half the screen)
for keys, what in [(b"o", "o"), (b"jjj", "3 j the whole width"), (b"o", "o again"),
                   (b"jj", "2 j beside the outline"), (b"q", "q"), (b"jjjj", "4 j in the list")]:
    for k in keys:
        press(bytes([k]))
    check(f"after {what}")
# a late answer while the search prompt is open
press(b"/")
os.write(fd, b"\x1b[?69;2$y")
for k in "ab":
    press(k.encode())
last = screen().rstrip("\n").split("\n")[-1].split("\t")[0]
if "69" in last or "$y" in last or "ab" not in last:
    sys.exit(f"FAIL the prompt after a late answer: {last!r}")
os.write(fd, b"\x1b")
os.write(fd, b"qq")
print(f"ok {len(moves)} moves, {len(moved)} lines scrolled: median {med:.0f} B")
PYEOF
) || fail "$out"
case $out in *FAIL*) fail "$out" ;; esac
ok "120x40 beside the outline, left and right margins: ${out#ok }; every screen as a whole redraw; a late answer stays out of the prompt"

# The default (set outline auto): the outline comes with the answer, and
# stays away from a terminal that never gives one (tmux's way).
rm "$HOME/.config/huiyi/config"
for answer in yes none; do
	out=$("$PY" - "$HUIYI_BIN" "$T/db" "$HUIYI_ROOT/bench" "$vt" "$T/trace" "$answer" <<'PYEOF' 2>&1
import os, subprocess, sys
binary, db, bench, vt, trace, answer = sys.argv[1:7]
sys.path.insert(0, bench)
import tui
pid, fd, tr = tui.xterm_browser(binary, db, trace)
tr.out = b""
tr.first(fd)
sent = [tr.out + tui.drain(fd, 0.05)]
if answer == "yes":
    os.write(fd, b"\x1b[?69;2$y")
tr.out = b""
os.write(fd, b"\r")
# under load the list's count may paint after first() stopped waiting:
# the frames are read until the meeting is on the screen (or 10 s)
for _ in range(20):
    try:
        tr.wait("paint", fd)
    except TimeoutError:
        break
    sent.append(tr.out + tui.drain(fd, 0.2))
    tr.out = b""
    shown = subprocess.run([vt, "40", "120"], input=b"".join(sent), capture_output=True,
                           check=True).stdout.decode()
    rows = shown.split("\n")
    if "Enter open" not in (rows[39] if len(rows) > 39 else ""):
        break
bar = "│" in "".join(rows[1:10])
last = rows[39] if len(rows) > 39 else ""
if answer == "yes" and (not bar or "o outline" in last):
    sys.exit(f"FAIL margins answered, no outline: {rows[2]!r} / {last!r}")
if answer == "none" and (bar or "o outline" not in last):
    sys.exit(f"FAIL no answer, yet the outline or no hint: {rows[2]!r} / {last!r}")
tui._close(pid, fd, b"qq")
print("ok")
PYEOF
	) || fail "set outline auto, answer $answer: $out"
	case $out in *FAIL*) fail "$out" ;; esac
done
ok "set outline auto: beside the text once the terminal says it has margins, left out (o named) when it never answers"
san_check
