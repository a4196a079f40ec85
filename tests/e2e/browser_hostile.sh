#!/usr/bin/env bash
# browser_hostile.sh: the browser and text that tries to drive the
# terminal: a clear-screen (ESC [2J), an OSC 52 clipboard write, DCS and
# APC strings, report requests (ESC [6n), a reset (ESC c), C1 controls in
# UTF-8 (U+0090, U+009B, U+009D, U+0085) and as a bare byte (0x9B), bidi
# controls (U+202E, U+2066), zero-width and invisible format characters
# (ZWSP, ZWJ, BOM, U+2061, U+FFF9, a tag), BEL, BS and CR: in a title, a
# body, a kind, the chair and the people (出席, 列席), a summary, a section
# heading and text; both as imported (import cleans most of them; the
# invisible ones that survive it are in the attendees, observers and a
# heading) and as found in a database written by something else (the
# browser must defend itself). Also typed into the prompts that do not
# go through any cleaning: `/` in the list (the search results screen
# shows the query), `/` in a meeting, `f` (the filter), and an OSC 52
# typed at a prompt. Screens: the list, both meetings (metadata, people,
# headings, bodies), the search results, the help screen.
#
# Assertions: on every screen only SGR sequences show in the pane
# (capture-pane -e), nothing reaches tmux's clipboard, the controls show
# as placeholders (^[ for ESC, ^G for BEL, U+FFFD for C1, bidi and bad
# bytes) and the invisible ones not at all; and everything the terminal
# received during the whole session, byte for byte (pipe-pane), is
# curses' own sequences only (browser_lib.sh: raw.py). Then the refusals:
# a non-UTF-8 locale, TERM=dumb, stdout not a terminal, a database that
# does not exist: one clear line each, status 1, nothing written to the
# terminal.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

EVIL=$'县政府第7次常务会议\e[2J清屏\e]52;c;ZXZpbA==\a剪贴板\xc2\x9b反\xe2\x80\xae转\a铃'
# More for the database: DCS, APC, a cursor report request, a reset, C1
# DCS/OSC/NEL, a bare 0x9B byte, an isolate, ZWSP, ZWJ, BOM, BS, CR.
RAW=$'\eP1$qm\e\\设备\e_应用\e\\询\e[6n问\ec重置\xc2\x90\xc2\x9d\xc2\x85\x9b字节\xe2\x81\xa6隔\xe2\x80\x8b零\xe2\x80\x8d宽\xef\xbb\xbf退\b回\r车'
# How RAW shows: ESC as ^[, C1, U+2066 and the bad byte as U+FFFD, BS and
# CR as ^H ^M, the zero-width ones not at all.
RAW_SHOWN='^[P1$qm^[\设备^[_应用^[\询^[[6n问^[c重置����字节�隔零宽退^H回^M车'
# Invisible format characters the cleaner keeps: U+2061 + ZWJ, U+FFF9 +
# U+206A, a tag (U+E0041) + U+2062.
S1=$'\xe2\x81\xa1\xe2\x80\x8d' S2=$'\xef\xbf\xb9\xe2\x81\xaa' S3=$'\xf3\xa0\x81\x81\xe2\x81\xa2'
hex() { printf '%s' "$1" | od -An -tx1 -v | tr -d ' \n'; }

# Two readouts: A is imported as it is; B too, and then its title, kind,
# chair, people, summary, heading and body are overwritten with the raw
# controls, as an older version or another tool might have left them.
mkdir -p "$T/in"
printf '%s\n发布时间：2024-03-08 18:00\n\n3月8日，县长周明主持召开县政府第7次常务会议。%s副县长林%s一、陈二出席会议。县财政%s局负责同志列席会议。\n\n会议听取了关于春%s耕备耕工作的汇报%s。\n' \
	"石桥县召开$EVIL" "$EVIL" "$S1" "$S2" "$S3" "$EVIL" >"$T/in/a.txt"
printf '%s\n发布时间：2023-05-09 18:00\n\n5月9日，县长周明主持召开县政府第9次常务会议。\n\n会议听取了关于防汛工作的汇报。会议要求，要压实责任。\n' \
	"石桥县召开县政府第9次常务会议" >"$T/in/b.txt"
run 0 "$HUIYI_BIN" -d "$T/db" import "$T/in"
grep -qF "imported 2," "$T/out" "$T/err" || fail "import: $(cat "$T/out" "$T/err")"
[ "$(sqlite3 "$T/db" "SELECT count(*) FROM people WHERE instr(name, char(8289, 8205)) > 0")" = 1 ] ||
	fail "the attendee 林<U+2061 ZWJ>一 did not survive import (test setup): $(sqlite3 "$T/db" 'SELECT name FROM people')"
