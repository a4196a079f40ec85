/* test_grid.c: the cell grid (grid.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <locale.h>

#include "huiyi/err.h"
#include "huiyi/grid.h"
#include "huiyi/utf8.h"

/* Every grid must keep these: a lead (width 2) is never in the last column
 * and is followed by a padding cell of its role; a padding cell (width 0,
 * "") follows a lead; other cells are width 1 with text. */
static void check_invariants(const struct hy_grid *g)
{
	for (int y = 0; y < g->h; y++) {
		for (int x = 0; x < g->w; x++) {
			const struct hy_cell *c = &g->cells[y * g->w + x];
			assert_true(c->role < HY_ROLE_COUNT);
			assert_non_null(memchr(c->text, '\0', sizeof c->text));
			if (c->width == 2) {
				assert_true(x + 1 < g->w);
				assert_int_equal(c[1].width, 0);
				assert_int_equal(c[1].role, c->role);
				assert_true(c->text[0] != '\0');
			} else if (c->width == 0) {
				assert_true(x > 0);
				assert_int_equal(c[-1].width, 2);
				assert_string_equal(c->text, "");
			} else {
				assert_int_equal(c->width, 1);
				assert_true(c->text[0] != '\0');
			}
			for (const char *p = c->text; *p; p++) {
				unsigned char b = (unsigned char)*p;
				assert_false(b < 0x20 || b == 0x7f);
			}
		}
	}
}

static const struct hy_cell *at(const struct hy_grid *g, int y, int x)
{
	return &g->cells[y * g->w + x];
}

/* The dump of g equals want; checks the invariants too. */
static void expect_dump(const struct hy_grid *g, const char *want)
{
	char *d = hy_grid_dump(g);

	check_invariants(g);
	assert_non_null(d);
	assert_string_equal(d, want);
	free(d);
}

static int put(struct hy_grid *g, int y, int x, const char *s, int role, int maxw)
{
	int n = hy_grid_put(g, y, x, s, strlen(s), role, maxw);

	check_invariants(g);
	return n;
}

static void test_init_and_clear(void **state)
{
	struct hy_grid g;

	(void)state;
	assert_int_equal(hy_grid_init(&g, 0, 3), HY_ERR_INVALID);
	assert_null(g.cells);
	assert_int_equal(hy_grid_init(&g, 3, -1), HY_ERR_INVALID);
	hy_grid_free(&g); /* safe on an empty grid */
	assert_int_equal(hy_grid_init(&g, 4, 2), 0);
	assert_int_equal(g.w, 4);
	assert_int_equal(g.h, 2);
	for (int i = 0; i < 8; i++) {
		assert_string_equal(g.cells[i].text, " ");
		assert_int_equal(g.cells[i].width, 1);
		assert_int_equal(g.cells[i].role, HY_ROLE_NORMAL);
	}
	expect_dump(&g, "\n\n");
	put(&g, 0, 0, "ab", HY_ROLE_TITLE, -1);
	hy_grid_clear(&g);
	assert_int_equal(at(&g, 0, 0)->role, HY_ROLE_NORMAL);
	expect_dump(&g, "\n\n");
	hy_grid_free(&g);
	assert_null(g.cells);
	hy_grid_free(&g);
	hy_grid_free(NULL);
}

static void test_ascii(void **state)
{
	struct hy_grid g;

	(void)state;
	assert_int_equal(hy_grid_init(&g, 10, 3), 0);
	assert_int_equal(put(&g, 0, 0, "hello", HY_ROLE_HEADING, -1), 5);
	assert_int_equal(put(&g, 1, 3, "a b", HY_ROLE_NORMAL, -1), 3);
	expect_dump(&g, "hello\n   a b\n\n");
	assert_string_equal(at(&g, 0, 0)->text, "h");
	assert_int_equal(at(&g, 0, 4)->role, HY_ROLE_HEADING);
	assert_int_equal(at(&g, 0, 5)->role, HY_ROLE_NORMAL);
	/* len is honoured, NUL bytes and all */
	assert_int_equal(hy_grid_put(&g, 2, 0, "xyz", 2, 0, -1), 2);
	expect_dump(&g, "hello\n   a b\nxy\n");
	/* a role out of range is drawn as normal */
	put(&g, 2, 0, "q", 99, -1);
	assert_int_equal(at(&g, 2, 0)->role, HY_ROLE_NORMAL);
	put(&g, 2, 1, "r", -1, -1);
	assert_int_equal(at(&g, 2, 1)->role, HY_ROLE_NORMAL);
	hy_grid_free(&g);
}

