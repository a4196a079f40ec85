#!/usr/bin/env python3
"""tests/oom/browser.py: the browser under one failed allocation (issue 18
item 2; tests/oom/run.sh does the same for the other commands).

    python3 tests/oom/browser.py BIN FAILMALLOC DB [-s] [--below N] [--spread N]

For N = 1, 2, 3 … a session runs in a 100x30 pseudo-terminal
(TERM=xterm-256color) with tests/oom/failmalloc.so preloaded so that the
Nth allocation fails: the list, a search (/ 燃气 Enter), the first result
opened (Enter), then q until the browser ends. The keys go on whether or
not the browser is still there, each after its frame (HUIYI_TRACE) or a
short wait. Every session must end — exit 0, or a non-zero exit with one
line on stderr that is not "not an error" — never a signal, never a hang
(10 s after the last key); a browser that took the terminal's alternate
screen gives it back; the database is unchanged. N: every one below
--below (500; -s: 20), --spread (1,000; -s: 20) spread over the rest of an
ordinary session's allocations, and one past the end. Prints one line per
bad session and a summary; exit 1 if any was bad."""
import hashlib
import os
import select
import signal
import struct
import sys
import tempfile
import time
import fcntl
import termios

COLS, ROWS = 100, 30
KEYS = [b"/", "燃气".encode(), b"\r", b"\r", b"q", b"q", b"q", b"q"]


def spawn(argv, env, errpath):
    pid, fd = os.forkpty()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            err = os.open(errpath, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(err, 2)
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    return pid, fd


def read_some(fd, timeout):
    r, _, _ = select.select([fd], [], [], timeout)
    if not r:
        return b""
    try:
        return os.read(fd, 65536)
    except OSError:
        return None  # the other end is gone


def session(binary, lib, db, n, tmp):
    """One session with the Nth allocation failed: (verdict, detail, allocs)."""
    trace, report, errp = (os.path.join(tmp, x) for x in ("trace", "report", "err"))
    for p in (trace, report):
        if os.path.exists(p):
            os.unlink(p)
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8", HUIYI_TRACE=trace,
               HUIYI_OOM_FAIL=str(n), HUIYI_OOM_REPORT=report, LD_PRELOAD=lib)
    env.pop("NO_COLOR", None)
    pid, fd = spawn([binary, "-d", db, "--theme", "dark", "--ambiguous", "narrow"], env, errp)
    out, paints, status = b"", 0, None
    gone = False

    def pump(until_paints, timeout):
        nonlocal out, paints, gone
        end = time.monotonic() + timeout
        while time.monotonic() < end and not gone:
            got = read_some(fd, 0.01)
            if got is None:
                gone = True
                break
            out += got
            try:
                with open(trace) as f:
                    paints = sum(1 for line in f if line.startswith("paint "))
            except FileNotFoundError:
                pass
            if paints >= until_paints:
                return

    pump(1, 3.0)
    for k in KEYS:
        if gone:
            break
        want = paints + 1
        try:
            os.write(fd, k)
        except OSError:
            break
        pump(want, 1.0)
    end = time.monotonic() + 10.0
    while time.monotonic() < end:
        got = read_some(fd, 0.05)
        if got:
            out += got
        wp, st = os.waitpid(pid, os.WNOHANG)
        if wp:
            status = st
            break
        if got is None and not wp:
            time.sleep(0.01)
    if status is None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
        return "HANG", "no end 10 s after the last key", 0
    while True:  # what is left in the pty
        got = read_some(fd, 0)
        if not got:
            break
        out += got
    os.close(fd)
    try:
        with open(report) as f:
            allocs = int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        allocs = 0
    with open(errp, errors="replace") as f:
        err = f.read()
    lines = [l for l in err.split("\n") if l]
    if os.WIFSIGNALED(status):
        return "SIGNAL", f"signal {os.WTERMSIG(status)}: {err[:200]}", allocs
    rc = os.WEXITSTATUS(status)
    if "not an error" in err.lower():
        return "NOTANERROR", lines[0][:200], allocs
    if "AddressSanitizer" in err or "runtime error:" in err or "LeakSanitizer" in err:
        return "SANITIZER", err[:300], allocs
    if rc != 0 and len(lines) != 1:
        return "MESSAGE", f"exit {rc}, {len(lines)} lines: {err[:300]}", allocs
    if out.rfind(b"\x1b[?1049h") > out.rfind(b"\x1b[?1049l"):
        return "SCREEN", "the alternate screen was not given back", allocs
    return ("OK0" if rc == 0 else "OKMSG"), (lines[0][:120] if lines else ""), allocs


def painted(tmp):
    """The last session drew a frame."""
    try:
        with open(os.path.join(tmp, "trace")) as f:
            return any(line.startswith("paint ") for line in f)
    except FileNotFoundError:
        return False


def main():
    args = sys.argv[1:]
    sample = "-s" in args
    args = [a for a in args if a != "-s"]
    below, spread = (20, 20) if sample else (500, 1000)
    # --range A B: every N from A up to B instead (a region looked at
    # closely, ncurses' start-up say)
    span = None
    if "--range" in args:
        i = args.index("--range")
        span = (int(args[i + 1]), int(args[i + 2]))
        del args[i:i + 3]
    for opt in ("--below", "--spread"):
        if opt in args:
            i = args.index(opt)
            v = int(args[i + 1])
            del args[i:i + 2]
            if opt == "--below":
                below = v
            else:
                spread = v
    binary, lib, db = args[:3]
    with open(db, "rb") as f:
        before = hashlib.sha256(f.read()).hexdigest()
    with tempfile.TemporaryDirectory() as tmp:
        verdict, detail, total = session(binary, lib, db, 0, tmp)
        if verdict != "OK0" or total == 0:
            print(f"oom browser: the session fails without a failed allocation: {verdict} {detail}")
            return 1
        # most allocations are the start-up's (ICU, sqlite): half the
        # spread goes to the session after the first frame, the first N
        # that still leaves a frame painted (by bisection)
        lo, hi = 1, total + 1
        while lo < hi:
            mid = (lo + hi) // 2
            session(binary, lib, db, mid, tmp)
            if painted(tmp):
                hi = mid
            else:
                lo = mid + 1
        ui = max(lo, below)
        ns = set(range(1, min(below, total + 1)))
        if total >= below:
            # half of the spread after the first frame, half over the
            # start-up before it (ncurses' own faults there end in one
            # line since the start-up guard: FUZZING.md)
            half = spread // 2
            if half < spread:
                ns.update(below + i * (ui - below) // (spread - half)
                          for i in range(spread - half))
            ns.update(ui + i * (total - ui + 1) // half for i in range(half))
        ns.add(total + 1)
        if span:
            ns = set(range(span[0], min(span[1], total + 2)))
        bad = exit0 = msgs = 0
        for n in sorted(ns):
            verdict, detail, _ = session(binary, lib, db, n, tmp)
            with open(db, "rb") as f:
                if hashlib.sha256(f.read()).hexdigest() != before:
                    verdict, detail = "CHANGED", "the database changed"
            if verdict == "OK0":
                exit0 += 1
            elif verdict == "OKMSG":
                msgs += 1
            else:
                bad += 1
                print(f"browser {n} {verdict} {detail}")
        print(f"browser        {total:7d} {len(ns):6d} {exit0:6d} {msgs:6d} {bad:6d}"
              f"   (the first frame after allocation {ui})")
        return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
