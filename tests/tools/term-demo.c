/* term-demo: draws a grid with CJK text through the terminal backend
 * (term.h) and shows the last event in the status line; q quits. Used by
 * tests/e2e/term_demo.sh and for trying a terminal by hand. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "huiyi/err.h"
#include "huiyi/event.h"
#include "huiyi/grid.h"
#include "huiyi/term.h"

static int put(struct hy_grid *g, int y, int x, const char *s, int role)
{
	return hy_grid_put(g, y, x, s, strlen(s), role, -1);
}

static const char *key_name(uint32_t k)
{
	static const char *names[] = {
		"up",  "down",  "left", "right", "pgup", "pgdn",      "home",
		"end", "enter", "esc",  "tab",   "btab", "backspace", "delete",
	};

	if (k >= HY_KEY_UP && k <= HY_KEY_DELETE)
		return names[k - HY_KEY_UP];
	return NULL;
}

static void describe(const struct hy_event *ev, char *out, size_t len)
{
	static const char *mouse[] = {"?", "wheel-up", "wheel-down", "click"};
	const char *name;

	switch (ev->type) {
	case HY_EV_KEY:
		if ((name = key_name(ev->key)))
			snprintf(out, len, "key 0x%x %s", (unsigned)ev->key, name);
		else if (ev->key >= HY_KEY_CTRL_BASE)
			snprintf(out, len, "key 0x%x ctrl-%c", (unsigned)ev->key,
				 (char)(ev->key - HY_KEY_CTRL_BASE));
		else
			snprintf(out, len, "key 0x%x", (unsigned)ev->key);
		break;
	case HY_EV_RESIZE:
		snprintf(out, len, "resize %dx%d", ev->w, ev->h);
		break;
	case HY_EV_MOUSE:
		snprintf(out, len, "mouse %s %d,%d",
			 mouse[ev->mouse >= 1 && ev->mouse <= 3 ? ev->mouse : 0], ev->x, ev->y);
		break;
	case HY_EV_REDRAW:
		snprintf(out, len, "redraw %dx%d", ev->w, ev->h);
		break;
	default:
		snprintf(out, len, "event %d", (int)ev->type);
		break;
	}
}

static void render(struct hy_grid *g, int n, const char *last)
{
	char buf[256];
	int x;

	hy_grid_clear(g);
	hy_grid_fill(g, 0, 0, g->w, HY_ROLE_TITLE);
	snprintf(buf, sizeof buf, "huiyi term-demo %dx%d pid %ld", g->w, g->h, (long)getpid());
	put(g, 0, 0, buf, HY_ROLE_TITLE);
	/* alignment: the bars must line up */
	put(g, 2, 0, "一二三四五六七八九十|", HY_ROLE_NORMAL);
	put(g, 3, 0, "12345678901234567890|", HY_ROLE_NORMAL);
	put(g, 4, 1, "会议听取了汇报|odd", HY_ROLE_HEADING);
	put(g, 5, 0, "日期", HY_ROLE_LABEL);
	x = put(g, 5, 5, "2024年3月5日 ", HY_ROLE_NORMAL);
	put(g, 5, 5 + x, "常务会议", HY_ROLE_MATCH);
	/* wide characters at the right edge: from an odd column the last one
	 * does not fit and leaves a blank; from column 0 they fill the row */
	buf[0] = '\0';
	for (int i = 0; i < 60; i++)
		strcat(buf, "边");
	put(g, 6, 1, buf, HY_ROLE_NORMAL);
	buf[0] = '\0';
	for (int i = 0; i < 60; i++)
		strcat(buf, "界");
	put(g, 7, 0, buf, HY_ROLE_NORMAL);
	put(g, 8, 0,
	    "ctl: ESC[\x1b] BEL[\a] CSI[\xc2\x9b] RLO[\xe2\x80\xae] "
	    "e\xcc\x81 \xf0\x9f\x98\x80",
	    HY_ROLE_NORMAL);
	x = put(g, 9, 0, "roles:", HY_ROLE_NORMAL);
	x += 1 + put(g, 9, x + 1, "selected", HY_ROLE_SELECTED);
	x += 1 + put(g, 9, x + 1, "dim", HY_ROLE_DIM);
	x += 1 + put(g, 9, x + 1, "error", HY_ROLE_ERROR);
	hy_grid_fill(g, g->h - 1, 0, g->w, HY_ROLE_STATUS);
	snprintf(buf, sizeof buf, "#%d %s  (q quits)", n, last);
	put(g, g->h - 1, 0, buf, HY_ROLE_STATUS);
}

int main(void)
{
	struct hy_term *t;
	struct hy_grid g = {0};
	char err[256], last[128] = "none";
	const char *cs;
	int n = 0, force = 0, quit = 0, rc = 0;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	if (!cs || strcmp(cs, "UTF-8") != 0) {
		fprintf(stderr, "term-demo: the locale is not UTF-8 (set "
				"LANG, e.g. C.UTF-8)\n");
		return 1;
	}
	if (hy_term_open(&t, err, sizeof err) != 0) {
		fprintf(stderr, "term-demo: %s\n", err);
		return 1;
	}
	while (!quit) {
		struct hy_event ev;
		int w, h;

		hy_term_size(t, &w, &h);
		if ((g.w != w || g.h != h) && hy_grid_resize(&g, w, h) != 0) {
			rc = 1;
			break;
		}
		render(&g, n, last);
		if (hy_term_draw(t, &g, -1, -1, force) != 0) {
			rc = 1;
			break;
		}
		force = 0;
		if (hy_term_read(t, &ev, 1000) == 0)
			continue;
		if (ev.type == HY_EV_QUIT) {
			quit = 2;
			break;
		}
		if (ev.type == HY_EV_KEY && ev.key == 'q')
			quit = 1;
		force = ev.type == HY_EV_REDRAW;
		n++;
		describe(&ev, last, sizeof last);
	}
	hy_term_close(t);
	hy_grid_free(&g);
	if (quit == 2)
		fprintf(stderr, "term-demo: quit on a signal\n");
	return rc;
}
