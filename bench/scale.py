#!/usr/bin/env python3
"""make bench-scale (issue 14): a national corpus on one machine.

Generates `gencorpus.py --count N --seed 33 --pinyin 0` (N = 1,000,000 by
default: long, hours; not part of make check), then measures, whole
processes as a user or a script runs them, each row beside its anchor in
the same run, and writes the section "Scale (issue 14): make bench-scale"
of bench/RESULTS.md:

- import: the corpus one year folder at a time (11 processes into one
  database), the rate of each; the first folder's rate against the last's
  (target: the last within 20% of the first); the bytes the imports wrote
  (kernel write_bytes and wchar, /proc) against the input (target ≤ 10×);
  peak RSS of each (target: flat); anchor: the sqlite3 shell inserting the
  same files into an FTS5 table with the trigram tokenizer (target: our
  rate at least its);
- storage: the database against the input text (target ≤ 2×), by table;
- search: `huiyi search Q --limit 20` for the query set of bench/search.py,
  whole processes, median and p95 (targets 20 and 100 ms); hit counts
  against a brute-force scan (tests/tools/search-bench); anchor: Xapian's
  `quest` on an `omindex` index of the same files with CJK n-grams, when
  xapian-tools and xapian-omega can be installed (apt, as root);
- `huiyi list --person NAME`, whole process;
- the browser: start → first paint, key → paint, peak RSS (bench/tui.py).

  python3 bench/scale.py --gen ../shared/bench/gencorpus.py --bin build/huiyi \\
      [--count 1000000] [--work bench/work/scale] [--out bench/RESULTS.md]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import search  # noqa: E402  (the query set)
import tui  # noqa: E402

HEADING = "## Scale (issue 14): make bench-scale"


def corpus(gen, work, count):
    d = os.path.join(work, f"corpus-{count}")
    if not os.path.isdir(d):
        subprocess.run([sys.executable, gen, "--count", str(count), "--seed", "33",
                        "--pinyin", "0", "--out", d], check=True, stdout=subprocess.DEVNULL)
    years = sorted(os.path.join(d, y) for y in os.listdir(d) if os.path.isdir(os.path.join(d, y)))
    files = [os.path.join(y, f) for y in years for f in sorted(os.listdir(y)) if f.endswith(".txt")]
    return d, years, files


def measured(cmd, **kw):
    """Run cmd: (seconds, exit status, stderr, kernel io dict, peak RSS KiB),
    the io read from /proc after it exits and before it is reaped."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    io = {}
    try:
        os.waitid(os.P_PID, p.pid, os.WEXITED | os.WNOWAIT)
        with open(f"/proc/{p.pid}/io") as f:
            io = {k: int(v) for k, v in (l.split(": ") for l in f.read().splitlines())}
    except (OSError, AttributeError, ValueError):
        pass
    _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    return dt, os.waitstatus_to_exitcode(status), err, io, ru.ru_maxrss


def fresh(path):
    for ext in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + ext):
            os.unlink(path + ext)


def size(path):
    return sum(os.path.getsize(path + e) for e in ("", "-wal") if os.path.exists(path + e))


def import_rows(binary, years, files, work, text_bytes):
    db = os.path.join(work, "scale.db")
    fresh(db)
    chunks, wb, wc = [], 0, 0
    for y in years:
        n = sum(1 for f in os.listdir(y) if f.endswith(".txt"))
        dt, rc, err, io, rss = measured([binary, "-d", db, "import", y])
        if rc != 0:
            raise SystemExit(f"import {y} failed: {err[-2000:]}")
        wb += io.get("write_bytes", 0)
        wc += io.get("wchar", 0)
        chunks.append((os.path.basename(y), n, dt, rss))
    anchor = anchor_fts(files, work)
    return db, chunks, wb, wc, anchor


