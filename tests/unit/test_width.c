/* test_width.c: display width as drawn (width.h). More cases run over the
 * catalogue of hard strings in test_wrap.c. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>

#include "huiyi/width.h"

static void test_cp(void **state)
{
	(void)state;
	assert_int_equal(hy_width_cp('a'), 1);
	assert_int_equal(hy_width_cp(' '), 1);
	assert_int_equal(hy_width_cp(0x4E2D), 2);  /* 中 */
	assert_int_equal(hy_width_cp(0xFF0C), 2);  /* ， */
	assert_int_equal(hy_width_cp(0x3000), 2);  /* ideographic space */
	assert_int_equal(hy_width_cp(0x20000), 2); /* 𠀀, extension B */
	assert_int_equal(hy_width_cp(0x1F468), 2); /* 👨 */
	assert_int_equal(hy_width_cp(0x2026), 1);  /* … is ambiguous: 1 */
	assert_int_equal(hy_width_cp(0x2014), 1);  /* — likewise */
	assert_int_equal(hy_width_cp(0xFFFD), 1);
	/* zero width: combining marks, ZWJ, variation selectors */
	assert_int_equal(hy_width_cp(0x0301), 0);
	assert_int_equal(hy_width_cp(0x200D), 0);
	assert_int_equal(hy_width_cp(0xFE0F), 0);
	assert_int_equal(hy_width_cp(0xFE00), 0);
	assert_int_equal(hy_width_cp(0xE0100), 0);
	/* placeholders: ^X for C0 and DEL, U+FFFD for the rest */
	assert_int_equal(hy_width_cp(0x00), 2);
	assert_int_equal(hy_width_cp(0x07), 2);
	assert_int_equal(hy_width_cp(0x1B), 2);
	assert_int_equal(hy_width_cp('\t'), 2);
	assert_int_equal(hy_width_cp('\n'), 2);
	assert_int_equal(hy_width_cp(0x7F), 2);
	assert_int_equal(hy_width_cp(0x80), 1);
	assert_int_equal(hy_width_cp(0x85), 1);
	assert_int_equal(hy_width_cp(0x9F), 1);
	assert_int_equal(hy_width_cp(0x202A), 1);
	assert_int_equal(hy_width_cp(0x202E), 1);
	assert_int_equal(hy_width_cp(0x2066), 1);
	assert_int_equal(hy_width_cp(0x2069), 1);
	assert_int_equal(hy_width_cp(0x200F), 1);
	assert_int_equal(hy_width_cp(0x0378), 1);   /* unassigned */
	assert_int_equal(hy_width_cp(0xD800), 1);   /* surrogate */
	assert_int_equal(hy_width_cp(0x110000), 1); /* not Unicode */
	assert_int_equal(hy_width_cp(UINT32_MAX), 1);
}

static void expect_ph(uint32_t cp, const char *want)
{
	char buf[8];

	memset(buf, 'x', sizeof buf);
	if (!want) {
		assert_int_equal(hy_width_placeholder(cp, buf), 0);
		return;
	}
	assert_int_equal(hy_width_placeholder(cp, buf), 1);
	assert_string_equal(buf, want);
	/* a placeholder is exactly as wide as the code point it stands for */
	assert_int_equal(hy_width_str(buf, strlen(buf)), hy_width_cp(cp));
}

static void test_placeholder(void **state)
{
	(void)state;
	expect_ph(0x00, "^@");
	expect_ph(0x01, "^A");
	expect_ph(0x07, "^G");
	expect_ph('\t', "^I");
	expect_ph('\n', "^J");
	expect_ph(0x1B, "^[");
	expect_ph(0x1F, "^_");
	expect_ph(0x7F, "^?");
	expect_ph(0x80, "\xef\xbf\xbd");
	expect_ph(0x85, "\xef\xbf\xbd");
	expect_ph(0x9B, "\xef\xbf\xbd");
	expect_ph(0x202E, "\xef\xbf\xbd");
	expect_ph(0x2067, "\xef\xbf\xbd");
	expect_ph(0x061C, "\xef\xbf\xbd");
	expect_ph(0x0378, "\xef\xbf\xbd");
	expect_ph(0xDFFF, "\xef\xbf\xbd");
	expect_ph(0x110000, "\xef\xbf\xbd");
	expect_ph('a', NULL);
	expect_ph(' ', NULL);
	expect_ph(0x4E2D, NULL);
	expect_ph(0xA0, NULL);
	expect_ph(0xFFFD, NULL); /* drawn as itself */
	expect_ph(0x0301, NULL);
	expect_ph(0x200D, NULL);
}

