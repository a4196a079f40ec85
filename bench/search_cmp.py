#!/usr/bin/env python3
"""Two builds of huiyi give the same search output, byte for byte
(issue 14: a phrase's page without its count must change nothing).

    bench/search_cmp.py DB BEFORE AFTER [N] [CORPUS]

DB: a database both builds can read (the same schema version); BEFORE and
AFTER: the two binaries; N (default 100): phrases of 2-4 Han characters
sampled (seed 14) from the .txt files under CORPUS (default: none, then
only the fixed queries), added to bench/search.py's 20 queries and a few
more (two-character words common in readouts, pinyin, two phrases, an
excluded word). Each query runs with both builds as text (--limit 20,
--limit 50 --offset 5, --limit 7 --offset 13) and as --json --limit 20;
stdout, stderr and the exit status must be the same. Prints every
difference and a count; exits 1 if there was one. Not part of make
check (it needs a big database to mean anything: bench/RESULTS.md)."""
import glob
import os
import random
import re
import subprocess
import sys

from search import QUERIES

MORE = ["会议", "工作", "发展建设", "研究", "县长", "召开", "ranqi", "燃气 安全",
        "\"安全生产\" -燃气"]
ARGS = [["--limit", "20"], ["--limit", "50", "--offset", "5"], ["--limit", "7", "--offset", "13"],
        ["--json", "--limit", "20"]]


def sample(corpus, n, seed=14):
    """n phrases of 2-4 Han characters from the corpus's files."""
    rnd = random.Random(seed)
    files = sorted(glob.glob(os.path.join(corpus, "**", "*.txt"), recursive=True))
    han = re.compile(r"[\u4e00-\u9fff]{2,}")
    out = []
    tries = 0
    while files and len(out) < n and tries < 100 * n:
        tries += 1
        with open(rnd.choice(files), encoding="utf-8", errors="replace") as f:
            runs = han.findall(f.read())
        if not runs:
            continue
        r = rnd.choice(runs)
        k = rnd.choice([2, 2, 3, 4])
        if len(r) < k:
            continue
        i = rnd.randrange(len(r) - k + 1)
        if r[i:i + k] not in out:
            out.append(r[i:i + k])
    return out


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    db, before, after = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    corpus = sys.argv[5] if len(sys.argv) > 5 else None
    queries = list(QUERIES) + MORE
    if corpus:
        queries += [q for q in sample(corpus, n) if q not in queries]
    bad = runs = 0
    for q in queries:
        for a in ARGS:
            out = [subprocess.run([b, "-d", db, "search", q] + a, capture_output=True)
                   for b in (before, after)]
            got = [(p.returncode, p.stdout, p.stderr) for p in out]
            runs += 1
            if got[0] != got[1]:
                bad += 1
                print("differs:", q, " ".join(a), "exit %d/%d" % (got[0][0], got[1][0]),
                      "stdout %d/%d bytes" % (len(got[0][1]), len(got[1][1])), flush=True)
    print("%d queries, %d runs of each build, %d differences" % (len(queries), runs, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
