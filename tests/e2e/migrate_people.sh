#!/usr/bin/env bash
# v18 → v19 (the people stored once, DESIGN.md §2): a database made at v18
# by this build (tests/tools/import-at), whose names were stored twice
# (meeting_people and appearances), brought to v19 keeps every link as an
# appearance with its name as written, and gives what a database imported
# at v19 gives: show --json of every meeting, list, search, trend and
# export by every name and piece of one, the people pages, every career.
. "$(dirname "$0")/lib.sh"
at=$HUIYI_ROOT/${HUIYI_BUILD:-build}/tests/tools/import-at
[ -x "$at" ] || at=$HUIYI_ROOT/build/tests/tools/import-at
old=$T/v18.db new=$T/v19.db
"$at" "$old" 18 "$HUIYI_ROOT/samples" >"$T/out" 2>"$T/err" || fail "import-at: $(cat "$T/err")"
[ "$(sql "$old" "PRAGMA user_version")" = 18 ] || fail "not made at v18"
sql "$old" "SELECT mp.meeting_id, CASE WHEN mp.invited THEN 'invited' ELSE mp.role END,
	mp.position, p.name, nullif(mp.title, '') FROM meeting_people mp
	JOIN people p ON p.id = mp.person_id ORDER BY 1, 2, 3" >"$T/links.before"
[ -s "$T/links.before" ] || fail "no people at v18"

run 0 hy -d "$old" list
[ "$(sql "$old" "PRAGMA user_version")" = 21 ] || fail "not migrated"
[ "$(sql "$old" "SELECT count(*) FROM sqlite_master WHERE name LIKE 'meeting_people%'")" = 0 ] ||
	fail "meeting_people is still there"
sql "$old" "SELECT a.meeting_id, a.part, a.position, p.name, a.role FROM appearances a
	JOIN people p ON p.id = a.name_id ORDER BY 1, 2, 3" >"$T/links.after"
cmp -s "$T/links.before" "$T/links.after" ||
	fail "links changed: $(diff "$T/links.before" "$T/links.after" | head -5)"
[ -z "$(sql "$old" "PRAGMA foreign_key_check")" ] || fail "foreign keys broken"

# the same as a database imported at v19 (the same files, the same ids)
run 0 hy -d "$new" import "$HUIYI_ROOT/samples"
same() { # what: the command's output (and status) on both databases
	local what=$1 a=0 b=0
	shift
	hy -d "$old" "$@" >"$T/a" 2>&1 || a=$?
	echo "status $a" >>"$T/a"
	hy -d "$new" "$@" >"$T/b" 2>&1 || b=$?
	echo "status $b" >>"$T/b"
	cmp -s "$T/a" "$T/b" || fail "$what differs after the migration: $(diff "$T/a" "$T/b" | head -5)"
}
for id in $(sql "$new" "SELECT id FROM meetings ORDER BY id"); do
	same "show $id" show "$id" --json
done
names=$(sql "$new" "SELECT name FROM people UNION SELECT substr(name, 1, 1) FROM people
	UNION SELECT substr(name, 2) FROM people ORDER BY 1")
# (under the sanitizers every fifth: the same code for each)
if sanitized; then names=$(awk 'NR % 5 == 1' <<<"$names"); fi
n=0
while IFS= read -r p; do
	[ -n "$p" ] || continue
	n=$((n + 1))
	same "list --person $p" list --person "$p" --json
	same "search --person $p" search 会议 --person "$p" --json --limit 50
	same "trend --person $p" trend 会议 --person "$p" --json
	same "people $p" people "$p" --json
	same "export --person $p" export --format csv --person "$p" --out -
done <<<"$names"
[ "$n" -gt 20 ] || { sanitized && [ "$n" -gt 4 ]; } || fail "too few names: $n"
for s in count name last; do
	same "people --sort $s" people --sort "$s" --json
	same "people --sort $s --from" people --sort "$s" --from 2020-01-01 --json
done
run 0 hy -d "$old" export --format csv --out "$T/exp.old"
run 0 hy -d "$new" export --format csv --out "$T/exp.new"
diff -r "$T/exp.old" "$T/exp.new" >/dev/null || fail "export differs after the migration"
echo "ok: $n names"
