#!/usr/bin/env bash
# make demo: load our sample readouts into a demo database and open the
# browser on it (or, without a terminal, print the list).
set -u
cd "$(dirname "$0")/.."
export LC_ALL=${LC_ALL:-C.UTF-8}
db=build/demo.db
bin=build/huiyi
"$bin" -d "$db" import samples
if [ -t 0 ] && [ -t 1 ]; then
	echo "Opening the browser on $db (q quits, ? shows the keys)…"
	sleep 1
	exec "$bin" -d "$db"
fi
"$bin" -d "$db" list
echo
echo "Demo database: $db — browse it with: ./huiyi -d $db"
