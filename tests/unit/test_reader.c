/* test_reader.c: the meeting reader lays out lazily (model.h, DESIGN.md §4).
 *
 * - Lazy and whole layout give the same lines: every block laid out lazily
 *   (in chunks from restart points) equals hy_wrap_text of its whole text,
 *   for the sample readouts, a long generated paragraph and hostile text,
 *   at many widths.
 * - Opening a meeting with a 1,000,000-character paragraph wraps about a
 *   screen of it, not the paragraph (model.layout_chars counts what was
 *   handed to the line breaker); so does jumping to the section after it.
 * - What the screen shows is right: the first screen, after G, after a
 *   search hit near the end, after a resize (the same character on top). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huiyi/event.h"
#include "huiyi/grid.h"
#include "huiyi/model.h"
#include "huiyi/utf8.h"
#include "huiyi/view.h"
#include "huiyi/wrap.h"

#define GIANT_CHARS 1000000
#define END_MARK "终点标记"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	if (s)
		s[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return s;
}

/* A meeting with a title and the given sections (texts copied). */
static void meeting_of(struct hy_meeting *mt, const char *const *texts, size_t n)
{
	memset(mt, 0, sizeof *mt);
	mt->title = strdup("巨段测试会议");
	mt->sections = calloc(n, sizeof *mt->sections);
	assert_non_null(mt->sections);
	for (size_t i = 0; i < n; i++) {
		char h[32];
		snprintf(h, sizeof h, "第%zu项", i + 1);
		mt->sections[i].n = (int)i + 1;
		mt->sections[i].heading = strdup(h);
		mt->sections[i].text = strdup(texts[i]);
		assert_non_null(mt->sections[i].text);
	}
	mt->n_sections = n;
}

/* A model of w×h with that meeting open; lazy: nothing laid out whole. */
static void open_meeting(struct hy_model *m, int w, int h, const char *const *texts, size_t n,
			 size_t chunk)
{
	struct hy_meeting mt;
	hy_model_init(m, w, h);
	m->reader.layout_eager = 0;
	m->reader.layout_chunk = chunk;
	meeting_of(&mt, texts, n);
	m->reader.meeting_index = 0;
	assert_int_equal(hy_model_meeting(m, 1, &mt), 0);
}

static size_t text_block(const struct hy_model *m, int section)
{
	for (size_t i = 0; i < m->reader.n_blocks; i++)
		if (m->reader.blocks[i].kind == HY_BLOCK_TEXT &&
		    m->reader.blocks[i].section == section)
			return i;
	fail_msg("no text block for section %d", section);
	return 0;
}

/* Block bi laid out lazily to its end equals hy_wrap_text of its text. */
static void check_same_lines(struct hy_model *m, size_t bi, const char *what)
{
	struct hy_wrap w = {0};
	const struct hy_block *b = &m->reader.blocks[bi];
	assert_int_equal(hy_model_lay_out(m, bi, SIZE_MAX), 0);
	assert_true(b->done);
	assert_int_equal(hy_wrap_text(&w, b->text, b->len, hy_model_reader_width(m)), 0);
	if (b->n_lines != w.n)
		fail_msg("%s at width %zu: %zu lines laid out lazily, %zu whole", what,
			 hy_model_reader_width(m), b->n_lines, w.n);
	for (size_t k = 0; k < w.n; k++)
		if (b->lines[k].start != w.lines[k].start || b->lines[k].end != w.lines[k].end)
			fail_msg("%s at width %zu: line %zu is [%zu,%zu) lazily, [%zu,%zu) whole",
				 what, hy_model_reader_width(m), k, b->lines[k].start,
				 b->lines[k].end, w.lines[k].start, w.lines[k].end);
	hy_wrap_free(&w);
}

/* Sentences of the sample readouts, one paragraph, repeated to `chars`
 * characters, with hostile pieces every so often and END_MARK near the end. */
