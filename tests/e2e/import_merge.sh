#!/usr/bin/env bash
# The same meeting from many places (issue 13, schema v11): a repost in
# the other script, with other punctuation, pinyin glosses and page chrome,
# becomes another source of the stored meeting, never a second meeting; a
# standing meeting of the same county a week later, sharing most of its
# wording, stays a meeting of its own. show lists the sources, split
# undoes the merge, import --no-merge keeps them apart, and a database of
# schema v10 is brought to v16 with every meeting kept, each its own
# source. Fixtures: tests/fixtures/dups (written by us).
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db
F=$HUIYI_ROOT/tests/fixtures/dups
A=$F/a_county.txt B=$F/b_next_week.txt C=$F/a_repost_trad.txt

run 0 hy import "$A" "$B" "$C"
has "$T/err" "imported 2, 1 merged into meetings already stored, duplicates skipped 0"
run 0 hy list --json
[ "$(grep -o '"id":' "$T/out" | wc -l)" = 2 ] || fail "two meetings expected: $(cat "$T/out")"
# the meeting once in search results, whichever script is searched
run 0 hy search 北区供热管网 --json
[ "$(grep -o '"meeting":' "$T/out" | wc -l)" = 1 ] || fail "search: $(cat "$T/out")"
run 0 hy search 北區供熱管網 --json
[ "$(grep -o '"meeting":' "$T/out" | wc -l)" = 1 ] || fail "search: $(cat "$T/out")"

# show: the sources, the shown one first
run 0 hy show 1
tr '\n' ' ' <"$T/out" | tr -s ' ' >"$T/flat" # (show wraps at 80 columns)
has "$T/flat" "Source 1. $(realpath "$A") (simplified, shown)"
has "$T/flat" "2. $(realpath "$C") (traditional)"
run 0 hy show 2
hasnt "$T/out" "Source"
run 0 hy show 1 --json
python3 - "$T/out" "$(realpath "$A")" "$(realpath "$C")" <<'PY'
import json, sys
o = json.load(open(sys.argv[1], encoding="utf-8"))
assert o["sources"] == [
    {"source": sys.argv[2], "url": None, "script": "hans", "shown": True},
    {"source": sys.argv[3], "url": None, "script": "hant", "shown": False},
], o["sources"]
assert o["source"] == sys.argv[2] and o["date"] == "2025-03-10", o
PY
# a source's bytes again: a duplicate, as a meeting's are
run 0 hy import "$C" "$A"
has "$T/err" "imported 0, duplicates skipped 2"

# split: the repost is a meeting of its own again, parsed as an import would
run 0 hy split 1
has "$T/err" "meeting 1: 1 source split off as meeting 3"
run 0 hy show 3 --json
python3 - "$T/out" "$(realpath "$C")" <<'PY'
import json, sys
o = json.load(open(sys.argv[1], encoding="utf-8"))
assert o["date"] == "2025-03-10" and o["number"] == 12, o
assert o["title"] == "青石縣人民政府召開第十二次常務會議", o["title"]
assert [s["source"] for s in o["sources"]] == [sys.argv[2]], o["sources"]
assert o["sources"][0]["shown"] is True
PY
run 0 hy show 1 --json
grep -c '"source":' "$T/out" | grep -qx 2 || fail "meeting 1 keeps one source"
# both meetings are found again, each once
run 0 hy search 北區供熱管網 --json
[ "$(grep -o '"meeting":' "$T/out" | wc -l)" = 2 ] || fail "search after split: $(cat "$T/out")"
# a JSON Lines line of the same meeting, with its address: merged, the
# address kept as the source's url
python3 - "$C" "$T/feed.jsonl" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read().replace("首页 > 政务公开 > 政府会议\n", "")
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(json.dumps({"url": "http://www.example.gov.cn/zwgk/2025/0311/12.html",
                        "content": text}, ensure_ascii=False) + "\n")
