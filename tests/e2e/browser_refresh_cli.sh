#!/usr/bin/env bash
# slow: tests/run.sh starts it first
# browser_refresh_cli.sh: `huiyi list` and `huiyi search` keep working while
# an import writes to the same database (issue 5): 3,000 generated readouts
# are imported in the background, 25 files per `huiyi import`, while list
# and search run again and again. Every run exits 0, prints no error, and
# its output is sane: list rows are whole and their number never goes
# down; search finds the samples' 燃气 with its hit marked. At the end
# list shows all 3,019 meetings.
# shellcheck source=tests/e2e/lib.sh
source "$(dirname "$0")/lib.sh"

PY=$(command -v python3 || true)
[ -n "$PY" ] || { echo "skip: python3 is not installed (it generates the readouts)"; exit 77; }
# 3,000 readouts; 1,000 under the sanitizers (five times slower, same race)
case "${HUIYI_BUILD:-build}" in *san*) N=1000 ;; *) N=3000 ;; esac
run 0 hy -d "$T/db" import "$HUIYI_ROOT/samples"
"$PY" "$HUIYI_ROOT/tests/tools/gen_readouts.py" "$T/gen" "$N" 25 >/dev/null ||
	fail "gen_readouts.py failed"

bg=
trap 'touch "$T/stop"; wait $bg 2>/dev/null; cleanup' EXIT
(
	for d in "$T/gen"/*/; do
		[ -e "$T/stop" ] && break
		HUIYI_THREADS=1 "$HUIYI_BIN" -d "$T/db" import "$d" >>"$T/bg.out" 2>>"$T/bg.err" ||
			echo "import $d: status $?" >>"$T/bg.fail"
	done
	touch "$T/bg.done"
) &
bg=$!

runs=0 last=19 counts=
while [ ! -e "$T/bg.done" ] || [ "$runs" -lt 3 ]; do
	# list: a header and whole rows (ID, date, ..., title), never fewer
	run 0 hy -d "$T/db" list
	[ ! -s "$T/err" ] || fail "list wrote to stderr during the import: $(head -3 "$T/err")"
	n=$(($(wc -l <"$T/out") - 1))
	[ "$n" -ge "$last" ] || fail "list shows $n meetings after $last"
	if awk 'NR > 1 && NF < 6 { bad = 1 } END { exit !bad }' "$T/out"; then
		fail "a list row is cut short: $(awk 'NR > 1 && NF < 6' "$T/out" | head -2)"
	fi
	last=$n counts="$counts $n"
	# search: the samples' gas-safety meeting, hit marked
	run 0 hy -d "$T/db" search 燃气 --limit 5
	[ ! -s "$T/err" ] || fail "search wrote to stderr during the import: $(head -3 "$T/err")"
	has "$T/out" "«燃气»"
	run 0 hy -d "$T/db" search 燃气 --limit 3 --json
	"$PY" -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1])]' "$T/out" ||
		fail "search --json printed something that is not JSON lines"
	runs=$((runs + 1))
	[ "$runs" -lt 2000 ] || fail "the import never ended"
done
wait "$bg"
[ ! -s "$T/bg.fail" ] || fail "the background import failed: $(cat "$T/bg.fail" "$T/bg.err")"
grep -qiE 'locked|busy' "$T/bg.err" && fail "the import saw a locked database: $(grep -iE 'locked|busy' "$T/bg.err" | head -2)"
echo "ok: $runs rounds of list, search and search --json during 120 imports, all status 0; list counts:$(echo "$counts" | tr ' ' '\n' | sort -un | head -8 | tr '\n' ' ')…"

run 0 hy -d "$T/db" list
lines "$T/out" $((N + 19 + 1))
echo "ok: list shows all $((N + 19)) meetings afterwards"
