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

#endif