static void test_cjk_columns(void **state)
{
	struct hy_grid g;

	(void)state;
	assert_int_equal(hy_grid_init(&g, 10, 2), 0);
	/* even column */
	assert_int_equal(put(&g, 0, 0, "会议", HY_ROLE_SELECTED, -1), 4);
	assert_string_equal(at(&g, 0, 0)->text, "会");
	assert_int_equal(at(&g, 0, 0)->width, 2);
	assert_string_equal(at(&g, 0, 1)->text, "");
	assert_int_equal(at(&g, 0, 1)->width, 0);
	assert_int_equal(at(&g, 0, 1)->role, HY_ROLE_SELECTED);
	assert_string_equal(at(&g, 0, 2)->text, "议");
	assert_string_equal(at(&g, 0, 4)->text, " ");
	/* odd column, mixed with Latin */
	assert_int_equal(put(&g, 1, 1, "第26次会", 0, -1), 8);
	assert_string_equal(at(&g, 1, 1)->text, "第");
	assert_string_equal(at(&g, 1, 3)->text, "2");
	assert_string_equal(at(&g, 1, 5)->text, "次");
	assert_int_equal(at(&g, 1, 6)->width, 0);
	assert_string_equal(at(&g, 1, 7)->text, "会");
	expect_dump(&g, "会议\n 第26次会\n");
	hy_grid_free(&g);
}

static void test_clip_right_edge(void **state)
{
	struct hy_grid g;

	(void)state;
	assert_int_equal(hy_grid_init(&g, 5, 4), 0);
	assert_int_equal(put(&g, 0, 0, "abcdefgh", 0, -1), 5);
	/* a wide character at the last column: a blank, nothing moves */
	assert_int_equal(put(&g, 1, 0, "会议室", HY_ROLE_TITLE, -1), 5);
	assert_string_equal(at(&g, 1, 4)->text, " ");
	assert_int_equal(at(&g, 1, 4)->width, 1);
	assert_int_equal(at(&g, 1, 4)->role, HY_ROLE_TITLE);
	/* odd start: it fits exactly */
	assert_int_equal(put(&g, 2, 1, "会议室", 0, -1), 4);
	assert_int_equal(put(&g, 3, 0, "abcd会", 0, -1), 5);
	expect_dump(&g, "abcde\n会议\n 会议\nabcd\n");
	/* a blank drawn for a wide character clears a wide one under it */
	assert_int_equal(put(&g, 2, 0, "abc会", 0, -1), 5);
	expect_dump(&g, "abcde\n会议\nabc会\nabcd\n");
	hy_grid_free(&g);
}

static void test_maxw(void **state)
{
	struct hy_grid g;

	(void)state;
	assert_int_equal(hy_grid_init(&g, 10, 4), 0);
	hy_grid_fill(&g, 0, 0, 10, HY_ROLE_DIM);
	assert_int_equal(put(&g, 0, 0, "会议室", HY_ROLE_SELECTED, 3), 3);
	assert_string_equal(at(&g, 0, 0)->text, "会");
	assert_string_equal(at(&g, 0, 2)->text, " ");
	assert_int_equal(at(&g, 0, 2)->role, HY_ROLE_SELECTED);
	assert_int_equal(at(&g, 0, 3)->role, HY_ROLE_DIM); /* untouched */
	assert_int_equal(put(&g, 1, 0, "会议室", 0, 4), 4);
	assert_int_equal(put(&g, 2, 2, "abcdef", 0, 3), 3);
	assert_int_equal(put(&g, 3, 0, "abc", 0, 0), 0); /* maxw 0 */
	/* maxw beyond the edge is cut at the edge */
	assert_int_equal(put(&g, 3, 7, "abcdef", 0, 100), 3);
	expect_dump(&g, "会\n会议\n  abc\n       abc\n");
	/* an empty string draws nothing */
	assert_int_equal(put(&g, 3, 0, "", 0, -1), 0);
	hy_grid_free(&g);
}

