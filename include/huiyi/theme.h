/* theme.h: the colours of the screen's roles, for a dark background, a
 * light one, or one not known (DESIGN.md §5 colours).
 *
 * Each role keeps at least 4.5:1 contrast against its background for
 * normal text and 3:1 for bold text and decorations, measured with
 * xterm's default palette, where bold may brighten colours 0–7
 * (tests/unit/test_theme.c computes it for every role). A background not
 * known gets roles that hold on both: the terminal's own colours with
 * bold and underline, and colours that read on black and on white. */
#ifndef HUIYI_THEME_H
#define HUIYI_THEME_H

#include <stddef.h>

enum hy_theme {
	HY_THEME_UNKNOWN = 0, /* roles that read on either background */
	HY_THEME_DARK,
	HY_THEME_LIGHT,
};

/* Attributes a role may add (the terminal backend maps them to curses). */
enum {
	HY_STYLE_BOLD = 1,
	HY_STYLE_UNDERLINE = 2,
	HY_STYLE_REVERSE = 4,
	HY_STYLE_DIM = 8,
};

/* One role: foreground and background as colours 0–7 (black, red, green,
 * yellow, blue, magenta, cyan, white) or -1 for the terminal's default;
 * the attributes with colours, and those that stand in for colours on a
 * terminal without them (or with NO_COLOR). A decoration (the
 * placeholder for what cannot be drawn) needs 3:1 only. */
struct hy_role_style {
	short fg, bg;
	int attr, mono;
	int decoration;
};

/* The table of a theme, indexed by HY_ROLE_* (grid.h), with the user's
 * colours (hy_theme_set_user) over it. */
const struct hy_role_style *hy_theme_roles(enum hy_theme theme);

/* The user's colours for a role (the config file's color lines), over
 * every theme's; the user is trusted with the contrast. reset: none. */
void hy_theme_set_user(int role, const struct hy_role_style *st);
void hy_theme_reset_user(void);
/* Roles, colours (0–7, -1 default) and attributes (HY_STYLE_*) by the
 * names the config file uses: "heading", "yellow", "bold" …; -1 when
 * unknown (a colour: -2). */
int hy_theme_role_named(const char *name);
const char *hy_theme_role_id(int role);
int hy_theme_colour_named(const char *name);
const char *hy_theme_colour_id(int colour);
int hy_theme_attr_named(const char *name);
/* attr as names joined by spaces ("bold underline"; "" for none) */
void hy_theme_attr_ids(int attr, char *buf, size_t n);

/* The background told by COLORFGBG ("15;0", "0;default;15": its last
 * field; 0–6 and 8 are dark, 7 and 9–15 light), or HY_THEME_UNKNOWN. */
enum hy_theme hy_theme_from_colorfgbg(const char *v);

/* The background told by an OSC 11 answer's colour ("rgb:ffff/ffff/ffff",
 * two to four hex digits a channel): light when its luminance is above
 * the middle grey's, or HY_THEME_UNKNOWN for anything else. */
enum hy_theme hy_theme_from_rgb(const char *v, size_t n);

#endif
