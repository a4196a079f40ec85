/* model.c: browser state and its one update function (model.h). */
#include "huiyi/model.h"

#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/keymap.h"
#include "huiyi/utf8.h"
#include "huiyi/width.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows asked for at a time, rows kept at most, and how close to the edge of
 * what is loaded the selection may come before more is asked for. */
#define PAGE 200
#define WINDOW_MAX 1000
#define MARGIN 60

/* ------------------------------------------------------------------ */
/* Geometry shared with the view                                          */

size_t hy_model_list_height(const struct hy_model *m)
{
	/* title, column header, rows, status */
	return m->h > 3 ? (size_t)(m->h - 3) : 1;
}

int hy_model_outline_width(const struct hy_model *m)
{
	if (m->w < 100)
		return 0;
	int ow = m->w / 3;
	return ow > 36 ? 36 : ow;
}

int hy_model_reader_x(const struct hy_model *m)
{
	int ow = hy_model_outline_width(m);
	return ow ? ow + 2 : (m->w > 2 ? 1 : 0);
}

size_t hy_model_reader_width(const struct hy_model *m)
{
	int x = hy_model_reader_x(m);
	int w = m->w - x - (m->w > 2 ? 1 : 0);
	return w > 0 ? (size_t)w : 1;
}

int hy_model_reader_y(const struct hy_model *m)
{
	/* the title bar, and below 100 columns the "§3/6 heading" bar; on
	 * very short screens the bar, then the title, make way for the text */
	int y = hy_model_outline_width(m) ? 1 : 2;
	while (y > 0 && y >= m->h - 1)
		y--;
	return y;
}

size_t hy_model_reader_height(const struct hy_model *m)
{
	int hgt = m->h - hy_model_reader_y(m) - 1;
	return hgt > 0 ? (size_t)hgt : 1;
}

/* The label column of metadata and headings: "主持" + 2 spaces. */
#define LABEL_W 6

/* ------------------------------------------------------------------ */
/* Small helpers                                                          */

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* The status line says what happened: "what" then, if given, ": arg". */
static void status(struct hy_model *m, int error, const char *what, const char *arg)
{
	snprintf(m->status, sizeof m->status, "%s%s%s", what, arg ? ": " : "",
		 arg ? arg : "");
	m->status_error = error;
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
	dst->date = dup_or_null(src->date);
	dst->body = dup_or_null(src->body);
	dst->kind = dup_or_null(src->kind);
	dst->chair = dup_or_null(src->chair);
	dst->title = dup_or_null(src->title);
	if ((src->date && !dst->date) || (src->body && !dst->body) ||
	    (src->kind && !dst->kind) || (src->chair && !dst->chair) ||
	    (src->title && !dst->title)) {
		row_free(dst);
		return HY_ERR_NOMEM;
	}
	return 0;
}

static void rows_clear(struct hy_model *m)
{
	for (size_t i = 0; i < m->n; i++)
		row_free(&m->rows[i]);
	m->n = 0;
}

static void filter_free(struct hy_filter *f)
{
	free(f->from);
	free(f->to);
	free(f->body);
	free(f->person);
	memset(f, 0, sizeof *f);
}

static void reader_free(struct hy_model *m)
{
	for (size_t i = 0; i < m->n_blocks; i++) {
		free(m->blocks[i].label);
		free(m->blocks[i].own);
		free(m->blocks[i].lines);
	}
	free(m->blocks);
	m->blocks = NULL;
	m->n_blocks = 0;
	free(m->win);
	m->win = NULL;
	m->n_win = m->win_cap = 0;
	free(m->hits);
	m->hits = NULL;
	m->n_hits = m->hit = m->hits_cap = m->hit_max = 0;
	free(m->query);
	m->query = NULL;
	hy_meeting_free(&m->m);
	m->has_meeting = 0;
	m->meeting_id = 0;
	memset(&m->rpos, 0, sizeof m->rpos);
	m->anchor_block = m->anchor_byte = 0;
	m->reader_w = 0;
	m->layout_failed = 0;
}

void hy_model_init(struct hy_model *m, int w, int h)
{
	memset(m, 0, sizeof *m);
	m->w = w > 0 ? w : 1;
	m->h = h > 0 ? h : 1;
	m->screen = HY_SCREEN_LIST;
	m->open_section = -1;
	m->pending_result = -1;
	m->layout_eager = 64 * 1024;
}

static void results_clear(struct hy_model *m)
{
	for (size_t i = 0; i < m->n_results; i++) {
		free(m->results[i].date);
		free(m->results[i].title);
		free(m->results[i].heading);
		free(m->results[i].snippet);
	}
	m->n_results = 0;
	m->results_total = m->results_meetings = 0;
	m->results_counted = m->results_done = m->results_pending = 0;
	m->rsel = m->rtop = 0;
}

