/* grid.c: the cell grid every screen is drawn into (grid.h).
 *
 * Invariants kept by every function here: a cell of width 2 (a lead) is
 * never in the last column and is always followed by a padding cell
 * (width 0, text "", the lead's role); a padding cell always follows a
 * lead. Writing over either half of a wide character blanks the other. */
#include "huiyi/grid.h"

#include "huiyi/err.h"
#include "huiyi/utf8.h"
#include "huiyi/width.h"

#include <stdlib.h>
#include <string.h>

static int valid_role(int role)
{
	return role >= 0 && role < HY_ROLE_COUNT ? role : HY_ROLE_NORMAL;
}

static struct hy_cell *cell_at(const struct hy_grid *g, int y, int x)
{
	return &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
}

static void set_blank(struct hy_cell *c, int role)
{
	c->text[0] = ' ';
	c->text[1] = '\0';
	c->width = 1;
	c->role = (uint8_t)role;
}

/* Column x of row y is about to be overwritten: if it holds half of a wide
 * character, blank the other half (it keeps its role). */
static void break_wide(struct hy_grid *g, int y, int x)
{
	struct hy_cell *c = cell_at(g, y, x);

	if (c->width == 0 && x > 0) {
		struct hy_cell *lead = cell_at(g, y, x - 1);
		set_blank(lead, lead->role);
	} else if (c->width == 2 && x + 1 < g->w) {
		struct hy_cell *pad = cell_at(g, y, x + 1);
		set_blank(pad, pad->role);
	}
}

/* Store one character of width w (1 or 2; the caller checked it fits)
 * whose text is s[0..n), n < sizeof text. */
static void put_cell(struct hy_grid *g, int y, int x, const char *s, size_t n, int w, int role)
{
	struct hy_cell *c;

	break_wide(g, y, x);
	if (w == 2)
		break_wide(g, y, x + 1);
	c = cell_at(g, y, x);
	memcpy(c->text, s, n);
	c->text[n] = '\0';
	c->width = (uint8_t)w;
	c->role = (uint8_t)role;
	if (w == 2) {
		struct hy_cell *pad = cell_at(g, y, x + 1);
		pad->text[0] = '\0';
		pad->width = 0;
		pad->role = (uint8_t)role;
	}
}

int hy_grid_init(struct hy_grid *g, int w, int h)
{
	g->w = g->h = g->pane_x = 0;
	g->cells = NULL;
	if (w < 1 || h < 1)
		return HY_ERR_INVALID;
	if ((size_t)w > (size_t)-1 / sizeof *g->cells / (size_t)h)
		return HY_ERR_NOMEM;
	g->cells = malloc((size_t)w * (size_t)h * sizeof *g->cells);
	if (!g->cells)
		return HY_ERR_NOMEM;
	g->w = w;
	g->h = h;
	hy_grid_clear(g);
	return 0;
}

int hy_grid_resize(struct hy_grid *g, int w, int h)
{
	struct hy_grid n;
	int rc = hy_grid_init(&n, w, h);

	if (rc)
		return rc; /* g is unchanged */
	hy_grid_free(g);
	*g = n;
	return 0;
}

void hy_grid_free(struct hy_grid *g)
{
	if (!g)
		return;
	free(g->cells);
	g->cells = NULL;
	g->w = g->h = 0;
}

void hy_grid_clear(struct hy_grid *g)
{
	size_t n = (size_t)g->w * (size_t)g->h;

	g->pane_x = 0;
	for (size_t i = 0; i < n; i++)
		set_blank(&g->cells[i], HY_ROLE_NORMAL);
}

/* Clip [x, x + n) on row y to the grid. Returns 0 if nothing is left. */
static int clip(const struct hy_grid *g, int y, int *x, int *n)
{
	long lo = *x, hi = (long)*x + *n;

	if (y < 0 || y >= g->h || *n <= 0)
		return 0;
	if (lo < 0)
		lo = 0;
	if (hi > g->w)
		hi = g->w;
	if (lo >= hi)
		return 0;
	*x = (int)lo;
	*n = (int)(hi - lo);
	return 1;
}

void hy_grid_fill(struct hy_grid *g, int y, int x, int n, int role)
{
	if (!clip(g, y, &x, &n))
		return;
	role = valid_role(role);
	break_wide(g, y, x);
	break_wide(g, y, x + n - 1);
	for (int i = x; i < x + n; i++)
		set_blank(cell_at(g, y, i), role);
}

