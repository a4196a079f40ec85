/* term.h: the only code that touches curses (DESIGN.md §3).
 *
 * Draws a grid (grid.h): it keeps the previous frame and writes only the
 * cells that changed, then one refresh. Reads keys, the mouse wheel and
 * clicks, and resizes as events (event.h). Colour roles are mapped to
 * colours once here; with NO_COLOR set (to anything non-empty) or a
 * terminal without colours, roles become attributes only (reverse video
 * for the selection, bold for headings, underline for matches). Handles
 * SIGWINCH (a HY_EV_RESIZE event, bursts collapsed into one), SIGTSTP /
 * Ctrl-Z (the terminal is restored, the process stops; on SIGCONT the
 * screen comes back and a HY_EV_REDRAW event follows), SIGTERM, SIGHUP
 * and SIGINT (a HY_EV_QUIT event). The terminal is restored on
 * hy_term_close, also after those signals. Nothing the grid holds can
 * become a control sequence: cells hold printable text only (grid.h), and
 * the backend checks again before drawing. */
#ifndef HUIYI_TERM_H
#define HUIYI_TERM_H

#include <stddef.h>

#include "huiyi/event.h"
#include "huiyi/grid.h"

struct hy_term;

/* Take over the terminal on stdin/stdout. Fails with a one-line reason
 * (HY_ERR_INVALID) when stdout is not a terminal, TERM is unset, unknown
 * or "dumb". The caller has checked the locale. */
int hy_term_open(struct hy_term **out, char *err, size_t errlen);

/* Give the terminal back as it was. Safe on NULL. */
void hy_term_close(struct hy_term *t);

/* Current size in columns and lines. */
void hy_term_size(struct hy_term *t, int *w, int *h);

/* Draw g (its size must be the terminal's, else it is clipped), changed
 * cells only, and place the cursor at (cy, cx), or hide it if cy < 0.
 * force: redraw every cell (after HY_EV_REDRAW). Returns 0 or HY_ERR_IO. */
int hy_term_draw(struct hy_term *t, const struct hy_grid *g, int cy, int cx,
		 int force);

/* Wait up to timeout_ms (-1: forever) for an event. Returns 1 with *ev
 * filled, 0 on timeout. */
int hy_term_read(struct hy_term *t, struct hy_event *ev, int timeout_ms);

#endif