# (The full-text triggers need huiyi's tokenizer, and those that read a
# section's text or a summary its hy_clean, which the sqlite3 shell has
# not got: they are set aside for the update and put back as they were;
# huiyi reindex then indexes the new text. The summary, a range of the
# clean text since schema v20, is written whole.)
fts="type = 'trigger' AND tbl_name IN ('meetings', 'sections')
 AND (sql LIKE '%\_fts%' ESCAPE '\' OR sql LIKE '%hy\_clean%' ESCAPE '\')"
drop=$(sqlite3 "$T/db" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE $fts")
trig=$(sqlite3 "$T/db" "SELECT sql || ';' FROM sqlite_master WHERE $fts")
B="(SELECT id FROM meetings WHERE date = '2023-05-09')"
sqlite3 "$T/db" "BEGIN;
$drop
UPDATE meetings SET title = CAST(X'$(hex "柳河县召开$EVIL")' AS TEXT),
 kind = CAST(X'$(hex "常务会议$RAW")' AS TEXT),
 chair = CAST(X'$(hex "周${RAW}明")' AS TEXT), chair_role = CAST(X'$(hex "县长$EVIL")' AS TEXT),
 summary = CAST(X'$(hex "5月9日，县长周明主持召开县政府第9次常务会议。$RAW")' AS TEXT),
 summary_at = NULL, summary_len = NULL
 WHERE id = $B;
UPDATE sections SET heading = CAST(X'$(hex "防汛$EVIL$RAW")' AS TEXT), text = CAST(X'$(hex "正文$EVIL$RAW")' AS TEXT)
 WHERE meeting_id = $B;
DELETE FROM appearances WHERE meeting_id = $B;
INSERT INTO people (name) VALUES (CAST(X'$(hex "林${RAW}一")' AS TEXT)), (CAST(X'$(hex "陈${EVIL}二")' AS TEXT));
INSERT INTO appearances (person_id, date, meeting_id, part, position, name_id)
 SELECT 0, '', $B, 'attendee', 0, id FROM people WHERE name LIKE '林%' AND instr(name, char(27)) > 0;
INSERT INTO appearances (person_id, date, meeting_id, part, position, name_id)
 SELECT 0, '', $B, 'observer', 0, id FROM people WHERE name LIKE '陈%' AND instr(name, char(27)) > 0;
$trig
COMMIT;" || fail "could not write the raw controls into the database"
[ "$(sqlite3 "$T/db" "SELECT count(*) FROM meetings WHERE instr(title, char(27)) > 0")" = 1 ] ||
	fail "could not put the raw controls into the database"
run 0 "$HUIYI_BIN" -d "$T/db" reindex
ok "imported 2 readouts with ESC [2J, OSC 52, U+009B, U+202E, BEL; one rewritten raw in the database (DCS, APC, CSI 6n, ESC c, C1, 0x9B, U+2066, ZWSP, ZWJ, BOM, BS, CR too)"

# Every escape sequence in a capture with attributes (-e) is SGR, and no
# other control character is there.
cat >"$T/sgr.py" <<'EOF'
import re, sys
data = sys.stdin.buffer.read().decode('utf-8')
bad = []
for m in re.finditer(r'[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]', data):
    i = m.start()
    if data[i] == '\x1b' and re.match(r'\x1b\[[0-9;:]*m', data[i:]):
        continue
    bad.append(repr(data[max(0, i - 10):i + 12]))
for b in bad[:10]:
    print('not SGR:', b)
sys.exit(1 if bad else 0)
EOF
only_sgr() {
	local why
	why=$(tm capture-pane -p -e -t t | "$PY" "$T/sgr.py") || fail "$1: $why"
}

no_clipboard() {
	local b
	b=$(tm list-buffers 2>/dev/null || true)
	[ -z "$b" ] || fail "$1: something reached the clipboard: $b"
}

# on_screen WHAT: the pane fits, shows only SGR, nothing in the clipboard.
on_screen() {
	check_screen
	only_sgr "$1"
	no_clipboard "$1"
}

start_shell 100 30
# tmux takes OSC 52 from the application into a paste buffer: make sure
# it would, so that no buffer below means none was sent.
tm set-option -g set-clipboard on
type_line "printf '\\033]52;c;%s\\007' \$(printf probe | base64)"
for ((i = 0; i < 60; i++)); do
	tm list-buffers 2>/dev/null | grep -q . && break
	sleep 0.05
done
[ "$(tm show-buffer 2>/dev/null)" = probe ] || fail "tmux did not take an OSC 52 from the pane (test setup)"
tm delete-buffer
no_clipboard "setup"
ok "tmux is set to take OSC 52 from the pane into a buffer (checked with printf)"

type_line "clear"
wait_re '^\$ ?$'
rec_start
type_line "hy; echo SESSION_EXIT=\$?"
wait_status '^ meeting 1/2 '
on_screen "the list"
line 1 | grep -qE '^ huiyi · 2 meetings · sort: date' || fail "list header: $(line 1)"
line 2 | grep -qE '^Date +Body +Meeting +Chair +Title' || fail "column header: $(line 2)"
line 3 | grep -qE '^2024-03-08 .*石桥县召开县政府第7次常务会议清屏剪贴板反转铃' ||
	fail "the imported title (cleaned on import): $(line 3)"
line 4 | grep -qF '2023-05-09' || fail "second row: $(line 4)"
line 4 | grep -qF '柳河县召开县政府第7次常务会议^[[2J清屏^[]52;c' ||
	fail "the raw title does not show ESC as ^[: $(line 4)"
line 4 | grep -qF '常务会议^[P1' || fail "the raw kind does not show ESC as ^[: $(line 4)"
line 4 | grep -qF '周^[P1' || fail "the raw chair does not show ESC as ^[: $(line 4)"
ok "the list: header intact, ESC shown as ^[ in title, kind and chair, only SGR sequences, no clipboard write"

# The imported one: the controls are gone, the text around them is there;
# the invisible characters the cleaner keeps are not drawn.
keys Enter
wait_status '^ meeting 1/2 · §0/1 · '
on_screen "the imported meeting"
[ "$(line 1)" = " 石桥县召开县政府第7次常务会议清屏剪贴板反转铃" ] || fail "title: $(line 1)"
# the text beside the outline, its lines joined (the heading may wrap)
joined=$(pane | sed 's/^.*│ //' | tr -d '\n ')
[[ $joined == *汇报清屏剪贴板反转铃* || $joined == *汇报县政府第7次常务会议清屏剪贴板反转铃* ]] ||
	fail "the imported body lost its text"
if pane | grep -qE '\^\[|\^G|52;c|ZXZpbA'; then fail "the imported meeting still carries controls or OSC text"; fi
pane | grep -qE 'Attendees  .*林一、陈二$' || fail "the attendees (U+2061 and ZWJ inside a name) are not '林一、陈二'"
pane | grep -qF 'Units      县财政局' || fail "the units (U+FFF9 and U+206A inside) are not '县财政局'"
pane | grep -qF '§1         关于春耕备耕工作的汇报' || fail "the heading (a tag and U+2062 inside) is not '关于春耕备耕工作的汇报'"
ok "the imported meeting: controls removed by import, text kept, invisible characters in names and a heading not drawn, only SGR"
keys q
wait_status '^ meeting 1/2 '

# The raw one: placeholders (^[ for ESC, ^G for BEL, U+FFFD for U+009B and
# U+202E), the screen not cleared, nothing sent.
keys j Enter
wait_status '^ meeting 2/2 · §0/1 · '
on_screen "the raw meeting"
line 1 | grep -qF ' 柳河县召开县政府第7次常务会议^[[2J清屏^[]52;c;ZXZpbA==^G剪贴板�反�转^G铃' ||
	fail "title placeholders: $(line 1)"
pane | grep -qF '§1         防汛县政府第7次常务会议^[[2J清屏' || fail "heading placeholders"
pane | grep -qF '正文县政府第7次常务会议^[[2J清屏^[]52;c;ZXZpbA==^G' || fail "body placeholders"
pane | grep -qF '5月9日，县长周明主持召开县政府第9次常务会议。' || fail "the text before the controls was cleared"
line 2 | grep -qF '│ Date       2023-05-09' || fail "the reader's first line: $(line 2)"
pane | grep -qF "Meeting    常务会议${RAW_SHOWN:0:20}" || fail "kind placeholders"
pane | grep -qF "Chair      周${RAW_SHOWN:0:20}" || fail "chair placeholders"
pane | grep -qF "Attendees  林${RAW_SHOWN:0:20}" || fail "attendee placeholders"
pane | grep -qF 'Observers  陈县政府第7次常务会议^[[2J清屏^[]52;c' || fail "observer placeholders"
pane | grep -qF "${RAW_SHOWN:0:40}" || fail "RAW is not shown as '${RAW_SHOWN:0:40}…' anywhere"
pane | grep -qF '隔零宽退^H回^M车' || fail "the end of RAW is not shown as '隔零宽退^H回^M车' (ZWSP, ZWJ and BOM drawn?)"
keys 1
wait_status '^ meeting 2/2 · §1/1 · '
on_screen "the raw meeting at §1"
ok "the raw meeting: ^[ ^G ^H ^M and U+FFFD placeholders in title, kind, chair, people, heading, body; nothing cleared, only SGR, no clipboard write"

# In-meeting search, a query with a bidi override, an isolate, ZWSP, ZWJ
# and a C1 CSI (UTF-8) and a bare 0x9B byte typed in.
keys /
wait_status '^/'
keys -l $'清屏\xe2\x80\xae\xe2\x81\xa6\xe2\x80\x8b\xe2\x80\x8d\xc2\x9b'
keys -H 9b
wait_status '^/清屏��$'
on_screen "the in-meeting search prompt"
keys Enter
wait_status '^ ?not found: 清屏��'
on_screen "the in-meeting search, not found"
keys /
wait_status '^/'
keys C-u
keys -l '清屏'
keys Enter
wait_status '^ ?match [0-9]+/[0-9]+'
on_screen "the in-meeting search"
keys n
on_screen "the next match"
ok "in-meeting search: U+202E and U+2066 typed show as U+FFFD (prompt, 'not found' status), C1 and 0x9B dropped; 清屏 found; only SGR"
keys ?
wait_for "search this meeting"
on_screen "the help screen (from a meeting)"
keys q
wait_status '^ meeting 2/2 · '
keys q
wait_status '^ meeting 2/2 '

# f: a filter naming a person, with U+202E typed in.
keys f
wait_status '^filter:'
keys C-u
keys -l $'person:林\xe2\x80\xae\xc2\x9d'
wait_status '^filter: person:林�$'
on_screen "the filter prompt"
keys Enter
wait_re '^ huiyi · .*person:林�'
on_screen "the list filtered by a hostile person"
keys f
wait_status '^filter:'
keys C-u Enter
wait_for "2 meetings"
ok "f: U+202E typed into the filter shows as U+FFFD in the prompt and in the header, only SGR"

# / in the list: the results screen (titles, headings, snippets from the
# raw meeting; the query in its header).
keys /
wait_status '^search:'
keys -l $'防汛\xe2\x80\xae\xe2\x80\x8b'
wait_status '^search: 防汛�$'
keys Enter
wait_status '^ result 1/'
on_screen "the search results"
line 1 | grep -qF 'search: 防汛�' || fail "the results header does not show the query with U+FFFD: $(line 1)"
pane | grep -qF '柳河县召开县政府第7次常务会议^[[2J清屏' || fail "the result's title is not shown with placeholders"
pane | grep -qF '§1 防汛县政府第7次' || fail "the result's heading is not shown"
ok "the results screen: the typed U+202E as U+FFFD in the header, the raw title and heading with placeholders, only SGR"
keys ?
wait_for "open the meeting at the matching section"
on_screen "the help screen (from the results)"
keys q
wait_status '^ result 1/'
keys Enter
wait_status '^ meeting [0-9]/[0-9] · §1/1 · '
line 1 | grep -qF ' 柳河县召开县政府第7次常务会议^[[2J清屏' || fail "the result opened another meeting: $(line 1)"
on_screen "the raw meeting from the results"
keys q
wait_status '^ result 1/'
keys q
wait_status '^ meeting '

# An OSC 52 typed at a prompt: an OSC string is taken whole as a
# terminal's answer and dropped (none may reach the keys, issue 19);
# nothing is sent, the prompt stays empty, Esc closes it.
keys /
wait_status '^search:'
keys -l $'\e]52;c;ZXZpbA==\a'
keys -l 'x'
wait_status '^search: x *$'
keys C-u Escape
wait_status '^ meeting '
on_screen "an OSC 52 typed at the search prompt"
keys q
wait_for "SESSION_EXIT=0"
rec_stop "SESSION_EXIT=0"
raw_ok "the whole session"
ok "everything the terminal received in the session: curses' own sequences only (no OSC, DCS, APC, report request, reset, ESC [2J, C1, bidi, ZWSP, ZWJ, BOM, U+2061, U+FFF9, tag)"
san_check

# Refusals. The pane's output is recorded (pipe-pane) to see that nothing
# but the message was written: no alternate screen, no clearing.
# refuse NAME WANT CMD: CMD typed at the prompt exits 1 with one line on
# stderr that says WANT, and writes no escape sequence to the terminal.
refuse() {
	local name=$1 want=$2 cmd=$3 raw
	type_line "clear"
	# cleared: only the prompt is left (an old prompt line must not count)
	for ((i = 0; i < TRIES; i++)); do
		[ "$(pane | grep -c .)" = 1 ] && pane | grep -qE '^\$ ?$' && break
		sleep 0.05
	done
	sleep 0.1
	: >"$T/raw"
	tm pipe-pane -t t -o "cat >>'$T/raw'"
	type_line "$cmd 2>'$T/$name.err'; echo EXIT=\$?"
	wait_re '^EXIT=[0-9]+$'
	wait_re '^\$ ?$'
	tm pipe-pane -t t
	pane | grep -qx 'EXIT=1' || fail "$name: $(pane | grep EXIT=), expected EXIT=1"
	[ "$(wc -l <"$T/$name.err")" = 1 ] || fail "$name: not one line on stderr: $(cat "$T/$name.err")"
	grep -qF -- "$want" "$T/$name.err" || fail "$name: '$(cat "$T/$name.err")' does not say '$want'"
	grep -qE '^huiyi: ' "$T/$name.err" || fail "$name: the message does not start with 'huiyi: '"
	for ((i = 0; i < 40; i++)); do
		grep -q 'EXIT=' "$T/raw" && break
		sleep 0.05
	done
	# The terminal got only the shell's own bracketed-paste switches.
	raw=$(sed 's/\x1b\[?2004[hl]//g' "$T/raw")
	if [[ $raw == *$'\e'* ]]; then
		fail "$name: escape sequences reached the terminal: $(printf '%q' "$raw" | head -c 300)"
	fi
	ok "$name: exit 1, one line ('$(cut -c1-70 "$T/$name.err")…'), nothing drawn"
}

HY="'$HUIYI_BIN' -d '$T/db'" # (hy would send stderr to $T/stderr)
refuse locale "UTF-8" "LC_ALL=C $HY"
refuse dumb "TERM=dumb" "TERM=dumb $HY"
type_line "clear; $HY >'$T/stdout.txt' 2>'$T/notty.err'; echo NOTTY_EXIT=\$?"
wait_for "NOTTY_EXIT=1" # a marker of its own: an earlier EXIT=1 may still show
[ "$(wc -l <"$T/notty.err")" = 1 ] && grep -qF "needs a terminal" "$T/notty.err" ||
	fail "stdout not a terminal: $(cat "$T/notty.err")"
[ ! -s "$T/stdout.txt" ] || fail "stdout not a terminal: $(wc -c <"$T/stdout.txt") bytes written to the file"
ok "stdout not a terminal: exit 1, '$(cut -c1-70 "$T/notty.err")…', nothing in the file"
refuse nodb "does not exist" "'$HUIYI_BIN' -d '$T/nope/x.db'"
[ ! -e "$T/nope" ] || fail "a missing database's folder was created"
refuse nodb2 "does not exist" "'$HUIYI_BIN' -d '$T/nope.db'"
[ ! -e "$T/nope.db" ] || fail "a missing database was created"

# The locale message's advice, followed in the same environment (LC_ALL=C
# still set, as it was), starts the browser.
advice=$(grep -oE 'set [A-Za-z_]+=[^ ]+' "$T/locale.err" | head -n 1 | sed 's/^set //')
[ -n "$advice" ] || fail "the locale message does not say what to set: $(cat "$T/locale.err")"
type_line "clear; env LC_ALL=C $advice hy; echo ADVICE_EXIT=\$?"
# (the exit line, not the typed command that names it: before clear runs
# the pane still shows that)
for ((i = 0; i < TRIES; i++)); do
	pane | grep -qE 'meetings · sort|^ADVICE_EXIT=[0-9]' && break
	sleep 0.05
done
if pane | grep -qF 'meetings · sort'; then
	keys q
	wait_for "ADVICE_EXIT=0"
	ok "the locale advice ($advice) works with LC_ALL=C set"
else
	defect "with LC_ALL=C the browser says '$(cat "$T/locale.err")', but doing so ($advice) with LC_ALL=C still set fails again (LC_ALL overrides LANG): the message should name LC_ALL"
fi
san_check
defects_check
ok "hostile text and refusals"