void hy_model_free(struct hy_model *m)
{
	rows_clear(m);
	free(m->rows);
	filter_free(&m->filter);
	reader_free(m);
	results_clear(m);
	free(m->results);
	free(m->search);
	memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------------ */
/* The list                                                               */

static void ask_rows(struct hy_model *m, struct hy_effects *fx,
		     enum hy_rows_at at, const struct hy_row *from)
{
	fx->rows = at;
	fx->limit = PAGE;
	if (from)
		memcpy(fx->key, from->key, sizeof fx->key);
	m->pending = 1;
}

/* Ask for rows when the selection nears the edge of what is loaded. */
static void ensure_rows(struct hy_model *m, struct hy_effects *fx)
{
	if (m->pending || fx->rows != HY_ROWS_NONE || !m->counted)
		return;
	if (m->total == 0)
		return;
	size_t end = m->base + m->n;
	if (m->n == 0 || m->sel + PAGE < m->base || m->sel >= end + PAGE) {
		/* far from the window: start again where the selection is */
		if (m->sel >= m->total / 2)
			ask_rows(m, fx, HY_ROWS_END, NULL);
		else
			ask_rows(m, fx, HY_ROWS_START, NULL);
		return;
	}
	if (m->sel + MARGIN >= end && end < m->total)
		ask_rows(m, fx, HY_ROWS_AFTER, &m->rows[m->n - 1]);
	else if (m->sel < m->base + MARGIN && m->base > 0)
		ask_rows(m, fx, HY_ROWS_BEFORE, &m->rows[0]);
}

static void list_clamp(struct hy_model *m)
{
	size_t vis = hy_model_list_height(m);
	if (m->total == 0) {
		m->sel = m->top = 0;
		return;
	}
	if (m->sel >= m->total)
		m->sel = m->total - 1;
	if (m->sel < m->top)
		m->top = m->sel;
	if (m->sel >= m->top + vis)
		m->top = m->sel - vis + 1;
	if (m->top + vis > m->total)
		m->top = m->total > vis ? m->total - vis : 0;
}

static void list_move(struct hy_model *m, long delta)
{
	if (m->total == 0)
		return;
	if (delta < 0 && (size_t)-delta > m->sel)
		m->sel = 0;
	else
		m->sel = (size_t)((long)m->sel + delta);
	if (m->sel >= m->total)
		m->sel = m->total - 1;
	list_clamp(m);
}

/* Room for need elements of size in the array *v of *cap (doubling from
 * first): 0, or HY_ERR_NOMEM with the array as it was. */
static int grow(void *v, size_t *cap, size_t need, size_t size,
		size_t first)
{
	void **pv = v;
	size_t c = *cap ? *cap : first;
	void *p;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	p = realloc(*pv, c * size);
	if (!p)
		return HY_ERR_NOMEM;
	*pv = p;
	*cap = c;
	return 0;
}

static int grow_rows(struct hy_model *m, size_t need)
{
	return grow(&m->rows, &m->cap, need, sizeof *m->rows, 256);
}

/* The window becomes copies of rows[0..n). */
static int rows_replace(struct hy_model *m, const struct hy_row *rows,
			size_t n)
{
	rows_clear(m);
	if (grow_rows(m, n))
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		if (row_copy(&m->rows[m->n++], &rows[i]))
			return HY_ERR_NOMEM;
	return 0;
}

int hy_model_rows(struct hy_model *m, enum hy_rows_at at,
		  const struct hy_row *rows, size_t n, int counted,
		  size_t total, struct hy_effects *fx)
{
	memset(fx, 0, sizeof *fx);
	m->pending = 0;
	if (counted) {
		m->total = total;
		m->counted = 1;
	}
	if (at == HY_ROWS_START || at == HY_ROWS_END) {
		if (rows_replace(m, rows, n))
			return HY_ERR_NOMEM;
		m->base = at == HY_ROWS_START ? 0 :
			  (m->total > n ? m->total - n : 0);
	} else if (at == HY_ROWS_AFTER) {
		if (grow_rows(m, m->n + n))
			return HY_ERR_NOMEM;
		for (size_t i = 0; i < n; i++)
			if (row_copy(&m->rows[m->n++], &rows[i]))
				return HY_ERR_NOMEM;
		if (n == 0 && m->base + m->n < m->total)
			m->total = m->base + m->n; /* the list shrank */
		if (m->n > WINDOW_MAX && m->sel > m->base + (m->n - WINDOW_MAX)) {
			size_t drop = m->n - WINDOW_MAX;
			for (size_t i = 0; i < drop; i++)
				row_free(&m->rows[i]);
			memmove(m->rows, m->rows + drop, (m->n - drop) * sizeof *m->rows);
			m->n -= drop;
			m->base += drop;
		}
	} else if (at == HY_ROWS_BEFORE) {
		if (n > m->base) {
			/* more rows above the window than its rank says: the
			 * list grew above it (an import), the ranks moved;
			 * reload around the selected meeting instead */
			hy_model_refresh(m, fx);
			return 0;
		}
		if (grow_rows(m, m->n + n))
			return HY_ERR_NOMEM;
		memmove(m->rows + n, m->rows, m->n * sizeof *m->rows);
		for (size_t i = 0; i < n; i++) {
			if (row_copy(&m->rows[i], &rows[i])) {
				for (size_t k = 0; k < i; k++)
					row_free(&m->rows[k]);
				memmove(m->rows, m->rows + n, m->n * sizeof *m->rows);
				return HY_ERR_NOMEM;
			}
		}
		m->n += n;
		m->base -= n;
		if (m->n > WINDOW_MAX && m->sel < m->base + WINDOW_MAX) {
			size_t keep = WINDOW_MAX;
			for (size_t i = keep; i < m->n; i++)
				row_free(&m->rows[i]);
			m->n = keep;
		}
	}
	list_clamp(m);
	ensure_rows(m, fx);
	return 0;
}

static const struct hy_row *row_at(const struct hy_model *m, size_t i)
{
	if (i < m->base || i >= m->base + m->n)
		return NULL;
	return &m->rows[i - m->base];
}

void hy_model_refresh(struct hy_model *m, struct hy_effects *fx)
{
	const struct hy_row *r = row_at(m, m->sel);
	if (m->pending || fx->rows != HY_ROWS_NONE)
		return;
	if (!r) { /* nothing selected: from the top */
		m->keep_id = 0;
		m->keep_row = 0;
		ask_rows(m, fx, HY_ROWS_START, NULL);
		fx->count = 1;
		return;
	}
	m->keep_id = r->id;
	m->keep_row = m->sel >= m->top ? m->sel - m->top : 0;
	ask_rows(m, fx, HY_ROWS_AT, r);
	fx->count = 1;
}

int hy_model_rows_at(struct hy_model *m, size_t base, size_t rank,
		     const struct hy_row *rows, size_t n, size_t total,
		     struct hy_effects *fx)
{
	memset(fx, 0, sizeof *fx);
	m->pending = 0;
	if (rows_replace(m, rows, n))
		return HY_ERR_NOMEM;
	m->total = total;
	m->counted = 1;
	m->base = base + n <= total ? base : (total > n ? total - n : 0);
	m->sel = rank;
	for (size_t i = 0; i < m->n; i++)
		if (m->rows[i].id == m->keep_id)
			m->sel = m->base + i;
	m->top = m->sel > m->keep_row ? m->sel - m->keep_row : 0;
	list_clamp(m);
	ensure_rows(m, fx);
	return 0;
}

/* A new filter or sort: the list starts again from the top. */
static void list_reload(struct hy_model *m, struct hy_effects *fx)
{
	rows_clear(m);
	m->base = m->sel = m->top = 0;
	m->counted = 0;
	m->total = 0;
	ask_rows(m, fx, HY_ROWS_START, NULL);
	fx->count = 1;
}

void hy_model_start(struct hy_model *m, struct hy_effects *fx)
{
	memset(fx, 0, sizeof *fx);
	list_reload(m, fx);
}

/* "2024", "2023-01..2023-06", "body:县政府", "person:刘锐", bare words.
 * Returns 0, or -1 with a message in the status line. */
static int parse_filter(struct hy_model *m, const char *in, struct hy_filter *f)
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
				status(m, 1, "filter: not a date", tok);
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
							      "区", "镇", "乡", "局", "办",
							      "協", "协", "縣", "會"};
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

static void filter_describe(const struct hy_filter *f, char *out, size_t len)
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
	filter_describe(&m->filter, out, len);
}

/* ------------------------------------------------------------------ */
/* The meeting: blocks                                                    */

/* The text of a block is the meeting's own string (sections, summary:
 * not copied, however long) or, for metadata, one made here (own). */
static int add_block(struct hy_model *m, enum hy_block_kind kind, int section,
		     const char *label, const char *text, int copy)
{
	struct hy_block *b = realloc(m->blocks, (m->n_blocks + 1) * sizeof *b);
	if (!b)
		return HY_ERR_NOMEM;
	m->blocks = b;
	b = &m->blocks[m->n_blocks];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->section = section;
	b->label = dup_or_null(label);
	if (copy) {
		b->own = strdup(text ? text : "");
		b->text = b->own;
	} else {
		b->text = text ? text : "";
	}
	if (!b->text || (label && !b->label)) {
		free(b->label);
		free(b->own);
		return HY_ERR_NOMEM;
	}
	b->len = strlen(b->text);
	m->n_blocks++;
	return 0;
}

static int join_names(char **v, size_t n, char *out, size_t len)
{
	size_t u = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && u < len; i++)
		u += (size_t)snprintf(out + u, len - u, "%s%s", i ? "、" : "", v[i]);
	return u > 0;
}

static int meta(struct hy_model *m, const char *label, const char *text)
{
	return add_block(m, HY_BLOCK_META, 0, label, text, 1);
}

