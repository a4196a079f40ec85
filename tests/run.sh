#!/usr/bin/env bash
# Test runner: every unit test binary, then every end-to-end script.
# Usage: HUIYI_BUILD=build bash tests/run.sh [filter]
#        HUIYI_BUILDS="build build/san" bash tests/run.sh [filter]
#
# With HUIYI_BUILDS, every test runs once against each build's binaries,
# all in one pool (make check: the plain and the ASan+UBSan build), so
# one build's slow tests overlap the other's; a test's name then starts
# with its build's last folder name (san:e2e/people).
#
# Tests run HUIYI_JOBS at a time (default: twice the number of CPUs: most
# end-to-end tests spend much of their time waiting on tmux, a lock or a
# child, and two CPUs ran 2 at a time 400 s, 4 at a time 333 s, for the
# same 611 CPU-seconds); each has
# its own temporary folder and tmux socket, so they do not meet. A script
# with a line "# serial" (a valgrind run, a timing-sensitive storm) runs
# alone after the others. Results print as tests end; one summary line
# ends the run; exit status 1 if anything failed.
set -u
cd "$(dirname "$0")/.."
read -r -a builds <<<"${HUIYI_BUILDS:-${HUIYI_BUILD:-build}}"
filter=${1:-}
jobs=${HUIYI_JOBS:-$((2 * $(nproc 2>/dev/null || echo 2)))}
export HUIYI_ROOT=$PWD
export LC_ALL=C.UTF-8
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
pass=0 fail=0 skip=0 failed=() cpu_total=0
logdir=$(mktemp -d "${TMPDIR:-/tmp}/huiyi-tests.XXXXXX")
t_start=$SECONDS

# one test, in the background: its log, then its status and seconds
start() { # build, name, command...
	local build=$1 name=$2; shift 2
	local log="$logdir/${name//[\/:]/_}"
	(
		export HUIYI_BUILD=$build HUIYI_BIN=$PWD/$build/huiyi
		t0=$SECONDS
		rc=0
		"$@" >"$log.log" 2>&1 || rc=$?
		# the CPU seconds (user + system) of everything the test ran:
		# on 2 CPUs these, not the seconds waited, set how long make
		# check takes
		times >"$log.times" # a builtin, not forked: it sees the children
		cpu=$(tail -1 "$log.times" | awk '{ s = 0; for (i = 1; i <= 2; i++) {
			split($i, p, "m"); s += p[1] * 60 + p[2] } printf "%d", s + 0.5 }')
		# written whole, then renamed: the pool polls for the file and
		# must never read it half written (an empty rc read as a failure)
		echo "$rc $((SECONDS - t0)) $cpu" >"$log.rc.tmp" && mv "$log.rc.tmp" "$log.rc"
	) &
}
# the line of a test that ended
report() { # name
	local name=$1 log="$logdir/${1//[\/:]/_}" rc secs cpu
	read -r rc secs cpu <"$log.rc"
	cpu_total=$((cpu_total + cpu))
	if [ "$rc" -eq 0 ]; then
		pass=$((pass + 1)); printf 'ok   %-40s %3ss %4ss cpu\n' "$name" "$secs" "$cpu"
	elif [ "$rc" -eq 77 ]; then # skipped: says why
		skip=$((skip + 1)); printf 'skip %-40s %s\n' "$name" "$(tail -1 "$log.log")"
	else
		fail=$((fail + 1)); failed+=("$name")
		printf 'FAIL %-40s %3ss\n' "$name" "$secs"
		sed 's/^/    | /' "$log.log" | tail -40
	fi
}
running=()
# wait until fewer than $1 tests run, reporting those that ended
drain() { # limit
	while [ ${#running[@]} -ge "$1" ] && [ ${#running[@]} -gt 0 ]; do
		wait -n 2>/dev/null || true
		local still=() name
		for name in "${running[@]}"; do
			if [ -f "$logdir/${name//[\/:]/_}.rc" ]; then report "$name"; else still+=("$name"); fi
		done
		running=("${still[@]+"${still[@]}"}")
	done
}
run() { # build, name, command...: in parallel, up to $jobs at once
	local build=$1 name=$2
	[ -n "$filter" ] && [[ $name != *$filter* ]] && return
	[ ${#builds[@]} -gt 1 ] && name="$(basename "$build"):$name"
	shift 2
	drain "$jobs"
	start "$build" "$name" "$@"
	running+=("$name")
}
# the slowest first (a line "# slow"), so none is left running alone at
# the end; then the rest and the unit tests; "# serial" ones last, alone
serial=() slow=() rest=()
for t in tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	[ "$(basename "$t")" = lib.sh ] && continue # shared helpers, not a test
	if grep -q '^# serial' "$t"; then serial+=("$t")
	elif grep -q '^# slow' "$t"; then slow+=("$t")
	else rest+=("$t"); fi
done
for build in "${builds[@]}"; do
	for t in "${slow[@]+"${slow[@]}"}"; do
		run "$build" "e2e/$(basename "$t" .sh)" bash "$t"
	done
done
for build in "${builds[@]}"; do
	for t in "${rest[@]+"${rest[@]}"}"; do
		run "$build" "e2e/$(basename "$t" .sh)" bash "$t"
	done
	for t in "$build"/tests/test_*; do
		[ -x "$t" ] || continue
		run "$build" "unit/$(basename "$t")" "$t"
	done
done
drain 1
jobs=1
for build in "${builds[@]}"; do
	for t in "${serial[@]+"${serial[@]}"}"; do
		run "$build" "e2e/$(basename "$t" .sh)" bash "$t"
		drain 1
	done
done
echo "== huiyi tests (${builds[*]}): $pass passed, $fail failed, $skip skipped ($((SECONDS - t_start)) s, $cpu_total s cpu, $(printf %s "${HUIYI_JOBS:-$((2 * $(nproc 2>/dev/null || echo 2)))}") at a time) =="
if [ $fail -gt 0 ]; then
	printf '   failed: %s\n' "${failed[@]}"
	echo "   logs: $logdir"
	exit 1
fi
rm -rf "$logdir"