PY
run 0 hy import "$T/feed.jsonl"
has "$T/err" "imported 0, 1 merged into meetings already stored"
run 0 hy show 1 --json
has "$T/out" '"url": "http://www.example.gov.cn/zwgk/2025/0311/12.html"'
has "$T/out" "\"source\": \"$T/feed.jsonl#1\""
run 0 hy split 1
has "$T/err" "split off as meeting 4"
run 0 hy split 1
has "$T/err" "meeting 1 has one source: nothing to split"
run 1 hy split 99
has "$T/err" "no meeting with id 99"
run 2 hy split
run 2 hy split x
run 0 hy list --json
[ "$(grep -o '"id":' "$T/out" | wc -l)" = 4 ] || fail "four meetings after split"
sql "$HUIYI_DB" "PRAGMA foreign_key_check" | grep -q . && fail "foreign keys broken"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM sources")" = 4 ] || fail "sources after split"

# --no-merge: each a meeting of its own
export HUIYI_DB=$T/apart.db
run 0 hy import --no-merge "$A" "$C"
has "$T/err" "imported 2, duplicates skipped 0"
hasnt "$T/err" "merged"

# v10 → v20: a database without v11's tables (and v17's) (as huiyi before v11 made
# it) keeps its meetings, each its own one shown source, with a fingerprint
export HUIYI_DB=$T/old.db
run 0 hy import "$A" "$B"
# (v20's summaries as ranges of the clean text back to their text, and
# meetings_fts over meetings again with the triggers a v19 database has,
# those of a database made at v19 by this build: tests/tools/import-at)
at=$HUIYI_ROOT/${HUIYI_BUILD:-build}/tests/tools/import-at
[ -x "$at" ] || at=$HUIYI_ROOT/build/tests/tools/import-at
"$at" "$T/v19.db" 19 "$A" >/dev/null 2>&1 || fail "import-at 19 failed"
v19=$(sql "$T/v19.db" "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master
	WHERE name IN ('meetings_fts', 'meetings_fts_insert', 'meetings_fts_delete',
	'meetings_fts_update', 'meetings_lens_update', 'meetings_bounds_update',
	'meetings_bounds_delete') ORDER BY rowid)")
sqlx "$HUIYI_DB" "DROP TRIGGER meetings_summary_check; DROP TRIGGER meetings_fts_insert;
	DROP TRIGGER meetings_fts_delete; DROP TRIGGER meetings_fts_update;
	DROP TRIGGER meetings_lens_update; DROP TRIGGER meetings_bounds_update;
	DROP TRIGGER meetings_bounds_delete;
	UPDATE meetings SET summary = (SELECT v.summary FROM meetings_text v WHERE v.id = meetings.id),
	summary_at = NULL, summary_len = NULL WHERE summary_at IS NOT NULL;
	DROP VIEW meetings_text; DROP TABLE meetings_fts;
	ALTER TABLE meetings DROP COLUMN summary_at; ALTER TABLE meetings DROP COLUMN summary_len;
	$v19;
	INSERT INTO meetings_fts (meetings_fts, rank) VALUES ('automerge', 16);
	INSERT INTO meetings_fts (meetings_fts) VALUES ('rebuild');" || fail "v19 summaries not made"
# (v18's clean text as a zstd frame back to the column clean of before,
# with the sections' text: the v10 steps below then go as they did)
sqlx "$HUIYI_DB" "DROP TRIGGER meetings_rawz_check; DROP TRIGGER meetings_clean_sections;
	DROP TRIGGER sections_fts_insert; DROP TRIGGER sections_fts_delete;
	DROP TRIGGER sections_fts_update; DROP TRIGGER sections_bounds_update;
	DROP TRIGGER sections_bounds_delete;
	UPDATE sections SET text = (SELECT v.text FROM sections_text v WHERE v.id = sections.id),
	at = NULL, len = NULL WHERE at IS NOT NULL;
	DROP VIEW sections_text;
	ALTER TABLE meetings ADD COLUMN clean TEXT NOT NULL DEFAULT '';
	UPDATE meetings SET clean = hy_clean(cleanz);
	ALTER TABLE meetings DROP COLUMN cleanz; DROP TABLE clean_dicts;
	CREATE VIEW sections_text (id, meeting_id, n, heading, text) AS
	SELECT id, meeting_id, n, heading, text FROM sections" || fail "v17 clean text not made"
