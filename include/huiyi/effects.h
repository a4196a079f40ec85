/* effects.h: the glue between the model and the store (DESIGN.md §3: the
 * main loop runs effects against the store and feeds results back). Used
 * by the browser's main loop and by the screen tests, so both see the same
 * paging. */
#ifndef HUIYI_EFFECTS_H
#define HUIYI_EFFECTS_H

#include "huiyi/model.h"
#include "huiyi/store.h"

/* Run fx against s, hand the results to m, and go on with whatever the
 * model asks next, until nothing is left but, possibly, fx->quit (kept in
 * *fx). A failed query puts its message in the model's status line.
 * Returns 0, or a negative hy_err code for what should end the browser
 * (out of memory). */
int hy_effects_run(struct hy_store *s, struct hy_model *m, struct hy_effects *fx);

/* Nothing happened for a while (the main loop's idle tick): if the list is
 * shown (no prompt, nothing loading) and another connection has written
 * to the database since the list was counted (PRAGMA data_version), the
 * list is refreshed (hy_model_refresh), the selection kept. Returns 1 if
 * the screen must be drawn again, 0 if not, or a negative hy_err code as
 * hy_effects_run. */
int hy_effects_idle(struct hy_store *s, struct hy_model *m, struct hy_effects *fx);

#endif
