/* test_ambiguous.c: ncursesw follows the ambiguous-width rule of width.h.
 * ncursesw measures the characters it is given with wcwidth(); the one its
 * calls reach must be ours (src/text/width.c), or the screen tears in a
 * terminal that draws “ ” … wide while the layout counted them wide. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "huiyi/width.h"

static SCREEN *scr;

/* The column after drawing s at the start of row y. */
static int after(int y, const wchar_t *s)
{
	wmove(stdscr, y, 0);
	for (; *s; s++) {
		cchar_t cc;
		wchar_t wc[2] = {*s, 0};
		assert_int_equal(setcchar(&cc, wc, A_NORMAL, 0, NULL), OK);
		assert_int_equal(wadd_wch(stdscr, &cc), OK);
	}
	return getcurx(stdscr);
}

static void test_curses(void **state)
{
	(void)state;
	hy_width_set_ambiguous(0);
	assert_int_equal(after(0, L"\u201c"), 1);
	assert_int_equal(after(1, L"\u201c\u4f1a\u201d\u2026"), 5);
	assert_int_equal(after(2, L"\u2502\u00b7\u00a7\ufffd"), 4);
	hy_width_set_ambiguous(1);
	assert_int_equal(after(3, L"\u201c"), 2);
	assert_int_equal(after(4, L"\u201c\u4f1a\u201d\u2026"), 8);
	assert_int_equal(after(5, L"\u2502\u00b7\u00a7\ufffd"), 8);
	assert_int_equal(after(6, L"ab\u4f1a"), 4); /* the rest as ever */
	hy_width_set_ambiguous(0);
	assert_int_equal(after(7, L"\u201c"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_curses),
	};
	FILE *out, *in;
	int rc;

	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8")) {
		printf("skip: no UTF-8 locale (C.UTF-8, en_US.UTF-8)\n");
		return 77;
	}
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	if (!out || !in)
		return 1;
	scr = newterm("xterm-256color", out, in);
	if (!scr) {
		printf("skip: no terminfo entry for xterm-256color\n");
		return 77;
	}
	set_term(scr);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	return rc;
}
