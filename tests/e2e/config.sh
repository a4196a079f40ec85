#!/usr/bin/env bash
# config.sh: the configuration file, ~/.config/huiyi/config (issue 15; the
# ambiguous-width and theme overrides of issue 19). huiyi config prints
# what is in force with where it came from, and the file's errors by line
# (exit 1); a command uses the file's database after -d and HUIYI_DB and
# names the error; the browser starts with the error in its status line,
# the user's keys work, the unbound one does not, and help shows them.
# shellcheck source=tests/e2e/browser_lib.sh
source "$(dirname "$0")/browser_lib.sh"

mkdir -p "$HOME/.config/huiyi" "$HOME/data"
cat >"$HOME/.config/huiyi/config" <<'CONF'
# a reader's settings
set database ~/data/h.db
set ambiguous wide
bind list x quit
bind list q none
bind all ^N down
bind lst p people
color heading bold blue
CONF

run 1 hy config
has "$T/out" "# $HOME/.config/huiyi/config: read"
has "$T/out" "set database \"$HOME/data/h.db\"  # the configuration file"
has "$T/out" "set ambiguous wide  # the configuration file"
has "$T/out" "set theme auto  # the default"
has "$T/out" "color heading bold blue"
has "$T/out" "bind list x quit"
has "$T/out" "bind list q none"
has "$T/out" "bind all ^N down"
has "$T/err" "$HOME/.config/huiyi/config:7: bind: expected screens"
[ "$(wc -l <"$T/err")" = 1 ] || fail "one error, one line: $(cat "$T/err")"
# the options and the environment come first
HUIYI_THEME=light run 1 hy --ambiguous narrow -d "$T/x.db" config
has "$T/out" "set database \"$T/x.db\"  # -d"
has "$T/out" "set ambiguous narrow  # --ambiguous"
has "$T/out" "set theme light  # HUIYI_THEME"
# what it prints is a configuration: read back, no error
grep -v '^bind lst' "$HOME/.config/huiyi/config" >"$T/clean"
cp "$T/clean" "$HOME/.config/huiyi/config"
run 0 hy config
cp "$T/out" "$HOME/.config/huiyi/config"
run 0 hy config
cp "$T/out" "$T/again"
run 0 hy config
cmp -s "$T/out" "$T/again" || fail "huiyi config does not read back as itself"
cp "$T/clean" "$HOME/.config/huiyi/config"
echo "bind lst p people" >>"$HOME/.config/huiyi/config"

# a command: the file's database, the error named once
run 0 hy import "$HUIYI_ROOT/samples"
[ -s "$HOME/data/h.db" ] || fail "import did not use the configured database"
has "$T/err" "config:8: bind: expected screens"

# the browser
start_shell 80 24
# (not hy, which names its database: the file's is the one wanted)
type_line "$HUIYI_BIN 2>>$T/stderr; echo EXIT=\$?"
wait_status 'config:8: bind: expected screens'
keys C-n
wait_status '^ meeting 2/'
line 24 | grep -qF 'x quit' || fail "the hint does not show the user's quit key: $(line 24)"
keys '?'
wait_for 'x Esc'
pane | grep -E '^ +x Esc +quit' >/dev/null || fail "help: $(pane | grep quit)"
keys q
wait_status '^ meeting 2/'
keys q
sleep 0.3
pane | grep -qF 'EXIT=' && fail "q quit, but the file unbound it"
keys x
wait_for 'EXIT=0'
echo ok