static void test_overwrite_halves(void **state)
{
	struct hy_grid g;

	(void)state;
	assert_int_equal(hy_grid_init(&g, 8, 6), 0);
	for (int y = 0; y < 6; y++)
		put(&g, y, 0, "会议室", HY_ROLE_HEADING, -1);
	/* over a padding cell: the lead before it is blanked */
	put(&g, 0, 1, "x", 0, -1);
	assert_string_equal(at(&g, 0, 0)->text, " ");
	assert_int_equal(at(&g, 0, 0)->width, 1);
	assert_int_equal(at(&g, 0, 0)->role, HY_ROLE_HEADING);
	/* over a lead: the padding after it is blanked */
	put(&g, 1, 2, "y", 0, -1);
	assert_string_equal(at(&g, 1, 3)->text, " ");
	/* a wide character straddling two: both lose their other half */
	put(&g, 2, 1, "中", 0, -1);
	/* a wide one over the padding of one and the lead of the next */
	put(&g, 3, 3, "中", 0, -1);
	/* fill and role over half of one */
	hy_grid_fill(&g, 4, 3, 1, HY_ROLE_NORMAL);
	hy_grid_role(&g, 5, 1, 1, HY_ROLE_MATCH);
	assert_int_equal(at(&g, 5, 0)->role, HY_ROLE_MATCH);
	assert_int_equal(at(&g, 5, 1)->role, HY_ROLE_MATCH);
	assert_int_equal(at(&g, 5, 2)->role, HY_ROLE_HEADING);
	hy_grid_role(&g, 5, 4, 1, HY_ROLE_DIM); /* a lead: its padding too */
	assert_int_equal(at(&g, 5, 5)->role, HY_ROLE_DIM);
	assert_int_equal(at(&g, 5, 3)->role, HY_ROLE_HEADING);
	expect_dump(&g, " x议室\n会y 室\n 中 室\n会 中\n会  室\n会议室\n");
	hy_grid_free(&g);
}

static void test_combining(void **state)
{
	struct hy_grid g;
	char many[64] = "a", want[128];

	(void)state;
	assert_int_equal(hy_grid_init(&g, 6, 5), 0);
	/* e + COMBINING ACUTE ACCENT: one cell */
	assert_int_equal(put(&g, 0, 0, "e\xcc\x81x", 0, -1), 2);
	assert_string_equal(at(&g, 0, 0)->text, "e\xcc\x81");
	assert_string_equal(at(&g, 0, 1)->text, "x");
	/* a mark after a wide character joins its lead cell */
	assert_int_equal(put(&g, 1, 0, "会\xcc\x81", 0, -1), 2);
	assert_string_equal(at(&g, 1, 0)->text, "会\xcc\x81");
	/* a mark with nothing before it in this call is dropped */
	assert_int_equal(put(&g, 2, 0, "\xcc\x81y", 0, -1), 1);
	assert_string_equal(at(&g, 2, 0)->text, "y");
	/* too many marks: those that do not fit the cell are dropped */
	for (int i = 0; i < 15; i++)
		strcat(many, "\xcc\x81");
	assert_int_equal(put(&g, 3, 0, many, 0, -1), 1);
	assert_int_equal(strlen(at(&g, 3, 0)->text), 23);
	assert_memory_equal(at(&g, 3, 0)->text, many, 23);
	/* a mark after a cut-off character is not drawn anywhere */
	assert_int_equal(put(&g, 4, 0, "abcdef\xcc\x81", 0, 6), 6);
	assert_string_equal(at(&g, 4, 5)->text, "f");
	assert_int_equal(put(&g, 4, 0, "abcdefg\xcc\x81", 0, 6), 6);
	assert_string_equal(at(&g, 4, 5)->text, "f");
	snprintf(want, sizeof want, "e\xcc\x81x\n会\xcc\x81\ny\n%.23s\nabcdef\n", many);
	expect_dump(&g, want);
	hy_grid_free(&g);
}

static void test_emoji_zwj(void **state)
{
	struct hy_grid g;
	/* MAN ZWJ WOMAN ZWJ GIRL: three wide cells, each ZWJ with the cell
	 * before it (the terminal is free to join them; widths are counted
	 * the wcwidth way, as ncursesw does) */
	const char *fam = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9"
			  "\xe2\x80\x8d\xf0\x9f\x91\xa7";

	(void)state;
	assert_int_equal(hy_grid_init(&g, 8, 1), 0);
	assert_int_equal(put(&g, 0, 0, fam, 0, -1), 6);
	assert_string_equal(at(&g, 0, 0)->text, "\xf0\x9f\x91\xa8\xe2\x80\x8d");
	assert_int_equal(at(&g, 0, 0)->width, 2);
	assert_string_equal(at(&g, 0, 2)->text, "\xf0\x9f\x91\xa9\xe2\x80\x8d");
	assert_string_equal(at(&g, 0, 4)->text, "\xf0\x9f\x91\xa7");
	assert_string_equal(at(&g, 0, 6)->text, " ");
	/* cut after the first: its ZWJ stays with it, nothing else shows */
	assert_int_equal(put(&g, 0, 0, fam, 0, 3), 3);
	assert_string_equal(at(&g, 0, 2)->text, " ");
	hy_grid_free(&g);
}

