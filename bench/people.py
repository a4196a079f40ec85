#!/usr/bin/env python3
"""People (issue 11): `huiyi people --sort count --limit 20` and one career,
whole process, on the bench databases; and the people against the corpus
manifest (every chair and attendee a person of that meeting, no other).

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
import time

RUNS = 15


def timed(cmd):
    """(ms, peak RSS KiB, stdout) of one run (GNU time for the RSS)."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "BENCH_MAXRSS %M"] + cmd,
                       capture_output=True, text=True)
    ms = (time.perf_counter() - t0) * 1000
    if p.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed: {p.stderr[-500:]}")
    rss = 0
    for line in p.stderr.splitlines():
        if line.startswith("BENCH_MAXRSS "):
            rss = int(line.split()[1])
    return ms, rss, p.stdout


def measure(cmd, runs=RUNS):
    xs = [timed(cmd) for _ in range(runs)]
    return statistics.median(x[0] for x in xs), max(x[1] for x in xs), xs[0][2]


def rows(binary, db, runs=RUNS):
    """The timed commands on db: the list, the busiest person's career and
    a typical one's (the median of the first 1000 by count)."""
    out = []
    cmd = [binary, "-d", db, "people", "--sort", "count", "--limit", "20"]
    ms, rss, _ = measure(cmd, runs)
    out.append(("`huiyi people --sort count --limit 20`", ms, rss))
    ms, rss, _ = measure([binary, "-d", db, "people", "--sort", "name", "--limit", "20"], runs)
    out.append(("`huiyi people --sort name --limit 20`", ms, rss))
    people = [json.loads(l) for l in
              subprocess.run([binary, "-d", db, "people", "--limit", "1000", "--json"],
                             capture_output=True, text=True, check=True).stdout.splitlines()]
    if people:
        top = people[0]
        mid = people[len(people) // 2]
        for who, what in ((top, "the busiest person"), (mid, "a typical person")):
            n = who["chaired"] + who["attended"] + who["observed"] + who["invited"]
            ms, rss, _ = measure([binary, "-d", db, "people", str(who["id"])], runs)
            out.append((f"`huiyi people {who['id']}`: career of {what} ({n:,} meetings)",
                        ms, rss))
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
            "SELECT mp.meeting_id, p.name, CASE WHEN mp.invited THEN 'invited'"
            " ELSE mp.role END FROM meeting_people mp JOIN people p ON p.id = mp.person_id"):
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
        "SELECT sum(chaired), sum(attended), (SELECT count(*) FROM appearances)"
        " FROM persons").fetchone()
    nlinks = con.execute("SELECT count(*) FROM meeting_people").fetchone()[0]
    con.close()
    return {"chairs": chairs, "attendees": atts, "missing": missing, "extra": extra,
            "persons_chaired": pc or 0, "persons_attended": pa or 0,
            "appearances": napp, "links": nlinks}


def section(binary, db, small_db, corpus, nfiles, nsmall):
    big = rows(binary, db)
    small = rows(binary, small_db, 5)
    c = check(db, corpus)
    ok = lambda x: "✓" if x else "✗"
    lines = [
        "## People (issue 11)",
        "",
        f"Whole process (open, query, print, exit), medians of {RUNS} runs on the "
        f"{nfiles:,}-meeting database and of 5 on the {nsmall:,}-meeting one; peak RSS the "
        "largest of the runs. A career prints every meeting of the person, their role spans "
        "and the ten people met most often.",
        "",
        f"| command | ms at {nfiles:,} | peak RSS MiB | ms at {nsmall:,} | peak RSS MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    for (name, ms, rss), (_, ms2, rss2) in zip(big, small):
        lines.append(f"| {name} | {ms:.1f} {ok(ms <= 50)} | {rss / 1024:.1f} | "
                     f"{ms2:.1f} | {rss2 / 1024:.1f} |")
    good = c["missing"] == 0 and c["extra"] == 0 and c["persons_chaired"] == c["chairs"] \
        and c["persons_attended"] == c["attendees"]
    lines += [
        "",
        "Target ≤ 50 ms each (the list is one range of an index of `persons`, a career "
        "ranges of `appearances`, whatever the corpus: DESIGN.md §2 People).",
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
