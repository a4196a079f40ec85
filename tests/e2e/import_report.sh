#!/usr/bin/env bash
# import: folders (recursive, hidden skipped), the report, a second import
# that finds nothing new, stdin, and rejected files next to good ones.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/db/huiyi.db
mkdir -p "$T/db" "$T/in/sub" "$T/in/.hidden"
for i in 1 2 3 4; do fixture "f$i.txt" "$i"; done
cp "$T/fx/f1.txt" "$T/in/a.txt"
cp "$T/fx/f2.txt" "$T/in/sub/b.txt"
cp "$T/fx/f3.txt" "$T/in/.hidden/c.txt"
cp "$T/fx/f4.txt" "$T/in/.d.txt"
nsamples=$(find "$HUIYI_ROOT/samples" -type f ! -name '.*' | wc -l)
[ "$nsamples" -gt 0 ] || fail "no samples in $HUIYI_ROOT/samples"
want=$((nsamples + 2))

run 0 hy import "$HUIYI_ROOT/samples" "$T/in"
[ -s "$T/out" ] && fail "import wrote to stdout"
lines "$T/err" 1
has "$T/err" "imported $want, duplicates skipped 0, rejected 0, U+FFFD replaced "
[ "$(sql "$HUIYI_DB" 'SELECT count(*) FROM meetings')" = "$want" ] ||
	fail "database does not hold $want meetings"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM meetings WHERE source LIKE '%hidden%' OR source LIKE '%/.d.txt'")" = 0 ] ||
	fail "hidden files were imported"

# The same files again: nothing new, and it says so.
run 0 hy import "$HUIYI_ROOT/samples" "$T/in"
has "$T/err" "imported 0, duplicates skipped $want, rejected 0"
has "$T/err" "nothing new"
[ "$(sql "$HUIYI_DB" 'SELECT count(*) FROM meetings')" = "$want" ] ||
	fail "second import changed the database"

# Standard input: source "-"; the same bytes again are a duplicate.
fixture stdin.txt 7
run 0 hy import - <"$T/fx/stdin.txt"
has "$T/err" "imported 1, duplicates skipped 0, rejected 0"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM meetings WHERE source = '-'")" = 1 ] ||
	fail "stdin meeting not stored with source '-'"
run 0 hy import - <"$T/fx/stdin.txt"
has "$T/err" "imported 0, duplicates skipped 1"

# Rejected files do not stop the others; exit status 1; one line each,
# after the counts.
mkdir -p "$T/rej"
fixture good.txt 8
cp "$T/fx/good.txt" "$T/rej/good.txt"
: >"$T/rej/empty.txt"
printf '\n \n\t\n' >"$T/rej/blank.txt"
python3 -c 'import sys; sys.stdout.buffer.write(bytes(range(256)) * 16)' >"$T/rej/bin.dat"
truncate -s 100M "$T/rej/big.txt" # one "line" of 100 MB, never read
# a scraper's manifest beside its readouts: JSON Lines, not a meeting
for i in 1 2 3 4; do
	printf '{"file": "%s.txt", "title": "县政府召开第%s次常务会议", "sections": 3}\n' "$i" "$i"
done >"$T/rej/manifest.jsonl"
run 1 hy import "$T/rej" "$T/rej/missing.txt"
head -1 "$T/err" | grep -qF "imported 1, duplicates skipped 0, rejected 6," ||
	fail "first report line: $(head -1 "$T/err")"
lines "$T/err" 7
has "$T/err" "rejected: $T/rej/manifest.jsonl: JSON data, not a readout"
has "$T/err" "rejected: $T/rej/big.txt: file too large (104,857,600 bytes, over the limit of 16,777,216 bytes)"
has "$T/err" "rejected: $T/rej/bin.dat: binary"
has "$T/err" "rejected: $T/rej/empty.txt: empty after cleaning"
has "$T/err" "rejected: $T/rej/blank.txt: empty after cleaning"
has "$T/err" "rejected: $T/rej/missing.txt: No such file or directory"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM meetings WHERE source = '$(realpath "$T/rej/good.txt")'")" = 1 ] ||
	fail "the good file next to rejected ones was not stored"
# A 1,000,000-character agenda paragraph on one line (3 MB) is stored
# whole, as one section of exactly 1,000,000 characters.
python3 - "$T/giant.txt" <<'PY'
import sys
head = ("县政府召开第7次常务会议\n2024-05-11\n"
        "5月11日，县长主持召开县政府第7次常务会议。\n")
