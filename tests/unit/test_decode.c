/* test_decode.c: bytes → UTF-8 with detection (decode.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "huiyi/decode.h"
#include "huiyi/err.h"
#include "huiyi/utf8.h"

/* 县政府召开第二十六次常务会议，研究部署安全生产工作。 in GB18030 (iconv) */
static const char gb_simplified[] =
	"\xcf\xd8\xd5\xfe\xb8\xae\xd5\xd9\xbf\xaa\xb5\xda\xb6\xfe\xca\xae"
	"\xc1\xf9\xb4\xce\xb3\xa3\xce\xf1\xbb\xe1\xd2\xe9\xa3\xac\xd1\xd0"
	"\xbe\xbf\xb2\xbf\xca\xf0\xb0\xb2\xc8\xab\xc9\xfa\xb2\xfa\xb9\xa4"
	"\xd7\xf7\xa1\xa3";
static const char utf8_simplified[] = "县政府召开第二十六次常务会议，研究部署安全生产工作。";

/* 縣政府召開第二十六次常務會議，研究部署安全生產工作。 in Big5 (iconv) */
static const char big5_traditional[] = "\xbf\xa4\xac"
				       "F\xa9\xb2\xa5l\xb6}\xb2\xc4\xa4G\xa4Q\xa4\xbb\xa6\xb8"
				       "\xb1`\xb0\xc8\xb7|\xc4\xb3\xa1"
				       "A\xac\xe3\xa8s\xb3\xa1\xb8p\xa6w"
				       "\xa5\xfe\xa5\xcd\xb2\xa3\xa4u\xa7@\xa1"
				       "C";
static const char utf8_traditional[] = "縣政府召開第二十六次常務會議，研究部署安全生產工作。";

/* the same traditional sentence in GB18030 (GBK has traditional too) */
static const char gb_traditional[] =
	"\xbfh\xd5\xfe\xb8\xae\xd5\xd9\xe9_\xb5\xda\xb6\xfe\xca\xae\xc1\xf9"
	"\xb4\xce\xb3\xa3\x84\xd5\x95\xfe\xd7h\xa3\xac\xd1\xd0\xbe\xbf\xb2\xbf"
	"\xca\xf0\xb0\xb2\xc8\xab\xc9\xfa\xae"
	"a\xb9\xa4\xd7\xf7\xa1\xa3";

/* 会议听取了2024年度重点民生实事推进情况。 / 會議聽取了2024年度重點民生實事推進情況。 */
static const char gb_short[] =
	"\xbb\xe1\xd2\xe9\xcc\xfd\xc8\xa1\xc1\xcb"
	"2024\xc4\xea\xb6\xc8\xd6\xd8"
	"\xb5\xe3\xc3\xf1\xc9\xfa\xca\xb5\xca\xc2\xcd\xc6\xbd\xf8\xc7\xe9\xbf\xf6"
	"\xa1\xa3";
static const char big5_short[] = "\xb7|\xc4\xb3\xc5\xa5\xa8\xfa\xa4"
				 "F2024\xa6~\xab\xd7\xad\xab\xc2I"
				 "\xa5\xc1\xa5\xcd\xb9\xea\xa8\xc6\xb1\xc0\xb6i\xb1\xa1\xaap\xa1"
				 "C";

struct want {
	const char *text; /* NULL: do not compare */
	const char *encoding;
	size_t replaced;
};

static void check(const char *bytes, size_t n, const char *forced, struct want w)
{
	struct hy_decoded d;
	char err[256] = "";
	int rc = hy_decode(bytes, n, forced, &d, err, sizeof err);

	if (rc != 0)
		fail_msg("hy_decode failed: %d %s", rc, err);
	assert_non_null(d.text);
	assert_int_equal(d.text[d.len], '\0');
	assert_true(hy_utf8_valid(d.text, d.len));
	assert_string_equal(d.encoding, w.encoding);
	assert_int_equal(d.replaced, w.replaced);
	if (w.text) {
		assert_int_equal(d.len, strlen(w.text));
		assert_string_equal(d.text, w.text);
	}
	hy_decoded_free(&d);
	assert_null(d.text);
}

