/* test_script.c: the other script (script.h, issue 15): which script a
 * text is in; OpenCC's conversion by phrase, both ways; a meeting copied
 * into the other script with its dates and numbers as they were. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "huiyi/meeting.h"
#include "huiyi/script.h"

static void t_script_of(void **state)
{
	(void)state;
	static const char *simp = "县政府召开第19次常务会议，研究部署森林防火工作。";
	static const char *trad = "縣政府召開第19次常務會議，研究部署森林防火工作。";
	assert_int_equal(hy_script_of(simp, strlen(simp)), HY_SCRIPT_SIMPLIFIED);
	assert_int_equal(hy_script_of(trad, strlen(trad)), HY_SCRIPT_TRADITIONAL);
	/* no Han at all, and one traditional form in a long simplified text */
	assert_int_equal(hy_script_of("GDP 2024", 8), HY_SCRIPT_SIMPLIFIED);
	static const char *one = "会议听取了县财政局关于预算执行情况的汇报并研究了有关事项，"
				 "要求各部门严格执行預算，加强资金监管，确保资金安全高效使用。";
	assert_int_equal(hy_script_of(one, strlen(one)), HY_SCRIPT_SIMPLIFIED);
}

static void expect_conv(enum hy_script to, const char *in, const char *want)
{
	char *out = NULL;
	assert_int_equal(hy_script_convert(to, in, strlen(in), &out), 0);
	if (strcmp(out, want) != 0)
		fail_msg("%s → got %s, want %s", in, out, want);
	free(out);
}

static void t_convert_by_phrase(void **state)
{
	(void)state;
	/* 髮 and 發 are one simplified 发: the phrase decides the way back */
	expect_conv(HY_SCRIPT_SIMPLIFIED, "頭髮", "头发");
	expect_conv(HY_SCRIPT_TRADITIONAL, "头发", "頭髮");
	expect_conv(HY_SCRIPT_TRADITIONAL, "发展", "發展");
	expect_conv(HY_SCRIPT_SIMPLIFIED, "縣政府常務會議", "县政府常务会议");
	/* what is not Han passes as it is, and nothing is nothing */
	expect_conv(HY_SCRIPT_TRADITIONAL, "GDP 3,000 10:30", "GDP 3,000 10:30");
	expect_conv(HY_SCRIPT_SIMPLIFIED, "", "");
	expect_conv(HY_SCRIPT_STORED, "縣", "縣");
}

static char *dup(const char *s)
{
	char *d = strdup(s);
	assert_non_null(d);
	return d;
}

static void t_meeting_copy(void **state)
{
	(void)state;
	struct hy_meeting m = {0}, c;
	m.title = dup("柏溪縣政府召開第19次常務會議");
	m.date = dup("2024-04-18");
	m.month_day = dup("04-18");
	m.body = dup("縣政府");
	m.place = dup("柏溪縣");
	m.kind = dup("常務會議");
	m.number = 19;
	m.chair = dup("韓立新");
	m.chair_role = dup("縣長");
	m.n_attendees = 2;
	m.attendees = calloc(2, sizeof *m.attendees);
	assert_non_null(m.attendees);
	m.attendees[0] = dup("周立新");
	m.attendees[1] = dup("蔣春榮");
	m.n_sections = 1;
	m.sections = calloc(1, sizeof *m.sections);
	assert_non_null(m.sections);
	m.sections[0].n = 1;
	m.sections[0].heading = dup("全縣森林防火工作");
	m.sections[0].text = dup("會議聽取了全縣森林防火工作情況匯報。");
	assert_int_equal(hy_meeting_script(&m), HY_SCRIPT_TRADITIONAL);

	assert_int_equal(hy_meeting_to_script(&m, HY_SCRIPT_SIMPLIFIED, &c), 0);
	assert_string_equal(c.title, "柏溪县政府召开第19次常务会议");
	assert_string_equal(c.body, "县政府");
	assert_string_equal(c.place, "柏溪县");
	assert_string_equal(c.kind, "常务会议");
	assert_string_equal(c.chair, "韩立新");
	assert_string_equal(c.chair_role, "县长");
	assert_int_equal(c.n_attendees, 2);
	assert_string_equal(c.attendees[1], "蒋春荣");
	assert_int_equal(c.n_sections, 1);
	assert_int_equal(c.sections[0].n, 1);
	assert_string_equal(c.sections[0].heading, "全县森林防火工作");
	assert_string_equal(c.sections[0].text, "会议听取了全县森林防火工作情况汇报。");
	/* dates and numbers as they were; the stored meeting untouched */
	assert_string_equal(c.date, "2024-04-18");
	assert_string_equal(c.month_day, "04-18");
	assert_int_equal(c.number, 19);
	assert_null(c.summary);
	assert_string_equal(m.title, "柏溪縣政府召開第19次常務會議");
	assert_int_equal(hy_meeting_script(&c), HY_SCRIPT_SIMPLIFIED);
	hy_meeting_free(&c);
	hy_meeting_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_script_of),
		cmocka_unit_test(t_convert_by_phrase),
		cmocka_unit_test(t_meeting_copy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
