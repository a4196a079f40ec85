#!/usr/bin/env bash
# browser_copy.sh: y and Y in a meeting put text on the terminal's
# clipboard through OSC 52 (issue 15), seen as tmux sees it: with
# set-clipboard on, tmux keeps what the program sent as its newest paste
# buffer. y copies the section the reader is in, its heading first; after
# a search in the meeting, the paragraph of the current match; Y the
# whole meeting after a citation line (title, date, body, source); a
# meeting over 100 KB is refused with a message, and nothing is sent.
# t shows the meeting in the other script and back (issue 15), and y
# copies it as shown.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

mkdir -p "$T/in"
cp "$HUIYI_ROOT/samples/02_ningchuan-city-standing-42.txt" "$T/in/"
# a readout of about 150 KB (the limit counts bytes of UTF-8): one long agenda item
{
	echo "县政府召开第9次常务会议"
	echo "5月6日，县长王明主持召开县政府第9次常务会议。"
	printf '会议研究了'
	for _ in $(seq 8000); do printf '防汛抗旱工作'; done
	echo '。'
} >"$T/in/long.txt"
"$HUIYI_BIN" -d "$T/db" import "$T/in" >/dev/null 2>&1 || fail "import"

buffer() { tm show-buffer 2>/dev/null || true; }

start_shell 100 30
tm set-option -s set-clipboard on
type_line "hy; echo EXIT=\$?"
wait_status '^ meeting 1/2 '
# the list is newest first: find the sample's row
keys G
wait_status '^ meeting 2/2 '
keys Enter
wait_status '§'
keys Tab
wait_status '§1/'
keys y
wait_status 'copied §1: [0-9]+ characters'
buffer >"$T/b1"
head -1 "$T/b1" | grep -qE '^1\. .+' || fail "y: the heading first: $(head -3 "$T/b1")"
sed -n 3p "$T/b1" | grep -qE '^会议' || fail "y: the section's text: $(head -3 "$T/b1")"
title=$(sqlite3 -batch "$T/db" "SELECT title FROM meetings WHERE source LIKE '%ningchuan%'")
keys Y
wait_status 'copied the meeting: [0-9]+ characters'
buffer >"$T/b2"
head -1 "$T/b2" | grep -qF "$title · " || fail "Y: the citation line: $(head -1 "$T/b2")"
head -1 "$T/b2" | grep -qF "02_ningchuan-city-standing-42.txt" || fail "Y: the source: $(head -1 "$T/b2")"
[ "$(wc -c <"$T/b2")" -gt "$(wc -c <"$T/b1")" ] || fail "Y copied no more than y"
# after a search: the match's paragraph
keys / ; type_line "会议强调"
wait_status '1/[0-9]+'
keys y
wait_status "copied the match's paragraph"
buffer >"$T/b3"
grep -qF '会议强调' "$T/b3" || fail "y after a search: $(cat "$T/b3")"
[ "$(wc -l <"$T/b3")" = 1 ] || fail "y after a search: one paragraph: $(cat "$T/b3")"
# t: the other script (OpenCC, by phrase): the title and the text in
# traditional characters, the status line says which, the search's
# matches found again in the new text, y copies what is shown; t again:
# the text as stored
keys t
wait_re '^ 寧川市政府召開第四十二次常務會議'
keys n
wait_status '[0-9]+/[0-9]+'
keys j
wait_status ' · 简→繁'
keys y
wait_status "copied the match's paragraph"
buffer >"$T/b5"
grep -qF '會議強調' "$T/b5" || fail "y in the other script: $(cat "$T/b5")"
keys t
wait_re '^ 宁川市政府召开第四十二次常务会议'
pane | tail -n 1 | grep -qF '简→繁' && fail "t again: the status line still says 简→繁"
# too big: refused, the buffer unchanged
keys q
wait_status '^ meeting 2/2 '
keys g Enter
wait_status '§'
keys Y
wait_status 'KB, over the 100 KB a terminal takes at once'
buffer >"$T/b4"
cmp -s "$T/b5" "$T/b4" || fail "a refused copy changed the clipboard"
keys q q
wait_for 'EXIT=0'
san_check
echo ok