static int build_blocks(struct hy_model *m)
{
	const struct hy_meeting *mt = &m->m;
	char buf[4096];
	int rc = 0;
	char date[160];
	hy_meeting_date_text(mt, date, sizeof date);
	if (date[0] || mt->published) {
		snprintf(buf, sizeof buf, "%s%s%s%s", date,
			 mt->published ? (date[0] ? "（发布 " : "发布 ") : "",
			 mt->published ? mt->published : "",
			 mt->published && date[0] ? "）" : "");
		rc = rc ? rc : meta(m, "日期", buf);
	}
	if (mt->body)
		rc = rc ? rc : meta(m, "机构", mt->body);
	if (mt->place)
		rc = rc ? rc : meta(m, "地方", mt->place);
	if (mt->kind) {
		if (mt->number)
			snprintf(buf, sizeof buf, "%s 第%d次", mt->kind, mt->number);
		else
			snprintf(buf, sizeof buf, "%s", mt->kind);
		rc = rc ? rc : meta(m, "会议", buf);
	}
	if (mt->chair) {
		snprintf(buf, sizeof buf, "%s%s%s%s", mt->chair,
			 mt->chair_role ? "（" : "", mt->chair_role ? mt->chair_role : "",
			 mt->chair_role ? "）" : "");
		rc = rc ? rc : meta(m, "主持", buf);
	}
	if (join_names(mt->attendees, mt->n_attendees, buf, sizeof buf))
		rc = rc ? rc : meta(m, "出席", buf);
	if (join_names(mt->observers, mt->n_observers, buf, sizeof buf))
		rc = rc ? rc : meta(m, "列席", buf);
	if (join_names(mt->units, mt->n_units, buf, sizeof buf))
		rc = rc ? rc : meta(m, "单位", buf);
	if (mt->guessed & HY_GUESSED_TITLE)
		rc = rc ? rc : meta(m, "说明", "标题据内容拼成，原文无标题");
	if (mt->summary) {
		if (m->n_blocks)
			rc = rc ? rc : add_block(m, HY_BLOCK_BLANK, 0, NULL, "", 0);
		rc = rc ? rc : add_block(m, HY_BLOCK_SUMMARY, 0, NULL, mt->summary, 0);
	}
	for (size_t i = 0; i < mt->n_sections && !rc; i++) {
		const struct hy_section *s = &mt->sections[i];
		char label[16];
		snprintf(label, sizeof label, "§%d", s->n);
		if (m->n_blocks)
			rc = add_block(m, HY_BLOCK_BLANK, (int)i + 1, NULL, "", 0);
		rc = rc ? rc : add_block(m, HY_BLOCK_HEADING, (int)i + 1, label,
					 s->heading, 0);
		rc = rc ? rc : add_block(m, HY_BLOCK_TEXT, (int)i + 1, NULL, s->text, 0);
	}
	if (!rc && m->n_blocks == 0)
		rc = add_block(m, HY_BLOCK_TEXT, 0, NULL, "（没有内容）", 0);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The meeting: lazy layout (DESIGN.md §4)                                */

/* Width a block's text is wrapped at. */
static size_t block_width(const struct hy_model *m, const struct hy_block *b)
{
	size_t w = hy_model_reader_width(m);
	if (b->kind == HY_BLOCK_META || b->kind == HY_BLOCK_HEADING)
		return w > LABEL_W + 1 ? w - LABEL_W : 1;
	return w;
}

size_t hy_model_label_width(void)
{
	return LABEL_W;
}

/* A block's lines are a prefix of what hy_wrap_text gives for its whole
 * text: greedy filling is decided line by line from the start, so the
 * lines after a line start L are those of the text from L on, as long as
 * nothing before L changes how the text after it may break. That holds
 * when L is a Han character after a Han character or Chinese punctuation,
 * a Latin letter after a space (no line-break rule looks back across such
 * a pair), or anything after a '\n' (every rule starts afresh), so chunks are wrapped from such "restart" points only, and
 * a chunk's last lines, which the end of the chunk could have changed, are
 * wrapped again with the next chunk. A chunk is at most CHUNK_MAX bytes
 * (the line breaker needs about 26 bytes per byte of it while it runs);
 * text with no restart point in that much restarts at any line start, and
 * a single line longer than that (a run of spaces) is wrapped whole. */
static int is_cjk_stop(uint32_t c)
{
	/* ，。、；：！？ ） 」 』 》 〉 】 */
	return c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF1B ||
	       c == 0xFF1A || c == 0xFF01 || c == 0xFF1F || c == 0xFF09 ||
	       c == 0x300D || c == 0x300F || c == 0x300B || c == 0x3009 ||
	       c == 0x3011;
}

static int restart_point(const char *t, size_t len, size_t at)
{
	uint32_t c, p;
	size_t b = at;
	if (at == 0 || at >= len)
		return 0;
	hy_utf8_decode(t + at, len - at, &c);
	while (b > 0 && at - b < 4 && ((unsigned char)t[b - 1] & 0xC0) == 0x80)
		b--;
	if (b == 0)
		return 0;
	b--;
	if (hy_utf8_decode(t + b, at - b, &p) != at - b)
		return 0;
	if (p == '\n') /* a forced break: every rule starts afresh */
		return 1;
	if (hy_fold_is_han(c))
		return hy_fold_is_han(p) || is_cjk_stop(p);
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && p == ' ';
}

static size_t count_chars(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

static int push_bline(struct hy_block *b, size_t start, size_t end)
{
	if (grow(&b->lines, &b->lines_cap, b->n_lines + 1, sizeof *b->lines,
		 16))
		return HY_ERR_NOMEM;
	b->lines[b->n_lines].start = start;
	b->lines[b->n_lines].end = end;
	b->n_lines++;
	return 0;
}

/* Bytes a chunk must hold for `lines` more lines of w columns: a column
 * takes at most 3 bytes but for rare marks (a chunk that is too short is
 * simply made longer). */
#define CHUNK_MAX ((size_t)256 * 1024)
static size_t chunk_for(const struct hy_model *m, size_t lines, size_t w)
{
	size_t c = m->layout_chunk;
	if (!c) {
		c = lines < CHUNK_MAX / 4 / (w + 1) ? (lines + 4) * (w + 1) * 3 : CHUNK_MAX;
		c = c < 4096 ? 4096 : c > CHUNK_MAX ? CHUNK_MAX : c;
	}
	return c;
}

/* One step: wrap a chunk from b->next and keep the lines the chunk's end
 * cannot have changed, up to a restart point. */
static int lay_chunk(struct hy_model *m, struct hy_block *b, size_t lines)
{
	size_t w = block_width(m, b), s = b->next, chunk = chunk_for(m, lines, w);
	size_t slack = (w + 2) * 16 + 256;
	struct hy_wrap wr = {0};
	int rc = 0;
	for (;;) {
		int last = chunk >= b->len - s;
		size_t n = last ? b->len - s : chunk, keep = 0;
		while (!last && n > 0 && ((unsigned char)b->text[s + n] & 0xC0) == 0x80)
			n--; /* end on a character */
		if ((rc = hy_wrap_text(&wr, b->text + s, n, w)))
			break;
		m->layout_chars += count_chars(b->text + s, n);
		if (last) {
			keep = wr.n;
		} else {
			size_t any = 0;
			for (size_t k = 0; k + 2 < wr.n && wr.lines[k].next + slack <= n; k++) {
				if (restart_point(b->text, b->len, s + wr.lines[k].next))
					keep = k + 1;
				any = k + 1;
			}
			if (!keep && n >= CHUNK_MAX)
				keep = any;
		}
		for (size_t k = 0; k < keep && !rc; k++)
			rc = push_bline(b, s + wr.lines[k].start, s + wr.lines[k].end);
		if (rc || keep) {
			if (!rc) {
				b->next = s + wr.lines[keep - 1].next;
				b->done = last;
			}
			break;
		}
		chunk = chunk > CHUNK_MAX ? chunk + CHUNK_MAX : chunk * 2;
	}
	hy_wrap_free(&wr);
	return rc;
}

/* Lay block i out until it has `lines` lines and reaches byte `byte`
 * (or is done). */
static int lay_block(struct hy_model *m, size_t i, size_t lines, size_t byte)
{
	struct hy_block *b = &m->blocks[i];
	int rc = 0;
	if (b->len == 0 && !b->done) {
		rc = push_bline(b, 0, 0);
		b->done = !rc;
	}
	while (!rc && !b->done && (b->n_lines < lines || b->next <= byte)) {
		size_t want = b->n_lines < lines ? lines - b->n_lines : 0;
		rc = lay_chunk(m, b, want + hy_model_reader_height(m));
	}
	if (rc)
		m->layout_failed = 1;
	return rc;
}

int hy_model_lay_out(struct hy_model *m, size_t block, size_t lines)
{
	if (block >= m->n_blocks)
		return HY_ERR_INVALID;
	return lay_block(m, block, lines, lines == SIZE_MAX ? SIZE_MAX - 1 : 0);
}

static void layout_clear(struct hy_model *m)
{
	for (size_t i = 0; i < m->n_blocks; i++) {
		struct hy_block *b = &m->blocks[i];
		free(b->lines);
		b->lines = NULL;
		b->n_lines = b->lines_cap = b->next = 0;
		b->done = 0;
	}
	m->reader_w = hy_model_reader_width(m);
	m->layout_failed = 0;
}

/* Small meetings are laid out whole (cheap, and the position is then
 * known in lines); longer ones only as far as they are read. */
static void layout_eager(struct hy_model *m)
{
	size_t total = 0;
	for (size_t i = 0; i < m->n_blocks; i++)
		total += m->blocks[i].len;
	if (total > m->layout_eager)
		return;
	for (size_t i = 0; i < m->n_blocks; i++)
		lay_block(m, i, SIZE_MAX, SIZE_MAX - 1);
}

/* ------------------------------------------------------------------ */
/* Positions: (block, line of the block)                                  */

static int pos_cmp(struct hy_pos a, struct hy_pos b)
{
	if (a.block != b.block)
		return a.block < b.block ? -1 : 1;
	return a.line < b.line ? -1 : a.line > b.line;
}

/* The line after p (laying it out); 0 at the end. */
static int pos_next(struct hy_model *m, struct hy_pos *p)
{
	if (lay_block(m, p->block, p->line + 2, 0) == 0 &&
	    p->line + 1 < m->blocks[p->block].n_lines) {
		p->line++;
		return 1;
	}
	if (p->block + 1 >= m->n_blocks || lay_block(m, p->block + 1, 1, 0))
		return 0;
	p->block++;
	p->line = 0;
	return 1;
}

/* The line before p: going up into a block lays it out to its end. */
static int pos_prev(struct hy_model *m, struct hy_pos *p)
{
	if (p->line > 0) {
		p->line--;
		return 1;
	}
	if (p->block == 0 || lay_block(m, p->block - 1, SIZE_MAX, SIZE_MAX - 1))
		return 0;
	p->block--;
	p->line = m->blocks[p->block].n_lines - 1;
	return 1;
}

/* Lines from p to the end, p's own included, counting up to cap. */
static size_t lines_left(struct hy_model *m, struct hy_pos p, size_t cap)
{
	size_t n = 1;
	while (n < cap && pos_next(m, &p))
		n++;
	return n;
}

/* The top line that shows the last line at the bottom (G). */
static struct hy_pos end_top(struct hy_model *m)
{
	struct hy_pos p = {m->n_blocks - 1, 0};
	if (lay_block(m, p.block, SIZE_MAX, SIZE_MAX - 1) == 0)
		p.line = m->blocks[p.block].n_lines - 1;
	for (size_t k = 1; k < hy_model_reader_height(m) && pos_prev(m, &p); k++)
		;
	return p;
}

/* The line of block bi that holds byte `byte`. */
static struct hy_pos pos_of(struct hy_model *m, size_t bi, size_t byte)
{
	struct hy_pos p = {bi, 0};
	lay_block(m, bi, 1, byte);
	const struct hy_block *b = &m->blocks[bi];
	size_t lo = 0, hi = b->n_lines;
	while (hi - lo > 1) { /* the last line starting at or before byte */
		size_t mid = lo + (hi - lo) / 2;
		if (b->lines[mid].start <= byte)
			lo = mid;
		else
			hi = mid;
	}
	p.line = lo;
	return p;
}

/* Remember which character is at the top, to find it again. */
static void set_anchor(struct hy_model *m)
{
	const struct hy_block *b = &m->blocks[m->rpos.block];
	m->anchor_block = m->rpos.block;
	m->anchor_byte = m->rpos.line < b->n_lines ? b->lines[m->rpos.line].start : 0;
}

/* The lines on screen (m->win), laid out, plus a screen ahead. */
static int fill_window(struct hy_model *m)
{
	size_t hgt = hy_model_reader_height(m);
	if (m->win_cap < hgt) {
		struct hy_vline *v = realloc(m->win, hgt * sizeof *v);
		if (!v)
			return HY_ERR_NOMEM;
		m->win = v;
		m->win_cap = hgt;
	}
	m->n_win = 0;
	struct hy_pos p = m->rpos;
	if (!m->n_blocks || lay_block(m, p.block, p.line + 1, 0) ||
	    p.line >= m->blocks[p.block].n_lines)
		return m->layout_failed ? HY_ERR_NOMEM : 0;
	do {
		const struct hy_block *b = &m->blocks[p.block];
		struct hy_vline *l = &m->win[m->n_win++];
		l->block = p.block;
		l->line = p.line;
		l->start = b->lines[p.line].start;
		l->end = b->lines[p.line].end;
		l->next = p.line + 1 < b->n_lines ? b->lines[p.line + 1].start : b->next;
	} while (m->n_win < hgt && pos_next(m, &p));
	/* a screen ahead, so the next page costs nothing */
	lay_block(m, p.block, p.line + 1 + hgt, 0);
	return m->layout_failed ? HY_ERR_NOMEM : 0;
}

static void set_top(struct hy_model *m, struct hy_pos p)
{
	m->rpos = p;
	set_anchor(m);
}

/* Scroll down by n lines, the last line no higher than the bottom; a top
 * already past that (after a jump to a late section) stays. */
static void scroll_down(struct hy_model *m, size_t n)
{
	size_t hgt = hy_model_reader_height(m);
	struct hy_pos p = m->rpos, q = m->rpos;
	for (size_t k = 1; k < hgt; k++)
		if (!pos_next(m, &q))
			return; /* fewer lines than the screen from here */
	for (size_t k = 0; k < n && pos_next(m, &q); k++)
		pos_next(m, &p);
	set_top(m, p);
}

/* Scroll up by n lines; from past the end, first back to where the last
 * line is at the bottom. */
static void scroll_up(struct hy_model *m, size_t n)
{
	struct hy_pos p = m->rpos;
	for (size_t k = 0; k < n && pos_prev(m, &p); k++)
		;
	size_t hgt = hy_model_reader_height(m);
	if (lines_left(m, p, hgt) < hgt) {
		struct hy_pos e = end_top(m);
		if (pos_cmp(e, p) < 0)
			p = e;
	}
	set_top(m, p);
}

size_t hy_model_outline_first(const struct hy_model *m)
{
	size_t rows = m->h > 2 ? (size_t)(m->h - 2) : 1;
	size_t n = m->m.n_sections;
	int cur = hy_model_section(m);
	if (n <= rows || cur <= 0)
		return 0;
	size_t first = (size_t)cur - 1 > rows / 2 ? (size_t)cur - 1 - rows / 2 : 0;
	return first + rows > n ? n - rows : first;
}

int hy_model_section(const struct hy_model *m)
{
	if (m->rpos.block >= m->n_blocks)
		return 0;
	return m->blocks[m->rpos.block].section;
}

/* The heading of a section as a position, or block n_blocks if none. */
static struct hy_pos heading_pos(const struct hy_model *m, int section)
{
	struct hy_pos p = {m->n_blocks, 0};
	for (size_t i = 0; i < m->n_blocks; i++) {
		const struct hy_block *b = &m->blocks[i];
		if (b->kind == HY_BLOCK_HEADING && b->section == section) {
			p.block = i;
			break;
		}
	}
	return p;
}

static void goto_section(struct hy_model *m, int section)
{
	if (section < 1 || (size_t)section > m->m.n_sections) {
		char n[16];
		snprintf(n, sizeof n, "%d", section);
		status(m, 1, "no such section", n);
		return;
	}
	struct hy_pos p = heading_pos(m, section);
	if (p.block < m->n_blocks)
		set_top(m, p);
}

/* Where the reader is, in percent: by lines when the whole meeting is laid
 * out, else by bytes (what less does), 100 when the end is on screen. */
int hy_model_percent(const struct hy_model *m)
{
	size_t hgt = hy_model_reader_height(m), before = 0, total = 0, all = 1;
	size_t bytes = 0, tbytes = 0;
	if (!m->n_win)
		return 100;
	const struct hy_vline *last = &m->win[m->n_win - 1];
	const struct hy_block *lb = &m->blocks[last->block];
	if (last->block + 1 == m->n_blocks && lb->done && last->line + 1 == lb->n_lines)
		return 100;
	for (size_t i = 0; i < m->n_blocks; i++) {
		const struct hy_block *b = &m->blocks[i];
		all &= b->done;
		if (i < m->rpos.block)
			before += b->n_lines;
		if (i < last->block)
			bytes += b->len;
		total += b->n_lines;
		tbytes += b->len;
	}
	before += m->rpos.line;
	if (all)
		return before + hgt >= total ? 100 : (int)((before + hgt) * 100 / total);
	bytes += last->next;
	return tbytes ? (int)(bytes * 100 / tbytes) : 100;
}

/* ------------------------------------------------------------------ */
/* Search in the meeting                                                  */

static int add_hit(struct hy_model *m, size_t block, size_t a, size_t b)
{
	if (grow(&m->hits, &m->hits_cap, m->n_hits + 1, sizeof *m->hits, 16))
		return HY_ERR_NOMEM;
	m->hits[m->n_hits].block = block;
	m->hits[m->n_hits].start = a;
	m->hits[m->n_hits].end = b;
	m->n_hits++;
	if (b - a > m->hit_max)
		m->hit_max = b - a;
	return 0;
}

static int cmp_hit(const void *a, const void *b)
{
	const struct hy_hit *x = a, *y = b;
	if (x->block != y->block)
		return x->block < y->block ? -1 : 1;
	return x->start < y->start ? -1 : x->start > y->start;
}

static int find_term(struct hy_model *m, const char *term, size_t len);

/* Every occurrence of the query's terms, traditional and simplified alike.
 * The terms: words separated by spaces, "phrases" as one term; -word and
 * OR (search syntax, search.h) are not highlighted. */
static int find_hits(struct hy_model *m)
{
	int rc = 0;
	m->n_hits = 0;
	m->hit_max = 0;
	if (!m->query || !*m->query)
		return 0;
	const char *p = m->query;
	while (*p && !rc) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		const char *e;
		int skip = 0;
		if (*p == '"') {
			p++;
			e = strchr(p, '"');
			if (!e)
				e = p + strlen(p);
		} else {
			skip = *p == '-';
			e = p;
			while (*e && *e != ' ' && *e != '\t')
				e++;
			skip |= e - p == 2 && !strncmp(p, "OR", 2);
		}
		if (!skip && e > p)
			rc = find_term(m, p, (size_t)(e - p));
		p = *e == '"' ? e + 1 : e;
	}
	if (m->n_hits > 1)
		qsort(m->hits, m->n_hits, sizeof *m->hits, cmp_hit);
	return rc;
}

/* Knuth-Morris-Pratt over the folded text, read as it goes (no folded
 * copy of a long text): leftmost matches, not overlapping. */
struct kmp {
	uint32_t *q;
	size_t *fail, *ring; /* ring: byte offsets of the last n code points */
	size_t n;
};

static int kmp_init(struct kmp *k, const char *term, size_t len)
{
	k->q = malloc((len + 1) * sizeof *k->q);
	k->fail = malloc((len + 1) * sizeof *k->fail);
	k->ring = malloc((len + 1) * sizeof *k->ring);
	k->n = 0;
	if (!k->q || !k->fail || !k->ring)
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		i += hy_utf8_decode(term + i, len - i, &c);
		k->q[k->n++] = hy_fold_cp(c);
	}
	if (k->n)
		k->fail[0] = 0;
	for (size_t i = 1, j = 0; i < k->n; i++) {
		while (j && k->q[i] != k->q[j])
			j = k->fail[j - 1];
		if (k->q[i] == k->q[j])
			j++;
		k->fail[i] = j;
	}
	return 0;
}

