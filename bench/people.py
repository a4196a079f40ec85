#!/usr/bin/env python3
"""People (issue 11): `huiyi people --sort count --limit 20` and one career,
whole process, on the bench databases, beside `huiyi --version` (starting
the process alone); the people's screens in the browser (bench/tui.py
people); and the people against the corpus manifest (every chair and
attendee a person of that meeting, no other).

make bench calls section(); alone, on a small corpus:
  python3 bench/people.py --gen ../shared/bench/gencorpus.py --bin build/huiyi \
      --count 2000 --work bench/work
"""
import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 15
COLS, ROWS = 120, 40  # bench/tui.py's


def timed(cmd):
    """(ms, peak RSS KiB, stdout, CPU ms: user + system) of one run: GNU time
    for the RSS (the child's own rusage would count the Python it was forked
    from), the rusage of the wait for the CPU (on a busy machine the wall
    time also waits for a CPU)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(["/usr/bin/time", "-f", "BENCH_MAXRSS %M"] + cmd,
                             stdout=out, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        ms = (time.perf_counter() - t0) * 1000
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
        if p.returncode != 0:
            raise SystemExit(f"bench: {' '.join(cmd)} failed: {stderr[-500:]}")
        text = out.read().decode()
    rss = 0
    for line in stderr.splitlines():
        if line.startswith("BENCH_MAXRSS "):
            rss = int(line.split()[1])
    return ms, rss, text, (ru.ru_utime + ru.ru_stime) * 1000


def measure(cmd, runs=RUNS):
    """(median ms, largest peak RSS KiB, stdout, median CPU ms)."""
    xs = [timed(cmd) for _ in range(runs)]
    return (statistics.median(x[0] for x in xs), max(x[1] for x in xs), xs[0][2],
            statistics.median(x[3] for x in xs))


def rows(binary, db, runs=RUNS):
    """The timed commands on db: the list, the busiest person's career and
    a typical one's (the median of the first 1000 by count)."""
    out = []
    ms, rss, _, cpu = measure([binary, "-d", db, "--version"], runs)
    out.append(("`huiyi --version` (starting the process alone, for scale)", ms, rss, cpu))
    cmd = [binary, "-d", db, "people", "--sort", "count", "--limit", "20"]
    ms, rss, _, cpu = measure(cmd, runs)
    out.append(("`huiyi people --sort count --limit 20`", ms, rss, cpu))
    ms, rss, _, cpu = measure([binary, "-d", db, "people", "--sort", "name", "--limit", "20"], runs)
    out.append(("`huiyi people --sort name --limit 20`", ms, rss, cpu))
    for args, what in ((["--body", "县委"], "--body 县委"),
                       (["--from", "2020-01-01", "--to", "2020-12-31"],
                        "--from 2020-01-01 --to 2020-12-31")):
        ms, rss, _, cpu = measure([binary, "-d", db, "people"] + args + ["--limit", "20"], runs)
        out.append((f"`huiyi people {what} --limit 20` (an aggregate)", ms, rss, cpu))
    people = [json.loads(l) for l in
              subprocess.run([binary, "-d", db, "people", "--limit", "1000", "--json"],
                             capture_output=True, text=True, check=True).stdout.splitlines()]
    if people:
        top = people[0]
        mid = people[len(people) // 2]
        for who, what in ((top, "the busiest person"), (mid, "a typical person")):
            n = who["chaired"] + who["attended"] + who["observed"] + who["invited"]
            ms, rss, _, cpu = measure([binary, "-d", db, "people", str(who["id"])], runs)
            out.append((f"`huiyi people {who['id']}`: career of {what} ({n:,} meetings)",
                        ms, rss, cpu))
    return out


def check(db, corpus):
    """Every manifest chair and attendee is linked to their meeting as that
    part, and is a person there; the totals of persons match."""
    con = sqlite3.connect(db)
    src = {}
    for mid, source in con.execute("SELECT id, source FROM meetings"):
        src[os.path.relpath(source, corpus)] = mid
    seen = {}
    for mid, name, part in con.execute(
            "SELECT a.meeting_id, p.name, a.part FROM appearances a"
            " JOIN people p ON p.id = a.name_id"):  # the links (schema v19)
        seen.setdefault(mid, set()).add((name, part))
    chairs = atts = missing = extra = 0
    with open(os.path.join(corpus, "manifest.jsonl"), encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            if m.get("nasty"):
                continue
            mid = src.get(m["file"])
            if mid is None:
                missing += 1
                continue
            want = set()
            if m.get("chair"):
                want.add((m["chair"], "chair"))
                chairs += 1
            for a in m.get("attendees") or []:
                want.add((a, "attendee"))
            atts += len(set(m.get("attendees") or []))  # a name twice is one
            got = seen.get(mid, set())
            missing += len(want - got)
            extra += len(got - want)
    pc, pa, napp = con.execute(
        "SELECT sum(chaired), sum(attended),"
        " (SELECT count(*) FROM appearances WHERE person_id > 0) FROM persons").fetchone()
    nlinks = con.execute("SELECT count(*) FROM appearances").fetchone()[0]
    con.close()
    return {"chairs": chairs, "attendees": atts, "missing": missing, "extra": extra,
            "persons_chaired": pc or 0, "persons_attended": pa or 0,
            "appearances": napp, "links": nlinks}


def screens(binary, db, small_db, runs=3):
    """Table rows of the people's screens (bench/tui.py people) on both."""
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import tui
    big, small = tui.people(binary, db, runs), tui.people(binary, small_db, 1)
    ok = lambda x, t: "✓" if x <= t else "✗"
    return [
        f"| `p` in the list → the people table's first paint | {big['open']:.1f} "
        f"{ok(big['open'], 50)} | {small['open']:.1f} |",
        f"| Enter → a career's first paint (the first person) | {big['career']:.1f} "
        f"{ok(big['career'], 50)} | {small['career']:.1f} |",
        f"| `G` → the last page of the table | {big['bottom']:.1f} | {small['bottom']:.1f} |",
        f"| `j`, 1,000 presses from the top (windows refilled on the way): median / p95 / "
        f"max | {big['down']:.2f} / {big['down_p95']:.2f} / {big['down_max']:.1f} | "
        f"{small['down']:.2f} / {small['down_p95']:.2f} / {small['down_max']:.1f} |",
        f"| peak RSS of the session (VmHWM), MiB | {big['rss']:.1f} | {small['rss']:.1f} |",
    ]


def section(binary, db, small_db, corpus, nfiles, nsmall):
    big = rows(binary, db)
    small = rows(binary, small_db, 5)
    scr = screens(binary, db, small_db)
    c = check(db, corpus)
    ok = lambda x: "✓" if x else "✗"
    lines = [
        "## People (issue 11)",
        "",
        f"Whole process (open, query, print, exit), medians of {RUNS} runs on the "
        f"{nfiles:,}-meeting database and of 5 on the {nsmall:,}-meeting one, wall and CPU "
        "(user + system: on a busy machine the wall time also waits for a CPU); peak RSS "
        "the largest of the runs. A career prints every meeting of the person, their role spans "
        "and the ten people met most often.",
        "",
        f"| command | ms at {nfiles:,} | CPU ms | peak RSS MiB | ms at {nsmall:,} | CPU ms "
        "| peak RSS MiB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for (name, ms, rss, cpu), (_, ms2, rss2, cpu2) in zip(big, small):
        mark = "" if name.startswith("`huiyi --version`") else " " + ok(ms <= 50)
        lines.append(f"| {name} | {ms:.1f}{mark} | {cpu:.1f} | {rss / 1024:.1f} | "
                     f"{ms2:.1f} | {cpu2:.1f} | {rss2 / 1024:.1f} |")
    good = c["missing"] == 0 and c["extra"] == 0 and c["persons_chaired"] == c["chairs"] \
        and c["persons_attended"] == c["attendees"]
    lines += [
        "",
        "Target ≤ 50 ms each for the list and a career (the list is one range of an index "
        "of `persons`, a career ranges of `appearances`, whatever the corpus: DESIGN.md §2 "
        "People). With `--body` or dates the list is an aggregate over those meetings' "
        "appearances (no target in the issue; listed to show what it costs).",
        "",
        f"The browser in a {COLS}×{ROWS} pseudo-terminal (bench/tui.py `people`), "
        "ms from the key to the frame written, medians of 5 per session, 3 sessions on the "
        "big database and 1 on the small:",
        "",
        f"| what | ms at {nfiles:,} | ms at {nsmall:,} |",
        "|---|---:|---:|",
    ] + scr + [
        "",
        f"Against the manifest: {c['chairs']:,} chairs and {c['attendees']:,} attendees; "
        f"names the manifest has and the store lacks: {c['missing']:,}, the store has and "
        f"the manifest lacks: {c['extra']:,}; persons' chaired total {c['persons_chaired']:,}, "
        f"attended {c['persons_attended']:,} {ok(good)}.",
        "",
    ]
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gen", required=True)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--work", default="bench/work")
    a = ap.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import bench
    os.makedirs(a.work, exist_ok=True)
    binary = os.path.abspath(a.bin)
    d, n, _ = bench.corpus(a.gen, a.work, a.count)
    s, ns, _ = bench.corpus(a.gen, a.work, max(a.count // 10, 1))
    dbs = []
    for corpus, name in ((d, "people.db"), (s, "people-small.db")):
        db = os.path.join(a.work, name)
        bench.fresh(db)
        p = subprocess.run([binary, "-d", db, "import", corpus], capture_output=True,
                           text=True)
        if p.returncode not in (0, 1):  # 1: the manifest is rejected
            raise SystemExit(f"bench: import failed: {p.stderr[-500:]}")
        dbs.append(db)
    print("\n".join(section(binary, dbs[0], dbs[1], d, n, ns)))


if __name__ == "__main__":
    main()
