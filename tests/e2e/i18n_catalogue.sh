#!/usr/bin/env bash
# i18n_catalogue.sh: every string the sources mark for translation has its
# Simplified Chinese in po/zh_CN.po, none fuzzy, and the formats agree
# (msgfmt -c), so no screen is half translated under zh_CN or zh_TW
# (DESIGN.md §4 Language). The strings are gathered afresh with the
# Makefile's own xgettext flags; a failure names the strings: `make po`,
# translate them, build.
. "$(dirname "$0")/lib.sh"
for c in xgettext msgmerge msgfmt; do
	command -v "$c" >/dev/null || { echo "skip: no $c (make deps installs gettext)"; exit 77; }
done
cd "$HUIYI_ROOT"
# the Makefile's XGETTEXT_FLAGS and I18N_SRC
flags=(--language=C --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=P_:1,2
	--add-comments=TRANSLATORS: --no-wrap --sort-by-file)
grep -qF -- '--keyword=P_:1,2' Makefile || fail "the Makefile's xgettext flags changed: change them here too"
xgettext "${flags[@]}" -o "$T/huiyi.pot" src/ui/*.c src/cli/*.c src/store/*.c src/text/err.c ||
	fail "xgettext"
msgmerge --quiet --no-wrap --no-fuzzy-matching -o "$T/zh_CN.po" po/zh_CN.po "$T/huiyi.pot" ||
	fail "msgmerge"
msgfmt -c -o /dev/null po/zh_CN.po 2>"$T/err" || fail "msgfmt -c po/zh_CN.po: $(cat "$T/err")"
msgattrib --untranslated --no-obsolete "$T/zh_CN.po" >"$T/untranslated"
msgattrib --only-fuzzy --no-obsolete "$T/zh_CN.po" >"$T/fuzzy"
if grep -q '^msgid "[^"]' "$T/untranslated" "$T/fuzzy"; then
	grep -h '^msgid "[^"]' "$T/untranslated" "$T/fuzzy" | head -20
	fail "strings without a translation in po/zh_CN.po (make po, translate them)"
fi
n=$(grep -c '^msgid "[^"]' "$T/zh_CN.po")
[ "$n" -ge 300 ] || fail "only $n strings found: xgettext missed the sources?"
echo "ok: $n strings, each translated in po/zh_CN.po"
