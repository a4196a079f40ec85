/* test_trend.c: the pure parts of huiyi trend: which period a date falls
 * in, the period after another (the rows between two, gaps included), and
 * the bars of eighth blocks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../src/cli/cli.h"
#include "huiyi/trend.h"

static void test_period(void **state)
{
	char p[16];
	(void)state;
	assert_int_equal(hy_trend_period("2024-03-08", HY_TREND_MONTH, p), 0);
	assert_string_equal(p, "2024-03");
	assert_int_equal(hy_trend_period("2024-03-08", HY_TREND_QUARTER, p), 0);
	assert_string_equal(p, "2024-Q1");
	assert_int_equal(hy_trend_period("2024-04-01", HY_TREND_QUARTER, p), 0);
	assert_string_equal(p, "2024-Q2");
	assert_int_equal(hy_trend_period("2024-12-31", HY_TREND_QUARTER, p), 0);
	assert_string_equal(p, "2024-Q4");
	assert_int_equal(hy_trend_period("2024-09", HY_TREND_QUARTER, p), 0);
	assert_string_equal(p, "2024-Q3");
	assert_int_equal(hy_trend_period("2024-10-05", HY_TREND_YEAR, p), 0);
	assert_string_equal(p, "2024");
	/* no period: no date, no year, a month that is none, not digits */
	assert_int_equal(hy_trend_period(NULL, HY_TREND_MONTH, p), -1);
	assert_int_equal(hy_trend_period("", HY_TREND_MONTH, p), -1);
	assert_int_equal(hy_trend_period("03-08", HY_TREND_MONTH, p), -1);
	assert_int_equal(hy_trend_period("--03-08", HY_TREND_YEAR, p), -1);
	assert_int_equal(hy_trend_period("2024-13-01", HY_TREND_MONTH, p), -1);
	assert_int_equal(hy_trend_period("2024-00-01", HY_TREND_YEAR, p), -1);
	assert_int_equal(hy_trend_period("２０２４-03-01", HY_TREND_YEAR, p), -1);
	assert_int_equal(hy_trend_period("2024/03/01", HY_TREND_YEAR, p), -1);
}

static void test_next(void **state)
{
	char p[16];
	(void)state;
	assert_int_equal(hy_trend_next("2024-03", HY_TREND_MONTH, p), 0);
	assert_string_equal(p, "2024-04");
	assert_int_equal(hy_trend_next("2024-12", HY_TREND_MONTH, p), 0);
	assert_string_equal(p, "2025-01");
	assert_int_equal(hy_trend_next("2024-Q4", HY_TREND_QUARTER, p), 0);
	assert_string_equal(p, "2025-Q1");
	assert_int_equal(hy_trend_next("2024-Q2", HY_TREND_QUARTER, p), 0);
	assert_string_equal(p, "2024-Q3");
	assert_int_equal(hy_trend_next("1999", HY_TREND_YEAR, p), 0);
	assert_string_equal(p, "2000");
	/* the end of the calendar, and periods of another grouping */
	assert_int_equal(hy_trend_next("9999-12", HY_TREND_MONTH, p), -1);
	assert_int_equal(hy_trend_next("9999", HY_TREND_YEAR, p), -1);
	assert_int_equal(hy_trend_next("2024-Q1", HY_TREND_MONTH, p), -1);
	assert_int_equal(hy_trend_next("2024-03", HY_TREND_QUARTER, p), -1);
	assert_int_equal(hy_trend_next("2024-03", HY_TREND_YEAR, p), -1);
	assert_int_equal(hy_trend_next("2024-Q5", HY_TREND_QUARTER, p), -1);
	assert_int_equal(hy_trend_next(NULL, HY_TREND_YEAR, p), -1);
	/* a date's period, then next, twelve times: a year later */
	assert_int_equal(hy_trend_period("2023-11-30", HY_TREND_MONTH, p), 0);
	for (int i = 0; i < 12; i++)
		assert_int_equal(hy_trend_next(p, HY_TREND_MONTH, p), 0);
	assert_string_equal(p, "2024-11");
}

