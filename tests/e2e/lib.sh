# lib.sh: shared by the end-to-end tests (sourced, not run).
# Needs HUIYI_BIN (absolute path of the binary) and HUIYI_ROOT (the repo);
# tests/run.sh sets both and LC_ALL=C.UTF-8.
set -euo pipefail
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	echo "lib.sh: helpers for the other tests; nothing to run here"
	exit 0
fi

: "${HUIYI_BIN:?HUIYI_BIN must point at the huiyi binary}"
: "${HUIYI_ROOT:?HUIYI_ROOT must point at the repository}"
export LC_ALL=${LC_ALL:-C.UTF-8}

T=$(mktemp -d "${TMPDIR:-/tmp}/huiyi-e2e.XXXXXX")
cleanup() { rm -rf "$T"; }
trap cleanup EXIT

# Keep every test away from the user's own database and configuration.
export HOME=$T/home XDG_DATA_HOME=$T/xdg
unset HUIYI_DB XDG_CONFIG_HOME
mkdir -p "$HOME"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# run EXPECTED_STATUS CMD...: runs CMD with stdout in $T/out and stderr in
# $T/err, fails unless it exits with EXPECTED_STATUS.
run() {
	local want=$1 got=0
	shift
	"$@" >"$T/out" 2>"$T/err" || got=$?
	if [ "$got" != "$want" ]; then
		echo "--- stdout:" >&2; head -20 "$T/out" >&2
		echo "--- stderr:" >&2; head -20 "$T/err" >&2
		fail "exit status $got, expected $want: $*"
	fi
}

hy() { "$HUIYI_BIN" "$@"; }

# sanitized: this run is of the sanitizer build (make check runs every
# test twice, the second time there, where each process costs about
# three times as much). A test that repeats one code path many times
# (sizes, modes, tables) may go through each path once there: the
# sanitizers look for memory errors on paths, the normal run for every
# combination.
sanitized() { case "${HUIYI_BUILD:-build}" in *san*) return 0 ;; *) return 1 ;; esac; }

# has FILE TEXT: FILE contains the fixed string TEXT.
has() {
	grep -qF -- "$2" "$1" || {
		echo "--- $1:" >&2; head -20 "$1" >&2
		fail "'$2' not found in $1"
	}
}

hasnt() {
	if grep -qF -- "$2" "$1"; then
		echo "--- $1:" >&2; head -20 "$1" >&2
		fail "'$2' unexpectedly found in $1"
	fi
}

# lines FILE N: FILE has exactly N lines.
lines() {
	local n
	n=$(wc -l <"$1")
	[ "$n" -eq "$2" ] || {
		echo "--- $1:" >&2; head -20 "$1" >&2
		fail "$1 has $n lines, expected $2"
	}
}

# sql DB QUERY: one value from the database.
sql() { sqlite3 -batch -noheader "$1" "$2"; }
# sqlx DB QUERY: the same with huiyi's sqlite extension loaded (the search
# tokenizer, whose triggers writes need, hy_clean(cleanz): the clean text,
# schema v18, which the view sections_text and the triggers read, and
# hy_raw(rawz, hy_clean(cleanz)): the raw bytes, schema v14).
sqlx() {
	sqlite3 -batch -noheader -cmd ".load $HUIYI_ROOT/${HUIYI_BUILD:-build}/huiyi_fts" "$1" "$2"
}

# A small readout of our own: fixture NAME N writes $T/fx/NAME.
fixture() {
	mkdir -p "$T/fx"
	cat >"$T/fx/$1" <<EOT
石桥县召开县政府第$2次常务会议
发布时间：2024-03-0$(( $2 % 9 + 1 )) 18:00

3月$(( $2 % 9 + 1 ))日，县长周明主持召开县政府第$2次常务会议。副县长林一、陈二出席会议。县财政局负责同志列席会议。

会议听取了关于春耕备耕工作的汇报（第$2号）。会议要求，要抓好农资供应。

会议审议了《石桥县乡村道路养护办法》。会议原则同意该办法。
EOT
}
