#!/usr/bin/env bash
# UTF-16 without a byte order mark: Chinese readouts are read as UTF-16
# whether they have ASCII (digits, newlines: NULs at one parity) or none;
# binary data and UTF-16 text that detection cannot tell are refused with a
# message that says what --encoding reads them.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db
mkdir -p "$T/in"
fixture r.txt 3
python3 - "$T/fx/r.txt" "$T/in" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
out = sys.argv[2]
open(out + "/le.txt", "wb").write(text.encode("utf-16-le"))
# one line, no ASCII at all: not a NUL where ASCII would put one
line = ("县政府召开第四次常务会议。县长周明主持召开会议，一致同意"
        "《关于加强春耕备耕工作的意见》。会议要求抓好农资供应。")
open(out + "/be.txt", "wb").write(line.encode("utf-16-be"))
# Russian in UTF-16 without a BOM: no way to tell it from binary data
open(sys.argv[2] + "/../ru.txt", "wb").write(
    ("Заседание совета района. Председатель открыл заседание. " * 20)
    .encode("utf-16-le"))
import random
random.seed(7)
open(sys.argv[2] + "/../blob.bin", "wb").write(
    bytes(random.randrange(256) for _ in range(8192)))
PY
run 0 hy import "$T/in"
has "$T/err" "imported 2, duplicates skipped 0, rejected 0, U+FFFD replaced 0"
[ "$(sql "$HUIYI_DB" "SELECT group_concat(encoding, ' ') FROM (SELECT encoding FROM meetings ORDER BY source)")" = "UTF-16BE UTF-16LE" ] ||
	fail "encodings: $(sql "$HUIYI_DB" "SELECT group_concat(encoding) FROM meetings")"
run 0 hy search 农资供应
[ "$(grep -c '农资供应' "$T/out")" = 2 ] || fail "both readouts are not found by their text"

run 1 hy import --force "$T/ru.txt" "$T/blob.bin"
has "$T/err" "rejected 2,"
has "$T/err" "rejected: $T/ru.txt: binary data"
has "$T/err" "--encoding utf-16le"
has "$T/err" "rejected: $T/blob.bin: binary data"
run 0 hy import --force --encoding utf-16le "$T/ru.txt"
has "$T/err" "imported 1,"
echo "import_utf16: ok"