def anchor_fts(files, work):
    """The sqlite3 shell reading the files into an FTS5 table with the
    trigram tokenizer, one transaction: seconds, or None."""
    if not shutil.which("sqlite3"):
        return None
    db = os.path.join(work, "anchor.db")
    fresh(db)
    lst = os.path.join(work, "files.txt")
    with open(lst, "w") as f:
        f.write("\n".join(files) + "\n")
    sql = (".timeout 0\nCREATE TABLE f(name TEXT);\n"
           f".import '{lst}' f\n"
           "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='trigram');\n"
           "BEGIN; INSERT INTO t(body) SELECT CAST(readfile(name) AS TEXT) FROM f; COMMIT;\n")
    t0 = time.perf_counter()
    p = subprocess.run(["sqlite3", db], input=sql, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    fresh(db)
    return dt if p.returncode == 0 else None


def tables(db):
    p = subprocess.run(["sqlite3", db, "SELECT name, sum(pgsize) FROM dbstat GROUP BY name"
                        " ORDER BY 2 DESC LIMIT 8"], capture_output=True, text=True)
    return [l.rsplit("|", 1) for l in p.stdout.splitlines() if "|" in l]


def search_rows(binary, db, runs=5):
    rows = []
    for q in search.QUERIES:
        ts = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([binary, "-d", db, "search", q, "--limit", "20"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            ts.append((time.perf_counter() - t0) * 1e3)
        rows.append((q, statistics.median(ts), max(ts)))
    return rows


def exact_counts(bench_tool, db):
    """search-bench's hit counts against its brute-force scan: (equal, all)."""
    if not os.path.exists(bench_tool):
        return None
    p = subprocess.run([bench_tool, db, "1"] + search.QUERIES, capture_output=True, text=True)
    if p.returncode != 0:
        return None
    import json
    rows = [json.loads(l) for l in p.stdout.splitlines()]
    return sum(r["sections"] == r["brute"] for r in rows), len(rows)


def xapian(corpus_dir, work, runs=5):
    """quest on an omindex index of the corpus with CJK n-grams: per query
    the median ms, or None when the tools are missing."""
    if not (shutil.which("quest") and shutil.which("omindex")) and os.geteuid() == 0 \
            and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "xapian-tools", "xapian-omega"],
                       capture_output=True, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    if not (shutil.which("quest") and shutil.which("omindex")):
        return None
    xdb = os.path.join(work, "xapian")
    env = dict(os.environ, XAPIAN_CJK_NGRAM="1")
    if not os.path.isdir(xdb):
        subprocess.run(["omindex", "--db", xdb, "--url", "/", corpus_dir], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = {}
    for q in search.QUERIES:
        ts = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(["quest", "-d", xdb, "-f", "cjk_ngram,default", "-m", "20", q],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            ts.append((time.perf_counter() - t0) * 1e3)
        out[q] = statistics.median(ts)
    return out


def person_ms(binary, db, runs=5):
    p = subprocess.run(["sqlite3", db, "SELECT name FROM persons ORDER BY attended + chaired"
                        " DESC LIMIT 1"], capture_output=True, text=True)
    name = p.stdout.strip()
    if not name:
        return None, None
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([binary, "-d", db, "list", "--person", name], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        ts.append((time.perf_counter() - t0) * 1e3)
    return name, statistics.median(ts)


def write_section(out, lines):
    text = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
    start = text.find(HEADING)
    if start >= 0:
        end = text.find("\n## ", start + len(HEADING))
        text = text[:start] + text[end + 1:] if end >= 0 else text[:start]
    text = text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gen", required=True)
    ap.add_argument("--bin", default="build/huiyi")
    ap.add_argument("--count", type=int, default=1_000_000)
    ap.add_argument("--work", default="bench/work/scale")
    ap.add_argument("--out", default="bench/RESULTS.md")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    os.makedirs(a.work, exist_ok=True)
    d, years, files = corpus(a.gen, a.work, a.count)
    text_bytes = sum(os.path.getsize(f) for f in files)
    db, chunks, wb, wc, anchor = import_rows(binary, years, files, a.work, text_bytes)
    nfiles = sum(c[1] for c in chunks)
    total_t = sum(c[2] for c in chunks)
    first_rate = chunks[0][1] / chunks[0][2]
    last_rate = chunks[-1][1] / chunks[-1][2]
    dbsize = size(db)
    srows = search_rows(binary, db, a.runs)
    med = statistics.median(r[1] for r in srows)
    p95 = sorted(r[1] for r in srows)[max(0, int(len(srows) * 0.95) - 1)]
    exact = exact_counts(os.path.join(os.path.dirname(binary), "tests", "tools", "search-bench"), db)
    xq = xapian(d, a.work, a.runs)
    who, person = person_ms(binary, db, a.runs)
    ui = tui.huiyi(binary, db, a.runs)
    ok = lambda c: "✓" if c else "✗"
    lines = [
        HEADING, "",
        f"`python3 bench/scale.py --count {a.count}` on {time.strftime('%Y-%m-%d')}: "
        f"`gencorpus.py --count {a.count} --seed 33 --pinyin 0`, {nfiles:,} readouts, "
        f"{text_bytes / 1e6:,.0f} MB of text, {os.cpu_count()} CPUs. Whole processes.", "",
        "| what | measured | anchor / target |", "|---|---:|---|",
        f"| import, all {len(chunks)} year folders | {total_t:,.0f} s ({nfiles / total_t:,.0f}/s) | "
        + (f"sqlite3 shell into FTS5 trigram: {anchor:,.0f} s ({nfiles / anchor:,.0f}/s), "
           f"ours {anchor / total_t:.2f}× its rate {ok(total_t <= anchor)} |" if anchor else "— |"),
        f"| import rate, first folder → last | {first_rate:,.0f}/s → {last_rate:,.0f}/s "
        f"({last_rate / first_rate:.2f}) | last ≥ 0.8× first {ok(last_rate >= 0.8 * first_rate)} |",
        f"| import peak RSS, first → last folder | {chunks[0][3] / 1024:.0f} → "
        f"{chunks[-1][3] / 1024:.0f} MiB | flat |",
        f"| written (kernel write_bytes; wchar) | {wb / 1e9:,.2f} GB ({wb / text_bytes:.1f}×); "
        f"{wc / 1e9:,.1f} GB | ≤ 10× the input {ok(wb <= 10 * text_bytes)} |",
        f"| database / input text | {dbsize / 1e6:,.0f} MB ({dbsize / text_bytes:.2f}×) | "
        f"≤ 2× {ok(dbsize <= 2 * text_bytes)} |",
        f"| `huiyi search Q --limit 20`, {len(srows)} queries | median {med:.1f} ms, "
        f"p95 {p95:.1f} ms | ≤ 20 ms {ok(med <= 20)}, ≤ 100 ms {ok(p95 <= 100)} |",
    ]
    if xq:
        xmed = statistics.median(xq.values())
        lines.append(f"| Xapian `quest -f cjk_ngram,default -m 20` (omindex) | median {xmed:.1f} ms | "
                     f"ours faster {ok(med < xmed)} |")
    if exact:
        lines.append(f"| hit counts = brute-force scan | {exact[0]} of {exact[1]} queries | all |")
    if person is not None:
        lines.append(f"| `huiyi list --person {who}` | {person:.1f} ms | |")
    lines += [
        f"| browser: start → first paint | {ui['first']:.1f} ms | ≤ 30 ms {ok(ui['first'] <= 30)} |",
        f"| browser: key → paint (j), peak RSS | {ui['down']:.2f} ms, {ui['rss']:.0f} MiB | "
        f"≤ 5 ms {ok(ui['down'] <= 5)}, ≤ 32 MiB {ok(ui['rss'] <= 32)} |",
        "",
        "Per query, `huiyi search` median / slowest of the runs"
        + (" / Xapian median" if xq else "") + " (ms): "
        + ", ".join(f"{q} {m:.0f}/{mx:.0f}" + (f"/{xq[q]:.0f}" if xq else "") for q, m, mx in srows)
        + ".", "",
        "Largest tables: " + ", ".join(f"{n} {int(s) / 1e6:,.0f} MB" for n, s in tables(db)) + ".",
        "",
    ]
    write_section(a.out, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
