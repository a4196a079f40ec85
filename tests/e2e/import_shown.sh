#!/usr/bin/env bash
# Which source of a meeting is shown (issue 13; source_rank.h): whichever
# came first, the official site's page over a mirror's, the original script
# over a converted copy, the cleaner text over one with pinyin glosses. A
# better source arriving later is shown instead: the meeting keeps its id,
# is found once by search, lists its people from the text now shown, and
# the source shown until then becomes another source (split still works).
# Fixtures: tests/fixtures/dups (written by us): a_county.txt, simplified;
# a_repost_trad.txt, the same readout in traditional with glosses.
. "$(dirname "$0")/lib.sh"
F=$HUIYI_ROOT/tests/fixtures/dups
A=$F/a_county.txt C=$F/a_repost_trad.txt

# feed FILE TEXT URL: a JSON Lines file of one readout with its address
feed() {
	python3 - "$1" "$2" "$3" <<'PY'
import json, sys
text = open(sys.argv[2], encoding="utf-8").read()
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(json.dumps({"url": sys.argv[3], "content": text}, ensure_ascii=False) + "\n")
PY
}
# shown DB: "SOURCE URL" of each of meeting 1's sources, the shown one first
shown() {
	hy -d "$1" show 1 --json | python3 -c '
import json, sys
o = json.load(sys.stdin)
for s in o["sources"]:
    print(("*" if s["shown"] else "-") + " " + s["source"].rsplit("/", 1)[-1] + " " + str(s["url"]))'
}
title() { hy -d "$1" show 1 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["title"])'; }