static void test_advance(void **state)
{
	(void)state;
	assert_int_equal(hy_width_advance('\t', 0), 4);
	assert_int_equal(hy_width_advance('\t', 3), 4);
	assert_int_equal(hy_width_advance('\t', 4), 8);
	assert_int_equal(hy_width_advance('a', 5), 6);
	assert_int_equal(hy_width_advance(0x4E2D, 5), 7);
	assert_int_equal(hy_width_advance(0x0301, 5), 5);
	assert_int_equal(hy_width_advance(0x1B, 0), 2);
}

#define W(s) hy_width_str((s), sizeof(s) - 1)

static void test_str(void **state)
{
	(void)state;
	assert_int_equal(W(""), 0);
	assert_int_equal(hy_width_str(NULL, 5), 0);
	assert_int_equal(W("abc"), 3);
	assert_int_equal(W("中文abc"), 7);
	assert_int_equal(W("会议，。"), 8);
	assert_int_equal(W("e\xcc\x81"), 1);          /* e + U+0301 */
	assert_int_equal(W("👨‍👩‍👧"), 6); /* wcwidth sums */
	assert_int_equal(W("❤️"), 1);             /* VS16 adds 0 */
	assert_int_equal(W("\x1b[31m"), 6);           /* ^[ + "[31m" */
	assert_int_equal(W("\xc2\x85"), 1);           /* C1 NEL */
	assert_int_equal(W("\xe2\x80\xae"
			   "abc"),
			 4);                /* U+202E */
	assert_int_equal(W("\xff\xfe"), 2); /* invalid bytes */
	assert_int_equal(W("\xe4\xb8"), 2); /* truncated 中 */
	assert_int_equal(W("a\0b"), 4);     /* NUL is ^@ */
	assert_int_equal(W("\t"), 4);
	assert_int_equal(W("a\tb"), 5);
	assert_int_equal(W("abcd\t"), 8);
	assert_int_equal(W("中\t"), 4);
	assert_int_equal(W("𠀀"), 2);
}

static void expect_fit(const char *s, size_t n, size_t maxw, size_t bytes, size_t used)
{
	size_t u = 99;

	assert_int_equal(hy_width_fit(s, n, maxw, &u), bytes);
	assert_int_equal(u, used);
	assert_int_equal(hy_width_fit(s, n, maxw, NULL), bytes);
}

#define FIT(s, maxw, bytes, used) expect_fit((s), sizeof(s) - 1, (maxw), (bytes), (used))

static void test_fit(void **state)
{
	(void)state;
	FIT("", 5, 0, 0);
	FIT("abc", 5, 3, 3);
	FIT("abc", 2, 2, 2);
	FIT("中文", 4, 6, 4);
	FIT("中文", 3, 3, 2); /* 文 does not split */
	FIT("中文", 1, 0, 0);
	FIT("中文", 0, 0, 0);
	/* a base keeps its marks */
	FIT("e\xcc\x81x", 1, 3, 1);
	FIT("e\xcc\x81x", 0, 0, 0);
	FIT("a\xcc\x81\xcc\x82\xcc\x83"
	    "b",
	    1, 7, 1);
	/* a lone mark at the start is a character of width 0 */
	FIT("\xcc\x81x", 0, 2, 0);
	/* a ZWJ sequence is one character */
	FIT("👨‍👩‍👧", 5, 0, 0);
	FIT("👨‍👩‍👧x", 6, 18, 6);
	/* but a space or a control after a ZWJ starts a new character */
	FIT("a\xe2\x80\x8d b", 1, 4, 1);
	FIT("a\xe2\x80\x8d\x1b", 1, 4, 1);
	/* placeholders are never split */
	FIT("a\x1b", 2, 1, 1);
	FIT("a\x1b", 3, 2, 3);
	/* TAB goes to the next stop */
	FIT("a\tb", 3, 1, 1);
	FIT("a\tb", 4, 2, 4);
	FIT("a\tb", 5, 3, 5);
	/* invalid bytes are one column each */
	FIT("\xff\xfe\xfd", 2, 2, 2);
	assert_int_equal(hy_width_fit(NULL, 3, 5, NULL), 0);
}

