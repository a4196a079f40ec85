#!/usr/bin/env bash
# v17 → v18 (the clean text as a zstd frame, DESIGN.md §2): a database
# made at v17 by this build (tests/tools/import-at) and brought to v18
# keeps every meeting's clean text and sections as the sqlite3 shell read
# them before, and shows and finds what a database imported at v18 does
# (show --json of every meeting, search --json, export). A frame damaged
# on the disk is an error that names its meeting.
. "$(dirname "$0")/lib.sh"
at=$HUIYI_ROOT/${HUIYI_BUILD:-build}/tests/tools/import-at
[ -x "$at" ] || at=$HUIYI_ROOT/build/tests/tools/import-at
old=$T/v17.db new=$T/v18.db
# (a dictionary from 10 meetings: the samples are 19)
export HUIYI_CLEAN_DICT_MIN=10
"$at" "$old" 17 "$HUIYI_ROOT/samples" >"$T/out" 2>"$T/err" || fail "import-at: $(cat "$T/err")"
[ "$(sql "$old" "PRAGMA user_version")" = 17 ] || fail "not made at v17"
# before: as the plain sqlite3 shell read it (v17 needs no extension)
sql "$old" "SELECT id, clean FROM meetings ORDER BY id" >"$T/text.before"
sql "$old" "SELECT * FROM sections_text ORDER BY id" >"$T/sections.before"
[ -s "$T/sections.before" ] || fail "no sections at v17"

run 0 hy -d "$old" list
[ "$(sql "$old" "PRAGMA user_version")" = 21 ] || fail "not migrated" # (v18, and on)
[ "$(sql "$old" "SELECT count(*) FROM pragma_table_info('meetings') WHERE name = 'clean'")" = 0 ] ||
	fail "the column clean is still there"
[ "$(sql "$old" "SELECT count(*) FROM clean_dicts")" = 1 ] || fail "no dictionary trained"
sqlx "$old" "SELECT id, hy_clean(cleanz) FROM meetings ORDER BY id" >"$T/text.after"
cmp -s "$T/text.before" "$T/text.after" ||
	fail "clean text changed: $(diff "$T/text.before" "$T/text.after" | head -5)"
sqlx "$old" "SELECT * FROM sections_text ORDER BY id" >"$T/sections.after"
cmp -s "$T/sections.before" "$T/sections.after" ||
	fail "sections changed: $(diff "$T/sections.before" "$T/sections.after" | head -5)"
[ "$(sqlx "$old" "SELECT count(*) FROM meetings WHERE length(cleanz) * 2 < length(CAST(hy_clean(cleanz) AS BLOB))")" = 19 ] ||
	fail "the texts are not compressed"

# the same as a database imported at v18 (the same files, the same ids)
run 0 hy -d "$new" import "$HUIYI_ROOT/samples"
for id in $(sql "$new" "SELECT id FROM meetings ORDER BY id"); do
	run 0 hy -d "$old" show "$id" --json
	mv "$T/out" "$T/show.old"
	run 0 hy -d "$new" show "$id" --json
	cmp -s "$T/show.old" "$T/out" || fail "show $id --json differs after the migration"
done
for q in 会 安全 燃气 财政 殡葬 安全生产 '"安全生产" -燃气'; do
	hy -d "$old" search "$q" --json --limit 50 >"$T/search.old" 2>&1 || true
	hy -d "$new" search "$q" --json --limit 50 >"$T/search.new" 2>&1 || true
	cmp -s "$T/search.old" "$T/search.new" || fail "search $q differs after the migration"
done
run 0 hy -d "$old" export --format jsonl --out "$T/exp.old"
run 0 hy -d "$new" export --format jsonl --out "$T/exp.new"
diff -r "$T/exp.old" "$T/exp.new" >/dev/null || fail "export differs after the migration"

# a frame damaged past the triggers (as a disk might): an error naming
# the meeting, for show and for search, and no crash
sqlx "$old" "DROP TRIGGER meetings_clean_sections; DROP TRIGGER meetings_rawz_check;
	DROP TRIGGER meetings_summary_check;
	UPDATE meetings SET cleanz = substr(cleanz, 1, 12) WHERE id = 3" || fail "could not damage"
run 1 hy -d "$old" show 3
has "$T/err" "meeting 3: its clean text is damaged"
run 1 hy -d "$old" show 3 --json
has "$T/err" "meeting 3"
echo ok