static void test_placeholders(void **state)
{
	struct hy_grid g;

	(void)state;
	assert_int_equal(hy_grid_init(&g, 12, 6), 0);
	/* ESC and BEL: ^[ and ^G, two cells each, in the placeholder role */
	assert_int_equal(put(&g, 0, 0, "a\x1b[31mb\a", HY_ROLE_HEADING, -1), 10);
	assert_string_equal(at(&g, 0, 1)->text, "^");
	assert_string_equal(at(&g, 0, 2)->text, "[");
	assert_int_equal(at(&g, 0, 1)->role, HY_ROLE_PLACEHOLDER);
	assert_int_equal(at(&g, 0, 2)->role, HY_ROLE_PLACEHOLDER);
	assert_int_equal(at(&g, 0, 3)->role, HY_ROLE_HEADING);
	assert_int_equal(at(&g, 0, 8)->role, HY_ROLE_PLACEHOLDER);
	/* C1 CSI (U+009B), RIGHT-TO-LEFT OVERRIDE (U+202E), DEL */
	assert_int_equal(put(&g, 1, 0,
			     "x\xc2\x9b"
			     "1m\xe2\x80\xaey\x7f",
			     0, -1),
			 8);
	assert_string_equal(at(&g, 1, 1)->text, "\xef\xbf\xbd");
	assert_int_equal(at(&g, 1, 1)->role, HY_ROLE_PLACEHOLDER);
	assert_string_equal(at(&g, 1, 4)->text, "\xef\xbf\xbd");
	assert_int_equal(at(&g, 1, 4)->role, HY_ROLE_PLACEHOLDER);
	/* LF and NUL are controls too; TAB is blanks to the next stop */
	assert_int_equal(hy_grid_put(&g, 2, 0, "\t\n\0", 3, 0, -1), 8);
	/* a placeholder is not split: a blank instead, and nothing after */
	assert_int_equal(put(&g, 3, 0, "abcdefghijk\x1bz", 0, -1), 12);
	assert_string_equal(at(&g, 3, 11)->text, " ");
	assert_int_equal(at(&g, 3, 11)->role, HY_ROLE_NORMAL);
	/* a combining mark after a placeholder does not join it */
	assert_int_equal(put(&g, 4, 0, "\x1b\xcc\x81q", 0, -1), 3);
	assert_string_equal(at(&g, 4, 1)->text, "[");
	/* invalid UTF-8: U+FFFD, one per rejected byte (as hy_width_str) */
	assert_int_equal(put(&g, 5, 0, "a\xff\xe4\xb8z", 0, -1), 5);
	assert_string_equal(at(&g, 5, 1)->text, "\xef\xbf\xbd");
	assert_string_equal(at(&g, 5, 3)->text, "\xef\xbf\xbd");
	assert_int_equal(at(&g, 5, 3)->role, HY_ROLE_NORMAL);
	expect_dump(&g, "a^[[31mb^G\n"
			"x\xef\xbf\xbd"
			"1m\xef\xbf\xbdy^?\n"
			"    ^J^@\n"
			"abcdefghijk\n"
			"^[q\n"
			"a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz\n");
	hy_grid_free(&g);
}

static void test_tab(void **state)
{
	struct hy_grid g;

	(void)state;
	assert_int_equal(hy_grid_init(&g, 12, 3), 0);
	put(&g, 0, 0, "xxxxxxxxxxxx", 0, -1);
	/* stops every HY_WIDTH_TAB columns, counted from x */
	assert_int_equal(put(&g, 0, 3, "a\tb", HY_ROLE_MATCH, -1), 5);
	assert_int_equal(at(&g, 0, 5)->role, HY_ROLE_MATCH);
	assert_string_equal(at(&g, 0, 5)->text, " ");
	assert_int_equal(put(&g, 1, 0, "abcd\t会", 0, -1), 10);
	/* cut at maxw and at the edge */
	assert_int_equal(put(&g, 2, 9, "\tq", 0, -1), 3);
	expect_dump(&g, "xxxa   bxxxx\nabcd    会\n\n");
	assert_int_equal(put(&g, 2, 0, "ab\tq", 0, 3), 3);
	assert_string_equal(at(&g, 2, 2)->text, " ");
	hy_grid_free(&g);
}

