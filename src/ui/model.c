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
		free(m->blocks[i].text);
	}
	free(m->blocks);
	m->blocks = NULL;
	m->n_blocks = 0;
	free(m->lines);
	m->lines = NULL;
	m->n_lines = m->lines_cap = 0;
	free(m->hits);
	m->hits = NULL;
	m->n_hits = m->hit = 0;
	free(m->query);
	m->query = NULL;
	hy_meeting_free(&m->m);
	m->has_meeting = 0;
	m->meeting_id = 0;
	m->scroll = m->anchor_block = m->anchor_byte = 0;
	m->reader_w = 0;
}

void hy_model_init(struct hy_model *m, int w, int h)
{
	memset(m, 0, sizeof *m);
	m->w = w > 0 ? w : 1;
	m->h = h > 0 ? h : 1;
	m->screen = HY_SCREEN_LIST;
	m->open_section = -1;
	m->pending_result = -1;
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

static int grow_rows(struct hy_model *m, size_t need)
{
	if (need <= m->cap)
		return 0;
	size_t cap = m->cap ? m->cap : 256;
	while (cap < need)
		cap *= 2;
	struct hy_row *r = realloc(m->rows, cap * sizeof *r);
	if (!r)
		return HY_ERR_NOMEM;
	m->rows = r;
	m->cap = cap;
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
		rows_clear(m);
		if (grow_rows(m, n))
			return HY_ERR_NOMEM;
		for (size_t i = 0; i < n; i++)
			if (row_copy(&m->rows[m->n++], &rows[i]))
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
		if (n > m->base)
			n = m->base; /* the list grew above us: keep what fits */
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
/* The meeting: blocks, layout, position                                  */

static int add_block(struct hy_model *m, enum hy_block_kind kind, int section,
		     const char *label, const char *text)
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
	b->text = strdup(text ? text : "");
	if (!b->text || (label && !b->label)) {
		free(b->label);
		free(b->text);
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

static int build_blocks(struct hy_model *m)
{
	const struct hy_meeting *mt = &m->m;
	char buf[4096];
	int rc = 0;
	if (mt->date || mt->published) {
		snprintf(buf, sizeof buf, "%s%s%s%s", mt->date ? mt->date : "",
			 mt->published ? (mt->date ? "（发布 " : "发布 ") : "",
			 mt->published ? mt->published : "",
			 mt->published && mt->date ? "）" : "");
		rc = rc ? rc : add_block(m, HY_BLOCK_META, 0, "日期", buf);
	}
	if (mt->body)
		rc = rc ? rc : add_block(m, HY_BLOCK_META, 0, "机构", mt->body);
	if (mt->kind) {
		if (mt->number)
			snprintf(buf, sizeof buf, "%s 第%d次", mt->kind, mt->number);
		else
			snprintf(buf, sizeof buf, "%s", mt->kind);
		rc = rc ? rc : add_block(m, HY_BLOCK_META, 0, "会议", buf);
	}
	if (mt->chair) {
		snprintf(buf, sizeof buf, "%s%s%s%s", mt->chair,
			 mt->chair_role ? "（" : "", mt->chair_role ? mt->chair_role : "",
			 mt->chair_role ? "）" : "");
		rc = rc ? rc : add_block(m, HY_BLOCK_META, 0, "主持", buf);
	}
	if (join_names(mt->attendees, mt->n_attendees, buf, sizeof buf))
		rc = rc ? rc : add_block(m, HY_BLOCK_META, 0, "出席", buf);
	if (join_names(mt->observers, mt->n_observers, buf, sizeof buf))
		rc = rc ? rc : add_block(m, HY_BLOCK_META, 0, "列席", buf);
	if (mt->summary) {
		if (m->n_blocks)
			rc = rc ? rc : add_block(m, HY_BLOCK_BLANK, 0, NULL, "");
		rc = rc ? rc : add_block(m, HY_BLOCK_SUMMARY, 0, NULL, mt->summary);
	}
	for (size_t i = 0; i < mt->n_sections && !rc; i++) {
		const struct hy_section *s = &mt->sections[i];
		char label[16];
		snprintf(label, sizeof label, "§%d", s->n);
		if (m->n_blocks)
			rc = add_block(m, HY_BLOCK_BLANK, (int)i + 1, NULL, "");
		rc = rc ? rc : add_block(m, HY_BLOCK_HEADING, (int)i + 1, label, s->heading);
		rc = rc ? rc : add_block(m, HY_BLOCK_TEXT, (int)i + 1, NULL, s->text);
	}
	if (!rc && m->n_blocks == 0)
		rc = add_block(m, HY_BLOCK_TEXT, 0, NULL, "（没有内容）");
	return rc;
}

static int push_line(struct hy_model *m, size_t block, size_t start, size_t end)
{
	if (m->n_lines == m->lines_cap) {
		size_t cap = m->lines_cap ? m->lines_cap * 2 : 256;
		struct hy_vline *l = realloc(m->lines, cap * sizeof *l);
		if (!l)
			return HY_ERR_NOMEM;
		m->lines = l;
		m->lines_cap = cap;
	}
	m->lines[m->n_lines].block = block;
	m->lines[m->n_lines].start = start;
	m->lines[m->n_lines].end = end;
	m->n_lines++;
	return 0;
}

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

static int layout(struct hy_model *m)
{
	struct hy_wrap w = {0};
	int rc = 0;
	m->n_lines = 0;
	for (size_t i = 0; i < m->n_blocks && !rc; i++) {
		const struct hy_block *b = &m->blocks[i];
		if (b->kind == HY_BLOCK_BLANK || b->len == 0) {
			rc = push_line(m, i, 0, 0);
			continue;
		}
		rc = hy_wrap_text(&w, b->text, b->len, block_width(m, b));
		for (size_t k = 0; k < w.n && !rc; k++)
			rc = push_line(m, i, w.lines[k].start, w.lines[k].end);
	}
	hy_wrap_free(&w);
	m->reader_w = hy_model_reader_width(m);
	return rc;
}

/* Remember which character is at the top, to find it again. */
static void set_anchor(struct hy_model *m)
{
	if (m->scroll < m->n_lines) {
		m->anchor_block = m->lines[m->scroll].block;
		m->anchor_byte = m->lines[m->scroll].start;
	}
}

static void find_anchor(struct hy_model *m)
{
	size_t best = 0;
	for (size_t i = 0; i < m->n_lines; i++) {
		const struct hy_vline *l = &m->lines[i];
		if (l->block < m->anchor_block)
			best = i;
		else if (l->block == m->anchor_block && l->start <= m->anchor_byte)
			best = i;
		else if (l->block > m->anchor_block)
			break;
	}
	m->scroll = best;
}

static size_t max_scroll(const struct hy_model *m)
{
	size_t hgt = hy_model_reader_height(m);
	return m->n_lines > hgt ? m->n_lines - hgt : 0;
}

static void scroll_to(struct hy_model *m, long line, int allow_past)
{
	if (line < 0)
		line = 0;
	/* past the end after a jump to a late section: going down stays */
	if (!allow_past && m->scroll > max_scroll(m) && (size_t)line >= m->scroll)
		return;
	size_t lim = allow_past ? (m->n_lines ? m->n_lines - 1 : 0) : max_scroll(m);
	if ((size_t)line > lim)
		line = (long)lim;
	m->scroll = (size_t)line;
	set_anchor(m);
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
	if (m->scroll >= m->n_lines)
		return 0;
	return m->blocks[m->lines[m->scroll].block].section;
}

static long heading_line(const struct hy_model *m, int section)
{
	for (size_t i = 0; i < m->n_lines; i++) {
		const struct hy_block *b = &m->blocks[m->lines[i].block];
		if (b->kind == HY_BLOCK_HEADING && b->section == section)
			return (long)i;
	}
	return -1;
}

static void goto_section(struct hy_model *m, int section)
{
	if (section < 1 || (size_t)section > m->m.n_sections) {
		char n[16];
		snprintf(n, sizeof n, "%d", section);
		status(m, 1, "no such section", n);
		return;
	}
	long l = heading_line(m, section);
	if (l >= 0)
		scroll_to(m, l, 1);
}

/* ------------------------------------------------------------------ */
/* Search in the meeting                                                  */

struct folded {
	uint32_t *cp;
	size_t *off;
	size_t n;
};

static int fold_text(const char *s, size_t len, struct folded *f)
{
	f->cp = malloc((len + 1) * sizeof *f->cp);
	f->off = malloc((len + 1) * sizeof *f->off);
	f->n = 0;
	if (!f->cp || !f->off) {
		free(f->cp);
		free(f->off);
		return HY_ERR_NOMEM;
	}
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t k = hy_utf8_decode(s + i, len - i, &c);
		f->off[f->n] = i;
		f->cp[f->n++] = hy_fold_cp(c);
		i += k;
	}
	f->off[f->n] = len;
	return 0;
}

static int add_hit(struct hy_model *m, size_t block, size_t a, size_t b)
{
	struct hy_hit *h = realloc(m->hits, (m->n_hits + 1) * sizeof *h);
	if (!h)
		return HY_ERR_NOMEM;
	m->hits = h;
	h[m->n_hits].block = block;
	h[m->n_hits].start = a;
	h[m->n_hits].end = b;
	m->n_hits++;
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
	free(m->hits);
	m->hits = NULL;
	m->n_hits = 0;
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

static int find_term(struct hy_model *m, const char *term, size_t len)
{
	struct folded q;
	int rc;
	if ((rc = fold_text(term, len, &q)))
		return rc;
	for (size_t b = 0; b < m->n_blocks && !rc && q.n; b++) {
		struct hy_block *bl = &m->blocks[b];
		if (bl->kind == HY_BLOCK_BLANK)
			continue;
		struct folded t;
		if ((rc = fold_text(bl->text, bl->len, &t)))
			break;
		for (size_t i = 0; i + q.n <= t.n && !rc; i++) {
			if (memcmp(t.cp + i, q.cp, q.n * sizeof *q.cp) == 0) {
				rc = add_hit(m, b, t.off[i], t.off[i + q.n]);
				i += q.n - 1;
			}
		}
		free(t.cp);
		free(t.off);
	}
	free(q.cp);
	free(q.off);
	return rc;
}

static long hit_line(const struct hy_model *m, size_t h)
{
	const struct hy_hit *hit = &m->hits[h];
	for (size_t i = 0; i < m->n_lines; i++) {
		const struct hy_vline *l = &m->lines[i];
		if (l->block == hit->block && hit->start >= l->start &&
		    (hit->start < l->end || (i + 1 == m->n_lines ||
					     m->lines[i + 1].block != l->block)))
			return (long)i;
	}
	return -1;
}

static void show_hit(struct hy_model *m)
{
	if (m->hit >= m->n_hits)
		return;
	long l = hit_line(m, m->hit);
	size_t hgt = hy_model_reader_height(m);
	if (l < 0)
		return;
	if ((size_t)l < m->scroll || (size_t)l >= m->scroll + hgt)
		scroll_to(m, l - (long)hgt / 3, 0);
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
			long l = hit_line(m, i);
			if (l >= (long)m->scroll) {
				m->hit = i;
				break;
			}
		}
	}
	show_hit(m);
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
	if (!rc)
		rc = layout(m);
	set_anchor(m);
	if (rc) {
		status(m, 1, "out of memory laying out the meeting", NULL);
		return rc;
	}
	if (m->open_section >= 0 && m->search) {
		/* opened from search results: the hits marked, the section shown */
		m->query = strdup(m->search);
		if (find_hits(m))
			return HY_ERR_NOMEM;
		if (m->open_section > 0)
			goto_section(m, m->open_section);
		long top = (long)m->scroll;
		m->hit = m->n_hits;
		for (size_t i = 0; i < m->n_hits; i++) {
			if (hit_line(m, i) >= top) {
				m->hit = i;
				break;
			}
		}
		if (m->hit < m->n_hits)
			show_hit(m);
	}
	m->open_section = -1;
	return 0;
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
	if (m->n_results + n > m->results_cap) {
		size_t cap = m->results_cap ? m->results_cap : 64;
		while (cap < m->n_results + n)
			cap *= 2;
		struct hy_result *v = realloc(m->results, cap * sizeof *v);
		if (!v)
			return HY_ERR_NOMEM;
		m->results = v;
		m->results_cap = cap;
	}
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
	if (m->has_meeting && m->reader_w != hy_model_reader_width(m)) {
		if (layout(m) == 0)
			find_anchor(m);
		else
			status(m, 1, "out of memory laying out the meeting", NULL);
	}
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
	}
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
	default: break;
	}
	ensure_rows(m, fx);
}

