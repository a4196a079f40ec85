/* test_utf8.c: UTF-8 primitives (utf8.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "huiyi/utf8.h"

/* Decode s (with explicit length) and check bytes used and code point. */
static void expect_decode(const char *s, size_t len, size_t used, uint32_t cp)
{
	uint32_t got = 0;

	assert_int_equal(hy_utf8_decode(s, len, &got), used);
	assert_int_equal(got, cp);
}

static void test_decode_valid(void **state)
{
	(void)state;
	expect_decode("a", 1, 1, 'a');
	expect_decode("\x7f", 1, 1, 0x7F);
	expect_decode("\xc2\x80", 2, 2, 0x80);
	expect_decode("\xdf\xbf", 2, 2, 0x7FF);
	expect_decode("\xe0\xa0\x80", 3, 3, 0x800);
	expect_decode("會", 3, 3, 0x6703);
	expect_decode("\xef\xbf\xbf", 3, 3, 0xFFFF);
	expect_decode("\xf0\x90\x80\x80", 4, 4, 0x10000);
	expect_decode("\xf4\x8f\xbf\xbf", 4, 4, 0x10FFFF);
	expect_decode("😀", 4, 4, 0x1F600);
	/* NUL is a valid code point */
	expect_decode("\0x", 2, 1, 0);
}

static void test_decode_rejects(void **state)
{
	(void)state;
	/* overlongs */
	expect_decode("\xc0\x80", 2, 1, HY_UTF8_REPLACEMENT);
	expect_decode("\xc1\xbf", 2, 1, HY_UTF8_REPLACEMENT);
	expect_decode("\xe0\x80\x80", 3, 1, HY_UTF8_REPLACEMENT);
	expect_decode("\xe0\x9f\xbf", 3, 1, HY_UTF8_REPLACEMENT);
	expect_decode("\xf0\x80\x80\x80", 4, 1, HY_UTF8_REPLACEMENT);
	expect_decode("\xf0\x8f\xbf\xbf", 4, 1, HY_UTF8_REPLACEMENT);
	/* surrogates */
	expect_decode("\xed\xa0\x80", 3, 1, HY_UTF8_REPLACEMENT);
	expect_decode("\xed\xbf\xbf", 3, 1, HY_UTF8_REPLACEMENT);
	/* above U+10FFFF */
	expect_decode("\xf4\x90\x80\x80", 4, 1, HY_UTF8_REPLACEMENT);
	expect_decode("\xf5\x80\x80\x80", 4, 1, HY_UTF8_REPLACEMENT);
	expect_decode("\xff", 1, 1, HY_UTF8_REPLACEMENT);
	expect_decode("\xfe", 1, 1, HY_UTF8_REPLACEMENT);
	/* lone continuation byte */
	expect_decode("\x80", 1, 1, HY_UTF8_REPLACEMENT);
	expect_decode("\xbf", 1, 1, HY_UTF8_REPLACEMENT);
	/* truncated: by the end of input, or by another character */
	expect_decode("\xe6\x9c", 2, 1, HY_UTF8_REPLACEMENT);
	expect_decode("\xe6\x9c"
		      "a",
		      3, 1, HY_UTF8_REPLACEMENT);
	expect_decode("\xf0\x9f\x98", 3, 1, HY_UTF8_REPLACEMENT);
	expect_decode("\xc3", 1, 1, HY_UTF8_REPLACEMENT);
	/* a valid sequence cut short by len */
	expect_decode("會", 2, 1, HY_UTF8_REPLACEMENT);
}

static void expect_next(const char *s, size_t len, size_t used, uint32_t cp, int bad)
{
	uint32_t got = 0;
	int b = -1;

	assert_int_equal(hy_utf8_next(s, len, &got, &b), used);
	assert_int_equal(got, cp);
	assert_int_equal(b, bad);
}

