#!/usr/bin/env bash
# tests/fuzz/run.sh: runs the libFuzzer targets that `make fuzz-build`
# put in build/fuzz (FUZZING.md).
#   run.sh probe                   exit 0 if clang can build a libFuzzer
#                                  target, else say why and exit 1
#   run.sh run TARGET SECONDS      fuzz TARGET for SECONDS on a copy of its
#                                  seed corpus (build/fuzz/corpus-TARGET)
#   run.sh check SECONDS TARGET... each target: its regression inputs,
#                                  then SECONDS of fuzzing; one summary line
set -u
cd "$(dirname "$0")/../.."
dir=build/fuzz
cc=${FUZZ_CC:-clang}
export LC_ALL=C.UTF-8
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

probe() {
	if ! command -v "$cc" >/dev/null; then
		echo "fuzz: skipped: $cc not found (apt-get install clang libclang-rt-14-dev)"
		return 1
	fi
	local t
	t=$(mktemp -d "${TMPDIR:-/tmp}/huiyi-fuzz-probe.XXXXXX")
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
		>"$t/p.c"
	if ! "$cc" -fsanitize=fuzzer,address,undefined -o "$t/p" "$t/p.c" \
		>"$t/log" 2>&1; then
		echo "fuzz: skipped: $cc cannot link -fsanitize=fuzzer (libFuzzer missing: apt-get install libclang-rt-14-dev): $(head -1 "$t/log")"
		rm -rf "$t"
		return 1
	fi
	rm -rf "$t"
}

# fuzz TARGET SECONDS LOG: a fresh copy of the seed corpus, then libFuzzer.
fuzz() {
	local t=$1 secs=$2 log=$3 corpus=$dir/corpus-$1
	mkdir -p "$corpus" "$dir/artifacts-$t"
	cp -n tests/fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null
	# and the test fixtures of its kind (tests/fixtures/html: the saved
	# pages), which are seeds as good, kept once
	cp -n tests/fixtures/"$t"/* "$corpus"/ 2>/dev/null
	"$dir/fuzz_$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
		-max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$dir/artifacts-$t/" "$corpus" >"$log" 2>&1
}

# check_one TARGET SECONDS: its regression inputs, then SECONDS of
# fuzzing; writes "ok EXECUTIONS" (or what failed) to check_TARGET.status
check_one() {
	local t=$1 secs=$2 log=$dir/check_$1.log n regs
	regs=(tests/fuzz/regressions/"$t"/*)
	if [ -e "${regs[0]}" ] && ! "$dir/fuzz_$t" "${regs[@]}" >"$log" 2>&1; then
		echo "regression 0" >"$dir/check_$t.status"; return
	fi
	if ! fuzz "$t" "$secs" "$log"; then
		echo "fuzzing 0" >"$dir/check_$t.status"; return
	fi
	n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	echo "ok ${n:-0}" >"$dir/check_$t.status"
}

case ${1:-} in
probe) probe ;;
run)
	t=$2 secs=$3 log=$dir/fuzz_$2.log
	echo "fuzz: $t for ${secs}s (log $log)"
	if fuzz "$t" "$secs" "$log"; then
		grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units)' "$log" | tail -2
	else
		tail -40 "$log"
		echo "fuzz: $t FAILED: crashing input in $dir/artifacts-$t/"
		exit 1
	fi
	;;
check)
	# the targets run $JOBS at a time (default: every CPU): each is one
	# process on one core, and the check is a share of make check's time
	secs=$2; shift 2
	jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
	fail=() execs=0 nreg=0 running=0
	for t in "$@"; do
		regs=(tests/fuzz/regressions/"$t"/*)
		[ -e "${regs[0]}" ] && nreg=$((nreg + ${#regs[@]}))
		if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
		check_one "$t" "$secs" &
		running=$((running + 1))
	done
	wait
	for t in "$@"; do
		read -r status n <"$dir/check_$t.status"
		if [ "$status" != ok ]; then
			tail -30 "$dir/check_$t.log"; fail+=("$t($status)"); continue
		fi
		execs=$((execs + n))
	done
	if [ ${#fail[@]} -gt 0 ]; then
		echo "== huiyi fuzz-check: FAILED: ${fail[*]} (inputs in $dir/artifacts-*) =="
		exit 1
	fi
	echo "== huiyi fuzz-check: $# targets, ${secs}s each, $jobs at a time, $execs inputs, $nreg regression inputs, no crash =="
	;;
*) echo "usage: $0 probe | run TARGET SECONDS | check SECONDS TARGET..." >&2; exit 2 ;;
esac
