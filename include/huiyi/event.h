/* event.h: what reaches the model (DESIGN.md §3): keys, resizes, the mouse,
 * and the results of effects the main loop ran against the store. The
 * terminal backend (term.h) produces the first three; tests script them. */
#ifndef HUIYI_EVENT_H
#define HUIYI_EVENT_H

#include <stdint.h>

/* Keys: a Unicode code point for a printable key, else one of these. The
 * terminal sends Enter as HY_KEY_ENTER (CR, LF or the keypad's Enter), Tab,
 * Esc (alone: an Alt-x arrives as Esc then x) and Backspace (DEL or ^H) as
 * their own keys; other control keys as HY_KEY_CTRL: Ctrl-A … Ctrl-Z as
 * HY_KEY_CTRL('a') … HY_KEY_CTRL('z'), Ctrl-@ ] ^ _ as HY_KEY_CTRL('@'),
 * HY_KEY_CTRL(']') and so on. Ctrl-C, Ctrl-\ and Ctrl-Z never arrive as keys:
 * they are signals (HY_EV_QUIT, and a stop followed by HY_EV_REDRAW). */
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
			/* x, y: the cell, 0-based from the top left */
};

enum hy_event_type {
	HY_EV_NONE = 0,
	HY_EV_KEY,        /* key */
	HY_EV_RESIZE,     /* w, h: the new size */
	HY_EV_MOUSE,      /* mouse, x, y */
	HY_EV_QUIT,       /* SIGTERM, SIGHUP, SIGQUIT, or no terminal: leave
		       * now, cleanly (hy_term_close) */
	HY_EV_INTERRUPT,  /* Ctrl-C (SIGINT): cancels a prompt, as Esc;
			  * elsewhere quits (status 130) */
	HY_EV_PASTE,      /* text pasted (bracketed paste): text[0..len), as the
		       * terminal sent it (UTF-8, controls included); cut
		       * when the paste was longer than the terminal keeps
		       * (HY_PASTE_MAX). Valid until the next read. */
	HY_EV_REDRAW,     /* back from Ctrl-Z: the screen must be drawn anew
		       * (hy_term_draw with force); w, h: the size. If it
		       * changed meanwhile, a HY_EV_RESIZE follows. */
	HY_EV_AMBIGUOUS,  /* the terminal's answer to the ambiguous-width
			  * probe (hy_term_probe_ambiguous): w, the columns
			  * it drew an ambiguous character in, 1 or 2. The
			  * model lays its text out again (the rule of
			  * width.h may have changed). */
	HY_EV_BACKGROUND, /* the terminal's answer to the background query
			   * (hy_term_probe_background): w, the enum
			   * hy_theme (theme.h) its colour tells. */
	HY_EV_MARGINS,    /* the terminal's answer to the margins' question
			   * (hy_term_probe_margins): w, 1 when it has left
			   * and right margins (the reader scrolls beside the
			   * outline alone), 0 when not. */
};

/* The most of one paste kept (a prompt holds far less). */
#define HY_PASTE_MAX 65536

struct hy_event {
	enum hy_event_type type;
	uint32_t key;
	int w, h;
	int mouse;
	int x, y;
	const char *text; /* HY_EV_PASTE */
	size_t len;
	int cut;
};

#endif
