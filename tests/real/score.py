#!/usr/bin/env python3
"""Score huiyi's parser against hand labels of real readouts (issue 10).

usage: score.py [-v] [--labels DIR] [--bin PATH] [--force] DIR

DIR holds the page texts (<id>.txt, kept out of the repository); --labels holds
the hand labels (<id>.json, tests/real/labels by default).  The folder is
imported into a temporary database with the built binary ($HUIYI_BIN, else
build/huiyi), each meeting is read back with `show ID --json`, meetings are
matched to labels by the source file's name, and a per-field table is printed.

This is a measurement, not a test: it exits 0 whatever the scores, and 2 only
when it cannot measure (no binary, no labels, unreadable folder).
Standard library only.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Fields of the main table (issue 10), in order, then the extra lines.
MAIN = ["title", "body", "date", "month_day", "chair", "number",
        "sections recall", "sections precision",
        "attendees recall", "attendees precision",
        "rejects non-readouts"]
EXTRA = ["place", "kind", "observers recall", "observers precision"]

GENERIC_CLOSING = re.compile(
    r"^\s*(\d+[.、]\s*)?会议(还|另外)?(研究|讨论|审议|研究讨论|研究审议)(了)?"
    r"(其他|其它)(有关)?(事项|事宜)[。.]?\s*$")
# A comment paragraph: 会议指出/强调/要求…, or a person's 指出/强调/要求…,
# or 会上/关于…, … 要求 — a point about an item, not a new item.
COMMENT_VERB = re.compile(r"(指出|强调|要求|认为|号召|希望|表示|明确|提出)")
AGENDA_START = re.compile(
    r"^\s*(\d+[.、]\s*)?(会议|会前|会上)?[^。]{0,6}?"
    r"(听取|审议|研究|传达|学习|讨论|通报|审定|通过|调度|协商|观看|汇报)")


def die(msg):
    print("score.py: " + msg, file=sys.stderr)
    sys.exit(2)


def nows(s):
    return re.sub(r"\s+", "", s or "")


def name_of(x):
    """A person as output: a string, or an object with a name."""
    if isinstance(x, dict):
        return x.get("name") or ""
    return x or ""


def empty(v):
    return v is None or (isinstance(v, str) and v.strip() == "")


def load_labels(ldir, tdir):
    labels, missing = {}, []
    for fn in sorted(os.listdir(ldir)):
        if not fn.endswith(".json"):
            continue
        with open(os.path.join(ldir, fn), encoding="utf-8") as f:
            try:
                lab = json.load(f)
            except ValueError as e:
                die("%s: %s" % (fn, e))
        stem = fn[:-5]
        if not os.path.exists(os.path.join(tdir, stem + ".txt")):
            missing.append(stem)
            continue
        labels[stem] = lab
    return labels, missing


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          **kw)


def has_force(binpath):
    r = run([binpath, "import", "--help"])
    text = (r.stdout + r.stderr).decode("utf-8", "replace")
    return "--force" in text


def import_dir(binpath, db, tdir, force):
    """Import the folder; if the importer dies by a signal, import file by
    file to count which files crash it.  Returns (crashed files, report)."""
    args = [binpath, "-d", db, "import"] + (["--force"] if force else [])
    r = run(args + [tdir])
    report = (r.stdout + r.stderr).decode("utf-8", "replace")
    if r.returncode >= 0:
        return [], report
    crashed = []
    for fn in sorted(os.listdir(tdir)):
        p = os.path.join(tdir, fn)
        if not os.path.isfile(p):
            continue
        r = run(args + [p])
        report += (r.stdout + r.stderr).decode("utf-8", "replace")
        if r.returncode < 0:
            crashed.append(fn)
    return crashed, report


def read_meetings(binpath, db):
    """All meetings as {source stem: show-json}; and the failures of show."""
    ids = []
    r = run([binpath, "-d", db, "list", "--json"])
    if r.returncode == 0:
        out = r.stdout.decode("utf-8", "replace").strip()
        try:
            if out.startswith("["):
                ids = [m["id"] for m in json.loads(out)]
            else:
                ids = [json.loads(l)["id"] for l in out.splitlines() if l.strip()]
        except (ValueError, KeyError, TypeError):
            ids = []
    meetings, failures = {}, []
    for i in sorted(set(ids)):
        r = run([binpath, "-d", db, "show", str(i), "--json"])
        if r.returncode != 0:
            failures.append("show %s: exit %d %s" % (
                i, r.returncode, r.stderr.decode("utf-8", "replace").strip()))
            continue
        try:
            m = json.loads(r.stdout.decode("utf-8", "replace"))
        except ValueError:
            failures.append("show %s: not JSON" % i)
            continue
        src = m.get("source") or ""
        stem = os.path.splitext(os.path.basename(src))[0]
        meetings[stem] = m
    return meetings, failures


def month_day_of(m):
    md = m.get("month_day")
    if not empty(md):
        return md
    d = m.get("date") or ""
    if re.match(r"^\d{4}-\d{2}-\d{2}", d):
        return d[5:10]
    return None


def agenda_regions(text, prefixes):
    """For each labelled prefix, the span of the page text it opens: from the
    prefix to the next labelled prefix or the end of its line."""
    spans, pos = [], 0
    starts = []
    for p in prefixes:
        k = text.find(p, pos)
        if k < 0:
            k = text.find(p)
        starts.append(k)
        if k >= 0:
            pos = k + len(p)
    for j, k in enumerate(starts):
        if k < 0:
            continue
        end = text.find("\n", k)
        if end < 0:
            end = len(text)
        for k2 in starts[j + 1:]:
            if k2 > k:
                end = min(end, k2)
                break
        spans.append((k, end))
    return spans, [k for k in starts if k >= 0]


def section_texts(m):
    out = []
    for s in m.get("sections") or []:
        if isinstance(s, dict):
            out.append(s.get("text") or s.get("heading") or "")
        else:
            out.append(str(s))
    return out


def is_comment(t):
    head = t.lstrip()[:40]
    head = head.split("。")[0]
    return bool(COMMENT_VERB.search(head)) and not AGENDA_START.match(t)


class Tally:
    def __init__(self):
        self.right, self.total = {}, {}
        self.page_credit, self.page_count = {}, {}

    def add(self, field, right, total, extra=False):
        """right/total items for one page's field (total > 0)."""
        if total <= 0:
            return
        self.right[field] = self.right.get(field, 0) + right
        self.total[field] = self.total.get(field, 0) + total
        self.page_credit[field] = self.page_credit.get(field, 0.0) + right / total
        self.page_count[field] = self.page_count.get(field, 0) + 1