static void meeting_action(struct hy_model *m, enum hy_action a, int arg,
			   struct hy_effects *fx)
{
	long hgt = (long)hy_model_reader_height(m);
	long half = hgt / 2 ? hgt / 2 : 1;
	long s = (long)m->scroll;
	int sec = hy_model_section(m);
	switch (a) {
	case HY_ACT_DOWN: scroll_to(m, s + 1, 0); break;
	case HY_ACT_UP: scroll_to(m, s - 1, 0); break;
	case HY_ACT_PAGE_DOWN: scroll_to(m, s + (hgt > 1 ? hgt - 1 : 1), 0); break;
	case HY_ACT_PAGE_UP: scroll_to(m, s - (hgt > 1 ? hgt - 1 : 1), 0); break;
	case HY_ACT_HALF_DOWN: scroll_to(m, s + half, 0); break;
	case HY_ACT_HALF_UP: scroll_to(m, s - half, 0); break;
	case HY_ACT_TOP: scroll_to(m, 0, 0); break;
	case HY_ACT_BOTTOM: scroll_to(m, (long)max_scroll(m), 1); break;
	case HY_ACT_NEXT_SECTION:
		if ((size_t)sec < m->m.n_sections)
			goto_section(m, sec + 1);
		else
			status(m, 0, "last section", NULL);
		break;
	case HY_ACT_PREV_SECTION: {
		/* inside a section: back to its heading first, like less */
		long hl = sec > 0 ? heading_line(m, sec) : -1;
		if (hl >= 0 && hl < s)
			scroll_to(m, hl, 1);
		else if (sec > 1)
			goto_section(m, sec - 1);
		else
			scroll_to(m, 0, 0);
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
			scroll_to(m, (long)m->scroll + 3, 0);
		else if (ev->mouse == HY_MOUSE_WHEEL_UP)
			scroll_to(m, (long)m->scroll - 3, 0);
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
	case HY_EV_QUIT:
		fx->quit = 1;
		return 0;
	case HY_EV_MOUSE:
		if (!m->prompt)
			mouse(m, ev, fx);
		return 1;
	case HY_EV_KEY:
		break;
	default:
		return 0;
	}
	if (m->prompt) {
		prompt_key(m, ev->key, fx);
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
	return 1;
}