static void test_empty(void **state)
{
	(void)state;
	check(NULL, 0, NULL, (struct want){"", "UTF-8", 0});
	check("", 0, NULL, (struct want){"", "UTF-8", 0});
	check("", 0, "gbk", (struct want){"", "GBK", 0});
	check("\xef\xbb\xbf", 3, NULL, (struct want){"", "UTF-8", 0});
	check("\xff\xfe", 2, NULL, (struct want){"", "UTF-16LE", 0});
}

static void test_utf8_as_is(void **state)
{
	(void)state;
	check(utf8_traditional, strlen(utf8_traditional), NULL,
	      (struct want){utf8_traditional, "UTF-8", 0});
	check("plain ascii\n", 12, NULL, (struct want){"plain ascii\n", "UTF-8", 0});
}

static void test_utf8_bom_stripped(void **state)
{
	char buf[256];

	(void)state;
	strcpy(buf, "\xef\xbb\xbf");
	strcat(buf, utf8_simplified);
	check(buf, strlen(buf), NULL, (struct want){utf8_simplified, "UTF-8", 0});
	/* forced utf-8 also drops the BOM */
	check(buf, strlen(buf), "utf-8", (struct want){utf8_simplified, "UTF-8", 0});
}

static void test_utf16_bom(void **state)
{
	(void)state;
	/* FF FE, then 会议\n in UTF-16LE */
	check("\xff\xfe\x1aO\xae\x8b\n\0", 8, NULL, (struct want){"会议\n", "UTF-16LE", 0});
	check("\xfe\xffO\x1a\x8b\xae\0\n", 8, NULL, (struct want){"会议\n", "UTF-16BE", 0});
	/* a lone high surrogate and an odd last byte are two errors */
	check("\xff\xfe"
	      "a\0\x3d\xd8"
	      "b\0"
	      "c",
	      9, NULL,
	      (struct want){"a\xef\xbf\xbd"
			    "b\xef\xbf\xbd",
			    "UTF-16LE", 2});
}

static void test_utf16_without_bom(void **state)
{
	static const char le[] = "m\0e\0e\0t\0i\0n\0g\0\n\0\x1aO\xae\x8b";

	(void)state;
	check(le, sizeof le - 1, NULL, (struct want){"meeting\n会议", "UTF-16LE", 0});
}

/* Chinese UTF-16 without a BOM has few NULs (its digits, newlines) and one
 * at the other parity (开 is U+5F00): read as UTF-16 all the same. */
