/* screen_meeting.c: one meeting, read (screen_meeting.h): the document
 * made from the meeting (metadata, summary, the agenda's sections), its
 * keys and mouse, and its view: the title, an outline of the sections on
 * wide screens, the text with the hits marked. Laying out, moving and
 * searching are the reader's (reader.c). */
#include "huiyi/screen_meeting.h"
#include "huiyi/i18n.h"

#include "huiyi/buf.h"
#include "huiyi/err.h"
#include "huiyi/script.h"
#include "huiyi/utf8.h"
#include "huiyi/width.h"
#include "layout.h"
#include "reader.h"
#include "screen.h"

#include "huiyi/keymap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text of a block is the meeting's own string (sections, summary:
 * not copied, however long) or, for metadata, one made here (own). */
static int add_block(struct hy_model *m, enum hy_block_kind kind, int section, const char *label,
		     const char *text, int copy)
{
	struct hy_reader *r = &m->reader;
	struct hy_block *b = realloc(r->blocks, (r->n_blocks + 1) * sizeof *b);
	if (!b)
		return HY_ERR_NOMEM;
	r->blocks = b;
	b = &r->blocks[r->n_blocks];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->section = section;
	b->label = hy_ui_strdup(label);
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
	r->n_blocks++;
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
	struct hy_reader *r = &m->reader;
	const struct hy_meeting *mt = &r->mt;
	char buf[4096];
	int rc = 0;
	char date[160];
	r->label_w = hy_reader_label_width();
	hy_meeting_date_text(mt, date, sizeof date);
	if (date[0] || mt->published) {
		if (date[0] && mt->published)
			/* TRANSLATORS: the meeting's date, then when the readout
			 * was published */
			snprintf(buf, sizeof buf, _("%s (published %s)"), date, mt->published);
		else if (mt->published)
			snprintf(buf, sizeof buf, _("published %s"), mt->published);
		else
			snprintf(buf, sizeof buf, "%s", date);
		rc = rc ? rc : meta(m, _("Date"), buf);
	}
	if (mt->body)
		rc = rc ? rc : meta(m, _("Body"), mt->body);
	if (mt->place)
		rc = rc ? rc : meta(m, _("Place"), mt->place);
	if (mt->kind) {
		if (mt->number)
			snprintf(buf, sizeof buf, "%s 第%d次", mt->kind, mt->number);
		else
			snprintf(buf, sizeof buf, "%s", mt->kind);
		rc = rc ? rc : meta(m, _("Meeting"), buf);
	}
	if (mt->chair) {
		snprintf(buf, sizeof buf, "%s%s%s%s", mt->chair, mt->chair_role ? "（" : "",
			 mt->chair_role ? mt->chair_role : "", mt->chair_role ? "）" : "");
		rc = rc ? rc : meta(m, _("Chair"), buf);
	}
	if (join_names(mt->attendees, mt->n_attendees, buf, sizeof buf))
		rc = rc ? rc : meta(m, _("Attendees"), buf);
	if (join_names(mt->observers, mt->n_observers, buf, sizeof buf))
		rc = rc ? rc : meta(m, _("Observers"), buf);
	if (join_names(mt->units, mt->n_units, buf, sizeof buf))
		rc = rc ? rc : meta(m, _("Units"), buf);
	if (mt->guessed & HY_GUESSED_TITLE)
		rc = rc ? rc
			: meta(m, _("Note"),
			       _("the title is made from the text: the readout has none"));
	if (mt->summary) {
		if (r->n_blocks)
			rc = rc ? rc : add_block(m, HY_BLOCK_BLANK, 0, NULL, "", 0);
		rc = rc ? rc : add_block(m, HY_BLOCK_SUMMARY, 0, NULL, mt->summary, 0);
	}
	for (size_t i = 0; i < mt->n_sections && !rc; i++) {
		const struct hy_section *s = &mt->sections[i];
		char label[16];
		snprintf(label, sizeof label, "§%d", s->n);
		if (r->n_blocks)
			rc = add_block(m, HY_BLOCK_BLANK, (int)i + 1, NULL, "", 0);
		rc = rc ? rc : add_block(m, HY_BLOCK_HEADING, (int)i + 1, label, s->heading, 0);
		rc = rc ? rc : add_block(m, HY_BLOCK_TEXT, (int)i + 1, NULL, s->text, 0);
	}
	if (!rc && r->n_blocks == 0)
		rc = add_block(m, HY_BLOCK_TEXT, 0, NULL, _("(no text)"), 0);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Geometry (layout.h), for the view, the mouse and the reader            */

/* The outline's entries from `first`, on `rows` rows: the current section
 * in the middle when they do not all fit. */
static size_t outline_first(const struct hy_model *m, size_t rows)
{
	size_t n = m->reader.mt.n_sections;
	int cur = hy_model_section(m);
	if (n <= rows || cur <= 0)
		return 0;
	size_t first = (size_t)cur - 1 > rows / 2 ? (size_t)cur - 1 - rows / 2 : 0;
	return first + rows > n ? n - rows : first;
}

int hy_meeting_outline_shown(const struct hy_model *m)
{
	return !m->outline_off && (!m->outline_auto || m->margins);
}

void hy_meeting_layout(const struct hy_model *m, struct hy_layout *l)
{
	int w = m->w, h = m->h, margin = w > 2;
	/* the outline from 100 columns, a third of them, at most 36 (its
	 * entries, a blank column, then the border) */
	int ow = w >= 100 && hy_meeting_outline_shown(m) ? (w / 3 > 36 ? 36 : w / 3) : 0;
	/* the title bar, and below 100 columns the "§3/6 heading" bar; on
	 * very short screens the bar, then the title, make way for the text */
	int ry = ow ? 1 : 2;
	while (ry > 0 && ry >= h - 1)
		ry--;
	int rx = ow ? ow + 2 : margin;
	memset(l, 0, sizeof *l);
	l->status = hy_layout_status(w, h);
	if (ry > 0)
		l->title = (struct hy_rect){0, 0, w, 1};
	if (!ow && ry == 2)
		l->header = (struct hy_rect){0, 1, w, 1};
	l->body = (struct hy_rect){rx, ry, w - rx - margin, h - ry - 1};
	l->items.per = 1;
	if (ow && h > 2) {
		l->items.r = (struct hy_rect){0, 1, ow - 1, h - 2};
		l->border = (struct hy_rect){ow, 1, 1, h - 2};
		l->items.n = m->reader.mt.n_sections;
		l->items.first = outline_first(m, hy_rows_page(&l->items));
	}
}

int hy_model_reader_y(const struct hy_model *m)
{
	struct hy_layout l;
	hy_meeting_layout(m, &l);
	return l.body.y;
}

size_t hy_model_reader_width(const struct hy_model *m)
{
	struct hy_layout l;
	hy_meeting_layout(m, &l);
	return l.body.w > 0 ? (size_t)l.body.w : 1;
}

size_t hy_model_reader_height(const struct hy_model *m)
{
	struct hy_layout l;
	hy_meeting_layout(m, &l);
	return l.body.h > 0 ? (size_t)l.body.h : 1;
}

/* ------------------------------------------------------------------ */
/* Opening                                                                */

void hy_meeting_open(struct hy_model *m, int64_t id, size_t index, int section, const char *query,
		     int steps, struct hy_effects *fx)
{
	struct hy_reader *r = &m->reader;
	fx->load_meeting = id;
	r->meeting_index = index;
	free(r->open.query);
	r->open.query = hy_ui_strdup(query);
	r->open.section = section;
	r->open.steps = steps;
}

/* The meeting in the script m->script_view when it is written in the
 * other (t, `set script`): mt converted, the stored one kept aside. A
 * failure (OpenCC's dictionaries missing, memory) leaves it as stored,
 * and says why. */
static void apply_script(struct hy_model *m)
{
	struct hy_reader *r = &m->reader;
	struct hy_meeting conv;
	if (m->script_view == HY_SCRIPT_STORED || m->script_view == r->own || r->shown)
		return;
	int rc = hy_meeting_to_script(&r->mt, (enum hy_script)m->script_view, &conv);
	if (rc) {
		hy_ui_status(m, 1,
			     rc == HY_ERR_NOMEM ? _("out of memory converting the script")
						: hy_script_error(),
			     NULL);
		return;
	}
	r->stored = r->mt;
	r->mt = conv;
	r->shown = m->script_view;
}

/* t: the other script, or back to the stored text; the same character
 * stays on top, a search's hits are found again. */
static void toggle_script(struct hy_model *m)
{
	struct hy_reader *r = &m->reader;
	size_t block = r->rpos.block, chars = 0, byte = 0;
	if (!r->has_meeting)
		return;
	if (block < r->n_blocks) { /* the top as characters into its block */
		const struct hy_block *b = &r->blocks[block];
		size_t end = r->rpos.line < b->n_lines ? b->lines[r->rpos.line].start : 0;
		for (size_t i = 0; i < end && i < b->len; chars++) {
			uint32_t c;
			i += hy_utf8_decode(b->text + i, b->len - i, &c);
		}
	}
	if (r->shown) {
		hy_meeting_free(&r->mt);
		r->mt = r->stored;
		memset(&r->stored, 0, sizeof r->stored);
		r->shown = HY_SCRIPT_STORED;
		m->script_view = HY_SCRIPT_STORED;
	} else {
		m->script_view = r->own == HY_SCRIPT_TRADITIONAL ? HY_SCRIPT_SIMPLIFIED
								 : HY_SCRIPT_TRADITIONAL;
		m->status[0] = '\0';
		apply_script(m);
		if (!r->shown) {
			m->script_view = HY_SCRIPT_STORED;
			return; /* apply_script said why */
		}
	}
	hy_reader_blocks_free(m);
	if (build_blocks(m) != 0) {
		hy_ui_status(m, 1, _("out of memory laying out the meeting"), NULL);
		return;
	}
	if (block < r->n_blocks) {
		const struct hy_block *b = &r->blocks[block];
		for (size_t k = 0; k < chars && byte < b->len; k++) {
			uint32_t c;
			byte += hy_utf8_decode(b->text + byte, b->len - byte, &c);
		}
	}
	if (hy_reader_remade(m, block, byte) != 0) {
		hy_ui_status(m, 1, _("out of memory laying out the meeting"), NULL);
		return;
	}
	hy_ui_status(
		m, 0,
		r->shown == HY_SCRIPT_SIMPLIFIED ? _("简体 (converted by OpenCC; t: as stored)")
		: r->shown == HY_SCRIPT_TRADITIONAL ? _("繁體 (converted by OpenCC; t: as stored)")
						    : _("as stored"),
		NULL);
}

void hy_model_meeting_sources(struct hy_model *m, size_t n, size_t k, const char *from)
{
	struct hy_reader *r = &m->reader;
	r->n_sources = n;
	r->source_k = k < n ? k : 0;
	if (r->source_k > 0 || n > 1) {
		char msg[256];
		snprintf(msg, sizeof msg, _("source %zu/%zu: %s%s"), r->source_k + 1, n,
			 from ? from : "-",
			 r->source_k == 0 ? _(" (shown first; S: the next)") : "");
		hy_ui_status(m, 0, msg, NULL);
	}
}

/* S: the meeting as its next source, and round to the first. */
static void next_source(struct hy_model *m, struct hy_effects *fx)
{
	struct hy_reader *r = &m->reader;
	if (!r->has_meeting)
		return;
	if (r->n_sources < 2) {
		hy_ui_status(m, 0, _("this meeting has one source (huiyi show ID lists them)"),
			     NULL);
		return;
	}
	size_t k = (r->source_k + 1) % r->n_sources;
	hy_meeting_open(m, r->meeting_id, r->meeting_index, -1, NULL, 0, fx);
	fx->load_source = k;
}

int hy_model_meeting(struct hy_model *m, int64_t id, struct hy_meeting *mt)
{
	struct hy_reader *r = &m->reader;
	hy_reader_free(m);
	r->mt = *mt;
	memset(mt, 0, sizeof *mt);
	r->own = hy_meeting_script(&r->mt);
	r->meeting_id = id;
	r->has_meeting = 1;
	r->steps = r->open.steps;
	hy_screen_show(m, HY_SCREEN_MEETING);
	hy_screen_mark(m, id, r->meeting_index);
	m->status[0] = '\0';
	apply_script(m);
	int rc = build_blocks(m);
	if (rc) {
		hy_ui_status(m, 1, "out of memory laying out the meeting", NULL);
		return rc;
	}
	hy_reader_start(m);
	if (r->open.section >= 0 && r->open.query) {
		/* opened from search results: the hits marked, the section shown */
		if (hy_reader_mark(m, r->open.query, r->open.section))
			return HY_ERR_NOMEM;
	}
	r->open.section = -1;
	hy_reader_sync(m);
	return r->layout_failed ? HY_ERR_NOMEM : 0;
}

/* ------------------------------------------------------------------ */
/* Update                                                                 */

/* A section as copied: its heading, a blank line, its text. */
static void put_section(struct hy_buf *b, const struct hy_section *sc)
{
	char n[16];
	snprintf(n, sizeof n, "%d. ", sc->n);
	hy_buf_put(b, n, strlen(n));
	hy_buf_put(b, sc->heading, strlen(sc->heading));
	hy_buf_put(b, "\n\n", 2);
	hy_buf_put(b, sc->text, strlen(sc->text));
	hy_buf_put(b, "\n", 1);
}

/* y (whole 0): the section the reader is in, its opening before the first
 * (after a search in the meeting: the paragraph of the current match);
 * Y (whole 1): a citation line (title, date, body, source), the opening
 * and every section. Left in m->copy for the main loop to send, or a
 * message when there is nothing or it is too long. */
static void meeting_copy(struct hy_model *m, int whole)
{
	struct hy_reader *r = &m->reader;
	const struct hy_meeting *mt = &r->mt;
	struct hy_buf b = {0};
	if (!r->has_meeting)
		return;
	free(m->copy);
	m->copy = NULL;
	if (whole) {
		char date[32];
		hy_meeting_date_label(mt->date, mt->month_day, (mt->guessed & HY_GUESSED_YEAR) != 0,
				      date, sizeof date);
		const char *parts[] = {mt->title, date, mt->body, r->source};
		for (size_t i = 0, k = 0; i < sizeof parts / sizeof parts[0]; i++)
			if (parts[i] && parts[i][0]) {
				if (k++)
					hy_buf_put(&b, " · ", strlen(" · "));
				hy_buf_put(&b, parts[i], strlen(parts[i]));
			}
		hy_buf_put(&b, "\n\n", 2);
		if (mt->summary) {
			hy_buf_put(&b, mt->summary, strlen(mt->summary));
			hy_buf_put(&b, "\n\n", 2);
		}
		for (size_t i = 0; i < mt->n_sections; i++) {
			if (i)
				hy_buf_put(&b, "\n", 1);
			put_section(&b, &mt->sections[i]);
		}
		snprintf(m->copy_what, sizeof m->copy_what, "%s", _("the meeting"));
	} else if (r->query && r->hit < r->n_hits) {
		const struct hy_block *bl = &r->blocks[r->hits[r->hit].block];
		size_t at = r->hits[r->hit].start, s = at, e = at;
		while (s > 0 && bl->text[s - 1] != '\n')
			s--;
		while (e < bl->len && bl->text[e] != '\n')
			e++;
		hy_buf_put(&b, bl->text + s, e - s);
		hy_buf_put(&b, "\n", 1);
		snprintf(m->copy_what, sizeof m->copy_what, "%s", _("the match's paragraph"));
	} else {
		int sec = hy_model_section(m);
		if (sec >= 1 && (size_t)sec <= mt->n_sections) {
			put_section(&b, &mt->sections[sec - 1]);
			snprintf(m->copy_what, sizeof m->copy_what, "§%d", sec);
		} else if (mt->summary) {
			hy_buf_put(&b, mt->summary, strlen(mt->summary));
			hy_buf_put(&b, "\n", 1);
			snprintf(m->copy_what, sizeof m->copy_what, "%s", _("the opening"));
		}
	}
	if (b.oom) {
		free(b.p);
		hy_model_error(m, _("out of memory"));
		return;
	}
	if (!b.len) {
		snprintf(m->status, sizeof m->status, "%s", _("nothing to copy here"));
		m->status_error = 0;
	} else if (b.len > HY_COPY_MAX) {
		snprintf(m->status, sizeof m->status,
			 _("%s is %zu KB, over the %d KB a terminal takes at once; not copied"),
			 m->copy_what, (b.len + 999) / 1000, HY_COPY_MAX / 1000);
		m->status_error = 1;
		free(b.p);
		return;
	}
	if (b.p)
		b.p[b.len] = '\0';
	m->copy = b.p;
}

static void meeting_action(struct hy_model *m, enum hy_action a, int arg, struct hy_effects *fx)
{
	size_t hgt = hy_model_reader_height(m);
	long half = hgt / 2 ? (long)(hgt / 2) : 1, page = hgt > 1 ? (long)hgt - 1 : 1;
	switch (a) {
	case HY_ACT_DOWN:
		hy_reader_scroll(m, 1);
		break;
	case HY_ACT_UP:
		hy_reader_scroll(m, -1);
		break;
	case HY_ACT_PAGE_DOWN:
		hy_reader_scroll(m, page);
		break;
	case HY_ACT_PAGE_UP:
		hy_reader_scroll(m, -page);
		break;
	case HY_ACT_HALF_DOWN:
		hy_reader_scroll(m, half);
		break;
	case HY_ACT_HALF_UP:
		hy_reader_scroll(m, -half);
		break;
	case HY_ACT_TOP:
		hy_reader_top(m);
		break;
	case HY_ACT_BOTTOM:
		hy_reader_bottom(m);
		break;
	case HY_ACT_NEXT_SECTION:
		hy_reader_next_section(m, 1);
		break;
	case HY_ACT_PREV_SECTION:
		hy_reader_next_section(m, -1);
		break;
	case HY_ACT_SECTION:
		hy_reader_section(m, arg);
		break;
	case HY_ACT_SEARCH:
		hy_prompt_start(m, '/', NULL);
		break;
	case HY_ACT_NEXT_MATCH:
		hy_reader_step(m, 1);
		break;
	case HY_ACT_PREV_MATCH:
		hy_reader_step(m, -1);
		break;
	case HY_ACT_COPY:
	case HY_ACT_COPY_ALL:
		meeting_copy(m, a == HY_ACT_COPY_ALL);
		break;
	case HY_ACT_SCRIPT:
		toggle_script(m);
		break;
	case HY_ACT_SOURCE:
		next_source(m, fx);
		break;
	case HY_ACT_OUTLINE: /* o: the other of what is shown, kept */
		m->outline_off = hy_meeting_outline_shown(m);
		m->outline_auto = 0;
		snprintf(m->status, sizeof m->status, "%s",
			 m->outline_off ? _("outline hidden (o shows it)")
			 : m->w >= 100  ? _("outline shown")
					: _("outline shown (from 100 columns)"));
		m->status_error = 0;
		hy_reader_sync(m);
		break;
	case HY_ACT_PEOPLE:
		if (m->reader.has_meeting)
			hy_attend_open(m, m->reader.meeting_id, fx);
		break;
	case HY_ACT_BACK:
		hy_reader_free(m);
		hy_screen_pop(m);
		m->status[0] = '\0';
		break;
	default:
		break;
	}
}

static void meeting_mouse(struct hy_model *m, const struct hy_event *ev, struct hy_effects *fx)
{
	(void)fx;
	if (ev->mouse == HY_MOUSE_WHEEL_DOWN)
		hy_reader_scroll(m, 3);
	else if (ev->mouse == HY_MOUSE_WHEEL_UP)
		hy_reader_scroll(m, -3);
	else if (ev->mouse == HY_MOUSE_CLICK) {
		struct hy_layout l;
		hy_meeting_layout(m, &l);
		size_t i = hy_rows_at(&l.items, ev->y, ev->x);
		if (i != SIZE_MAX)
			hy_reader_section(m, (int)i + 1);
	}
}

/* Enter on the "/" prompt: search this meeting. */
static void meeting_prompt(struct hy_model *m, int which, struct hy_effects *fx)
{
	(void)fx;
	if (which == '/')
		hy_reader_search(m, m->input);
}

/* On top again: if a meeting opened above this one (the same state: from
 * a career over this meeting's people) showed another, or was closed, this
 * one again, from the top. */
static void meeting_shown(struct hy_model *m, struct hy_effects *fx)
{
	const struct hy_reader *r = &m->reader;
	int64_t id = m->stack_id[m->depth - 1];
	if (id && (!r->has_meeting || r->meeting_id != id))
		hy_meeting_open(m, id, m->stack_sel[m->depth - 1], -1, NULL, 0, fx);
}

static void meeting_resize(struct hy_model *m, int widths, struct hy_effects *fx)
{
	(void)fx;
	if (widths) /* the rule of width.h may have changed: laid out again */
		m->reader.reader_w = 0;
	hy_reader_sync(m);
}

static void meeting_init(struct hy_model *m)
{
	m->reader.open.section = -1;
	m->reader.layout_eager = 64 * 1024;
}

static void meeting_free(struct hy_model *m)
{
	hy_reader_free(m);
	free(m->reader.open.query);
	m->reader.open.query = NULL;
}

/* ------------------------------------------------------------------ */
/* View                                                                   */

static int hit_role(const struct hy_model *m, size_t h)
{
	const struct hy_reader *r = &m->reader;
	return h == r->hit ? HY_ROLE_SELECTED : HY_ROLE_MATCH;
}

/* The first hit that can reach into bytes from `start` of block `block`
 * (hits are sorted by block, then start, and none is longer than
 * r->hit_max bytes). */
static size_t first_hit(const struct hy_model *m, size_t block, size_t start)
{
	const struct hy_reader *r = &m->reader;
	size_t from = start > r->hit_max ? start - r->hit_max : 0, lo = 0, hi = r->n_hits;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct hy_hit *h = &r->hits[mid];
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
	const struct hy_reader *r = &m->reader;
	const struct hy_block *b = &r->blocks[l->block];
	int role = HY_ROLE_NORMAL, tx = x;
	int w = (int)hy_model_reader_width(m);
	int first = l->line == 0;
	if (b->kind == HY_BLOCK_META || b->kind == HY_BLOCK_HEADING) {
		int lw = (int)hy_model_label_width(m);
		if (first && b->label)
			hy_draw_put(g, y, x, b->label,
				    b->kind == HY_BLOCK_HEADING ? HY_ROLE_HEADING : HY_ROLE_LABEL,
				    lw);
		tx = x + lw;
		w -= lw;
		if (b->kind == HY_BLOCK_HEADING)
			role = HY_ROLE_HEADING;
	}
	if (w <= 0 || l->end <= l->start)
		return;
	hy_grid_put(g, y, tx, b->text + l->start, l->end - l->start, role, w);
	for (size_t h = first_hit(m, l->block, l->start); h < r->n_hits; h++) {
		const struct hy_hit *hit = &r->hits[h];
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

static void meeting_view(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx)
{
	const struct hy_reader *r = &m->reader;
	const struct hy_meeting *mt = &r->mt;
	int sec = hy_model_section(m), y;
	char buf[512], left[256];
	struct hy_layout l;
	hy_meeting_layout(m, &l);

	if (l.title.h) {
		hy_grid_fill(g, l.title.y, 0, g->w, HY_ROLE_TITLE);
		snprintf(buf, sizeof buf, " %s", mt->title ? mt->title : _("(no title)"));
		hy_draw_put(g, l.title.y, 0, buf, HY_ROLE_TITLE, g->w);
	}
	if (l.header.h) {
		if (sec > 0)
			snprintf(buf, sizeof buf, " §%d/%zu %s", sec, mt->n_sections,
				 mt->sections[sec - 1].heading);
		else
			/* TRANSLATORS: the bar above the text at the meeting's
			 * opening, before its first agenda section */
			snprintf(buf, sizeof buf,
				 P_(" overview · %zu section", " overview · %zu sections",
				    mt->n_sections),
				 mt->n_sections);
		hy_grid_fill(g, l.header.y, 0, g->w, HY_ROLE_LABEL);
		hy_draw_put(g, l.header.y, 0, buf, HY_ROLE_LABEL, g->w);
	}
	/* the border is one column: "│" is ambiguous, 2 columns where the
	 * terminal draws those wide; then "|" */
	for (y = l.border.y; y < l.border.y + l.border.h; y++)
		hy_draw_put(g, y, l.border.x, hy_width_cp(0x2502) == 1 ? "│" : "|", HY_ROLE_DIM,
			    l.border.w);
	/* the reader scrolls beside the outline, which stays */
	if (l.border.w)
		g->pane_x = l.border.x + l.border.w;
	for (size_t i = l.items.first; (y = hy_rows_y(&l.items, i)) >= 0; i++) {
		int role = (int)i + 1 == sec ? HY_ROLE_SELECTED : HY_ROLE_NORMAL;
		snprintf(buf, sizeof buf, "%2zu %s", i + 1, mt->sections[i].heading);
		hy_draw_col(g, y, l.items.r.x, buf, role, l.items.r.w);
	}
	for (size_t i = 0; i < r->n_win && (int)i < l.body.h; i++)
		reader_line(m, g, l.body.y + (int)i, l.body.x, &r->win[i]);
	char idx[32], total[32];
	hy_draw_thousands(r->meeting_index + 1, idx, sizeof idx);
	hy_draw_thousands(m->list.total, total, sizeof total);
	/* the other script: which, from which */
	const char *conv = r->shown == HY_SCRIPT_SIMPLIFIED    ? " · 繁→简"
			   : r->shown == HY_SCRIPT_TRADITIONAL ? " · 简→繁"
							       : "";
	/* several sources: which one is read */
	char src[48] = "";
	if (r->n_sources > 1)
		snprintf(src, sizeof src, _(" · source %zu/%zu"), r->source_k + 1, r->n_sources);
	if (r->meeting_index == SIZE_MAX) /* not opened from the list (a career) */
		snprintf(left, sizeof left, _(" meeting · §%d/%zu · %d%%%s%s"), sec, mt->n_sections,
			 hy_model_percent(m), conv, src);
	else
		snprintf(left, sizeof left, _(" meeting %s/%s · §%d/%zu · %d%%%s%s"), idx, total,
			 sec, mt->n_sections, hy_model_percent(m), conv, src);
	static const struct hy_hint hint[] = {{HY_ACT_NEXT_SECTION, N_("section")},
					      {HY_ACT_OUTLINE, N_("outline")},
					      {HY_ACT_SEARCH, N_("search")},
					      {HY_ACT_BACK, N_("back")},
					      {HY_ACT_HELP, N_("help")}};
	/* the outline left out because the terminal would write its rows
	 * again with every line scrolled (no left and right margins): the
	 * key that brings it is named */
	int outline_key = m->w >= 100 && m->outline_auto && !hy_meeting_outline_shown(m) &&
			  mt->n_sections > 1;
	struct hy_hint shown[sizeof hint / sizeof hint[0]];
	size_t n_shown = 0;
	for (size_t i = 0; i < sizeof hint / sizeof hint[0]; i++)
		if (hint[i].act != HY_ACT_OUTLINE || outline_key)
			shown[n_shown++] = hint[i];
	char keys[128];
	hy_keymap_hint(HY_SCREEN_MEETING, shown, n_shown, keys, sizeof keys);
	hy_draw_status(m, g, left, keys, cy, cx);
}

const struct hy_screen_ops hy_screen_meeting = {
	.init = meeting_init,
	.free = meeting_free,
	.action = meeting_action,
	.mouse = meeting_mouse,
	.prompt = meeting_prompt,
	.shown = meeting_shown,
	.resize = meeting_resize,
	.sync = hy_reader_sync,
	.view = meeting_view,
};
