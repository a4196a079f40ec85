/* screen_people.c: the people of the stored meetings (screen_people.h), p
 * in the list: a table of everyone with their meetings per part, first and
 * last date and last role; sorted (s), filtered (f), paged from the store
 * a window of rows around what is shown at a time, each read from a row
 * already loaded (or an end); Enter opens a career. */
#include "huiyi/screen_people.h"
#include "huiyi/i18n.h"
#include "huiyi/width.h"

#include "huiyi/err.h"
#include "layout.h"
#include "screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows read beyond the screen each way when the window is filled again,
 * and how close to the edge of what is loaded the screen may come first. */
#define SPARE 150
#define MARGIN 40

const char *hy_ui_part_label(int part)
{
	static const char *const labels[HY_UI_PARTS] = {N_("chair"), N_("present"), N_("observer"),
							N_("guest")};
	return _(part >= 0 && part < HY_UI_PARTS ? labels[part] : labels[1]);
}

/* The width of a column of s (at least 4), when wider than w. */
static int widest(const char *s, int w)
{
	int n = (int)hy_width_str(s, strlen(s));
	return n > w ? n : w;
}

int hy_ui_part_width(void)
{
	int w = widest(_("As"), 4);
	for (int i = 0; i < HY_UI_PARTS; i++)
		w = widest(hy_ui_part_label(i), w);
	return w;
}

/* The people table's counts, a column a part (or one, "Count"). */
static const char *const heads[HY_UI_PARTS] = {N_("Chair"), N_("Att."), N_("Obs."), N_("Inv.")};

/* The table's geometry (layout.h), the rows from `top`. */
static void people_layout(const struct hy_model *m, struct hy_layout *l)
{
	hy_layout_table(l, m->w, m->h, m->people.top, m->people.total);
}

size_t hy_model_people_height(const struct hy_model *m)
{
	struct hy_layout l;
	people_layout(m, &l);
	return hy_rows_page(&l.items);
}

static void row_free(struct hy_person_row *r)
{
	free(r->name);
	free(r->place);
	free(r->first);
	free(r->last);
	free(r->role);
	memset(r, 0, sizeof *r);
}

static void rows_clear(struct hy_people *p)
{
	for (size_t i = 0; i < p->n; i++)
		row_free(&p->rows[i]);
	p->n = 0;
}

