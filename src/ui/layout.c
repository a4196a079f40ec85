/* layout.c: the geometry the screens share (layout.h): rectangles, items
 * down them, and the tables' shape. */
#include "layout.h"

#include <string.h>

int hy_rect_has(const struct hy_rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

/* Rows of the items' rectangle that show an item (all of them but the
 * empty ones below the last). */
static int rows_used(const struct hy_rows *s)
{
	int per = s->per > 0 ? s->per : 1;
	size_t left = s->n > s->first ? s->n - s->first : 0;
	if (s->r.h <= 0 || left == 0)
		return 0;
	if (left >= (size_t)((s->r.h + per - 1) / per))
		return s->r.h;
	return (int)left * per;
}

size_t hy_rows_page(const struct hy_rows *s)
{
	int per = s->per > 0 ? s->per : 1;
	size_t page = s->r.h > 0 ? (size_t)((s->r.h + per - 1) / per) : 0;
	return page ? page : 1;
}

int hy_rows_y(const struct hy_rows *s, size_t i)
{
	int per = s->per > 0 ? s->per : 1;
	if (i < s->first || i >= s->n || s->r.w <= 0)
		return -1;
	size_t k = i - s->first;
	if (k >= (size_t)((rows_used(s) + per - 1) / per))
		return -1;
	return s->r.y + (int)k * per;
}

size_t hy_rows_at(const struct hy_rows *s, int y, int x)
{
	int per = s->per > 0 ? s->per : 1;
	struct hy_rect used = s->r;
	used.h = rows_used(s);
	if (!hy_rect_has(&used, y, x))
		return SIZE_MAX;
	return s->first + (size_t)((y - s->r.y) / per);
}

struct hy_rect hy_layout_status(int w, int h)
{
	return (struct hy_rect){0, h - 1, w, h > 0};
}

void hy_layout_table(struct hy_layout *l, int w, int h, size_t first, size_t n)
{
	memset(l, 0, sizeof *l);
	l->status = hy_layout_status(w, h);
	l->items.per = 1;
	l->items.first = first;
	l->items.n = n;
	if (h > 3) {
		l->title = (struct hy_rect){0, 0, w, 1};
		l->header = (struct hy_rect){0, 1, w, 1};
		l->items.r = (struct hy_rect){0, 2, w, h - 3};
	} else {
		l->items.r = (struct hy_rect){0, 0, w, h > 1};
	}
}
