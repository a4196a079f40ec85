#!/usr/bin/env python3
"""dupcheck.py: the same meeting from many places (issue 13), measured.

A gencorpus.py corpus, plus copies of a share of its readouts (10% by
default) as another site would repost them: converted to the other script
with the `opencc` command (apt package opencc; used only here), other
punctuation, pinyin glosses after some characters, and page chrome (a
breadcrumb, share and footer lines). Imported together:

  copies merged   the share of copies stored as another source of the
                  meeting of their original (goal >= 99%)
  wrong merges    readouts stored as a source of a meeting that is not
                  theirs (goal 0)
  import time     the CPU time of the same import with merging and with
                  --no-merge (goal: within 10%), best of --rounds; and of
                  the corpus alone, where nothing merges (the cost of the
                  fingerprints and their lookups)

Keep --count small (<= 5,000): the machine is shared.

  python3 bench/dupcheck.py --count 3000
"""
import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENCORPUS = os.path.join(ROOT, "..", "shared", "bench", "gencorpus.py")
SEP = "\n@@@@分隔@@@@\n"
# toned syllables (any valid one is a gloss to clean, whatever the character)
SYLLABLES = ["wù", "yì", "shì", "huì", "zhèng", "xiàn", "gōng", "zuò", "bù", "yán"]
CHROME_TOP = ["首页 > 政务公开 > 工作动态", "当前位置：首页 > 新闻中心"]
CHROME_END = ["【字体：大 中 小】 打印 关闭", "分享到：", "扫一扫在手机打开当前页",
              "版权所有：某某县人民政府办公室", "上一篇：无"]


def convert(texts, config):
    """texts through `opencc -c config` in one run."""
    out = subprocess.run(["opencc", "-c", config], input=SEP.join(texts),
                         capture_output=True, text=True, check=True).stdout
    parts = out.split(SEP.strip("\n"))
    parts = [p.strip("\n") for p in parts]
    if len(parts) != len(texts):
        sys.exit("opencc changed the separator: %d parts for %d texts" % (len(parts), len(texts)))
    return parts


