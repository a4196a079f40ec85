#!/usr/bin/env bash
# huiyi trend on a generated corpus (tests/fixtures/trend/gen.py): per month,
# quarter and year the counts equal what search --json finds for the same
# query and period; months without meetings are gaps, not zeros; --share is
# matches per 100 meetings; several queries side by side; a meeting without
# a year is left out and the output says so; bars fit 80 columns piped and
# the longest is the largest count; usage errors.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db

run 1 hy trend 燃气 # no database yet
has "$T/err" "huiyi import"

python3 "$HUIYI_ROOT/tests/fixtures/trend/gen.py" "$T/gen"
run 0 hy import "$T/gen"
# no year anywhere (stdin: no path, no file time): counted apart
printf '6月3日，县长周明主持召开县政府第999次常务会议。副县长林一出席会议。\n\n会议研究了燃气安全工作。会议要求，抓好落实。\n' >"$T/noyear.txt"
run 0 hy import - <"$T/noyear.txt"

# JSON: for every query, period and grouping, the same counts as search;
# the same whichever way the sections' meetings are found (a lookup each,
# or a walk of their index), and with a body filter (one statement)
for by in month quarter year; do
	run 0 hy trend 燃气 安全 "燃气 -管道" --by "$by" --json
	cp "$T/out" "$T/trend.$by"
	has "$T/err" "1 meeting without a year is not counted"
	for plan in join walk; do
		HUIYI_SEARCH_PLAN=$plan hy trend 燃气 安全 "燃气 -管道" --by "$by" \
			--json >"$T/plan" 2>/dev/null
		cmp -s "$T/plan" "$T/trend.$by" || fail "trend --by $by differs with HUIYI_SEARCH_PLAN=$plan"
	done
	run 0 hy trend 燃气 安全 --by "$by" --body 县 --json
	cp "$T/out" "$T/trend.body.$by"
done
python3 - "$T" <<'PY' || fail "trend --json against search --json"
import calendar, json, subprocess, sys
T = sys.argv[1]
def bounds(p):
    if "-Q" in p:
        y, q = int(p[:4]), int(p[6])
        m0, m1 = 3 * q - 2, 3 * q
    elif len(p) == 7:
        y, m0 = int(p[:4]), int(p[5:])
        m1 = m0
    else:
        y, m0, m1 = int(p), 1, 12
    return (f"{y:04d}-{m0:02d}-01",
            f"{y:04d}-{m1:02d}-{calendar.monthrange(y, m1)[1]:02d}")
def search(q, lo, hi, *more):
    p = subprocess.run([BIN, "search", q, "--json", "--limit", "1000000",
                        "--from", lo, "--to", hi, *more], capture_output=True, text=True)
    rows = [json.loads(l) for l in p.stdout.splitlines()]
    return len({r["meeting"] for r in rows}), len(rows)
import functools
@functools.lru_cache(maxsize=None)  # one list per period, not per query
def listed(lo, hi, *more):
    p = subprocess.run([BIN, "list", "--json", "--from", lo, "--to", hi, *more],
                       capture_output=True, text=True)
    return len(p.stdout.splitlines())
import os
BIN = os.environ["HUIYI_BIN"]
keys = ["period", "query", "meetings", "sections", "corpus_meetings"]
for by, more in [(b, m) for b in ("month", "quarter", "year")
                 for m in ((), ("--body", "县"))]:
    objs = [json.loads(l) for l in
            open(f"{T}/trend.{'body.' if more else ''}{by}", encoding="utf-8")]
    assert objs, by
    periods = []
    for o in objs:
        assert list(o) == keys, (by, list(o))
        if o["period"] not in periods:
            periods.append(o["period"])
    assert periods == sorted(periods), periods
    assert len(objs) == (2 if more else 3) * len(periods), (len(objs), len(periods))
    total = {}
    for o in objs:
        lo, hi = bounds(o["period"])
        corpus = listed(lo, hi, *more)
        assert o["corpus_meetings"] == corpus, (o, corpus)
        if corpus == 0:
            assert o["meetings"] is None and o["sections"] is None, o
            continue
        m, s = search(o["query"], lo, hi, *more)
        assert (o["meetings"], o["sections"]) == (m, s), (o, m, s)
        total[o["query"]] = total.get(o["query"], 0) + o["meetings"]
    # every dated match counted once, whatever the grouping
    for q, t in total.items():
        m, _ = search(q, "0001-01-01", "9999-12-31", *more)
        assert t == m, (by, q, t, m)
    if by == "month" and not more:
        gaps = [o["period"] for o in objs if o["corpus_meetings"] == 0]
        assert sorted(set(gaps)) == ["2023-05", "2023-08"], gaps
        assert periods[0] == "2023-01" and periods[-1] == "2024-03", periods
