/* screen_help.c: the keys of the screen below (screen_help.h), from the key
 * tables (keymap.c), so it is always true; long descriptions wrap under
 * themselves. */
#include "huiyi/screen_help.h"
#include "huiyi/i18n.h"

#include "huiyi/wrap.h"
#include "screen.h"

#include <stdio.h>
#include <string.h>

void hy_help_open(struct hy_model *m)
{
	hy_screen_show(m, HY_SCREEN_HELP);
	m->help.scroll = 0;
}

static void help_action(struct hy_model *m, enum hy_action a, int arg, struct hy_effects *fx)
{
	struct hy_help *hp = &m->help;
	(void)arg;
	(void)fx;
	switch (a) {
	case HY_ACT_DOWN:
		hp->scroll++;
		break;
	case HY_ACT_UP:
		if (hp->scroll)
			hp->scroll--;
		break;
	case HY_ACT_PAGE_DOWN:
		hp->scroll += (size_t)(m->h > 3 ? m->h - 3 : 1);
		break;
	case HY_ACT_PAGE_UP:
		hp->scroll = 0;
		break;
	case HY_ACT_TOP:
		hp->scroll = 0;
		break;
	case HY_ACT_BACK:
		hy_screen_pop(m);
		break;
	default:
		break;
	}
}

static void help_mouse(struct hy_model *m, const struct hy_event *ev, struct hy_effects *fx)
{
	struct hy_help *hp = &m->help;
	(void)fx;
	if (ev->mouse == HY_MOUSE_WHEEL_DOWN)
		hp->scroll += 3;
	else if (ev->mouse == HY_MOUSE_WHEEL_UP)
		hp->scroll = hp->scroll > 3 ? hp->scroll - 3 : 0;
}

static void help_view(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx)
{
	struct hy_help_line lines[64];
	enum hy_screen from = hy_screen_below(m);
	size_t n = hy_keymap_help(from, lines, 64);
	char buf[256];
	/* TRANSLATORS: %s: "the list", "a meeting", "search results" … */
	snprintf(buf, sizeof buf, _(" huiyi help — keys in %s"), hy_keymap_screen_name(from));
	hy_grid_fill(g, 0, 0, g->w, HY_ROLE_TITLE);
	hy_draw_put(g, 0, 0, buf, HY_ROLE_TITLE, g->w);
	/* long descriptions wrap under themselves; on narrow screens the
	 * keys get a line of their own, the description below them */
	int narrow = g->w <= 40, tx = narrow ? 4 : 21, row = 0, y = 2;
	struct hy_wrap wr = {0};
	/* the blank line under the title only when every key fits with it */
	size_t need = 0;
	for (size_t i = 0; i < n; i++) {
		size_t tw = g->w - tx > 1 ? (size_t)(g->w - tx) : 1;
		if (hy_wrap_text(&wr, lines[i].what, strlen(lines[i].what), tw))
			break;
		need += wr.n + (size_t)narrow;
	}
	if (need + 3 > (size_t)g->h)
		y = 1;
	for (size_t i = 0; i < n && y < g->h - 1; i++) {
		const char *what = lines[i].what;
		size_t tw = g->w - tx > 1 ? (size_t)(g->w - tx) : 1;
		if (hy_wrap_text(&wr, what, strlen(what), tw))
			break;
		for (size_t k = 0; k < wr.n + (size_t)narrow && y < g->h - 1; k++, row++) {
			if ((size_t)row < m->help.scroll)
				continue;
			if (k == 0)
				hy_draw_put(g, y, 2, lines[i].keys, HY_ROLE_HEADING,
					    narrow ? g->w - 2 : 18);
			if (!narrow || k > 0) {
				const struct hy_wrap_line *l = &wr.lines[k - (size_t)narrow];
				hy_grid_put(g, y, tx, what + l->start, l->end - l->start,
					    HY_ROLE_NORMAL, (int)tw);
			}
			y++;
		}
	}
	hy_wrap_free(&wr);
	static const struct hy_hint hint[] = {{HY_ACT_BACK, N_("back")}};
	char keys[64];
	hy_keymap_hint(HY_SCREEN_HELP, hint, 1, keys, sizeof keys);
	snprintf(buf, sizeof buf, " %s", _("help"));
	hy_draw_status(m, g, buf, keys, cy, cx);
}

const struct hy_screen_ops hy_screen_help = {
	.action = help_action,
	.mouse = help_mouse,
	.view = help_view,
};
