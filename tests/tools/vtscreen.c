/* vtscreen: what a terminal with left and right margins shows after the
 * bytes on stdin, for tests (tests/e2e/browser_margins.sh).
 *
 *	vtscreen ROWS COLS < BYTES
 *
 * The bytes go through libvterm (a packaged terminal emulator: xterm's
 * sequences, DECSLRM and DECLRMM among them), and each row of its screen
 * is printed as one line: every cell's text, then, after a tab, three
 * letters a cell for how it looks (look()), so two screens compare as
 * text. Wide characters print once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vterm.h>

#include "huiyi/utf8.h"

/* A colour as one letter: its index a-p, '*' for another, '.' for the
 * terminal's own. */
static char colour(const VTermColor *c, int fg)
{
	if (fg ? VTERM_COLOR_IS_DEFAULT_FG(c) : VTERM_COLOR_IS_DEFAULT_BG(c))
		return '.';
	if (VTERM_COLOR_IS_INDEXED(c))
		return (char)('a' + c->indexed.idx % 16);
	return '*';
}

/* How a cell looks, in three letters: foreground, background, and '!'
 * bold, '#' reverse, '_' underline, '.' none of them. A blank shows only
 * its background, reverse and underline: the colour and weight of a
 * character it does not have are not seen (terminals differ on what an
 * erase leaves there). */
static void look(const VTermScreenCell *c, char out[3])
{
	int blank = !c->chars[0] || (c->chars[0] == ' ' && !c->chars[1]);

	out[0] = blank ? '.' : colour(&c->fg, 1);
	out[1] = colour(&c->bg, 0);
	out[2] = c->attrs.reverse          ? '#'
		 : c->attrs.underline      ? '_'
		 : c->attrs.bold && !blank ? '!'
					   : '.';
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: vtscreen ROWS COLS < BYTES\n", stderr);
		return 2;
	}
	int rows = atoi(argv[1]), cols = atoi(argv[2]);
	if (rows < 1 || cols < 1 || rows > 1000 || cols > 1000) {
		fputs("vtscreen: ROWS and COLS from 1 to 1000\n", stderr);
		return 2;
	}
	VTerm *vt = vterm_new(rows, cols);
	if (!vt)
		return 1;
	vterm_set_utf8(vt, 1);
	VTermScreen *scr = vterm_obtain_screen(vt);
	vterm_screen_enable_altscreen(scr, 1);
	vterm_screen_reset(scr, 1);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
		vterm_input_write(vt, buf, n);
	char *text = malloc((size_t)cols * 4 * VTERM_MAX_CHARS_PER_CELL + 1);
	char *looks = malloc((size_t)cols * 3 + 1);
	if (!text || !looks)
		return 1;
	for (int r = 0; r < rows; r++) {
		size_t t = 0, k = 0;
		for (int c = 0; c < cols;) {
			VTermScreenCell cell;
			VTermPos pos = {.row = r, .col = c};
			vterm_screen_get_cell(scr, pos, &cell);
			if (!cell.chars[0]) {
				text[t++] = ' ';
			} else {
				for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; i++)
					t += hy_utf8_encode(cell.chars[i], text + t);
			}
			look(&cell, looks + k);
			k += 3;
			c += cell.width > 0 ? cell.width : 1;
		}
		text[t] = '\0';
		looks[k] = '\0';
		printf("%s\t%s\n", text, looks);
	}
	free(text);
	free(looks);
	vterm_free(vt);
	return 0;
}
