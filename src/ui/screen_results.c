/* screen_results.c: search results over every meeting (screen_results.h):
 * a page of results at a time, two rows each (date and title; section and
 * snippet with the hits marked); Enter opens the meeting at the section,
 * its hits marked. */
#include "huiyi/screen_results.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/width.h"
#include "layout.h"
#include "screen.h"

#include "huiyi/keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RESULTS_PAGE 50

/* Rows a result takes on the results screen: its title line and its
 * "§n heading — snippet" line. */
#define RESULT_ROWS 2

static void results_clear(struct hy_model *m)
{
	struct hy_results *rs = &m->results;
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->items[i].date);
		free(rs->items[i].title);
		free(rs->items[i].heading);
		free(rs->items[i].snippet);
	}
	rs->n = 0;
	rs->total = rs->meetings = 0;
	rs->counted = rs->done = rs->pending = 0;
	rs->sel = rs->top = 0;
}

/* The results' geometry (layout.h): the title; from the third row (the
 * first, over the title, on 3 rows or fewer) as many whole results as fit
 * above the status line, at least one, whose second row the bottom may
 * cut off. */
static void results_layout(const struct hy_model *m, struct hy_layout *l)
{
	const struct hy_results *rs = &m->results;
	int w = m->w, h = m->h;
	int y0 = h > 3 ? 2 : 0, rows = h > 3 ? h - 3 : 1;
	int fit = rows / RESULT_ROWS ? rows / RESULT_ROWS : 1, room = h - 1 - y0;
	memset(l, 0, sizeof *l);
	l->title = (struct hy_rect){0, 0, w, 1};
	l->status = hy_layout_status(w, h);
	l->items.per = RESULT_ROWS;
	l->items.first = rs->top;
	l->items.n = rs->n;
	l->items.r =
		(struct hy_rect){0, y0, w, room < fit * RESULT_ROWS ? room : fit * RESULT_ROWS};
	if (l->items.r.h < 0)
		l->items.r.h = 0;
}

size_t hy_model_results_height(const struct hy_model *m)
{
	struct hy_layout l;
	results_layout(m, &l);
	return hy_rows_page(&l.items);
}

static void ask_results(struct hy_model *m, struct hy_effects *fx)
{
	struct hy_results *rs = &m->results;
	if (rs->pending || rs->done || !rs->query)
		return;
	fx->search = 1;
	fx->search_from = rs->n;
	fx->limit = RESULTS_PAGE;
	rs->pending = 1;
}

static void results_clamp(struct hy_model *m, struct hy_effects *fx)
{
	struct hy_results *rs = &m->results;
	size_t vis = hy_model_results_height(m);
	if (rs->n == 0) {
		rs->sel = rs->top = 0;
	} else if (rs->sel >= rs->n) {
		rs->sel = rs->n - 1;
	}
	if (rs->sel < rs->top)
		rs->top = rs->sel;
	if (rs->sel >= rs->top + vis)
		rs->top = rs->sel - vis + 1;
	if (fx && rs->sel + vis + 5 >= rs->n)
		ask_results(m, fx);
}

int hy_model_results(struct hy_model *m, const struct hy_result *r, size_t n, int counted,
		     size_t sections, size_t meetings, int done, struct hy_effects *fx)
{
	struct hy_results *rs = &m->results;
	memset(fx, 0, sizeof *fx);
	rs->pending = 0;
	if (counted) {
		rs->total = sections;
		rs->meetings = meetings;
		rs->counted = 1;
	}
	if (hy_grow(&rs->items, &rs->cap, rs->n + n, sizeof *rs->items, 64))
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		struct hy_result *o = &rs->items[rs->n];
		*o = r[i];
		o->date = hy_ui_strdup(r[i].date);
		o->title = hy_ui_strdup(r[i].title);
		o->heading = hy_ui_strdup(r[i].heading);
		o->snippet = hy_ui_strdup(r[i].snippet);
		rs->n++;
	}
	rs->done = done;
	if (m->screen == HY_SCREEN_RESULTS)
		results_clamp(m, fx);
	return 0;
}

void hy_results_start(struct hy_model *m, const char *q, struct hy_effects *fx)
{
	struct hy_results *rs = &m->results;
	free(rs->query);
	rs->query = strdup(q);
	results_clear(m);
	hy_screen_show(m, HY_SCREEN_RESULTS);
	m->status[0] = '\0';
	ask_results(m, fx);
	fx->count = 1;
}

/* The meeting of result i, at its section, the search's words marked; n
 * past its last hit comes back here for the next result (results_step). */
