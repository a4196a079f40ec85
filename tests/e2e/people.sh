#!/usr/bin/env bash
# huiyi people (issue 11): a 副县长 who becomes 县长 has two role spans;
# one name in both scripts is one person, in two places two, listed for
# the user to choose and never merged; 应邀 guests are invited; units are
# no people; on the samples every chair and attendee is a person with the
# right counts; reindex builds the people again; the list's options.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db
FX=$HUIYI_ROOT/tests/fixtures/people

run 0 hy import "$FX"

# the career: 2021-03 … 2023-04 副县长, 2023-05 … 县委副书记、县长
run 0 hy people 刘锐 --place 青川县 --json
python3 - "$T/out" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert len(lines) == 1, lines
o = json.loads(lines[0])
assert list(o) == ["id", "name", "place", "roles", "meetings", "met"], list(o)
assert o["place"] == "青川县", o
assert o["roles"] == [
    {"role": "副县长", "from": "2021-03-05", "to": "2023-04-20"},
    {"role": "县委副书记、县长", "from": "2023-05-15", "to": "2024-01-08"},
], o["roles"]
parts = [(m["date"], m["part"]) for m in o["meetings"]]
assert parts == [("2021-03-05", "attendee"), ("2022-06-10", "attendee"),
                 ("2023-04-20", "attendee"), ("2023-05-15", "chair"),
                 ("2024-01-08", "chair")], parts
for m in o["meetings"]:
    assert list(m) == ["meeting", "date", "part", "role"], list(m)
# 劉銳 (the traditional readout) is the same person
assert "2022-06-10" in [m["date"] for m in o["meetings"]]
met = {m["name"]: m["count"] for m in o["met"]}
assert met["王芳"] == 4 and met["张伟"] == 3 and met["赵敏"] == 1, met
counts = [m["count"] for m in o["met"]]
assert counts == sorted(counts, reverse=True), counts
PY

run 0 hy people 刘锐 --place 青川县
has "$T/out" "2021-03 … 2023-04  副县长"
has "$T/out" "2023-05 …"
has "$T/out" "县委副书记、县长"
has "$T/out" "Chaired (2)"
has "$T/out" "Attended (3)"

# the traditional spelling and pinyin find the same people
run 1 hy people 劉銳
has "$T/out" "青川县"
has "$T/out" "白水县"
has "$T/err" "2 people are called 劉銳"
has "$T/err" "--place"
run 1 hy people liurui
has "$T/err" "2 people are called liurui"
run 0 hy people 'Liu Rui' --json
lines "$T/out" 2
run 0 hy people 張偉
has "$T/out" "张伟  青川县"
has "$T/out" "Chaired (3)"
# choosing by id
id=$(sql "$HUIYI_DB" "SELECT id FROM persons WHERE place = '白水县' AND key = '刘锐'")
run 0 hy people "$id"
has "$T/out" "白水县"
has "$T/out" "Attended (1)"

# no such person: exit 1 and a message
run 1 hy people 无名氏
has "$T/err" "no person called 无名氏"
run 1 hy people 刘锐 --place 天水县
has "$T/err" "no person called 刘锐 in 天水县"

# units are never people; 应邀 guests are invited
run 1 hy people 县发改委
run 1 hy people 县财政局
run 0 hy people --json
python3 - "$T/out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
keys = ["id", "name", "place", "chaired", "attended", "observed", "invited",
        "first", "last", "role"]
for r in rows:
    assert list(r) == keys, list(r)
by = {(r["name"], r["place"]): r for r in rows}
assert len(rows) == 6, rows
assert not any("局" in r["name"] or "委" in r["name"] for r in rows), rows
z = by[("赵敏", "青川县")]
assert (z["invited"], z["observed"], z["role"]) == (1, 0, "县人大常委会副主任"), z
l = by[("刘锐", "青川县")]
assert (l["chaired"], l["attended"], l["first"], l["last"], l["role"]) == \
    (2, 3, "2021-03-05", "2024-01-08", "县委副书记、县长"), l
assert by[("刘锐", "白水县")]["attended"] == 1
# most appearances first
n = [r["chaired"] + r["attended"] + r["observed"] + r["invited"] for r in rows]
assert n == sorted(n, reverse=True), n
PY

