/* keymap.h: keys → actions, as data (DESIGN.md §4 keys). The help screen
 * is generated from the same tables, so it is always true. */
#ifndef HUIYI_KEYMAP_H
#define HUIYI_KEYMAP_H

#include <stddef.h>
#include <stdint.h>

#include "huiyi/model.h"

enum hy_action {
	HY_ACT_NONE = 0,
	HY_ACT_DOWN,
	HY_ACT_UP,
	HY_ACT_PAGE_DOWN,
	HY_ACT_PAGE_UP,
	HY_ACT_HALF_DOWN,
	HY_ACT_HALF_UP,
	HY_ACT_TOP,
	HY_ACT_BOTTOM,
	HY_ACT_OPEN,
	HY_ACT_BACK,
	HY_ACT_QUIT,
	HY_ACT_NEXT_SECTION,
	HY_ACT_PREV_SECTION,
	HY_ACT_SECTION, /* arg: 1..9 */
	HY_ACT_SEARCH,
	HY_ACT_NEXT_MATCH,
	HY_ACT_PREV_MATCH,
	HY_ACT_FILTER,
	HY_ACT_SORT,
	HY_ACT_HELP,
	HY_ACT_REFRESH,
	HY_ACT_PEOPLE,
	HY_ACT_TREND,
	HY_ACT_COPY,     /* the section (in a search: the match's paragraph) */
	HY_ACT_COPY_ALL, /* the whole meeting, with a citation line */
	HY_ACT_SCRIPT,   /* the other script (OpenCC), and back as stored */
	HY_ACT_SOURCE,   /* the meeting as its next source (issue 13) */
	HY_ACT_OUTLINE,  /* the outline beside the text: hide, show */
};

/* The action of key on screen (HY_ACT_NONE if unbound); *arg gets the
 * section number for HY_ACT_SECTION. */
enum hy_action hy_keymap_lookup(enum hy_screen screen, uint32_t key, int *arg);

/* Help lines for screen: "keys" (e.g. "j ↓") and what they do, in table
 * order. Returns the number of entries written into out (at most max). */
struct hy_help_line {
	char keys[64];
	const char *what;
};
size_t hy_keymap_help(enum hy_screen screen, struct hy_help_line *out, size_t max);

/* What help calls the screen: "keys in the list". */
const char *hy_keymap_screen_name(enum hy_screen screen);

/* The status line's hint of a screen: "KEY word · KEY word ", the first
 * key in force for each action (the user's before the defaults'); an
 * action no key reaches is left out. */
struct hy_hint {
	enum hy_action act;
	const char *word;
};
void hy_keymap_hint(enum hy_screen screen, const struct hy_hint *items, size_t n, char *buf,
		    size_t cap);

/* ---- the user's keys (the config file's bind lines, DESIGN.md §4) ---- */

/* Bind key to act on the screens of the mask (1 << HY_SCREEN_*), before
 * the defaults: a later binding of the same key wins; HY_ACT_NONE unbinds.
 * 0, or -1 when the table is full (HY_KEYMAP_USER_MAX). */
enum { HY_KEYMAP_USER_MAX = 256 };
int hy_keymap_bind(unsigned screens, uint32_t key, enum hy_action act);
/* Back to the defaults alone. */
void hy_keymap_reset(void);

/* The names the config file and `huiyi config` use: screens ("list",
 * "meeting" …, "all", or several joined by commas), keys ("j", "Enter",
 * "PgDn", "^D" …) and actions ("down", "open" …, "none"). The readers
 * return 0, or -1 for a name they do not know. */
int hy_keymap_screens_named(const char *name, unsigned *mask);
int hy_keymap_key_named(const char *name, uint32_t *key);
int hy_keymap_action_named(const char *name, enum hy_action *act);
const char *hy_keymap_screen_id(enum hy_screen screen);
const char *hy_keymap_action_id(enum hy_action act);
void hy_keymap_key_id(uint32_t key, char *buf, size_t n);
/* The lists of names, for error messages ("list, meeting, …"). */
const char *hy_keymap_screen_ids(void);
const char *hy_keymap_action_ids(void);

/* Every key that does something, once per (key, action) with the screens
 * where it does it, defaults and the user's alike, and the user's
 * unbindings of default keys (act HY_ACT_NONE): fn(ctx, mask, key, act).
 * Returns how many. */
size_t hy_keymap_each(void (*fn)(void *ctx, unsigned screens, uint32_t key, enum hy_action act),
		      void *ctx);

#endif
