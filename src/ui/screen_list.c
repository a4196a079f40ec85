/* screen_list.c: the meetings list (screen_list.h): paged from the store a
 * window at a time, filtered (f), sorted (s), refreshed when the database
 * changes (R); Enter opens a meeting, / searches every meeting. */
#include "huiyi/screen_list.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/width.h"
#include "layout.h"
#include "screen.h"

#include "huiyi/keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows asked for at a time, rows kept at most, and how close to the edge of
 * what is loaded the selection may come before more is asked for. */
#define PAGE 200
#define WINDOW_MAX 1000
#define MARGIN 60

/* The list's geometry (layout.h): a table, the rows from `top`. */
static void list_layout(const struct hy_model *m, struct hy_layout *l)
{
	hy_layout_table(l, m->w, m->h, m->list.top, m->list.total);
}

size_t hy_model_list_height(const struct hy_model *m)
{
	struct hy_layout l;
	list_layout(m, &l);
	return hy_rows_page(&l.items);
}

static void row_free(struct hy_row *r)
{
	free(r->date);
	free(r->body);
	free(r->kind);
	free(r->chair);
	free(r->title);
	memset(r, 0, sizeof *r);
}

static int row_copy(struct hy_row *dst, const struct hy_row *src)
{
	*dst = *src;
	dst->date = hy_ui_strdup(src->date);
	dst->body = hy_ui_strdup(src->body);
	dst->kind = hy_ui_strdup(src->kind);
	dst->chair = hy_ui_strdup(src->chair);
	dst->title = hy_ui_strdup(src->title);
	if ((src->date && !dst->date) || (src->body && !dst->body) || (src->kind && !dst->kind) ||
	    (src->chair && !dst->chair) || (src->title && !dst->title)) {
		row_free(dst);
		return HY_ERR_NOMEM;
	}
	return 0;
}

static void rows_clear(struct hy_model *m)
{
	struct hy_list *ls = &m->list;
	for (size_t i = 0; i < ls->n; i++)
		row_free(&ls->rows[i]);
	ls->n = 0;
}

void hy_filter_free(struct hy_filter *f)
{
	free(f->from);
	free(f->to);
	free(f->body);
	free(f->person);
	memset(f, 0, sizeof *f);
}

/* ------------------------------------------------------------------ */
/* Paging                                                                 */

static void ask_rows(struct hy_model *m, struct hy_effects *fx, enum hy_rows_at at,
		     const struct hy_row *from)
{
	struct hy_list *ls = &m->list;
	fx->rows = at;
	fx->limit = PAGE;
	if (from)
		memcpy(fx->key, from->key, sizeof fx->key);
	ls->pending = 1;
}

/* Ask for rows when the selection nears the edge of what is loaded. */
static void ensure_rows(struct hy_model *m, struct hy_effects *fx)
{
	struct hy_list *ls = &m->list;
	if (ls->pending || fx->rows != HY_ROWS_NONE || !ls->counted)
		return;
	if (ls->total == 0)
		return;
	size_t end = ls->base + ls->n;
	if (ls->n == 0 || ls->sel + PAGE < ls->base || ls->sel >= end + PAGE) {
		/* far from the window: start again where the selection is */
		if (ls->sel >= ls->total / 2)
			ask_rows(m, fx, HY_ROWS_END, NULL);
		else
			ask_rows(m, fx, HY_ROWS_START, NULL);
		return;
	}
	if (ls->sel + MARGIN >= end && end < ls->total)
		ask_rows(m, fx, HY_ROWS_AFTER, &ls->rows[ls->n - 1]);
	else if (ls->sel < ls->base + MARGIN && ls->base > 0)
		ask_rows(m, fx, HY_ROWS_BEFORE, &ls->rows[0]);
}

static void list_clamp(struct hy_model *m)
{
	struct hy_list *ls = &m->list;
	size_t vis = hy_model_list_height(m);
	if (ls->total == 0) {
		ls->sel = ls->top = 0;
		return;
	}
	if (ls->sel >= ls->total)
		ls->sel = ls->total - 1;
	if (ls->sel < ls->top)
		ls->top = ls->sel;
	if (ls->sel >= ls->top + vis)
		ls->top = ls->sel - vis + 1;
	if (ls->top + vis > ls->total)
		ls->top = ls->total > vis ? ls->total - vis : 0;
}