# 1. a mirror's traditional copy first, then the county's own page: the
#    county's is shown, under the same id
feed "$T/mirror.jsonl" "$C" "http://news.example.com/2025/0311/a.html"
feed "$T/county.jsonl" "$A" "http://www.qingshi.gov.cn/zwgk/2025/0311/12.html"
run 0 hy -d "$T/1.db" import "$T/mirror.jsonl"
[ "$(title "$T/1.db")" = "青石縣人民政府召開第十二次常務會議" ] || fail "mirror first: $(title "$T/1.db")"
run 0 hy -d "$T/1.db" import "$T/county.jsonl"
has "$T/err" "imported 0, 1 merged into meetings already stored"
[ "$(title "$T/1.db")" = "青石县人民政府召开第十二次常务会议" ] || fail "official not shown: $(title "$T/1.db")"
[ "$(shown "$T/1.db")" = "* county.jsonl#1 http://www.qingshi.gov.cn/zwgk/2025/0311/12.html
- mirror.jsonl#1 http://news.example.com/2025/0311/a.html" ] || fail "sources: $(shown "$T/1.db")"
run 0 hy -d "$T/1.db" show 1
tr '\n' ' ' <"$T/out" | tr -s ' ' >"$T/flat" # (show wraps at 80 columns)
has "$T/flat" "Source 1. http://www.qingshi.gov.cn/zwgk/2025/0311/12.html (simplified, shown)"
has "$T/flat" "2. http://news.example.com/2025/0311/a.html (traditional)"
run 0 hy -d "$T/1.db" list --json
[ "$(grep -o '"id":' "$T/out" | wc -l)" = 1 ] || fail "one meeting expected: $(cat "$T/out")"
has "$T/out" '"id":1,'
# found once, in either script; its people from the text shown
run 0 hy -d "$T/1.db" search 北區供熱管網 --json
[ "$(grep -o '"meeting":1,' "$T/out" | wc -l)" = 1 ] || fail "search: $(cat "$T/out")"
run 0 hy -d "$T/1.db" list --person 罗文涛 --json
has "$T/out" '"id":1,'
# a name pasted in the other script, or with a space, finds the same person
run 0 hy -d "$T/1.db" list --person 羅文濤 --json
has "$T/out" '"id":1,'
run 0 hy -d "$T/1.db" list --person "文 濤" --json
has "$T/out" '"id":1,'
[ "$(sql "$T/1.db" "SELECT count(*) FROM appearances a JOIN people p ON p.id = a.name_id
	WHERE p.name = '罗文涛'")" = 1 ] || fail "chair not linked: $(sql "$T/1.db" "SELECT name FROM people")"
[ "$(sql "$T/1.db" "SELECT count(*) FROM people WHERE name = '羅文濤'")" = 0 ] ||
	fail "the old text's people left behind"
sql "$T/1.db" "PRAGMA foreign_key_check" | grep -q . && fail "foreign keys broken"
[ "$(sql "$T/1.db" "PRAGMA integrity_check")" = ok ] || fail "integrity"
# the mirror's copy is still there to read and to split off
run 0 hy -d "$T/1.db" split 1
has "$T/err" "meeting 1: 1 source split off as meeting 2"
[ "$(title "$T/1.db")" = "青石县人民政府召开第十二次常务会议" ] || fail "after split: $(title "$T/1.db")"
run 0 hy -d "$T/1.db" show 2 --json
has "$T/out" '"title": "青石縣人民政府召開第十二次常務會議"'

# 2. both on the county's site, the traditional version first: a .cn
#    site's original is simplified
feed "$T/big5.jsonl" "$C" "http://big5.qingshi.gov.cn/zwgk/2025/0311/12.html"
run 0 hy -d "$T/2.db" import "$T/big5.jsonl" "$T/county.jsonl"
has "$T/err" "imported 1, 1 merged into meetings already stored"
[ "$(title "$T/2.db")" = "青石县人民政府召开第十二次常务会议" ] || fail "original script: $(title "$T/2.db")"
# a .tw site's original is traditional: the traditional page stays shown,
# glosses and all
feed "$T/tw.jsonl" "$C" "https://www.qingshi.gov.tw/News_Content.aspx?n=12"
feed "$T/tw_sc.jsonl" "$A" "https://www.qingshi.gov.tw/sc/News_Content.aspx?n=12"
run 0 hy -d "$T/3.db" import "$T/tw.jsonl" "$T/tw_sc.jsonl"
[ "$(title "$T/3.db")" = "青石縣人民政府召開第十二次常務會議" ] || fail ".tw original: $(title "$T/3.db")"

# 3. no addresses: the text the cleaner had to mend least (no glosses),
#    whichever came first
run 0 hy -d "$T/4.db" import "$C"
run 0 hy -d "$T/4.db" import "$A"
has "$T/err" "imported 0, 1 merged into meetings already stored"
[ "$(title "$T/4.db")" = "青石县人民政府召开第十二次常务会议" ] || fail "cleanest: $(title "$T/4.db")"
run 0 hy -d "$T/5.db" import "$A"
run 0 hy -d "$T/5.db" import "$C"
[ "$(title "$T/5.db")" = "青石县人民政府召开第十二次常务会议" ] || fail "stays: $(title "$T/5.db")"
[ "$(sql "$T/5.db" "SELECT shown, repairs > 0 FROM sources ORDER BY id")" = "1|0
0|1" ] || fail "repairs: $(sql "$T/5.db" "SELECT * FROM sources")"
# the same in one JSON Lines file (tests/fixtures/shown, also failed one
# allocation at a time by tests/oom/run.sh)
run 0 hy -d "$T/6.db" import "$HUIYI_ROOT/tests/fixtures/shown/mirror_then_county.jsonl"
has "$T/err" "imported 1, 1 merged into meetings already stored"
[ "$(shown "$T/6.db")" = "* mirror_then_county.jsonl#2 http://www.qingshi.gov.cn/zwgk/2025/0311/12.html
- mirror_then_county.jsonl#1 http://news.example.com/2025/0311/a.html" ] || fail "one file: $(shown "$T/6.db")"
echo "ok: official over mirror, original script (.cn, .tw), cleanest, id and people kept"