static void expect_trunc(const char *s, size_t maxw, const char *want, size_t width)
{
	char out[64];

	memset(out, 'x', sizeof out);
	assert_int_equal(hy_width_truncate(s, strlen(s), maxw, out, sizeof out), width);
	assert_string_equal(out, want);
}

static void test_truncate(void **state)
{
	char out[8];

	(void)state;
	expect_trunc("会议纪要", 8, "会议纪要", 8);
	expect_trunc("会议纪要", 9, "会议纪要", 8);
	expect_trunc("会议纪要", 7, "会议纪…", 7);
	expect_trunc("会议纪要", 6, "会议…", 5);
	expect_trunc("会议纪要", 5, "会议…", 5);
	expect_trunc("会议纪要", 2, "…", 1);
	expect_trunc("会议纪要", 1, "…", 1);
	expect_trunc("会议纪要", 0, "", 0);
	expect_trunc("abcdef", 4, "abc…", 4);
	expect_trunc("", 4, "", 0);
	/* marks stay with their base; ZWJ sequences stay whole */
	expect_trunc("e\xcc\x81"
		     "e\xcc\x81"
		     "e\xcc\x81",
		     2, "e\xcc\x81…", 2);
	expect_trunc("a👨‍👩‍👧", 6, "a…", 2);
	/* the output is what is drawn: safe for a terminal */
	expect_trunc("a\x1b[2Jb", 20, "a^[[2Jb", 7);
	expect_trunc("a\x1b[2Jb", 4, "a^[…", 4);
	expect_trunc("a\x1b[2Jb", 3, "a…", 2);
	expect_trunc("\xe2\x80\xae"
		     "abc",
		     10,
		     "\xef\xbf\xbd"
		     "abc",
		     4);
	expect_trunc("x\xc2\x85y", 10, "x\xef\xbf\xbdy", 3);
	expect_trunc("\xff"
		     "a",
		     10,
		     "\xef\xbf\xbd"
		     "a",
		     2);
	expect_trunc("a\tb", 10, "a   b", 5);
	expect_trunc("a\tb", 4, "a…", 2);
	/* out too small for the text: cut there, ellipsis if it fits */
	assert_int_equal(hy_width_truncate("abcdefgh", 8, 20, out, sizeof out), 5);
	assert_string_equal(out, "abcd…");
	assert_int_equal(hy_width_truncate("abcdef", 6, 20, out, 4), 1);
	assert_string_equal(out, "…");
	assert_int_equal(hy_width_truncate("abcdef", 6, 20, out, 3), 2);
	assert_string_equal(out, "ab");
	assert_int_equal(hy_width_truncate("中文", 6, 20, out, 3), 0);
	assert_string_equal(out, "");
	assert_int_equal(hy_width_truncate("abcdef", 6, 20, out, 1), 0);
	assert_string_equal(out, "");
	assert_int_equal(hy_width_truncate("abc", 3, 20, NULL, 10), 0);
	assert_int_equal(hy_width_truncate("abc", 3, 20, out, 0), 0);
	assert_int_equal(hy_width_truncate(NULL, 3, 20, out, sizeof out), 0);
	assert_string_equal(out, "");
}

/* The rule for East Asian ambiguous-width characters (“ ” … · § │ ①
 * U+FFFD): 1 column narrow, 2 wide; the rest never changes. wcwidth() is
 * the module's own (what ncursesw asks), so it follows the rule too. */