static void list_move(struct hy_model *m, long delta)
{
	struct hy_list *ls = &m->list;
	if (ls->total == 0)
		return;
	if (delta < 0 && (size_t)-delta > ls->sel)
		ls->sel = 0;
	else
		ls->sel = (size_t)((long)ls->sel + delta);
	if (ls->sel >= ls->total)
		ls->sel = ls->total - 1;
	list_clamp(m);
}

static int grow_rows(struct hy_model *m, size_t need)
{
	struct hy_list *ls = &m->list;
	return hy_grow(&ls->rows, &ls->cap, need, sizeof *ls->rows, 256);
}

/* The window becomes copies of rows[0..n). */
static int rows_replace(struct hy_model *m, const struct hy_row *rows, size_t n)
{
	struct hy_list *ls = &m->list;
	rows_clear(m);
	if (grow_rows(m, n))
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		if (row_copy(&ls->rows[ls->n++], &rows[i]))
			return HY_ERR_NOMEM;
	return 0;
}

int hy_model_rows(struct hy_model *m, enum hy_rows_at at, const struct hy_row *rows, size_t n,
		  int counted, size_t total, struct hy_effects *fx)
{
	struct hy_list *ls = &m->list;
	memset(fx, 0, sizeof *fx);
	ls->pending = 0;
	if (counted) {
		ls->total = total;
		ls->counted = 1;
	}
	if (at == HY_ROWS_START || at == HY_ROWS_END) {
		if (rows_replace(m, rows, n))
			return HY_ERR_NOMEM;
		ls->base = at == HY_ROWS_START ? 0 : (ls->total > n ? ls->total - n : 0);
		if (!ls->counted && at == HY_ROWS_START)
			ls->total = n; /* the rows known so far, until the count */
	} else if (at == HY_ROWS_AFTER) {
		if (grow_rows(m, ls->n + n))
			return HY_ERR_NOMEM;
		for (size_t i = 0; i < n; i++)
			if (row_copy(&ls->rows[ls->n++], &rows[i]))
				return HY_ERR_NOMEM;
		if (n == 0 && ls->base + ls->n < ls->total)
			ls->total = ls->base + ls->n; /* the list shrank */
		if (ls->n > WINDOW_MAX && ls->sel > ls->base + (ls->n - WINDOW_MAX)) {
			size_t drop = ls->n - WINDOW_MAX;
			for (size_t i = 0; i < drop; i++)
				row_free(&ls->rows[i]);
			memmove(ls->rows, ls->rows + drop, (ls->n - drop) * sizeof *ls->rows);
			ls->n -= drop;
			ls->base += drop;
		}
	} else if (at == HY_ROWS_BEFORE) {
		if (n > ls->base) {
			/* more rows above the window than its rank says: the
			 * list grew above it (an import), the ranks moved;
			 * reload around the selected meeting instead */
			hy_model_refresh(m, fx);
			return 0;
		}
		if (grow_rows(m, ls->n + n))
			return HY_ERR_NOMEM;
		memmove(ls->rows + n, ls->rows, ls->n * sizeof *ls->rows);
		for (size_t i = 0; i < n; i++) {
			if (row_copy(&ls->rows[i], &rows[i])) {
				for (size_t k = 0; k < i; k++)
					row_free(&ls->rows[k]);
				memmove(ls->rows, ls->rows + n, ls->n * sizeof *ls->rows);
				return HY_ERR_NOMEM;
			}
		}
		ls->n += n;
		ls->base -= n;
		if (ls->n > WINDOW_MAX && ls->sel < ls->base + WINDOW_MAX) {
			size_t keep = WINDOW_MAX;
			for (size_t i = keep; i < ls->n; i++)
				row_free(&ls->rows[i]);
			ls->n = keep;
		}
	}
	list_clamp(m);
	ensure_rows(m, fx);
	return 0;
}

static const struct hy_row *row_at(const struct hy_model *m, size_t i)
{
	const struct hy_list *ls = &m->list;
	if (i < ls->base || i >= ls->base + ls->n)
		return NULL;
	return &ls->rows[i - ls->base];
}