static void test_chinese_utf16_without_bom(void **state)
{
	static const char le[] =
		"\xbf\x53\x3f\x65\x9c\x5e\xec\x53\x00\x5f\x2c\x7b\x33\x00\x21\x6b\x38\x5e\xa1\x52\x1a\x4f\xae\x8b\x0a\x00\x32\x00\x30\x00\x32\x00\x34\x00\x74\x5e\x33\x00\x08\x67\x38\x00\xe5\x65\x0c\xff\xbf\x53\x7f\x95\x68\x54\x0e\x66\x3b\x4e\x01\x63\xec\x53\x00\x5f\xbf\x53\x3f\x65\x9c\x5e\x2c\x7b\x33\x00\x21\x6b\x38\x5e\xa1\x52\x1a\x4f\xae\x8b\x02\x30\x0a\x00\x1a\x4f\xae\x8b\x14\x78\x76\x7a\x86\x4e\x25\x66\x15\x80\xe5\x5d\x5c\x4f\x02\x30\x0a\x00";
	static const char be[] =
		"\x53\xbf\x65\x3f\x5e\x9c\x53\xec\x5f\x00\x7b\x2c\x00\x33\x6b\x21\x5e\x38\x52\xa1\x4f\x1a\x8b\xae\x00\x0a\x00\x32\x00\x30\x00\x32\x00\x34\x5e\x74\x00\x33\x67\x08\x00\x38\x65\xe5\xff\x0c\x53\xbf\x95\x7f\x54\x68\x66\x0e\x4e\x3b\x63\x01\x53\xec\x5f\x00\x53\xbf\x65\x3f\x5e\x9c\x7b\x2c\x00\x33\x6b\x21\x5e\x38\x52\xa1\x4f\x1a\x8b\xae\x30\x02\x00\x0a\x4f\x1a\x8b\xae\x78\x14\x7a\x76\x4e\x86\x66\x25\x80\x15\x5d\xe5\x4f\x5c\x30\x02\x00\x0a";
	static const char text[] =
		"县政府召开第3次常务会议\n2024年3月8日，县长周明主持召开县政府第3次常务会议。\n会议研究了春耕工作。\n";

	(void)state;
	check(le, sizeof le - 1, NULL, (struct want){text, "UTF-16LE", 0});
	check(be, sizeof be - 1, NULL, (struct want){text, "UTF-16BE", 0});
}

/* text (UTF-8) as UTF-16 without a BOM, big-endian when be; *n bytes. */
static char *to_utf16(const char *text, int be, size_t *n)
{
	size_t len = strlen(text), o = 0;
	char *out = malloc(4 * len + 2);
	assert_non_null(out);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += hy_utf8_decode(text + i, len - i, &cp);
		assert_true(cp < 0x10000);
		out[o + !be] = (char)(cp >> 8);
		out[o + be] = (char)(cp & 0xff);
		o += 2;
	}
	*n = o;
	return out;
}

static void check_utf16(const char *text)
{
	size_t n;
	char *le = to_utf16(text, 0, &n), *be = to_utf16(text, 1, &n);
	check(le, n, NULL, (struct want){text, "UTF-16LE", 0});
	check(be, n, NULL, (struct want){text, "UTF-16BE", 0});
	free(le);
	free(be);
}

/* Chinese UTF-16 without a BOM and without ASCII has no NUL at the
 * parity of ASCII at all (一 U+4E00 puts one at the other): still read as
 * UTF-16, simplified and traditional. */
static void test_chinese_utf16_no_ascii(void **state)
{
	(void)state;
	check_utf16("县政府召开第三次常务会议，县长周明主持。会议研究了春耕工作，"
		    "一致同意《关于加强安全生产的意见》。");
	check_utf16("縣政府召開第三次常務會議，縣長周明主持。會議研究了春耕工作，"
		    "一致同意《關於加強安全生產的意見》。");
}

static void check_not_utf16(const char *bytes, size_t n)
{
	struct hy_decoded d;
	char err[256] = "";
	assert_int_equal(hy_decode(bytes, n, NULL, &d, err, sizeof err), 0);
	if (strncmp(d.encoding, "UTF-16", 6) == 0)
		fail_msg("read as %s", d.encoding);
	hy_decoded_free(&d);
}

/* What is not UTF-16 is not read as it: English with two stray NULs at
 * one parity (its letter pairs read as Han: "he" is U+6568), English in
 * Latin-1 (not UTF-8 either), and binary data. */
static void test_not_utf16(void **state)
{
	static const char en[] = "The council met on Monday and discussed the budget for the "
				 "next year, the roads and the schools of the county; the "
				 "chairman asked the members to report on their work soon.";
	char buf[sizeof en], blob[4096];
	uint32_t x = 12345;

	(void)state;
	memcpy(buf, en, sizeof en);
	buf[41] = buf[101] = '\0';
	check(buf, sizeof en - 1, NULL, (struct want){NULL, "UTF-8", 0});
	buf[41] = buf[101] = '\xe9'; /* é in Latin-1 */
	check_not_utf16(buf, sizeof en - 1 - (sizeof en - 1) % 2);
	for (size_t i = 0; i < sizeof blob; i++) {
		x = x * 1103515245u + 12345u;
		blob[i] = (char)(x >> 24);
	}
	check_not_utf16(blob, sizeof blob);
}