static void test_dump_format(void **state)
{
	struct hy_grid g;
	char *d;

	(void)state;
	assert_int_equal(hy_grid_init(&g, 6, 3), 0);
	put(&g, 0, 1, "a  b", 0, -1); /* inner spaces stay */
	put(&g, 2, 0, "会 ", 0, -1);  /* trailing ones go */
	d = hy_grid_dump(&g);
	assert_non_null(d);
	assert_string_equal(d, " a  b\n\n会\n");
	free(d);
	/* a full row keeps everything */
	put(&g, 1, 0, "xxxxxy", 0, -1);
	expect_dump(&g, " a  b\nxxxxxy\n会\n");
	hy_grid_free(&g);
}

static void test_resize(void **state)
{
	struct hy_grid g;

	(void)state;
	assert_int_equal(hy_grid_init(&g, 4, 2), 0);
	put(&g, 0, 0, "abcd", HY_ROLE_TITLE, -1);
	assert_int_equal(hy_grid_resize(&g, 7, 3), 0);
	assert_int_equal(g.w, 7);
	assert_int_equal(g.h, 3);
	expect_dump(&g, "\n\n\n");
	assert_int_equal(at(&g, 0, 0)->role, HY_ROLE_NORMAL);
	put(&g, 2, 5, "会", 0, -1);
	assert_int_equal(hy_grid_resize(&g, 0, 3), HY_ERR_INVALID);
	assert_int_equal(g.w, 7); /* unchanged on failure */
	expect_dump(&g, "\n\n     会\n");
	assert_int_equal(hy_grid_resize(&g, 1, 1), 0);
	assert_int_equal(put(&g, 0, 0, "会", 0, -1), 1); /* 1 column: blank */
	expect_dump(&g, "\n");
	hy_grid_free(&g);
}

static void test_off_grid(void **state)
{
	struct hy_grid g;

	(void)state;
	assert_int_equal(hy_grid_init(&g, 4, 2), 0);
	put(&g, 0, 0, "abcd", 0, -1);
	assert_int_equal(put(&g, -1, 0, "x", 0, -1), 0);
	assert_int_equal(put(&g, 2, 0, "x", 0, -1), 0);
	assert_int_equal(put(&g, 0, -1, "x", 0, -1), 0);
	assert_int_equal(put(&g, 0, 4, "x", 0, -1), 0);
	assert_int_equal(put(&g, 1, 1000000, "x", 0, -1), 0);
	assert_int_equal(hy_grid_put(&g, 0, 0, NULL, 3, 0, -1), 0);
	hy_grid_fill(&g, -1, 0, 4, HY_ROLE_DIM);
	hy_grid_fill(&g, 2, 0, 4, HY_ROLE_DIM);
	hy_grid_fill(&g, 0, 4, 4, HY_ROLE_DIM);
	hy_grid_fill(&g, 0, 0, 0, HY_ROLE_DIM);
	hy_grid_fill(&g, 0, 0, -3, HY_ROLE_DIM);
	hy_grid_role(&g, 5, 0, 4, HY_ROLE_DIM);
	hy_grid_role(&g, 0, -10, 5, HY_ROLE_DIM);
	expect_dump(&g, "abcd\n\n");
	for (int x = 0; x < 4; x++)
		assert_int_equal(at(&g, 0, x)->role, HY_ROLE_NORMAL);
	/* clipped on the left: columns 0-1 */
	hy_grid_fill(&g, 0, -2, 4, HY_ROLE_DIM);
	hy_grid_role(&g, 1, 2, 1000, HY_ROLE_MATCH);
	expect_dump(&g, "  cd\n\n");
	assert_int_equal(at(&g, 0, 1)->role, HY_ROLE_DIM);
	assert_int_equal(at(&g, 0, 2)->role, HY_ROLE_NORMAL);
	assert_int_equal(at(&g, 1, 1)->role, HY_ROLE_NORMAL);
	assert_int_equal(at(&g, 1, 3)->role, HY_ROLE_MATCH);
	hy_grid_free(&g);
}

