#!/usr/bin/env python3
"""Search benchmarks (issue 4), run by bench/bench.py.

On the 100,000-meeting database the import benchmark leaves:
- index build time (`huiyi reindex`) and size (dbstat, FTS5 tables vs the
  text they index);
- for 20 queries (rare and common, 1–4 characters, both scripts): median
  and p95 latency of the first 20 ranked results with snippets, in process
  (tests/tools/search-bench), and hit counts against a brute-force scan of
  the folded text;
- side by side: `rg -c -F` over the same files (both scripts, as a user of
  rg would have to type them) and `LIKE '%…%'` over the same sections table.
"""
import json
import os
import sqlite3
import statistics
import subprocess
import time

QUERIES = [
    "会", "氣", "燃", "灾",
    "燃气", "燃氣", "财政", "財政", "安全", "民生", "殡葬", "秸秆",
    "营商环", "防汛抗",
    "安全生产", "安全生產", "河湖长制", "民生实事", "数字政府", "信访积案",
]


def timed(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    return time.perf_counter() - t0, p


def ext_sql(db, binary, q):
    """q in the sqlite3 shell with huiyi's extension from beside the binary
    (the view sections_text reads the clean text through hy_clean, schema
    v18; Python's sqlite3 may not load extensions): its first value, and
    the shell's own time for it (.timer), in ms."""
    ext = os.path.join(os.path.dirname(os.path.abspath(binary)), "huiyi_fts")
    p = subprocess.run(["sqlite3", "-batch", "-cmd", ".load " + ext, f"file:{db}?mode=ro"],
                       input=".timer on\n" + q + ";\n", capture_output=True, text=True,
                       check=True)
    lines = p.stdout.splitlines()
    real = [float(l.split()[3]) for l in lines if l.startswith("Run Time: real")]
    value = next((l for l in lines if not l.startswith("Run Time:")), "")
    return value, sum(real) * 1e3


def sizes(db, binary):
    q = ("SELECT name, sum(pgsize) FROM dbstat GROUP BY name")
    p = subprocess.run(["sqlite3", db, q], capture_output=True, text=True)
    fts = 0
    for line in p.stdout.splitlines():
        name, size = line.rsplit("|", 1)
        if "_fts" in name or name == "fts_lengths":  # the index and its row lengths
            fts += int(size)
    text = int(ext_sql(db, binary, "SELECT sum(length(CAST(heading AS BLOB))"
                       " + length(CAST(text AS BLOB))) FROM sections_text")[0] or 0)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    text += con.execute("SELECT sum(length(CAST(ifnull(title,'') AS BLOB)) +"
                        " length(CAST(ifnull(summary,'') AS BLOB))) FROM meetings").fetchone()[0] or 0
    con.close()
    return fts, text


def like_ms(db, binary, q, runs=3):
    like = "'%" + q.replace("'", "''") + "%'"
    ts = [ext_sql(db, binary, "SELECT count(*) FROM sections_text WHERE heading LIKE "
                  + like + " OR text LIKE " + like)[1] for _ in range(runs)]
    return statistics.median(ts)


def rg_ms(corpus, q, runs=3):
    # a user of rg types both scripts: simplified and traditional
    try:
        alt = subprocess.run(["uconv", "-x", "Hans-Hant"], input=q, capture_output=True,
                             text=True).stdout.strip() or q
    except FileNotFoundError:
        alt = q
    pats = [q] if alt == q else [q, alt]
    args = ["rg", "-c", "-F"]
    for p in pats:
        args += ["-e", p]
    ts = []
    for _ in range(runs):
        t, _ = timed(args + ["--", corpus])
        ts.append(t * 1e3)
    return statistics.median(ts)


def run(binary, bench_tool, db, corpus, runs=15):
    t_index, p = timed([binary, "-d", db, "reindex"])
    if p.returncode != 0:
        raise SystemExit(f"reindex failed: {p.stderr}")
    fts, text = sizes(db, binary)
    p = subprocess.run([bench_tool, db, str(runs)] + QUERIES, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"search-bench failed: {p.stderr}")
    rows = [json.loads(l) for l in p.stdout.splitlines()]
    for r in rows:
        r["like_ms"] = like_ms(db, binary, r["query"])
        r["rg_ms"] = rg_ms(corpus, r["query"])
    return t_index, fts, text, rows


def section(binary, bench_tool, db, corpus, nfiles):
    t_index, fts, text, rows = run(binary, bench_tool, db, corpus)
    med = statistics.median(r["median_ms"] for r in rows)
    p95 = sorted(r["p95_ms"] for r in rows)[int(len(rows) * 0.95) - 1]
    rg = statistics.median(r["rg_ms"] for r in rows)
    like = statistics.median(r["like_ms"] for r in rows)
    exact = all(r["sections"] == r["brute"] for r in rows)
    ok = lambda c: "✓" if c else "✗"
    lines = [
        "## Search (issue 4)",
        "",
        f"On the {nfiles:,}-meeting database above. Index: `huiyi reindex` "
        f"{t_index:.1f} s; FTS5 tables and `fts_lengths` {fts / 1e6:.1f} MB for {text / 1e6:.1f} MB of indexed text "
        f"= **{fts / text:.2f}×** (target ≤ 1.5× {ok(fts / text <= 1.5)}).",
        "",
        "Latency: first 20 ranked results with snippets, in process (`tests/tools/search-bench`, "
        "15 runs each, one open store: on 2+ CPUs a big index is ranked in two halves, the "
        "second on the store's read-only second connection in another thread, DESIGN.md §5); "
        "`rg -c -F` over the same files with both scripts "
        "(`-e 燃气 -e 燃氣`: rg cannot fold); `LIKE '%q%'` on the same sections table; "
        "`brute` = sections whose folded heading or text contains the folded query.",
        "",
        "| query | median ms | p95 ms | sections | brute | rg ms | LIKE ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['query']} | {r['median_ms']:.2f} | {r['p95_ms']:.2f} | {r['sections']:,} | "
                     f"{r['brute']:,}{'' if r['sections'] == r['brute'] else ' ✗'} | "
                     f"{r['rg_ms']:.0f} | {r['like_ms']:.0f} |")
    lines += [
        "",
        f"Median of the medians **{med:.2f} ms** (target ≤ 20 {ok(med <= 20)}), p95 across queries "
        f"**{p95:.2f} ms** (target ≤ 100 {ok(p95 <= 100)}); rg median {rg:.0f} ms → "
        f"**{rg / med:.0f}×** faster (target ≥ 50× {ok(rg / med >= 50)}); LIKE median {like:.0f} ms. "
        f"Hit counts equal the brute-force scan for every query: {ok(exact)}.",
        "",
        "Where the time goes: ranking exactly by bm25 needs a score for every matching "
        "section (`会` matches 700,000 of them, `安全` half), so the common words set the p95 "
        "and the middle of the set (one character in ~60,000 sections) the median. Per match "
        "the scan costs about 100–250 ns: FTS5's position lists, and each row's length for "
        "rows that could make the page, read from `fts_lengths` one 256-row block at a time "
        "(schema v4; a b-tree lookup a row in `%_docsize` before, which made these middle "
        "queries about twice as slow), split over two threads. rg reads every file whatever "
        "the query (~3.7 µs a file), so the ratio is lowest for the words that match most. "
        "A colocated-bigram index (the issue's design: two-character phrases as one list) "
        "would make multi-character phrases cheaper but measured 2.2× the text, over the "
        "1.5× budget.",
        "",
    ]
    return lines
