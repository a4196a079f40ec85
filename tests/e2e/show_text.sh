#!/usr/bin/env bash
# slow: tests/run.sh starts it first
# show (text): the metadata block, the summary, § sections, wrapping;
# --section N; --script (the other script); the bare command (the
# browser) refuses clearly without a database or without a terminal.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db

# No database yet: the browser says what to do, exit 1, creates nothing.
run 1 hy
has "$T/err" "no meetings yet"
has "$T/err" "huiyi import"
[ -e "$HUIYI_DB" ] && fail "the bare command created the database"

fixture a.txt 5
run 0 hy import "$T/fx/a.txt" "$HUIYI_ROOT/samples"
id=$(sql "$HUIYI_DB" "SELECT id FROM meetings WHERE source LIKE '%/fx/a.txt'")
run 0 hy show "$id"
python3 - "$T/out" <<'PY' || fail "show: metadata block"
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
labels = [l.split("  ", 1)[0] for l in lines[:10]]
assert labels == ["Title", "Date", "Published", "Body", "Place", "Meeting", "Chair", "Attendees",
                  "Observers", "Units"], labels
# the label column as wide as the widest label and two spaces (C.UTF-8: English)
assert lines[0] == "Title      石桥县召开县政府第5次常务会议", lines[0]
PY
grep -q '^§1 ' "$T/out" || fail "show: no §1 heading"
nsec=$(sql "$HUIYI_DB" "SELECT count(*) FROM sections WHERE meeting_id = $id")
[ "$(grep -c '^§[0-9]* ' "$T/out")" = "$nsec" ] || fail "show: not $nsec sections"

# Piped, text wraps at 80 display columns.
for m in $(sql "$HUIYI_DB" 'SELECT id FROM meetings'); do
	run 0 hy show "$m"
	python3 - "$T/out" <<'PY' || fail "show $m: a line wider than 80 columns"
import sys, unicodedata
for l in open(sys.argv[1], encoding="utf-8").read().splitlines():
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in l)
    assert w <= 80, (w, l)
PY
done

run 0 hy show "$id" --section 2
head -1 "$T/out" | grep -q '^§2 ' || fail "--section 2 does not start with §2"
hasnt "$T/out" "Title"
hasnt "$T/out" "§1 "

# The bare command without a terminal: one line pointing at the twins.
run 1 hy </dev/null
has "$T/err" "needs a terminal"
has "$T/err" "huiyi list"
[ "$(wc -l <"$T/err")" -eq 1 ] || fail "bare huiyi: more than one line of error"
# --script: the meeting in the other script (OpenCC), the stored text
# unchanged; a meeting already in that script as it is; a bad value is
# a usage error
trad=$(sql "$HUIYI_DB" "SELECT id FROM meetings WHERE source LIKE '%01_baixi%'")
run 0 hy show "$trad" --script simplified
head -1 "$T/out" | grep -qF 'Title      柏溪县政府召开第19次常务会议' ||
	fail "show --script simplified: $(head -1 "$T/out")"
grep -q '縣' "$T/out" && fail "show --script simplified left a traditional 縣"
run 0 hy show "$trad" --script traditional --json
grep -qF '"title": "柏溪縣政府召開第19次常務會議"' "$T/out" || fail "--script traditional on a traditional meeting changed it"
run 0 hy show "$id" --script traditional --section 1
grep -q '會議' "$T/out" || fail "show --script traditional --section 1: $(head -3 "$T/out")"
run 0 hy show "$trad"
head -1 "$T/out" | grep -qF '柏溪縣政府召開' || fail "show after --script: the stored text changed"
run 2 hy show "$trad" --script klingon
has "$T/err" "simplified or traditional"
echo "show_text: ok"