/* Random writes of awkward text keep the invariants. */
static void test_random_writes(void **state)
{
	static const char *bits[] = {
		"a",
		"会",
		"议",
		"\xcc\x81",
		"\x1b",
		"\xe2\x80\x8d",
		"\xf0\x9f\x98\x80",
		"\xff",
		" ",
		"\xe2\x80\xae",
		"\xc2\x9b",
		"\xef\xbc\x8c",
		"\xe4\xb8",
		"é",
		"\t",
	};
	struct hy_grid g;
	unsigned seed = 12345;

	(void)state;
	assert_int_equal(hy_grid_init(&g, 9, 3), 0);
	for (int round = 0; round < 4000; round++) {
		char s[64] = "";
		int n, y, x, op;

		seed = seed * 1103515245u + 12345u;
		n = (int)(seed >> 16) % 6;
		for (int i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			strcat(s, bits[(seed >> 16) % (sizeof bits / sizeof *bits)]);
		}
		seed = seed * 1103515245u + 12345u;
		y = (int)((seed >> 16) % 4) - 0;
		x = (int)((seed >> 8) % 12) - 1;
		op = (int)((seed >> 20) % 5);
		if (op == 0)
			hy_grid_fill(&g, y, x, (int)(seed % 4), 1);
		else if (op == 1)
			hy_grid_role(&g, y, x, (int)(seed % 4), 2);
		else
			hy_grid_put(&g, y, x, s, strlen(s), 3, (int)(seed % 7) - 1);
		check_invariants(&g);
	}
	hy_grid_free(&g);
}

/* What the terminal backend would be handed: every cell's text is valid
 * UTF-8 without a control (C0, DEL, C1) or a bidi control, whatever was
 * put: each code point 0 to U+10FFFF (and the surrogates, as the bytes
 * CESU-8 would give them) between two letters, and every single byte. */
static void assert_cells_safe(const struct hy_grid *g, uint32_t what)
{
	for (int i = 0; i < g->w * g->h; i++) {
		const char *t = g->cells[i].text;
		size_t len = strlen(t);

		for (size_t k = 0; k < len;) {
			uint32_t cp;
			int bad = 0;
			k += hy_utf8_next(t + k, len - k, &cp, &bad);
			if (bad || cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
			    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
			    cp == 0x200e || cp == 0x200f || cp == 0x61c)
				fail_msg("putting U+%04X: cell %d holds U+%04X%s", (unsigned)what,
					 i, (unsigned)cp, bad ? " (invalid UTF-8)" : "");
		}
	}
}

static void test_every_code_point(void **state)
{
	struct hy_grid g;

	(void)state;
	assert_int_equal(hy_grid_init(&g, 8, 1), 0);
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		char s[8] = "a";
		size_t n = 1;

		if (cp >= 0xD800 && cp <= 0xDFFF) { /* not UTF-8: bytes */
			s[n++] = (char)(0xE0 | (cp >> 12));
			s[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			s[n++] = (char)(0x80 | (cp & 0x3F));
		} else {
			n += hy_utf8_encode(cp, s + n);
		}
		s[n++] = 'b';
		hy_grid_clear(&g);
		hy_grid_put(&g, 0, 0, s, n, HY_ROLE_NORMAL, -1);
		assert_cells_safe(&g, cp);
	}
	for (unsigned b = 0; b < 256; b++) {
		char s[3] = {'a', (char)b, 'b'};
		hy_grid_clear(&g);
		hy_grid_put(&g, 0, 0, s, 3, HY_ROLE_NORMAL, -1);
		assert_cells_safe(&g, b);
	}
	hy_grid_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_and_clear),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_cjk_columns),
		cmocka_unit_test(test_clip_right_edge),
		cmocka_unit_test(test_maxw),
		cmocka_unit_test(test_overwrite_halves),
		cmocka_unit_test(test_combining),
		cmocka_unit_test(test_emoji_zwj),
		cmocka_unit_test(test_placeholders),
		cmocka_unit_test(test_tab),
		cmocka_unit_test(test_dump_format),
		cmocka_unit_test(test_resize),
		cmocka_unit_test(test_off_grid),
		cmocka_unit_test(test_random_writes),
		cmocka_unit_test(test_every_code_point),
	};

	/* widths are wcwidth() under a UTF-8 locale (width.h) */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
