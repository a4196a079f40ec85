#!/usr/bin/env python3
"""Accuracy check on the shared synthetic corpus (issue 2, "done when").

Generates `gencorpus.py --count N --nasty R`, imports it with huiyi, then
compares the stored date, chair and section count with OUT/manifest.jsonl for
every non-nasty file, checks the people (issue 11: each meeting's chair and
attendees are its chair and attendee appearances, one person per name in
either script, each person's counts equal their appearances, and nobody is a
person who is not named in the manifest), and reports what happened to every nasty file
(imported cleanly, or rejected with the reason huiyi gave). Appends the
result to bench/RESULTS.md when --results is given.

  bench/corpus_check.py --gen ../shared/bench/gencorpus.py --bin build/huiyi
"""
import argparse
import collections
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def ext_rows(db, binary, q):
    """The rows of q (dicts) from the sqlite3 shell with huiyi's extension
    from beside the binary: the clean text is read through hy_clean (schema
    v18), and Python's sqlite3 may not load extensions."""
    ext = os.path.join(os.path.dirname(os.path.abspath(binary)), "huiyi_fts")
    p = subprocess.run(["sqlite3", "-batch", "-json", "-cmd", ".load " + ext, db, q],
                       capture_output=True, text=True, check=True)
    return json.loads(p.stdout) if p.stdout.strip() else []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gen", required=True)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--nasty", type=float, default=0.05)
    ap.add_argument("--work", default="bench/work")
    ap.add_argument("--results")
    a = ap.parse_args()
    out = os.path.join(a.work, f"check-{a.count}")
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([sys.executable, a.gen, "--count", str(a.count), "--nasty", str(a.nasty),
                    "--out", out], check=True)
    db = os.path.join(a.work, "check.db")
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(db + ext):
            os.unlink(db + ext)
    p = subprocess.run([os.path.abspath(a.bin), "-d", db, "import", out],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"import crashed or failed: status {p.returncode}\n{p.stderr[-2000:]}")
    rejected = {}
    for line in p.stderr.splitlines():
        # "rejected: PATH: reason" lines after the report
        s = line.strip()
        if s.startswith("rejected: ") and ".txt: " in s:
            path, why = s[len("rejected: "):].split(".txt: ", 1)
            rejected[os.path.realpath(path + ".txt")] = why
    con = sqlite3.connect(db)
    rows = {}
    for mid, src, date, chair in con.execute("SELECT id, source, date, chair FROM meetings"):
        n = con.execute("SELECT count(*) FROM sections WHERE meeting_id = ?", (mid,)).fetchone()[0]
        rows[os.path.realpath(src)] = (date, chair, n, mid)
    man = [json.loads(l) for l in open(os.path.join(out, "manifest.jsonl"), encoding="utf-8")]
    ok = total = 0
    misses = collections.Counter()
    nasty = collections.defaultdict(collections.Counter)
    examples = []
    for r in man:
        path = os.path.realpath(os.path.join(out, r["file"]))
        if r["nasty"]:
            if path in rows:
                mid = rows[path][3]
                texts = [t for row in ext_rows(
                    db, a.bin,
                    "SELECT title, hy_clean(cleanz, id) AS clean, summary FROM meetings"
                    f" WHERE id = {int(mid)} UNION ALL SELECT heading, text, NULL"
                    f" FROM sections_text WHERE meeting_id = {int(mid)}")
                    for t in row.values() if t]
                dirty = any(CONTROL.search(t) for t in texts)
                nasty[r["nasty"]]["imported, but control characters stored" if dirty
                                  else "imported cleanly"] += 1
            elif path in rejected:
                nasty[r["nasty"]]["rejected: " + rejected[path]] += 1
            else:
                nasty[r["nasty"]]["MISSING (neither imported nor rejected)"] += 1
            continue
        total += 1
        got = rows.get(path)
        got = got[:3] if got else None
        want = (r["meeting_date"], r["chair"], len(r["sections"]))
        if got == want:
            ok += 1
        else:
            for k, g, w in zip(("date", "chair", "sections"), got or (None,) * 3, want):
                if g != w:
                    misses[k] += 1
            if len(examples) < 5:
                examples.append(f"{r['file']}: got {got}, want {want}")
    share = ok / total if total else 0
    people = check_people(con, man, out, rows, a.gen)
    lines = [
        "## Parse accuracy on the shared corpus (issue 2)",
        "",
        f"`{os.path.relpath(a.gen)} --count {a.count} --nasty {a.nasty}`, imported with "
        f"`huiyi import`: stored date, chair and section count equal the manifest for "
        f"**{ok}/{total} = {share:.2%}** of the non-nasty files (target ≥ 99%).",
    ]
    if misses:
        lines.append(f"Mismatches by field: {dict(misses)}; e.g. " + "; ".join(examples))
    lines += ["", people["text"]]
    lines += ["", "| nasty kind | outcome | files |", "|---|---|---:|"]
    for kind in sorted(nasty):
        for what, n in sorted(nasty[kind].items()):
            lines.append(f"| {kind} | {what} | {n} |")
    lines.append("")
    text = "\n".join(lines)
    print(text)
    if a.results:
        with open(a.results, "a", encoding="utf-8") as f:
            f.write("\n" + text)
    bad = share < 0.99 or people["bad"] or any("MISSING" in w or "but" in w for c in nasty.values() for w in c)
    sys.exit(1 if bad else 0)