# (v19's appearances back to the links of before and the derived
# appearances, each the person's: the v19 step below then goes as it did)
trig=$(sql "$HUIYI_DB" "SELECT sql FROM sqlite_master WHERE name = 'appearances_delete'")
sqlx "$HUIYI_DB" "CREATE TABLE meeting_people (
	meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('chair', 'attendee', 'observer')),
	position INTEGER NOT NULL, person_id INTEGER NOT NULL REFERENCES people(id),
	title TEXT, invited INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (meeting_id, role, position)) WITHOUT ROWID;
	CREATE INDEX meeting_people_by_person ON meeting_people(person_id, meeting_id);
	INSERT INTO meeting_people SELECT meeting_id,
	CASE part WHEN 'invited' THEN 'observer' ELSE part END, position, name_id, role,
	part = 'invited' FROM appearances;
	CREATE TABLE appearances_old (
	person_id INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
	date TEXT NOT NULL,
	meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
	part TEXT NOT NULL CHECK (part IN ('chair', 'attendee', 'observer', 'invited')),
	position INTEGER NOT NULL, role TEXT,
	PRIMARY KEY (person_id, date, meeting_id, part, position)) WITHOUT ROWID;
	INSERT INTO appearances_old SELECT person_id, date, meeting_id, part, position, role
	FROM appearances WHERE person_id > 0;
	DROP TABLE appearances; ALTER TABLE appearances_old RENAME TO appearances;
	CREATE INDEX appearances_by_meeting ON appearances(meeting_id, person_id);
	$trig;" || fail "v18 people not made"
sql "$HUIYI_DB" "DROP TRIGGER simhash_day; DROP TABLE sources; DROP TABLE simhash_bands; DROP TABLE simhash;
	DROP TRIGGER sections_bounds_insert; DROP TRIGGER IF EXISTS sections_bounds_update;
	DROP TRIGGER IF EXISTS sections_bounds_delete; DROP TRIGGER meetings_bounds_insert;
	DROP TRIGGER meetings_bounds_update; DROP TRIGGER meetings_bounds_delete;
	DROP TABLE fts_bounds; DROP TABLE fts_bounds_meta; DROP TABLE fts_bounds_pending;
	DROP TABLE fts_df; DROP TABLE fts_bounds_gone;
	PRAGMA user_version = 10"
# and without v13's people.key (dropping a column checks the triggers, which
# need the search tokenizer: the extension has it), and with v13's raw
# bytes as they were read instead of v14's packed ones (and their checks)
sqlx "$HUIYI_DB" "ALTER TABLE people DROP COLUMN key;
	DROP TRIGGER IF EXISTS meetings_rawz_check;
	ALTER TABLE meetings ADD COLUMN raw BLOB NOT NULL DEFAULT x'';
	UPDATE meetings SET raw = hy_raw(rawz, clean);
	ALTER TABLE meetings DROP COLUMN rawz" || fail "v10 columns not made"
# and with v15's sections as ranges holding their text again (the search
# index goes with its triggers: v15 makes it again)
sqlx "$HUIYI_DB" "DROP TRIGGER IF EXISTS sections_fts_insert; DROP TRIGGER IF EXISTS sections_fts_delete;
	DROP TRIGGER IF EXISTS sections_fts_update; DROP TRIGGER sections_lens_update;
	DROP TRIGGER meetings_sections_delete; DROP TRIGGER IF EXISTS meetings_clean_sections;
	DROP TABLE sections_fts;
	UPDATE sections SET text = (SELECT v.text FROM sections_text v WHERE v.id = sections.id);
	DROP VIEW sections_text;
	ALTER TABLE sections DROP COLUMN at; ALTER TABLE sections DROP COLUMN len" ||
	fail "v10 sections not made"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM sections WHERE text = ''")" = 0 ] ||
	fail "v10 sections' text not made"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM meetings WHERE raw = readfile('$(realpath "$A")')
	OR raw = readfile('$(realpath "$B")')")" = 2 ] || fail "v10 raw bytes not made"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM sqlite_master WHERE name LIKE 'simhash%' OR name LIKE 'sources%'")" = 0 ] ||
	fail "v10 database not made"