def repost(text, rng, trad, hard):
    lines = text.split("\n")
    if hard:  # a reposting site's own byline instead of the publish line,
        # and the last paragraph left out or cut short
        lines[1] = rng.choice(["来源：某某日报  编辑：王某", "转载自县政府网站 2 次浏览"])
        last = len(lines) - 1
        while last > 2 and not lines[last].strip():
            last -= 1
        if rng.random() < 0.5:
            lines[last] = lines[last][: len(lines[last]) // 2]
        else:
            lines[last] = ""
    body = []
    for ln in lines:
        if rng.random() < 0.5:  # other punctuation
            ln = ln.replace("，", ", ").replace("。", ". ").replace("：", ":")
        han = [i for i, ch in enumerate(ln) if "\u4e00" <= ch <= "\u9fff"]
        for i in sorted(rng.sample(han, min(len(han), rng.randint(0, 3))), reverse=True):
            ln = ln[:i + 1] + "(" + rng.choice(SYLLABLES) + ")" + ln[i + 1:]
        body.append(ln)
    top = [rng.choice(CHROME_TOP)] if rng.random() < 0.7 else []
    end = rng.sample(CHROME_END, rng.randint(1, 3))
    if trad:  # the chrome in the copy's script (clean knows both)
        top, end = [convert([t], "s2t.json")[0] for t in top], convert(end, "s2t.json")
    return "\n".join(top + body + end) + "\n"


def timed_import(huiyi, db, paths, extra, env):
    if os.path.exists(db):
        os.remove(db)
    for suf in ("-wal", "-shm"):
        if os.path.exists(db + suf):
            os.remove(db + suf)
    # CPU time (user + system) of the import: wall time on a shared
    # machine varies by half from run to run
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run([huiyi, "-d", db, "import"] + extra + paths, capture_output=True,
                       text=True, env=env)
    ru2 = resource.getrusage(resource.RUSAGE_CHILDREN)
    dt = (ru2.ru_utime - ru.ru_utime) + (ru2.ru_stime - ru.ru_stime)
    if r.returncode not in (0, 1):
        sys.exit("import failed: " + r.stderr[-2000:])
    return dt, r.stderr.strip().splitlines()[0] if r.stderr.strip() else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--share", type=float, default=0.10)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--huiyi", default=os.path.join(ROOT, "build", "huiyi"))
    ap.add_argument("--keep", help="keep the files in this folder")
    ap.add_argument("--hard", action="store_true",
                    help="copies also lose the publish line (another byline) and the last"
                    " paragraph or half of it")
    ap.add_argument("--base", help="a huiyi built before merging (schema v10) to time the"
                    " corpus alone against")
    ap.add_argument("--results", help="append the figures as a section to this file"
                    " (make bench: bench/RESULTS.md)")
    a = ap.parse_args()
    if a.count > 5000:
        sys.exit("--count over 5,000: the machine is shared")
    if not shutil.which("opencc"):
        sys.exit("needs the opencc command (apt-get install opencc)")
    work = a.keep or tempfile.mkdtemp(prefix="huiyi-dupcheck.")
    os.makedirs(work, exist_ok=True)
    corpus, copies = os.path.join(work, "corpus"), os.path.join(work, "copies")
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, GENCORPUS, "--count", str(a.count), "--seed",
                        str(a.seed), "--out", corpus], check=True, stdout=subprocess.DEVNULL)
    manifest = [json.loads(l) for l in open(os.path.join(corpus, "manifest.jsonl"), encoding="utf-8")]
    rng = random.Random(a.seed)
    picked = rng.sample(manifest, max(1, int(len(manifest) * a.share)))
    shutil.rmtree(copies, ignore_errors=True)
    os.makedirs(copies)
    texts = [open(os.path.join(corpus, m["file"]), encoding="utf-8").read() for m in picked]
    simp = [i for i, m in enumerate(picked) if m["script"] != "traditional"]
    trad = [i for i, m in enumerate(picked) if m["script"] == "traditional"]
    conv = list(texts)
    for idx, cfg in ((simp, "s2t.json"), (trad, "t2s.json")):
        if idx:
            for i, t in zip(idx, convert([texts[i] for i in idx], cfg)):
                conv[i] = t
    origin = {}  # copy's path -> original's path
    for i, m in enumerate(picked):
        name = "copy_" + m["file"].replace("/", "_")
        p = os.path.join(copies, name)
        with open(p, "w", encoding="utf-8") as f:
            f.write(repost(conv[i], rng, i in simp, a.hard))
        origin[os.path.realpath(p)] = os.path.realpath(os.path.join(corpus, m["file"]))

    env = dict(os.environ)
    db = os.path.join(work, "merge.db")
    paths = sorted(os.path.join(corpus, d) for d in os.listdir(corpus)
                   if os.path.isdir(os.path.join(corpus, d))) + [copies]  # not manifest.jsonl
    best = {}
    for r in range(a.rounds):
        for mode, extra in (("merge", []), ("no-merge", ["--no-merge"])):
            dt, line = timed_import(a.huiyi, db if mode == "merge" else db + ".apart", paths, extra, env)
            if mode not in best or dt < best[mode][0]:
                best[mode] = (dt, line)
    alone = {}
    corpus_paths = paths[:-1]
    for r in range(a.rounds):
        for mode, extra in (("merge", []), ("no-merge", ["--no-merge"])):
            dt, _ = timed_import(a.huiyi, db + ".alone", corpus_paths, extra, env)
            alone[mode] = min(dt, alone.get(mode, dt))
        if a.base:
            dt, _ = timed_import(a.base, db + ".base", corpus_paths, [], env)
            alone["base"] = min(dt, alone.get("base", dt))
    # how near each copy is to its original (the --no-merge database
    # stores both, each with its fingerprint)
    apart = sqlite3.connect(db + ".apart")
    by_src = dict(apart.execute("SELECT s.source, h.hash FROM sources s"
                                " JOIN simhash h ON h.meeting_id = s.meeting_id"))
    apart.close()
    copy_d = [bin((by_src[c] ^ by_src[o]) & (2**64 - 1)).count("1")
              for c, o in origin.items() if by_src.get(c) is not None and by_src.get(o) is not None]
    con = sqlite3.connect(db)
    rows = con.execute("SELECT s.source, s.shown, (SELECT t.source FROM sources t"
                       " WHERE t.meeting_id = s.meeting_id AND t.shown = 1)"
                       " FROM sources s").fetchall()
    meetings = con.execute("SELECT count(*) FROM meetings").fetchone()[0]
    # different meetings whose fingerprints are near: kept apart only by
    # their date, number or body (pairs that share a band)
    near = {}
    for key, ids in con.execute("SELECT key, group_concat(meeting_id) FROM simhash_bands"
                                " GROUP BY key HAVING count(*) > 1"):
        ids = [int(x) for x in ids.split(",")]
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                near[(ids[i], ids[j])] = None
    hashes = dict(con.execute("SELECT meeting_id, hash FROM simhash WHERE hash IS NOT NULL"))
    dist = [bin((hashes[x] ^ hashes[y]) & (2**64 - 1)).count("1") for x, y in near]
    con.close()
    # a copy and its original are right together, whichever is shown (the
    # original: it has no glosses or chrome); anything else in a meeting
    # of more than one source is a wrong merge
    shown_of = {src: shown_src for src, _, shown_src in rows}
    copy_of = {o: c for c, o in origin.items()}
    merged_right = wrong = original_shown = 0
    for src, shown, shown_src in rows:
        if shown:
            continue
        if origin.get(src) == shown_src:
            merged_right += 1
            original_shown += 1
        elif copy_of.get(src) == shown_src:
            merged_right += 1
        else:
            wrong += 1
    stored = sum(1 for _ in manifest)
    print("corpus %d readouts, %d copies (%.0f%%), meetings stored %d" %
          (stored, len(picked), 100 * a.share, meetings))
    print("copies merged into their original: %d / %d = %.2f%% (goal >= 99%%)" %
          (merged_right, len(picked), 100.0 * merged_right / len(picked)))
    print("readouts merged into another meeting: %d (goal 0)" % wrong)
    print("the original shown (no glosses, no chrome: source_rank.h): %d / %d" %
          (original_shown, merged_right))
    hist = {}
    for d in copy_d:
        hist[d] = hist.get(d, 0) + 1
    print("copy ~ original, bits: %s" % ", ".join("%d: %d" % (k, hist[k]) for k in sorted(hist)))
    print("different meetings sharing a band: %d pairs, %d of them within 3 bits"
          " (kept apart by date, number or body), nearest %s bits" %
          (len(dist), sum(d <= 3 for d in dist), min(dist) if dist else "-"))
    m, n = best["merge"][0], best["no-merge"][0]
    print("import CPU time, best of %d: merging %.2f s, --no-merge %.2f s: %+.1f%% (goal within 10%%)" %
          (a.rounds, m, n, 100.0 * (m - n) / n))
    m, n = alone["merge"], alone["no-merge"]
    print("the corpus alone (no copies: the fingerprints' cost), CPU, best of %d: merging %.2f s,"
          " --no-merge %.2f s: %+.1f%%" % (a.rounds, m, n, 100.0 * (m - n) / n))
    if a.base:
        b = alone["base"]
        print("the corpus alone, CPU, best of %d: this build %.2f s, --base %.2f s: %+.1f%%"
              % (a.rounds, m, b, 100.0 * (m - b) / b))
    print("  merge:    " + best["merge"][1])
    print("  no-merge: " + best["no-merge"][1])
    if a.results:
        results(a, stored, picked, merged_right, wrong, original_shown, copy_d, dist, best,
                alone)
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)