void hy_model_refresh(struct hy_model *m, struct hy_effects *fx)
{
	struct hy_list *ls = &m->list;
	const struct hy_row *r = row_at(m, ls->sel);
	if (ls->pending || fx->rows != HY_ROWS_NONE)
		return;
	if (!r) { /* nothing selected: from the top */
		ls->keep_id = 0;
		ls->keep_row = 0;
		ask_rows(m, fx, HY_ROWS_START, NULL);
		fx->count = 1;
		return;
	}
	ls->keep_id = r->id;
	ls->keep_row = ls->sel >= ls->top ? ls->sel - ls->top : 0;
	ask_rows(m, fx, HY_ROWS_AT, r);
	fx->count = 1;
}

void hy_model_count(struct hy_model *m, struct hy_effects *fx)
{
	memset(fx, 0, sizeof *fx);
	if (!m->list.counted && !m->list.pending)
		fx->count_alone = 1;
}

int hy_model_total(struct hy_model *m, size_t total, struct hy_effects *fx)
{
	struct hy_list *ls = &m->list;
	memset(fx, 0, sizeof *fx);
	if (ls->counted || ls->pending)
		return 0; /* counted, or loading again, meanwhile */
	/* an import may have added meetings between the page and the count:
	 * never fewer than the rows in hand */
	ls->total = total > ls->base + ls->n ? total : ls->base + ls->n;
	ls->counted = 1;
	list_clamp(m);
	ensure_rows(m, fx);
	return 0;
}

int hy_model_rows_at(struct hy_model *m, size_t base, size_t rank, const struct hy_row *rows,
		     size_t n, size_t total, struct hy_effects *fx)
{
	struct hy_list *ls = &m->list;
	memset(fx, 0, sizeof *fx);
	ls->pending = 0;
	if (rows_replace(m, rows, n))
		return HY_ERR_NOMEM;
	ls->total = total;
	ls->counted = 1;
	ls->base = base + n <= total ? base : (total > n ? total - n : 0);
	ls->sel = rank;
	for (size_t i = 0; i < ls->n; i++)
		if (ls->rows[i].id == ls->keep_id)
			ls->sel = ls->base + i;
	ls->top = ls->sel > ls->keep_row ? ls->sel - ls->keep_row : 0;
	list_clamp(m);
	ensure_rows(m, fx);
	return 0;
}

/* A new filter or sort: the list starts again from the top. */
static void list_reload(struct hy_model *m, struct hy_effects *fx)
{
	struct hy_list *ls = &m->list;
	rows_clear(m);
	ls->base = ls->sel = ls->top = 0;
	ls->counted = 0;
	ls->total = 0;
	ask_rows(m, fx, HY_ROWS_START, NULL);
	fx->count = 1;
}

void hy_model_start(struct hy_model *m, struct hy_effects *fx)
{
	memset(fx, 0, sizeof *fx);
	list_reload(m, fx);
}

/* ------------------------------------------------------------------ */
/* The filter                                                             */

/* "2024", "2023-01..2023-06", "body:县政府", "person:刘锐", bare words.
 * Returns 0, or -1 with a message in the status line. */
int hy_filter_parse(struct hy_model *m, const char *in, struct hy_filter *f)
{
	char buf[sizeof m->input];
	snprintf(buf, sizeof buf, "%s", in);
	memset(f, 0, sizeof *f);
	for (char *save = NULL, *tok = strtok_r(buf, " \t", &save); tok;
	     tok = strtok_r(NULL, " \t", &save)) {
		char **slot = NULL;
		const char *val = tok;
		if (!strncmp(tok, "body:", 5) || !strncmp(tok, "机构:", 7)) {
			slot = &f->body;
			val = strchr(tok, ':') + 1;
		} else if (!strncmp(tok, "person:", 7) || !strncmp(tok, "人:", 4)) {
			slot = &f->person;
			val = strchr(tok, ':') + 1;
		} else if (tok[0] >= '0' && tok[0] <= '9') {
			/* a date, or a range a..b; each end YYYY[-MM[-DD]] */
			char *dots = strstr(tok, "..");
			char lo[16] = "", hi[16] = "";
			if (dots) {
				*dots = '\0';
				snprintf(lo, sizeof lo, "%s", tok);
				snprintf(hi, sizeof hi, "%s", dots + 2);
			} else {
				snprintf(lo, sizeof lo, "%s", tok);
				snprintf(hi, sizeof hi, "%s", tok);
			}
			int ylo, mlo = 1, dlo = 1, yhi, mhi = 12, dhi = 31;
			int a = lo[0] ? sscanf(lo, "%4d-%2d-%2d", &ylo, &mlo, &dlo) : 0;
			int b = hi[0] ? sscanf(hi, "%4d-%2d-%2d", &yhi, &mhi, &dhi) : 0;
			if ((lo[0] && a < 1) || (hi[0] && b < 1) || (!lo[0] && !hi[0])) {
				hy_ui_status(m, 1, _("filter: not a date"), tok);
				return -1;
			}
			if (b == 2)
				dhi = 31;
			char t[16];
			if (lo[0]) {
				snprintf(t, sizeof t, "%04d-%02d-%02d", ylo, mlo, dlo);
				free(f->from);
				f->from = strdup(t);
			}
			if (hi[0]) {
				snprintf(t, sizeof t, "%04d-%02d-%02d", yhi, mhi, dhi);
				free(f->to);
				f->to = strdup(t);
			}
			continue;
		} else {
			/* a bare word: an office when it ends like one, else a person */
			size_t l = strlen(tok);
			static const char *const offices[] = {"政府", "委", "会", "县", "市",
							      "区",   "镇", "乡", "局", "办",
							      "協",   "协", "縣", "會"};
			slot = &f->person;
			for (size_t i = 0; i < sizeof offices / sizeof offices[0]; i++) {
				size_t ol = strlen(offices[i]);
				if (l >= ol && !strcmp(tok + l - ol, offices[i]))
					slot = &f->body;
			}
		}
		if (!*val)
			continue;
		free(*slot);
		*slot = strdup(val);
	}
	return 0;
}

