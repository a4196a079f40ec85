/* grid.h: the cell grid every screen is drawn into (DESIGN.md §3).
 *
 * Views render the model into a grid; the terminal backend (term.h) diffs
 * it against the previous frame and draws only what changed; tests dump it
 * as text. A wide character occupies a lead cell (width 2) and a padding
 * cell (width 0, empty text) after it, the tmux way. Cells hold what will
 * be drawn: text that reaches a grid has passed through hy_width_*() and
 * contains no control characters (they become placeholders on the way
 * in). Colours are semantic roles; the backend maps them once. */
#ifndef HUIYI_GRID_H
#define HUIYI_GRID_H

#include <stddef.h>
#include <stdint.h>

enum hy_role {
	HY_ROLE_NORMAL = 0,
	HY_ROLE_TITLE,       /* header bar */
	HY_ROLE_STATUS,      /* status line */
	HY_ROLE_SELECTED,    /* the selected row / outline entry */
	HY_ROLE_HEADING,     /* section headings in the reader */
	HY_ROLE_LABEL,       /* metadata labels (日期, 主持 …) */
	HY_ROLE_MATCH,       /* search hits */
	HY_ROLE_DIM,         /* secondary text, borders */
	HY_ROLE_ERROR,       /* errors in the status line */
	HY_ROLE_PLACEHOLDER, /* a control character shown as ^[ or � */
	HY_ROLE_COUNT
};

/* One cell. text: a base character plus its combining marks (UTF-8,
 * NUL-terminated; a cluster longer than the buffer keeps its base only);
 * "" in a padding cell. width: 1 or 2, 0 for padding. */
struct hy_cell {
	char text[24];
	uint8_t width;
	uint8_t role;
};

struct hy_grid {
	int w, h;
	struct hy_cell *cells; /* h rows of w cells */
	/* A hint for the terminal's writer: columns [pane_x, w) may scroll
	 * on their own, the rest staying (the meeting's reader beside its
	 * outline; a terminal with left and right margins scrolls just
	 * them). 0: none. hy_grid_clear sets it to 0. */
	int pane_x;
};

/* Allocate a w×h grid of blank cells. Returns 0, HY_ERR_INVALID (w or
 * h < 1; g is left empty) or HY_ERR_NOMEM. hy_grid_resize keeps nothing:
 * the grid is all blanks afterwards (on failure it is unchanged).
 * hy_grid_free is safe on an empty or freed grid. */
int hy_grid_init(struct hy_grid *g, int w, int h);
int hy_grid_resize(struct hy_grid *g, int w, int h);
void hy_grid_free(struct hy_grid *g);

/* Blank every cell (space, width 1, HY_ROLE_NORMAL). */
void hy_grid_clear(struct hy_grid *g);

/* Fill row y from column x to x + n - 1 (clipped) with blanks of role. A
 * wide character with a half in the range loses its other half too. */
void hy_grid_fill(struct hy_grid *g, int y, int x, int n, int role);

/* Draw s[0..len) at (y, x) in role, using at most maxw columns (maxw < 0:
 * up to the right edge; 0: nothing) and never past the right edge. A wide
 * character (or a placeholder) that does not fit fills the columns left
 * with blanks in role and ends the drawing; callers that want it on the
 * next line wrap beforehand (hy_width_fit). Control characters and
 * anything else hy_width_placeholder() names are drawn as placeholders in
 * HY_ROLE_PLACEHOLDER; invalid UTF-8 as U+FFFD (one per byte
 * hy_utf8_decode rejects, as hy_width_str counts). A TAB is blanks in role
 * up to the next multiple of HY_WIDTH_TAB columns counted from x, the
 * start of the string (width.h). A zero-width code point
 * (combining mark, ZWJ, variation selector) joins the cell drawn before it
 * by this call if its text has room, else it is dropped (also when it
 * comes first, or after a placeholder). Writing over half of a wide
 * character blanks its other half. Returns the columns used, blanks
 * included. Off-grid positions draw nothing. */
int hy_grid_put(struct hy_grid *g, int y, int x, const char *s, size_t len, int role, int maxw);

/* Change the role of cells [x, x + n) on row y (clipped). A wide
 * character with a half in the range changes as a whole. */
void hy_grid_role(struct hy_grid *g, int y, int x, int n, int role);

/* The grid as text: h lines, each the cells' text (padding cells add
 * nothing) with trailing spaces removed, '\n' after each. Returns a new
 * string (free()), or NULL. */
char *hy_grid_dump(const struct hy_grid *g);

#endif