PY

# Text: a gap says so and has no count; a month with meetings and no
# match is a zero; every line fits 80 columns piped; the largest count has
# the longest bar.
run 0 hy trend 燃气
has "$T/out" "1 meeting without a year is not counted (of them matching: 燃气 1)"
grep -q '^2023-05  (no meetings)$' "$T/out" || fail "2023-05 is no gap: $(grep 2023-05 "$T/out")"
grep '^2023-09' "$T/out" | grep -q ' 0 (0) ' || fail "2023-09 is no zero: $(grep 2023-09 "$T/out")"
python3 - "$T/out" <<'PY' || fail "trend text bars"
import sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
for l in lines:
    assert width(l) <= 80, (width(l), l)
rows = {}
for l in lines:
    if l[:4].isdigit() and "no meetings" not in l:
        bar = "".join(c for c in l[9:] if "\u2588" <= c <= "\u258f")
        eighths = sum(8 if c == "\u2588" else 0x2590 - ord(c) for c in bar)
        n = int(l.split("(")[0].split()[-1])
        rows[l[:7]] = (n, eighths)
top = max(n for n, _ in rows.values())
for p, (n, e) in rows.items():
    if n == 0:
        assert e == 0, (p, n, e)
    else:
        assert e > 0, (p, n, e)
    if n == top:
        assert e == max(x for _, x in rows.values()), (p, n, e)
# bars are proportional: half the top count, half the top bar (±1/8)
longest = max(e for _, e in rows.values())
for p, (n, e) in rows.items():
    assert abs(e - n * longest / top) <= 1, (p, n, e)
PY

# a long run of periods without meetings is one line, its first and last
printf '2015年3月2日，县长周明主持召开县政府第1000次常务会议。副县长林一出席会议。\n\n会议研究了燃气安全工作。会议要求，抓好落实。\n' >"$T/old.txt"
run 0 hy import "$T/old.txt"
run 0 hy trend 燃气 --to 2023-02
has "$T/out" "2015-04…2022-12  (no meetings, 93 periods)"
grep -q '^2015-03 .* 1 (1) ' "$T/out" || fail "2015-03: $(head -5 "$T/out")"
run 0 hy trend 燃气 --to 2023-02 --json
[ "$(grep -c '"corpus_meetings":0' "$T/out")" = 93 ] || fail "JSON keeps every gap"
hy delete "$(sql "$HUIYI_DB" "SELECT id FROM meetings WHERE number = 1000")" 2>/dev/null ||
	fail "delete the 2015 meeting"

# Two queries side by side: both names in the header, two counts a row.
run 0 hy trend 燃气 安全 --by year
head -2 "$T/out" | tail -1 | grep -q '燃气.*安全.*Meetings' || fail "header: $(head -2 "$T/out")"
grep -q '^2023 .*([0-9]*) .*([0-9]*) ' "$T/out" || fail "two series: $(cat "$T/out")"

# --share: matches per 100 meetings of the period
run 0 hy trend 燃气 --by quarter --share --json
python3 - "$T/out" <<'PY' || fail "--share"
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(l)
    if o["corpus_meetings"] == 0:
        assert o["share"] is None, o
    else:
        assert abs(o["share"] - 100 * o["meetings"] / o["corpus_meetings"]) < 1e-3, o
PY
run 0 hy trend 燃气 --by quarter --share
has "$T/out" "per hundred meetings"
grep -q '^2023-Q1 .* 66\.7 ' "$T/out" || fail "2023-Q1 share: $(grep 2023-Q1 "$T/out")"

# Filters: --body narrows the corpus and the matches alike; --from/--to
# bound the rows.
run 0 hy trend 燃气 --body 县委 --by year --json
python3 - "$T/out" <<'PY' || fail "--body"
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert sum(o["corpus_meetings"] for o in objs) == 6, objs
PY
run 0 hy trend 燃气 --from 2023-06 --to 2023-09
grep -c '^20' "$T/out" | grep -qx 4 || fail "--from/--to rows: $(cat "$T/out")"
hasnt "$T/out" "without a year" # a date bound leaves the undated out

# Usage errors
run 2 hy trend
run 2 hy trend 燃气 --by week
run 2 hy trend 燃气 --from 2023-13
run 2 hy trend '!!!'