void hy_filter_describe(const struct hy_filter *f, char *out, size_t len)
{
	out[0] = '\0';
	size_t u = 0;
	if (f->from || f->to)
		u += (size_t)snprintf(out + u, len - u, "%s..%s ", f->from ? f->from : "",
				      f->to ? f->to : "");
	if (f->body && u < len)
		u += (size_t)snprintf(out + u, len - u, "body:%s ", f->body);
	if (f->person && u < len)
		u += (size_t)snprintf(out + u, len - u, "person:%s ", f->person);
	if (u > 0 && u < len)
		out[u - 1] = '\0';
}

void hy_model_filter_text(const struct hy_model *m, char *out, size_t len)
{
	const struct hy_list *ls = &m->list;
	hy_filter_describe(&ls->filter, out, len);
}

/* ------------------------------------------------------------------ */
/* Update                                                                 */

static void list_action(struct hy_model *m, enum hy_action a, int arg, struct hy_effects *fx)
{
	struct hy_list *ls = &m->list;
	size_t vis = hy_model_list_height(m);
	switch (a) {
	case HY_ACT_DOWN:
		list_move(m, 1);
		break;
	case HY_ACT_UP:
		list_move(m, -1);
		break;
	case HY_ACT_PAGE_DOWN:
		list_move(m, (long)vis);
		break;
	case HY_ACT_PAGE_UP:
		list_move(m, -(long)vis);
		break;
	case HY_ACT_HALF_DOWN:
		list_move(m, (long)(vis / 2 ? vis / 2 : 1));
		break;
	case HY_ACT_HALF_UP:
		list_move(m, -(long)(vis / 2 ? vis / 2 : 1));
		break;
	case HY_ACT_TOP:
		list_move(m, -(long)ls->sel);
		break;
	case HY_ACT_BOTTOM:
		if (ls->total)
			list_move(m, (long)(ls->total - 1 - ls->sel));
		break;
	case HY_ACT_OPEN: {
		const struct hy_row *r = row_at(m, ls->sel);
		if (r)
			hy_meeting_open(m, r->id, ls->sel, -1, NULL, 0, fx);
		break;
	}
	case HY_ACT_QUIT:
		fx->quit = 1;
		break;
	case HY_ACT_FILTER: {
		char cur[sizeof m->input];
		hy_filter_describe(&ls->filter, cur, sizeof cur);
		hy_prompt_start(m, 'f', cur);
		break;
	}
	case HY_ACT_SORT:
		ls->sort = (enum hy_sort)((ls->sort + 1) % HY_MODEL_SORT_COUNT);
		list_reload(m, fx);
		break;
	case HY_ACT_SEARCH:
		hy_prompt_start(m, 's', NULL);
		break;
	case HY_ACT_REFRESH:
		hy_model_refresh(m, fx);
		break;
	case HY_ACT_PEOPLE:
		hy_people_open(m, fx);
		break;
	default:
		break;
	}
	(void)arg;
	ensure_rows(m, fx);
}