void hy_grid_role(struct hy_grid *g, int y, int x, int n, int role)
{
	if (!clip(g, y, &x, &n))
		return;
	role = valid_role(role);
	/* A wide character takes one role: widen the range to whole ones. */
	if (cell_at(g, y, x)->width == 0 && x > 0) {
		x--;
		n++;
	}
	if (cell_at(g, y, x + n - 1)->width == 2 && x + n < g->w)
		n++;
	for (int i = x; i < x + n; i++)
		cell_at(g, y, i)->role = (uint8_t)role;
}

/* Draw a placeholder (ASCII "^X" or one U+FFFD, from hy_width_placeholder)
 * at column x with room columns left. Returns the columns used, or -1 if
 * it does not fit (a placeholder is never split). */
static int put_placeholder(struct hy_grid *g, int y, int x, int room, const char *ph)
{
	size_t len = strlen(ph);
	int total = 0, col = 0;

	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < len;) {
			uint32_t cp;
			size_t k = hy_utf8_next(ph + i, len - i, &cp, NULL);
			int cw = hy_width_cp(cp);
			if (cw < 1 || cw > 2)
				cw = 1;
			if (pass == 0)
				total += cw;
			else
				put_cell(g, y, x + col, ph + i, k, cw, HY_ROLE_PLACEHOLDER);
			col += pass ? cw : 0;
			i += k;
		}
		if (pass == 0 && total > room)
			return -1;
	}
	return col;
}

int hy_grid_put(struct hy_grid *g, int y, int x, const char *s, size_t len, int role, int maxw)
{
	int room, used = 0, last = -1; /* last: the cell marks join, or -1 */

	if (!g || !g->cells || !s || y < 0 || y >= g->h || x < 0 || x >= g->w || maxw == 0)
		return 0;
	role = valid_role(role);
	room = g->w - x;
	if (maxw > 0 && maxw < room)
		room = maxw;
	for (size_t i = 0; i < len && used < room;) {
		uint32_t cp;
		char ph[8];
		int cw;
		/* hy_utf8_decode, as hy_width_str counts: one U+FFFD per
		 * rejected byte */
		size_t k = hy_utf8_decode(s + i, len - i, &cp);
		const char *txt = s + i;

		i += k;
		if (cp == HY_UTF8_REPLACEMENT && k == 1) {
			txt = "\xef\xbf\xbd"; /* invalid UTF-8 */
			k = 3;
		}
		if (cp == '\t') { /* blanks to the next tab stop */
			int to = (int)hy_width_advance(cp, (size_t)used);
			if (to > room)
				to = room;
			hy_grid_fill(g, y, x + used, to - used, role);
			used = to;
			last = -1;
			continue;
		}
		if (hy_width_placeholder(cp, ph)) {
			int pw = put_placeholder(g, y, x + used, room - used, ph);
			if (pw < 0) {
				hy_grid_fill(g, y, x + used, room - used, role);
				used = room;
				break;
			}
			used += pw;
			last = -1; /* marks never join a placeholder */
			continue;
		}
		cw = hy_width_cp(cp);
		if (cw <= 0) {
			struct hy_cell *c;
			size_t have;
			if (last < 0)
				continue; /* nothing to join: dropped */
			c = cell_at(g, y, last);
			have = strlen(c->text);
			if (have + k < sizeof c->text) {
				memcpy(c->text + have, txt, k);
				c->text[have + k] = '\0';
			}
			continue;
		}
		if (cw > 2)
			cw = 2;
		if (used + cw > room) {
			/* a wide character that does not fit: a blank */
			hy_grid_fill(g, y, x + used, room - used, role);
			used = room;
			break;
		}
		put_cell(g, y, x + used, txt, k, cw, role);
		last = x + used;
		used += cw;
	}
	return used;
}

char *hy_grid_dump(const struct hy_grid *g)
{
	size_t cap = 1, n = 0;
	char *out;

	for (size_t i = 0; i < (size_t)g->w * (size_t)g->h; i++)
		cap += strlen(g->cells[i].text);
	cap += (size_t)g->h;
	out = malloc(cap);
	if (!out)
		return NULL;
	for (int y = 0; y < g->h; y++) {
		size_t start = n;
		for (int x = 0; x < g->w; x++) {
			const char *t = cell_at(g, y, x)->text;
			size_t k = strlen(t);
			memcpy(out + n, t, k);
			n += k;
		}
		while (n > start && out[n - 1] == ' ')
			n--;
		out[n++] = '\n';
	}
	out[n] = '\0';
	return out;
}
