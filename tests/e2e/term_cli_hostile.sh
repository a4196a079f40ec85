#!/usr/bin/env bash
# term_cli_hostile.sh: the text outputs of `huiyi list`, `show` and
# `search` (without --json), and the error messages, when the data or the
# arguments hold bytes that try to drive the terminal: ESC [2J, OSC 52,
# DCS, APC, CSI 6n, ESC c, C1 controls in UTF-8 and a bare 0x9B, BEL, BS,
# CR, bidi controls (U+202E, U+2066), ZWSP, ZWJ, BOM, U+2061, U+FFF9, in a
# title, kind, chair, people, summary, heading and text written into the
# database with sqlite3 (import would have cleaned most of them).
#
# What is right (DESIGN.md §5, man huiyi): text output is for people, and
# piped text ends on a terminal soon enough (| less -R, > file, cat), so
# it is the same on a terminal and piped: every control, bidi control and
# invalid byte prints as U+FFFD, the invisible format characters are left
# out; nothing but LF (and the padding spaces) is written around the
# text. --json is the faithful twin (json.sh). Checked piped (the bytes
# of stdout and stderr), and on a terminal (tmux; everything the pane
# received, byte for byte, has no escape sequence but the shell's own).
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

EVIL=$'\e[2J清屏\e]52;c;ZXZpbA==\a剪贴板\xc2\x9b反\xe2\x80\xae转\a铃'
RAW=$'\eP1$qm\e\\设备\e_应用\e\\询\e[6n问\ec重置\xc2\x90\xc2\x9d\xc2\x85\x9b字节\xe2\x81\xa6隔\xe2\x80\x8b零\xe2\x80\x8d宽\xef\xbb\xbf退\b回\r车\xe2\x81\xa1\xef\xbf\xb9'
# As text output shows them: one U+FFFD per control (an escape sequence
# leaves its printable tail), the invisible ones gone.
EVIL_SHOWN='�[2J清屏�]52;c;ZXZpbA==�剪贴板�反�转�铃'
RAW_SHOWN='�P1$qm�\设备�_应用�\询�[6n问�c重置����字节�隔零宽退�回�车'
hex() { printf '%s' "$1" | od -An -tx1 -v | tr -d ' \n'; }