static char *long_paragraph(size_t chars, int hostile)
{
	static const char *const odd[] = {
		"   spaces   and\ttabs\t ",
		"——————————",
		"……………",
		"2024年12月31日",
		"Supercalifragilisticexpialidocious-and-more-letters",
		"“引号”（括号）《书名》",
		"👨‍👩‍👧 e\xcc\x81",
		"３．５亿元",
		"ＡＢＣ全角",
		"\n",
		"。。。。。。，，，，",
	};
	const char *root = getenv("HUIYI_ROOT") ? getenv("HUIYI_ROOT") : ".";
	char path[1024];
	size_t cap = 0, len = 0, n = 0;
	char *src = NULL;
	snprintf(path, sizeof path, "%s/samples/05_qinglan-gas-safety-special.txt", root);
	char *sample = slurp(path, &cap);
	assert_non_null(sample);
	src = malloc(cap + 1);
	assert_non_null(src);
	for (size_t i = 0; i < cap; i++) /* one paragraph: no newlines */
		if (sample[i] != '\n' && sample[i] != '\r')
			src[len++] = sample[i];
	free(sample);
	size_t out_cap = chars * 4 + 4096, used = 0, piece = 0;
	char *out = malloc(out_cap);
	assert_non_null(out);
	while (n < chars) {
		for (size_t i = 0; i < len && n < chars; n++) { /* whole characters */
			do
				out[used++] = src[i++];
			while (i < len && ((unsigned char)src[i] & 0xC0) == 0x80);
		}
		if (hostile) {
			const char *o = odd[piece++ % (sizeof odd / sizeof odd[0])];
			memcpy(out + used, o, strlen(o));
			used += strlen(o);
			n += 8;
		}
	}
	size_t back = used > 3000 ? 3000 : 0; /* END_MARK a little before the end */
	while (back && ((unsigned char)out[used - back] & 0xC0) == 0x80)
		back--;
	memmove(out + used - back + strlen(END_MARK), out + used - back, back);
	memcpy(out + used - back, END_MARK, strlen(END_MARK));
	used += strlen(END_MARK);
	out[used] = '\0';
	free(src);
	return out;
}

/* Latin words, numbers and punctuation (no Han): `chars` characters. */
static char *latin_paragraph(size_t chars)
{
	static const char *const words[] = {
		"the",      "council",
		"reviewed", "2024",
		"budget,",  "(draft)",
		"\"gas\"",  "pipeline-renewal",
		"3.5%",     "safety;",
		"e.g.",     "county's",
		"plan.",    "Supercalifragilisticexpialidociousness",
		"--",       "and",
		"$100",     "Nr.26",
	};
	char *out = malloc(chars + 64);
	size_t used = 0;
	uint32_t r = 12345;
	assert_non_null(out);
	while (used < chars) {
		r = r * 1103515245u + 12345u;
		const char *w = words[(r >> 16) % (sizeof words / sizeof words[0])];
		memcpy(out + used, w, strlen(w));
		used += strlen(w);
		out[used++] = (r >> 8) % 29 == 0 ? '\n' : ' ';
	}
	out[used] = '\0';
	return out;
}

/* Lazy == whole on every sample readout and on long paragraphs, at
 * widths from 1 to 97, with the screen's chunks and with tiny ones. */
static void test_lazy_equals_whole(void **state)
{
	(void)state;
	const char *root = getenv("HUIYI_ROOT") ? getenv("HUIYI_ROOT") : ".";
	char dir[1024], path[2048];
	static const int widths[] = {1, 2, 5, 13, 40, 78, 97};
	snprintf(dir, sizeof dir, "%s/samples", root);
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t files = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t len;
		if (!strstr(e->d_name, ".txt"))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		char *t = slurp(path, &len);
		assert_non_null(t);
		if (!hy_utf8_valid(t, len) || memchr(t, '\r', len)) {
			free(t); /* other encodings: the reader only sees clean text */
			continue;
		}
		files++;
		for (size_t wi = 0; wi < sizeof widths / sizeof widths[0]; wi++) {
			for (size_t chunk = 0; chunk <= 16; chunk += 16) {
				struct hy_model m;
				const char *texts[] = {t};
				open_meeting(&m, widths[wi] + 2, 24, texts, 1, chunk);
				check_same_lines(&m, text_block(&m, 1), e->d_name);
				hy_model_free(&m);
			}
		}
		free(t);
	}
	closedir(d);
	assert_true(files >= 10);
	for (int hostile = 0; hostile <= 1; hostile++) {
		char *t = long_paragraph(200000, hostile);
		for (size_t wi = 0; wi < sizeof widths / sizeof widths[0]; wi++) {
			struct hy_model m;
			const char *texts[] = {t};
			open_meeting(&m, widths[wi] + 2, 24, texts, 1, wi % 2 ? 16 : 0);
			check_same_lines(&m, text_block(&m, 1),
					 hostile ? "hostile paragraph" : "long paragraph");
			hy_model_free(&m);
		}
		free(t);
	}
	/* many short lines: each starts afresh after its '\n' */
	size_t cap = 200000 * 4, used = 0;
	char *lines = malloc(cap);
	assert_non_null(lines);
	for (int i = 0; used + 64 < cap; i++)
		used += (size_t)snprintf(lines + used, cap - used, "%s第%d行。\n",
					 i % 7 ? "" : "  ", i);
	for (size_t wi = 0; wi < sizeof widths / sizeof widths[0]; wi++) {
		struct hy_model m;
		const char *texts[] = {lines};
		open_meeting(&m, widths[wi] + 2, 24, texts, 1, wi % 2 ? 16 : 0);
		if (wi % 2 == 0)
			assert_true(m.reader.layout_chars <=
				    6 * (size_t)(widths[wi] + 2) * 24 + 3 * 4096);
		check_same_lines(&m, text_block(&m, 1), "short lines");
		hy_model_free(&m);
	}
	free(lines);
	char *t = latin_paragraph(200000);
	for (size_t wi = 0; wi < sizeof widths / sizeof widths[0]; wi++) {
		struct hy_model m;
		const char *texts[] = {t};
		open_meeting(&m, widths[wi] + 2, 24, texts, 1, wi % 2 ? 16 : 0);
		/* a screen and a screen ahead, in chunks of at least 4 KiB */
		if (wi % 2 == 0)
			assert_true(m.reader.layout_chars <=
				    6 * (size_t)(widths[wi] + 2) * 24 + 3 * 4096);
		check_same_lines(&m, text_block(&m, 1), "Latin paragraph");
		hy_model_free(&m);
	}
	free(t);
}