static void test_by_name(void **state)
{
	(void)state;
	assert_int_equal(hy_trend_by_name("month"), HY_TREND_MONTH);
	assert_int_equal(hy_trend_by_name("quarter"), HY_TREND_QUARTER);
	assert_int_equal(hy_trend_by_name("year"), HY_TREND_YEAR);
	assert_int_equal(hy_trend_by_name("week"), -1);
	assert_int_equal(hy_trend_by_name("Month"), -1);
	assert_int_equal(hy_trend_by_name(NULL), -1);
}

/* The bar's eighths (a full block 8, U+258F 1 … U+2589 7) and columns. */
static void measure(const char *s, int *eighths, int *cols)
{
	*eighths = *cols = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		if (*p == ' ') {
			(*cols)++;
			p++;
			continue;
		}
		assert_int_equal(p[0], 0xe2);
		assert_int_equal(p[1], 0x96);
		assert_true(p[2] >= 0x88 && p[2] <= 0x8f);
		*eighths += p[2] == 0x88 ? 8 : 0x90 - p[2];
		(*cols)++;
		p += 3;
	}
}

static void test_bar(void **state)
{
	char buf[256];
	int e, c;
	(void)state;
	/* the largest value fills the width */
	hy_cli_trend_bar(10, 10, 20, buf, sizeof buf);
	measure(buf, &e, &c);
	assert_int_equal(e, 160);
	assert_int_equal(c, 20);
	/* half: half the eighths, padded to the width */
	hy_cli_trend_bar(5, 10, 20, buf, sizeof buf);
	measure(buf, &e, &c);
	assert_int_equal(e, 80);
	assert_int_equal(c, 20);
	/* a partial block: 3/8 of a column */
	hy_cli_trend_bar(3, 8, 1, buf, sizeof buf);
	assert_string_equal(buf, "\xe2\x96\x8d");
	hy_cli_trend_bar(1, 8, 1, buf, sizeof buf);
	assert_string_equal(buf, "\xe2\x96\x8f");
	hy_cli_trend_bar(7, 8, 2, buf, sizeof buf);
	assert_string_equal(buf, "\xe2\x96\x88\xe2\x96\x8a");
	/* zero is empty; something is never nothing */
	hy_cli_trend_bar(0, 10, 5, buf, sizeof buf);
	assert_string_equal(buf, "     ");
	hy_cli_trend_bar(1, 100000, 5, buf, sizeof buf);
	measure(buf, &e, &c);
	assert_int_equal(e, 1);
	assert_int_equal(c, 5);
	/* above the scale stays in the width; no scale, no bar */
	hy_cli_trend_bar(30, 10, 4, buf, sizeof buf);
	measure(buf, &e, &c);
	assert_int_equal(e, 32);
	assert_int_equal(c, 4);
	hy_cli_trend_bar(3, 0, 4, buf, sizeof buf);
	assert_string_equal(buf, "    ");
	/* every value of a scale: eighths rounded, monotone, in the width */
	for (int w = 1; w <= 40; w += 13) {
		int last = 0;
		for (int v = 0; v <= 97; v++) {
			hy_cli_trend_bar(v, 97, (size_t)w, buf, sizeof buf);
			measure(buf, &e, &c);
			assert_int_equal(c, w);
			assert_true(e >= last);
			assert_true(e <= w * 8);
			assert_true(e - (double)v / 97 * w * 8 <= 0.5 || (v > 0 && e == 1));
			last = e;
		}
	}
	/* a small buffer: cut at a whole character, always ended */
	hy_cli_trend_bar(10, 10, 20, buf, 8);
	assert_string_equal(buf, "\xe2\x96\x88\xe2\x96\x88 ");
	hy_cli_trend_bar(10, 10, 20, buf, 1);
	assert_string_equal(buf, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_period),
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_by_name),
		cmocka_unit_test(test_bar),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
