#!/usr/bin/env bash
# Numbers on the command line read one way (" 5" and "5 " both refused,
# not one of them), HUIYI_THREADS out of range is said, and a file one byte
# over the size limit says the exact sizes.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db
fixture a.txt 3
run 0 hy import "$T/fx/a.txt"
for bad in " 5" "5 " "+5" "-5" "0x5" "5e1" "" "99999999999999999999999"; do
	run 2 hy search 春耕 --limit "$bad"
	has "$T/err" "--limit"
done
run 0 hy search 春耕 --limit 5
for bad in " 1" "1 " "01x"; do
	run 2 hy show "$bad"
done
run 0 hy show 1
run 2 hy import --year " 2016" "$T/fx/a.txt"
run 2 hy import --year "2016 " "$T/fx/a.txt"

# HUIYI_THREADS that is no number from 1 to 64: said, and the import goes on
fixture b.txt 4
HUIYI_THREADS=100 run 0 hy import "$T/fx/b.txt"
has "$T/err" "HUIYI_THREADS=100 is not a number from 1 to 64"
has "$T/err" "imported 1"

# one byte over the limit: the exact sizes
truncate -s 16777217 "$T/over.txt"
run 1 hy import "$T/over.txt"
has "$T/err" "file too large (16,777,217 bytes, over the limit of 16,777,216 bytes)"
echo ok