static void test_ambiguous(void **state)
{
	static const uint32_t amb[] = {0x201C, 0x201D, 0x2018, 0x2026, 0x00B7, 0x00A7,
				       0x2014, 0x2502, 0x2460, 0x25BD, 0xFFFD};
	char out[64];

	(void)state;
	for (size_t i = 0; i < sizeof amb / sizeof *amb; i++)
		assert_true(hy_width_is_ambiguous(amb[i]));
	assert_false(hy_width_is_ambiguous('a'));
	assert_false(hy_width_is_ambiguous(0x4E2D));
	assert_false(hy_width_is_ambiguous(0x3001)); /* 、 is wide */

	hy_width_set_ambiguous(0);
	assert_int_equal(hy_width_ambiguous_wide(), 0);
	for (size_t i = 0; i < sizeof amb / sizeof *amb; i++) {
		assert_int_equal(hy_width_cp(amb[i]), 1);
		assert_int_equal(wcwidth((wchar_t)amb[i]), 1);
	}
	assert_int_equal(hy_width_str("“会议”…", strlen("“会议”…")), 7);
	assert_int_equal(hy_width_cp(0x85), 1); /* C1: U+FFFD */
	expect_trunc("会议纪要", 7, "会议纪…", 7);
	expect_trunc("“会议”纪要", 6, "“会议…", 6);

	hy_width_set_ambiguous(1);
	assert_int_equal(hy_width_ambiguous_wide(), 1);
	for (size_t i = 0; i < sizeof amb / sizeof *amb; i++) {
		assert_int_equal(hy_width_cp(amb[i]), 2);
		assert_int_equal(wcwidth((wchar_t)amb[i]), 2);
	}
	/* what is not ambiguous stays as it was */
	assert_int_equal(hy_width_cp('a'), 1);
	assert_int_equal(wcwidth(L'a'), 1);
	assert_int_equal(hy_width_cp(0x4E2D), 2);
	assert_int_equal(hy_width_cp(0x3002), 2); /* 。 */
	assert_int_equal(hy_width_cp(0x0301), 0); /* a combining mark */
	assert_int_equal(hy_width_cp(0x200D), 0);
	assert_int_equal(hy_width_cp(0x1B), 2); /* "^[" */
	assert_int_equal(wcwidth(0x1B), -1);
	assert_int_equal(wcswidth(L"a“中", 3), 5);
	assert_int_equal(hy_width_str("“会议”…", strlen("“会议”…")), 10);
	/* placeholders are U+FFFD: 2 columns now */
	assert_int_equal(hy_width_cp(0x85), 2);
	assert_int_equal(hy_width_cp(0x202E), 2);
	assert_int_equal(hy_width_str("x\xffy", 3), 4);
	/* fit and cut count the rule; "…" takes 2 columns */
	FIT("“会”", 3, 3, 2);
	FIT("“会”", 4, 6, 4);
	expect_trunc("会议纪要", 8, "会议纪要", 8);
	expect_trunc("会议纪要", 7, "会议…", 6);
	expect_trunc("会议纪要", 6, "会议…", 6);
	expect_trunc("“会议”纪要", 7, "“会…", 6);
	expect_trunc("abcdef", 4, "ab…", 4);
	expect_trunc("会议纪要", 2, "…", 2);
	expect_trunc("会议纪要", 1, "", 0);
	expect_trunc("\xe2\x80\xae"
		     "abc",
		     10,
		     "\xef\xbf\xbd"
		     "abc",
		     5);
	assert_int_equal(hy_width_truncate("abc", 3, 20, out, sizeof out), 3);
	hy_width_set_ambiguous(0);
	assert_int_equal(hy_width_cp(0x201C), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cp),        cmocka_unit_test(test_placeholder),
		cmocka_unit_test(test_advance),   cmocka_unit_test(test_str),
		cmocka_unit_test(test_fit),       cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_ambiguous),
	};

	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8")) {
		printf("skip: no UTF-8 locale (C.UTF-8, en_US.UTF-8)\n");
		return 77;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