static void open_result(struct hy_model *m, size_t i, struct hy_effects *fx)
{
	struct hy_results *rs = &m->results;
	if (i >= rs->n)
		return;
	rs->sel = i;
	hy_meeting_open(m, rs->items[i].meeting, m->list.sel, rs->items[i].section, rs->query, 1,
			fx);
}

/* ------------------------------------------------------------------ */
/* Update                                                                 */

static void results_action(struct hy_model *m, enum hy_action a, int arg, struct hy_effects *fx)
{
	struct hy_results *rs = &m->results;
	size_t vis = hy_model_results_height(m);
	size_t n = rs->n;
	(void)arg;
	switch (a) {
	case HY_ACT_DOWN:
		if (rs->sel + 1 < n)
			rs->sel++;
		break;
	case HY_ACT_UP:
		if (rs->sel)
			rs->sel--;
		break;
	case HY_ACT_PAGE_DOWN:
		rs->sel += vis;
		break;
	case HY_ACT_PAGE_UP:
		rs->sel = rs->sel > vis ? rs->sel - vis : 0;
		break;
	case HY_ACT_HALF_DOWN:
		rs->sel += vis / 2 ? vis / 2 : 1;
		break;
	case HY_ACT_HALF_UP:
		rs->sel = rs->sel > vis / 2 ? rs->sel - vis / 2 : 0;
		break;
	case HY_ACT_TOP:
		rs->sel = 0;
		break;
	case HY_ACT_BOTTOM:
		rs->sel = n ? n - 1 : 0;
		break;
	case HY_ACT_OPEN:
		open_result(m, rs->sel, fx);
		break;
	case HY_ACT_SEARCH:
		hy_prompt_start(m, 's', rs->query);
		break;
	case HY_ACT_TREND:
		if (rs->query)
			hy_trend_open(m, rs->query, fx);
		break;
	case HY_ACT_BACK:
		hy_screen_pop(m);
		break;
	default:
		break;
	}
	if (m->screen == HY_SCREEN_RESULTS)
		results_clamp(m, fx);
}

static void results_mouse(struct hy_model *m, const struct hy_event *ev, struct hy_effects *fx)
{
	struct hy_results *rs = &m->results;
	if (ev->mouse == HY_MOUSE_WHEEL_DOWN)
		results_action(m, HY_ACT_DOWN, 0, fx);
	else if (ev->mouse == HY_MOUSE_WHEEL_UP)
		results_action(m, HY_ACT_UP, 0, fx);
	else if (ev->mouse == HY_MOUSE_CLICK) {
		struct hy_layout l;
		results_layout(m, &l);
		size_t i = hy_rows_at(&l.items, ev->y, ev->x);
		if (i != SIZE_MAX) {
			if (i == rs->sel)
				open_result(m, i, fx);
			else
				rs->sel = i;
		}
	}
}

/* Enter on the search prompt opened here: search again. */
static void results_prompt(struct hy_model *m, int which, struct hy_effects *fx)
{
	if (which == 's' && m->input_len)
		hy_results_start(m, m->input, fx);
}

/* Back from the meeting (or help) above. */
static void results_shown(struct hy_model *m, struct hy_effects *fx)
{
	results_clamp(m, fx);
}

/* The meeting above ran past its last (first) hit: open the next
 * (previous) result that is another meeting; this one's other sections
 * have been seen. */
static void results_step(struct hy_model *m, int dir, int64_t from, struct hy_effects *fx)
{
	struct hy_results *rs = &m->results;
	long i = (long)rs->sel;
	do
		i += dir;
	while (i >= 0 && (size_t)i < rs->n && rs->items[i].meeting == from);
	if (i < 0 || (size_t)i >= rs->n) {
		hy_ui_status(m, 0,
			     dir > 0 ? _("last match of the last result")
				     : _("first match of the first result"),
			     NULL);
		return;
	}
	open_result(m, (size_t)i, fx);
}

static void results_resize(struct hy_model *m, int widths, struct hy_effects *fx)
{
	(void)widths;
	(void)fx;
	results_clamp(m, NULL);
}

static void results_error(struct hy_model *m)
{
	struct hy_results *rs = &m->results;
	rs->pending = 0;
	if (m->screen == HY_SCREEN_RESULTS && rs->n == 0)
		rs->done = 1;
}

static void results_free(struct hy_model *m)
{
	results_clear(m);
	free(m->results.items);
	free(m->results.query);
}

/* ------------------------------------------------------------------ */
/* View                                                                   */

/* Text with "\x02hit\x03" marks: drawn with the hits in HY_ROLE_MATCH.
 * Returns the columns used. */
