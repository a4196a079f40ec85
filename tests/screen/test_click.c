/* test_click.c: a click selects what is painted under the pointer (issue 18
 * item 5; DESIGN.md §4 Layout).
 *
 * The list, the search results and the meeting's outline (and the people
 * and the trend's periods), at 20x4, 40x8,
 * 80x24 and 200x60 (and 3 and 2 rows), narrow and wide ambiguous
 * characters, scrolled to the top, a page down and the end: every row is
 * clicked (at its left edge, its middle and its right edge; in a meeting
 * also on the outline's border), each click from that same state. What the row shows is read from the painted grid, not from the
 * layout: a row that paints an item must select that item (or open it
 * when it was selected already: a second click), and stay painted there;
 * a row that paints none (a title, a header, the status line, a border, an
 * empty row, the reader) must change nothing. No database: the model is
 * given rows, results and a meeting as the main loop would. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "huiyi/grid.h"
#include "huiyi/model.h"
#include "huiyi/view.h"
#include "huiyi/width.h"

#define NONE SIZE_MAX
#define ITEMS 300   /* list rows and results: more than 200x60 shows */
#define SECTIONS 80 /* the outline at 200x60 shows 58 */
#define PERIODS 48  /* the trend's most months: 2001-01 … 2004-12 */

enum what { LIST, RESULTS, OUTLINE, PEOPLE, TREND };

/* the four of issue 18, and screens too short for a title */
static const int sizes[][2] = {{20, 4}, {40, 8}, {80, 24}, {200, 60}, {20, 3}, {30, 2}, {120, 3}};

/* Row y of the painted grid as text; role of its first cell in *role0. */
static void row_text(const struct hy_grid *g, int y, char *out, size_t len, int *role0)
{
	size_t u = 0;
	out[0] = '\0';
	for (int x = 0; x < g->w; x++) {
		const struct hy_cell *c = &g->cells[y * g->w + x];
		size_t k = strlen(c->text);
		if (u + k + 1 < len) {
			memcpy(out + u, c->text, k);
			u += k;
		}
	}
	out[u] = '\0';
	*role0 = g->cells[y * g->w].role;
}

/* The number after the first `mark` in s, or -1. */
static long number_after(const char *s, const char *mark)
{
	const char *p = strstr(s, mark);
	if (!p)
		return -1;
	p += strlen(mark);
	if (*p < '0' || *p > '9')
		return -1;
	return strtol(p, NULL, 10);
}

/* The item a row paints, from its text: a list row's title "L0042"; a
 * result's title "R0042" or its snippet "S0042" on its second row; an
 * outline entry " 43 H0043" from the left edge (only when the pointer is
 * on it: x in the entry); a person "P0042"; a period "2004-07". */
static size_t item_on_row(enum what w, const char *text, int x)
{
	long n, k;
	switch (w) {
	case LIST:
		n = number_after(text, "L");
		return n >= 0 ? (size_t)n : NONE;
	case RESULTS:
		n = number_after(text, "R");
		if (n >= 0)
			return (size_t)n;
		n = number_after(text, "S");
		return n >= 0 ? (size_t)n : NONE;
	case OUTLINE:
		if (x > 1 || sscanf(text, " %ld H%ld", &n, &k) != 2 || n != k || n < 1)
			return NONE;
		return (size_t)(n - 1);
	case PEOPLE:
		n = number_after(text, "P");
		return n >= 0 ? (size_t)n : NONE;
	case TREND: { /* " 2001-03 ███ 3 (3)"; the status line " 2001-03: …" */
		int y, mo;
		char after;
		if (sscanf(text, " %4d-%2d%c", &y, &mo, &after) != 3 || after != ' ')
			return NONE;
		return (size_t)((y - 2001) * 12 + mo - 1);
	}
	}
	return NONE;
}

static size_t selected(const struct hy_model *m, enum what w)
{
	switch (w) {
	case LIST:
		return m->list.sel;
	case RESULTS:
		return m->results.sel;
	case OUTLINE:
		return hy_model_section(m) > 0 ? (size_t)hy_model_section(m) - 1 : NONE;
	case PEOPLE:
		return m->people.sel;
	case TREND:
		return m->trend.sel;
	}
	return NONE;
}

static void key(struct hy_model *m, uint32_t k)
{
	struct hy_effects fx;
	struct hy_event ev = {.type = HY_EV_KEY, .key = k};
	hy_model_update(m, &ev, &fx);
}

