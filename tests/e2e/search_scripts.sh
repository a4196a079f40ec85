#!/usr/bin/env bash
# Letters of every script are searched; only punctuation and symbols are
# refused as nothing to search for. Issue 16, item 10.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db
cp "$HUIYI_ROOT/tests/search/corpus/other_scripts.txt" "$T/visit.txt"
cp "$HUIYI_ROOT/samples/05_qinglan-gas-safety-special.txt" "$T/gas.txt"
run 0 hy import "$T/visit.txt" "$T/gas.txt"
for q in ひらがな 한국 МОСКВА москва α ΑΛΦΑ café CAFÉ; do
	run 0 hy search --json "$q"
	has "$T/out" '"meeting":1,'
	hasnt "$T/out" '"meeting":2,'
done
run 0 hy search --json ひらがな
has "$T/out" "«ひらがな»"
# a letter that is in no meeting: no match, not a refusal
run 1 hy search é
hasnt "$T/err" "punctuation"
run 1 hy search Ж
hasnt "$T/err" "punctuation"
# punctuation and symbols alone: nothing to search for
run 2 hy search "。，！"
has "$T/err" "punctuation"
run 2 hy search "€ ① ★"
has "$T/err" "punctuation"
echo "search_scripts: ok"
