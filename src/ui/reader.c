/* reader.c: the meeting screen's reader (reader.h): the document laid out
 * lazily, a screen at a time (DESIGN.md §4), positions in it, scrolling,
 * sections, and search in the meeting (every hit, either script). The
 * screen's keys, view and the making of the document are in
 * screen_meeting.c. */
#include "reader.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/fts.h"
#include "huiyi/utf8.h"
#include "huiyi/width.h"
#include "huiyi/wrap.h"
#include "screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The label column of metadata and headings: the widest label (in the
 * language of the interface: "主持", "Observers") + 2 spaces, at least 6
 * ("§12" and 3), at most 14. */
#define LABEL_W hy_model_label_width(m)
static const char *const meta_labels[] = {
	N_("Date"),      N_("Body"),      N_("Place"), N_("Meeting"), N_("Chair"),
	N_("Attendees"), N_("Observers"), N_("Units"), N_("Note"),
};

void hy_reader_blocks_free(struct hy_model *m)
{
	struct hy_reader *r = &m->reader;
	for (size_t i = 0; i < r->n_blocks; i++) {
		free(r->blocks[i].label);
		free(r->blocks[i].own);
		free(r->blocks[i].lines);
	}
	free(r->blocks);
	r->blocks = NULL;
	r->n_blocks = 0;
}

void hy_reader_free(struct hy_model *m)
{
	struct hy_reader *r = &m->reader;
	hy_reader_blocks_free(m);
	free(r->win);
	r->win = NULL;
	r->n_win = r->win_cap = 0;
	free(r->hits);
	r->hits = NULL;
	r->n_hits = r->hit = r->hits_cap = r->hit_max = 0;
	free(r->query);
	r->query = NULL;
	hy_meeting_free(&r->mt);
	hy_meeting_free(&r->stored);
	r->shown = r->own = 0;
	r->n_sources = r->source_k = 0;
	free(r->source);
	r->source = NULL;
	r->has_meeting = 0;
	r->meeting_id = 0;
	memset(&r->rpos, 0, sizeof r->rpos);
	r->anchor_block = r->anchor_byte = 0;
	r->reader_w = 0;
	r->layout_failed = 0;
}

/* ------------------------------------------------------------------ */
/* Lazy layout (DESIGN.md §4)                                             */

/* Width a block's text is wrapped at. */
static size_t block_width(const struct hy_model *m, const struct hy_block *b)
{
	size_t w = hy_model_reader_width(m);
	if (b->kind == HY_BLOCK_META || b->kind == HY_BLOCK_HEADING)
		return w > LABEL_W + 1 ? w - LABEL_W : 1;
	return w;
}

size_t hy_reader_label_width(void)
{
	size_t most = 4;
	for (size_t i = 0; i < sizeof meta_labels / sizeof meta_labels[0]; i++) {
		const char *l = _(meta_labels[i]);
		size_t lw = hy_width_str(l, strlen(l));
		most = lw > most ? lw : most;
	}
	return most + 2 < 14 ? most + 2 : 14;
}

size_t hy_model_label_width(const struct hy_model *m)
{
	return m->reader.label_w ? m->reader.label_w : 6;
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
	return c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF1B || c == 0xFF1A ||
	       c == 0xFF01 || c == 0xFF1F || c == 0xFF09 || c == 0x300D || c == 0x300F ||
	       c == 0x300B || c == 0x3009 || c == 0x3011;
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
	if (hy_grow(&b->lines, &b->lines_cap, b->n_lines + 1, sizeof *b->lines, 16))
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
	const struct hy_reader *r = &m->reader;
	size_t c = r->layout_chunk;
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
	struct hy_reader *r = &m->reader;
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
		r->layout_chars += count_chars(b->text + s, n);
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
	struct hy_reader *r = &m->reader;
	struct hy_block *b = &r->blocks[i];
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
		r->layout_failed = 1;
	return rc;
}

int hy_model_lay_out(struct hy_model *m, size_t block, size_t lines)
{
	struct hy_reader *r = &m->reader;
	if (block >= r->n_blocks)
		return HY_ERR_INVALID;
	return lay_block(m, block, lines, lines == SIZE_MAX ? SIZE_MAX - 1 : 0);
}

static void layout_clear(struct hy_model *m)
{
	struct hy_reader *r = &m->reader;
	for (size_t i = 0; i < r->n_blocks; i++) {
		struct hy_block *b = &r->blocks[i];
		free(b->lines);
		b->lines = NULL;
		b->n_lines = b->lines_cap = b->next = 0;
		b->done = 0;
	}
	r->reader_w = hy_model_reader_width(m);
	r->layout_failed = 0;
}

