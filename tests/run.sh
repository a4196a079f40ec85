#!/usr/bin/env bash
# Test runner: every unit test binary, then every end-to-end script.
# Usage: HUIYI_BUILD=build bash tests/run.sh [filter]
# Ends with one summary line; exit status 1 if anything failed.
set -u
cd "$(dirname "$0")/.."
build=${HUIYI_BUILD:-build}
filter=${1:-}
export HUIYI_BUILD=$build
export HUIYI_BIN=$PWD/$build/huiyi
export HUIYI_ROOT=$PWD
export LC_ALL=C.UTF-8
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
pass=0 fail=0 skip=0 failed=()
logdir=$(mktemp -d "${TMPDIR:-/tmp}/huiyi-tests.XXXXXX")
run() { # name, command...
	local name=$1; shift
	[ -n "$filter" ] && [[ $name != *$filter* ]] && return
	local t0=$SECONDS
	local rc=0
	"$@" >"$logdir/${name//\//_}.log" 2>&1 || rc=$?
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1)); printf 'ok   %-40s %3ss\n' "$name" $((SECONDS - t0))
	elif [ $rc -eq 77 ]; then # skipped: says why
		skip=$((skip + 1)); printf 'skip %-40s %s\n' "$name" "$(tail -1 "$logdir/${name//\//_}.log")"
	else
		fail=$((fail + 1)); failed+=("$name")
		printf 'FAIL %-40s %3ss\n' "$name" $((SECONDS - t0))
		sed 's/^/    | /' "$logdir/${name//\//_}.log" | tail -40
	fi
}
for t in "$build"/tests/test_*; do
	[ -x "$t" ] || continue
	run "unit/$(basename "$t")" "$t"
done
for t in tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	[ "$(basename "$t")" = lib.sh ] && continue # shared helpers, not a test
	run "e2e/$(basename "$t" .sh)" bash "$t"
done
echo "== huiyi tests ($build): $pass passed, $fail failed, $skip skipped =="
if [ $fail -gt 0 ]; then
	printf '   failed: %s\n' "${failed[@]}"
	echo "   logs: $logdir"
	exit 1
fi
rm -rf "$logdir"
