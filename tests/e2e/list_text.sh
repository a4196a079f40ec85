#!/usr/bin/env bash
# list (text): columns aligned by display width (CJK counts 2), in a UTF-8
# and in a C locale; titles not cut when piped; filters agree with JSON.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db
for i in 1 2 3 4 5; do fixture "f$i.txt" "$i"; done
printf 'Plain ASCII title only\n' >"$T/fx/ascii.txt"
mv "$T/fx/ascii.txt" "$T/ascii.txt"
run 0 hy import "$HUIYI_ROOT/samples" "$T/fx"
run 0 hy import --force "$T/ascii.txt" # no readout: a row of unknowns
n=$(sql "$HUIYI_DB" 'SELECT count(*) FROM meetings')

aligned() { # FILE: header + rows, every column starts at one display column
	python3 - "$1" <<'PY'
import sys, unicodedata
def cells(line):
    out = []
    for ch in line:
        out.append(ch)
        if unicodedata.east_asian_width(ch) in "WF":
            out.append(None)  # the right half of a wide character
    return out
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
head = cells(lines[0])
starts = [i for i, c in enumerate(head)
          if c not in (" ", None) and (i == 0 or head[i - 1] == " ")]
labels = lines[0].split()
assert labels == ["ID", "Date", "Body", "Meeting", "No.", "Chair", "Title"], labels
assert len(starts) == 7, starts
idw = starts[1] - 2  # ID is right-aligned in this width
for ln in lines[1:]:
    c = cells(ln)
    assert c[idw - 1] not in (" ", None), "ID not right-aligned: %r" % ln
    for s in starts[1:]:
        assert c[s - 1] == " " and c[s] not in (" ", None), \
            "column at %d misaligned in %r" % (s, ln)
PY
}
run 0 hy list
lines "$T/out" $((n + 1))
aligned "$T/out" || fail "list columns not aligned (UTF-8 locale)"
has "$T/out" "Plain ASCII title only"
# Titles are whole when piped: every JSON title appears in the text.
cp "$T/out" "$T/text"
run 0 hy list --json
python3 - "$T/out" "$T/text" <<'PY' || fail "titles cut when piped"
import json, sys
text = open(sys.argv[2], encoding="utf-8").read()
for l in open(sys.argv[1], encoding="utf-8"):
    t = json.loads(l)["title"]
    assert t in text, t
PY

# Not a UTF-8 locale: widths come from ICU, still aligned.
LC_ALL=C run 0 hy list
aligned "$T/out" || fail "list columns not aligned (C locale)"

# Filters agree with the full list.
run 0 hy list --json
cp "$T/out" "$T/all.json"
check() { # DESCRIPTION PYTHON-PREDICATE-ON-r ARGS...
	local what=$1 pred=$2
	shift 2
	run 0 hy list --json "$@"
	python3 - "$T/all.json" "$T/out" "$pred" <<'PY' || fail "list $what"
import json, sys
allr = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
got = [json.loads(l)["id"] for l in open(sys.argv[2], encoding="utf-8")]
pred = eval("lambda r: " + sys.argv[3])
want = [r["id"] for r in allr if pred(r)]
assert got == want, (got, want)
PY
}
check "--from/--to day" 'r["date"] is not None and "2020-01-01" <= r["date"] <= "2023-12-31"' \
	--from 2020-01-01 --to 2023-12-31
check "--from/--to month and year" 'r["date"] is not None and "2022-07-01" <= r["date"] <= "2024-12-31"' \
	--from 2022-07 --to 2024
check "--to only" 'r["date"] is not None and r["date"] <= "2021-02-28"' --to 2021-02
check "--body" 'r["body"] is not None and "县" in r["body"]' --body 县
chair=$(python3 -c 'import json,sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    if r["chair"]: print(r["chair"]); break' "$T/all.json")
[ -n "$chair" ] || fail "no meeting with a chair to filter on"
run 0 hy list --json --person "$chair"
python3 - "$T/all.json" "$T/out" "$chair" <<'PY' || fail "list --person"
import json, sys
got = {json.loads(l)["id"] for l in open(sys.argv[2], encoding="utf-8")}
want = {json.loads(l)["id"] for l in open(sys.argv[1], encoding="utf-8")
        if json.loads(l)["chair"] == sys.argv[3]}
assert want and want <= got, (want, got)
PY
run 0 hy list --person 没有这个人
[ -s "$T/out" ] && fail "no match but stdout not empty"
has "$T/err" "no meetings match"
echo "list_text: ok"
