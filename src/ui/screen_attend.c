/* screen_attend.c: the people of one meeting (screen_attend.h), p in a
 * meeting: the chair, attendees, observers and guests, each with the part
 * and the role the readout gives them; Enter opens one's career. */
#include "huiyi/screen_attend.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "layout.h"
#include "screen.h"

#include "huiyi/keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void attend_clear(struct hy_attend *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].name);
		free(a->v[i].role);
	}
	free(a->v);
	free(a->title);
	memset(a, 0, sizeof *a);
}

/* The table's geometry (layout.h), the rows from `top`. */
static void attend_layout(const struct hy_model *m, struct hy_layout *l)
{
	hy_layout_table(l, m->w, m->h, m->attend.top, m->attend.n);
}

static size_t attend_height(const struct hy_model *m)
{
	struct hy_layout l;
	attend_layout(m, &l);
	return hy_rows_page(&l.items);
}

void hy_attend_open(struct hy_model *m, int64_t meeting, struct hy_effects *fx)
{
	(void)m;
	fx->load_attend = meeting;
}

int hy_model_attend(struct hy_model *m, int64_t meeting, const char *title,
		    const struct hy_attendee *v, size_t n)
{
	struct hy_attend *a = &m->attend;
	size_t sel = 0;
	if (m->screen == HY_SCREEN_ATTEND) /* back on top: as it was left */
		sel = m->stack_sel[m->depth - 1];
	else
		hy_screen_show(m, HY_SCREEN_ATTEND);
	attend_clear(a);
	m->status[0] = '\0';
	a->meeting = meeting;
	a->title = hy_ui_strdup(title);
	a->v = n ? calloc(n, sizeof *a->v) : NULL;
	if ((n && !a->v) || (title && !a->title)) {
		attend_clear(a);
		return HY_ERR_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		struct hy_attendee *d = &a->v[a->n++];
		*d = v[i];
		d->name = hy_ui_strdup(v[i].name);
		d->role = hy_ui_strdup(v[i].role);
		if ((v[i].name && !d->name) || (v[i].role && !d->role)) {
			attend_clear(a);
			return HY_ERR_NOMEM;
		}
	}
	a->meeting = meeting;
	hy_ui_move(&a->sel, &a->top, a->n, attend_height(m), (long)sel);
	hy_screen_mark(m, meeting, a->sel);
	return 0;
}

static void attend_action(struct hy_model *m, enum hy_action act, int arg, struct hy_effects *fx)
{
	struct hy_attend *a = &m->attend;
	size_t vis = attend_height(m);
	long half = vis / 2 ? (long)(vis / 2) : 1;
	(void)arg;
	switch (act) {
	case HY_ACT_DOWN:
		hy_ui_move(&a->sel, &a->top, a->n, vis, 1);
		break;
	case HY_ACT_UP:
		hy_ui_move(&a->sel, &a->top, a->n, vis, -1);
		break;
	case HY_ACT_PAGE_DOWN:
		hy_ui_move(&a->sel, &a->top, a->n, vis, (long)vis);
		break;
	case HY_ACT_PAGE_UP:
		hy_ui_move(&a->sel, &a->top, a->n, vis, -(long)vis);
		break;
	case HY_ACT_HALF_DOWN:
		hy_ui_move(&a->sel, &a->top, a->n, vis, half);
		break;
	case HY_ACT_HALF_UP:
		hy_ui_move(&a->sel, &a->top, a->n, vis, -half);
		break;
	case HY_ACT_TOP:
		hy_ui_move(&a->sel, &a->top, a->n, vis, -(long)a->sel);
		break;
	case HY_ACT_BOTTOM:
		if (a->n)
			hy_ui_move(&a->sel, &a->top, a->n, vis, (long)(a->n - 1 - a->sel));
		break;
	case HY_ACT_OPEN:
		if (a->sel < a->n) {
			hy_screen_mark(m, a->meeting, a->sel);
			hy_career_open(m, a->v[a->sel].person, fx);
		}
		break;
	case HY_ACT_BACK:
		attend_clear(a);
		hy_screen_pop(m);
		m->status[0] = '\0';
		break;
	default:
		break;
	}
}

