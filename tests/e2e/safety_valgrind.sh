#!/usr/bin/env bash
# slow: tests/run.sh starts it first
# valgrind --leak-check=full on an import (a small folder with a rejected
# file and duplicates, read by two worker threads), then on list, show,
# search and people of what it stored: no memory error and nothing "definitely" or
# "indirectly" lost (--error-exitcode: any error or such leak fails).
# "Still reachable" (ICU's caches, freed at exit by nobody)
# is allowed. Needs valgrind (scripts/deps.sh installs it; skipped, status
# 77, without), and the normal build: the ASan build cannot run under
# valgrind (skipped when HUIYI_BUILD is it).
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
if [[ ${HUIYI_BUILD:-build} == *san* ]]; then
	echo "skip: $HUIYI_BUILD is the sanitizer build; valgrind runs on the normal build"
	exit 77
fi
if ! command -v valgrind >/dev/null; then
	echo "skip: valgrind is not installed (make deps installs it)"
	exit 77
fi
# (no --track-origins: it doubles the run's cost and only says where an
# uninitialised value came from; add it by hand to read a failure)
VG=(valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect
	--errors-for-leak-kinds=definite,indirect --error-exitcode=99 --num-callers=30)

mkdir -p "$T/in/a" "$T/in/b"
cp "$HUIYI_ROOT"/samples/0[1-6]*.txt "$T/in/a/"
cp "$HUIYI_ROOT"/samples/0[1-3]*.txt "$T/in/b/" # duplicates of three
head -c 4096 /dev/urandom >"$T/in/b/zz-binary.txt" # rejected
printf '\x00\x01\x02 not text \x00\x00' >>"$T/in/b/zz-binary.txt"
n=$(ls "$T/in/a" | wc -l)

# vg WANT NAME ARGS...: huiyi under valgrind exits WANT; its report is in
# $T/NAME.vg (99: valgrind found something)
vg() {
	local want=$1 name=$2 got=0
	shift 2
	HUIYI_THREADS=2 "${VG[@]}" --log-file="$T/$name.vg" "$HUIYI_BIN" "$@" \
		>"$T/out" 2>"$T/err" || got=$?
	if [ "$got" = 99 ] || grep -qE "definitely lost|indirectly lost|Invalid|uninitialised" "$T/$name.vg"; then
		cat "$T/$name.vg" >&2
		fail "$name: valgrind reported errors or leaks"
	fi
	[ "$got" = "$want" ] || fail "$name: exit status $got, expected $want: $(head -5 "$T/err")"
	echo "ok: $name: clean under valgrind"
}

# the import: some stored, three duplicates skipped, one rejected (exit 1)
vg 1 import -d "$T/db" import "$T/in"
has "$T/err" "imported $n, duplicates skipped 3, rejected 1"
has "$T/err" "zz-binary.txt: binary data"
# again: everything a duplicate, the binary one rejected again
vg 1 reimport -d "$T/db" import "$T/in"
has "$T/err" "imported 0, duplicates skipped $((n + 3)), rejected 1"
vg 0 list -d "$T/db" list --json
vg 0 show -d "$T/db" show 2
vg 0 search -d "$T/db" search 会议 --limit 5
vg 0 people -d "$T/db" people --sort name --limit 5
vg 0 people_json -d "$T/db" people --from 2021 --json
vg 0 career -d "$T/db" people 韩立新 --json
vg 1 nobody -d "$T/db" people 无名氏
echo "safety_valgrind: ok"