/* Small meetings are laid out whole (cheap, and the position is then
 * known in lines); longer ones only as far as they are read. */
static void layout_eager(struct hy_model *m)
{
	struct hy_reader *r = &m->reader;
	size_t total = 0;
	for (size_t i = 0; i < r->n_blocks; i++)
		total += r->blocks[i].len;
	if (total > r->layout_eager)
		return;
	for (size_t i = 0; i < r->n_blocks; i++)
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
	struct hy_reader *r = &m->reader;
	if (lay_block(m, p->block, p->line + 2, 0) == 0 &&
	    p->line + 1 < r->blocks[p->block].n_lines) {
		p->line++;
		return 1;
	}
	if (p->block + 1 >= r->n_blocks || lay_block(m, p->block + 1, 1, 0))
		return 0;
	p->block++;
	p->line = 0;
	return 1;
}

/* The line before p: going up into a block lays it out to its end. */
static int pos_prev(struct hy_model *m, struct hy_pos *p)
{
	struct hy_reader *r = &m->reader;
	if (p->line > 0) {
		p->line--;
		return 1;
	}
	if (p->block == 0 || lay_block(m, p->block - 1, SIZE_MAX, SIZE_MAX - 1))
		return 0;
	p->block--;
	p->line = r->blocks[p->block].n_lines - 1;
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
	struct hy_reader *r = &m->reader;
	struct hy_pos p = {r->n_blocks - 1, 0};
	if (lay_block(m, p.block, SIZE_MAX, SIZE_MAX - 1) == 0)
		p.line = r->blocks[p.block].n_lines - 1;
	for (size_t k = 1; k < hy_model_reader_height(m) && pos_prev(m, &p); k++)
		;
	return p;
}

/* The line of block bi that holds byte `byte`. */
static struct hy_pos pos_of(struct hy_model *m, size_t bi, size_t byte)
{
	struct hy_reader *r = &m->reader;
	struct hy_pos p = {bi, 0};
	lay_block(m, bi, 1, byte);
	const struct hy_block *b = &r->blocks[bi];
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
	struct hy_reader *r = &m->reader;
	const struct hy_block *b = &r->blocks[r->rpos.block];
	r->anchor_block = r->rpos.block;
	r->anchor_byte = r->rpos.line < b->n_lines ? b->lines[r->rpos.line].start : 0;
}

/* The lines on screen (r->win), laid out, plus a screen ahead. */
static int fill_window(struct hy_model *m)
{
	struct hy_reader *r = &m->reader;
	size_t hgt = hy_model_reader_height(m);
	if (r->win_cap < hgt) {
		struct hy_vline *v = realloc(r->win, hgt * sizeof *v);
		if (!v)
			return HY_ERR_NOMEM;
		r->win = v;
		r->win_cap = hgt;
	}
	r->n_win = 0;
	struct hy_pos p = r->rpos;
	if (!r->n_blocks || lay_block(m, p.block, p.line + 1, 0) ||
	    p.line >= r->blocks[p.block].n_lines)
		return r->layout_failed ? HY_ERR_NOMEM : 0;
	do {
		const struct hy_block *b = &r->blocks[p.block];
		struct hy_vline *l = &r->win[r->n_win++];
		l->block = p.block;
		l->line = p.line;
		l->start = b->lines[p.line].start;
		l->end = b->lines[p.line].end;
		l->next = p.line + 1 < b->n_lines ? b->lines[p.line + 1].start : b->next;
	} while (r->n_win < hgt && pos_next(m, &p));
	/* a screen ahead, so the next page costs nothing */
	lay_block(m, p.block, p.line + 1 + hgt, 0);
	return r->layout_failed ? HY_ERR_NOMEM : 0;
}

static void set_top(struct hy_model *m, struct hy_pos p)
{
	struct hy_reader *r = &m->reader;
	r->rpos = p;
	set_anchor(m);
}

/* Scroll down by n lines, the last line no higher than the bottom; a top
 * already past that (after a jump to a late section) stays. */