run 0 hy list
[ "$(sql "$HUIYI_DB" "PRAGMA user_version")" = 21 ] || fail "not migrated"
# the raw bytes kept exactly, packed (v14)
[ "$(sqlx "$HUIYI_DB" "SELECT count(*) FROM meetings WHERE length(rawz) < length(hy_clean(cleanz))
	AND (hy_raw(rawz, hy_clean(cleanz)) = readfile('$(realpath "$A")')
	OR hy_raw(rawz, hy_clean(cleanz)) = readfile('$(realpath "$B")'))")" = 2 ] || fail "raw bytes lost in v14"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM sources s JOIN meetings m ON m.id = s.meeting_id
	AND m.sha256 = s.sha256 AND m.source = s.source AND s.shown = 1 AND s.rawz IS NULL")" = 2 ] ||
	fail "each meeting its own source: $(sql "$HUIYI_DB" "SELECT * FROM sources")"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM simhash WHERE hash IS NOT NULL")" = 2 ] ||
	fail "fingerprints not made"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM simhash_bands")" = 8 ] || fail "bands not made"
# the sections ranges of the clean text again (v15), read as they were
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM sections WHERE at IS NOT NULL AND text = ''")" -gt 0 ] ||
	fail "no section made a range"
[ "$(sqlx "$HUIYI_DB" "SELECT count(*) FROM sections_text WHERE text = ''")" = 0 ] ||
	fail "a section lost its text in v15"
run 0 hy import "$C"
has "$T/err" "imported 0, 1 merged into meetings already stored"
run 0 hy show 1 --json
grep -c '"shown":' "$T/out" | grep -qx 2 || fail "migrated meeting did not take the repost"
# --replace of the shown file: the meeting is parsed again and keeps its
# other source; of the other source: it is read again into the same meeting
run 0 hy import --replace "$A"
has "$T/err" "imported 0, replaced 1,"
[ "$(sqlx "$HUIYI_DB" "SELECT count(*) FROM sources WHERE shown = 0 AND source = '$(realpath "$C")'
	AND hy_raw(rawz, clean) = readfile(source)")" = 1 ] || fail "--replace lost the other source: $(sql "$HUIYI_DB" "SELECT meeting_id, source, shown FROM sources")"
run 0 hy import --replace "$C"
has "$T/err" "1 merged into meetings already stored"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM sources")" = 3 ] || fail "sources after --replace"
a=$(sql "$HUIYI_DB" "SELECT meeting_id FROM sources WHERE source = '$(realpath "$A")'")
[ "$(sql "$HUIYI_DB" "SELECT meeting_id FROM sources WHERE source = '$(realpath "$C")'")" = "$a" ] ||
	fail "the repost left its meeting"
# deleting a meeting takes its sources and fingerprint
run 0 hy delete "$a"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM sources")" = 1 ] || fail "sources left"
[ "$(sql "$HUIYI_DB" "SELECT count(*) FROM simhash_bands")" = 4 ] || fail "bands left"
# two counties' standing meetings of one day with one number, their
# words the same but for the place, the people and the items: two
# meetings (tests/tools/gen_readouts.py: readouts i and i + 3880 are such
# a pair, and 4,000 readouts hold 120 pairs)
python3 "$HUIYI_ROOT/tests/tools/gen_readouts.py" "$T/gen" 4000 >/dev/null
run 0 hy -d "$T/gen.db" import "$T/gen"
has "$T/err" "imported 4000, duplicates skipped 0"
grep -q merged "$T/err" && fail "meetings of other counties merged: $(cat "$T/err")"
echo "ok: merge, show, split, --no-merge, v10 → v15, other counties' meetings of a day apart"