static void kmp_free(struct kmp *k)
{
	free(k->q);
	free(k->fail);
	free(k->ring);
}

static int find_in_block(struct hy_model *m, const struct kmp *k, size_t bi)
{
	const struct hy_block *bl = &m->blocks[bi];
	size_t j = 0, seen = 0;
	for (size_t i = 0; i < bl->len;) {
		uint32_t c;
		size_t at = i;
		i += hy_utf8_decode(bl->text + i, bl->len - i, &c);
		c = hy_fold_cp(c);
		k->ring[seen++ % k->n] = at;
		while (j && c != k->q[j])
			j = k->fail[j - 1];
		if (c == k->q[j])
			j++;
		if (j == k->n) {
			int rc = add_hit(m, bi, k->ring[(seen - k->n) % k->n], i);
			if (rc)
				return rc;
			j = 0;
		}
	}
	return 0;
}

static int find_term(struct hy_model *m, const char *term, size_t len)
{
	struct kmp k;
	int rc = kmp_init(&k, term, len);
	for (size_t b = 0; b < m->n_blocks && !rc && k.n; b++)
		if (m->blocks[b].kind != HY_BLOCK_BLANK)
			rc = find_in_block(m, &k, b);
	kmp_free(&k);
	return rc;
}

/* The hit is on the top line or below it. */
static int hit_below_top(const struct hy_model *m, size_t h)
{
	const struct hy_hit *hit = &m->hits[h];
	const struct hy_block *b = &m->blocks[m->rpos.block];
	if (hit->block != m->rpos.block)
		return hit->block > m->rpos.block;
	return m->rpos.line >= b->n_lines || hit->start >= b->lines[m->rpos.line].start;
}