/* A model on screen `w` with its items given, w×h. */
static void model_of(struct hy_model *m, enum what w, int cols, int rows)
{
	struct hy_effects fx;
	char t[ITEMS][16], sn[ITEMS][16];
	hy_model_init(m, cols, rows);
	if (w == LIST) {
		struct hy_row r[ITEMS];
		memset(r, 0, sizeof r);
		for (size_t i = 0; i < ITEMS; i++) {
			snprintf(t[i], sizeof t[i], "L%04zu", i);
			r[i].id = (int64_t)i + 1;
			r[i].date = "2024-01-01";
			r[i].title = t[i];
		}
		assert_int_equal(hy_model_rows(m, HY_ROWS_START, r, ITEMS, 1, ITEMS, &fx), 0);
	} else if (w == RESULTS) {
		struct hy_result r[ITEMS];
		memset(r, 0, sizeof r);
		hy_results_start(m, "q", &fx);
		for (size_t i = 0; i < ITEMS; i++) {
			snprintf(t[i], sizeof t[i], "R%04zu", i);
			r[i].meeting = (int64_t)i + 1;
			r[i].section = (int)i + 1;
			r[i].date = "2024-01-01";
			r[i].title = t[i];
			r[i].heading = "H";
			snprintf(sn[i], sizeof sn[i], "S%04zu", i);
			r[i].snippet = sn[i];
		}
		assert_int_equal(hy_model_results(m, r, ITEMS, 1, ITEMS, ITEMS, 1, &fx), 0);
		assert_int_equal(m->screen, HY_SCREEN_RESULTS);
	} else if (w == PEOPLE) {
		struct hy_person_row r[ITEMS];
		memset(r, 0, sizeof r);
		hy_people_open(m, &fx);
		for (size_t i = 0; i < ITEMS; i++) {
			snprintf(t[i], sizeof t[i], "P%04zu", i);
			r[i].id = (int64_t)i + 1;
			r[i].name = t[i];
			r[i].place = "";
			r[i].total = 1;
		}
		assert_int_equal(hy_model_people(m, 0, r, ITEMS, 1, ITEMS, &fx), 0);
		assert_int_equal(m->screen, HY_SCREEN_PEOPLE);
	} else if (w == TREND) {
		struct hy_trend_row *r = calloc(PERIODS, sizeof *r);
		assert_non_null(r);
		hy_trend_open(m, "q", &fx);
		for (size_t i = 0; i < PERIODS; i++) {
			snprintf(r[i].period, sizeof r[i].period, "%04zu-%02zu", 2001 + i / 12,
				 i % 12 + 1);
			r[i].corpus = r[i].meetings = r[i].sections = i + 1;
		}
		assert_int_equal(hy_model_trend(m, r, PERIODS, 0, &fx), 0);
		assert_int_equal(m->screen, HY_SCREEN_TREND);
	} else {
		struct hy_meeting mt;
		memset(&mt, 0, sizeof mt);
		mt.title = strdup("T");
		mt.sections = calloc(SECTIONS, sizeof *mt.sections);
		assert_non_null(mt.title);
		assert_non_null(mt.sections);
		for (size_t i = 0; i < SECTIONS; i++) {
			char h[16];
			snprintf(h, sizeof h, "H%04zu", i + 1);
			mt.sections[i].n = (int)i + 1;
			mt.sections[i].heading = strdup(h);
			mt.sections[i].text = strdup("会议研究了有关工作。");
			assert_non_null(mt.sections[i].heading);
			assert_non_null(mt.sections[i].text);
		}
		mt.n_sections = SECTIONS;
		assert_int_equal(hy_model_meeting(m, 7, &mt), 0);
		assert_int_equal(m->screen, HY_SCREEN_MEETING);
	}
}

/* Where the model is scrolled to before the clicks: 0 the top, 1 a page
 * (or, in a meeting, 40 sections) down, 2 the end. */
static void scroll_to(struct hy_model *m, enum what w, int where)
{
	if (w == TREND) { /* it opens on the last period: the end */
		if (where == 2)
			return;
		key(m, 'g');
	}
	if (where == 1 && w == OUTLINE)
		for (int i = 0; i < 40; i++)
			key(m, HY_KEY_TAB);
	else if (where == 1)
		key(m, ' ');
	else if (where == 2)
		key(m, 'G');
}

