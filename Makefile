# huiyi — plain Makefile. `make`, `make check`, `make demo`, `make bench`,
# `make install PREFIX=... DESTDIR=...`, `make clean`.
.SUFFIXES:

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
DESTDIR  ?=
CC       ?= cc
PKG_CONFIG ?= pkg-config
BUILD    ?= build
# SAN=1 builds with AddressSanitizer + UndefinedBehaviorSanitizer.
SAN      ?= 0

PKGS      = ncursesw sqlite3 icu-uc icu-i18n jansson libxml-2.0 opencc libzstd
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
# only the generator of the fold table (tools/genfold.c) reads OpenCC
GEN_CFLAGS := $(shell $(PKG_CONFIG) --cflags opencc 2>/dev/null)
GEN_LIBS   := $(shell $(PKG_CONFIG) --libs opencc 2>/dev/null)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wformat=2 -Werror
OPT ?= -O2 -g
ifeq ($(SAN),1)
OPT = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
      -fno-sanitize-recover=undefined
SANLD = -fsanitize=address,undefined
endif
HY_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DHY_VERSION='"$(VERSION)"' -Iinclude -I$(BUILD)/gen $(PKG_CFLAGS) $(WARN) $(OPT) \
	-pthread -MMD -MP $(CFLAGS)
HY_LDFLAGS = -pthread $(SANLD) $(LDFLAGS)