static void test_gb18030_detected(void **state)
{
	(void)state;
	check(gb_simplified, strlen(gb_simplified), NULL,
	      (struct want){utf8_simplified, "GB18030", 0});
	check(gb_traditional, strlen(gb_traditional), NULL,
	      (struct want){utf8_traditional, "GB18030", 0});
	check(gb_short, strlen(gb_short), NULL,
	      (struct want){"会议听取了2024年度重点民生实事推进情况。", "GB18030", 0});
}

static void test_big5_detected(void **state)
{
	(void)state;
	check(big5_traditional, strlen(big5_traditional), NULL,
	      (struct want){utf8_traditional, "Big5", 0});
	check(big5_short, strlen(big5_short), NULL,
	      (struct want){"會議聽取了2024年度重點民生實事推進情況。", "Big5", 0});
}

static void test_legacy_invalid_counted(void **state)
{
	char buf[256];

	(void)state;
	/* a stray 0xFF in GB18030 text: one U+FFFD, the rest intact */
	strcpy(buf, gb_short);
	strcat(buf, "\xff");
	strcat(buf, gb_simplified);
	check(buf, strlen(buf), NULL,
	      (struct want){"会议听取了2024年度重点民生实事推进情况。\xef\xbf\xbd"
			    "县政府召开第二十六次常务会议，研究部署安全生产工作。",
			    "GB18030", 1});
	/* a lead byte followed by a byte that cannot trail it: the second
	 * byte survives (0x40..0x7E would be a valid GBK trail byte) */
	check("\xbb\xe1\xd2 a\xd2\n", 7, "gb18030",
	      (struct want){"会\xef\xbf\xbd a\xef\xbf\xbd\n", "GB18030", 2});
}