static int put_marked(struct hy_grid *g, int y, int x, const char *s, int maxw)
{
	int used = 0, role = HY_ROLE_NORMAL;
	while (*s && used < maxw) {
		size_t k = strcspn(s, "\x02\x03");
		if (k) {
			used += hy_grid_put(g, y, x + used, s, k, role, maxw - used);
			s += k;
		}
		if (*s == '\x02')
			role = HY_ROLE_MATCH;
		else if (*s == '\x03')
			role = HY_ROLE_NORMAL;
		if (*s)
			s++;
	}
	return used;
}

static void results_view(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx)
{
	const struct hy_results *rs = &m->results;
	char buf[512], a[32], b[32], left[128];
	hy_draw_thousands(rs->total, a, sizeof a);
	hy_draw_thousands(rs->meetings, b, sizeof b);
	char filt[192];
	hy_model_filter_text(m, filt, sizeof filt);
	if (rs->counted) {
		char secs[64], mtgs[64];
		snprintf(secs, sizeof secs, P_("%s section", "%s sections", rs->total), a);
		snprintf(mtgs, sizeof mtgs, P_("%s meeting", "%s meetings", rs->meetings), b);
		/* TRANSLATORS: the results' title: the query, "12 sections",
		 * "5 meetings" */
		snprintf(buf, sizeof buf, _(" search: %s · %s in %s%s%s"),
			 rs->query ? rs->query : "", secs, mtgs, filt[0] ? _(" · filter: ") : "",
			 filt);
	} else {
		snprintf(buf, sizeof buf, _(" search: %s · …%s%s"), rs->query ? rs->query : "",
			 filt[0] ? _(" · filter: ") : "", filt);
	}
	struct hy_layout l;
	int y;
	results_layout(m, &l);
	hy_grid_fill(g, l.title.y, 0, g->w, HY_ROLE_TITLE);
	hy_draw_put(g, l.title.y, 0, buf, HY_ROLE_TITLE, g->w);
	if (rs->done && rs->n == 0 && !rs->pending)
		hy_draw_put(g, l.items.r.y, 1, _("nothing found (/ to search again, q back)"),
			    HY_ROLE_DIM, g->w - 1);
	for (size_t idx = rs->top; (y = hy_rows_y(&l.items, idx)) >= 0; idx++) {
		const struct hy_result *r = &rs->items[idx];
		int role = idx == rs->sel ? HY_ROLE_SELECTED : HY_ROLE_NORMAL;
		hy_grid_fill(g, y, 0, g->w, role);
		int x = hy_draw_col(g, y, 0, r->date ? r->date : _("no date"), role, 10) + 1;
		hy_draw_col(g, y, x, r->title ? r->title : _("(no title)"), role, g->w - x);
		if (y + 1 >= l.items.r.y + l.items.r.h) /* its second row cut off */
			break;
		if (r->section > 0)
			snprintf(buf, sizeof buf, "  §%d %s", r->section,
				 r->heading ? r->heading : "");
		else
			snprintf(buf, sizeof buf, "  §0 %s", _("title and overview"));
		char hd[256];
		int hw = g->w / 3 > 8 ? g->w / 3 : 8;
		hy_width_truncate(buf, strlen(buf), (size_t)hw, hd, sizeof hd);
		x = hy_draw_put(g, y + 1, 0, hd, HY_ROLE_HEADING, g->w);
		x += hy_draw_put(g, y + 1, x, "  ", HY_ROLE_NORMAL, g->w - x);
		if (r->snippet && x < g->w)
			put_marked(g, y + 1, x, r->snippet, g->w - x);
	}
	if (rs->n) {
		hy_draw_thousands(rs->sel + 1, a, sizeof a);
		hy_draw_thousands(rs->total, b, sizeof b);
		snprintf(left, sizeof left, _(" result %s/%s"), a, rs->counted ? b : "…");
	} else {
		snprintf(left, sizeof left, " %s", rs->pending ? _("searching…") : _("no results"));
	}
	static const struct hy_hint hint[] = {{HY_ACT_OPEN, N_("open")},
					      {HY_ACT_SEARCH, N_("search")},
					      {HY_ACT_BACK, N_("back")},
					      {HY_ACT_HELP, N_("help")}};
	char keys[128];
	hy_keymap_hint(HY_SCREEN_RESULTS, hint, sizeof hint / sizeof hint[0], keys, sizeof keys);
	hy_draw_status(m, g, left, keys, cy, cx);
}

const struct hy_screen_ops hy_screen_results = {
	.free = results_free,
	.action = results_action,
	.mouse = results_mouse,
	.prompt = results_prompt,
	.shown = results_shown,
	.step = results_step,
	.resize = results_resize,
	.error = results_error,
	.view = results_view,
};
