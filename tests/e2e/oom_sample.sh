#!/usr/bin/env bash
# slow
# A sample of `make oom` (tests/oom/run.sh -s): for import of samples/ (a
# folder and a single file), import of a readout and its reposts (merged:
# issue 13), search (one character, two, pinyin), show
# --json, list, people, people NAME, trend --json and export --format jsonl,
# and the browser (a session in a pseudo-terminal: the list, a search, a
# result opened, quit; tests/oom/browser.py),
# the Nth allocation fails for every
# N below 20, 12 N spread over the rest (6 and 6 under the sanitizers) and the N of
# tests/oom/regressions.txt (each a crash, a hang or a wrong message once
# found there). Every run ends in exit 0 with the whole output, or a
# non-zero exit and one line (never a signal, a hang or "not an error");
# the database passes PRAGMA integrity_check and the next ordinary run
# gives the whole result. Under the sanitizer build the preload library
# hands each allocation on to ASan's malloc (tests/oom/failmalloc.c).
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "skip: sqlite3 missing (make deps)"; exit 77; }
# make check's budget: 20 + 12 points a command (6 + 6 under the
# sanitizers, each run there costs three); `make oom` runs the lot
if sanitized; then below=6 spread=6; else below=20 spread=12; fi
OOM_BELOW=${OOM_BELOW:-$below} OOM_SPREAD=${OOM_SPREAD:-$spread} \
	OOM_JOBS=${OOM_JOBS:-2} bash "$HUIYI_ROOT/tests/oom/run.sh" -s ||
	fail "a failed allocation ended badly (above)"
