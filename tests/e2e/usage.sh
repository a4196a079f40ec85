#!/usr/bin/env bash
# Usage errors: exit 2, one line on stderr with a hint to --help.
. "$(dirname "$0")/lib.sh"
export HUIYI_DB=$T/huiyi.db
usage() {
	run 2 hy "$@"
	lines "$T/err" 1
	has "$T/err" "huiyi: "
	has "$T/err" "--help"
	[ -s "$T/out" ] && fail "usage error wrote to stdout: $*"
	return 0
}
usage --bogus
usage frobnicate
usage list --bogus
usage list extra
usage list --from
usage list --from 2024-13-01
usage list --from 2023-02-29
usage list --to 24-01-01
usage list --from yesterday
usage list --json=yes
usage show
usage show abc
usage show 0
usage show -- -3
usage show 1 2
usage show 1 --section
usage show 1 --section x
usage import
usage import --encoding
usage import --encoding no-such-encoding "$T"
usage import - -
usage delete
usage delete abc
usage delete 0
usage delete 1 +2
usage delete -- -3
usage delete 1 --json=yes
usage import --replace=yes "$T"
usage -d
[ -e "$HUIYI_DB" ] && fail "a usage error created the database"

run 0 hy --help
has "$T/out" "usage: huiyi"
has "$T/out" "import"
has "$T/out" "list"
has "$T/out" "show"
has "$T/out" "delete"
has "$T/out" "--replace"
run 0 hy list --help
has "$T/out" "usage: huiyi"
run 0 hy --version
grep -qE '^huiyi [0-9]+\.[0-9]+\.[0-9]+$' "$T/out" || fail "--version: $(cat "$T/out")"
# A leap day is a date.
run 0 hy list --from 2024-02-29
# Every command that takes --from/--to reads them one way and says which is bad.
for args in "list" "search 燃气" "people" "trend 燃气" "export --format jsonl"; do
	# shellcheck disable=SC2086
	run 2 hy $args --from 2024-13
	has "$T/err" "bad date '2024-13' for --from"
	# shellcheck disable=SC2086
	run 2 hy $args --to 2023-02-29
	has "$T/err" "bad date '2023-02-29' for --to"
done
echo "usage: ok"