static void list_mouse(struct hy_model *m, const struct hy_event *ev, struct hy_effects *fx)
{
	struct hy_list *ls = &m->list;
	struct hy_layout l;
	list_layout(m, &l);
	if (ev->mouse == HY_MOUSE_WHEEL_DOWN)
		list_move(m, 3);
	else if (ev->mouse == HY_MOUSE_WHEEL_UP)
		list_move(m, -3);
	else if (ev->mouse == HY_MOUSE_CLICK) {
		size_t i = hy_rows_at(&l.items, ev->y, ev->x);
		if (i != SIZE_MAX && i == ls->sel) {
			list_action(m, HY_ACT_OPEN, 0, fx); /* a second click opens */
			return;
		}
		if (i != SIZE_MAX) {
			ls->sel = i;
			list_clamp(m);
		}
	}
	ensure_rows(m, fx);
}

void hy_list_narrow(struct hy_model *m, const char *from, const char *to, struct hy_effects *fx)
{
	struct hy_filter *f = &m->list.filter;
	char *a = hy_ui_strdup(from), *b = hy_ui_strdup(to);
	if ((from && !a) || (to && !b)) {
		free(a);
		free(b);
		hy_ui_status(m, 1, _("out of memory"), NULL);
		return;
	}
	free(f->from);
	free(f->to);
	f->from = a;
	f->to = b;
	if (m->screen == HY_SCREEN_LIST) {
		list_reload(m, fx);
		return;
	}
	/* loaded again when the list is on top again (list_shown): the
	 * effects of the screen above come first */
	rows_clear(m);
	m->list.base = m->list.sel = m->list.top = 0;
	m->list.counted = 0;
	m->list.total = 0;
	m->list.pending = 0;
	(void)fx;
}

/* On top again: a list left uncounted (narrowed from above) loads. */
static void list_shown(struct hy_model *m, struct hy_effects *fx)
{
	if (!m->list.counted && !m->list.pending)
		list_reload(m, fx);
}

/* Enter on a prompt the list opened: a search of every meeting, or a
 * filter. */
static void list_prompt(struct hy_model *m, int which, struct hy_effects *fx)
{
	struct hy_list *ls = &m->list;
	if (which == 's') {
		if (m->input_len)
			hy_results_start(m, m->input, fx);
	} else if (which == 'f') {
		struct hy_filter f;
		if (hy_filter_parse(m, m->input, &f) == 0) {
			hy_filter_free(&ls->filter);
			ls->filter = f;
			list_reload(m, fx);
			m->status[0] = '\0';
		}
	}
}

static void list_resize(struct hy_model *m, int widths, struct hy_effects *fx)
{
	(void)widths;
	list_clamp(m);
	ensure_rows(m, fx);
}

static void list_error(struct hy_model *m)
{
	m->list.pending = 0;
}

static void list_free(struct hy_model *m)
{
	struct hy_list *ls = &m->list;
	rows_clear(m);
	free(ls->rows);
	hy_filter_free(&ls->filter);
}

/* ------------------------------------------------------------------ */
/* View                                                                   */

struct cols {
	int date, body, kind, chair, title;
};

static struct cols list_cols(int w)
{
	struct cols c = {10, 0, 0, 0, 0};
	if (w >= 80) {
		c.body = 14;
		c.kind = 18;
		c.chair = 8;
	} else if (w >= 60) {
		c.body = 12;
		c.chair = 8;
	}
	int used = c.date + 1 + (c.body ? c.body + 1 : 0) + (c.kind ? c.kind + 1 : 0) +
		   (c.chair ? c.chair + 1 : 0);
	c.title = w - used;
	if (c.title < 0) {
		c.date += c.title;
		c.title = 0;
	}
	return c;
}

static void list_row(struct hy_grid *g, int y, const struct hy_row *r, const struct cols *c,
		     int role)
{
	int x = 0;
	char meeting[256];
	hy_grid_fill(g, y, 0, g->w, role);
	/* a guessed year's "?" (2024-03-08?) takes the gap after the column */
	int guessed = r->date && strlen(r->date) == 11 && r->date[10] == '?' && c->date == 10;
	x += hy_draw_col(g, y, x, r->date ? r->date : _("no date"), role, c->date + guessed) +
	     !guessed;
	if (c->body)
		x += hy_draw_col(g, y, x, r->body, role, c->body) + 1;
	if (c->kind) {
		if (r->number)
			snprintf(meeting, sizeof meeting, "%s 第%d次", r->kind ? r->kind : "",
				 r->number);
		else
			snprintf(meeting, sizeof meeting, "%s", r->kind ? r->kind : "");
		x += hy_draw_col(g, y, x, meeting, role, c->kind) + 1;
	}
	if (c->chair)
		x += hy_draw_col(g, y, x, r->chair, role, c->chair) + 1;
	if (c->title > 0)
		hy_draw_col(g, y, x, r->title ? r->title : _("(no title)"), role, c->title);
}

