#!/usr/bin/env bash
# kill -9 an import of 20,000 files at several random points, then run it to
# the end. After every kill: PRAGMA integrity_check is ok, the stored count
# is a whole number of batches, and every stored meeting is whole: its
# sections are all there (as many as the generator wrote, which it records
# in a manifest), its chair is linked, and the search index holds exactly
# the stored rows. The last run imports the rest: every file stored once.
#
# Crash points: KILLS (4) thresholds of committed meetings drawn at random
# (seed printed; HUIYI_SEED=S repeats a run) in rising order; each run is
# killed as soon as the database holds at least its threshold, i.e. at a
# random moment of the batch being written after it. Under the ASan build
# (HUIYI_BUILD contains "san") 6,000 files instead of 20,000 (4-5x slower).
. "$(dirname "$0")/lib.sh"
N=20000
[[ ${HUIYI_BUILD:-build} == *san* ]] && N=6000
KILLS=4
BATCH=500
seed=${HUIYI_SEED:-$RANDOM}
RANDOM=$seed
db=$T/huiyi.db
python3 "$HUIYI_ROOT/tests/tools/gen_readouts.py" "$T/in" "$N" --manifest "$T/manifest"
[ "$(find "$T/in" -type f | wc -l)" = "$N" ] || fail "generator did not write $N files"
sqlite3 -batch "$T/want.db" 'CREATE TABLE want (source TEXT PRIMARY KEY, n INTEGER NOT NULL)'
sqlite3 -batch "$T/want.db" -cmd '.mode tabs' ".import $T/manifest want"
[ "$(sql "$T/want.db" 'SELECT count(*) FROM want')" = "$N" ] || fail "manifest incomplete"

# whole WHEN: the database is intact and every meeting in it is complete.
whole() {
	local res want
	res=$(sqlite3 -batch "$db" "
ATTACH '$T/want.db' AS w;
PRAGMA main.integrity_check;
PRAGMA main.foreign_key_check;
SELECT count(*) - count(DISTINCT sha256) FROM meetings;
SELECT count(*) FROM meetings m LEFT JOIN w.want USING (source)
  WHERE want.n IS NULL;
SELECT count(*) FROM meetings m JOIN w.want USING (source)
  WHERE (SELECT count(*) FROM sections s WHERE s.meeting_id = m.id) <> want.n
     OR (SELECT max(n) FROM sections s WHERE s.meeting_id = m.id) <> want.n;
SELECT count(*) FROM meetings m WHERE NOT EXISTS (SELECT 1 FROM meeting_people p
  WHERE p.meeting_id = m.id AND p.role = 'chair');
SELECT (SELECT count(*) FROM sections) - (SELECT count(*) FROM sections_fts_docsize);
SELECT (SELECT count(*) FROM meetings) - (SELECT count(*) FROM meetings_fts_docsize);")
	want=$(printf 'ok\n0\n0\n0\n0\n0\n0')
	[ "$res" = "$want" ] || fail "$1: not whole: $(echo "$res" | tr '\n' ' ') (want: ok 0 0 0 0 0 0; seed $seed)"
}

count() { sqlite3 -batch "$db" 'PRAGMA busy_timeout = 2000; SELECT count(*) FROM meetings' 2>/dev/null | tail -1; }

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
	whole "after kill $k"
	points+=("$now")
	stored=$now
done

run 0 hy -d "$db" import "$T/in"
has "$T/err" "imported $((N - stored)), duplicates skipped $stored, rejected 0"
whole "after the last run"
[ "$(sql "$db" 'SELECT count(*) FROM meetings')" = "$N" ] || fail "not every file stored"
# Every file is there: the stored sources are exactly the files.
find "$T/in" -type f -exec realpath {} + | sort >"$T/files"
sqlite3 -batch "$db" 'SELECT source FROM meetings' | sort >"$T/stored"
cmp -s "$T/files" "$T/stored" || fail "stored sources differ from the files"
echo "import_kill9: ok: $N files, $KILLS crash points tried (stored at each kill: ${points[*]}; seed $seed), $((SECONDS - t0))s"
