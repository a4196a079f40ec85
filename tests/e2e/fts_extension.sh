#!/usr/bin/env bash
# The tokenizer as a loadable extension: the sqlite3 shell loads
# $HUIYI_BUILD/huiyi_fts.so and queries the search index of a database
# huiyi made (MATCH in both scripts, pinyin, highlight), and can write
# sections, whose triggers feed the index. Without it the shell cannot.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "no sqlite3 shell"; exit 77; }
ext=$HUIYI_ROOT/${HUIYI_BUILD:-build}/huiyi_fts
[ -f "$ext.so" ] || fail "$ext.so not built (make)"

db=$T/h.db
cp "$HUIYI_ROOT/samples/05_qinglan-gas-safety-special.txt" "$T/gas.txt"
fixture a.txt 1
fixture b.txt 2
run 0 hy -d "$db" import "$T/gas.txt" "$T/fx"

q() { sqlite3 -batch -noheader "$db" ".load $ext" "$1"; }

# sections that mention 燃气, asked in either script, as the index says
want=$(sqlx "$db" "SELECT count(*) FROM sections_text
	WHERE replace(heading || text, '燃氣', '燃气') LIKE '%燃气%'")
[ "$want" -gt 0 ] || fail "the sample has no section about 燃气"
[ "$(q "SELECT count(*) FROM sections_fts WHERE sections_fts MATCH '燃气'")" = "$want" ] ||
	fail "MATCH 燃气 does not give the $want sections"
[ "$(q "SELECT count(*) FROM sections_fts WHERE sections_fts MATCH '燃氣'")" = "$want" ] ||
	fail "MATCH 燃氣 does not give the $want sections"
# pinyin tokens, as the query side spells them
[ "$(q "SELECT count(*) FROM sections_fts
	WHERE sections_fts MATCH '\"' || char(1) || 'ran ' || char(1) || 'qi\"'")" = "$want" ] ||
	fail "pinyin ran qi does not find the $want sections"
# rows, joined to their sections, with the hits marked
q "SELECT s.meeting_id, s.n, highlight(sections_fts, 0, '[', ']')
	FROM sections_fts JOIN sections s ON s.id = sections_fts.rowid
	WHERE sections_fts MATCH '燃气' ORDER BY bm25(sections_fts, 1.0, 10.0)" >"$T/rows"
lines "$T/rows" "$want"
has "$T/rows" "[燃气]"
# meetings_fts: the title
[ "$(q "SELECT count(*) FROM meetings_fts WHERE meetings_fts MATCH 'title : 常务'")" -ge 2 ] ||
	fail "meetings_fts does not find the titles"
# the shell with the extension writes sections, and the index follows
# (its insert trigger fires at once: hy_fts_immediate() is 1 there)
q "UPDATE sections SET text = '研究了财政预算。' WHERE id = (SELECT min(id) FROM sections)"
[ "$(q "SELECT count(*) FROM sections_fts WHERE sections_fts MATCH '财政预算'")" = 1 ] ||
	fail "an update by the shell is not in the index"
q "INSERT INTO sections (meeting_id, n, heading, text)
	VALUES (1, 99, '营商环境', '优化营商环境。')"
[ "$(q "SELECT count(*) FROM sections_fts WHERE sections_fts MATCH 'heading : 营商'")" = 1 ] ||
	fail "an insert by the shell is not in the index"
# and huiyi's next import does not index it twice
fixture c.txt 3
run 0 hy -d "$db" import "$T/fx/c.txt"
q "INSERT INTO sections_fts (sections_fts) VALUES ('integrity-check')" ||
	fail "integrity-check failed"
# the shell without it cannot read the index (and says why)
if sqlite3 -batch "$db" "SELECT count(*) FROM sections_fts WHERE sections_fts MATCH 'x'" \
	>"$T/out" 2>"$T/err"; then
	fail "the index was readable without the tokenizer"
fi
has "$T/err" "huiyi"
echo "ok: the sqlite3 shell queries the index with .load huiyi_fts"
