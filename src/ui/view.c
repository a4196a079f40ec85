/* view.c: render the model into the cell grid (view.h). */
#include "huiyi/view.h"

#include "huiyi/keymap.h"
#include "huiyi/width.h"

#include <stdio.h>
#include <string.h>

static int put(struct hy_grid *g, int y, int x, const char *s, int role, int maxw)
{
	if (!s || maxw <= 0)
		return 0;
	return hy_grid_put(g, y, x, s, strlen(s), role, maxw);
}

/* s truncated with … into exactly w columns (padded with spaces). */
static int put_col(struct hy_grid *g, int y, int x, const char *s, int role, int w)
{
	char buf[512];
	if (w <= 0)
		return 0;
	if (!s || !*s)
		s = "-";
	hy_width_truncate(s, strlen(s), (size_t)w, buf, sizeof buf);
	hy_grid_fill(g, y, x, w, role);
	put(g, y, x, buf, role, w);
	return w;
}

static void thousands(size_t n, char *out, size_t len)
{
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%zu", n);
	size_t l = strlen(tmp), o = 0;
	for (size_t i = 0; i < l && o + 2 < len; i++) {
		if (i && (l - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = tmp[i];
	}
	out[o] = '\0';
}

/* The bottom line: the prompt, or a message, or position and hints. */
static void status_line(const struct hy_model *m, struct hy_grid *g,
			const char *left, const char *hints, int *cy, int *cx)
{
	int y = g->h - 1;
	if (y < 0)
		return;
	hy_grid_fill(g, y, 0, g->w, HY_ROLE_STATUS);
	if (m->prompt) {
		const char *p = m->prompt == '/' ? "/" : m->prompt == 's' ? "search: " : "filter: ";
		int x = put(g, y, 0, p, HY_ROLE_STATUS, g->w);
		/* a message while typing (a paste cut): at the right end */
		int room = g->w;
		if (m->status[0]) {
			int mw = (int)hy_width_str(m->status, strlen(m->status));
			if (mw + x + 8 <= g->w) {
				put(g, y, g->w - mw, m->status,
				    m->status_error ? HY_ROLE_ERROR : HY_ROLE_STATUS, mw);
				room = g->w - mw - 1;
			}
		}
		/* show the end of a long input */
		size_t iw = hy_width_str(m->input, m->input_len);
		const char *in = m->input;
		while (iw + (size_t)x + 1 > (size_t)room && *in) {
			uint32_t c;
			size_t k = 1;
			while (((unsigned char)in[k] & 0xC0) == 0x80)
				k++;
			(void)c;
			iw -= hy_width_str(in, k);
			in += k;
		}
		x += put(g, y, x, in, HY_ROLE_STATUS, room - x);
		*cy = y;
		*cx = x < g->w ? x : g->w - 1;
		return;
	}
	int x = 0;
	if (m->status[0]) {
		x = put(g, y, 0, " ", HY_ROLE_STATUS, g->w);
		x += put(g, y, x, m->status, m->status_error ? HY_ROLE_ERROR : HY_ROLE_STATUS,
			 g->w - x);
	} else {
		x = put(g, y, 0, left, HY_ROLE_STATUS, g->w);
	}
	int hw = hints ? (int)hy_width_str(hints, strlen(hints)) : 0;
	if (hints && x + 2 + hw <= g->w)
		put(g, y, g->w - hw, hints, HY_ROLE_STATUS, hw);
}

/* ------------------------------------------------------------------ */

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

static void list_row(struct hy_grid *g, int y, const struct hy_row *r,
		     const struct cols *c, int role)
{
	int x = 0;
	char meeting[256];
	hy_grid_fill(g, y, 0, g->w, role);
	/* a guessed year's "?" (2024-03-08?) takes the gap after the column */
	int guessed = r->date && strlen(r->date) == 11 && r->date[10] == '?' &&
		      c->date == 10;
	x += put_col(g, y, x, r->date ? r->date : "日期不详", role,
		     c->date + guessed) + !guessed;
	if (c->body)
		x += put_col(g, y, x, r->body, role, c->body) + 1;
	if (c->kind) {
		if (r->number)
			snprintf(meeting, sizeof meeting, "%s 第%d次", r->kind ? r->kind : "",
				 r->number);
		else
			snprintf(meeting, sizeof meeting, "%s", r->kind ? r->kind : "");
		x += put_col(g, y, x, meeting, role, c->kind) + 1;
	}
	if (c->chair)
		x += put_col(g, y, x, r->chair, role, c->chair) + 1;
	if (c->title > 0)
		put_col(g, y, x, r->title ? r->title : "（无标题）", role, c->title);
}

static const char *sort_name(enum hy_sort s)
{
	switch (s) {
	case HY_MODEL_SORT_BODY: return "body";
	case HY_MODEL_SORT_NUMBER: return "number";
	default: return "date";
	}
}

static void render_list(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx)
{
	char total[32], head[512], filt[256], left[128];
	struct cols c = list_cols(g->w);
	int y0 = g->h > 3 ? 2 : 0;
	thousands(m->total, total, sizeof total);
	hy_model_filter_text(m, filt, sizeof filt);
	if (g->h > 3) {
		snprintf(head, sizeof head, " huiyi · %s%s%s · sort: %s%s%s",
			 m->counted ? total : "…",
			 !m->counted ? "" : m->total == 1 ? " meeting" : " meetings",
			 m->readonly ? " · read-only" : "", sort_name(m->sort),
			 filt[0] ? " · filter: " : "", filt);
		hy_grid_fill(g, 0, 0, g->w, HY_ROLE_TITLE);
		put(g, 0, 0, head, HY_ROLE_TITLE, g->w);
		struct hy_row h = {0};
		h.date = "日期";
		h.body = "机构";
		h.kind = "会议";
		h.chair = "主持";
		h.title = "标题";
		list_row(g, 1, &h, &c, HY_ROLE_LABEL);
	}
	size_t vis = hy_model_list_height(m);
	if (m->counted && m->total == 0) {
		const char *msg = filt[0] ? "没有符合条件的会议 — no meeting matches the filter (f to change it)"
					  : "还没有会议 — no meetings yet: huiyi import PATH";
		put(g, y0, 1, msg, HY_ROLE_DIM, g->w - 1);
	}
	for (size_t i = 0; i < vis && y0 + (int)i < g->h - 1; i++) {
		size_t idx = m->top + i;
		if (idx >= m->total)
			break;
		int y = y0 + (int)i;
		int role = idx == m->sel ? HY_ROLE_SELECTED : HY_ROLE_NORMAL;
		if (idx >= m->base && idx < m->base + m->n) {
			list_row(g, y, &m->rows[idx - m->base], &c, role);
		} else {
			hy_grid_fill(g, y, 0, g->w, role);
			put(g, y, 0, "…", HY_ROLE_DIM, g->w);
		}
	}
	if (m->total) {
		char sel[32];
		thousands(m->sel + 1, sel, sizeof sel);
		snprintf(left, sizeof left, " meeting %s/%s", sel, total);
	} else {
		snprintf(left, sizeof left, " %s", m->counted ? "no meetings" : "loading…");
	}
	status_line(m, g, left, "Enter open · / search · f filter · s sort · ? help · q quit ",
		    cy, cx);
}

/* ------------------------------------------------------------------ */

static int hit_role(const struct hy_model *m, size_t h)
{
	return h == m->hit ? HY_ROLE_SELECTED : HY_ROLE_MATCH;
}

/* The first hit that can reach into bytes from `start` of block `block`
 * (hits are sorted by block, then start, and none is longer than
 * m->hit_max bytes). */
static size_t first_hit(const struct hy_model *m, size_t block, size_t start)
{
	size_t from = start > m->hit_max ? start - m->hit_max : 0, lo = 0, hi = m->n_hits;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct hy_hit *h = &m->hits[mid];
		if (h->block < block || (h->block == block && h->start < from))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void reader_line(const struct hy_model *m, struct hy_grid *g, int y, int x,
			const struct hy_vline *l)
{
	const struct hy_block *b = &m->blocks[l->block];
	int role = HY_ROLE_NORMAL, tx = x;
	int w = (int)hy_model_reader_width(m);
	int first = l->line == 0;
	if (b->kind == HY_BLOCK_META || b->kind == HY_BLOCK_HEADING) {
		int lw = (int)hy_model_label_width();
		if (first && b->label)
			put(g, y, x, b->label,
			    b->kind == HY_BLOCK_HEADING ? HY_ROLE_HEADING : HY_ROLE_LABEL, lw);
		tx = x + lw;
		w -= lw;
		if (b->kind == HY_BLOCK_HEADING)
			role = HY_ROLE_HEADING;
	}
	if (w <= 0 || l->end <= l->start)
		return;
	hy_grid_put(g, y, tx, b->text + l->start, l->end - l->start, role, w);
	for (size_t h = first_hit(m, l->block, l->start); h < m->n_hits; h++) {
		const struct hy_hit *hit = &m->hits[h];
		if (hit->block != l->block || hit->start >= l->end)
			break;
		if (hit->end <= l->start)
			continue;
		size_t a = hit->start > l->start ? hit->start : l->start;
		size_t e = hit->end < l->end ? hit->end : l->end;
		int hx = tx + (int)hy_width_str(b->text + l->start, a - l->start);
		int hw = (int)hy_width_str(b->text + a, e - a);
		hy_grid_role(g, y, hx, hw, hit_role(m, h));
	}
}

static void render_meeting(const struct hy_model *m, struct hy_grid *g, int *cy,
			   int *cx)
{
	const struct hy_meeting *mt = &m->m;
	int ow = hy_model_outline_width(m);
	int ry = hy_model_reader_y(m), rx = hy_model_reader_x(m);
	int sec = hy_model_section(m);
	char buf[512], left[256];

	if (ry > 0) {
		hy_grid_fill(g, 0, 0, g->w, HY_ROLE_TITLE);
		snprintf(buf, sizeof buf, " %s", mt->title ? mt->title : "（无标题）");
		put(g, 0, 0, buf, HY_ROLE_TITLE, g->w);
	}
	if (!ow && ry == 2) {
		if (sec > 0)
			snprintf(buf, sizeof buf, " §%d/%zu %s", sec, mt->n_sections,
				 mt->sections[sec - 1].heading);
		else
			snprintf(buf, sizeof buf, " 概况 · %zu sections", mt->n_sections);
		hy_grid_fill(g, 1, 0, g->w, HY_ROLE_LABEL);
		put(g, 1, 0, buf, HY_ROLE_LABEL, g->w);
	}
	if (ow) {
		size_t first = hy_model_outline_first(m);
		/* the border is one column: "│" is ambiguous, 2 columns
		 * where the terminal draws those wide; then "|" */
		const char *bar = hy_width_cp(0x2502) == 1 ? "│" : "|";
		for (int y = 1; y < g->h - 1; y++) {
			size_t i = first + (size_t)(y - 1);
			put(g, y, ow, bar, HY_ROLE_DIM, 1);
			if (i >= mt->n_sections)
				continue;
			int role = (int)i + 1 == sec ? HY_ROLE_SELECTED : HY_ROLE_NORMAL;
			snprintf(buf, sizeof buf, "%2zu %s", i + 1, mt->sections[i].heading);
			put_col(g, y, 0, buf, role, ow - 1);
		}
	}
	for (size_t i = 0; i < m->n_win && ry + (int)i < g->h - 1; i++)
		reader_line(m, g, ry + (int)i, rx, &m->win[i]);
	char idx[32], total[32];
	thousands(m->meeting_index + 1, idx, sizeof idx);
	thousands(m->total, total, sizeof total);
	snprintf(left, sizeof left, " meeting %s/%s · §%d/%zu · %d%%", idx, total, sec,
		 mt->n_sections, hy_model_percent(m));
	status_line(m, g, left, "Tab section · / search · q back · ? help ", cy, cx);
}

/* ------------------------------------------------------------------ */

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

static void render_results(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx)
{
	char buf[512], a[32], b[32], left[128];
	thousands(m->results_total, a, sizeof a);
	thousands(m->results_meetings, b, sizeof b);
	if (m->results_counted)
		snprintf(buf, sizeof buf, " search: %s · %s section%s in %s meeting%s",
			 m->search ? m->search : "", a, m->results_total == 1 ? "" : "s", b,
			 m->results_meetings == 1 ? "" : "s");
	else
		snprintf(buf, sizeof buf, " search: %s · …", m->search ? m->search : "");
	hy_grid_fill(g, 0, 0, g->w, HY_ROLE_TITLE);
	put(g, 0, 0, buf, HY_ROLE_TITLE, g->w);
	int y0 = g->h > 3 ? 2 : 0;
	if (m->results_done && m->n_results == 0 && !m->results_pending)
		put(g, y0, 1, "没有找到 — nothing found (/ to search again, q back)", HY_ROLE_DIM,
		    g->w - 1);
	size_t vis = hy_model_results_height(m);
	for (size_t i = 0; i < vis; i++) {
		size_t idx = m->rtop + i;
		int y = y0 + (int)i * 2;
		if (idx >= m->n_results || y >= g->h - 1)
			break;
		const struct hy_result *r = &m->results[idx];
		int role = idx == m->rsel ? HY_ROLE_SELECTED : HY_ROLE_NORMAL;
		hy_grid_fill(g, y, 0, g->w, role);
		int x = put_col(g, y, 0, r->date ? r->date : "日期不详", role, 10) + 1;
		put_col(g, y, x, r->title ? r->title : "（无标题）", role, g->w - x);
		if (y + 1 >= g->h - 1)
			break;
		if (r->section > 0)
			snprintf(buf, sizeof buf, "  §%d %s", r->section,
				 r->heading ? r->heading : "");
		else
			snprintf(buf, sizeof buf, "  §0 标题与概况");
		char hd[256];
		int hw = g->w / 3 > 8 ? g->w / 3 : 8;
		hy_width_truncate(buf, strlen(buf), (size_t)hw, hd, sizeof hd);
		x = put(g, y + 1, 0, hd, HY_ROLE_HEADING, g->w);
		x += put(g, y + 1, x, "  ", HY_ROLE_NORMAL, g->w - x);
		if (r->snippet && x < g->w)
			put_marked(g, y + 1, x, r->snippet, g->w - x);
	}
	if (m->n_results) {
		thousands(m->rsel + 1, a, sizeof a);
		thousands(m->results_total, b, sizeof b);
		snprintf(left, sizeof left, " result %s/%s", a, m->results_counted ? b : "…");
	} else {
		snprintf(left, sizeof left, " %s", m->results_pending ? "searching…" : "no results");
	}
	status_line(m, g, left, "Enter open · / search · q back · ? help ", cy, cx);
}

static void render_help(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx)
{
	struct hy_help_line lines[64];
	size_t n = hy_keymap_help(m->help_from, lines, 64);
	const char *where = m->help_from == HY_SCREEN_MEETING ? "a meeting" :
			    m->help_from == HY_SCREEN_RESULTS ? "search results" : "the list";
	char buf[256];
	snprintf(buf, sizeof buf, " huiyi help — keys in %s", where);
	hy_grid_fill(g, 0, 0, g->w, HY_ROLE_TITLE);
	put(g, 0, 0, buf, HY_ROLE_TITLE, g->w);
	/* long descriptions wrap under themselves; on narrow screens the
	 * keys get a line of their own, the description below them */
	int narrow = g->w <= 40, tx = narrow ? 4 : 21, row = 0, y = 2;
	struct hy_wrap wr = {0};
	for (size_t i = 0; i < n && y < g->h - 1; i++) {
		const char *what = lines[i].what;
		size_t tw = g->w - tx > 1 ? (size_t)(g->w - tx) : 1;
		if (hy_wrap_text(&wr, what, strlen(what), tw))
			break;
		for (size_t k = 0; k < wr.n + (size_t)narrow && y < g->h - 1; k++, row++) {
			if ((size_t)row < m->help_scroll)
				continue;
			if (k == 0)
				put(g, y, 2, lines[i].keys, HY_ROLE_HEADING, narrow ? g->w - 2 : 18);
			if (!narrow || k > 0) {
				const struct hy_wrap_line *l = &wr.lines[k - (size_t)narrow];
				hy_grid_put(g, y, tx, what + l->start, l->end - l->start,
					    HY_ROLE_NORMAL, (int)tw);
			}
			y++;
		}
	}
	hy_wrap_free(&wr);
	status_line(m, g, " help", "q back ", cy, cx);
}

void hy_view_render(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx)
{
	*cy = *cx = -1;
	hy_grid_clear(g);
	switch (m->screen) {
	case HY_SCREEN_LIST: render_list(m, g, cy, cx); break;
	case HY_SCREEN_MEETING: render_meeting(m, g, cy, cx); break;
	case HY_SCREEN_HELP: render_help(m, g, cy, cx); break;
	case HY_SCREEN_RESULTS: render_results(m, g, cy, cx); break;
	}
}