static void key(struct hy_model *m, uint32_t k)
{
	struct hy_event ev = {.type = HY_EV_KEY, .key = k};
	struct hy_effects fx;
	hy_model_update(m, &ev, &fx);
}

static void keys(struct hy_model *m, const char *s)
{
	for (size_t i = 0; s[i];) {
		uint32_t c;
		i += hy_utf8_decode(s + i, strlen(s + i), &c);
		key(m, c);
	}
}

static void resize(struct hy_model *m, int w, int h)
{
	struct hy_event ev = {.type = HY_EV_RESIZE, .w = w, .h = h};
	struct hy_effects fx;
	hy_model_update(m, &ev, &fx);
}

/* The lines on screen from row `row0` of the reader are the whole
 * layout's lines from `first` on, and the grid shows their text. */
static void check_screen(struct hy_model *m, size_t row0, size_t first, const struct hy_wrap *w,
			 size_t bi, const char *what)
{
	struct hy_grid g;
	int cy, cx;
	size_t hgt = hy_model_reader_height(m) - row0;
	size_t want = w->n - first < hgt ? w->n - first : hgt;
	assert_true(m->reader.n_win >= row0 + want);
	for (size_t i = 0; i < want; i++) {
		const struct hy_vline *l = &m->reader.win[row0 + i];
		if (l->block != bi || l->start != w->lines[first + i].start ||
		    l->end != w->lines[first + i].end)
			fail_msg("%s: screen line %zu is block %zu [%zu,%zu), want [%zu,%zu)", what,
				 i, l->block, l->start, l->end, w->lines[first + i].start,
				 w->lines[first + i].end);
	}
	assert_int_equal(hy_grid_init(&g, m->w, m->h), 0);
	hy_view_render(m, &g, &cy, &cx);
	char *dump = hy_grid_dump(&g);
	assert_non_null(dump);
	/* each line's text is on screen, on its own row */
	const char *row = dump;
	for (size_t y = 0; y < (size_t)hy_model_reader_y(m) + row0; y++)
		row = strchr(row, '\n') + 1;
	for (size_t i = 0; i < want; i++) {
		const struct hy_wrap_line *l = &w->lines[first + i];
		char *nl = strchr(row, '\n');
		char *text = strndup(m->reader.blocks[bi].text + l->start, l->end - l->start);
		assert_non_null(text);
		*nl = '\0';
		if (!strchr(text, '\t') && !strstr(row, text))
			fail_msg("%s: row %zu is \"%s\", want it to show \"%s\"", what, i, row,
				 text);
		free(text);
		row = nl + 1;
	}
	free(dump);
	hy_grid_free(&g);
}

static size_t giant_lines(struct hy_model *m, const char *t, struct hy_wrap *w)
{
	assert_int_equal(hy_wrap_text(w, t, strlen(t), hy_model_reader_width(m)), 0);
	return w->n;
}

/* The giant paragraph opens after about a screen of wrapping; G, a search
 * hit near the end and a resize show the right lines. */
