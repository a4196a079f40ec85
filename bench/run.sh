#!/usr/bin/env bash
# make bench: measures huiyi against side-by-side anchors in one run and
# writes bench/RESULTS.md. Needs ../shared/bench/gencorpus.py (the shared
# synthetic corpus generator); BENCH_COUNT sets the corpus size.
set -euo pipefail
cd "$(dirname "$0")/.."
gen=../shared/bench/gencorpus.py
if [ ! -f "$gen" ]; then
	echo "bench: $gen not found (it ships beside the repository in ../shared)" >&2
	exit 1
fi
export LC_ALL=C.UTF-8
# the side-by-side anchors: rg (ripgrep) and the sqlite3 shell
if ! command -v rg >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y ripgrep >/dev/null 2>&1 || true
fi
command -v rg >/dev/null || { echo "bench: rg (ripgrep) is needed for the search anchor" >&2; exit 1; }
make -s build/tests/tools/search-bench
python3 bench/bench.py --gen "$gen" --bin build/huiyi \
	--count "${BENCH_COUNT:-100000}" --runs "${BENCH_RUNS:-3}" \
	--work bench/work --out bench/RESULTS.md
python3 bench/corpus_check.py --gen "$gen" --bin build/huiyi --count 5000 \
	--nasty 0.05 --work bench/work --results bench/RESULTS.md
# issue 13: finding the same meeting from many places, timed against the
# build before it (the anchor: 8f6246b, the last commit at schema v10),
# taken from this repository's history; the copies need the opencc command
if ! command -v opencc >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y opencc >/dev/null 2>&1 || true
fi
base=bench/work/base-v10
if [ ! -x "$base/build/huiyi" ] && git cat-file -e 8f6246b^{commit} 2>/dev/null; then
	rm -rf "$base" && mkdir -p "$base"
	git archive 8f6246b | tar -x -C "$base"
	make -s -C "$base" -j2 all >/dev/null || rm -rf "$base"
fi
if command -v opencc >/dev/null; then
	python3 bench/dupcheck.py --count 3000 --rounds 3 --huiyi build/huiyi \
		$([ -x "$base/build/huiyi" ] && echo --base "$base/build/huiyi") \
		--results bench/RESULTS.md
else
	echo "bench: the opencc command is missing (apt-get install opencc): duplicate finding not measured" >&2
fi

