#!/usr/bin/env bash
# huiyi search and reindex on the samples: either script and pinyin find the
# gas-safety meeting; --json keys in order; --sort date; --limit, --offset;
# filters; hits marked « »; nothing but text on stdout; exit statuses.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db

# No database yet: a hint, status 1.
run 1 hy search 燃气
has "$T/err" "huiyi import"

run 0 hy import "$HUIYI_ROOT/samples"
gas=$(sql "$HUIYI_DB" "SELECT id FROM meetings WHERE source LIKE '%gas-safety%'")
[ -n "$gas" ] || fail "the gas-safety sample was not imported"

# ids QUERY...: the meeting ids of `search --json --limit 1000`, one a line.
ids() {
	hy search --json --limit 1000 "$@" | python3 -c '
import json, sys
for line in sys.stdin:
    print(json.loads(line)["meeting"])'
}

for q in 燃气 燃氣 ranqi RANQI "ran qi" '"燃气 安全"' "燃气 -消防"; do
	ids "$q" >"$T/ids" || fail "search $q"
	grep -qx "$gas" "$T/ids" || fail "search '$q' misses meeting $gas"
done
# 燃气 and 燃氣 find the same sections.
hy search --json --limit 1000 燃气 >"$T/s1"
hy search --json --limit 1000 燃氣 >"$T/s2"
cmp -s "$T/s1" "$T/s2" || fail "燃气 and 燃氣 differ"

# JSON Lines: exactly these keys in this order; the hit marked « ».
run 0 hy search 燃气 --json
python3 - "$T/out" "$gas" <<'PY' || fail "search --json"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert 1 <= len(lines) <= 20, len(lines)
keys = ["meeting", "section", "date", "title", "heading", "snippet", "score"]
scores = []
for line in lines:
    o = json.loads(line)
    assert list(o) == keys, list(o)
    assert isinstance(o["meeting"], int) and isinstance(o["section"], int)
    assert o["section"] >= 0
    assert isinstance(o["score"], float)
    assert "«燃气»" in o["snippet"] or "«燃氣»" in o["snippet"], o["snippet"]
    assert "\x02" not in o["snippet"] and "\x03" not in o["snippet"]
    scores.append(o["score"])
assert scores == sorted(scores, reverse=True), scores
assert any(json.loads(l)["meeting"] == int(sys.argv[2]) for l in lines)
PY

# --sort date: newest first, unknown dates last.
run 0 hy search 会议 --sort date --json --limit 1000
python3 - "$T/out" <<'PY' || fail "--sort date"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) > 20, len(rows)
keys = [(r["date"] or "", r["meeting"], -r["section"]) for r in rows]
assert keys == sorted(keys, reverse=True), keys[:5]
PY

# --limit and --offset page through the same order.
run 0 hy search 会议 --json --limit 5
lines "$T/out" 5
cp "$T/out" "$T/first5"
run 0 hy search 会议 --json --limit 3 --offset 2
lines "$T/out" 3
[ "$(sed -n 3,5p "$T/first5")" = "$(cat "$T/out")" ] || fail "--offset 2 is not rows 3-5"
run 0 hy search 会议 --json
lines "$T/out" 20

# Filters combine with the search.
run 0 hy search 燃气 --json --from 2023-09 --to 2023-09
python3 - "$T/out" <<'PY' || fail "--from/--to"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert rows and all("2023-09-01" <= r["date"] <= "2023-09-30" for r in rows), rows
PY
ids 燃气 --person 许晓峰 | sort -u >"$T/ids"
[ "$(cat "$T/ids")" = "$gas" ] || fail "--person: $(cat "$T/ids")"
body=$(sql "$HUIYI_DB" "SELECT body FROM meetings WHERE id = $gas")
ids 燃气 --body "$body" >"$T/ids"
grep -qx "$gas" "$T/ids" || fail "--body $body"
run 1 hy search 燃气 --body 没有这个机构
[ ! -s "$T/out" ] || fail "output without a match"

# Text: a header, columns aligned by display width, plain characters only.
run 0 hy search 燃气
has "$T/out" "«燃气»"
head -1 "$T/out" | grep -q "^Date" || fail "no header"
python3 - "$T/out" <<'PY' || fail "text columns"
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
cols = set()
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    assert not any(ord(c) < 32 for c in line), repr(line)
    i = line.index("§")
    cols.add(width(line[:i]))
    # the snippet column starts at the same width on every line
assert len(cols) == 1, cols
PY
hy search 燃气 | LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f]' && fail "control bytes in the output"

# Nothing found: status 1, nothing on stdout, a line on stderr.
run 1 hy search 这个词不会出现在样本里
[ ! -s "$T/out" ] || fail "stdout not empty without a match"
has "$T/err" "no matches"
run 1 hy search 燃气 --json --offset 100000
[ ! -s "$T/out" ] || fail "stdout not empty past the end"

# Usage errors: status 2, one line on stderr.
run 2 hy search
run 2 hy search ""
run 2 hy search "   "
run 2 hy search "。，！"
has "$T/err" "nothing to search for"
run 2 hy search -- -燃气
has "$T/err" "excluded"
run 2 hy search 燃气 --limit 0
run 2 hy search 燃气 --limit x
run 2 hy search 燃气 --offset -1
run 2 hy search 燃气 --sort score
run 2 hy search 燃气 --from 2023-13
run 2 hy search 燃气 --bogus
lines "$T/err" 1

# FTS5 syntax is text, never an error.
for q in '"' '燃气"' '*' '燃气*' 'NEAR(燃气' 'heading:燃气' '(' 'AND OR NOT' "'"; do
	got=0
	hy search "$q" >"$T/out" 2>"$T/err" || got=$?
	[ "$got" -le 2 ] || fail "search '$q': status $got"
	if grep -q "fts5\|syntax" "$T/err"; then fail "search '$q': $(cat "$T/err")"; fi
done

# Several arguments are one query.
hy search --json 燃气 安全 >"$T/a"
hy search --json "燃气 安全" >"$T/b"
cmp -s "$T/a" "$T/b" || fail "two arguments differ from one query"

# reindex rebuilds the index from the tables: empty the sections' index
# (the sqlite3 shell needs the tokenizer, the loadable extension), then
# only section 0 (titles and summaries) is found until reindex.
ext=$HUIYI_ROOT/${HUIYI_BUILD:-build}/huiyi_fts
sqlite3 -cmd ".load $ext" "$HUIYI_DB" \
	"INSERT INTO sections_fts(sections_fts) VALUES('delete-all');" ||
	fail "cannot empty the index with $ext"
hy search --json --limit 1000 燃气 | python3 -c '
import json, sys
assert all(json.loads(l)["section"] == 0 for l in sys.stdin)' ||
	fail "the sections index was not emptied"
run 0 hy reindex
has "$T/err" "reindexed 19 meetings"
[ ! -s "$T/out" ] || fail "reindex wrote to stdout"
hy search --json --limit 1000 燃气 >"$T/s3"
cmp -s "$T/s1" "$T/s3" || fail "results differ after reindex"
run 2 hy reindex extra
echo "search_cli: ok"
