/* screen_help.h: the keys of the screen below, drawn from the key tables
 * (src/ui/screen_help.c, src/ui/keymap.c; DESIGN.md §4). */
#ifndef HUIYI_SCREEN_HELP_H
#define HUIYI_SCREEN_HELP_H

#include <stddef.h>

struct hy_model;

struct hy_help {
	size_t scroll; /* rows scrolled past */
};

/* Show the help of the screen on top, over it (?). */
void hy_help_open(struct hy_model *m);

#endif
