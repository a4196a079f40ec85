#!/usr/bin/env bash
# A folder from someone else: links in it that lead outside it are skipped
# and counted, never stored (a link to ~/.ssh/id_rsa or /etc/shadow would
# show its secret in show and search); --follow-links follows them; a file
# named on the command line is read; links inside the folder still work.
# A file name with a newline in it cannot forge a second report line.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db

readout() { # FILE NUMBER
	printf '县政府召开第%s次常务会议\n3月%s日，县长周明主持召开县政府第%s次常务会议。\n会议研究了春耕工作。\n' \
		"$2" "$2" "$2" >"$1"
}
mkdir -p "$T/secret" "$T/d/sub"
readout "$T/secret/key.txt" 9
printf '\n会议纪要 绝密口令 hunter2\n' >>"$T/secret/key.txt"
readout "$T/d/a.txt" 1
readout "$T/d/sub/b.txt" 2
ln -s "$T/secret/key.txt" "$T/d/notes.txt"   # leads outside
ln -s ../a.txt "$T/d/sub/again.txt"           # leads inside
ln -s "$T/secret" "$T/d/linked-folder"        # a folder link: skipped anyway

run 0 hy import "$T/d"
has "$T/err" "skipped 1 link leading outside the folders named"
n=$(sql "$HUIYI_DB" "SELECT count(*) FROM meetings")
[ "$n" = 2 ] || fail "expected the two readouts of the folder, got $n meetings"
run 1 hy search hunter2 # no matches
hasnt "$T/out" "hunter2"
[ -z "$(sqlx "$HUIYI_DB" "SELECT id FROM meetings WHERE hy_clean(cleanz) LIKE '%hunter2%'")" ] ||
	fail "the secret behind the link was stored"

# --follow-links: the user says the folder's links are to be trusted
run 0 hy import --follow-links "$T/d"
hasnt "$T/err" "leading outside"
[ -n "$(sqlx "$HUIYI_DB" "SELECT id FROM meetings WHERE hy_clean(cleanz) LIKE '%hunter2%'")" ] ||
	fail "--follow-links did not store the linked file"

# a link named on the command line is read: the user named it
rm -f "$HUIYI_DB"*
run 0 hy import "$T/d/notes.txt"
[ -n "$(sqlx "$HUIYI_DB" "SELECT id FROM meetings WHERE hy_clean(cleanz) LIKE '%hunter2%'")" ] ||
	fail "a file named on the command line was not read"

# a newline in a rejected file's name: one rejected line, the name escaped
mkdir -p "$T/n"
printf '\x00\x01\x02\x03binary' >"$T/n/bad"$'\n'"rejected: forged.txt"
run 1 hy import "$T/n"
[ "$(grep -c '^rejected: ' "$T/err")" = 1 ] || fail "a file name forged a report line"
has "$T/err" 'bad\nrejected: forged.txt'

# a file name that is not UTF-8: stored byte for byte, shown escaped
rm -f "$HUIYI_DB"*
mkdir -p "$T/u"
readout "$T/u/x"$'\xff\xfe'"y.txt" 5
run 0 hy import "$T/u"
[ "$(sql "$HUIYI_DB" "SELECT hex(source) FROM meetings")" = \
	"$(printf '%s' "$(cd "$T/u" && pwd -P)/x" | xxd -p | tr -d '\n' | tr a-f A-F)FFFE792E747874" ] ||
	fail "the source's bytes were not kept: $(sql "$HUIYI_DB" "SELECT hex(source) FROM meetings")"
run 0 hy show 1 --json
has "$T/out" 'x\\xff\\xfey.txt'
echo ok
