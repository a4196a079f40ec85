#!/usr/bin/env bash
# Saved web pages and JSON Lines (issue 13): a page's article, title,
# publish time and address read as the same readout saved as text gives
# the same meeting (title, dates, body, chair, people, sections); a JSON
# Lines file is a batch of readouts whose bad line is rejected with its
# number while the others are stored, and importing it again stores
# nothing twice. Fixtures: tests/fixtures/html (our own invented pages,
# shaped like county CMS pages: GBK with a table layout and id=zoom, UTF-8
# with a TRS_Editor container, a metadata line, share widgets, navigation
# and related links; a page whose canonical address gives the year).
. "$(dirname "$0")/lib.sh"
FX=$HUIYI_ROOT/tests/fixtures/html

# fields DB ID: what must match, one JSON document
fields() {
	hy -d "$1" show "$2" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
keep = ("title", "published", "date", "month_day", "date_basis", "body", "place",
        "kind", "number", "chair", "attendees", "observers", "units", "summary",
        "sections")
print(json.dumps({k: d[k] for k in keep}, ensure_ascii=False, sort_keys=True))'
}

# same A B WHAT: two fields() outputs are equal
same() {
	[ "$1" = "$2" ] || {
		echo "--- expected (text readout):" >&2; echo "$1" >&2
		echo "--- got:" >&2; echo "$2" >&2
		fail "$3 differs from the text readout"
	}
}

run 0 hy -d "$T/txt.db" import "$FX/readout.txt"
want=$(fields "$T/txt.db" 1)
case $want in *'"chair": {"name": "林文山"'*'"n": 3'*) ;; *) fail "text readout misread: $want" ;; esac

# A GBK page that says so in http-equiv, table layout, <div id="zoom">.
run 0 hy -d "$T/gbk.db" import "$FX/zoom_gbk.html"
has "$T/err" "imported 1, duplicates skipped 0, rejected 0, U+FFFD replaced 0"
same "$want" "$(fields "$T/gbk.db" 1)" "the GBK page"
[ "$(sql "$T/gbk.db" 'SELECT encoding FROM meetings')" = GB18030 ] || fail "GBK page not read as GB18030"
# the raw bytes are stored as read; no markup, script or chrome in the text
cmp -s <(sqlx "$T/gbk.db" 'SELECT hex(hy_raw(rawz, hy_clean(cleanz))) FROM meetings') <(od -An -v -tx1 "$FX/zoom_gbk.html" | tr -d ' \n' | tr a-f A-F; echo) ||
	fail "the page's raw bytes are not stored as read"
sqlx "$T/gbk.db" 'SELECT hy_clean(cleanz) FROM meetings' >"$T/clean"
hasnt "$T/clean" "<"
hasnt "$T/clean" "doZoom"
hasnt "$T/clean" "网站首页"
hasnt "$T/clean" "乡镇动态"
hasnt "$T/clean" "ICP"

# A UTF-8 page: TRS_Editor, PubDate metadata, header, nav, side lists,
# share widget, related links, footer; named .html, but told by content
# too (the same bytes under a .txt name).
run 0 hy -d "$T/trs.db" import "$FX/trs_utf8.html"
same "$want" "$(fields "$T/trs.db" 1)" "the TRS_Editor page"
sqlx "$T/trs.db" 'SELECT hy_clean(cleanz) FROM meetings' >"$T/clean"
for chrome in 统计代码 热点专题 相关阅读 第11次 微博 请输入关键词 政务公开; do hasnt "$T/clean" "$chrome"; done
cp "$FX/trs_utf8.html" "$T/saved_page.txt"
run 0 hy -d "$T/trs2.db" import "$T/saved_page.txt"
same "$want" "$(fields "$T/trs2.db" 1)" "the page saved under a .txt name"

# The canonical address dates a readout that gives no year, as the path
# of a text readout does, and is kept with the source.
mkdir -p "$T/2023/03/09"
cp "$FX/readout2.txt" "$T/2023/03/09/"
run 0 hy -d "$T/txt2.db" import "$T/2023/03/09/readout2.txt"
want2=$(fields "$T/txt2.db" 1)
case $want2 in *'"date": "2023-03-08"'*'"date_basis": "path"'*) ;; *) fail "text readout 2: $want2" ;; esac
run 0 hy -d "$T/canon.db" import "$FX/canonical.html"
same "$want2" "$(fields "$T/canon.db" 1)" "the page with a canonical address"
hy -d "$T/canon.db" show 1 --json >"$T/out"
has "$T/out" "\"source\": \"$FX/canonical.html http://www.shiqiao.gov.cn/art/2023/3/9/art_1229_4567.html\""

