/* layout.h: where a screen's parts are, inside src/ui (DESIGN.md §4
 * Layout).
 *
 * Each screen works out its geometry in one function, from the size and
 * its own state (list_layout in screen_list.c, results_layout,
 * hy_meeting_layout, …): the rectangle of each part and which item each row
 * of its items shows. Its view paints where that says, its mouse asks it
 * what is under the pointer, and its keys page by it, so a click selects
 * the item painted on the row clicked, at every size. No row number is
 * written anywhere else. */
#ifndef HUIYI_UI_LAYOUT_H
#define HUIYI_UI_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

struct hy_model;

/* Cells [x, x + w) × [y, y + h); w or h 0: not on screen. */
struct hy_rect {
	int x, y, w, h;
};

/* Items down a rectangle, `per` rows each (a search result takes 2):
 * item `first` on the top row, `n` items in all. The last item's rows may
 * be cut off at the bottom of r. */
struct hy_rows {
	struct hy_rect r;
	int per;
	size_t first, n;
};

/* A screen's parts; the ones a screen does not have stay empty. */
struct hy_layout {
	struct hy_rect title;  /* the top bar */
	struct hy_rect header; /* a table's column header, the meeting's section bar */
	struct hy_rows items;  /* what a click selects: rows, results, the outline */
	struct hy_rect border; /* the meeting: the outline's border */
	struct hy_rect body;   /* the meeting: the reader */
	struct hy_rect status; /* the bottom line */
};

int hy_rect_has(const struct hy_rect *r, int y, int x);

/* Items a page holds, for moving and keeping the selection in sight:
 * those with a row on screen, at least 1. */
size_t hy_rows_page(const struct hy_rows *s);
/* The screen row of item i's first line, or -1 when it is not shown. */
int hy_rows_y(const struct hy_rows *s, size_t i);
/* The item painted at (y, x), or SIZE_MAX for none (a title, a header, a
 * border, the status line, an empty row below the last item). */
size_t hy_rows_at(const struct hy_rows *s, int y, int x);

/* The status line: the bottom row of a w×h screen (none on a screen of
 * no rows). Every screen's layout has it from here, and the status line
 * is painted where it says (hy_draw_status). */
struct hy_rect hy_layout_status(int w, int h);

/* A table's shape (the list, the people, a meeting's people) on a w×h
 * screen, item `first` on top of `n`: with more than 3 rows a title and a
 * column header, then a row per item; on 3 rows or fewer one item row at
 * the top; the status line at the bottom. */
void hy_layout_table(struct hy_layout *l, int w, int h, size_t first, size_t n);

/* The meeting screen's (screen_meeting.c), which the reader (reader.c)
 * also lays its lines out by: the title, the section bar below 100
 * columns, else the outline of the sections and its border; the reader. */
void hy_meeting_layout(const struct hy_model *m, struct hy_layout *l);
/* Whether a meeting's outline stands beside its text (from 100 columns):
 * not hidden with o, and, while it follows the terminal, where the
 * terminal has left and right margins. */
int hy_meeting_outline_shown(const struct hy_model *m);

#endif