static void scroll_down(struct hy_model *m, size_t n)
{
	struct hy_reader *r = &m->reader;
	size_t hgt = hy_model_reader_height(m);
	struct hy_pos p = r->rpos, q = r->rpos;
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
	struct hy_reader *r = &m->reader;
	struct hy_pos p = r->rpos;
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

int hy_model_section(const struct hy_model *m)
{
	const struct hy_reader *r = &m->reader;
	if (r->rpos.block >= r->n_blocks)
		return 0;
	return r->blocks[r->rpos.block].section;
}

/* The heading of a section as a position, or block n_blocks if none. */
static struct hy_pos heading_pos(const struct hy_model *m, int section)
{
	const struct hy_reader *r = &m->reader;
	struct hy_pos p = {r->n_blocks, 0};
	for (size_t i = 0; i < r->n_blocks; i++) {
		const struct hy_block *b = &r->blocks[i];
		if (b->kind == HY_BLOCK_HEADING && b->section == section) {
			p.block = i;
			break;
		}
	}
	return p;
}

static void goto_section(struct hy_model *m, int section)
{
	struct hy_reader *r = &m->reader;
	if (section < 1 || (size_t)section > r->mt.n_sections) {
		char n[16];
		snprintf(n, sizeof n, "%d", section);
		hy_ui_status(m, 1, _("no such section"), n);
		return;
	}
	struct hy_pos p = heading_pos(m, section);
	if (p.block < r->n_blocks)
		set_top(m, p);
}

/* Where the reader is, in percent: by lines when the whole meeting is laid
 * out, else by bytes (what less does), 100 when the end is on screen. */
int hy_model_percent(const struct hy_model *m)
{
	const struct hy_reader *r = &m->reader;
	size_t hgt = hy_model_reader_height(m), before = 0, total = 0, all = 1;
	size_t bytes = 0, tbytes = 0;
	if (!r->n_win)
		return 100;
	const struct hy_vline *last = &r->win[r->n_win - 1];
	const struct hy_block *lb = &r->blocks[last->block];
	if (last->block + 1 == r->n_blocks && lb->done && last->line + 1 == lb->n_lines)
		return 100;
	for (size_t i = 0; i < r->n_blocks; i++) {
		const struct hy_block *b = &r->blocks[i];
		all &= b->done;
		if (i < r->rpos.block)
			before += b->n_lines;
		if (i < last->block)
			bytes += b->len;
		total += b->n_lines;
		tbytes += b->len;
	}
	before += r->rpos.line;
	if (all)
		return before + hgt >= total ? 100 : (int)((before + hgt) * 100 / total);
	bytes += last->next;
	return tbytes ? (int)(bytes * 100 / tbytes) : 100;
}

/* ------------------------------------------------------------------ */
/* Search in the meeting                                                  */

static int add_hit(struct hy_model *m, size_t block, size_t a, size_t b)
{
	struct hy_reader *r = &m->reader;
	if (hy_grow(&r->hits, &r->hits_cap, r->n_hits + 1, sizeof *r->hits, 16))
		return HY_ERR_NOMEM;
	r->hits[r->n_hits].block = block;
	r->hits[r->n_hits].start = a;
	r->hits[r->n_hits].end = b;
	r->n_hits++;
	if (b - a > r->hit_max)
		r->hit_max = b - a;
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
static int find_pinyin(struct hy_model *m, const char *term, size_t len);

/* Every occurrence of the query's terms, traditional and simplified alike.
 * The terms: words separated by spaces, "phrases" as one term; -word and
 * OR (search syntax, search.h) are not highlighted. */
static int find_hits(struct hy_model *m)
{
	struct hy_reader *r = &m->reader;
	int rc = 0;
	r->n_hits = 0;
	r->hit_max = 0;
	if (!r->query || !*r->query)
		return 0;
	const char *p = r->query;
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
		if (!skip && e > p && !rc)
			rc = find_pinyin(m, p, (size_t)(e - p));
		p = *e == '"' ? e + 1 : e;
	}
	if (r->n_hits > 1)
		qsort(r->hits, r->n_hits, sizeof *r->hits, cmp_hit);
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
	struct hy_reader *r = &m->reader;
	const struct hy_block *bl = &r->blocks[bi];
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

/* 1 when Han cp can be read as the toneless syllable syl. */
static int reads_as(uint32_t cp, const char *syl)
{
	const char *r[8];
	size_t k = hy_fts_pinyin(hy_fold_cp(cp), r, 8);
	for (size_t i = 0; i < k && i < 8; i++)
		if (strcmp(r[i], syl) == 0)
			return 1;
	return 0;
}

/* The runs of n characters of block bi that read as syl[0..n), as the
 * search's pinyin finds them (ranqi: 燃气, 燃氣): leftmost, not
 * overlapping. at[]: the byte offsets of the last n characters read. */
static int find_pinyin_in_block(struct hy_model *m, size_t bi, char *const *syl, size_t n,
				size_t *at)
{
	const struct hy_block *bl = &m->reader.blocks[bi];
	size_t seen = 0;
	for (size_t i = 0; i < bl->len;) {
		uint32_t c;
		size_t start = i;
		i += hy_utf8_decode(bl->text + i, bl->len - i, &c);
		at[seen % n] = start;
		seen++;
		if (seen < n)
			continue;
		/* the last n characters: each reads as its syllable? */
		int all = reads_as(c, syl[n - 1]);
		for (size_t k = 1; all && k < n; k++) {
			size_t off = at[(seen - 1 - k) % n];
			uint32_t d;
			hy_utf8_decode(bl->text + off, bl->len - off, &d);
			all = reads_as(d, syl[n - 1 - k]);
		}
		if (all) {
			int rc = add_hit(m, bi, at[(seen - n) % n], i);
			if (rc)
				return rc;
			seen = 0;
		}
	}
	return 0;
}

/* A term of ASCII letters that is pinyin (hy_fts_pinyin_split): the
 * characters that read so, beside the letters themselves. */
static int find_pinyin(struct hy_model *m, const char *term, size_t len)
{
	struct hy_reader *r = &m->reader;
	char **syl = NULL;
	size_t n = 0;
	int rc = hy_fts_pinyin_split(term, len, &syl, &n);
	if (rc != 1)
		return rc < 0 ? rc : 0;
	size_t *at = malloc(n * sizeof *at);
	rc = at ? 0 : HY_ERR_NOMEM;
	for (size_t b = 0; b < r->n_blocks && !rc; b++)
		if (r->blocks[b].kind != HY_BLOCK_BLANK)
			rc = find_pinyin_in_block(m, b, syl, n, at);
	free(at);
	free(syl);
	return rc;
}

static int find_term(struct hy_model *m, const char *term, size_t len)
{
	struct hy_reader *r = &m->reader;
	struct kmp k;
	int rc = kmp_init(&k, term, len);
	for (size_t b = 0; b < r->n_blocks && !rc && k.n; b++)
		if (r->blocks[b].kind != HY_BLOCK_BLANK)
			rc = find_in_block(m, &k, b);
	kmp_free(&k);
	return rc;
}

/* The hit is on the top line or below it. */
static int hit_below_top(const struct hy_model *m, size_t h)
{
	const struct hy_reader *r = &m->reader;
	const struct hy_hit *hit = &r->hits[h];
	const struct hy_block *b = &r->blocks[r->rpos.block];
	if (hit->block != r->rpos.block)
		return hit->block > r->rpos.block;
	return r->rpos.line >= b->n_lines || hit->start >= b->lines[r->rpos.line].start;
}

/* The hit is on one of the lines on screen. */
static int hit_shown(const struct hy_model *m, size_t h)
{
	const struct hy_reader *r = &m->reader;
	const struct hy_hit *hit = &r->hits[h];
	for (size_t i = 0; i < r->n_win; i++) {
		const struct hy_vline *l = &r->win[i];
		if (l->block == hit->block && hit->start >= l->start &&
		    (hit->start < l->next || l->next == l->start))
			return 1;
	}
	return 0;
}

static void show_hit(struct hy_model *m)
{
	struct hy_reader *r = &m->reader;
	if (r->hit >= r->n_hits)
		return;
	fill_window(m);
	if (!hit_shown(m, r->hit)) {
		/* the hit a third of the way down, the end no higher than the
		 * bottom */
		size_t hgt = hy_model_reader_height(m);
		struct hy_pos p = pos_of(m, r->hits[r->hit].block, r->hits[r->hit].start);
		for (size_t k = 0; k < hgt / 3 && pos_prev(m, &p); k++)
			;
		int below = pos_cmp(p, r->rpos) >= 0;
		if (lines_left(m, r->rpos, hgt) < hgt && below)
			; /* past the end: going down stays */
		else if (lines_left(m, p, hgt) < hgt)
			set_top(m, end_top(m));
		else
			set_top(m, p);
	}
	char msg[64];
	snprintf(msg, sizeof msg, _("match %zu/%zu"), r->hit + 1, r->n_hits);
	hy_ui_status(m, 0, msg, NULL);
}

/* The first hit at or after the top line (n), or before it (N). */
void hy_reader_step(struct hy_model *m, int dir)
{
	struct hy_reader *r = &m->reader;
	if (!r->query) {
		hy_ui_status(m, 1, _("no search yet: press / to search this meeting"), NULL);
		return;
	}
	if (r->n_hits == 0) {
		hy_ui_status(m, 1, _("not found"), r->query);
		return;
	}
	if (r->hit < r->n_hits && r->steps &&
	    ((dir > 0 && r->hit + 1 == r->n_hits) || (dir < 0 && r->hit == 0))) {
		/* past the last hit of this meeting: the screen that opened
		 * it (search results) opens its next item */
		m->step = dir;
		m->step_from = r->meeting_id;
		return;
	}
	if (r->hit < r->n_hits) {
		r->hit = dir > 0 ? (r->hit + 1) % r->n_hits : (r->hit + r->n_hits - 1) % r->n_hits;
	} else {
		r->hit = 0;
		for (size_t i = 0; i < r->n_hits; i++) {
			if (hit_below_top(m, i)) {
				r->hit = i;
				break;
			}
		}
	}
	show_hit(m);
}

/* After every change: the lines on screen, or a message if memory ran out. */
void hy_reader_sync(struct hy_model *m)
{
	struct hy_reader *r = &m->reader;
	if (!r->has_meeting)
		return;
	if (r->reader_w != hy_model_reader_width(m)) {
		layout_clear(m);
		r->rpos = pos_of(m, r->anchor_block, r->anchor_byte);
		layout_eager(m);
	}
	if (fill_window(m))
		hy_ui_status(m, 1, _("out of memory laying out the meeting"), NULL);
}

/* ------------------------------------------------------------------ */
/* What the meeting screen does with it                                  */

void hy_reader_start(struct hy_model *m)
{
	layout_clear(m);
	layout_eager(m);
	set_top(m, m->reader.rpos);
}

int hy_reader_remade(struct hy_model *m, size_t block, size_t byte)
{
	struct hy_reader *r = &m->reader;
	size_t hit = r->hit;
	layout_clear(m);
	if (block >= r->n_blocks)
		block = byte = 0;
	r->rpos = r->n_blocks ? pos_of(m, block, byte) : (struct hy_pos){0, 0};
	layout_eager(m);
	set_top(m, r->rpos);
	if (r->query) {
		if (find_hits(m))
			return HY_ERR_NOMEM;
		r->hit = hit < r->n_hits ? hit : r->n_hits;
	}
	return r->layout_failed ? HY_ERR_NOMEM : 0;
}

void hy_reader_scroll(struct hy_model *m, long lines)
{
	if (lines >= 0)
		scroll_down(m, (size_t)lines);
	else
		scroll_up(m, (size_t)-lines);
}

void hy_reader_top(struct hy_model *m)
{
	struct hy_pos start = {0, 0};
	set_top(m, start);
}

void hy_reader_bottom(struct hy_model *m)
{
	set_top(m, end_top(m));
}

void hy_reader_section(struct hy_model *m, int section)
{
	goto_section(m, section);
}

void hy_reader_next_section(struct hy_model *m, int dir)
{
	struct hy_reader *r = &m->reader;
	int sec = hy_model_section(m);
	if (dir > 0) {
		if ((size_t)sec < r->mt.n_sections)
			goto_section(m, sec + 1);
		else
			hy_ui_status(m, 0, _("last section"), NULL);
		return;
	}
	/* inside a section: back to its heading first, like less */
	struct hy_pos hl = heading_pos(m, sec);
	if (sec > 0 && hl.block < r->n_blocks && pos_cmp(hl, r->rpos) < 0)
		set_top(m, hl);
	else if (sec > 1)
		goto_section(m, sec - 1);
	else
		hy_reader_top(m);
}

void hy_reader_search(struct hy_model *m, const char *q)
{
	struct hy_reader *r = &m->reader;
	free(r->query);
	r->query = q && *q ? strdup(q) : NULL;
	r->hit = 0;
	if (find_hits(m))
		hy_ui_status(m, 1, _("out of memory searching"), NULL);
	r->hit = r->n_hits; /* none yet: step to the first visible */
	if (r->query)
		hy_reader_step(m, 1);
	else
		m->status[0] = '\0';
}

int hy_reader_mark(struct hy_model *m, const char *q, int section)
{
	struct hy_reader *r = &m->reader;
	r->query = hy_ui_strdup(q);
	if (find_hits(m))
		return HY_ERR_NOMEM;
	if (section > 0)
		goto_section(m, section);
	r->hit = r->n_hits;
	for (size_t i = 0; i < r->n_hits; i++) {
		if (hit_below_top(m, i)) {
			r->hit = i;
			break;
		}
	}
	if (r->hit < r->n_hits)
		show_hit(m);
	return 0;
}
