/* shared.c: what every screen may use (screen.h): the screen stack, the
 * status line, a growable array. */
#include "screen.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hy_screen_show(struct hy_model *m, enum hy_screen s)
{
	if (m->depth && m->stack[m->depth - 1] == s)
		return;
	if (m->depth < HY_SCREEN_DEPTH)
		m->depth++;
	m->stack[m->depth - 1] = s;
	m->stack_id[m->depth - 1] = 0;
	m->stack_sel[m->depth - 1] = 0;
	m->screen = s;
}

void hy_screen_mark(struct hy_model *m, int64_t id, size_t sel)
{
	m->stack_id[m->depth - 1] = id;
	m->stack_sel[m->depth - 1] = sel;
}

void hy_screen_pop(struct hy_model *m)
{
	if (m->depth > 1)
		m->depth--;
	m->screen = m->stack[m->depth - 1];
}

enum hy_screen hy_screen_below(const struct hy_model *m)
{
	return m->stack[m->depth > 1 ? m->depth - 2 : 0];
}

void hy_ui_status(struct hy_model *m, int error, const char *what, const char *arg)
{
	snprintf(m->status, sizeof m->status, "%s%s%s", what, arg ? ": " : "", arg ? arg : "");
	m->status_error = error;
}

char *hy_ui_strdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

void hy_ui_move(size_t *sel, size_t *top, size_t total, size_t vis, long delta)
{
	if (total == 0) {
		*sel = *top = 0;
		return;
	}
	if (delta < 0 && (size_t)-delta > *sel)
		*sel = 0;
	else
		*sel = (size_t)((long)*sel + delta);
	if (*sel >= total)
		*sel = total - 1;
	if (vis == 0)
		vis = 1;
	if (*sel < *top)
		*top = *sel;
	if (*sel >= *top + vis)
		*top = *sel - vis + 1;
	if (*top + vis > total)
		*top = total > vis ? total - vis : 0;
}
