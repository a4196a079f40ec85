/* screen_career.c: one person's career (screen_career.h): who they are and
 * their counts on the title line, the roles seen over time as a timeline
 * (a row a role: its label, aligned by display width, then a bar from its
 * first to its last meeting across the years, the years as an axis below),
 * their meetings, oldest first (Enter opens the selected one), and below
 * them the people met most often at the same meetings, with how often. */
#include "huiyi/screen_career.h"
#include "huiyi/i18n.h"

#include "huiyi/width.h"
#include "layout.h"
#include "screen.h"

#include "huiyi/keymap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hy_ui_career_clear(struct hy_ui_career *c)
{
	free(c->name);
	free(c->place);
	free(c->first);
	free(c->last);
	for (size_t i = 0; i < c->n_spans; i++) {
		free(c->spans[i].role);
		free(c->spans[i].from);
		free(c->spans[i].to);
	}
	free(c->spans);
	for (size_t i = 0; i < c->n_meetings; i++) {
		free(c->meetings[i].date);
		free(c->meetings[i].role);
		free(c->meetings[i].title);
	}
	free(c->meetings);
	for (size_t i = 0; i < c->n_met; i++) {
		free(c->met[i].name);
		free(c->met[i].place);
	}
	free(c->met);
	memset(c, 0, sizeof *c);
}

void hy_career_open(struct hy_model *m, int64_t id, struct hy_effects *fx)
{
	(void)m;
	fx->load_career = id;
}

/* ------------------------------------------------------------------ */
/* Geometry: the title, the timeline, the meetings' header and rows, the
 * people met (a heading and a row each, right below the meetings shown),
 * the status line, from the top; shared by update and view. The people
 * met give way first: the meetings keep a header and three rows.        */

struct layout {
	int title;         /* 1 when there is a title line */
	int tl_y, tl;      /* the timeline's first row and rows (spans + axis) */
	size_t first_span; /* the spans shown: the latest that fit */
	int head_y;        /* the meetings' column header (-1: none) */
	int rows_y;
	size_t rows;          /* meetings shown */
	int met_y;            /* the people met: their heading (-1: none) */
	size_t met;           /* and rows */
	struct hy_rows items; /* the meetings' rows (layout.h): view and mouse */
};

static struct layout career_layout(const struct hy_model *m)
{
	const struct hy_ui_career *c = &m->career;
	struct layout l = {0};
	int room = m->h - 1; /* the status line */
	l.title = m->h > 3;
	room -= l.title;
	int want = c->n_spans ? (int)c->n_spans + 1 : 1;
	int tl = c->n_meetings ? room - 2 : room;
	if (tl > want)
		tl = want;
	if (tl < 2 && c->n_spans)
		tl = 0; /* a bar without its axis says nothing */
	if (tl < 0)
		tl = 0;
	l.tl_y = l.title;
	l.tl = tl;
	if (c->n_spans && tl > 1 && (size_t)(tl - 1) < c->n_spans)
		l.first_span = c->n_spans - (size_t)(tl - 1);
	room -= tl;
	/* the people met: whatever the meetings' header and three rows
	 * leave, up to one row each */
	int met = c->n_met ? room - 4 : 0;
	if (met > (int)c->n_met + 1)
		met = (int)c->n_met + 1;
	if (met < 2)
		met = 0;
	room -= met;
	l.head_y = room >= 2 ? l.tl_y + tl : -1;
	l.rows_y = l.tl_y + tl + (l.head_y >= 0);
	l.rows = room - (l.head_y >= 0) > 0 ? (size_t)(room - (l.head_y >= 0)) : 0;
	l.items.r = (struct hy_rect){0, l.rows_y, m->w, (int)l.rows};
	l.items.per = 1;
	l.items.first = c->top;
	l.items.n = c->n_meetings;
	l.met_y = -1;
	if (met) {
		l.met_y = l.rows_y + (int)(c->n_meetings < l.rows ? c->n_meetings : l.rows);
		l.met = (size_t)met - 1;
	}
	return l;
}

/* ------------------------------------------------------------------ */
/* Loading                                                                */