def results(a, stored, picked, right, wrong, original_shown, copy_d, dist, best, alone):
    """The figures as a section of bench/RESULTS.md."""
    m, n = best["merge"][0], best["no-merge"][0]
    am, an = alone["merge"], alone["no-merge"]
    rows = [
        ("copies merged into their original", "**%d / %d = %.2f%%** (goal ≥ 99%%)" %
         (right, len(picked), 100.0 * right / len(picked))),
        ("readouts merged into another meeting", "**%d** (goal 0)" % wrong),
        ("the original shown, not the copy (source_rank.h)", "%d / %d" % (original_shown, right)),
        ("copy ~ original, median bits", "%d" % sorted(copy_d)[len(copy_d) // 2] if copy_d else "-"),
        ("different meetings sharing a band", "%d pairs, %d within 3 bits, nearest %s" %
         (len(dist), sum(d <= 3 for d in dist), min(dist) if dist else "-")),
        ("import CPU with copies: merging / `--no-merge`", "%.2f s / %.2f s (%+.1f%%)" %
         (m, n, 100.0 * (m - n) / n)),
        ("import CPU, the corpus alone: merging / `--no-merge`", "%.2f s / %.2f s (%+.1f%%)" %
         (am, an, 100.0 * (am - an) / an)),
    ]
    if a.base:
        b = alone["base"]
        rows.append(("import CPU, the corpus alone: this build / before merging (schema v10,"
                     " the anchor)", "%.2f s / %.2f s: **%.2f×** (goal ≤ 1.10×)" % (am, b, am / b)))
    with open(a.results, "a", encoding="utf-8") as f:
        f.write("\n## The same meeting from many places (issue 13)\n\n")
        f.write("`python3 bench/dupcheck.py --count %d --rounds %d%s`: %d gencorpus readouts"
                " (seed %d) and copies of %d of them as another site reposts them (the other"
                " script by the `opencc` command, other punctuation, 0–3 pinyin glosses a line,"
                " page chrome), imported together; CPU time (user + system) of whole `huiyi"
                " import` processes, best of %d.\n\n" %
                (a.count, a.rounds, " --base BASE" if a.base else "", stored, a.seed,
                 len(picked), a.rounds))
        f.write("| | |\n|---|---|\n")
        for k, v in rows:
            f.write("| %s | %s |\n" % (k, v))


if __name__ == "__main__":
    main()
