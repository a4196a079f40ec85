#!/usr/bin/env bash
# A file carrying terminal escape sequences imports, and no ESC (or C1
# control) is stored in any text column or printed by show or list.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db
mkdir -p "$T/in"
printf '\033[2J\033[31m石桥县召开县政府第9次常务会议\033[0m\n' >"$T/in/esc.txt"
printf '发布时间：2024-03-05 18:00\n\n' >>"$T/in/esc.txt"
printf '3月5日，县长周明\033]0;pwned\007主持召开县政府第9次常务会议。\n\n' >>"$T/in/esc.txt"
printf '会议听取了关于\033]52;c;ZXZpbA==\033\\春耕\302\23331m工作的汇报。\033[1;1H\n' >>"$T/in/esc.txt"
run 0 hy import "$T/in/esc.txt"
has "$T/err" "imported 1,"

stored=$(sqlx "$HUIYI_DB" "
SELECT count(*) FROM meetings WHERE
  instr(ifnull(title,'') || ifnull(published,'') || ifnull(date,'') ||
        ifnull(body,'') || ifnull(kind,'') || ifnull(chair,'') ||
        ifnull(chair_role,'') || ifnull(summary,'') || hy_clean(cleanz), char(27)) > 0
  OR instr(ifnull(title,'') || ifnull(summary,'') || hy_clean(cleanz), char(155)) > 0;
SELECT count(*) FROM sections_text WHERE instr(heading || text, char(27)) > 0
  OR instr(heading || text, char(155)) > 0;
SELECT count(*) FROM people WHERE instr(name, char(27)) > 0;")
[ "$stored" = "$(printf '0\n0\n0')" ] || fail "ESC stored in text columns: $stored"
# the raw bytes are kept as they were
[ "$(sqlx "$HUIYI_DB" "SELECT instr(hy_raw(rawz, hy_clean(cleanz)), x'1b') > 0 FROM meetings")" = 1 ] ||
	fail "raw bytes were altered"

noesc() { # FILE
	python3 - "$1" <<'PY'
import sys
b = open(sys.argv[1], "rb").read()
assert b, "empty output"
assert b"\x1b" not in b, "ESC byte in output"
t = b.decode("utf-8")
bad = [hex(ord(c)) for c in t if ord(c) < 0x20 and c not in "\n\t" or 0x7f <= ord(c) < 0xa0]
assert not bad, bad
PY
}
id=$(sql "$HUIYI_DB" 'SELECT id FROM meetings')
run 0 hy show "$id"
noesc "$T/out" || fail "show printed a control character"
run 0 hy show "$id" --json
noesc "$T/out" || fail "show --json printed a control character"
run 0 hy list
noesc "$T/out" || fail "list printed a control character"
echo "esc: ok"