# JSON Lines: a readout with content/title/date/url, a page in "html", a
# broken line, and one whose text is in "body" (--field text=body).
python3 - "$FX" "$T/batch.jsonl" <<'PY'
import json, sys
fx, out = sys.argv[1], sys.argv[2]
lines = open(fx + "/readout.txt", encoding="utf-8").read().splitlines()
two = open(fx + "/readout2.txt", encoding="utf-8").read().splitlines()
page = open(fx + "/trs_utf8.html", encoding="utf-8").read()
with open(out, "w", encoding="utf-8") as f:
    f.write(json.dumps({"url": "http://www.baixi.gov.cn/art/2024/5/13/art_1_1.html",
                        "title": lines[0], "date": "2024-05-13T17:30:00+08:00",
                        "content": "\n".join(lines[2:])}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"url": "http://www.baixi.gov.cn/art/2024/5/13/art_1_2.html",
                        "html": page}, ensure_ascii=False) + "\n")
    f.write('{"title": "石桥县政府召开第6次常务会议", "content": "3月15日，县长周海波主持\n')
    f.write("\n")
    f.write(json.dumps({"title": two[0], "body": "\n".join(two[1:]),
                        "url": "http://www.shiqiao.gov.cn/art/2023/3/9/art_9_9.html"},
                       ensure_ascii=False) + "\n")
PY
# lines 1 and 2 are one readout (its text, its page): kept apart here
# (--no-merge) to compare each with the text; merged below
run 1 hy -d "$T/jl.db" import --no-merge --field text=body "$T/batch.jsonl"
has "$T/err" "imported 3, duplicates skipped 0, rejected 1,"
has "$T/err" "rejected: $T/batch.jsonl#3: not a JSON object"
lines "$T/err" 2
[ "$(sql "$T/jl.db" 'SELECT count(*) FROM meetings')" = 3 ] || fail "not 3 meetings from the JSON Lines file"
src=$(realpath "$T/batch.jsonl")
[ "$(sql "$T/jl.db" 'SELECT group_concat(source, "|") FROM (SELECT source FROM meetings ORDER BY id)')" = \
	"$src#1 http://www.baixi.gov.cn/art/2024/5/13/art_1_1.html|$src#2 http://www.baixi.gov.cn/art/2024/5/13/art_1_2.html|$src#5 http://www.shiqiao.gov.cn/art/2023/3/9/art_9_9.html" ] ||
	fail "sources: $(sql "$T/jl.db" 'SELECT source FROM meetings ORDER BY id')"
# the readout's place comes from its 来源 line in the text version: the
# rest must match
same "$want" "$(fields "$T/jl.db" 1)" "JSON Lines line 1 (content)"
same "$want" "$(fields "$T/jl.db" 2)" "JSON Lines line 2 (html)"
same "$want2" "$(fields "$T/jl.db" 3)" "JSON Lines line 5 (body, year from its url)"
# again: nothing new, the bad line still reported
run 1 hy -d "$T/jl.db" import --no-merge --field text=body "$T/batch.jsonl"
has "$T/err" "imported 0, duplicates skipped 3, rejected 1,"
[ "$(sql "$T/jl.db" 'SELECT count(*) FROM meetings')" = 3 ] || fail "re-import duplicated meetings"
# without --field the body line holds no text: rejected with its number
run 1 hy -d "$T/jl2.db" import --no-merge "$T/batch.jsonl"
has "$T/err" "imported 2, duplicates skipped 0, rejected 2,"
has "$T/err" "rejected: $T/batch.jsonl#5: no content, text or html field: not a readout"
# merged (issue 13): the page is another source of the text's meeting
run 1 hy -d "$T/jl4.db" import "$T/batch.jsonl"
has "$T/err" "imported 1, 1 merged into meetings already stored, duplicates skipped 0, rejected 2,"
run 2 hy -d "$T/jl3.db" import --field body=text "$T/batch.jsonl"
has "$T/err" "--field takes NAME=KEY"
echo "ok"