static void test_mostly_utf8_stays_utf8(void **state)
{
	char buf[512];
	size_t n;

	(void)state;
	/* UTF-8 whose last character was cut, then \xff\xfe: still UTF-8,
	 * three replacements, never re-read as GB18030 */
	strcpy(buf, utf8_traditional);
	n = strlen(buf);
	memcpy(buf + n, "\xe6\x9c\xff\xfe", 4);
	n += 4;
	{
		char want[512];
		strcpy(want, utf8_traditional);
		strcat(want, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
		check(buf, n, NULL, (struct want){want, "UTF-8", 3});
	}
	/* ASCII with one bad byte: UTF-8 with one replacement */
	check("hello\xff", 6, NULL, (struct want){"hello\xef\xbf\xbd", "UTF-8", 1});
	/* a bad byte in the middle of Chinese text */
	check("会议\x80研究", 13, NULL, (struct want){"会议\xef\xbf\xbd研究", "UTF-8", 1});
}

static void test_nul_kept(void **state)
{
	struct hy_decoded d;

	(void)state;
	assert_int_equal(hy_decode("a\0b", 3, NULL, &d, NULL, 0), 0);
	assert_int_equal(d.len, 3);
	assert_memory_equal(d.text, "a\0b", 4);
	hy_decoded_free(&d);
}

static void test_forced(void **state)
{
	(void)state;
	check(gb_simplified, strlen(gb_simplified), "gbk",
	      (struct want){utf8_simplified, "GBK", 0});
	check(gb_simplified, strlen(gb_simplified), "GB18030",
	      (struct want){utf8_simplified, "GB18030", 0});
	check(big5_traditional, strlen(big5_traditional), "big5",
	      (struct want){utf8_traditional, "Big5", 0});
	/* GB18030 four-byte sequence: U+1F600 */
	check("\x94\x39\xfc\x36", 4, "gb18030", (struct want){"😀", "GB18030", 0});
	/* forcing UTF-8 on GB bytes: every bad sequence replaced, counted */
	{
		struct hy_decoded d;
		assert_int_equal(hy_decode(gb_short, strlen(gb_short), "UTF-8", &d, NULL, 0), 0);
		assert_string_equal(d.encoding, "UTF-8");
		assert_true(d.replaced > 10);
		assert_non_null(strstr(d.text, "2024"));
		hy_decoded_free(&d);
	}
}

static void test_unknown_encoding(void **state)
{
	struct hy_decoded d;
	char err[256] = "";

	(void)state;
	assert_int_equal(hy_decode("x", 1, "klingon-8", &d, err, sizeof err), HY_ERR_INVALID);
	assert_non_null(strstr(err, "klingon-8"));
	assert_non_null(strstr(err, "unknown encoding"));
	assert_null(d.text);
	assert_int_equal(hy_decode("x", 1, "", &d, err, sizeof err), HY_ERR_INVALID);
	assert_non_null(strstr(err, "empty"));
	/* no message buffer: still the code */
	assert_int_equal(hy_decode("x", 1, "nope", &d, NULL, 0), HY_ERR_INVALID);
	hy_decoded_free(&d);
	hy_decoded_free(NULL);
}

/* Several MiB of GB18030 (ICU is fed in 1 MiB chunks, so characters
 * straddle chunk edges) decode exactly. */
static void test_large_gb18030(void **state)
{
	size_t unit = strlen(gb_short) + 1, times = (3u << 20) / unit + 7;
	size_t want_unit = strlen("会议听取了2024年度重点民生实事推进情况。\n");
	char *in = malloc(unit * times);
	struct hy_decoded d;

	(void)state;
	assert_non_null(in);
	for (size_t i = 0; i < times; i++) {
		memcpy(in + i * unit, gb_short, unit - 1);
		in[i * unit + unit - 1] = '\n';
	}
	assert_int_equal(hy_decode(in, unit * times, NULL, &d, NULL, 0), 0);
	assert_string_equal(d.encoding, "GB18030");
	assert_int_equal(d.replaced, 0);
	assert_int_equal(d.len, want_unit * times);
	for (size_t i = 0; i < times; i += 9973)
		assert_memory_equal(d.text + i * want_unit,
				    "会议听取了2024年度重点民生实事推进情况。\n", want_unit);
	hy_decoded_free(&d);
	free(in);
}

/* Arbitrary bytes never crash and always give valid UTF-8. */
static void test_garbage(void **state)
{
	unsigned char buf[4096];
	uint32_t x = 12345;
	struct hy_decoded d;

	(void)state;
	for (int round = 0; round < 50; round++) {
		size_t n = (size_t)round * 80;
		for (size_t i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			buf[i] = (unsigned char)(x >> 16);
		}
		assert_int_equal(hy_decode((char *)buf, n, NULL, &d, NULL, 0), 0);
		assert_true(hy_utf8_valid(d.text, d.len));
		hy_decoded_free(&d);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_utf8_as_is),
		cmocka_unit_test(test_utf8_bom_stripped),
		cmocka_unit_test(test_utf16_bom),
		cmocka_unit_test(test_utf16_without_bom),
		cmocka_unit_test(test_chinese_utf16_without_bom),
		cmocka_unit_test(test_chinese_utf16_no_ascii),
		cmocka_unit_test(test_not_utf16),
		cmocka_unit_test(test_gb18030_detected),
		cmocka_unit_test(test_big5_detected),
		cmocka_unit_test(test_legacy_invalid_counted),
		cmocka_unit_test(test_mostly_utf8_stays_utf8),
		cmocka_unit_test(test_nul_kept),
		cmocka_unit_test(test_forced),
		cmocka_unit_test(test_unknown_encoding),
		cmocka_unit_test(test_large_gb18030),
		cmocka_unit_test(test_garbage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
