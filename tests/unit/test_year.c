/* test_year.c: the year a readout's text does not give (meeting.h
 * hy_meeting_complete_date): from the source path or address, --year, the
 * file's time; a meeting precedes the date that places it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "huiyi/meeting.h"

/* Complete a meeting known only as month_day md with hints h; check the
 * date (NULL: none), the basis and whether the year is marked guessed. */
static void expect(const char *md, struct hy_date_hints h, const char *date,
		   enum hy_date_basis basis, int guessed)
{
	struct hy_meeting m = {0};
	m.month_day = strdup(md);
	assert_non_null(m.month_day);
	assert_int_equal(hy_meeting_complete_date(&m, &h), 0);
	if (!date) {
		if (m.date)
			fail_msg("%s with %s: got %s, want none", md, h.source ? h.source : "-",
				 m.date);
	} else {
		if (!m.date || strcmp(m.date, date) != 0)
			fail_msg("%s with %s: got %s, want %s", md, h.source ? h.source : "-",
				 m.date ? m.date : "none", date);
		assert_int_equal(m.date_basis, basis);
	}
	assert_int_equal(!!(m.guessed & HY_GUESSED_YEAR), guessed);
	assert_string_equal(m.month_day, md);
	hy_meeting_free(&m);
}

static void t_path_shapes(void **state)
{
	(void)state;
	const enum hy_date_basis P = HY_DATE_BASIS_PATH;
	expect("03-08", (struct hy_date_hints){.source = "/x/202403/t20240312_55.html"},
	       "2024-03-08", P, 0);
	expect("03-08", (struct hy_date_hints){.source = "https://a.gov.cn/2019/03/11/n.html"},
	       "2019-03-08", P, 0);
	expect("05-02", (struct hy_date_hints){.source = "scraped/2021-05-09_county.txt"},
	       "2021-05-02", P, 0);
	expect("05-02", (struct hy_date_hints){.source = "/data/2018/xw_113.txt"}, "2018-05-02", P,
	       0);
	expect("10-30", (struct hy_date_hints){.source = "/news/art/202211/88.html"}, "2022-10-30",
	       P, 0);
	/* digits that are no date: ids, a year glued to letters */
	expect("03-08", (struct hy_date_hints){.source = "/info/1257/40101.htm"}, NULL,
	       HY_DATE_BASIS_NONE, 0);
	expect("03-08", (struct hy_date_hints){.source = "/tmp/abc2019x/a.txt"}, NULL,
	       HY_DATE_BASIS_NONE, 0);
}

static void t_meeting_precedes_placing(void **state)
{
	(void)state;
	const enum hy_date_basis P = HY_DATE_BASIS_PATH;
	/* a December meeting published in January */
	expect("12-28", (struct hy_date_hints){.source = "/2024/01/05/a.html"}, "2023-12-28", P, 0);
	expect("12-30", (struct hy_date_hints){.source = "/x/202401/a.html"}, "2023-12-30", P, 0);
	/* the same month, a few days later: the page's own date, same year */
	expect("03-14", (struct hy_date_hints){.source = "/t20240312_1.html"}, "2024-03-14", P, 0);
}

static void t_given_then_file_time(void **state)
{
	(void)state;
	expect("03-08", (struct hy_date_hints){.source = "/r/a.txt", .year = 2016}, "2016-03-08",
	       HY_DATE_BASIS_GIVEN, 0);
	/* the path wins over --year */
	expect("03-08", (struct hy_date_hints){.source = "/2020/04/a.txt", .year = 2016},
	       "2020-03-08", HY_DATE_BASIS_PATH, 0);
	/* 2023-01-10 12:00 UTC: a December meeting is from 2022 */
	expect("12-20", (struct hy_date_hints){.source = "a.txt", .mtime = 1673352000},
	       "2022-12-20", HY_DATE_BASIS_FILE_TIME, 1);
	expect("01-03", (struct hy_date_hints){.source = "a.txt", .mtime = 1673352000},
	       "2023-01-03", HY_DATE_BASIS_FILE_TIME, 1);
	/* nothing to go by: the month and day stay, no date */
	expect("01-03", (struct hy_date_hints){.source = "-"}, NULL, HY_DATE_BASIS_NONE, 0);
	/* 29 February in a year without one stays partial */
	expect("02-29", (struct hy_date_hints){.year = 2023}, NULL, HY_DATE_BASIS_NONE, 0);
}

static void t_known_date_untouched(void **state)
{
	(void)state;
	struct hy_meeting m = {0};
	m.date = strdup("2021-06-01");
	m.date_basis = HY_DATE_BASIS_TEXT;
	struct hy_date_hints h = {.source = "/2024/01/a.txt", .year = 2000};
	assert_int_equal(hy_meeting_complete_date(&m, &h), 0);
	assert_string_equal(m.date, "2021-06-01");
	assert_string_equal(m.month_day, "06-01");
	assert_int_equal(m.date_basis, HY_DATE_BASIS_TEXT);
	assert_string_equal(hy_meeting_date_precision(&m), "day");
	hy_meeting_free(&m);
}

static void t_names_round_trip(void **state)
{
	(void)state;
	char buf[32];
	hy_meeting_guessed_names(HY_GUESSED_YEAR | HY_GUESSED_TITLE, buf, sizeof buf);
	assert_string_equal(buf, "year,title");
	assert_int_equal(hy_meeting_guessed_from(buf), HY_GUESSED_YEAR | HY_GUESSED_TITLE);
	assert_int_equal(hy_meeting_guessed_from("title,bogus"), HY_GUESSED_TITLE);
	hy_meeting_guessed_names(0, buf, sizeof buf);
	assert_string_equal(buf, "");
	for (int b = HY_DATE_BASIS_TEXT; b <= HY_DATE_BASIS_FILE_TIME; b++)
		assert_int_equal(hy_date_basis_from_name(hy_date_basis_name(b)), b);
	assert_null(hy_date_basis_name(HY_DATE_BASIS_NONE));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_path_shapes),
		cmocka_unit_test(t_meeting_precedes_placing),
		cmocka_unit_test(t_given_then_file_time),
		cmocka_unit_test(t_known_date_untouched),
		cmocka_unit_test(t_names_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