static void attend_mouse(struct hy_model *m, const struct hy_event *ev, struct hy_effects *fx)
{
	struct hy_attend *a = &m->attend;
	size_t vis = attend_height(m);
	if (ev->mouse == HY_MOUSE_WHEEL_DOWN)
		hy_ui_move(&a->sel, &a->top, a->n, vis, 3);
	else if (ev->mouse == HY_MOUSE_WHEEL_UP)
		hy_ui_move(&a->sel, &a->top, a->n, vis, -3);
	else if (ev->mouse == HY_MOUSE_CLICK) {
		struct hy_layout l;
		attend_layout(m, &l);
		size_t i = hy_rows_at(&l.items, ev->y, ev->x);
		if (i == SIZE_MAX)
			return;
		if (i == a->sel)
			attend_action(m, HY_ACT_OPEN, 0, fx);
		else
			hy_ui_move(&a->sel, &a->top, a->n, vis, (long)i - (long)a->sel);
	}
}

/* On top again: if the people of another meeting were shown above (the
 * same state), this meeting's again. */
static void attend_shown(struct hy_model *m, struct hy_effects *fx)
{
	int64_t id = m->stack_id[m->depth - 1];
	if (id && id != m->attend.meeting) {
		attend_clear(&m->attend);
		hy_attend_open(m, id, fx);
	}
}

static void attend_resize(struct hy_model *m, int widths, struct hy_effects *fx)
{
	struct hy_attend *a = &m->attend;
	(void)widths;
	(void)fx;
	hy_ui_move(&a->sel, &a->top, a->n, attend_height(m), 0);
}

static void attend_free(struct hy_model *m)
{
	attend_clear(&m->attend);
}

static void attend_row(struct hy_grid *g, int y, const char *part, const char *name,
		       const char *role_text, int role)
{
	int x = 0, w = g->w;
	hy_grid_fill(g, y, 0, w, role);
	int pw = hy_ui_part_width();
	x += hy_draw_col(g, y, x, part, role, pw) + 1;
	x += hy_draw_col(g, y, x, name, role, w - x < 8 ? w - x : 8) + 1;
	if (w - x > 0)
		hy_draw_col(g, y, x, role_text, role, w - x);
}

static void attend_view(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx)
{
	const struct hy_attend *a = &m->attend;
	struct hy_layout l;
	char buf[512], left[128];
	int y;
	attend_layout(m, &l);
	if (l.title.h) {
		snprintf(buf, sizeof buf, _(" %s · people"), a->title ? a->title : _("(no title)"));
		hy_grid_fill(g, l.title.y, 0, g->w, HY_ROLE_TITLE);
		hy_draw_put(g, l.title.y, 0, buf, HY_ROLE_TITLE, g->w);
	}
	if (l.header.h)
		attend_row(g, l.header.y, _("Part"), _("Name"), _("Role"), HY_ROLE_LABEL);
	if (a->meeting && a->n == 0)
		hy_draw_put(g, l.items.r.y, 1, _("no people named in this meeting"), HY_ROLE_DIM,
			    g->w - 1);
	for (size_t idx = a->top; (y = hy_rows_y(&l.items, idx)) >= 0; idx++) {
		const struct hy_attendee *p = &a->v[idx];
		attend_row(g, y, hy_ui_part_label(p->part), p->name, p->role,
			   idx == a->sel ? HY_ROLE_SELECTED : HY_ROLE_NORMAL);
	}
	if (a->n)
		snprintf(left, sizeof left, _(" person %zu/%zu"), a->sel + 1, a->n);
	else
		snprintf(left, sizeof left, " %s", a->meeting ? _("no people") : _("loading…"));
	static const struct hy_hint hint[] = {
		{HY_ACT_OPEN, N_("career")}, {HY_ACT_BACK, N_("back")}, {HY_ACT_HELP, N_("help")}};
	char keys[128];
	hy_keymap_hint(HY_SCREEN_ATTEND, hint, sizeof hint / sizeof hint[0], keys, sizeof keys);
	hy_draw_status(m, g, left, keys, cy, cx);
}

const struct hy_screen_ops hy_screen_attend = {
	.free = attend_free,
	.action = attend_action,
	.mouse = attend_mouse,
	.shown = attend_shown,
	.resize = attend_resize,
	.view = attend_view,
};