static const char *sort_name(enum hy_sort s)
{
	switch (s) {
	case HY_MODEL_SORT_BODY:
		return _("body");
	case HY_MODEL_SORT_NUMBER:
		return _("number");
	default:
		return _("date");
	}
}

static void list_view(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx)
{
	const struct hy_list *ls = &m->list;
	char total[32], head[512], filt[256], left[128];
	struct cols c = list_cols(g->w);
	struct hy_layout l;
	list_layout(m, &l);
	hy_draw_thousands(ls->total, total, sizeof total);
	hy_model_filter_text(m, filt, sizeof filt);
	if (l.title.h) {
		char count[64];
		if (ls->counted)
			/* TRANSLATORS: the list's title: "19 meetings" (%s: the
			 * number with thousands separators) */
			snprintf(count, sizeof count, P_("%s meeting", "%s meetings", ls->total),
				 total);
		else
			snprintf(count, sizeof count, "…");
		snprintf(head, sizeof head, " huiyi · %s%s · %s%s%s%s", count,
			 m->readonly ? _(" · read-only") : "", _("sort: "), sort_name(ls->sort),
			 filt[0] ? _(" · filter: ") : "", filt);
		hy_grid_fill(g, l.title.y, 0, g->w, HY_ROLE_TITLE);
		hy_draw_put(g, l.title.y, 0, head, HY_ROLE_TITLE, g->w);
	}
	if (l.header.h) {
		struct hy_row h = {0};
		h.date = _("Date");
		h.body = _("Body");
		h.kind = _("Meeting");
		h.chair = _("Chair");
		h.title = _("Title");
		list_row(g, l.header.y, &h, &c, HY_ROLE_LABEL);
	}
	if (ls->counted && ls->total == 0) {
		const char *msg = filt[0] ? _("no meeting matches the filter (f to change it)")
					  : _("no meetings yet: huiyi import PATH");
		hy_draw_put(g, l.items.r.y, 1, msg, HY_ROLE_DIM, g->w - 1);
	}
	int y;
	for (size_t idx = ls->top; (y = hy_rows_y(&l.items, idx)) >= 0; idx++) {
		int role = idx == ls->sel ? HY_ROLE_SELECTED : HY_ROLE_NORMAL;
		if (idx >= ls->base && idx < ls->base + ls->n) {
			list_row(g, y, &ls->rows[idx - ls->base], &c, role);
		} else {
			hy_grid_fill(g, y, 0, g->w, role);
			hy_draw_put(g, y, 0, "…", HY_ROLE_DIM, g->w);
		}
	}
	if (ls->total) {
		char sel[32];
		hy_draw_thousands(ls->sel + 1, sel, sizeof sel);
		/* TRANSLATORS: the status line: the selected meeting of all */
		snprintf(left, sizeof left, _(" meeting %s/%s"), sel, ls->counted ? total : "…");
	} else {
		snprintf(left, sizeof left, " %s", ls->counted ? _("no meetings") : _("loading…"));
	}
	static const struct hy_hint hint[] = {
		{HY_ACT_OPEN, N_("open")},     {HY_ACT_SEARCH, N_("search")},
		{HY_ACT_FILTER, N_("filter")}, {HY_ACT_SORT, N_("sort")},
		{HY_ACT_HELP, N_("help")},     {HY_ACT_QUIT, N_("quit")}};
	char keys[128];
	hy_keymap_hint(HY_SCREEN_LIST, hint, sizeof hint / sizeof hint[0], keys, sizeof keys);
	hy_draw_status(m, g, left, keys, cy, cx);
}

const struct hy_screen_ops hy_screen_list = {
	.free = list_free,
	.action = list_action,
	.mouse = list_mouse,
	.prompt = list_prompt,
	.shown = list_shown,
	.resize = list_resize,
	.error = list_error,
	.view = list_view,
};