# the list's options
run 0 hy people --sort count --limit 2
lines "$T/out" 3
head -2 "$T/out" | tail -1 | grep -qF "刘锐" || fail "most appearances first: $(cat "$T/out")"
run 0 hy people --sort name --json
python3 - "$T/out" <<'PY'
import json, sys
names = [json.loads(l)["name"] for l in open(sys.argv[1], encoding="utf-8")]
# pinyin: chen liu liu wang zhang zhao
assert names[0] == "陈明" and names[-1] == "赵敏", names
assert names.index("王芳") < names.index("张伟"), names
PY
run 0 hy people --sort last --limit 1 --json
has "$T/out" '"last":"2024-01-08"'
run 0 hy people --from 2023-05 --to 2023-12 --json
python3 - "$T/out" <<'PY'
import json, sys
rows = {(r["name"], r["place"]): r for r in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
assert set(rows) == {("刘锐", "青川县"), ("王芳", "青川县"), ("陈明", "白水县"), ("刘锐", "白水县")}, rows
assert rows[("刘锐", "青川县")]["chaired"] == 1 and rows[("刘锐", "青川县")]["attended"] == 0, rows
PY
run 0 hy people --body 县政府 --to 2021 --json
lines "$T/out" 4
run 2 hy people --sort age
run 2 hy people --limit 0
run 2 hy people 刘锐 --sort name
run 2 hy people --from 2023-13

# reindex builds them again, the same
before=$(sql "$HUIYI_DB" "SELECT group_concat(key || place || n || ifnull(role, ''), '|') FROM (SELECT * FROM persons ORDER BY key, place)")
# (the appearances are the meetings' people since schema v19: reindex gives
# each its person again)
sql "$HUIYI_DB" "DELETE FROM persons; UPDATE appearances SET person_id = 0"
run 0 hy reindex
after=$(sql "$HUIYI_DB" "SELECT group_concat(key || place || n || ifnull(role, ''), '|') FROM (SELECT * FROM persons ORDER BY key, place)")
[ "$before" = "$after" ] || fail "reindex: $before != $after"

# deleting a meeting takes its appearances away
run 0 hy delete 5
run 0 hy people 刘锐 --place 青川县 --json
has "$T/out" '"to":"2023-05-15"'
# list --person finds a name in either script (people.key, schema v13,
# which reindex makes again): the same meetings, the traditional
# readout's among them
sql "$HUIYI_DB" "UPDATE people SET key = NULL"
run 0 hy reindex
run 0 hy list --person 劉銳 --json
cp "$T/out" "$T/trad"
grep -qF '"chair":"張偉"' "$T/trad" || fail "the traditional readout not found: $(cat "$T/trad")"
run 0 hy list --person 刘锐 --json
cmp -s "$T/out" "$T/trad" || fail "劉銳 and 刘锐 differ: $(cat "$T/trad") / $(cat "$T/out")"
[ "$(wc -l <"$T/out")" -gt 1 ] || fail "only the traditional readout: $(cat "$T/out")"

# the samples: every chair and attendee is a person, with the right counts
export HUIYI_DB=$T/samples.db
run 0 hy import "$HUIYI_ROOT/samples"
python3 - "$HUIYI_BIN" "$HUIYI_DB" <<'PY'
import functools, json, os, subprocess, sys
bin, db = sys.argv[1], sys.argv[2]
def hy(*a, ok=(0,)):
    p = subprocess.run([bin, "-d", db, *a], capture_output=True, text=True)
    assert p.returncode in ok, (a, p.returncode, p.stderr)
    return p
@functools.lru_cache(maxsize=None)  # a name's careers, once per name
def career(name):
    return [json.loads(l) for l in hy("people", name, "--json").stdout.splitlines()]
ids = [json.loads(l)["id"] for l in hy("list", "--json").stdout.splitlines()]
people = [json.loads(l) for l in hy("people", "--json").stdout.splitlines()]
chairs = atts = 0
for i in ids:
    m = json.loads(hy("show", str(i), "--json").stdout)
    named = []
    if m["chair"] and m["chair"]["name"]:
        named.append((m["chair"]["name"], "chair"))
        chairs += 1
    named += [(a, "attendee") for a in m["attendees"]]
    atts += len(m["attendees"])
    for name, part in named:
        found = career(name)
        hits = [p for p in found
                if any(x["meeting"] == i and x["part"] == part for x in p["meetings"])]
        assert len(hits) == 1, (i, name, part, found)
    for u in m["units"]:
        p = hy("people", u, ok=(1,))
        assert "no person" in p.stderr, (u, p.stderr)
assert sum(p["chaired"] for p in people) == chairs, (chairs, people)
assert sum(p["attended"] for p in people) == atts, atts
# every person's career; a third of them under the sanitizers (the same
# code for each, three times the cost a process there)
step = 3 if "san" in os.environ.get("HUIYI_BUILD", "build") else 1
for p in people[::step]:
    c = json.loads(hy("people", str(p["id"]), "--json").stdout)
    n = {}
    for x in c["meetings"]:
        n[x["part"]] = n.get(x["part"], 0) + 1
    assert (n.get("chair", 0), n.get("attendee", 0), n.get("observer", 0)) == \
        (p["chaired"], p["attended"], p["observed"]), (p, n)
PY

# a surname read as a surname (单 shàn, 曾 zēng, 欧阳): found by that
# pinyin, sorted under its letter
mkdir -p "$T/surnames"
cat >"$T/surnames/a.txt" <<'EOF'
青川县人民政府召开第40次常务会议

2024年3月1日，县长单磊主持召开县政府第40次常务会议。副县长曾华、欧阳明、李安、刘锐出席会议。

会议研究了全县春耕工作。
EOF
run 0 hy -d "$T/s.db" import "$T/surnames"
run 0 hy -d "$T/s.db" people shanlei
has "$T/out" "单磊"
run 0 hy -d "$T/s.db" people zenghua
has "$T/out" "曾华"
run 1 hy -d "$T/s.db" people danlei
run 0 hy -d "$T/s.db" people --sort name --json
python3 - "$T/out" <<'PY'
import json, sys
names = [json.loads(l)["name"] for l in open(sys.argv[1], encoding="utf-8")]
assert names == ["李安", "刘锐", "欧阳明", "单磊", "曾华"], names
PY
echo "ok"
