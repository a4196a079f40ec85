#!/usr/bin/env bash
# browser_sources.sh (issue 13): S in a meeting that came from several
# places reads it as each source in turn (the county's page, a repost
# that lost paragraphs, a traditional-script repost with glosses) and
# back to the one shown first; the status line says which (来源 k/n) and
# the message names the file; a meeting of one source says so.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

"$HUIYI_BIN" -d "$T/db" import "$HUIYI_ROOT/tests/fixtures/dups" >"$T/import.out" 2>&1 ||
	fail "import: $(cat "$T/import.out")"
grep -q "2 merged into meetings already stored" "$T/import.out" ||
	fail "the reposts did not merge: $(cat "$T/import.out")"

start_shell 100 30
type_line "hy; echo EXIT=\$?"
wait_status '^ meeting 1/2 '
# the list is newest first: the merged meeting is the older one
keys G Enter
wait_status 'source 1/3: .*a_county\.txt \(shown first; S: the next\)'
keys S
wait_status 'source 2/3: .*a_repost_cut\.txt'
keys S
wait_status 'source 3/3: .*a_repost_trad\.txt'
line 1 | grep -qF '青石縣人民政府召開第十二次常務會議' || fail "source 3 is not the traditional repost: $(line 1)"
keys j
wait_status ' · source 3/3'
keys S
wait_status 'source 1/3: .*a_county\.txt'
line 1 | grep -qF '青石县人民政府召开第十二次常务会议' || fail "back to the first source: $(line 1)"
# a meeting of one source
keys q g Enter
wait_status '^ meeting 1/2 · §'
keys S
wait_status 'this meeting has one source'
keys q q
wait_for 'EXIT=0'
san_check
echo ok