/* The hit is on one of the lines on screen. */
static int hit_shown(const struct hy_model *m, size_t h)
{
	const struct hy_hit *hit = &m->hits[h];
	for (size_t i = 0; i < m->n_win; i++) {
		const struct hy_vline *l = &m->win[i];
		if (l->block == hit->block && hit->start >= l->start &&
		    (hit->start < l->next || l->next == l->start))
			return 1;
	}
	return 0;
}

static void show_hit(struct hy_model *m)
{
	if (m->hit >= m->n_hits)
		return;
	fill_window(m);
	if (!hit_shown(m, m->hit)) {
		/* the hit a third of the way down, the end no higher than the
		 * bottom */
		size_t hgt = hy_model_reader_height(m);
		struct hy_pos p = pos_of(m, m->hits[m->hit].block, m->hits[m->hit].start);
		for (size_t k = 0; k < hgt / 3 && pos_prev(m, &p); k++)
			;
		int below = pos_cmp(p, m->rpos) >= 0;
		if (lines_left(m, m->rpos, hgt) < hgt && below)
			; /* past the end: going down stays */
		else if (lines_left(m, p, hgt) < hgt)
			set_top(m, end_top(m));
		else
			set_top(m, p);
	}
	char msg[64];
	snprintf(msg, sizeof msg, "match %zu/%zu", m->hit + 1, m->n_hits);
	status(m, 0, msg, NULL);
}

