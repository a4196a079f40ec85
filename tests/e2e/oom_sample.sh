#!/usr/bin/env bash
# slow
# A sample of `make oom` (tests/oom/run.sh -s): for import of samples/ (a
# folder and a single file), search (one character, two, pinyin), show
# --json, list, people and people NAME, the Nth allocation fails for every
# N below 50, 100 N spread over the rest and the N of
# tests/oom/regressions.txt (each a crash, a hang or a wrong message once
# found there). Every run ends in exit 0 with the whole output, or a
# non-zero exit and one line (never a signal, a hang or "not an error");
# the database passes PRAGMA integrity_check and the next ordinary run
# gives the whole result. Under the sanitizer build the preload library
# hands each allocation on to ASan's malloc (tests/oom/failmalloc.c).
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "skip: sqlite3 missing (make deps)"; exit 77; }
OOM_JOBS=${OOM_JOBS:-2} bash "$HUIYI_ROOT/tests/oom/run.sh" -s ||
	fail "a failed allocation ended badly (above)"
