#!/usr/bin/env python3
"""Browser benchmarks (issue 3), run by bench/bench.py.

The browser runs in a real pseudo-terminal (120x40, TERM=xterm-256color).
With HUIYI_TRACE=FILE it appends "paint NS" after each frame is written to
the terminal and "key NS" when a key is read (NS: CLOCK_MONOTONIC
nanoseconds, the clock time.monotonic_ns() reads here). So:
  first paint = first "paint" − the moment before the process was spawned;
  per key     = the "paint" that follows a key − the moment it was written.
The anchor: `less FILE` on the same meeting's text, first paint = the moment
its first line reaches the terminal. Peak RSS: VmHWM from /proc at the end.
"""
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import tempfile
import termios
import time

COLS, ROWS = 120, 40


def spawn(argv, env):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    return pid, fd


def drain(fd, timeout=0.0):
    out = b""
    while True:
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            return out
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return out
        if not chunk:
            return out
        out += chunk
        timeout = 0.0


def xterm_browser(binary, db, trace, cols=120, rows=40):
    """The browser on db in a cols×rows pty as xterm-256color (dark,
    ambiguous narrow, colours on), tracing its frames to trace: (pid, fd,
    its Trace)."""
    global COLS, ROWS
    COLS, ROWS = cols, rows
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8", HUIYI_TRACE=trace)
    env.pop("NO_COLOR", None)
    pid, fd = spawn([binary, "-d", db, "--theme", "dark", "--ambiguous", "narrow"], env)
    return pid, fd, Trace(trace)


class Trace:
    def __init__(self, path):
        self.path = path
        self.pos = 0
        self.out = None  # bytes: what the terminal is sent while waiting

    def wait(self, what, fd, timeout=10.0):
        """Wait for the next line starting with `what`; return its ns."""
        end = time.monotonic() + timeout
        buf = ""
        while time.monotonic() < end:
            got = drain(fd)
            if self.out is not None:
                self.out += got
            try:
                with open(self.path) as f:
                    f.seek(self.pos)
                    buf = f.read()
            except FileNotFoundError:
                buf = ""
            lines = buf.split("\n")
            consumed = 0
            for line in lines[:-1]:
                consumed += len(line) + 1
                if line.startswith(what + " "):
                    self.pos += consumed
                    return int(line.split()[1])
            time.sleep(0.0002)
        raise TimeoutError(what)

    def first(self, fd, quiet=0.3):
        """The first frame's ns; then the frames that follow it by
        themselves (the list's count, painted right after the first
        page) are waited for, until none comes for `quiet` seconds."""
        ns = self.wait("paint", fd)
        while True:
            try:
                self.wait("paint", fd, timeout=quiet)
            except TimeoutError:
                return ns


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def huiyi(binary, db, runs):
    """First paint, keys, peak RSS of the browser on db."""
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8")
    env.pop("NO_COLOR", None)
    firsts, downs, opens, tabs, rsss = [], [], [], [], []
    pastes_100k, pastes_1m = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            trace = os.path.join(tmp, "trace")
            env["HUIYI_TRACE"] = trace
            t0 = time.monotonic_ns()
            pid, fd = spawn([binary, "-d", db], env)
            tr = Trace(trace)
            firsts.append((tr.first(fd) - t0) / 1e6)

            def key(k):
                t = time.monotonic_ns()
                os.write(fd, k)
                return (tr.wait("paint", fd) - t) / 1e6

            downs.extend(key(b"j") for _ in range(1000))
            opens.append(key(b"\r"))
            for _ in range(5):
                tabs.append(key(b"\t"))
            key(b"q")
            for _ in range(20):  # open and close a few more
                opens.append(key(b"\r"))
                key(b"q")
                key(b"j")
            # a paste into the search prompt (issue 16 item 4): the time
            # from the first byte written to the frame that shows it
            def paste(text):
                data = b"\x1b[200~" + text + b"\x1b[201~"
                t = time.monotonic_ns()
                view = memoryview(data)
                while view:
                    r, w, _ = select.select([fd], [fd], [], 5)
                    if r:
                        drain(fd)
                    if w:
                        view = view[os.write(fd, view[:4096]):]
                ms = (tr.wait("paint", fd) - t) / 1e6
                key(b"\x1b")  # leave the prompt
                return ms

            key(b"/")
            pastes_100k.append(paste("燃气安全 生产检查\n".encode() * 4000))
            key(b"/")
            pastes_1m.append(paste("燃气安全 生产检查\n".encode() * 40000))
            rsss.append(rss_kib(pid))
            os.write(fd, b"q")
            drain(fd, 0.2)
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
            os.close(fd)
    return {
        "first": statistics.median(firsts),
        "down": statistics.median(downs),
        "down_p95": sorted(downs)[int(len(downs) * 0.95)],
        "open": statistics.median(opens),
        "tab": statistics.median(tabs),
        "rss": max(rsss) / 1024,
        "paste_100k": statistics.median(pastes_100k),
        "paste_1m": statistics.median(pastes_1m),
    }