static int row_copy(struct hy_person_row *d, const struct hy_person_row *s)
{
	*d = *s;
	d->name = hy_ui_strdup(s->name);
	d->place = hy_ui_strdup(s->place);
	d->first = hy_ui_strdup(s->first);
	d->last = hy_ui_strdup(s->last);
	d->role = hy_ui_strdup(s->role);
	if ((s->name && !d->name) || (s->place && !d->place) || (s->first && !d->first) ||
	    (s->last && !d->last) || (s->role && !d->role)) {
		row_free(d);
		return HY_ERR_NOMEM;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Paging                                                                 */

static size_t window_size(const struct hy_model *m)
{
	return hy_model_people_height(m) + 2 * SPARE;
}

/* Ask for the window from row `from`: read from the loaded row nearest
 * it (the store walks its index from there: a page costs what it reads,
 * however deep), or from either end of the table. */
static void ask(struct hy_model *m, struct hy_effects *fx, size_t from, int count)
{
	const struct hy_people *p = &m->people;
	fx->people = 1;
	fx->people_from = from;
	fx->people_limit = window_size(m);
	fx->people_count = count;
	fx->people_anchor = 0;
	fx->people_anchor_at = 0;
	fx->people_total = p->counted ? p->total : 0;
	if (p->n && !count) {
		size_t at = from < p->base           ? p->base
			    : from >= p->base + p->n ? p->base + p->n - 1
						     : from;
		fx->people_anchor = p->rows[at - p->base].id;
		fx->people_anchor_at = at;
	}
	m->people.pending = 1;
	m->people.asked = fx->people_limit;
}

/* The rows shown, and MARGIN more each way, must be loaded: else a window
 * around them is asked for. */
static void ensure(struct hy_model *m, struct hy_effects *fx)
{
	struct hy_people *p = &m->people;
	size_t vis = hy_model_people_height(m), size = window_size(m);
	if (p->pending || fx->people || !p->counted || p->total == 0)
		return;
	size_t lo = p->top > MARGIN ? p->top - MARGIN : 0;
	size_t hi = p->top + vis + MARGIN;
	if (hi > p->total)
		hi = p->total;
	if (p->n && lo >= p->base && hi <= p->base + p->n)
		return;
	size_t from = p->top > SPARE ? p->top - SPARE : 0;
	if (from + size > p->total)
		from = p->total > size ? p->total - size : 0;
	ask(m, fx, from, 0);
}

static void clamp(struct hy_model *m)
{
	struct hy_people *p = &m->people;
	hy_ui_move(&p->sel, &p->top, p->total, hy_model_people_height(m), 0);
}

static void reload(struct hy_model *m, struct hy_effects *fx)
{
	struct hy_people *p = &m->people;
	rows_clear(p);
	p->base = p->sel = p->top = p->total = 0;
	p->counted = 0;
	ask(m, fx, 0, 1);
}

void hy_people_open(struct hy_model *m, struct hy_effects *fx)
{
	hy_screen_show(m, HY_SCREEN_PEOPLE);
	m->status[0] = '\0';
	reload(m, fx);
}

int hy_model_people(struct hy_model *m, size_t offset, const struct hy_person_row *rows, size_t n,
		    int counted, size_t total, struct hy_effects *fx)
{
	struct hy_people *p = &m->people;
	size_t asked = p->asked;
	memset(fx, 0, sizeof *fx);
	p->pending = 0;
	if (counted) {
		p->total = total;
		p->counted = 1;
	}
	rows_clear(p);
	if (hy_grow(&p->rows, &p->cap, n, sizeof *p->rows, 64))
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		if (row_copy(&p->rows[p->n++], &rows[i]))
			return HY_ERR_NOMEM;
	p->base = offset;
	/* fewer than asked before the end: the table shrank meanwhile */
	if (n < asked && offset + n < p->total)
		p->total = offset + n;
	clamp(m);
	ensure(m, fx);
	return 0;
}

static const struct hy_person_row *row_at(const struct hy_people *p, size_t i)
{
	return i >= p->base && i < p->base + p->n ? &p->rows[i - p->base] : NULL;
}

/* ------------------------------------------------------------------ */
/* Update                                                                 */

static void people_action(struct hy_model *m, enum hy_action a, int arg, struct hy_effects *fx)
{
	struct hy_people *p = &m->people;
	size_t vis = hy_model_people_height(m);
	long half = vis / 2 ? (long)(vis / 2) : 1;
	(void)arg;
	switch (a) {
	case HY_ACT_DOWN:
		hy_ui_move(&p->sel, &p->top, p->total, vis, 1);
		break;
	case HY_ACT_UP:
		hy_ui_move(&p->sel, &p->top, p->total, vis, -1);
		break;
	case HY_ACT_PAGE_DOWN:
		hy_ui_move(&p->sel, &p->top, p->total, vis, (long)vis);
		break;
	case HY_ACT_PAGE_UP:
		hy_ui_move(&p->sel, &p->top, p->total, vis, -(long)vis);
		break;
	case HY_ACT_HALF_DOWN:
		hy_ui_move(&p->sel, &p->top, p->total, vis, half);
		break;
	case HY_ACT_HALF_UP:
		hy_ui_move(&p->sel, &p->top, p->total, vis, -half);
		break;
	case HY_ACT_TOP:
		hy_ui_move(&p->sel, &p->top, p->total, vis, -(long)p->sel);
		break;
	case HY_ACT_BOTTOM:
		if (p->total)
			hy_ui_move(&p->sel, &p->top, p->total, vis, (long)(p->total - 1 - p->sel));
		break;
	case HY_ACT_OPEN: {
		const struct hy_person_row *r = row_at(p, p->sel);
		if (r) {
			hy_screen_mark(m, 0, p->sel);
			hy_career_open(m, r->id, fx);
		}
		break;
	}
	case HY_ACT_FILTER: {
		char cur[sizeof m->input];
		hy_filter_describe(&p->filter, cur, sizeof cur);
		hy_prompt_start(m, 'f', cur);
		break;
	}
	case HY_ACT_SORT:
		p->sort = (enum hy_people_order)((p->sort + 1) % HY_PEOPLE_SORT_N);
		reload(m, fx);
		break;
	case HY_ACT_BACK:
		rows_clear(p);
		hy_screen_pop(m);
		m->status[0] = '\0';
		return;
	default:
		break;
	}
	ensure(m, fx);
}

static void people_mouse(struct hy_model *m, const struct hy_event *ev, struct hy_effects *fx)
{
	struct hy_people *p = &m->people;
	size_t vis = hy_model_people_height(m);
	if (ev->mouse == HY_MOUSE_WHEEL_DOWN)
		hy_ui_move(&p->sel, &p->top, p->total, vis, 3);
	else if (ev->mouse == HY_MOUSE_WHEEL_UP)
		hy_ui_move(&p->sel, &p->top, p->total, vis, -3);
	else if (ev->mouse == HY_MOUSE_CLICK) {
		struct hy_layout l;
		people_layout(m, &l);
		size_t i = hy_rows_at(&l.items, ev->y, ev->x);
		if (i != SIZE_MAX) {
			if (i == p->sel) {
				people_action(m, HY_ACT_OPEN, 0, fx);
				return;
			}
			p->sel = i;
			clamp(m);
		}
	}
	ensure(m, fx);
}

static void people_prompt(struct hy_model *m, int which, struct hy_effects *fx)
{
	struct hy_people *p = &m->people;
	struct hy_filter f;
	if (which != 'f' || hy_filter_parse(m, m->input, &f) != 0)
		return;
	hy_filter_free(&p->filter);
	p->filter = f;
	reload(m, fx);
	m->status[0] = '\0';
}

static void people_resize(struct hy_model *m, int widths, struct hy_effects *fx)
{
	(void)widths;
	clamp(m);
	if (m->screen == HY_SCREEN_PEOPLE)
		ensure(m, fx);
}

/* On top again: what a resize meanwhile left unloaded. */
static void people_shown(struct hy_model *m, struct hy_effects *fx)
{
	ensure(m, fx);
}

static void people_error(struct hy_model *m)
{
	m->people.pending = 0;
}

static void people_free(struct hy_model *m)
{
	struct hy_people *p = &m->people;
	rows_clear(p);
	free(p->rows);
	hy_filter_free(&p->filter);
	memset(p, 0, sizeof *p);
}

/* ------------------------------------------------------------------ */
/* View                                                                   */

/* Columns by width: name, place, a count per part (or one total), first,
 * last, role; 0 for a column left out. */
struct cols {
	int name, place, count, parts, first, last, role;
};

static struct cols people_cols(int w)
{
	struct cols c = {8, 0, 0, 0, 0, 0, 0};
	if (w >= 80) {
		c = (struct cols){8, 8, 4, HY_UI_PARTS, 10, 10, 0};
	} else if (w >= 60) {
		c = (struct cols){8, 8, 4, 3, 0, 10, 0};
	} else if (w >= 40) {
		c = (struct cols){8, 8, 4, 1, 0, 0, 0};
	} else {
		c = (struct cols){8, 0, 4, 1, 0, 0, 0};
	}
	/* the counts' headers, in the interface's language */
	if (c.parts == 1)
		c.count = widest(_("Count"), c.count);
	for (int i = 0; i < c.parts && c.parts > 1; i++)
		c.count = widest(_(heads[i]), c.count);
	int used = c.name + 1 + (c.place ? c.place + 1 : 0) + c.parts * (c.count + 1) +
		   (c.first ? c.first + 1 : 0) + (c.last ? c.last + 1 : 0);
	c.role = w - used;
	if (c.role < 0) {
		c.name += c.role;
		c.role = 0;
	}
	return c;
}

static void people_row(struct hy_grid *g, int y, const struct hy_person_row *r,
		       const struct cols *c, int role, int header)
{
	char num[32];
	int x = 0;
	hy_grid_fill(g, y, 0, g->w, role);
	x += hy_draw_col(g, y, x, header ? _("Name") : r->name, role, c->name) + 1;
	if (c->place)
		x += hy_draw_col(g, y, x, header ? _("Place") : r->place, role, c->place) + 1;
	for (int i = 0; i < c->parts; i++) {
		if (!header)
			snprintf(num, sizeof num, "%*ld", c->count,
				 c->parts == 1 ? r->total : r->count[i]);
		x += hy_draw_col(g, y, x, header ? (c->parts == 1 ? _("Count") : _(heads[i])) : num,
				 role, c->count) +
		     1;
	}
	if (c->first)
		x += hy_draw_col(g, y, x, header ? _("First") : r->first, role, c->first) + 1;
	if (c->last)
		x += hy_draw_col(g, y, x, header ? _("Last") : r->last, role, c->last) + 1;
	if (c->role > 0)
		hy_draw_col(g, y, x, header ? _("Role") : r->role, role, c->role);
}

static const char *sort_name(enum hy_people_order s)
{
	switch (s) {
	case HY_PEOPLE_SORT_NAME:
		return _("name");
	case HY_PEOPLE_SORT_LAST:
		return _("last seen");
	default:
		return _("count");
	}
}

static void people_view(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx)
{
	const struct hy_people *p = &m->people;
	char total[32], head[512], filt[256], left[128];
	struct cols c = people_cols(g->w);
	struct hy_layout l;
	people_layout(m, &l);
	hy_draw_thousands(p->total, total, sizeof total);
	hy_filter_describe(&p->filter, filt, sizeof filt);
	if (l.title.h) {
		char count[64];
		if (p->counted)
			snprintf(count, sizeof count, P_("%s person", "%s people", p->total),
				 total);
		else
			snprintf(count, sizeof count, "…");
		snprintf(head, sizeof head, " huiyi · %s · %s%s%s%s", count, _("sort: "),
			 sort_name(p->sort), filt[0] ? _(" · filter: ") : "", filt);
		hy_grid_fill(g, l.title.y, 0, g->w, HY_ROLE_TITLE);
		hy_draw_put(g, l.title.y, 0, head, HY_ROLE_TITLE, g->w);
	}
	if (l.header.h)
		people_row(g, l.header.y, NULL, &c, HY_ROLE_LABEL, 1);
	if (p->counted && p->total == 0)
		hy_draw_put(g, l.items.r.y, 1,
			    filt[0] ? _("nobody matches the filter (f to change it)")
				    : _("no people yet: huiyi import PATH"),
			    HY_ROLE_DIM, g->w - 1);
	int y;
	for (size_t idx = p->top; (y = hy_rows_y(&l.items, idx)) >= 0; idx++) {
		int role = idx == p->sel ? HY_ROLE_SELECTED : HY_ROLE_NORMAL;
		const struct hy_person_row *r = row_at(p, idx);
		if (r) {
			people_row(g, y, r, &c, role, 0);
		} else {
			hy_grid_fill(g, y, 0, g->w, role);
			hy_draw_put(g, y, 0, "…", HY_ROLE_DIM, g->w);
		}
	}
	if (p->total) {
		char sel[32];
		hy_draw_thousands(p->sel + 1, sel, sizeof sel);
		snprintf(left, sizeof left, _(" person %s/%s"), sel, total);
	} else {
		snprintf(left, sizeof left, " %s", p->counted ? _("no people") : _("loading…"));
	}
	static const struct hy_hint hint[] = {{HY_ACT_OPEN, N_("career")},
					      {HY_ACT_FILTER, N_("filter")},
					      {HY_ACT_SORT, N_("sort")},
					      {HY_ACT_BACK, N_("back")}};
	char keys[128];
	hy_keymap_hint(HY_SCREEN_PEOPLE, hint, sizeof hint / sizeof hint[0], keys, sizeof keys);
	hy_draw_status(m, g, left, keys, cy, cx);
}

const struct hy_screen_ops hy_screen_people = {
	.free = people_free,
	.action = people_action,
	.mouse = people_mouse,
	.prompt = people_prompt,
	.shown = people_shown,
	.resize = people_resize,
	.error = people_error,
	.view = people_view,
};
