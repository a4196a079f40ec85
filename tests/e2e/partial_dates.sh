#!/usr/bin/env bash
# Readouts that give a month and day but no year: the year comes from the
# source path, --year or the file time (a guess), in that order; show and
# show --json say where it came from; list marks a guessed year; a page
# without a title line gets one composed from its fields; a file that is no
# readout is rejected unless --force.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db

opening() { # FILE MONTH DAY NUMBER
	cat >"$1" <<EOT
$2月$3日，县委副书记、县长邵建国主持召开县政府第$4次常务会议。副县长吕方出席会议。

会议听取了县住建局关于老旧小区改造进展情况的汇报。
EOT
}

mkdir -p "$T/s/2021/04" "$T/s/plain" "$T/s/given"
opening "$T/s/2021/04/a.txt" 3 28 11 # path: 2021-04 places a March meeting
opening "$T/s/plain/b.txt" 12 20 12  # file time only
touch -d '2023-01-10 12:00 UTC' "$T/s/plain/b.txt"
opening "$T/s/given/c.txt" 6 2 13    # --year
run 0 hy import "$T/s/2021" "$T/s/plain"
run 0 hy import --year 2016 "$T/s/given"

json() { # ID FIELD...: print the fields of show ID --json, one a line
	local id=$1
	shift
	hy show "$id" --json | python3 -c '
import json, sys
o = json.load(sys.stdin)
for k in sys.argv[1:]:
    print(json.dumps(o[k], ensure_ascii=False))' "$@"
}
id_of() { sql "$HUIYI_DB" "SELECT id FROM meetings WHERE source LIKE '%/$1'"; }

a=$(id_of a.txt) b=$(id_of b.txt) c=$(id_of c.txt)
[ "$(json "$a" date date_basis date_precision guessed | tr '\n' ' ')" = \
	'"2021-03-28" "path" "day" ["title"] ' ] || fail "path year: $(json "$a" date date_basis guessed)"
[ "$(json "$b" date date_basis date_precision guessed month_day | tr '\n' ' ')" = \
	'"2022-12-20" "file-time" "month-day" ["year", "title"] "12-20" ' ] ||
	fail "file-time year: $(json "$b" date date_basis date_precision guessed)"
[ "$(json "$c" date date_basis | tr '\n' ' ')" = '"2016-06-02" "given" ' ] ||
	fail "--year: $(json "$c" date date_basis)"
# the title no page gave is composed, and says so
[ "$(json "$a" title)" = '"县政府第11次常务会议 3月28日"' ] || fail "composed title: $(json "$a" title)"

run 0 hy show "$b"
has "$T/out" "Date       2022-12-20 (year guessed from the file's time)"
has "$T/out" "(composed from the text)"
run 0 hy show "$a"
has "$T/out" "Date       2021-03-28 (year from the source's path)"

# list: the guessed year is marked, the others are not; sorted by the
# best date (2022 guess after 2021 after 2016, newest first)
run 0 hy list
has "$T/out" "2022-12-20?"
has "$T/out" "2021-03-28 "
hasnt "$T/out" "2021-03-28?"
order=$(grep -o '20[0-9][0-9]-[0-9-]*' "$T/out" | tr '\n' ' ')
[ "$order" = "2022-12-20 2021-03-28 2016-06-02 " ] || fail "list order: $order"
run 0 hy list --from 2021-01-01 --to 2021-12-31
has "$T/out" "2021-03-28"
hasnt "$T/out" "2016-06-02"

# No year anywhere (standard input has no path and no time): month and day
# stay, the date is unknown, the list shows the day without a year.
opening "$T/d.txt" 5 9 14
run 0 hy import - <"$T/d.txt"
d=$(sql "$HUIYI_DB" "SELECT id FROM meetings WHERE number = 14")
[ "$(json "$d" date month_day date_precision | tr '\n' ' ')" = 'null "05-09" "month-day" ' ] ||
	fail "no year: $(json "$d" date month_day date_precision)"
run 0 hy list
has "$T/out" "5月9日"
run 0 hy show "$d"
has "$T/out" "Date       05-09 (year unknown)"

# Not a readout: rejected with a reason and counted; --force stores it.
printf 'import os, sys\nfor name in os.listdir(sys.argv[1]):\n    print(name)\n' >"$T/s/scrape.py"
run 1 hy import "$T/s/scrape.py"
has "$T/err" "not a meeting readout"
has "$T/err" "rejected 1"
[ -z "$(id_of scrape.py)" ] || fail "a script was stored as a meeting"
run 0 hy import --force "$T/s/scrape.py"
[ -n "$(id_of scrape.py)" ] || fail "--force did not store it"
# rules for meetings, with meeting words but no meeting of their own: the
# reason says so
printf '第一条 县长办公会议由县长召集和主持。\n第二条 会议议题由县长确定，一般每月召开一次。\n' >"$T/s/rules.txt"
run 1 hy import "$T/s/rules.txt"
has "$T/err" "not a meeting readout (rules for meetings"

run 2 hy import --year 20x6 "$T/s/given"
has "$T/err" "--year"
echo "ok"
