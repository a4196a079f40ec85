/* term.h: the only code that touches curses (DESIGN.md §3).
 *
 * Draws a grid (grid.h): it keeps the previous frame and writes only the
 * cells that changed (rows that moved scrolled by the terminal), in one
 * write. Reads keys, the mouse wheel and
 * clicks, and resizes as events (event.h). Colour roles are mapped to
 * colours once here; with NO_COLOR set (to anything non-empty) or a
 * terminal without colours, roles become attributes only (reverse video
 * for the selection, bold for headings, underline for matches). Handles
 * SIGWINCH (a HY_EV_RESIZE event, bursts collapsed into one), SIGTSTP /
 * Ctrl-Z (the terminal is restored, the process stops; on SIGCONT the
 * screen comes back and a HY_EV_REDRAW event follows), SIGTERM, SIGHUP,
 * SIGINT and SIGQUIT (a HY_EV_QUIT event). The terminal is restored on
 * hy_term_close, also after those signals. Nothing the grid holds can
 * become a control sequence: cells hold printable text only (grid.h), and
 * the backend checks again before drawing. */
#ifndef HUIYI_TERM_H
#define HUIYI_TERM_H

#include <stddef.h>

#include "huiyi/event.h"
#include "huiyi/grid.h"
#include "huiyi/theme.h"

struct hy_term;

/* Take over the terminal on stdin/stdout. Fails with a one-line reason
 * (HY_ERR_INVALID; without a "huiyi: " prefix) when stdin or stdout is not
 * a terminal, TERM is unset, unknown, "dumb" or cannot move the cursor.
 * The caller has checked the locale. One terminal at a time: the signal
 * handlers it installs are process-wide (SIGINT, SIGQUIT, SIGHUP and
 * SIGTSTP are left alone if they were ignored, e.g. under nohup). */
int hy_term_open(struct hy_term **out, char *err, size_t errlen);

/* Give the terminal back as it was (modes, cursor, screen, the signal
 * handlers it replaced). Safe on NULL. */
void hy_term_close(struct hy_term *t);

/* Ask the terminal its background colour (OSC 11), for the theme; as the
 * ambiguous-width probe, the answer arrives with the keys, as a
 * HY_EV_BACKGROUND event, whenever it comes (a terminal that does not
 * answer sends nothing). No OSC reply ever reaches the keys: one nobody
 * asked for, or that comes twice, is dropped. Returns 0. */
int hy_term_probe_background(struct hy_term *t);

/* Ask the terminal whether it has left and right margins (DECRQM for
 * DECLRMM, mode 69: xterm, iTerm2, WezTerm, mlterm; not tmux, not VTE).
 * When it says so, the writer scrolls the meeting's reader beside its
 * outline within margins instead of writing the outline's rows again.
 * The answer is taken with the keys and never reaches them; no event.
 * Asked only of terminals whose terminfo has ANSI cursor addressing, a
 * scroll region and a cursor position query, and never of the Linux
 * console. Returns 0, or -1 when not asked. */
int hy_term_probe_margins(struct hy_term *t);

/* Put text[0..n) on the clipboard of the terminal, over SSH too: OSC 52
 * (ESC ] 52 ; c ; base64 BEL), which xterm, kitty, iTerm2, WezTerm, foot,
 * Windows Terminal and tmux (set-clipboard on) honour and the others
 * ignore; nothing tells whether it did. 0, HY_ERR_NOMEM, or HY_ERR_IO when
 * the terminal cannot be written. */
int hy_term_copy(struct hy_term *t, const char *text, size_t n);

/* Colour the roles for a background (theme.h; hy_term_open starts with
 * HY_THEME_UNKNOWN); the next draw repaints every cell. */
void hy_term_set_theme(struct hy_term *t, enum hy_theme theme);

/* Current size in columns and lines. */
void hy_term_size(struct hy_term *t, int *w, int *h);

/* Ask the terminal how wide it draws East Asian ambiguous-width
 * characters, as Vim does for 'ambiwidth': one (U+25BD) at row 2, column
 * 1, then a cursor position request (terminfo u7, ESC [6n). Nothing waits
 * for the answer: it arrives with the keys as a HY_EV_AMBIGUOUS event (the
 * first draw clears the character away). Every cursor position report
 * the terminal sends, ESC [ row ; col R, is taken out of the input, also
 * one split in two or coming long after (over SSH, after the user typed):
 * none reaches the model as keys. Returns 0 when asked, -1 when the
 * terminal cannot be asked (no u7, fewer than 2 lines). */
int hy_term_probe_ambiguous(struct hy_term *t);
/* Draw g (its size must be the terminal's, else it is clipped), changed
 * cells only, and place the cursor at (cy, cx), or hide it if cy < 0.
 * force: clear and redraw every cell (after HY_EV_REDRAW; a resize or a
 * grid of another size redraws every cell anyway). Controls, bidi
 * controls and invalid UTF-8 in a cell never reach the terminal: a cell
 * starting with one, or whose text does not have the cell's width by
 * wcwidth(), is drawn as U+FFFD; such marks after the base are left out.
 * ZWJ and U+FE0E/U+FE0F are not sent either (terminals that honour them
 * draw other widths than wcwidth() counted), nor the other invisible
 * format characters wcwidth() counts 0 (ZWSP, ZWNJ, U+2060-U+2064, BOM,
 * U+FFF9-U+FFFB, tags …): terminals disagree on how wide they are.
 * Returns 0 or HY_ERR_IO. */
int hy_term_draw(struct hy_term *t, const struct hy_grid *g, int cy, int cx, int force);

/* Wait up to timeout_ms (-1: forever; 0: only what is pending) for an
 * event. Returns 1 with *ev filled, 0 on timeout. Keys the model has no
 * use for (function keys, mouse releases) are skipped. After a quit
 * signal every call returns HY_EV_QUIT at once; so after the terminal
 * hung up (POLLHUP on stdin), also when SIGHUP is ignored. A Ctrl-Z is
 * acted on here: a caller busy elsewhere stops when it next reads. */
int hy_term_read(struct hy_term *t, struct hy_event *ev, int timeout_ms);

/* The signal behind a HY_EV_QUIT (SIGTERM, SIGHUP, SIGINT, SIGQUIT;
 * SIGHUP when the terminal hung up without one), or 0: the browser exits
 * with 128 + it, as a shell reports a process a signal ended. */
int hy_term_quit_signal(const struct hy_term *t);

#endif