def score_page(stem, lab, m, text, rejected_reason, tally, fails):
    def bad(field, want, got):
        fails.append("  %s: want %s, got %s" % (
            field, json.dumps(want, ensure_ascii=False),
            json.dumps(got, ensure_ascii=False)))

    def scalar(field, ok, want, got):
        tally.add(field, 1 if ok else 0, 1)
        if not ok:
            bad(field, want, got)

    if lab.get("readout") is False:
        ok = m is None
        tally.add("rejects non-readouts", 1 if ok else 0, 1)
        if not ok:
            fails.append("  rejects non-readouts: imported as meeting %s (title %s)"
                         % (m.get("id"), json.dumps(m.get("title"), ensure_ascii=False)))
        return

    if m is None:
        fails.append("  not imported: %s" % (rejected_reason or "no meeting"))
        m = {}
        missing = True
    else:
        missing = False

    # title
    want = lab.get("title")
    got = m.get("title")
    if want is not None:
        scalar("title", nows(got) == nows(want) and not empty(want), want, got)
    else:
        ok = not empty(got) and "title" in (m.get("guessed") or [])
        scalar("title", ok, "(composed, guessed)", [got, m.get("guessed")])

    for field in ("body", "place", "kind"):
        want, got = lab.get(field), m.get(field)
        ok = (empty(want) and empty(got)) or (
            not empty(want) and not empty(got) and nows(want) == nows(got))
        scalar(field, ok and not missing, want, got)

    ch = name_of(m.get("chair"))
    want = lab.get("chair")
    ok = (empty(want) and empty(ch)) or (not empty(want) and ch == want)
    scalar("chair", ok and not missing, want, ch or None)

    want = int(lab.get("number") or 0)
    try:
        got = int(m.get("number") or 0)
    except (TypeError, ValueError):
        got = -1
    scalar("number", want == got and not missing, want, m.get("number"))

    if lab.get("date"):
        scalar("date", m.get("date") == lab["date"], lab["date"], m.get("date"))
    if lab.get("month_day"):
        got = month_day_of(m)
        scalar("month_day", got == lab["month_day"], lab["month_day"], got)

    # sections
    prefixes = lab.get("sections") or []
    outs = section_texts(m)
    found, miss = 0, []
    for p in prefixes:
        hit = any(t.startswith(p) or p in t.lstrip()[:30] for t in outs)
        if hit:
            found += 1
        else:
            miss.append(p)
    tally.add("sections recall", found, len(prefixes))
    if miss:
        fails.append("  sections recall: missing %s" % json.dumps(miss, ensure_ascii=False))
    if not missing:
        spans, starts = agenda_regions(text, prefixes)
        first = min(starts) if starts else None
        right, counted, wrong = 0, 0, []
        for t in outs:
            s = t.lstrip()
            if GENERIC_CLOSING.match(s):
                continue
            head = s[:10]
            if any(head in text[a:b] for a, b in spans):
                right += 1
                counted += 1
                continue
            q = text.find(head) if head else -1
            if first is not None and q > first and is_comment(s):
                continue  # a comment after a labelled item: not counted
            counted += 1
            wrong.append(s[:24])
        tally.add("sections precision", right, counted)
        if wrong:
            fails.append("  sections precision: not agenda %s"
                         % json.dumps(wrong, ensure_ascii=False))

    # people
    for kind in ("attendees", "observers"):
        want = list(lab.get(kind) or [])
        got = [name_of(x) for x in (m.get(kind) or [])]
        hit = [w for w in want if w in got]
        tally.add(kind + " recall", len(hit), len(want))
        if len(hit) < len(want):
            fails.append("  %s recall: missing %s" % (
                kind, json.dumps([w for w in want if w not in got], ensure_ascii=False)))
        if not missing:
            ok = [g for g in got if g in want]
            tally.add(kind + " precision", len(ok), len(got))
            if len(ok) < len(got):
                fails.append("  %s precision: not %s %s" % (
                    kind, kind, json.dumps([g for g in got if g not in want],
                                           ensure_ascii=False)))


