/* model.c: the browser's top model (model.h). It owns what the screens
 * share (size, status line, prompt, the stack) and routes each event: keys,
 * the mouse and the prompt's Enter to the screen on top, a new size and a
 * failed effect to every screen. What a screen does is in its own file
 * (src/ui/screen_*.c, listed in screens.c); nothing here grows with them. */
#include "huiyi/model.h"

#include "huiyi/keymap.h"
#include "layout.h"
#include "screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hy_model_init(struct hy_model *m, int w, int h)
{
	memset(m, 0, sizeof *m);
	m->w = w > 0 ? w : 1;
	m->h = h > 0 ? h : 1;
	m->depth = 1;
	m->stack[0] = m->screen = HY_SCREEN_LIST;
	for (int s = 0; s < HY_SCREEN_COUNT; s++) {
		const struct hy_screen_ops *ops = hy_screen_ops((enum hy_screen)s);
		if (ops->init)
			ops->init(m);
	}
}

char *hy_model_take_copy(struct hy_model *m, char *what, size_t n)
{
	char *c = m->copy;
	if (c && n)
		snprintf(what, n, "%s", m->copy_what);
	m->copy = NULL;
	return c;
}

void hy_model_free(struct hy_model *m)
{
	free(m->copy);
	for (int s = 0; s < HY_SCREEN_COUNT; s++) {
		const struct hy_screen_ops *ops = hy_screen_ops((enum hy_screen)s);
		if (ops->free)
			ops->free(m);
	}
	memset(m, 0, sizeof *m);
}

void hy_model_error(struct hy_model *m, const char *msg)
{
	for (int s = 0; s < HY_SCREEN_COUNT; s++) {
		const struct hy_screen_ops *ops = hy_screen_ops((enum hy_screen)s);
		if (ops->error)
			ops->error(m);
	}
	hy_ui_status(m, 1, msg, NULL);
}

static void resize(struct hy_model *m, int w, int h, int widths, struct hy_effects *fx)
{
	m->w = w > 0 ? w : 1;
	m->h = h > 0 ? h : 1;
	for (int s = 0; s < HY_SCREEN_COUNT; s++) {
		const struct hy_screen_ops *ops = hy_screen_ops((enum hy_screen)s);
		if (ops->resize)
			ops->resize(m, widths, fx);
	}
}

/* After the screen on top had an event: pass on what it asked of the one
 * below it (m->step), and tell the screen that is on top again after a
 * pop (depth: the stack's before the event). */
static void settle(struct hy_model *m, size_t depth, struct hy_effects *fx)
{
	if (m->step) {
		int dir = m->step;
		const struct hy_screen_ops *below = hy_screen_ops(hy_screen_below(m));
		m->step = 0;
		if (m->depth > 1 && below->step)
			below->step(m, dir, m->step_from, fx);
	}
	if (m->depth < depth) {
		const struct hy_screen_ops *top = hy_screen_ops(m->screen);
		if (top->shown)
			top->shown(m, fx);
	}
}

/* After every event: each screen brings what it draws up to date. */
static void sync(struct hy_model *m)
{
	for (int s = 0; s < HY_SCREEN_COUNT; s++) {
		const struct hy_screen_ops *ops = hy_screen_ops((enum hy_screen)s);
		if (ops->sync)
			ops->sync(m);
	}
}

int hy_model_update(struct hy_model *m, const struct hy_event *ev, struct hy_effects *fx)
{
	const struct hy_screen_ops *top = hy_screen_ops(m->screen);
	size_t depth = m->depth;
	memset(fx, 0, sizeof *fx);
	switch (ev->type) {
	case HY_EV_RESIZE:
		resize(m, ev->w, ev->h, 0, fx);
		return 1;
	case HY_EV_REDRAW:
		return 1;
	case HY_EV_AMBIGUOUS: /* widths may have changed: laid out again */
		resize(m, m->w, m->h, 1, fx);
		return 1;
	case HY_EV_MARGINS: { /* the outline may come or go: laid out again */
		int was = hy_meeting_outline_shown(m);
		m->margins = ev->w;
		if (hy_meeting_outline_shown(m) == was)
			return 0;
		resize(m, m->w, m->h, 1, fx);
		return 1;
	}
	case HY_EV_QUIT:
		fx->quit = 1;
		return 0;
	case HY_EV_INTERRUPT: /* Ctrl-C: out of a prompt, else out */
		if (!m->prompt) {
			fx->quit = 1;
			return 0;
		}
		hy_prompt_key(m, HY_KEY_CTRL('c'));
		sync(m);
		return 1;
	case HY_EV_MOUSE:
		if (!m->prompt && top->mouse) {
			top->mouse(m, ev, fx);
			settle(m, depth, fx);
		}
		sync(m);
		return 1;
	case HY_EV_PASTE:
		hy_prompt_paste(m, ev);
		return 1;
	case HY_EV_KEY:
		break;
	default:
		return 0;
	}
	if (m->prompt) {
		int which = hy_prompt_key(m, ev->key);
		if (which && top->prompt)
			top->prompt(m, which, fx);
		settle(m, depth, fx);
		sync(m);
		return 1;
	}
	int arg = 0;
	enum hy_action a = hy_keymap_lookup(m->screen, ev->key, &arg);
	if (a == HY_ACT_NONE)
		return 0;
	m->status[0] = '\0';  /* a message lasts until the next key */
	if (a == HY_ACT_HELP) /* over every screen that binds it */
		hy_help_open(m);
	else if (top->action)
		top->action(m, a, arg, fx);
	settle(m, depth, fx);
	sync(m);
	return 1;
}
