#!/usr/bin/env bash
# Shell completion (issue 15; completions/): in bash, the subcommands,
# each one's options, the values of --format, --sort and --script, and
# the bodies and people of the database (-d's) for --body, --person and
# `people NAME`, most often seen first, through huiyi _complete; the
# same from fish and zsh's scripts where those shells are installed
# (syntax, and fish's answers). make install DESTDIR=… puts the binary,
# the man page and the three scripts where their tools look.
. "$(dirname "$0")/lib.sh"
db=$T/db
run 0 hy -d "$db" import "$HUIYI_ROOT/samples"
mkdir -p "$T/bin"
ln -s "$HUIYI_BIN" "$T/bin/huiyi"
export PATH=$T/bin:$PATH

# _complete itself: bodies by how often they are seen, a prefix, a usage error
run 0 hy -d "$db" _complete bodies
[ "$(head -1 "$T/out")" = 县政府 ] || fail "_complete bodies: the most frequent first: $(head -3 "$T/out")"
run 0 hy -d "$db" _complete people 彭
[ "$(cat "$T/out")" = 彭振华 ] || fail "_complete people 彭: $(cat "$T/out")"
run 2 hy -d "$db" _complete places

# bash: COMPREPLY for the words typed so far
comp() {
	bash -c 'source "$1/completions/huiyi.bash"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
		_huiyi; printf "%s\n" "${COMPREPLY[@]}"' _ "$HUIYI_ROOT" "$@"
}
expect() { # WANT WORDS...: the completions, one a line, joined by spaces
	local want=$1 got
	shift
	got=$(comp "$@" | tr '\n' ' ' | sed 's/ $//')
	[ "$got" = "$want" ] || fail "completing '$*': got '$got', want '$want'"
}
expect "list" huiyi li
expect "people" huiyi -d "$db" pe
expect "--section --json --format --script" huiyi show 1 --
expect "--script" huiyi show 1 --sc
expect "csv jsonl md txt" huiyi export --format ""
expect "text json md txt" huiyi show 1 --format ""
expect "rank" huiyi search 燃气 --sort r
expect "count name last" huiyi people --sort ""
expect "simplified traditional" huiyi show 1 --script ""
expect "县政府 县人大常委会 县委 县政协" huiyi -d "$db" list --body 县
expect "彭振华" huiyi -d "$db" search 燃气 --person 彭
expect "彭振华" huiyi -d "$db" people 彭
# a database that is not there: nothing, and no message on the line
expect "" huiyi -d "$T/none.db" list --body 县
ls "$T/none.db" 2>/dev/null && fail "completion created a database"

# fish and zsh, where installed
if command -v fish >/dev/null; then
	fish -n "$HUIYI_ROOT/completions/huiyi.fish" || fail "huiyi.fish: syntax"
	got=$(fish -c "source $HUIYI_ROOT/completions/huiyi.fish; complete -C 'huiyi -d $db list --body 县'" | cut -f1 | sort | tr '\n' ' ')
	[ "$got" = "县人大常委会 县委 县政协 县政府 " ] || fail "fish --body 县: '$got'"
	got=$(fish -c "source $HUIYI_ROOT/completions/huiyi.fish; complete -C 'huiyi show 1 --sc'" | cut -f1)
	[ "$got" = --script ] || fail "fish show --sc: '$got'"
fi
if command -v zsh >/dev/null; then
	zsh -n "$HUIYI_ROOT/completions/_huiyi" || fail "_huiyi: syntax"
fi

# make install DESTDIR=… (with the build's own PREFIX: another one is
# compiled into the catalogues' folder and would link the binary again
# under the other tests running it)
P=/usr/local
make -s -C "$HUIYI_ROOT" install DESTDIR="$T/root" BUILD="${HUIYI_BUILD:-build}" \
	>"$T/install.out" 2>&1 || fail "make install: $(tail -3 "$T/install.out")"
for f in bin/huiyi share/man/man1/huiyi.1 share/bash-completion/completions/huiyi \
	share/zsh/site-functions/_huiyi share/fish/vendor_completions.d/huiyi.fish \
	share/locale/zh_CN/LC_MESSAGES/huiyi.mo share/locale/zh_TW/LC_MESSAGES/huiyi.mo; do
	[ -f "$T/root$P/$f" ] || fail "make install left out $P/$f"
done
[ -x "$T/root$P/bin/huiyi" ] || fail "the installed huiyi does not run"
cmp -s "$T/root$P/share/bash-completion/completions/huiyi" "$HUIYI_ROOT/completions/huiyi.bash" ||
	fail "the installed bash completion differs"
echo ok