para = ("会议强调" + "燃气安全生产专项整治" * 100000)[:1000000]
open(sys.argv[1], "w", encoding="utf-8").write(head + para + "\n")
PY
export HUIYI_DB=$T/giant.db
run 0 hy import "$T/giant.txt"
has "$T/err" "imported 1,"
[ "$(sqlx "$HUIYI_DB" "SELECT max(length(text)) FROM sections_text")" = 1000000 ] ||
	fail "the giant paragraph was not stored whole: $(sqlx "$HUIYI_DB" "SELECT group_concat(length(text)) FROM sections_text")"
# A 4 MB readout of one line whose sentences each open an agenda item:
# thousands of sections in one meeting, one batch. (With statement journals
# spilling past any threshold but sqlite's default, SQLITE_CONFIG_STMTJRNL_
# SPILL, sqlite 3.40 failed here with "disk full": db.c hy_store_begin.)
python3 - "$T/items.txt" <<'PY'
import sys
head = "县政府召开第8次常务会议\n2024-05-11\n会议指出，"
phrase = ("会议听取了全县城镇燃气安全生产专项整治工作情况汇报，"
          "要求各乡镇（办）压实属地责任，2024年底前完成23个整改事项。")
open(sys.argv[1], "w", encoding="utf-8").write(head + phrase * 33000 + "\n")
PY
export HUIYI_DB=$T/items.db
run 0 hy import "$T/items.txt"
has "$T/err" "imported 1, duplicates skipped 0, rejected 0"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM sections_fts_docsize")" = \
	"$(sql "$HUIYI_DB" "SELECT count(*) FROM sections")" ] ||
	fail "the 4 MB readout's sections are not all indexed"
# Its sections near the start are ranges of the clean text; those deep in
# it keep their own text (reading a range walks the characters before it,
# so thousands of deep ranges read in a row would take minutes): every
# section reads back whole either way.
[ "$(sql "$HUIYI_DB" "SELECT count(*) > 0 FROM sections WHERE at IS NOT NULL AND text = ''")" = 1 ] ||
	fail "no section of the 4 MB readout is a range"
[ "$(sql "$HUIYI_DB" "SELECT count(*) > 0 FROM sections WHERE at IS NULL AND text <> ''")" = 1 ] ||
	fail "every section of the 4 MB readout is a range, however deep"
[ "$(sql "$HUIYI_DB" "SELECT max(at) <= 65536 FROM sections")" = 1 ] ||
	fail "a range starts deeper than 65,536 characters"
[ "$(sqlx "$HUIYI_DB" "SELECT count(*) FROM sections_text WHERE text = ''")" = 0 ] ||
	fail "a section of the 4 MB readout reads back empty"

# Sources are absolute with links resolved, whichever way a file is named:
# a relative folder with a doubled slash, a file that is a link (its
# target), a folder reached through a link. (The walk resolves each folder
# once and appends its files' names.)
export HUIYI_DB=$T/src.db
mkdir -p "$T/src/a/b" "$T/src/real"
fixture s1.txt 11; fixture s2.txt 12; fixture s3.txt 13
cp "$T/fx/s1.txt" "$T/src/a/b/x.txt"
cp "$T/fx/s2.txt" "$T/src/real/y.txt"
cp "$T/fx/s3.txt" "$T/src/a/z.txt"
ln -s ../real/y.txt "$T/src/a/ylink.txt"
ln -s real "$T/src/dirlink"
(cd "$T/src" && run 0 hy import ./a// dirlink/)
# ylink.txt leads out of ./a (the folder named): skipped, counted; y.txt
# comes in through dirlink/
has "$T/err" "imported 3, duplicates skipped 0,"
has "$T/err" "skipped 1 link leading outside"
real=$(cd "$T/src" && pwd -P)
[ "$(sql "$HUIYI_DB" "SELECT group_concat(source, ' ') FROM (SELECT source FROM meetings ORDER BY source)")" = \
	"$real/a/b/x.txt $real/a/z.txt $real/real/y.txt" ] ||
	fail "sources: $(sql "$HUIYI_DB" "SELECT group_concat(source, ' ') FROM meetings")"
echo "import_report: ok"