static void test_giant_paragraph(void **state)
{
	(void)state;
	char *t = long_paragraph(GIANT_CHARS, 0);
	const char *texts[] = {t, "第二项的内容很短。"};
	struct hy_model m;
	struct hy_wrap w = {0};
	size_t screen = 80 * 24;
	hy_model_init(&m, 80, 24); /* the default policy: a giant is lazy */
	struct hy_meeting mt;
	meeting_of(&mt, texts, 2);
	assert_int_equal(hy_model_meeting(&m, 1, &mt), 0);
	size_t bi = text_block(&m, 1);
	print_message("# open: %zu characters wrapped for a %zu-cell screen\n",
		      m.reader.layout_chars, screen);
	assert_true(m.reader.layout_chars <= 6 * screen);
	assert_false(m.reader.blocks[bi].done);
	assert_int_equal(hy_model_percent(&m), 0);

	/* the first screen: the heading, then the paragraph's first lines */
	giant_lines(&m, t, &w);
	assert_int_equal(m.reader.win[0].block, bi - 1); /* §1 heading on top */
	check_screen(&m, 1, 0, &w, bi, "first screen");

	/* paging on costs a screen per page, not the paragraph */
	m.reader.layout_chars = 0;
	for (int i = 0; i < 5; i++)
		key(&m, ' ');
	assert_true(m.reader.layout_chars <= 6 * screen);
	assert_int_equal(m.reader.win[0].block, bi);
	check_screen(&m, 0, m.reader.win[0].line, &w, bi, "after five pages");

	/* the section after it: no need to lay the giant out */
	m.reader.layout_chars = 0;
	key(&m, 'g');
	key(&m, '2');
	assert_int_equal(hy_model_section(&m), 2);
	assert_true(m.reader.layout_chars <= 6 * screen);

	/* G: the last lines (the giant is laid out once: linear, as documented) */
	key(&m, 'G');
	assert_int_equal(hy_model_percent(&m), 100);
	assert_true(m.reader.layout_chars <= 3 * (GIANT_CHARS + 100000));
	assert_true(m.reader.blocks[bi].done);
	assert_int_equal(m.reader.blocks[bi].n_lines, w.n);

	/* a hit near the end of the giant, from the top */
	key(&m, 'g');
	keys(&m, "/" END_MARK);
	key(&m, HY_KEY_ENTER);
	assert_int_equal(m.reader.n_hits, 1);
	assert_string_equal(m.status, "match 1/1");
	size_t line = 0;
	while (line + 1 < w.n && w.lines[line + 1].start <= m.reader.hits[0].start)
		line++;
	int shown = 0;
	for (size_t i = 0; i < m.reader.n_win; i++)
		shown |= m.reader.win[i].block == bi && m.reader.win[i].line == line;
	assert_true(shown);
	check_screen(&m, 0, m.reader.win[0].line, &w, bi, "at the hit");

	/* resize: laid out again around the top character, not from the start */
	size_t byte = m.reader.win[0].start;
	m.reader.layout_chars = 0;
	resize(&m, 60, 20);
	hy_wrap_free(&w);
	giant_lines(&m, t, &w);
	assert_true(m.reader.win[0].start <= byte && m.reader.win[0].next > byte);
	check_screen(&m, 0, m.reader.win[0].line, &w, bi, "after a resize");
	hy_wrap_free(&w);
	hy_model_free(&m);
	free(t);
}

/* Opening at the top after a resize of a fresh giant stays bounded too. */
static void test_giant_resize_at_top(void **state)
{
	(void)state;
	char *t = long_paragraph(GIANT_CHARS, 1);
	const char *texts[] = {t};
	struct hy_model m;
	struct hy_wrap w = {0};
	open_meeting(&m, 120, 40, texts, 1, 0);
	assert_true(m.reader.layout_chars <= 6 * 120 * 40);
	key(&m, 'j');
	key(&m, 'j');
	key(&m, 'j');
	size_t byte = m.reader.win[0].start, bi = m.reader.win[0].block;
	m.reader.layout_chars = 0;
	resize(&m, 50, 16);
	assert_true(m.reader.layout_chars <= 6 * 120 * 40);
	assert_int_equal(m.reader.win[0].block, bi);
	assert_true(m.reader.win[0].start <= byte && m.reader.win[0].next > byte);
	giant_lines(&m, t, &w);
	check_screen(&m, 0, m.reader.win[0].line, &w, bi, "narrow");
	hy_wrap_free(&w);
	hy_model_free(&m);
	free(t);
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lazy_equals_whole),
		cmocka_unit_test(test_giant_paragraph),
		cmocka_unit_test(test_giant_resize_at_top),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
