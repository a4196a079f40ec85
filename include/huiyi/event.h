/* event.h: what reaches the model (DESIGN.md §3): keys, resizes, the mouse,
 * and the results of effects the main loop ran against the store. The
 * terminal backend (term.h) produces the first three; tests script them. */
#ifndef HUIYI_EVENT_H
#define HUIYI_EVENT_H

#include <stdint.h>

/* Keys: a Unicode code point for a printable key, else one of these. */
enum {
	HY_KEY_UP = 0x110000,
	HY_KEY_DOWN,
	HY_KEY_LEFT,
	HY_KEY_RIGHT,
	HY_KEY_PGUP,
	HY_KEY_PGDN,
	HY_KEY_HOME,
	HY_KEY_END,
	HY_KEY_ENTER,
	HY_KEY_ESC,
	HY_KEY_TAB,
	HY_KEY_BTAB, /* shift-tab */
	HY_KEY_BACKSPACE,
	HY_KEY_DELETE,
	HY_KEY_CTRL_BASE = 0x120000 /* HY_KEY_CTRL('d') = Ctrl-D */
};
#define HY_KEY_CTRL(c) ((uint32_t)HY_KEY_CTRL_BASE + (uint32_t)(c))

enum hy_mouse {
	HY_MOUSE_WHEEL_UP = 1,
	HY_MOUSE_WHEEL_DOWN,
	HY_MOUSE_CLICK, /* button 1 pressed or clicked */
};

enum hy_event_type {
	HY_EV_NONE = 0,
	HY_EV_KEY,    /* key */
	HY_EV_RESIZE, /* w, h: the new size */
	HY_EV_MOUSE,  /* mouse, x, y */
	HY_EV_QUIT,   /* SIGTERM / SIGHUP: leave now, cleanly */
	HY_EV_REDRAW, /* back from Ctrl-Z: the screen must be drawn anew */
};

struct hy_event {
	enum hy_event_type type;
	uint32_t key;
	int w, h;
	int mouse;
	int x, y;
};

#endif
