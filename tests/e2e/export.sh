#!/usr/bin/env bash
# huiyi export on a generated corpus (tests/fixtures/trend/gen.py) and the
# samples: csv round trip (Python's csv module reads the three tables back
# and every meeting, section and person matches show --json, the tables
# join on the meeting id); RFC 4180 quoting of commas and quotes; no BOM
# unless --bom; filters select what list and search select; jsonl one
# meeting a line; md/txt one file a meeting with safe names; existing
# files are not overwritten without --force; a write error (/dev/full)
# stops with status 1 and says why.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db

python3 "$HUIYI_ROOT/tests/fixtures/trend/gen.py" "$T/gen"
run 0 hy import "$T/gen" "$HUIYI_ROOT/samples"
printf '6月3日，县长周明主持召开县政府第999次常务会议。副县长林一出席会议。\n\n会议研究了燃气安全工作。会议要求，抓好落实。\n' >"$T/noyear.txt"
run 0 hy import - <"$T/noyear.txt"
total=$(sql "$HUIYI_DB" "SELECT count(*) FROM meetings")

# usage
run 2 hy export
run 2 hy export --format xls
run 2 hy export --format csv # csv needs a folder
run 2 hy export --format jsonl --bom
run 2 hy export --format jsonl --query '!!!'

# csv: three tables, read back with Python's csv module
run 0 hy export --format csv --out "$T/csv"
has "$T/err" "exported $total meetings"
[ "$(head -c 3 "$T/csv/meetings.csv" | od -An -tx1 | tr -d ' ')" != efbbbf ] ||
	fail "a BOM without --bom"
ls "$T/csv" | sort | tr '\n' ' ' | grep -qx 'meetings.csv people.csv sections.csv ' ||
	fail "csv files: $(ls "$T/csv")"
python3 - "$T/csv" <<'PY' || fail "csv round trip"
import csv, json, os, subprocess, sys
d = sys.argv[1]
BIN = os.environ["HUIYI_BIN"]
def table(name):
    with open(os.path.join(d, name), newline="", encoding="utf-8") as f:
        raw = f.read()
    assert "\r\n" in raw, name  # RFC 4180 line ends
    with open(os.path.join(d, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))
meetings = table("meetings.csv")
sections = table("sections.csv")
people = table("people.csv")
assert list(meetings[0]) == ["id", "date", "date_precision", "body", "kind",
    "number", "chair", "chair_role", "title", "source", "sha256"], list(meetings[0])
assert list(sections[0]) == ["meeting", "n", "heading", "text"]
assert list(people[0]) == ["meeting", "name", "part", "role"]
ids = [m["id"] for m in meetings]
assert len(ids) == len(set(ids)), "a meeting twice"
listed = subprocess.run([BIN, "list", "--json"], capture_output=True, text=True).stdout
assert sorted(ids) == sorted(str(json.loads(l)["id"]) for l in listed.splitlines())
# oldest first, unknown dates first of all (the date index)
dates = [m["date"] if not m["date"].startswith("--") else "" for m in meetings]
assert dates == sorted(dates), dates
# the joins: every section and person names a meeting of meetings.csv
assert {s["meeting"] for s in sections} <= set(ids)
assert {p["meeting"] for p in people} <= set(ids)
bym = {}
for s in sections:
    bym.setdefault(s["meeting"], []).append(s)
byp = {}
for p in people:
    byp.setdefault(p["meeting"], []).append(p)
quoted = 0
for m in meetings:
    o = json.loads(subprocess.run([BIN, "show", m["id"], "--json"],
                   capture_output=True, text=True).stdout)
    s = lambda v: "" if v is None else str(v)
    want_date = o["date"] or ("--" + o["month_day"] if o["month_day"] else "")
    chair = o["chair"] or {}
    assert m == {"id": str(o["id"]), "date": want_date,
                 "date_precision": o["date_precision"], "body": s(o["body"]),
                 "kind": s(o["kind"]), "number": s(o["number"]),
                 "chair": s(chair.get("name")), "chair_role": s(chair.get("role")),
                 "title": s(o["title"]), "source": o["source"],
                 "sha256": o["sha256"]}, (m, o)
    secs = bym.get(m["id"], [])
    want = ([("0", "", o["summary"])] if o["summary"] else []) + \
           [(str(x["n"]), x["heading"], x["text"]) for x in o["sections"]]
    assert [(x["n"], x["heading"], x["text"]) for x in secs] == want, (m["id"], secs, want)
    quoted += sum('"' in x["text"] and "," in x["text"] for x in secs)
    ppl = byp.get(m["id"], [])
    names = lambda part: [p["name"] for p in ppl if p["part"] in part]
    assert names(["chair"]) == ([chair["name"]] if chair.get("name") else []), (m["id"], ppl)
    assert names(["attendee"]) == o["attendees"], (m["id"], ppl, o["attendees"])
    assert names(["observer", "invited"]) == o["observers"], (m["id"], ppl, o["observers"])
    for p in ppl:
        if p["part"] == "chair":
            assert p["role"] == s(chair.get("role")), p
assert quoted > 20, quoted  # texts with "," and '"' came back whole
# roles and guests are there
assert any(p["part"] == "invited" and p["name"] == "赵六" and p["role"] == "市委督导组组长"
           for p in people), [p for p in people if p["name"] == "赵六"]
assert any(p["name"] == "罗勤" and p["role"] == "县人大常委会副主任" for p in people)
# a meeting without a year
assert any(m["date"] == "--06-03" and m["date_precision"] == "month-day" for m in meetings)
PY