def simplifier(gen):
    """Traditional → simplified for the generator's names: its two pools
    list the same surnames and given names in the same order."""
    def pool(script):
        words, cur = [], None
        for line in open(os.path.join(os.path.dirname(gen), f"pools_{script}.txt"),
                         encoding="utf-8"):
            line = line.strip()
            if line.startswith("["):
                cur = line
            elif cur in ("[surnames]", "[given]"):
                words += line.split()
        return words
    table = {}
    for t, s in zip(pool("t"), pool("s")):
        if len(t) == len(s):
            table.update((a, b) for a, b in zip(t, s) if a != b)
    return lambda name: "".join(table.get(c, c) for c in name)


def check_people(con, man, out, rows, gen):
    """Issue 11's "done when" on this corpus: per meeting, the chair and
    attendee appearances are the manifest's names (folded to one script);
    per person, the kept counts equal the appearances; no person is a name
    the manifest does not hold (a unit or a phrase)."""
    fold = simplifier(gen)
    got = collections.defaultdict(lambda: {"chair": set(), "attendee": set()})
    for mid, part, key in con.execute(
            "SELECT a.meeting_id, a.part, p.key FROM appearances a "
            "JOIN persons p ON p.id = a.person_id WHERE a.part IN ('chair', 'attendee')"):
        got[mid][part].add(key)
    named, meetings, wrong, examples = set(), 0, collections.Counter(), []
    for r in man:
        path = os.path.realpath(os.path.join(out, r["file"]))
        if r["nasty"] or path not in rows:
            continue
        meetings += 1
        want = {"chair": {fold(r["chair"])}, "attendee": {fold(n) for n in r["attendees"]}}
        named |= want["chair"] | want["attendee"]
        have = got.get(rows[path][3], {"chair": set(), "attendee": set()})
        for part in ("chair", "attendee"):
            if have[part] != want[part]:
                wrong[part] += 1
                if len(examples) < 5:
                    examples.append(f"{r['file']} {part}: got {sorted(have[part])}, "
                                    f"want {sorted(want[part])}")
    miscount = con.execute(
        "SELECT count(*) FROM persons p WHERE chaired != (SELECT count(*) FROM appearances a"
        " WHERE a.person_id = p.id AND part = 'chair') OR attended != (SELECT count(*)"
        " FROM appearances a WHERE a.person_id = p.id AND part = 'attendee')").fetchone()[0]
    # the people of the nasty files' meetings are not in the manifest
    checked = {rows[os.path.realpath(os.path.join(out, r["file"]))][3] for r in man
               if not r["nasty"] and os.path.realpath(os.path.join(out, r["file"])) in rows}
    seen = collections.defaultdict(set)
    for pid, k, mid in con.execute("SELECT p.id, p.key, a.meeting_id FROM persons p"
                                   " JOIN appearances a ON a.person_id = p.id"):
        if mid in checked:
            seen[pid].add(k)
    keys = [k for ks in seen.values() for k in ks]
    strangers = sorted(k for k in keys if k not in named)
    dup = len(keys) - len(set(keys))
    text = (f"People (issue 11): of {meetings} imported meetings (the nasty ones aside), chair appearances wrong in "
            f"{wrong['chair']}, attendee appearances wrong in {wrong['attendee']}; "
            f"{len(keys)} persons, {miscount} with counts unlike their appearances, "
            f"{len(strangers)} not named in the manifest (units, phrases), "
            f"{dup} names kept twice (these readouts name no place, so one name is one person).")
    if examples:
        text += " E.g. " + "; ".join(examples)
    if strangers:
        text += " Not named: " + "、".join(strangers[:10])
    bad = bool(wrong) or miscount or strangers or dup
    return {"text": text, "bad": bad}


if __name__ == "__main__":
    main()
