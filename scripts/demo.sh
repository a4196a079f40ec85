#!/usr/bin/env bash
# make demo: load our sample readouts into a demo database and show them.
set -u
cd "$(dirname "$0")/.."
export LC_ALL=${LC_ALL:-C.UTF-8}
db=build/demo.db
bin=build/huiyi
"$bin" -d "$db" import samples
echo
"$bin" -d "$db" list
echo
echo "Demo database: $db — try: ./huiyi -d $db show 1"