fixture hostile 7
run 0 "$HUIYI_BIN" -d "$T/db" import "$T/fx"
fts="type = 'trigger' AND tbl_name IN ('meetings', 'sections')
 AND (sql LIKE '%\_fts%' ESCAPE '\' OR sql LIKE '%hy\_clean%' ESCAPE '\')"
drop=$(sqlite3 "$T/db" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE $fts")
trig=$(sqlite3 "$T/db" "SELECT sql || ';' FROM sqlite_master WHERE $fts")
sqlite3 "$T/db" "BEGIN;
$drop
UPDATE meetings SET title = CAST(X'$(hex "防汛$EVIL$RAW")' AS TEXT),
 kind = CAST(X'$(hex "常务$EVIL")' AS TEXT), body = CAST(X'$(hex "县$RAW")' AS TEXT),
 chair = CAST(X'$(hex "周${RAW}明")' AS TEXT), chair_role = CAST(X'$(hex "县长$EVIL")' AS TEXT),
 summary = CAST(X'$(hex "概况$EVIL$RAW")' AS TEXT),
 units = CAST(X'$(hex "县财政局$RAW")' AS TEXT);
UPDATE sections SET heading = CAST(X'$(hex "防汛$EVIL$RAW")' AS TEXT), text = CAST(X'$(hex "正文防汛$EVIL$RAW")' AS TEXT);
UPDATE people SET name = name || CAST(X'$(hex "$RAW")' AS TEXT);
$trig
COMMIT;" || fail "could not write the raw controls into the database"
run 0 "$HUIYI_BIN" -d "$T/db" reindex
ok "a database with ESC, OSC, DCS, APC, C1, 0x9B, bidi, ZWSP, ZWJ, BOM, U+2061, U+FFF9 in every text field (sqlite3)"

# clean FILE WHAT: FILE is UTF-8 with no control character but LF, no C1,
# no bidi control, no invisible format character.
{ echo "import sys; sys.path.insert(0, '$HUIYI_ROOT/tests/tools')"; cat; } >"$T/clean.py" <<'EOF'
import re
from textcheck import INVISIBLE, read_utf8
text = read_utf8(sys.argv[1])
m = re.search('[\x00-\x09\x0b-\x1f\x7f]', text) or INVISIBLE.search(text)
if m:
    i = m.start()
    print('U+%04X at %d: %r' % (ord(text[i]), i, text[max(0, i - 30):i + 30]))
    sys.exit(1)
EOF
clean() {
	local why
	why=$("$PY" "$T/clean.py" "$1") || fail "$2: $why"
}

# Piped.
run 0 "$HUIYI_BIN" -d "$T/db" list
clean "$T/out" "list, piped"
has "$T/out" "防汛$EVIL_SHOWN$RAW_SHOWN"
has "$T/out" "常务${EVIL_SHOWN:0:9}…" # (the column is cut at 16)
has "$T/out" "周${RAW_SHOWN:0:8}…"
ok "list, piped: controls as U+FFFD, invisible characters left out, nothing else"
run 0 "$HUIYI_BIN" -d "$T/db" show 1
clean "$T/out" "show, piped"
has "$T/out" "§1 防汛"
tr -d '\n ' <"$T/out" >"$T/flat" # (show wraps at 80 columns)
has "$T/flat" "Title防汛$EVIL_SHOWN$RAW_SHOWN"
has "$T/flat" "Chair周$RAW_SHOWN明(县长$EVIL_SHOWN)"
has "$T/flat" "Attendees林一$RAW_SHOWN、陈二$RAW_SHOWN"
has "$T/flat" "Units县财政局$RAW_SHOWN"
has "$T/flat" "概况$EVIL_SHOWN$RAW_SHOWN"
has "$T/flat" "正文防汛$EVIL_SHOWN$RAW_SHOWN"
run 0 "$HUIYI_BIN" -d "$T/db" show 1 --section 2
clean "$T/out" "show --section, piped"
tr -d '\n ' <"$T/out" >"$T/flat"
has "$T/flat" "§2防汛$EVIL_SHOWN$RAW_SHOWN"
ok "show, piped: title, chair, people, summary, heading, text with U+FFFD, nothing else"
run 0 "$HUIYI_BIN" -d "$T/db" search 防汛
clean "$T/out" "search, piped"
has "$T/out" "防汛${EVIL_SHOWN:0:17}…" # (the heading column is cut at 24)
has "$T/out" "«防汛» [2J清屏 ]52;c;ZXZpbA== 剪贴板�反" # (snippets: C0 as spaces)
ok "search, piped: headings and snippets with U+FFFD, nothing else"

# --json keeps the data exactly (invalid UTF-8, which sqlite3 let in, as
# U+FFFD: jansson would drop the whole value), but never as raw bytes a
# terminal obeys:
# jansson escapes C0; C1, DEL, bidi and invisible characters come out as
# \uXXXX escapes, which decode to the same strings.
cat >"$T/jsoncheck.py" <<'EOF2'
import json, os, sys
# what is stored, with its invalid bytes (a bare 0x9B) as U+FFFD
want = os.fsencode(sys.argv[2]).decode('utf-8', 'replace')
text = open(sys.argv[1], encoding='utf-8').read()
docs = ([json.loads(l) for l in text.split('\n') if l.strip()]
        if sys.argv[3] == 'lines' else [json.loads(text)])
if not any(d.get('title') == want or d.get('heading') == want for d in docs):
    print('no title or heading equal to the stored one in', sys.argv[1])
    sys.exit(1)
EOF2
title=$(printf '%s' "防汛$EVIL$RAW")
run 0 "$HUIYI_BIN" -d "$T/db" show 1 --json
clean "$T/out" "show --json"
"$PY" "$T/jsoncheck.py" "$T/out" "$title" one || fail "show --json lost the title's bytes"
has "$T/out" '\u009b'
has "$T/out" '\u202e'
run 0 "$HUIYI_BIN" -d "$T/db" list --json
clean "$T/out" "list --json"
"$PY" "$T/jsoncheck.py" "$T/out" "$title" lines || fail "list --json lost the title's bytes"
run 0 "$HUIYI_BIN" -d "$T/db" search 防汛 --json
clean "$T/out" "search --json"
"$PY" "$T/jsoncheck.py" "$T/out" "$title" lines || fail "search --json lost the heading's bytes"
ok "--json: every string as stored, C1/bidi/invisible characters as \\u escapes, no raw control"
# characters beyond U+FFFF (the tag characters, invisible): a surrogate pair
cp "$T/db" "$T/tags.db"
sqlite3 "$T/tags.db" "DROP TRIGGER meetings_fts_update; DROP TRIGGER meetings_bounds_update;
-- (the tokenizer and hy_clean, which the summary's range needs, are not loaded)
UPDATE meetings SET title = 'A' || char(917505) || char(917569) || 'B'" ||
	fail "could not write tag characters"
run 0 "$HUIYI_BIN" -d "$T/tags.db" list --json
clean "$T/out" "list --json with tag characters"
has "$T/out" '"title":"A\udb40\udc01\udb40\udc41B"'
"$PY" -c 'import json, sys
t = json.loads(open(sys.argv[1], encoding="utf-8").readline())["title"]
sys.exit(t != "A\U000e0001\U000e0041B")' "$T/out" || fail "list --json: the tag characters did not round-trip"
ok "--json: tag characters (U+E0001, U+E0041) as surrogate-pair escapes"

# Error messages quote what they were given.
run 2 "$HUIYI_BIN" -d "$T/db" show $'\e[2J\xe2\x80\xae'
clean "$T/err" "show's usage error"
has "$T/err" "bad ID '�[2J�'"
run 2 "$HUIYI_BIN" -d "$T/db" list --from $'\e]52;c;ZXZpbA==\a'
clean "$T/err" "list's usage error"
has "$T/err" "'�]52;c;ZXZpbA==�'"
run 2 "$HUIYI_BIN" $'\ec'
clean "$T/err" "an unknown command"
run 1 "$HUIYI_BIN" -d "$T/db" search $'燃气\e[6n'
clean "$T/err" "search without matches"
run 1 "$HUIYI_BIN" -d "$T/nope"$'\e[2J'/x.db show 1
clean "$T/err" "a database that does not exist"
# A file name with an OSC 52 and a bidi override, rejected by import: the
# report names it with escapes (the name can be found again).
mkdir -p "$T/evil"
printf '\x00\x01\x02\xff' >"$T/evil/"$'a\e]52;c;ZXZpbA==\a\xe2\x80\xae.txt'
run 1 "$HUIYI_BIN" -d "$T/db" import "$T/evil"
clean "$T/err" "import's report naming a hostile file"
has "$T/err" 'a\x1b]52;c;ZXZpbA==\x07\u{202e}.txt'
ok "error messages quoting an ID, a date, a command, a path: controls as U+FFFD; a file name: escaped"

# On a terminal: the same commands in a tmux pane, the pane's bytes
# recorded. Only the shell's own sequences (bracketed paste on, off) may
# be there.
start_shell 120 40
type_line "clear"
wait_re '^\$ ?$'
rec_start
H="'$HUIYI_BIN' -d '$T/db'"
type_line "$H list; $H show 1; $H search 防汛; $H show \$'\\e[2J'; echo TTY_DONE=\$?"
wait_for "TTY_DONE=2"
rec_stop "TTY_DONE=2"
raw_ok "list, show, search on a terminal"
sed 's/\x1b\[?2004[hl]//g' "$T/raw" >"$T/raw.huiyi"
if grep -q $'\e' "$T/raw.huiyi"; then
	fail "an escape sequence reached the terminal: $(grep -ao $'\e.\{0,12\}' "$T/raw.huiyi" | head -5 | od -c | head)"
fi
has "$T/raw.huiyi" "常务${EVIL_SHOWN:0:9}…"
has "$T/raw.huiyi" "«防汛»"
has "$T/raw.huiyi" "bad ID '�[2J'"
ok "on a terminal: list, show, search and an error wrote no escape sequence, controls as U+FFFD"