static void test_next_maximal_subpart(void **state)
{
	(void)state;
	expect_next("會", 3, 3, 0x6703, 0);
	expect_next("\xef\xbf\xbd", 3, 3, 0xFFFD, 0); /* a real U+FFFD */
	/* a truncated character is one error, not one per byte */
	expect_next("\xe6\x9c"
		    "a",
		    3, 2, 0xFFFD, 1);
	expect_next("\xe6\x9c", 2, 2, 0xFFFD, 1);
	expect_next("\xf0\x9f\x98", 3, 3, 0xFFFD, 1);
	/* a byte that can never start a character is an error of one */
	expect_next("\xff\xfe", 2, 1, 0xFFFD, 1);
	expect_next("\x80\x80", 2, 1, 0xFFFD, 1);
	expect_next("\xc0\x80", 2, 1, 0xFFFD, 1);
	/* surrogates and overlongs fail at the second byte */
	expect_next("\xed\xa0\x80", 3, 1, 0xFFFD, 1);
	expect_next("\xe0\x80\x80", 3, 1, 0xFFFD, 1);
	expect_next("\xf4\x90\x80\x80", 4, 1, 0xFFFD, 1);
	/* bad may be NULL */
	{
		uint32_t c;
		assert_int_equal(hy_utf8_next("x", 1, &c, NULL), 1);
		assert_int_equal(c, 'x');
	}
}

static void test_encode_roundtrip_all(void **state)
{
	char buf[4];
	uint32_t cp, got;
	size_t n;

	(void)state;
	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = hy_utf8_encode(cp, buf);
		assert_true(n >= 1 && n <= 4);
		assert_true(hy_utf8_valid(buf, n));
		assert_int_equal(hy_utf8_decode(buf, n, &got), n);
		if (got != cp)
			fail_msg("U+%04X came back as U+%04X", (unsigned)cp, (unsigned)got);
	}
	assert_int_equal(hy_utf8_encode(0x7F, buf), 1);
	assert_int_equal(hy_utf8_encode(0x80, buf), 2);
	assert_int_equal(hy_utf8_encode(0x7FF, buf), 2);
	assert_int_equal(hy_utf8_encode(0x800, buf), 3);
	assert_int_equal(hy_utf8_encode(0xFFFF, buf), 3);
	assert_int_equal(hy_utf8_encode(0x10000, buf), 4);
}

static void test_encode_invalid_is_replacement(void **state)
{
	char buf[4];

	(void)state;
	assert_int_equal(hy_utf8_encode(0xD800, buf), 3);
	assert_memory_equal(buf, "\xef\xbf\xbd", 3);
	assert_int_equal(hy_utf8_encode(0x110000, buf), 3);
	assert_memory_equal(buf, "\xef\xbf\xbd", 3);
}

static void test_valid(void **state)
{
	static const char mixed[] = "會議 meeting 😀 é";
	char big[4096];

	(void)state;
	assert_true(hy_utf8_valid("", 0));
	assert_true(hy_utf8_valid(NULL, 0));
	assert_true(hy_utf8_valid(mixed, strlen(mixed)));
	assert_false(hy_utf8_valid("\xc0\x80", 2));
	assert_false(hy_utf8_valid("\xed\xa0\x80", 3));
	assert_false(hy_utf8_valid("\xf4\x90\x80\x80", 4));
	assert_false(hy_utf8_valid("abc\xe6\x9c", 5)); /* truncated */
	assert_false(hy_utf8_valid("會", 2));          /* cut by len */
	/* the 8-byte ASCII fast path must not skip an error */
	memset(big, 'a', sizeof big);
	assert_true(hy_utf8_valid(big, sizeof big));
	for (size_t pos = 0; pos < 40; pos++) {
		memset(big, 'a', 64);
		big[pos] = '\xff';
		assert_false(hy_utf8_valid(big, 64));
		memcpy(big + pos, "會", 3);
		assert_true(hy_utf8_valid(big, 64));
	}
	/* NUL inside is valid */
	assert_true(hy_utf8_valid("a\0b", 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_decode_rejects),
		cmocka_unit_test(test_next_maximal_subpart),
		cmocka_unit_test(test_encode_roundtrip_all),
		cmocka_unit_test(test_encode_invalid_is_replacement),
		cmocka_unit_test(test_valid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
