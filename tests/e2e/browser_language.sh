#!/usr/bin/env bash
# browser_language.sh: the real binary in tmux under LANG=zh_CN.UTF-8 and
# LANG=zh_TW.UTF-8 (DESIGN.md §4 Language): the list's title, column names
# and status line, a meeting's labels, help, in the language of the
# locale; `huiyi --help` and a usage error too; C.UTF-8 stays English.
# The locales are made with localedef into a folder of the test's own (a
# fresh Debian has only C.UTF-8); skipped, saying so, when it cannot.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

command -v localedef >/dev/null || { echo "skip: no localedef (make deps installs libc-bin, locales)"; exit 77; }
mkdir -p "$T/loc"
for l in zh_CN zh_TW; do
	localedef -i "$l" -f UTF-8 "$T/loc/$l.UTF-8" >/dev/null 2>&1 ||
		{ echo "skip: localedef could not make $l.UTF-8 (make deps installs locales)"; exit 77; }
done
sample_db

# the command line, with LANG alone (LC_ALL unset, as a user's shell has it)
zh() { env -u LC_ALL -u LANGUAGE LOCPATH="$T/loc" LANG="$1" "${@:2}"; }
zh zh_CN.UTF-8 "$HUIYI_BIN" --help | grep -qF '用法：huiyi' || fail "--help under zh_CN: $(zh zh_CN.UTF-8 "$HUIYI_BIN" --help | head -2)"
zh zh_TW.UTF-8 "$HUIYI_BIN" --help | grep -qF '匯入檔案' || fail "--help under zh_TW"
zh C.UTF-8 "$HUIYI_BIN" --help | grep -qF 'usage: huiyi' || fail "--help under C.UTF-8"
err=$(zh zh_CN.UTF-8 "$HUIYI_BIN" list --bogus 2>&1) || true
[ "$err" = "huiyi: list: 未知选项“--bogus”（见 huiyi --help）" ] || fail "usage error under zh_CN: $err"
err=$(zh zh_TW.UTF-8 "$HUIYI_BIN" -d "$T/none.db" show 1 2>&1) || true
echo "$err" | grep -qF '還沒有會議' || fail "error under zh_TW: $err"
ok "huiyi --help and errors follow LANG"

# the browser
browse() { # LANG, then what its screens must show
	local lang=$1 title=$2 cols=$3 status=$4 label=$5 help=$6
	start_shell 80 24 "-u LC_ALL LOCPATH=$T/loc LANG=$lang"
	type_line "hy; echo EXIT=\$?"
	wait_for "$title"
	line 2 | grep -qE "$cols" || fail "$lang: column header: $(line 2)"
	wait_status "$status"
	check_screen
	keys Enter
	wait_for "$label"
	check_screen
	keys '?'
	wait_for "$help"
	check_screen
	keys q q q
	wait_for "EXIT=0"
	ok "$lang: the list, a meeting and help in its language"
}
browse zh_CN.UTF-8 ' huiyi · 19 个会议 · 排序：日期' '^日期 +机构 +会议 +主持 +标题' \
	'^ 会议 1/19 .*q 退出$' ' 日期  2025-06-09（发表于' 'huiyi 帮助 — 会议的按键'
browse zh_TW.UTF-8 ' huiyi · 19 個會議 · 排序：日期' '^日期 +機構 +會議 +主持 +標題' \
	'^ 會議 1/19 .*q 退出$' ' 日期  2025-06-09（發表於' 'huiyi 幫助 — 會議的按鍵'
browse C.UTF-8 ' huiyi · 19 meetings · sort: date' '^Date +Body +Meeting +Chair +Title' \
	'^ meeting 1/19 .*q quit$' ' Date       2025-06-09 (published' 'huiyi help — keys in a meeting'
