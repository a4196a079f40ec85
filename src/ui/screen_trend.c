/* screen_trend.c: the results' search per period (screen_trend.h), the
 * chart of huiyi trend in the browser: one row per period, a bar of
 * eighth blocks scaled to the largest count, the count beside it; a
 * period without any meeting is a gap. The selected period's counts are
 * on the status line; Enter narrows the list's filter to it and shows the
 * results again, the filter in their header. */
#include "huiyi/screen_trend.h"
#include "huiyi/i18n.h"

#include "layout.h"
#include "screen.h"

#include "huiyi/keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Periods that fit before a coarser grouping is asked for. */
#define TREND_MAX_ROWS 48

static const char *const by_name[] = {N_("month"), N_("quarter"), N_("year")};

/* U+2588 full block, then 7/8 … 1/8 (U+2589 … U+258F). */
static const char *const eighths[8] = {
	"",
	"\xe2\x96\x8f",
	"\xe2\x96\x8e",
	"\xe2\x96\x8d",
	"\xe2\x96\x8c",
	"\xe2\x96\x8b",
	"\xe2\x96\x8a",
	"\xe2\x96\x89",
};

static void trend_clear(struct hy_model *m)
{
	struct hy_trend_screen *t = &m->trend;
	free(t->rows);
	t->rows = NULL;
	t->n = t->sel = t->top = t->undated = 0;
	t->loaded = t->pending = 0;
}

static void ask(struct hy_model *m, struct hy_effects *fx)
{
	m->trend.pending = 1;
	fx->trend = 1 + m->trend.by;
}

void hy_trend_open(struct hy_model *m, const char *query, struct hy_effects *fx)
{
	struct hy_trend_screen *t = &m->trend;
	char *q = hy_ui_strdup(query);
	if (!q) {
		hy_ui_status(m, 1, _("out of memory"), NULL);
		return;
	}
	trend_clear(m);
	free(t->query);
	t->query = q;
	t->by = 0;
	hy_screen_show(m, HY_SCREEN_TREND);
	m->status[0] = '\0';
	ask(m, fx);
}

/* The screen's geometry (layout.h): the title; with more than 4 rows a
 * header line, the periods from the third row and an empty row above the
 * status line; else one period on the second row. */
static void trend_layout(const struct hy_model *m, struct hy_layout *l)
{
	int w = m->w, h = m->h;
	memset(l, 0, sizeof *l);
	l->title = (struct hy_rect){0, 0, w, 1};
	l->status = hy_layout_status(w, h);
	l->items.per = 1;
	l->items.first = m->trend.top;
	l->items.n = m->trend.n;
	if (h > 4) {
		l->header = (struct hy_rect){0, 1, w, 1};
		l->items.r = (struct hy_rect){0, 2, w, h - 4};
	} else {
		l->items.r = (struct hy_rect){0, 1, w, h > 2};
	}
}

static size_t trend_height(const struct hy_model *m)
{
	struct hy_layout l;
	trend_layout(m, &l);
	return hy_rows_page(&l.items);
}

static void trend_clamp(struct hy_model *m)
{
	struct hy_trend_screen *t = &m->trend;
	size_t vis = trend_height(m);
	if (t->n == 0) {
		t->sel = t->top = 0;
		return;
	}
	if (t->sel >= t->n)
		t->sel = t->n - 1;
	if (t->sel < t->top)
		t->top = t->sel;
	if (t->sel >= t->top + vis)
		t->top = t->sel - vis + 1;
	if (t->top + vis > t->n) /* a taller screen: no empty rows below */
		t->top = t->n > vis ? t->n - vis : 0;
}

int hy_model_trend(struct hy_model *m, struct hy_trend_row *rows, size_t n, size_t undated,
		   struct hy_effects *fx)
{
	struct hy_trend_screen *t = &m->trend;
	memset(fx, 0, sizeof *fx);
	t->pending = 0;
	if (n > TREND_MAX_ROWS && t->by < 2) {
		free(rows);
		t->by++;
		ask(m, fx);
		return 0;
	}
	free(t->rows);
	t->rows = rows;
	t->n = n;
	t->undated = undated;
	t->loaded = 1;
	/* start on the last period: the latest is what one looks at first */
	t->sel = n ? n - 1 : 0;
	trend_clamp(m);
	return 0;
}

