#!/usr/bin/env bash
# slow: tests/run.sh starts it first
# kill -9 an import of 8,000 files at several random points, then run it to
# the end. After every kill: PRAGMA integrity_check is ok, the stored count
# is a whole number of batches, and every stored meeting is whole: its
# sections are all there (as many as the generator wrote, which it records
# in a manifest), its chair is linked, and the search index holds exactly
# the stored rows. The last run imports the rest: every file stored once.
#
# (safety_lib.sh: the corpus, its manifest and the check.)
# Crash points: KILLS (4) thresholds of committed meetings drawn at random
# (seed printed; HUIYI_SEED=S repeats a run) in rising order; each run is
# killed as soon as the database holds at least its threshold, i.e. at a
# random moment of the batch being written after it. Under the ASan build
# 3,000 files and 2 kills (each import there is 4-5x slower; what a kill
# tests is sqlite's commit, the same in both builds).
# shellcheck source=tests/e2e/safety_lib.sh
. "$(dirname "$0")/safety_lib.sh"
N=8000 KILLS=4
if sanitized; then N=3000 KILLS=2; fi
seed=${HUIYI_SEED:-$RANDOM}
RANDOM=$seed
db=$T/huiyi.db
corpus "$N"
count() { stored "$db" 2>/dev/null; }

t0=$SECONDS
stored=0 points=()
for k in $(seq 1 $KILLS); do
	# threshold k: a random count in the k-th of KILLS equal slices of
	# the first 80 % of the files, past what is stored already
	lo=$(( (k - 1) * N * 8 / 10 / KILLS )) hi=$(( k * N * 8 / 10 / KILLS ))
	[ "$lo" -le "$stored" ] && lo=$((stored + 1))
	[ "$hi" -le "$lo" ] && hi=$((lo + 1))
	th=$(( lo + (RANDOM * 32768 + RANDOM) % (hi - lo) ))
	"$HUIYI_BIN" -d "$db" import "$T/in" >"$T/run$k.out" 2>&1 &
	pid=$!
	rows=0
	for _ in $(seq 1 6000); do
		kill -0 "$pid" 2>/dev/null || break
		if [ -f "$db" ]; then
			rows=$(count || echo 0)
			[ "${rows:-0}" -ge "$th" ] && break
		fi
		sleep 0.01
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -9 "$pid"
		wait "$pid" 2>/dev/null || true
	else
		wait "$pid" || true
		fail "kill $k: the import finished before it could be killed (threshold $th; seed $seed)"
	fi
	now=$(sql "$db" 'SELECT count(*) FROM meetings')
	echo "kill $k: threshold $th, $rows seen, $now stored at the kill"
	[ "$now" -ge "$stored" ] || fail "kill $k: $now stored, fewer than $stored before"
	[ "$now" -lt "$N" ] || fail "kill $k: everything stored before the kill"
	[ $((now % BATCH)) = 0 ] || fail "kill $k: $now meetings: a batch was split"
	whole "$db" "after kill $k (seed $seed)"
	points+=("$now")
	stored=$now
done

run 0 hy -d "$db" import "$T/in"
has "$T/err" "imported $((N - stored)), duplicates skipped $stored, rejected 0"
whole "$db" "after the last run (seed $seed)"
[ "$(sql "$db" 'SELECT count(*) FROM meetings')" = "$N" ] || fail "not every file stored"
# Every file is there: the stored sources are exactly the files.
find "$T/in" -type f -exec realpath {} + | sort >"$T/files"
sqlite3 -batch "$db" 'SELECT source FROM meetings' | sort >"$T/stored"
cmp -s "$T/files" "$T/stored" || fail "stored sources differ from the files"
echo "import_kill9: ok: $N files, $KILLS crash points tried (stored at each kill: ${points[*]}; seed $seed), $((SECONDS - t0))s"