LIB_SRC  := $(sort $(wildcard src/text/*.c src/meeting/*.c src/store/*.c \
			      src/ui/*.c src/term/*.c src/cli/*.c))
LIB_SRC  := $(filter-out src/cli/main.c,$(LIB_SRC))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/src/cli/main.o
LIB      := $(BUILD)/libhuiyi.a
BIN      := $(BUILD)/huiyi
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c tests/screen/test_*.c))
UNIT_BIN := $(patsubst tests/screen/%.c,$(BUILD)/tests/%,$(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%))
TEST_TOOL_SRC := $(sort $(wildcard tests/tools/*.c))
TEST_TOOL_BIN := $(TEST_TOOL_SRC:tests/tools/%.c=$(BUILD)/tests/tools/%)

all: huiyi ext mo

huiyi: $(BIN)
	@if [ "$(BUILD)" = build ]; then ln -sf $(BIN) huiyi; fi

$(BIN): $(MAIN_OBJ) $(LIB)
	$(CC) $(HY_LDFLAGS) -o $@ $(MAIN_OBJ) $(LIB) $(PKG_LIBS) -lm

$(LIB): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(HY_CFLAGS) -c -o $@ $<

# Generated tables (DESIGN.md §5: from ICU at build time, never by hand).
GEN_DIR = $(BUILD)/gen
$(GEN_DIR)/fold_table.h: tools/genfold.c tools/one_char.h
	@mkdir -p $(@D)
	$(CC) -std=c11 -O1 $(PKG_CFLAGS) $(GEN_CFLAGS) -o $(GEN_DIR)/genfold tools/genfold.c \
		$(PKG_LIBS) $(GEN_LIBS)
	$(GEN_DIR)/genfold > $@.tmp && mv $@.tmp $@
$(BUILD)/src/text/fold.o: $(GEN_DIR)/fold_table.h
$(GEN_DIR)/pinyin_table.h: tools/genpinyin.c tools/one_char.h
	@mkdir -p $(@D)
	$(CC) -std=c11 -O1 $(PKG_CFLAGS) -o $(GEN_DIR)/genpinyin tools/genpinyin.c $(PKG_LIBS)
	$(GEN_DIR)/genpinyin > $@.tmp && mv $@.tmp $@
$(BUILD)/src/store/fts.o: $(GEN_DIR)/pinyin_table.h

# The user's language (DESIGN.md §4 Language): English msgids marked in the
# sources (include/huiyi/i18n.h), po/zh_CN.po written by hand, zh_TW made
# from it by OpenCC (tools/po2tw.c, s2twp) at build time, both compiled by
# msgfmt into $(BUILD)/locale, where a binary run from the build finds them
# (src/cli/i18n.c); make install puts them under $(LOCALEDIR).
LINGUAS   = zh_CN zh_TW
MO       := $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/huiyi.mo)
MSGFMT   ?= msgfmt
XGETTEXT ?= xgettext
MSGMERGE ?= msgmerge
# the installed catalogues' folder, compiled in: only i18n.o is made
# again when it changes (make install PREFIX=… after make)
$(GEN_DIR)/localedir.h: FORCE
	@mkdir -p $(@D)
	@printf '#define HY_LOCALEDIR "%s"\n' '$(LOCALEDIR)' > $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi
$(BUILD)/src/cli/i18n.o: $(GEN_DIR)/localedir.h
$(GEN_DIR)/po2tw: tools/po2tw.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -O1 $(WARN) $(GEN_CFLAGS) -o $@ $< $(GEN_LIBS)
$(BUILD)/po/zh_TW.po: po/zh_CN.po $(GEN_DIR)/po2tw
	@mkdir -p $(@D)
	$(GEN_DIR)/po2tw < $< > $@.tmp && mv $@.tmp $@
$(BUILD)/locale/zh_CN/LC_MESSAGES/huiyi.mo: po/zh_CN.po
	@mkdir -p $(@D)
	$(MSGFMT) -c -o $@ $<
$(BUILD)/locale/zh_TW/LC_MESSAGES/huiyi.mo: $(BUILD)/po/zh_TW.po
	@mkdir -p $(@D)
	$(MSGFMT) -c -o $@ $<
mo: $(MO)
FORCE:

# po/huiyi.pot from the sources, and po/zh_CN.po brought up to it (new
# strings untranslated, changed ones fuzzy: translate them, then make
# again; tests/e2e/i18n_catalogue.sh fails while any is left).
I18N_SRC = $(sort $(wildcard src/ui/*.c src/cli/*.c src/store/*.c src/text/err.c) \
	src/meeting/year.c)
XGETTEXT_FLAGS = --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
	--keyword=P_:1,2 --add-comments=TRANSLATORS: --no-wrap --sort-by-file \
	--package-name=huiyi --package-version=$(VERSION) --msgid-bugs-address=none
po: po/huiyi.pot
	$(MSGMERGE) --quiet --update --backup=none --no-wrap po/zh_CN.po po/huiyi.pot
po/huiyi.pot: FORCE
	$(XGETTEXT) $(XGETTEXT_FLAGS) -o $@.tmp $(I18N_SRC)
	@sed -i '/^"POT-Creation-Date:/d' $@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

# The tokenizer as a loadable sqlite extension (`.load build/huiyi_fts` in
# the sqlite3 shell): its entry point plus fts, fold, utf8 and err compiled
# again as position-independent code, never with the sanitizers (the
# sqlite3 shell that loads it has no sanitizer runtime).
EXT       := $(BUILD)/huiyi_fts.so
EXT_SRC   := ext/huiyi_fts.c src/store/fts.c src/store/pack.c src/store/cleanz.c src/text/fold.c \
	     src/text/utf8.c src/text/err.c
EXT_OBJ   := $(EXT_SRC:%.c=$(BUILD)/pic/%.o)
# fold.c classes letters and folds their case with ICU (libicuuc); pack.c
# unpacks raw bytes and cleanz.c the clean text with zstd
EXT_LIBS  := $(shell $(PKG_CONFIG) --libs icu-uc libzstd 2>/dev/null)
EXT_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -DHY_FTS_EXTENSION -Iinclude \
	-I$(GEN_DIR) $(PKG_CFLAGS) $(WARN) -O2 -g -fPIC -MMD -MP $(CFLAGS)

ext: $(EXT)

$(EXT): $(EXT_OBJ)
	$(CC) -shared $(LDFLAGS) -o $@ $(EXT_OBJ) $(EXT_LIBS)

$(BUILD)/pic/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(EXT_CFLAGS) -c -o $@ $<
$(BUILD)/pic/src/store/fts.o: $(GEN_DIR)/pinyin_table.h
$(BUILD)/pic/src/text/fold.o: $(GEN_DIR)/fold_table.h

$(BUILD)/tests/test_%: tests/unit/test_%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(HY_CFLAGS) $(CMOCKA_CFLAGS) $(HY_LDFLAGS) -o $@ $< $(LIB) \
		$(CMOCKA_LIBS) $(PKG_LIBS) -lm

# A unit test that fails the Nth allocation of huiyi's own code: the
# library is linked in statically, so --wrap reaches every malloc,
# calloc and realloc it makes (none of sqlite's).
OOM_WRAP := -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc
$(BUILD)/tests/test_search_oom: tests/unit/test_search_oom.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(HY_CFLAGS) $(CMOCKA_CFLAGS) $(HY_LDFLAGS) $(OOM_WRAP) -o $@ $< \
		$(LIB) $(CMOCKA_LIBS) $(PKG_LIBS) -lm

$(BUILD)/tests/test_%: tests/screen/test_%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(HY_CFLAGS) $(CMOCKA_CFLAGS) $(HY_LDFLAGS) -o $@ $< $(LIB) \
		$(CMOCKA_LIBS) $(PKG_LIBS) -lm

$(BUILD)/tests/tools/%: tests/tools/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(HY_CFLAGS) $(HY_LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) -lm

# A terminal with left and right margins, for the e2e tests (libvterm,
# tests/tools/vtscreen.c); a test dependency only.
VTERM_CFLAGS := $(shell $(PKG_CONFIG) --cflags vterm 2>/dev/null)
VTERM_LIBS   := $(shell $(PKG_CONFIG) --libs vterm 2>/dev/null)
$(BUILD)/tests/tools/vtscreen: tests/tools/vtscreen.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(HY_CFLAGS) $(VTERM_CFLAGS) $(HY_LDFLAGS) -o $@ $< $(LIB) $(VTERM_LIBS) $(PKG_LIBS) -lm

# A terminal that draws ambiguous-width characters wide, for the e2e
# tests: LD_PRELOAD into tmux (never with the sanitizers).
AMBIWIDE := $(BUILD)/tests/ambiwide.so
$(AMBIWIDE): tests/preload/ambiwide.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O1 -g -fPIC -shared $(PKG_CFLAGS) $(WARN) $(LDFLAGS) -o $@ $< $(EXT_LIBS) -pthread -ldl

# Fails the Nth allocation of a program (tests/oom/failmalloc.c):
# LD_PRELOAD into huiyi by tests/oom/run.sh, never built with the
# sanitizers (under SAN=1 it hands allocations on to ASan's malloc).
FAILMALLOC := $(BUILD)/tests/failmalloc.so
$(FAILMALLOC): tests/oom/failmalloc.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O1 -g -fno-omit-frame-pointer -fPIC -shared $(WARN) $(LDFLAGS) -o $@ $< -ldl

tests-build: $(BIN) $(EXT) $(MO) $(UNIT_BIN) $(TEST_TOOL_BIN) $(AMBIWIDE) $(FAILMALLOC)

# Runs every test against the binaries in $(BUILD).
test-run: tests-build
	HUIYI_BUILD=$(BUILD) bash tests/run.sh

deps:
	@bash scripts/deps.sh

lint-man:
	@if command -v mandoc >/dev/null; then \
		mandoc -Tlint -Wwarning man/huiyi.1 && echo "man: mandoc -Tlint clean"; \
	else echo "mandoc missing: run make deps" >&2; exit 1; fi

# Builds run on every CPU; tests/run.sh runs HUIYI_JOBS tests at a time
# (default: two a CPU, as most of them wait on tmux or a child).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# The plain and the ASan+UBSan build's tests run in one pool
# (tests/run.sh, HUIYI_BUILDS), so the CPU one leaves idle while a
# test waits on tmux serves the other.
check: deps
	$(MAKE) format-check
	$(MAKE) -j$(JOBS) all tests-build
	$(MAKE) lint-man
	$(MAKE) -j$(JOBS) BUILD=build/san SAN=1 tests-build
	HUIYI_BUILDS="build build/san" bash tests/run.sh
	$(MAKE) fuzz-check

# The C files in the style of .clang-format (DESIGN.md §7). clang-format
# formats differently from one major version to the next: the check holds
# the tree to version 14 (Debian 12's), and says so and passes with another.
FORMAT_FILES = $(shell git ls-files 'src/*.c' 'src/*.h' 'include/*.h' 'tests/*.c' 'tools/*.c' 2>/dev/null)
CLANG_FORMAT ?= clang-format
format:
	@$(CLANG_FORMAT) --style=file -i $(FORMAT_FILES) && echo "format: $(words $(FORMAT_FILES)) files"

format-check:
	@v=$$($(CLANG_FORMAT) --version 2>/dev/null | sed -n 's/.*version \([0-9]*\).*/\1/p'); \
	if [ -z "$$v" ]; then echo "format-check: no clang-format (make deps installs it); skipped"; \
	elif [ "$$v" != 14 ]; then echo "format-check: clang-format $$v, the tree is kept by 14; skipped"; \
	else bad=$$(for f in $(FORMAT_FILES); do $(CLANG_FORMAT) --style=file "$$f" | cmp -s - "$$f" || echo "$$f"; done); \
		if [ -n "$$bad" ]; then echo "format-check: not formatted (make format):"; echo "$$bad"; exit 1; fi; \
		echo "format-check: $(words $(FORMAT_FILES)) files formatted"; fi

# The edit loop: build, then the unit tests (parse cases and golden
# screens among them), no end-to-end script: well under a minute.
check-fast:
	$(MAKE) -j$(JOBS) all tests-build
	HUIYI_BUILD=$(BUILD) bash tests/run.sh unit/

# Every allocation failed in turn across import, search, show, list,
# people, trend, export and the browser (tests/oom/run.sh, browser.py,
# FUZZING.md): every N below 500 and 1,000 spread over the rest, per
# command. `make check` runs a sample of it
# (tests/e2e/oom_sample.sh).
oom: all tests-build
	HUIYI_BUILD=$(BUILD) bash tests/oom/run.sh

# libFuzzer targets (tests/fuzz/, FUZZING.md): the text, meeting and store
# sources compiled again with clang and the sanitizers into $(FUZZ_DIR).
# `make fuzz` runs each target FUZZ_SECONDS (make -j2 fuzz: two at once) on
# a copy of its seed corpus; `make fuzz-check` (part of check) runs each
# briefly plus the saved regression inputs, and skips if clang or libFuzzer
# is missing.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_CHECK_SECONDS ?= 5
FUZZ_DIR      = build/fuzz
FUZZ_TARGETS  = clean parse wrap query tokenizer html
FUZZ_SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS   = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DHY_VERSION='"$(VERSION)"' -Iinclude -I$(GEN_DIR) $(PKG_CFLAGS) \
	$(filter-out -Werror,$(WARN)) -O1 -g -fno-omit-frame-pointer \
	$(FUZZ_SANFLAGS) -MMD -MP
FUZZ_LIB_SRC := $(sort $(wildcard src/text/*.c src/meeting/*.c src/store/*.c))
FUZZ_LIB_OBJ := $(FUZZ_LIB_SRC:%.c=$(FUZZ_DIR)/obj/%.o)
FUZZ_BIN     := $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz_%)

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
$(FUZZ_DIR)/obj/src/text/fold.o: $(GEN_DIR)/fold_table.h
$(FUZZ_DIR)/obj/src/store/fts.o: $(GEN_DIR)/pinyin_table.h

$(FUZZ_DIR)/libhuiyi.a: $(FUZZ_LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(FUZZ_LIB_OBJ)

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_DIR)/libhuiyi.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< \
		$(FUZZ_DIR)/libhuiyi.a $(PKG_LIBS) -lm

fuzz-build: $(FUZZ_BIN)

fuzz: deps
	@bash tests/fuzz/run.sh probe
	$(MAKE) fuzz-build
	$(MAKE) $(FUZZ_TARGETS:%=fuzz-run-%)

fuzz-run-%: $(FUZZ_DIR)/fuzz_%
	@bash tests/fuzz/run.sh run $* $(FUZZ_SECONDS)

fuzz-check:
	@if bash tests/fuzz/run.sh probe; then \
		$(MAKE) -j$(JOBS) fuzz-build && \
		bash tests/fuzz/run.sh check $(FUZZ_CHECK_SECONDS) $(FUZZ_TARGETS); \
	fi

# The parser on real readouts (tests/real/README.md): DIR holds the texts,
# which are never in the repository. `make realeval DIR=… [V=1]`
DIR ?= ../realdev
LABELS ?= tests/real/labels
realeval: $(BIN) $(EXT)
	@HUIYI_BIN=$${HUIYI_BIN:-$(BIN)} python3 tests/real/score.py $(if $(V),-v) --labels $(LABELS) $(DIR)

demo: deps
	$(MAKE) all
	@bash scripts/demo.sh

bench: deps
	$(MAKE) all
	@bash bench/run.sh

# A national corpus (issue 14): 1,000,000 readouts by default (hours, and
# some 30 GB of disk; SCALE_COUNT=… for less), each row beside its anchor,
# into bench/RESULTS.md "Scale (issue 14): make bench-scale".
SCALE_COUNT ?= 1000000
bench-scale: deps
	$(MAKE) all build/tests/tools/search-bench
	python3 bench/scale.py --gen ../shared/bench/gencorpus.py --bin $(BIN) \
		--count $(SCALE_COUNT) --work bench/work/scale --out bench/RESULTS.md

# Shell completion (completions/): where bash-completion, zsh and fish
# look for them under PREFIX.
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d

install: $(BIN) $(MO)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	for l in $(LINGUAS); do \
		mkdir -p $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		cp $(BUILD)/locale/$$l/LC_MESSAGES/huiyi.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/huiyi.mo && \
		chmod 644 $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/huiyi.mo || exit 1; \
	done
	cp $(BIN) $(DESTDIR)$(BINDIR)/huiyi
	chmod 755 $(DESTDIR)$(BINDIR)/huiyi
	cp man/huiyi.1 $(DESTDIR)$(MANDIR)/man1/huiyi.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/huiyi.1
	cp completions/huiyi.bash $(DESTDIR)$(BASHCOMPDIR)/huiyi
	cp completions/_huiyi $(DESTDIR)$(ZSHCOMPDIR)/_huiyi
	cp completions/huiyi.fish $(DESTDIR)$(FISHCOMPDIR)/huiyi.fish
	chmod 644 $(DESTDIR)$(BASHCOMPDIR)/huiyi $(DESTDIR)$(ZSHCOMPDIR)/_huiyi \
		$(DESTDIR)$(FISHCOMPDIR)/huiyi.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/huiyi $(DESTDIR)$(MANDIR)/man1/huiyi.1 \
		$(DESTDIR)$(BASHCOMPDIR)/huiyi $(DESTDIR)$(ZSHCOMPDIR)/_huiyi \
		$(DESTDIR)$(FISHCOMPDIR)/huiyi.fish
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/huiyi.mo; done

clean:
	rm -rf build huiyi

.PHONY: all huiyi ext mo po FORCE tests-build test-run deps lint-man check check-fast demo bench bench-scale realeval \
	format format-check \
	install uninstall clean fuzz fuzz-build fuzz-check oom

-include $(LIB_OBJ:.o=.d) $(MAIN_OBJ:.o=.d) $(EXT_OBJ:.o=.d) $(FUZZ_LIB_OBJ:.o=.d) $(FUZZ_BIN:=.d)
