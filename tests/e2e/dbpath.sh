#!/usr/bin/env bash
# Database path: -d, else $HUIYI_DB, else $XDG_DATA_HOME/huiyi/huiyi.db
# (XDG_DATA_HOME defaults to ~/.local/share); the folder is made on first
# import. Files that are not ours are refused and left untouched.
. "$(dirname "$0")/lib.sh"
fixture a.txt 1
fixture b.txt 2
fixture c.txt 3
fixture d.txt 4

# XDG_DATA_HOME, folder created on import
[ -e "$XDG_DATA_HOME" ] && fail "XDG_DATA_HOME exists before the test"
run 0 hy list
has "$T/err" "no meetings yet"
[ -e "$XDG_DATA_HOME/huiyi/huiyi.db" ] && fail "list created the database"
run 0 hy import "$T/fx/a.txt"
[ -f "$XDG_DATA_HOME/huiyi/huiyi.db" ] || fail "no database in XDG_DATA_HOME"
[ "$(sql "$XDG_DATA_HOME/huiyi/huiyi.db" 'SELECT count(*) FROM meetings')" = 1 ] ||
	fail "XDG database does not hold the meeting"

# no XDG_DATA_HOME: ~/.local/share
(
	unset XDG_DATA_HOME
	run 0 hy import "$T/fx/b.txt"
)
[ -f "$HOME/.local/share/huiyi/huiyi.db" ] || fail "no database in ~/.local/share"
# a relative XDG_DATA_HOME is ignored (XDG spec)
(
	cd "$T"
	XDG_DATA_HOME=rel run 0 hy list --json
	[ -e "$T/rel" ] && fail "relative XDG_DATA_HOME used"
	lines "$T/out" 1
)

# $HUIYI_DB beats XDG; -d beats $HUIYI_DB.
HUIYI_DB=$T/env.db run 0 hy import "$T/fx/c.txt"
[ "$(sql "$T/env.db" 'SELECT count(*) FROM meetings')" = 1 ] || fail "HUIYI_DB not used"
HUIYI_DB=$T/env.db run 0 hy -d "$T/opt.db" import "$T/fx/d.txt"
[ "$(sql "$T/opt.db" 'SELECT count(*) FROM meetings')" = 1 ] || fail "-d not used"
[ "$(sql "$T/env.db" 'SELECT count(*) FROM meetings')" = 1 ] || fail "-d also wrote HUIYI_DB"
HUIYI_DB=$T/env.db run 0 hy list --json -d "$T/opt.db"
lines "$T/out" 1
has "$T/out" '"number":4'
[ "$(sql "$XDG_DATA_HOME/huiyi/huiyi.db" 'SELECT count(*) FROM meetings')" = 1 ] ||
	fail "XDG database changed"

# A file that is not a database: refused, one line, byte-identical.
printf '这不是数据库\nnot a database\n' >"$T/notes.txt"
cp "$T/notes.txt" "$T/notes.orig"
for cmd in "list" "import $T/fx/a.txt" "show 1" ""; do
	# shellcheck disable=SC2086
	run 1 hy -d "$T/notes.txt" $cmd
	grep -v '^huiyi: the full-screen' "$T/err" >"$T/err1" || true
	lines "$T/err1" 1
	has "$T/err1" "huiyi: $T/notes.txt: not a huiyi database"
	has "$T/err1" "nothing was changed"
	cmp -s "$T/notes.txt" "$T/notes.orig" || fail "'$cmd' changed the file"
	[ -e "$T/notes.txt-wal" ] && fail "'$cmd' left a -wal file"
done

# Another program's sqlite database: refused, untouched.
sqlite3 "$T/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
cp "$T/other.db" "$T/other.orig"
run 1 hy -d "$T/other.db" import "$T/fx/a.txt"
has "$T/err" "not a huiyi database"
cmp -s "$T/other.db" "$T/other.orig" || fail "another program's database changed"

# A database from a newer huiyi: refused.
sqlite3 "$T/opt.db" "PRAGMA user_version = 999;"
run 1 hy -d "$T/opt.db" list
lines "$T/err" 1
has "$T/err" "newer"
run 1 hy -d "$T/opt.db" import "$T/fx/a.txt"
[ "$(sql "$T/opt.db" 'PRAGMA user_version')" = 999 ] || fail "version changed"
# A relative HOME or XDG_DATA_HOME is ignored (XDG rules): nothing is made
# where the command happens to run; the user's home folder is used instead
# (from the password database), and with none, a clear error.
mkdir -p "$T/cwd"
(
	cd "$T/cwd"
	run 0 env HOME=. XDG_DATA_HOME=rel "$HUIYI_BIN" list
	[ -z "$(ls -A "$T/cwd")" ] || fail "a relative HOME made $(ls -A "$T/cwd") where the command ran"
	run 0 env -u HOME -u XDG_DATA_HOME "$HUIYI_BIN" list
	[ -z "$(ls -A "$T/cwd")" ] || fail "a missing HOME made files where the command ran"
)
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	# a user with no passwd entry and a relative HOME: no path, said so
	chmod 711 "$T"
	mkdir -m 777 "$T/cwd2"
	(cd "$T/cwd2" && run 1 setpriv --reuid=65533 --regid=65533 --clear-groups env -u XDG_DATA_HOME HOME=rel "$HUIYI_BIN" list)
	has "$T/err" "not absolute paths"
	[ -z "$(ls -A "$T/cwd2")" ] || fail "files made in the working folder"
fi
echo "dbpath: ok"