/* The first hit at or after the top line (n), or before it (N). */
static void step_hit(struct hy_model *m, int dir)
{
	if (!m->query) {
		status(m, 1, "no search yet: press / to search this meeting", NULL);
		return;
	}
	if (m->n_hits == 0) {
		status(m, 1, "not found", m->query);
		return;
	}
	if (m->hit < m->n_hits && m->from_results &&
	    ((dir > 0 && m->hit + 1 == m->n_hits) || (dir < 0 && m->hit == 0))) {
		/* past the last hit of this meeting: the next result that is
		 * another meeting (this one's other sections have been seen) */
		long i = (long)m->rsel;
		do
			i += dir;
		while (i >= 0 && (size_t)i < m->n_results &&
		       m->results[i].meeting == m->meeting_id);
		if (i < 0 || (size_t)i >= m->n_results) {
			status(m, 0, dir > 0 ? "last match of the last result" :
					       "first match of the first result", NULL);
			return;
		}
		m->pending_result = i;
		return;
	}
	if (m->hit < m->n_hits) {
		m->hit = dir > 0 ? (m->hit + 1) % m->n_hits :
				   (m->hit + m->n_hits - 1) % m->n_hits;
	} else {
		m->hit = 0;
		for (size_t i = 0; i < m->n_hits; i++) {
			if (hit_below_top(m, i)) {
				m->hit = i;
				break;
			}
		}
	}
	show_hit(m);
}

/* After every change: the lines on screen, or a message if memory ran out. */
static void reader_sync(struct hy_model *m)
{
	if (!m->has_meeting)
		return;
	if (m->reader_w != hy_model_reader_width(m)) {
		layout_clear(m);
		m->rpos = pos_of(m, m->anchor_block, m->anchor_byte);
		layout_eager(m);
	}
	if (fill_window(m))
		status(m, 1, "out of memory laying out the meeting", NULL);
}

int hy_model_meeting(struct hy_model *m, int64_t id, struct hy_meeting *mt)
{
	reader_free(m);
	m->m = *mt;
	memset(mt, 0, sizeof *mt);
	m->meeting_id = id;
	m->has_meeting = 1;
	m->screen = HY_SCREEN_MEETING;
	m->status[0] = '\0';
	int rc = build_blocks(m);
	if (rc) {
		status(m, 1, "out of memory laying out the meeting", NULL);
		return rc;
	}
	layout_clear(m);
	layout_eager(m);
	set_top(m, m->rpos);
	if (m->open_section >= 0 && m->search) {
		/* opened from search results: the hits marked, the section shown */
		m->query = strdup(m->search);
		if (find_hits(m))
			return HY_ERR_NOMEM;
		if (m->open_section > 0)
			goto_section(m, m->open_section);
		m->hit = m->n_hits;
		for (size_t i = 0; i < m->n_hits; i++) {
			if (hit_below_top(m, i)) {
				m->hit = i;
				break;
			}
		}
		if (m->hit < m->n_hits)
			show_hit(m);
	}
	m->open_section = -1;
	reader_sync(m);
	return m->layout_failed ? HY_ERR_NOMEM : 0;
}

/* ------------------------------------------------------------------ */
/* Search results                                                         */

#define RESULTS_PAGE 50

/* Rows a result takes on the results screen: its title line and its
 * "§n heading — snippet" line. */
#define RESULT_ROWS 2

size_t hy_model_results_height(const struct hy_model *m)
{
	size_t rows = m->h > 3 ? (size_t)(m->h - 3) : 1;
	return rows / RESULT_ROWS ? rows / RESULT_ROWS : 1;
}

static void ask_results(struct hy_model *m, struct hy_effects *fx)
{
	if (m->results_pending || m->results_done || !m->search)
		return;
	fx->search = 1;
	fx->search_from = m->n_results;
	fx->limit = RESULTS_PAGE;
	m->results_pending = 1;
}

static void results_clamp(struct hy_model *m, struct hy_effects *fx)
{
	size_t vis = hy_model_results_height(m);
	if (m->n_results == 0) {
		m->rsel = m->rtop = 0;
	} else if (m->rsel >= m->n_results) {
		m->rsel = m->n_results - 1;
	}
	if (m->rsel < m->rtop)
		m->rtop = m->rsel;
	if (m->rsel >= m->rtop + vis)
		m->rtop = m->rsel - vis + 1;
	if (fx && m->rsel + vis + 5 >= m->n_results)
		ask_results(m, fx);
}

int hy_model_results(struct hy_model *m, const struct hy_result *r, size_t n,
		     int counted, size_t sections, size_t meetings, int done,
		     struct hy_effects *fx)
{
	memset(fx, 0, sizeof *fx);
	m->results_pending = 0;
	if (counted) {
		m->results_total = sections;
		m->results_meetings = meetings;
		m->results_counted = 1;
	}
	if (grow(&m->results, &m->results_cap, m->n_results + n,
		 sizeof *m->results, 64))
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		struct hy_result *o = &m->results[m->n_results];
		*o = r[i];
		o->date = dup_or_null(r[i].date);
		o->title = dup_or_null(r[i].title);
		o->heading = dup_or_null(r[i].heading);
		o->snippet = dup_or_null(r[i].snippet);
		m->n_results++;
	}
	m->results_done = done;
	if (m->screen == HY_SCREEN_RESULTS)
		results_clamp(m, fx);
	return 0;
}

static void start_search(struct hy_model *m, const char *q, struct hy_effects *fx)
{
	free(m->search);
	m->search = strdup(q);
	results_clear(m);
	m->screen = HY_SCREEN_RESULTS;
	m->status[0] = '\0';
	ask_results(m, fx);
	fx->count = 1;
}

static void open_result(struct hy_model *m, size_t i, struct hy_effects *fx)
{
	if (i >= m->n_results)
		return;
	m->rsel = i;
	fx->load_meeting = m->results[i].meeting;
	m->open_section = m->results[i].section;
	m->from_results = 1;
	m->meeting_index = m->sel;
}

void hy_model_error(struct hy_model *m, const char *msg)
{
	m->pending = 0;
	m->results_pending = 0;
	if (m->screen == HY_SCREEN_RESULTS && m->n_results == 0)
		m->results_done = 1;
	status(m, 1, msg, NULL);
}

/* ------------------------------------------------------------------ */
/* Update                                                                 */