int hy_model_career(struct hy_model *m, struct hy_ui_career *c)
{
	struct hy_ui_career *k = &m->career;
	size_t sel = 0;
	if (m->screen == HY_SCREEN_CAREER) /* back on top: as it was left */
		sel = m->stack_sel[m->depth - 1];
	else
		hy_screen_show(m, HY_SCREEN_CAREER);
	hy_ui_career_clear(k);
	*k = *c;
	memset(c, 0, sizeof *c);
	m->status[0] = '\0';
	hy_ui_move(&k->sel, &k->top, k->n_meetings, career_layout(m).rows, (long)sel);
	hy_screen_mark(m, k->id, k->sel);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Update                                                                 */

static void career_action(struct hy_model *m, enum hy_action a, int arg, struct hy_effects *fx)
{
	struct hy_ui_career *c = &m->career;
	size_t vis = career_layout(m).rows, n = c->n_meetings;
	long half = vis / 2 ? (long)(vis / 2) : 1;
	(void)arg;
	switch (a) {
	case HY_ACT_DOWN:
		hy_ui_move(&c->sel, &c->top, n, vis, 1);
		break;
	case HY_ACT_UP:
		hy_ui_move(&c->sel, &c->top, n, vis, -1);
		break;
	case HY_ACT_PAGE_DOWN:
		hy_ui_move(&c->sel, &c->top, n, vis, (long)vis);
		break;
	case HY_ACT_PAGE_UP:
		hy_ui_move(&c->sel, &c->top, n, vis, -(long)vis);
		break;
	case HY_ACT_HALF_DOWN:
		hy_ui_move(&c->sel, &c->top, n, vis, half);
		break;
	case HY_ACT_HALF_UP:
		hy_ui_move(&c->sel, &c->top, n, vis, -half);
		break;
	case HY_ACT_TOP:
		hy_ui_move(&c->sel, &c->top, n, vis, -(long)c->sel);
		break;
	case HY_ACT_BOTTOM:
		if (n)
			hy_ui_move(&c->sel, &c->top, n, vis, (long)(n - 1 - c->sel));
		break;
	case HY_ACT_OPEN:
		if (c->sel < n) {
			hy_screen_mark(m, c->id, c->sel);
			hy_meeting_open(m, c->meetings[c->sel].meeting, SIZE_MAX, -1, NULL, 0, fx);
		}
		break;
	case HY_ACT_BACK:
		hy_ui_career_clear(c);
		hy_screen_pop(m);
		m->status[0] = '\0';
		break;
	default:
		break;
	}
}

static void career_mouse(struct hy_model *m, const struct hy_event *ev, struct hy_effects *fx)
{
	struct hy_ui_career *c = &m->career;
	struct layout l = career_layout(m);
	if (ev->mouse == HY_MOUSE_WHEEL_DOWN)
		hy_ui_move(&c->sel, &c->top, c->n_meetings, l.rows, 3);
	else if (ev->mouse == HY_MOUSE_WHEEL_UP)
		hy_ui_move(&c->sel, &c->top, c->n_meetings, l.rows, -3);
	else if (ev->mouse == HY_MOUSE_CLICK) {
		size_t i = hy_rows_at(&l.items, ev->y, ev->x);
		if (i == SIZE_MAX)
			return;
		if (i == c->sel)
			career_action(m, HY_ACT_OPEN, 0, fx);
		else
			hy_ui_move(&c->sel, &c->top, c->n_meetings, l.rows, (long)i - (long)c->sel);
	}
}

/* On top again: if a career opened above this one (the same state) showed
 * someone else, this one's person again, at the meeting it had selected. */
static void career_shown(struct hy_model *m, struct hy_effects *fx)
{
	int64_t id = m->stack_id[m->depth - 1];
	if (id && id != m->career.id) {
		hy_ui_career_clear(&m->career);
		hy_career_open(m, id, fx);
	}
}

static void career_resize(struct hy_model *m, int widths, struct hy_effects *fx)
{
	struct hy_ui_career *c = &m->career;
	(void)widths;
	(void)fx;
	hy_ui_move(&c->sel, &c->top, c->n_meetings, career_layout(m).rows, 0);
}

static void career_free(struct hy_model *m)
{
	hy_ui_career_clear(&m->career);
}

/* ------------------------------------------------------------------ */
/* View                                                                   */

/* A date as months since year 0, and the day's fraction of a month, in
 * 1/31ths: a column for it across the years. "" or odd: 0. */
static long date_at(const char *d)
{
	int y = 0, mo = 1, da = 1;
	if (!d || sscanf(d, "%d-%d-%d", &y, &mo, &da) < 1)
		return 0;
	if (mo < 1 || mo > 12)
		mo = 1;
	if (da < 1 || da > 31)
		da = 1;
	return ((long)y * 12 + (mo - 1)) * 31 + (da - 1);
}

#define YEAR (12L * 31)

/* The column of date `d` on a bar of bw columns from x0 over [lo, hi). */
static int col_of(long d, long lo, long hi, int x0, int bw)
{
	if (d < lo)
		d = lo;
	long c = (d - lo) * bw / (hi - lo);
	return x0 + (int)(c < bw ? c : bw - 1);
}

static void timeline(const struct hy_model *m, struct hy_grid *g, const struct layout *l)
{
	const struct hy_ui_career *c = &m->career;
	if (!l->tl)
		return;
	if (!c->n_spans) {
		hy_draw_put(g, l->tl_y, 1, _("(no role written beside the name)"), HY_ROLE_DIM,
			    g->w - 1);
		return;
	}
	/* the label column: as wide as the widest role shown, up to a third */
	int lw = 4;
	for (size_t i = l->first_span; i < c->n_spans; i++) {
		const char *r = c->spans[i].role;
		int w = r ? (int)hy_width_str(r, strlen(r)) : 0;
		if (w > lw)
			lw = w;
	}
	if (lw > g->w / 3)
		lw = g->w / 3;
	int dw = g->w >= 80 ? 16 : 0; /* "2021-03…2023-04" */
	int x0 = 1 + lw + 1 + (dw ? dw + 1 : 0), bw = g->w - x0 - 1;
	int y0 = 0, y1 = 0;
	sscanf(c->spans[0].from ? c->spans[0].from : "", "%d", &y0);
	sscanf(c->spans[c->n_spans - 1].to ? c->spans[c->n_spans - 1].to : "", "%d", &y1);
	if (y1 < y0)
		y1 = y0;
	long lo = (long)y0 * YEAR, hi = ((long)y1 + 1) * YEAR;
	const char *bar = hy_width_cp(0x2588) == 1 ? "█" : "#";
	int y = l->tl_y;
	for (size_t i = l->first_span; i < c->n_spans && y < l->tl_y + l->tl - 1; i++, y++) {
		const struct hy_career_span *s = &c->spans[i];
		hy_draw_col(g, y, 1, s->role, HY_ROLE_LABEL, lw);
		if (dw) {
			char d[64];
			snprintf(d, sizeof d, "%.7s…%.7s", s->from ? s->from : "",
				 s->to ? s->to : "");
			hy_draw_col(g, y, 1 + lw + 1, d, HY_ROLE_DIM, dw);
		}
		if (bw < 1)
			continue;
		int a = col_of(date_at(s->from), lo, hi, x0, bw);
		int b = col_of(date_at(s->to), lo, hi, x0, bw);
		for (int x = a; x <= b && x < x0 + bw; x++)
			hy_draw_put(g, y, x, bar, HY_ROLE_HEADING, 1);
	}
	/* the axis: each year where it starts, when it fits */
	if (bw < 1)
		return;
	int free_x = x0;
	for (int yr = y0; yr <= y1; yr++) {
		char t[16];
		int x = col_of((long)yr * YEAR, lo, hi, x0, bw);
		int n = snprintf(t, sizeof t, "%d", yr);
		if (x < free_x || x + n > x0 + bw)
			continue;
		hy_draw_put(g, y, x, "|", HY_ROLE_DIM, 1);
		hy_draw_put(g, y, x + 1, t, HY_ROLE_DIM, n);
		free_x = x + n + 2;
	}
}

struct mcols {
	int date, part, role, title;
};

static struct mcols meeting_cols(int w)
{
	struct mcols c = {10, 0, 0, 0};
	if (w >= 60) {
		c.part = hy_ui_part_width();
		c.role = 14;
	} else if (w >= 30) {
		c.part = hy_ui_part_width();
	}
	c.title = w - (c.date + 1 + (c.part ? c.part + 1 : 0) + (c.role ? c.role + 1 : 0));
	if (c.title < 0) {
		c.date += c.title;
		c.title = 0;
	}
	return c;
}

static void meeting_row(struct hy_grid *g, int y, const struct mcols *c, const char *date,
			const char *part, const char *role_text, const char *title, int role)
{
	int x = 0;
	hy_grid_fill(g, y, 0, g->w, role);
	x += hy_draw_col(g, y, x, date, role, c->date) + 1;
	if (c->part)
		x += hy_draw_col(g, y, x, part, role, c->part) + 1;
	if (c->role)
		x += hy_draw_col(g, y, x, role_text, role, c->role) + 1;
	if (c->title > 0)
		hy_draw_col(g, y, x, title, role, c->title);
}

/* The people met most often: a heading, then a row each: name, place
 * (from 40 columns), how many meetings. */
static void met_rows(const struct hy_model *m, struct hy_grid *g, const struct layout *l)
{
	const struct hy_ui_career *c = &m->career;
	int pw = g->w >= 40 ? 10 : 0;
	char n[48];
	if (l->met_y < 0)
		return;
	hy_draw_put(g, l->met_y, 0, _("met most often"), HY_ROLE_LABEL, g->w);
	for (size_t i = 0; i < l->met && i < c->n_met; i++) {
		const struct hy_career_met *p = &c->met[i];
		int y = l->met_y + 1 + (int)i, x = 1;
		x += hy_draw_col(g, y, x, p->name, HY_ROLE_NORMAL, 8) + 1;
		if (pw)
			x += hy_draw_col(g, y, x, p->place && p->place[0] ? p->place : "-",
					 HY_ROLE_DIM, pw) +
			     1;
		/* TRANSLATORS: how many meetings two people were both at */
		snprintf(n, sizeof n, P_("%ld meeting", "%ld meetings", p->count), p->count);
		if (x < g->w)
			hy_draw_put(g, y, x, n, HY_ROLE_NORMAL, g->w - x);
	}
}

static void career_view(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx)
{
	const struct hy_ui_career *c = &m->career;
	struct layout l = career_layout(m);
	struct mcols mc = meeting_cols(g->w);
	char buf[512], left[128];
	if (l.title) {
		size_t u = (size_t)snprintf(buf, sizeof buf, " %s%s%s", c->name ? c->name : "…",
					    c->place && c->place[0] ? " · " : "",
					    c->place ? c->place : "");
		for (int p = 0; p < 4 && u < sizeof buf; p++)
			if (c->count[p])
				u += (size_t)snprintf(buf + u, sizeof buf - u, " · %s %ld",
						      hy_ui_part_label(p), c->count[p]);
		if (c->first && u < sizeof buf)
			snprintf(buf + u, sizeof buf - u, " · %s … %s", c->first,
				 c->last ? c->last : "");
		hy_grid_fill(g, 0, 0, g->w, HY_ROLE_TITLE);
		hy_draw_put(g, 0, 0, buf, HY_ROLE_TITLE, g->w);
	}
	if (c->id)
		timeline(m, g, &l);
	if (l.head_y >= 0)
		meeting_row(g, l.head_y, &mc, _("Date"), _("Part"), _("Role"), _("Meeting"),
			    HY_ROLE_LABEL);
	int y;
	for (size_t idx = c->top; (y = hy_rows_y(&l.items, idx)) >= 0; idx++) {
		const struct hy_career_meeting *cm = &c->meetings[idx];
		meeting_row(g, y, &mc, cm->date ? cm->date : _("no date"),
			    hy_ui_part_label(cm->part), cm->role,
			    cm->title ? cm->title : _("(no title)"),
			    idx == c->sel ? HY_ROLE_SELECTED : HY_ROLE_NORMAL);
	}
	met_rows(m, g, &l);
	if (c->n_meetings)
		snprintf(left, sizeof left, _(" career · meeting %zu/%zu"), c->sel + 1,
			 c->n_meetings);
	else
		snprintf(left, sizeof left, " %s",
			 c->id ? _("career · no meetings") : _("loading…"));
	static const struct hy_hint hint[] = {
		{HY_ACT_OPEN, N_("open")}, {HY_ACT_BACK, N_("back")}, {HY_ACT_HELP, N_("help")}};
	char keys[128];
	hy_keymap_hint(HY_SCREEN_CAREER, hint, sizeof hint / sizeof hint[0], keys, sizeof keys);
	hy_draw_status(m, g, left, keys, cy, cx);
}

const struct hy_screen_ops hy_screen_career = {
	.free = career_free,
	.action = career_action,
	.mouse = career_mouse,
	.shown = career_shown,
	.resize = career_resize,
	.view = career_view,
};
