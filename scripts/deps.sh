#!/usr/bin/env bash
# Installs what huiyi needs to build and test, if it is missing.
# Debian/Ubuntu as root: apt-get install. Otherwise: say what to install.
set -u
pkgs=(pkg-config:pkg-config
      ncursesw:libncurses-dev
      sqlite3:libsqlite3-dev
      icu-uc:libicu-dev
      icu-i18n:libicu-dev
      jansson:libjansson-dev
      libxml-2.0:libxml2-dev
      opencc:libopencc-dev
      libzstd:libzstd-dev
      cmocka:libcmocka-dev
      vterm:libvterm-dev)
cmds=(cc:gcc make:make tmux:tmux mandoc:mandoc python3:python3 sqlite3:sqlite3
      iconv:libc-bin valgrind:valgrind clang-format:clang-format
      msgfmt:gettext xgettext:gettext msgmerge:gettext localedef:libc-bin)
missing=()
for pc in "${pkgs[@]}"; do
	mod=${pc%%:*} deb=${pc#*:}
	if [ "$mod" = pkg-config ]; then
		command -v pkg-config >/dev/null || missing+=("$deb")
	elif ! pkg-config --exists "$mod" 2>/dev/null; then
		missing+=("$deb")
	fi
done
[ -x /usr/bin/time ] || missing+=(time) # GNU time: peak RSS in make bench
for c in "${cmds[@]}"; do
	cmd=${c%%:*} deb=${c#*:}
	command -v "$cmd" >/dev/null || missing+=("$deb")
done
# clang and its libFuzzer runtime for the fuzz targets (make fuzz, fuzz-check)
command -v clang >/dev/null || missing+=(clang)
if command -v clang >/dev/null &&
	! [ -f "$(clang -print-file-name="libclang_rt.fuzzer-$(uname -m).a")" ]; then
	missing+=("libclang-rt-$(clang -dumpversion | cut -d. -f1)-dev")
fi
# locale for tests and the browser (C.UTF-8 ships with libc on Debian 12)
if ! locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$'; then missing+=(locales); fi
# the sources localedef makes zh_CN.UTF-8 and zh_TW.UTF-8 from, for the
# tests of the Chinese interface (a fresh Debian has only C.UTF-8)
[ -f /usr/share/i18n/locales/zh_CN ] && [ -f /usr/share/i18n/locales/zh_TW ] || missing+=(locales)
[ ${#missing[@]} -eq 0 ] && exit 0
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
echo "huiyi: missing build dependencies: ${missing[*]}"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
	echo "huiyi: install them with: sudo apt-get install ${missing[*]}" >&2
	echo "       (on other systems: the equivalent -dev packages of ncursesw, sqlite3, ICU, jansson, cmocka; and tmux, mandoc, python3)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
	apt-get update && apt-get install -y --no-install-recommends "${missing[@]}" || {
		echo "huiyi: apt-get could not install: ${missing[*]}" >&2; exit 1; }
fi