def label_problems(stem, lab, text):
    """What in a label cannot be right for its text (a typo in a label)."""
    out = []
    if lab.get("id") != stem:
        out.append("%s: id is %r" % (stem, lab.get("id")))
    for p in lab.get("sections") or []:
        if p not in text:
            out.append("%s: section start %r is not in the text" % (stem, p))
    people = list(lab.get("attendees") or []) + list(lab.get("observers") or [])
    if lab.get("chair"):
        people.append(lab["chair"])
    for n in people:
        if n not in text:
            out.append("%s: person %r is not in the text" % (stem, n))
    if lab.get("title") and nows(lab["title"]) not in nows(text):
        out.append("%s: title is not in the text" % stem)
    if lab.get("date") and lab.get("month_day") != lab["date"][5:10]:
        out.append("%s: month_day disagrees with date" % stem)
    return out


def rejected_reasons(report):
    out = {}
    for line in report.splitlines():
        mm = re.match(r"^rejected:\s*(.*?):\s*(.*)$", line)
        if mm:
            stem = os.path.splitext(os.path.basename(mm.group(1)))[0]
            out[stem] = mm.group(2)
    return out


def pct(r, t):
    return "%d%%" % round(100.0 * r / t) if t else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", help="folder of page texts <id>.txt")
    ap.add_argument("--labels", default=os.path.join(HERE, "labels"))
    ap.add_argument("--bin", default=os.environ.get("HUIYI_BIN") or
                    os.path.join(ROOT, "build", "huiyi"))
    ap.add_argument("--force", action="store_true",
                    help="import with --force (non-readouts then cannot be "
                         "rejected; only for looking at their fields)")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="per-page failures")
    a = ap.parse_args()

    if not os.path.isdir(a.dir):
        die("no folder %s" % a.dir)
    if not os.path.isdir(a.labels):
        die("no labels folder %s" % a.labels)
    if not os.access(a.bin, os.X_OK):
        die("no binary %s (make all, or set HUIYI_BIN)" % a.bin)
    labels, missing = load_labels(a.labels, a.dir)
    if not labels:
        die("no label has its text in %s" % a.dir)
    force = a.force and has_force(a.bin)

    tmp = tempfile.mkdtemp(prefix="huiyi-realeval-")
    try:
        db = os.path.join(tmp, "real.db")
        crashed, report = import_dir(a.bin, db, os.path.abspath(a.dir), force)
        meetings, show_fail = read_meetings(a.bin, db)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    reasons = rejected_reasons(report)

    warnings = []
    tally = Tally()
    pagefails = {}
    for stem in sorted(labels):
        with open(os.path.join(a.dir, stem + ".txt"), encoding="utf-8",
                  errors="replace") as f:
            text = f.read()
        warnings += label_problems(stem, labels[stem], text)
        fails = []
        score_page(stem, labels[stem], meetings.get(stem), text,
                   reasons.get(stem), tally, fails)
        if fails:
            pagefails[stem] = fails

    nread = sum(1 for l in labels.values() if l.get("readout") is not False)
    print("real-readout evaluation: %d labelled pages (%d readouts, %d non-readouts)"
          " in %s" % (len(labels), nread, len(labels) - nread, a.dir))
    if missing:
        print("labels without a text in the folder (not scored): %d" % len(missing))
    for w in warnings:
        print("label problem: " + w)
    print()
    print("| field | right | of | % |")
    print("|---|---:|---:|---:|")

    def row(f):
        r, t = tally.right.get(f, 0), tally.total.get(f, 0)
        print("| %s | %g | %g | %s |" % (f, r, t, pct(r, t)))

    for f in MAIN:
        row(f)

    def total(fields):
        c = sum(tally.page_credit.get(f, 0.0) for f in fields)
        n = sum(tally.page_count.get(f, 0) for f in fields)
        return c, n

    c, n = total(MAIN)
    print("| **total** (each page's field once) | %.1f | %d | **%s** |" % (c, n, pct(c, n)))
    for f in EXTRA:
        row(f)
    c2, n2 = total(MAIN + EXTRA)
    print("| total with the extra lines | %.1f | %d | %s |" % (c2, n2, pct(c2, n2)))
    print()
    print("crashes: %d (import killed by a signal: %d, show failed: %d)" % (
        len(crashed) + len(show_fail), len(crashed), len(show_fail)))
    for x in crashed:
        print("  import crashed on %s" % x)
    for x in show_fail:
        print("  %s" % x)
    if a.verbose:
        print()
        for stem in sorted(pagefails):
            lab = labels[stem]
            print("%s (%s):" % (stem, lab.get("title") or lab.get("url")))
            for line in pagefails[stem]:
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