# an existing table is not overwritten without --force, and stays whole
printf 'keep\n' >"$T/csv/people.csv"
run 1 hy export --format csv --out "$T/csv"
has "$T/err" "exists"
[ "$(cat "$T/csv/people.csv")" = keep ] || fail "people.csv overwritten"
run 0 hy export --format csv --out "$T/csv" --force --bom
[ "$(head -c 3 "$T/csv/people.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] ||
	fail "no BOM with --bom"
python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
assert rows and list(rows[0])[0] == "meeting", list(rows[0])' "$T/csv/people.csv" ||
	fail "--bom csv read with utf-8-sig"
ls "$T/csv" | grep -q part && fail "a .part file left: $(ls "$T/csv")"

# filters: the meetings list and search select
ids_csv() { python3 -c '
import csv, sys
print(" ".join(sorted(r["id"] for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))))' "$1/meetings.csv"; }
ids_list() { hy list --json "$@" | python3 -c '
import json, sys
print(" ".join(sorted(str(json.loads(l)["id"]) for l in sys.stdin)))'; }
ids_search() { hy search --json --limit 100000 "$@" | python3 -c '
import json, sys
print(" ".join(sorted({str(json.loads(l)["meeting"]) for l in sys.stdin})))'; }
run 0 hy export --format csv --out "$T/f1" --from 2023-06 --to 2023-12 --body 县委
[ "$(ids_csv "$T/f1")" = "$(ids_list --from 2023-06 --to 2023-12 --body 县委)" ] || fail "--from --to --body"
[ -n "$(ids_csv "$T/f1")" ] || fail "the filter selected nothing"
run 0 hy export --format csv --out "$T/f2" --person 赵六
[ "$(ids_csv "$T/f2")" = "$(ids_list --person 赵六)" ] || fail "--person"
run 0 hy export --format csv --out "$T/f3" --query 燃气 --from 2023
[ "$(ids_csv "$T/f3")" = "$(ids_search 燃气 --from 2023)" ] || fail "--query"
python3 - "$T/f3" <<'PY' || fail "--query: sections and people of the selected meetings only"
import csv, sys
ids = {r["id"] for r in csv.DictReader(open(sys.argv[1] + "/meetings.csv", newline="", encoding="utf-8"))}
for t in ("sections", "people"):
    rows = list(csv.DictReader(open(f"{sys.argv[1]}/{t}.csv", newline="", encoding="utf-8")))
    assert rows and {r["meeting"] for r in rows} == ids, t
PY

# jsonl: one meeting a line, with its sections and people
run 0 hy export --format jsonl --query 燃气
lines "$T/out" "$(ids_search 燃气 | wc -w)"
python3 - "$T/out" <<'PY' || fail "jsonl"
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(l)
    assert o["sections"] and all(set(s) == {"n", "heading", "text"} for s in o["sections"]), o
    assert all(set(p) == {"name", "part", "role"} for p in o["people"]), o
    assert "燃气" in json.dumps(o, ensure_ascii=False), o["id"]
PY
run 0 hy export --format jsonl --out "$T/all.jsonl"
lines "$T/all.jsonl" "$total"
run 1 hy export --format jsonl --out "$T/all.jsonl"
has "$T/err" "exists"

# md and txt: one file a meeting, ASCII names; to stdout one after another
run 0 hy export --format md --out "$T/md" --body 县委
n=$(ls "$T/md" | wc -l)
[ "$n" -eq "$(ids_list --body 县委 | wc -w)" ] || fail "md files: $n"
ls "$T/md" | grep -vqE '^([0-9]{4}-[0-9]{2}-[0-9]{2}|undated)_[0-9]{6}\.md$' &&
	fail "unsafe names: $(ls "$T/md")"
f=$(grep -l 王强 "$T/md"/*.md | head -1)
head -1 "$f" | grep -q '^# 石桥县召开县委第' || fail "md title: $(head -3 "$f")"
has "$f" "## 1. "
has "$f" "- 主持：县委书记 王强"
has "$f" "- 出席：县长周明、县委常委林一"
has "$f" "- 应邀：市委督导组组长赵六"
# show --format md: the same document for one meeting
id=$(basename "$f" .md); id=$((10#${id#*_}))
run 0 hy show "$id" --format md
cmp -s "$T/out" "$f" || fail "show $id --format md differs from its export"
run 1 hy show 999999 --format md
has "$T/err" "no meeting with id 999999"
run 2 hy show "$id" --format md --section 1
run 2 hy show "$id" --format pdf
run 1 hy export --format md --out "$T/md" --body 县委
has "$T/err" "exists (--force overwrites)"
run 0 hy export --format md --out "$T/md" --body 县委 --force
run 0 hy export --format txt --query 燃气 --from 2024
has "$T/out" "§1 "
has "$T/out" "日期：2024-"
hasnt "$T/out" "## "

# write errors: the reason, status 1, nothing left behind
run 1 hy export --format jsonl --out /dev/full
has "$T/err" "No space left on device"
if hy export --format md >/dev/full 2>"$T/err"; then fail "md to /dev/full succeeded"; fi
has "$T/err" "No space left on device"
mkdir "$T/full"
ln -s /dev/full "$T/full/sections.csv"
run 1 hy export --format csv --out "$T/full"
has "$T/err" "sections.csv: No space left on device"
[ ! -e "$T/full/meetings.csv" ] || fail "meetings.csv made though the export failed"
ls "$T/full" | grep -q part && fail "a .part file left: $(ls "$T/full")"
exit 0