static void resize(struct hy_model *m, int w, int h)
{
	m->w = w > 0 ? w : 1;
	m->h = h > 0 ? h : 1;
	list_clamp(m);
	results_clamp(m, NULL);
	reader_sync(m); /* a new width: laid out again around the anchor */
}

/* The prompt is full: what did not fit is dropped, and the status says
 * so ("pasted text cut: a prompt holds 511 bytes"). */
static void prompt_full(struct hy_model *m, const char *what)
{
	snprintf(m->status, sizeof m->status, "%s cut: a prompt holds %zu bytes",
		 what, sizeof m->input - 1);
	m->status_error = 1;
}

static void prompt_key(struct hy_model *m, uint32_t key, struct hy_effects *fx)
{
	if (key == HY_KEY_ESC || key == HY_KEY_CTRL('c') || key == HY_KEY_CTRL('g')) {
		m->prompt = 0;
		return;
	}
	if (key == HY_KEY_BACKSPACE || key == HY_KEY_CTRL('h')) {
		while (m->input_len > 0 &&
		       ((unsigned char)m->input[m->input_len - 1] & 0xC0) == 0x80)
			m->input_len--;
		if (m->input_len > 0)
			m->input_len--;
		m->input[m->input_len] = '\0';
		return;
	}
	if (key == HY_KEY_CTRL('u')) {
		m->input_len = 0;
		m->input[0] = '\0';
		return;
	}
	if (key == HY_KEY_ENTER) {
		int which = m->prompt;
		m->prompt = 0;
		if (which == '/') {
			free(m->query);
			m->query = m->input_len ? strdup(m->input) : NULL;
			m->hit = 0;
			if (find_hits(m))
				status(m, 1, "out of memory searching", NULL);
			m->hit = m->n_hits; /* none yet: step to the first visible */
			if (m->query)
				step_hit(m, 1);
			else
				m->status[0] = '\0';
		} else if (which == 's') {
			if (m->input_len)
				start_search(m, m->input, fx);
		} else if (which == 'f') {
			struct hy_filter f;
			if (parse_filter(m, m->input, &f) == 0) {
				filter_free(&m->filter);
				m->filter = f;
				list_reload(m, fx);
				m->status[0] = '\0';
			}
		}
		return;
	}
	if (key < 0x20 || key >= 0x110000 || key == 0x7f || (key >= 0x80 && key < 0xA0))
		return; /* not text */
	char u[4];
	size_t k = hy_utf8_encode(key, u);
	if (m->input_len + k < sizeof m->input) {
		memcpy(m->input + m->input_len, u, k);
		m->input_len += k;
		m->input[m->input_len] = '\0';
	} else { /* full: a paste as keys, or a long typing */
		prompt_full(m, "typing");
	}
}

/* A paste (bracketed): into the prompt as one edit, line breaks and other
 * controls as spaces, cut where the prompt is full, with a message; outside
 * a prompt it is no command (a pasted "q" must not quit). */
static void paste(struct hy_model *m, const struct hy_event *ev)
{
	if (!m->prompt) {
		status(m, 0, "a paste goes into a prompt: / to search, f to filter", NULL);
		return;
	}
	int cut = ev->cut;
	for (size_t i = 0; i < ev->len;) {
		uint32_t cp;
		size_t k = hy_utf8_decode(ev->text + i, ev->len - i, &cp);
		i += k;
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xA0))
			cp = ' ';
		char u[4];
		size_t n = hy_utf8_encode(cp, u);
		if (m->input_len + n >= sizeof m->input) {
			cut = 1;
			break;
		}
		memcpy(m->input + m->input_len, u, n);
		m->input_len += n;
	}
	m->input[m->input_len] = '\0';
	if (cut)
		prompt_full(m, "pasted text");
}

static void start_prompt(struct hy_model *m, int which, const char *initial)
{
	m->prompt = which;
	snprintf(m->input, sizeof m->input, "%s", initial ? initial : "");
	m->input_len = strlen(m->input);
	m->status[0] = '\0';
}

static void list_action(struct hy_model *m, enum hy_action a, struct hy_effects *fx)
{
	size_t vis = hy_model_list_height(m);
	switch (a) {
	case HY_ACT_DOWN: list_move(m, 1); break;
	case HY_ACT_UP: list_move(m, -1); break;
	case HY_ACT_PAGE_DOWN: list_move(m, (long)vis); break;
	case HY_ACT_PAGE_UP: list_move(m, -(long)vis); break;
	case HY_ACT_HALF_DOWN: list_move(m, (long)(vis / 2 ? vis / 2 : 1)); break;
	case HY_ACT_HALF_UP: list_move(m, -(long)(vis / 2 ? vis / 2 : 1)); break;
	case HY_ACT_TOP: list_move(m, -(long)m->sel); break;
	case HY_ACT_BOTTOM:
		if (m->total)
			list_move(m, (long)(m->total - 1 - m->sel));
		break;
	case HY_ACT_OPEN: {
		const struct hy_row *r = row_at(m, m->sel);
		if (r) {
			fx->load_meeting = r->id;
			m->meeting_index = m->sel;
		}
		break;
	}
	case HY_ACT_QUIT: fx->quit = 1; break;
	case HY_ACT_FILTER: {
		char cur[sizeof m->input];
		filter_describe(&m->filter, cur, sizeof cur);
		start_prompt(m, 'f', cur);
		break;
	}
	case HY_ACT_SORT:
		m->sort = (enum hy_sort)((m->sort + 1) % HY_MODEL_SORT_COUNT);
		list_reload(m, fx);
		break;
	case HY_ACT_SEARCH: start_prompt(m, 's', NULL); break;
	case HY_ACT_HELP:
		m->help_from = m->screen;
		m->screen = HY_SCREEN_HELP;
		m->help_scroll = 0;
		break;
	case HY_ACT_REFRESH: hy_model_refresh(m, fx); break;
	default: break;
	}
	ensure_rows(m, fx);
}

static void meeting_action(struct hy_model *m, enum hy_action a, int arg,
			   struct hy_effects *fx)
{
	size_t hgt = hy_model_reader_height(m);
	size_t half = hgt / 2 ? hgt / 2 : 1, page = hgt > 1 ? hgt - 1 : 1;
	struct hy_pos start = {0, 0};
	int sec = hy_model_section(m);
	switch (a) {
	case HY_ACT_DOWN: scroll_down(m, 1); break;
	case HY_ACT_UP: scroll_up(m, 1); break;
	case HY_ACT_PAGE_DOWN: scroll_down(m, page); break;
	case HY_ACT_PAGE_UP: scroll_up(m, page); break;
	case HY_ACT_HALF_DOWN: scroll_down(m, half); break;
	case HY_ACT_HALF_UP: scroll_up(m, half); break;
	case HY_ACT_TOP: set_top(m, start); break;
	case HY_ACT_BOTTOM: set_top(m, end_top(m)); break;
	case HY_ACT_NEXT_SECTION:
		if ((size_t)sec < m->m.n_sections)
			goto_section(m, sec + 1);
		else
			status(m, 0, "last section", NULL);
		break;
	case HY_ACT_PREV_SECTION: {
		/* inside a section: back to its heading first, like less */
		struct hy_pos hl = heading_pos(m, sec);
		if (sec > 0 && hl.block < m->n_blocks && pos_cmp(hl, m->rpos) < 0)
			set_top(m, hl);
		else if (sec > 1)
			goto_section(m, sec - 1);
		else
			set_top(m, start);
		break;
	}
	case HY_ACT_SECTION: goto_section(m, arg); break;
	case HY_ACT_SEARCH: start_prompt(m, '/', NULL); break;
	case HY_ACT_NEXT_MATCH:
	case HY_ACT_PREV_MATCH:
		step_hit(m, a == HY_ACT_NEXT_MATCH ? 1 : -1);
		if (m->pending_result >= 0) {
			open_result(m, (size_t)m->pending_result, fx);
			m->pending_result = -1;
		}
		break;
	case HY_ACT_HELP:
		m->help_from = m->screen;
		m->screen = HY_SCREEN_HELP;
		m->help_scroll = 0;
		break;
	case HY_ACT_BACK:
		reader_free(m);
		m->screen = m->from_results ? HY_SCREEN_RESULTS : HY_SCREEN_LIST;
		m->from_results = 0;
		m->status[0] = '\0';
		if (m->screen == HY_SCREEN_RESULTS)
			results_clamp(m, fx);
		break;
	default: break;
	}
}