/* The first and last day of period p ("2024-03", "2024-Q1", "2024"). */
static int bounds(const char *p, char from[16], char to[16])
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = atoi(p), m0 = 1, m1 = 12, last;
	size_t n = strlen(p);
	if (n < 4 || y < 1 || y > 9999)
		return -1;
	if (n == 7 && p[5] == 'Q') {
		m1 = 3 * (p[6] - '0');
		m0 = m1 - 2;
	} else if (n == 7) {
		m0 = m1 = atoi(p + 5);
	}
	if (m0 < 1 || m1 > 12 || m0 > m1)
		return -1;
	last = mdays[m1 - 1] + (m1 == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	snprintf(from, 16, "%04d-%02d-01", y % 10000, m0 % 100);
	snprintf(to, 16, "%04d-%02d-%02d", y % 10000, m1 % 100, last % 100);
	return 0;
}

/* Enter: the results of the selected period (a gap has none). */
static void narrow(struct hy_model *m, struct hy_effects *fx)
{
	struct hy_trend_screen *t = &m->trend;
	char from[16], to[16];
	if (t->sel >= t->n)
		return;
	if (t->rows[t->sel].corpus == 0 || bounds(t->rows[t->sel].period, from, to) != 0) {
		hy_ui_status(m, 0, _("no meetings in"), t->rows[t->sel].period);
		return;
	}
	if (t->rows[t->sel].meetings == 0) {
		hy_ui_status(m, 0, _("no matches in"), t->rows[t->sel].period);
		return;
	}
	hy_list_narrow(m, from, to, fx);
	hy_screen_pop(m);
	if (m->screen == HY_SCREEN_RESULTS)
		hy_results_start(m, t->query, fx);
}

static void trend_action(struct hy_model *m, enum hy_action a, int arg, struct hy_effects *fx)
{
	struct hy_trend_screen *t = &m->trend;
	size_t vis = trend_height(m);
	(void)arg;
	switch (a) {
	case HY_ACT_DOWN:
		if (t->sel + 1 < t->n)
			t->sel++;
		break;
	case HY_ACT_UP:
		if (t->sel)
			t->sel--;
		break;
	case HY_ACT_PAGE_DOWN:
		t->sel += vis;
		break;
	case HY_ACT_PAGE_UP:
		t->sel = t->sel > vis ? t->sel - vis : 0;
		break;
	case HY_ACT_HALF_DOWN:
		t->sel += vis / 2 ? vis / 2 : 1;
		break;
	case HY_ACT_HALF_UP:
		t->sel = t->sel > vis / 2 ? t->sel - vis / 2 : 0;
		break;
	case HY_ACT_TOP:
		t->sel = 0;
		break;
	case HY_ACT_BOTTOM:
		t->sel = t->n ? t->n - 1 : 0;
		break;
	case HY_ACT_OPEN:
		narrow(m, fx);
		return;
	case HY_ACT_BACK:
		hy_screen_pop(m);
		return;
	default:
		break;
	}
	trend_clamp(m);
}

static void trend_mouse(struct hy_model *m, const struct hy_event *ev, struct hy_effects *fx)
{
	struct hy_trend_screen *t = &m->trend;
	if (ev->mouse == HY_MOUSE_WHEEL_DOWN)
		trend_action(m, HY_ACT_DOWN, 0, fx);
	else if (ev->mouse == HY_MOUSE_WHEEL_UP)
		trend_action(m, HY_ACT_UP, 0, fx);
	else if (ev->mouse == HY_MOUSE_CLICK) {
		struct hy_layout l;
		trend_layout(m, &l);
		size_t i = hy_rows_at(&l.items, ev->y, ev->x);
		if (i != SIZE_MAX) {
			if (i == t->sel)
				narrow(m, fx);
			else
				t->sel = i;
		}
	}
}

static void trend_resize(struct hy_model *m, int widths, struct hy_effects *fx)
{
	(void)widths;
	(void)fx;
	trend_clamp(m);
}

static void trend_error(struct hy_model *m)
{
	m->trend.pending = 0;
}

static void trend_free(struct hy_model *m)
{
	trend_clear(m);
	free(m->trend.query);
	m->trend.query = NULL;
}

/* A bar of v on a scale of max over w columns, in eighths. */
static void bar(struct hy_grid *g, int y, int x, size_t v, size_t max, int w, int role)
{
	size_t e = 0;
	if (v > 0 && max > 0 && w > 0) {
		e = (v * (size_t)w * 8 + max / 2) / max;
		if (e == 0)
			e = 1;
	}
	for (int i = 0; i < w && e > 0; i++) {
		const char *c = e >= 8 ? "\xe2\x96\x88" : eighths[e];
		hy_grid_put(g, y, x + i, c, strlen(c), role, 1);
		e = e >= 8 ? e - 8 : 0;
	}
}

