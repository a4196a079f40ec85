#!/usr/bin/env bash
# browser_giant.sh: a readout whose first agenda item is one paragraph of
# 1,000,000 characters (issue 5), imported and read in the real browser:
# it opens on its first screen (the paragraph's start, §1/2, 0%), G shows
# its end and the short §2 after it (100%), a search finds a word near its
# end, a resize keeps that place, and every screen fits the pane. That the
# reader wraps only about a screen to open it is asserted in
# tests/unit/test_reader.c (which counts what is wrapped); here, what a
# person sees.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

# Our own readout: an opening paragraph, then the giant, then a short one.
"$PY" - "$T/giant.txt" <<'EOF'
import sys
lines = ["青石县召开县政府第88次常务会议", "发布时间：2024-05-06 18:00", "",
         "5月6日，县长周明主持召开县政府第88次常务会议。副县长林一出席会议。", ""]
body, n, i = ["会议审议了关于巨段落测试工作的汇报。开头标记。"], 0, 0
n = len(body[0])
while n < 1000000:
    s = "会议要求，要压实责任，倒排工期，确保按时完成，切实解决群众急难愁盼问题。第%d句。" % i
    body.append(s)
    n, i = n + len(s), i + 1
para = "".join(body)
para = para[:-300] + "终点标记" + para[-300:]
lines += [para, "", "会议研究了其他事项。会议同意。"]
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines) + "\n")
EOF
run 0 "$HUIYI_BIN" -d "$T/db" import "$T/giant.txt"
has "$T/err" "imported 1,"
run 0 "$HUIYI_BIN" -d "$T/db" show 1 --section 1 --json
"$PY" -c 'import json,sys; t=json.load(open(sys.argv[1])); s=t["sections"][0]["text"] if "sections" in t else t["text"]; sys.exit(0 if len(s) > 1000000 else 1)' "$T/out" ||
	fail "the stored §1 is not the 1,000,000-character paragraph"

# joined TEXT: the pane shows TEXT, maybe wrapped across lines.
joined() {
	WHY="the pane does not show '$1' (even across lines)"
	pane | tr -d '\n ' | grep -qF -- "$1"
}

start_shell 80 24
type_line hy
wait_for " huiyi · 1 meeting"
keys Enter
wait_for "开头标记"
wait_status '^ meeting 1/1 · §0/2 · 0%|^ meeting 1/1 · §1/2 · 0%'
check_screen
ok "opened: the paragraph's start on the first screen, 0%"

keys Space Space
wait_status '^ meeting 1/1 · §1/2 · 0%'
wait_re '^ +.*第[0-9]+句'
check_screen
ok "two pages on, still in §1"

keys G
wait_for "会议研究了其他事项"
wait_status '^ meeting 1/1 · §1/2 · 100%'
poll joined 终点标记
check_screen
ok "G: the end of the giant and §2, 100%"

keys g
wait_status '^ meeting 1/1 · §0/2 · 0%'
keys /
tm send-keys -t t -l 终点标记
keys Enter
wait_status '^ match 1/1'
poll joined 终点标记
check_screen
ok "a search from the top finds the word near the end of the giant"

resize 60 20
check_screen
poll joined 终点标记
resize 100 30
check_screen
poll joined 终点标记
wait_re '^ 1 关于巨段落测试工作的汇报'
ok "resized to 60x20 and 100x30: the match stays on screen, the outline appears"

keys q
wait_for " huiyi · 1 meeting"
keys q
san_check
