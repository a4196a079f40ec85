#!/usr/bin/env python3
"""Score huiyi's parser on a folder of real readouts against hand labels.

    python3 tests/real/score.py DIR [--labels tests/real/labels] [-v]

DIR holds the texts (<id>.txt, never in the repository: third-party text),
tests/real/labels/<id>.json the labels (tests/real/README.md says what each
field means). The folder is imported into a temporary database with the
built binary ($HUIYI_BIN, else build/huiyi) as a new user would, and each
meeting read back with `show --json`. Prints the share of labelled fields
right, per field and in total, like the table of issue 10. A measurement,
not a test: it exits 0 whatever the score.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

COMMENT = re.compile(r"^\s*(会议|會議)?(还|還)?(指出|强调|強調|要求|认为|認為|明确|明確|提出)")
CLOSING = re.compile(r"(会议|會議)(还|還)\S{0,6}?(其他|其它|有关|有關)\S{0,4}?(事项|事項|事宜|议题|議題|问题|問題|工作[。.]?$)")


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


GLOSS = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")


WIDE = str.maketrans("，；：？！（）", ",;:?!()")


def norm(s):
    """Without white space, and without pinyin glosses (會(huì)議), which
    labels may copy as printed and the clean text no longer has; ASCII and
    full-width , ; : ? ! ( ) alike (the cleaner makes the ASCII ones among
    Chinese full-width, and labels copy the page as printed)."""
    return GLOSS.sub("", re.sub(r"\s+", "", s or "")).translate(WIDE)


def paragraphs(text):
    return [p for p in (l.strip() for l in text.splitlines()) if p]


class Tally:
    def __init__(self):
        self.right = {}
        self.total = {}

    def add(self, field, ok, n=1):
        self.total[field] = self.total.get(field, 0) + n
        self.right[field] = self.right.get(field, 0) + (n if ok is True else ok if ok is not False else 0)


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    args = [a for a in args if a != "-v"]
    labels_dir = "tests/real/labels"
    if "--labels" in args:
        i = args.index("--labels")
        labels_dir = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    folder = args[0]
    binary = os.environ.get("HUIYI_BIN", "build/huiyi")
    # the stored clean text is a zstd frame (schema v18): the sqlite3
    # shell reads it through hy_clean, which huiyi's extension gives
    ext = os.path.join(os.path.dirname(os.path.abspath(binary)), "huiyi_fts")
    labels = {}
    for name in sorted(os.listdir(labels_dir)):
        if name.endswith(".json"):
            o = json.load(open(os.path.join(labels_dir, name), encoding="utf-8"))
            if os.path.exists(os.path.join(folder, o["id"] + ".txt")):
                labels[o["id"]] = o
    if not labels:
        sys.exit("score: no labelled texts in %s" % folder)
    with tempfile.TemporaryDirectory() as tmp:
        # the labelled files only, as a scraper's folder would hold them
        src = os.path.join(tmp, "pages")
        os.mkdir(src)
        for k in labels:
            with open(os.path.join(folder, k + ".txt"), "rb") as f, \
                    open(os.path.join(src, k + ".txt"), "wb") as g:
                g.write(f.read())
        db = os.path.join(tmp, "t.db")
        r = run([binary, "-d", db, "import", src])
        crashes = 1 if r.returncode < 0 else 0
        ids = {}
        if os.path.exists(db):
            q = run(["sqlite3", db, "SELECT id, source FROM meetings"])
            for line in q.stdout.splitlines():
                i, s = line.split("|", 1)
                ids[os.path.basename(s)[:-4]] = i
        t = Tally()
        fails = []
        for k, lab in labels.items():
            wrong = []
            text = open(os.path.join(folder, k + ".txt"), encoding="utf-8", errors="replace").read()
            if not lab.get("readout", True):
                ok = k not in ids
                t.add("rejects non-readouts", ok)
                if not ok:
                    wrong.append("stored a non-readout")
                if wrong:
                    fails.append((k, wrong))
                continue
            if k not in ids:
                for f in ("title", "body", "chair", "number"):
                    t.add(f, False)
                fails.append((k, ["not imported: " + r.stderr.strip()[-200:]]))
                continue
            s = run([binary, "-d", db, "show", ids[k], "--json"])
            if s.returncode != 0:
                crashes += s.returncode < 0
                fails.append((k, ["show failed"]))
                continue
            o = json.loads(s.stdout)
            # the text as stored (cleaned: pinyin glosses and chrome gone)
            c = run(["sqlite3", "-cmd", ".load " + ext, db,
                     "SELECT hy_clean(cleanz) FROM meetings WHERE id = %s" % ids[k]])
            if c.returncode != 0:  # a build before schema v18 kept it plain
                c = run(["sqlite3", db, "SELECT clean FROM meetings WHERE id = %s" % ids[k]])
            if c.returncode == 0 and c.stdout.strip():
                text = c.stdout
            skip = set(lab.get("skip", []))

            def field(name, want, got):
                if name in skip:
                    return
                ok = norm(want) == norm(got) if isinstance(want, str) or want is None else want == got
                t.add(name, ok)
                if not ok:
                    wrong.append("%s: want %r got %r" % (name, want, got))

            if "title" not in skip:
                if lab["title"] is None:
                    ok = bool(o.get("title")) and "title" in (o.get("guessed") or [])
                    t.add("title", ok)
                    if not ok:
                        wrong.append("title: want composed, got %r %r" % (o.get("title"), o.get("guessed")))
                else:
                    field("title", lab["title"], o.get("title"))
            field("body", lab["body"], o.get("body"))
            if lab.get("date"):
                field("date", lab["date"], o.get("date"))
            if lab.get("month_day"):
                got = o.get("month_day") or (o.get("date") or "")[5:] or None
                field("month_day", lab["month_day"], got)
            field("chair", lab["chair"], (o.get("chair") or {}).get("name"))
            field("number", lab.get("number") or 0, o.get("number") or 0)
            field("kind", lab.get("kind"), o.get("kind"))
            field("place", lab.get("place"), o.get("place"))
            # sections
            paras = paragraphs(text)
            want = lab.get("sections", [])
            optional = lab.get("optional", [])
            secs = o.get("sections", [])
            for w in want:
                hit = any(norm(w) in norm(x["text"])[:40] for x in secs)
                t.add("sections found (recall)", hit)
                if not hit:
                    wrong.append("section missing: %s" % w)
            # a labelled paragraph, and the sentences after a numbered
            # heading line (一、审议…) up to the next labelled one
            agenda, inside_item = [], False
            for p in paras:
                if any(norm(w) in norm(p) for w in want + optional):
                    agenda.append(p)
                    inside_item = "。" not in p and "." not in p
                elif inside_item and ("。" in p or "." in p) and not CLOSING.search(norm(p)):
                    agenda.append(p)
                else:
                    inside_item = False
            for x in secs:
                head = norm(x["text"])[:10]
                if CLOSING.search(norm(x["text"])[:20]):
                    continue
                if any(norm(w)[:10] in norm(x["text"])[:30] for w in optional):
                    continue
                inside = any(head and head in norm(p) for p in agenda)
                if not inside and COMMENT.match(x["text"]) and agenda:
                    continue  # a comment paragraph standing alone: not counted
                t.add("sections in agenda (precision)", inside)
                if not inside:
                    wrong.append("section outside the agenda: %s" % x["text"][:30])
            for part in ("attendees", "observers"):
                want_p = lab.get(part, [])
                got_p = o.get(part, [])
                for n in want_p:
                    ok = n in got_p
                    t.add("%s found (recall)" % part, ok)
                    if not ok:
                        wrong.append("%s missing: %s" % (part, n))
                for n in got_p:
                    ok = n in want_p
                    t.add("%s right (precision)" % part, ok)
                    if not ok:
                        wrong.append("%s wrong: %s" % (part, n))
            if wrong:
                fails.append((k, wrong))
    order = ["title", "body", "date", "month_day", "chair", "number",
             "sections found (recall)", "sections in agenda (precision)",
             "attendees found (recall)", "attendees right (precision)",
             "observers found (recall)", "observers right (precision)",
             "kind", "place", "rejects non-readouts"]
    right = total = 0
    print("| field | right | of | share |")
    print("|---|---:|---:|---:|")
    for f in order + sorted(set(t.total) - set(order)):
        if f not in t.total:
            continue
        r, n = t.right[f], t.total[f]
        right += r
        total += n
        print("| %s | %d | %d | %.0f%% |" % (f, r, n, 100.0 * r / n))
    print("| **total** | %d | %d | %.1f%% |" % (right, total, 100.0 * right / total))
    print("\n%d pages, %d crashes" % (len(labels), crashes))
    if verbose:
        for k, w in fails:
            print("\n%s:" % k)
            for x in w:
                print("   " + x)


if __name__ == "__main__":
    main()
