/* screen.h: what a screen of the browser is, inside src/ui (DESIGN.md §4).
 *
 * A screen is a file src/ui/screen_NAME.c with its state in
 * include/huiyi/screen_NAME.h (a member of struct hy_model) and one table
 * of functions, struct hy_screen_ops, named in src/ui/screens.c. The model
 * (model.c) calls the screen on top for keys, the mouse and the prompt's
 * Enter, and every screen for what concerns them all (a new size, a failed
 * effect). A screen changes its own state, the shared parts (status line,
 * prompt, stack) through the functions below, and asks other screens for
 * things only by calling down: the list opens a meeting and starts a
 * search, search results open a meeting; a screen reaches the one below
 * it only through the model (hy_model.step). */
#ifndef HUIYI_UI_SCREEN_H
#define HUIYI_UI_SCREEN_H

#include "huiyi/grid.h"
#include "huiyi/keymap.h"
#include "huiyi/grow.h"
#include "huiyi/model.h"

#include <stddef.h>
#include <stdint.h>

struct hy_screen_ops {
	/* state */
	void (*init)(struct hy_model *m);
	void (*free)(struct hy_model *m);
	/* on top: a key's action (keymap.c), the mouse, the Enter of a
	 * prompt it opened (which: hy_model.prompt, the text in
	 * hy_model.input), back on top after the one above it left */
	void (*action)(struct hy_model *m, enum hy_action a, int arg, struct hy_effects *fx);
	void (*mouse)(struct hy_model *m, const struct hy_event *ev, struct hy_effects *fx);
	void (*prompt)(struct hy_model *m, int which, struct hy_effects *fx);
	void (*shown)(struct hy_model *m, struct hy_effects *fx);
	/* just below the top: the screen above asks for its next (dir 1) or
	 * previous (-1) item after `from` (hy_model.step) */
	void (*step)(struct hy_model *m, int dir, int64_t from, struct hy_effects *fx);
	/* every screen, on top or not: a new size (widths: the width of
	 * characters changed too), an effect failed, after every event */
	void (*resize)(struct hy_model *m, int widths, struct hy_effects *fx);
	void (*error)(struct hy_model *m);
	void (*sync)(struct hy_model *m);
	/* draw the state into g; *cy, *cx as hy_view_render */
	void (*view)(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx);
};

/* The table (screens.c); each screen file defines its own entry. */
const struct hy_screen_ops *hy_screen_ops(enum hy_screen s);
extern const struct hy_screen_ops hy_screen_list, hy_screen_meeting, hy_screen_results,
	hy_screen_help, hy_screen_people, hy_screen_career, hy_screen_attend, hy_screen_trend;

/* The stack (shared.c). show: s on top (pushed, unless it is on top
 * already); pop: back to the one below (never below the list). */
void hy_screen_show(struct hy_model *m, enum hy_screen s);
void hy_screen_pop(struct hy_model *m);
/* What the screen on top shows (hy_model.stack_id) and its selection:
 * a screen in the stack twice shows its own again when back on top. */
void hy_screen_mark(struct hy_model *m, int64_t id, size_t sel);
/* The screen under the top one (the top itself when it is alone). */
enum hy_screen hy_screen_below(const struct hy_model *m);

/* The status line says what happened: "what" then, if given, ": arg". */
/* A table's selection moved by delta within total rows of which vis are
 * shown (sel, top kept in range). */
void hy_ui_move(size_t *sel, size_t *top, size_t total, size_t vis, long delta);

void hy_ui_status(struct hy_model *m, int error, const char *what, const char *arg);
char *hy_ui_strdup(const char *s); /* NULL stays NULL */

/* The filter of f (screen_list.c), also the people's: "2024",
 * "2023-01..2023-06", "body:县政府", "person:刘锐", bare words (an office
 * when they end like one, else a person). parse: 0, or -1 with a message
 * on the status line; describe: as the user would type it ("" for none). */
int hy_filter_parse(struct hy_model *m, const char *in, struct hy_filter *f);
void hy_filter_describe(const struct hy_filter *f, char *out, size_t len);
void hy_filter_free(struct hy_filter *f);

/* The prompt (prompt.c): open it for `which` with `initial` text; a key
 * or a paste while it is open. hy_prompt_key returns the prompt that Enter
 * closed (its text in m->input), else 0. */
void hy_prompt_start(struct hy_model *m, int which, const char *initial);
int hy_prompt_key(struct hy_model *m, uint32_t key);
void hy_prompt_paste(struct hy_model *m, const struct hy_event *ev);

/* Drawing helpers shared by the views (draw.c). put: s from (y, x) in at
 * most maxw columns, returns the columns used; col: s cut with … into
 * exactly w columns, padded ("-" for none); thousands: 12,345; status:
 * the bottom line (the prompt, or a message, or `left` and `hints`). */
int hy_draw_put(struct hy_grid *g, int y, int x, const char *s, int role, int maxw);
int hy_draw_col(struct hy_grid *g, int y, int x, const char *s, int role, int w);
void hy_draw_thousands(size_t n, char *out, size_t len);
void hy_draw_status(const struct hy_model *m, struct hy_grid *g, const char *left,
		    const char *hints, int *cy, int *cx);

#endif