static void trend_view(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx)
{
	const struct hy_trend_screen *t = &m->trend;
	char buf[512], filt[192], left[320];
	size_t max = 0;
	int cw = 1, lw = 4, y;
	struct hy_layout l;
	trend_layout(m, &l);

	hy_model_filter_text(m, filt, sizeof filt);
	snprintf(buf, sizeof buf, _(" trend: %s · by %s%s%s"), t->query ? t->query : "",
		 _(by_name[t->by < 3 && t->by >= 0 ? t->by : 0]), filt[0] ? _(" · filter: ") : "",
		 filt);
	hy_grid_fill(g, l.title.y, 0, g->w, HY_ROLE_TITLE);
	hy_draw_put(g, l.title.y, 0, buf, HY_ROLE_TITLE, g->w);
	if (l.header.h) {
		if (t->undated)
			snprintf(buf, sizeof buf,
				 _(" matching meetings (sections) · %zu without a year left out"),
				 t->undated);
		else
			snprintf(buf, sizeof buf, "%s", _(" matching meetings (sections)"));
		hy_draw_put(g, l.header.y, 0, buf, HY_ROLE_DIM, g->w);
	}
	for (size_t i = 0; i < t->n; i++) {
		int w;
		if (t->rows[i].meetings > max)
			max = t->rows[i].meetings;
		w = snprintf(buf, sizeof buf, "%zu (%zu)", t->rows[i].meetings,
			     t->rows[i].sections);
		if (w > cw)
			cw = w;
		if ((int)strlen(t->rows[i].period) > lw)
			lw = (int)strlen(t->rows[i].period);
	}
	if (t->loaded && t->n == 0)
		hy_draw_put(g, l.items.r.y, 1, _("no meetings (q back)"), HY_ROLE_DIM, g->w - 1);
	for (size_t idx = t->top; (y = hy_rows_y(&l.items, idx)) >= 0; idx++) {
		int x, bw;
		const struct hy_trend_row *r = &t->rows[idx];
		int role = idx == t->sel ? HY_ROLE_SELECTED : HY_ROLE_NORMAL;
		hy_grid_fill(g, y, 0, g->w, role);
		hy_draw_put(g, y, 1, r->period, role, g->w - 1);
		x = 1 + lw + 2;
		if (x >= g->w)
			continue;
		if (r->corpus == 0) {
			hy_draw_put(g, y, x, _("(no meetings)"), idx == t->sel ? role : HY_ROLE_DIM,
				    g->w - x);
			continue;
		}
		bw = g->w - x - cw - 2;
		if (bw > 0)
			bar(g, y, x, r->meetings, max, bw, role);
		snprintf(buf, sizeof buf, "%zu (%zu)", r->meetings, r->sections);
		{
			int cx0 = g->w - 1 - (int)strlen(buf);
			if (cx0 < x)
				cx0 = x;
			hy_draw_put(g, y, cx0, buf, role, g->w - cx0);
		}
	}
	if (t->sel < t->n) {
		const struct hy_trend_row *r = &t->rows[t->sel];
		if (r->corpus) {
			char of[96], secs[64];
			/* TRANSLATORS: the matching meetings of a period's */
			snprintf(of, sizeof of,
				 P_("%zu of %zu meeting", "%zu of %zu meetings", r->corpus),
				 r->meetings, r->corpus);
			snprintf(secs, sizeof secs, P_("%zu section", "%zu sections", r->sections),
				 r->sections);
			/* TRANSLATORS: a period, "3 of 12 meetings", "5 sections" */
			snprintf(left, sizeof left, _(" %s: %s, %s"), r->period, of, secs);
		} else {
			snprintf(left, sizeof left, _(" %s: no meetings"), r->period);
		}
	} else {
		snprintf(left, sizeof left, " %s", t->pending ? _("counting…") : "");
	}
	static const struct hy_hint hint[] = {
		{HY_ACT_OPEN, N_("narrow")}, {HY_ACT_BACK, N_("back")}, {HY_ACT_HELP, N_("help")}};
	char keys[128];
	hy_keymap_hint(HY_SCREEN_TREND, hint, sizeof hint / sizeof hint[0], keys, sizeof keys);
	hy_draw_status(m, g, left, keys, cy, cx);
}

const struct hy_screen_ops hy_screen_trend = {
	.free = trend_free,
	.action = trend_action,
	.mouse = trend_mouse,
	.resize = trend_resize,
	.error = trend_error,
	.view = trend_view,
};
