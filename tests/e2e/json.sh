#!/usr/bin/env bash
# show --json: exactly the keys, in order; nulls; source is the realpath;
# sha256 of the raw bytes; --section N. list --json: JSON Lines.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db
mkdir -p "$T/real"
fixture a.txt 12
cp "$T/fx/a.txt" "$T/real/a.txt"
ln -s "$T/real" "$T/link"
printf '只有一行字\n' >"$T/real/bare.txt"
run 0 hy import "$T/link/a.txt" "$HUIYI_ROOT/samples"
run 0 hy import --force "$T/real/bare.txt" # no readout: every field null
run 0 hy import - <"$T/fx/a.txt" # same bytes: a duplicate, not stored
id=$(sql "$HUIYI_DB" "SELECT id FROM meetings WHERE source LIKE '%/real/a.txt'")
bare=$(sql "$HUIYI_DB" "SELECT id FROM meetings WHERE source LIKE '%/bare.txt'")
[ -n "$id" ] && [ -n "$bare" ] || fail "fixtures not imported"

check_show() { # FILE SOURCE-PATH
	python3 - "$@" <<'PY'
import hashlib, json, os, sys
o = json.load(open(sys.argv[1], encoding="utf-8"))
keys = ["id", "title", "published", "date", "month_day", "date_precision",
        "date_basis", "body", "place", "kind", "number", "chair", "attendees",
        "observers", "units", "guessed", "summary", "sections", "source", "sha256",
        "sources"]
assert list(o) == keys, "keys: %r" % list(o)
# schema v11: the meeting's own source, shown, first
src = o["sources"][0]
assert list(src) == ["source", "url", "script", "shown"], list(src)
assert src["shown"] is True and src["source"] == o["source"], src
assert o["date_precision"] in ("day", "month-day", "none"), o["date_precision"]
assert o["date_basis"] in (None, "text", "publish", "path", "given", "file-time")
assert (o["date"] is None) == (o["date_basis"] is None), o
assert o["date"] is None or o["month_day"] == o["date"][5:], o
assert isinstance(o["guessed"], list)
assert set(o["guessed"]) <= {"year", "title"}, o["guessed"]
assert isinstance(o["id"], int)
assert o["source"] == os.path.realpath(sys.argv[2]), o["source"]
raw = open(sys.argv[2], "rb").read()
assert o["sha256"] == hashlib.sha256(raw).hexdigest(), o["sha256"]
assert o["number"] is None or (isinstance(o["number"], int) and o["number"] > 0)
assert o["chair"] is None or list(o["chair"]) == ["name", "role"], o["chair"]
assert isinstance(o["attendees"], list) and isinstance(o["observers"], list)
for s in o["sections"]:
    assert list(s) == ["n", "heading", "text"], list(s)
    assert isinstance(s["n"], int) and isinstance(s["text"], str)
PY
}
run 0 hy show "$id" --json
check_show "$T/out" "$T/real/a.txt" || fail "show $id --json"
python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert len(o["sections"]) >= 1, o' "$T/out" ||
	fail "a readout with agenda paragraphs has no sections"

# Unknown values are null, never guessed; number 0 is null.
run 0 hy show "$bare" --json
check_show "$T/out" "$T/real/bare.txt" || fail "show $bare --json"
python3 - "$T/out" <<'PY' || fail "unknown values are not null"
import json, sys
o = json.load(open(sys.argv[1], encoding="utf-8"))
assert o["title"] == "只有一行字", o["title"]
for k in ("published", "date", "number", "chair"):
    assert o[k] is None, (k, o[k])
PY

# --section N: that section only.
run 0 hy show "$id" --section 1 --json
python3 - "$T/out" <<'PY' || fail "show --section 1 --json"
import json, sys
o = json.load(open(sys.argv[1], encoding="utf-8"))
assert [s["n"] for s in o["sections"]] == [1], o["sections"]
PY
run 1 hy show "$id" --section 99 --json
has "$T/err" "no section 99"
run 1 hy show 999999 --json
has "$T/err" "huiyi: no meeting with id 999999"

# Standard input: source "-".
fixture s.txt 13
run 0 hy import - <"$T/fx/s.txt"
sid=$(sql "$HUIYI_DB" "SELECT id FROM meetings WHERE source = '-'")
run 0 hy show "$sid" --json
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["source"] == "-"' "$T/out" ||
	fail "stdin source is not '-'"

# list --json: one object per line, fixed keys, newest date first.
run 0 hy list --json
n=$(sql "$HUIYI_DB" 'SELECT count(*) FROM meetings')
lines "$T/out" "$n"
python3 - "$T/out" <<'PY' || fail "list --json"
import json, sys
keys = ["id", "date", "body", "kind", "number", "chair", "title", "sections"]
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
for r in rows:
    assert list(r) == keys, list(r)
    assert isinstance(r["sections"], int)
    assert r["number"] is None or r["number"] > 0
dated = [r["date"] for r in rows if r["date"] is not None]
assert dated == sorted(dated, reverse=True), dated
# unknown dates come last
seen_null = False
for r in rows:
    if r["date"] is None:
        seen_null = True
    else:
        assert not seen_null, "a dated meeting after an undated one"
PY
echo "json: ok"