/* Click (x, y); returns the items the clicks on painted rows hit. */
static size_t click_row(struct hy_model *m, struct hy_grid *g, enum what w, int y, int x,
			const char *label)
{
	struct hy_effects fx;
	struct hy_event ev = {.type = HY_EV_MOUSE, .mouse = HY_MOUSE_CLICK, .x = x, .y = y};
	char text[4096];
	int cy, cx, role;
	hy_view_render(m, g, &cy, &cx);
	row_text(g, y, text, sizeof text, &role);
	size_t want = item_on_row(w, text, x), before = selected(m, w);
	enum hy_screen on = m->screen;
	hy_model_update(m, &ev, &fx);
	size_t got = selected(m, w);
	if (want == NONE) {
		if (got != before || fx.load_meeting || fx.load_career || m->screen != on)
			fail_msg("%s: a click at %d,%d on |%s| (no item) selected %zd (was %zd), "
				 "opened %lld",
				 label, x, y, text, (ssize_t)got, (ssize_t)before,
				 (long long)(fx.load_meeting + fx.load_career));
		return 0;
	}
	if (got != want)
		fail_msg("%s: a click at %d,%d on |%s| selected item %zd, not %zu", label, x, y,
			 text, (ssize_t)got, want);
	/* a second click on the selected row opens it: a meeting, a
	 * career; a period narrows the list (the trend screen leaves) */
	if (before == want && w != OUTLINE &&
	    (w == TREND ? m->screen == HY_SCREEN_TREND
			: (w == PEOPLE ? fx.load_career : fx.load_meeting) != (int64_t)want + 1))
		fail_msg("%s: a second click at %d,%d on |%s| did not open item %zu", label, x, y,
			 text, want);
	if (w != OUTLINE && m->screen == on) { /* not scrolled: the item there, selected */
		char again[4096];
		hy_view_render(m, g, &cy, &cx);
		row_text(g, y, again, sizeof again, &role);
		if (item_on_row(w, again, x) != want)
			fail_msg("%s: after a click at %d,%d row shows |%s|, not item %zu", label,
				 x, y, again, want);
		if (w != RESULTS && role != HY_ROLE_SELECTED)
			fail_msg("%s: the clicked row %d is not drawn selected", label, y);
	}
	return 1;
}

/* Every row clicked, each click from the same state: the model on
 * screen w, cols×rows, scrolled to `where`. */
static void clicks(enum what w, int cols, int rows, int where, int wide)
{
	struct hy_model m;
	struct hy_grid g;
	char label[96];
	size_t hit = 0;
	snprintf(label, sizeof label, "%s %dx%d scrolled %d%s",
		 w == LIST      ? "list"
		 : w == RESULTS ? "results"
		 : w == PEOPLE  ? "people"
		 : w == TREND   ? "trend"
				: "outline",
		 cols, rows, where, wide ? " ambiguous wide" : "");
	hy_width_set_ambiguous(wide);
	assert_int_equal(hy_grid_init(&g, cols, rows), 0);
	for (int y = 0; y < rows; y++) {
		int xs[] = {0, 1, cols / 2, cols - 1, -1};
		for (size_t k = 0; k < sizeof xs / sizeof xs[0]; k++) {
			int cy, cx;
			model_of(&m, w, cols, rows);
			scroll_to(&m, w, where);
			/* last: the outline's border, the row's first │ (or |) */
			hy_view_render(&m, &g, &cy, &cx);
			for (int x = 0; k == 4 && x < cols; x++) {
				const char *t = g.cells[y * cols + x].text;
				if (!strcmp(t, "│") || !strcmp(t, "|")) {
					xs[4] = x;
					break;
				}
			}
			if (xs[k] >= 0)
				hit += click_row(&m, &g, w, y, xs[k], label);
			hy_model_free(&m);
		}
	}
	/* the others show items at every size but 1 row (the trend: 2); the
	 * outline from 100 columns only */
	if ((w != OUTLINE || cols >= 100) && rows > (w == TREND ? 2 : 1) && hit == 0)
		fail_msg("%s: no row showed an item", label);
	if (w == OUTLINE && cols < 100 && hit)
		fail_msg("%s: no outline below 100 columns, yet %zu clicks hit one", label, hit);
	hy_grid_free(&g);
	hy_width_set_ambiguous(0);
}

/* Under the sanitizers (each click costs several times as much) every
 * size and every place in the list once, narrow and wide in turn, not
 * each of them both ways. */
#ifdef __SANITIZE_ADDRESS__
enum { BOTH_WIDTHS = 0 };
#else
enum { BOTH_WIDTHS = 1 };
#endif

static void test_clicks(void **state, enum what w)
{
	(void)state;
	for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
		for (int where = 0; where < 3; where++)
			for (int wide = 0; wide < 2; wide++)
				if (BOTH_WIDTHS || wide == (int)((s + (size_t)where) % 2))
					clicks(w, sizes[s][0], sizes[s][1], where, wide);
}

static void test_list(void **state)
{
	test_clicks(state, LIST);
}

static void test_results(void **state)
{
	test_clicks(state, RESULTS);
}

static void test_outline(void **state)
{
	test_clicks(state, OUTLINE);
}

static void test_people(void **state)
{
	test_clicks(state, PEOPLE);
}

static void test_trend(void **state)
{
	test_clicks(state, TREND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),    cmocka_unit_test(test_results),
		cmocka_unit_test(test_outline), cmocka_unit_test(test_people),
		cmocka_unit_test(test_trend),
	};
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
