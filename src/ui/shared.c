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
	m->screen = s;
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
	snprintf(m->status, sizeof m->status, "%s%s%s", what, arg ? ": " : "",
		 arg ? arg : "");
	m->status_error = error;
}

int hy_ui_grow(void *v, size_t *cap, size_t need, size_t size, size_t first)
{
	void **pv = v;
	size_t c = *cap ? *cap : first;
	void *p;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	p = realloc(*pv, c * size);
	if (!p)
		return HY_ERR_NOMEM;
	*pv = p;
	*cap = c;
	return 0;
}

char *hy_ui_strdup(const char *s)
{
	return s ? strdup(s) : NULL;
}