static void results_action(struct hy_model *m, enum hy_action a, struct hy_effects *fx)
{
	size_t vis = hy_model_results_height(m);
	size_t n = m->n_results;
	switch (a) {
	case HY_ACT_DOWN: if (m->rsel + 1 < n) m->rsel++; break;
	case HY_ACT_UP: if (m->rsel) m->rsel--; break;
	case HY_ACT_PAGE_DOWN: m->rsel += vis; break;
	case HY_ACT_PAGE_UP: m->rsel = m->rsel > vis ? m->rsel - vis : 0; break;
	case HY_ACT_HALF_DOWN: m->rsel += vis / 2 ? vis / 2 : 1; break;
	case HY_ACT_HALF_UP: m->rsel = m->rsel > vis / 2 ? m->rsel - vis / 2 : 0; break;
	case HY_ACT_TOP: m->rsel = 0; break;
	case HY_ACT_BOTTOM: m->rsel = n ? n - 1 : 0; break;
	case HY_ACT_OPEN: open_result(m, m->rsel, fx); break;
	case HY_ACT_SEARCH: start_prompt(m, 's', m->search); break;
	case HY_ACT_BACK:
		m->screen = HY_SCREEN_LIST;
		break;
	case HY_ACT_HELP:
		m->help_from = m->screen;
		m->screen = HY_SCREEN_HELP;
		m->help_scroll = 0;
		break;
	default: break;
	}
	if (m->screen == HY_SCREEN_RESULTS)
		results_clamp(m, fx);
}

static void help_action(struct hy_model *m, enum hy_action a)
{
	switch (a) {
	case HY_ACT_DOWN: m->help_scroll++; break;
	case HY_ACT_UP: if (m->help_scroll) m->help_scroll--; break;
	case HY_ACT_PAGE_DOWN: m->help_scroll += (size_t)(m->h > 3 ? m->h - 3 : 1); break;
	case HY_ACT_PAGE_UP: m->help_scroll = 0; break;
	case HY_ACT_TOP: m->help_scroll = 0; break;
	case HY_ACT_BACK: m->screen = m->help_from; break;
	default: break;
	}
}

static void mouse(struct hy_model *m, const struct hy_event *ev, struct hy_effects *fx)
{
	if (m->screen == HY_SCREEN_LIST) {
		if (ev->mouse == HY_MOUSE_WHEEL_DOWN)
			list_move(m, 3);
		else if (ev->mouse == HY_MOUSE_WHEEL_UP)
			list_move(m, -3);
		else if (ev->mouse == HY_MOUSE_CLICK && ev->y >= 2 &&
			 ev->y < 2 + (int)hy_model_list_height(m)) {
			size_t i = m->top + (size_t)(ev->y - 2);
			if (i < m->total) {
				if (i == m->sel) {
					list_action(m, HY_ACT_OPEN, fx); /* a second click opens */
					return;
				}
				m->sel = i;
				list_clamp(m);
			}
		}
		ensure_rows(m, fx);
	} else if (m->screen == HY_SCREEN_MEETING) {
		if (ev->mouse == HY_MOUSE_WHEEL_DOWN)
			scroll_down(m, 3);
		else if (ev->mouse == HY_MOUSE_WHEEL_UP)
			scroll_up(m, 3);
		else if (ev->mouse == HY_MOUSE_CLICK && hy_model_outline_width(m) &&
			 ev->x < hy_model_outline_width(m) && ev->y >= 1) {
			size_t i = hy_model_outline_first(m) + (size_t)(ev->y - 1);
			if (i < m->m.n_sections)
				goto_section(m, (int)i + 1);
		}
	} else if (m->screen == HY_SCREEN_RESULTS) {
		if (ev->mouse == HY_MOUSE_WHEEL_DOWN)
			results_action(m, HY_ACT_DOWN, fx);
		else if (ev->mouse == HY_MOUSE_WHEEL_UP)
			results_action(m, HY_ACT_UP, fx);
		else if (ev->mouse == HY_MOUSE_CLICK && ev->y >= 2) {
			size_t i = m->rtop + (size_t)(ev->y - 2) / RESULT_ROWS;
			if (i < m->n_results) {
				if (i == m->rsel)
					open_result(m, i, fx);
				else
					m->rsel = i;
			}
		}
	} else if (m->screen == HY_SCREEN_HELP) {
		if (ev->mouse == HY_MOUSE_WHEEL_DOWN)
			m->help_scroll += 3;
		else if (ev->mouse == HY_MOUSE_WHEEL_UP)
			m->help_scroll = m->help_scroll > 3 ? m->help_scroll - 3 : 0;
	}
}

int hy_model_update(struct hy_model *m, const struct hy_event *ev,
		    struct hy_effects *fx)
{
	memset(fx, 0, sizeof *fx);
	switch (ev->type) {
	case HY_EV_RESIZE:
		resize(m, ev->w, ev->h);
		ensure_rows(m, fx);
		return 1;
	case HY_EV_REDRAW:
		return 1;
	case HY_EV_AMBIGUOUS: /* widths may have changed: laid out again */
		m->reader_w = 0;
		resize(m, m->w, m->h);
		ensure_rows(m, fx);
		return 1;
	case HY_EV_QUIT:
		fx->quit = 1;
		return 0;
	case HY_EV_INTERRUPT: /* Ctrl-C: out of a prompt, else out */
		if (!m->prompt) {
			fx->quit = 1;
			return 0;
		}
		prompt_key(m, HY_KEY_CTRL('c'), fx);
		reader_sync(m);
		return 1;
	case HY_EV_MOUSE:
		if (!m->prompt)
			mouse(m, ev, fx);
		reader_sync(m);
		return 1;
	case HY_EV_PASTE:
		paste(m, ev);
		return 1;
	case HY_EV_KEY:
		break;
	default:
		return 0;
	}
	if (m->prompt) {
		prompt_key(m, ev->key, fx);
		reader_sync(m);
		return 1;
	}
	int arg = 0;
	enum hy_action a = hy_keymap_lookup(m->screen, ev->key, &arg);
	if (a == HY_ACT_NONE)
		return 0;
	m->status[0] = '\0'; /* a message lasts until the next key */
	switch (m->screen) {
	case HY_SCREEN_LIST: list_action(m, a, fx); break;
	case HY_SCREEN_MEETING: meeting_action(m, a, arg, fx); break;
	case HY_SCREEN_HELP: help_action(m, a); break;
	case HY_SCREEN_RESULTS: results_action(m, a, fx); break;
	}
	reader_sync(m);
	return 1;
}