def people(binary, db, runs):
    """The people's screens (issue 11) on db: `p` in the list → the people
    table's first paint; Enter on its first row → the career's; `G` → the
    last page (read from the end of the order); 1,000 presses of `j` from
    the top (each window refill read from a row already loaded); peak RSS."""
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8")
    env.pop("NO_COLOR", None)
    opens, careers, bottoms, downs, rsss = [], [], [], [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            trace = os.path.join(tmp, "trace")
            env["HUIYI_TRACE"] = trace
            pid, fd = spawn([binary, "-d", db], env)
            tr = Trace(trace)
            tr.first(fd)

            def key(k):
                t = time.monotonic_ns()
                os.write(fd, k)
                return (tr.wait("paint", fd) - t) / 1e6

            for _ in range(5):
                opens.append(key(b"p"))
                careers.append(key(b"\r"))
                key(b"q")
                bottoms.append(key(b"G"))
                key(b"g")
                key(b"q")
            key(b"p")
            downs.extend(key(b"j") for _ in range(1000))
            rsss.append(rss_kib(pid))
            _close(pid, fd, b"qq")
    return {
        "open": statistics.median(opens),
        "career": statistics.median(careers),
        "bottom": statistics.median(bottoms),
        "down": statistics.median(downs),
        "down_p95": sorted(downs)[int(len(downs) * 0.95)],
        "down_max": max(downs),
        "rss": max(rsss) / 1024,
    }


def less_first_paint(binary, db, runs):
    """less on the text of the first meeting of the list."""
    text = subprocess.run([binary, "-d", db, "show", "1"], capture_output=True,
                          env=dict(os.environ, LC_ALL="C.UTF-8")).stdout
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
        f.write(text)
        path = f.name
    marker = text.split(b"\n")[0][:12]
    env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8", LESS="")
    times = []
    for _ in range(runs):
        t0 = time.monotonic_ns()
        pid, fd = spawn(["less", path], env)
        out = b""
        while marker not in out:
            r, _, _ = select.select([fd], [], [], 5)
            if not r:
                break
            out += os.read(fd, 65536)
        times.append((time.monotonic_ns() - t0) / 1e6)
        os.write(fd, b"q")
        drain(fd, 0.2)
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
        os.close(fd)
    os.unlink(path)
    return statistics.median(times)


def _longest(binary, db):
    """(position in the list, text) of the meeting with the longest text
    among the list's first 200 (newest first, as the browser shows it)."""
    import json
    env = dict(os.environ, LC_ALL="C.UTF-8")
    rows = subprocess.run([binary, "-d", db, "list", "--json"], capture_output=True,
                          env=env, check=True).stdout.decode().splitlines()
    best = (0, b"")
    for pos, line in enumerate(rows[:200]):
        text = subprocess.run([binary, "-d", db, "show", str(json.loads(line)["id"])],
                              capture_output=True, env=env).stdout
        if text.count(b"\n") > best[1].count(b"\n"):
            best = (pos, text)
    return best


def _until(fd, end_mark, timeout=5.0):
    """What fd writes until it ends with end_mark (or timeout)."""
    out = b""
    end = time.monotonic() + timeout
    while not out.endswith(end_mark) and time.monotonic() < end:
        out += drain(fd, 0.05)
    return out


def _close(pid, fd, quit_keys):
    os.write(fd, quit_keys)
    drain(fd, 0.2)
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)


def scroll_bytes(binary, db, cols=80, rows=24, presses=None, with_less=True, margins=False,
                 outline=None):
    """Issue 19 item 6: the bytes sent to the terminal for one line of
    scrolling (`j`) in a meeting, huiyi against `less` on the same text
    (`huiyi show ID > FILE; less FILE`), both in a cols×rows pty with
    TERM=xterm-256color. The meeting: the longest of the list's first 200,
    scrolled from its top through the whole text (as many presses as less
    has lines to scroll, at most 400; the same number for both). huiyi's
    frame is over at its trace's "paint"; less's when its prompt (":" and
    clear to the end of the line) is back. Returns a dict: the bytes of
    each press for both ("hy", "less"; with_less False: huiyi's alone),
    and huiyi's frames ("frames": what each press sent). margins: the pty
    answers huiyi's question for left and right margins (DECRQM 69) as
    xterm does, yes; else it stays silent, as tmux does. outline None:
    no configuration (`set outline auto`: beside the text only where the
    terminal has margins); True or False: the configuration says `set
    outline on` or `off`."""
    global COLS, ROWS
    pos, text = _longest(binary, db)
    if presses is None:
        presses = min(400, text.count(b"\n") - rows + 1)
    presses = max(1, presses)
    saved = COLS, ROWS
    COLS, ROWS = cols, rows
    hy, ls, frames = [], [], []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8",
                       HUIYI_TRACE=os.path.join(tmp, "trace"))
            env.pop("NO_COLOR", None)
            if outline is not None:
                os.makedirs(os.path.join(tmp, "cfg", "huiyi"))
                with open(os.path.join(tmp, "cfg", "huiyi", "config"), "w") as f:
                    f.write("set outline %s\n" % ("on" if outline else "off"))
                env["XDG_CONFIG_HOME"] = os.path.join(tmp, "cfg")
            pid, fd = spawn([binary, "-d", db, "--theme", "dark", "--ambiguous", "narrow"], env)
            tr = Trace(env["HUIYI_TRACE"])
            tr.out = b""
            tr.first(fd)
            if margins and b"\x1b[?69$p" in tr.out + drain(fd, 0.05):
                os.write(fd, b"\x1b[?69;2$y")
            tr.out = None
            for k in [b"j"] * pos + [b"\r"]:
                os.write(fd, k)
                tr.wait("paint", fd)
            drain(fd, 0.1)
            for _ in range(presses):
                tr.out = b""
                os.write(fd, b"j")
                tr.wait("paint", fd)
                frames.append(tr.out + drain(fd, 0.02))
                hy.append(len(frames[-1]))
            _close(pid, fd, b"qq")
            if not with_less:
                return {"hy": hy, "frames": frames, "presses": presses,
                        "hy_median": statistics.median(hy), "hy_mean": sum(hy) / len(hy)}

            path = os.path.join(tmp, "meeting.txt")
            with open(path, "wb") as f:
                f.write(text)
            env = dict(os.environ, TERM="xterm-256color", LC_ALL="C.UTF-8", LESS="")
            pid, fd = spawn(["less", path], env)
            _until(fd, b"\x1b[27m\x1b[K")  # its first screen: the file's name last
            for _ in range(presses):
                os.write(fd, b"j")
                ls.append(len(_until(fd, b":\x1b[K")))
            _close(pid, fd, b"q")
    finally:
        COLS, ROWS = saved
    return {"hy": hy, "less": ls, "presses": presses, "frames": frames,
            "hy_median": statistics.median(hy), "less_median": statistics.median(ls),
            "hy_mean": sum(hy) / len(hy), "less_mean": sum(ls) / len(ls)}


if __name__ == "__main__":
    # python3 bench/tui.py BINARY DB [COLS ROWS]: the scroll bytes alone;
    # python3 bench/tui.py people BINARY DB [RUNS]: the people's screens
    import sys
    if sys.argv[1] == "people":
        r = people(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 3)
        print(" ".join(f"{k} {v:.2f}" for k, v in r.items()))
        sys.exit(0)
    r = scroll_bytes(sys.argv[1], sys.argv[2], *(int(a) for a in sys.argv[3:5]))
    print(f"huiyi {r['hy_median']:.0f} B, less {r['less_median']:.0f} B a line (median of "
          f"{r['presses']} presses; means {r['hy_mean']:.0f} and {r['less_mean']:.0f}), "
          f"ratio {r['hy_median'] / r['less_median']:.2f}")
