/* theme.c: the colours of the roles on a dark, a light or an unknown
 * background (theme.h). Data and two small readers; the contrast each
 * role keeps is computed by tests/unit/test_theme.c. */
#include "huiyi/theme.h"

#include "huiyi/grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE, DEF = -1 };
#define B HY_STYLE_BOLD
#define U HY_STYLE_UNDERLINE
#define R HY_STYLE_REVERSE
#define D HY_STYLE_DIM

/* What every theme shares: bars and matches carry their own background,
 * so they read whatever the terminal's is. A match is not bold: xterm
 * brightens bold black to grey, 2.3:1 on yellow. */
#define SHARED                                                                                     \
	[HY_ROLE_NORMAL] = {DEF, DEF, 0, 0, 0}, [HY_ROLE_TITLE] = {WHITE, BLUE, B, R | B, 0},      \
	[HY_ROLE_STATUS] = {BLACK, CYAN, 0, R, 0}, [HY_ROLE_SELECTED] = {DEF, DEF, R | B, R, 0},   \
	[HY_ROLE_MATCH] = {BLACK, YELLOW, U, U, 0}, [HY_ROLE_DIM] = {DEF, DEF, D, D, 0},           \
	[HY_ROLE_ERROR] = {RED, DEF, B, B, 0}, [HY_ROLE_PLACEHOLDER] = {MAGENTA, DEF, 0, D, 1}

static const struct hy_role_style unknown[HY_ROLE_COUNT] = {
	SHARED,
	/* no colour reads at 4.5:1 on both black and white: the
	 * terminal's own, told apart by bold and underline */
	[HY_ROLE_HEADING] = {DEF, DEF, B | U, B | U, 0},
	[HY_ROLE_LABEL] = {DEF, DEF, B, B, 0},
};

static const struct hy_role_style dark[HY_ROLE_COUNT] = {
	SHARED,
	[HY_ROLE_HEADING] = {YELLOW, DEF, B, B | U, 0},
	[HY_ROLE_LABEL] = {CYAN, DEF, 0, B, 0},
};

static const struct hy_role_style light[HY_ROLE_COUNT] = {
	SHARED,
	[HY_ROLE_HEADING] = {BLUE, DEF, B, B | U, 0},
	[HY_ROLE_LABEL] = {MAGENTA, DEF, 0, B, 0},
};

/* The user's colours, and the themes with them over (made on demand). */
static struct hy_role_style user[HY_ROLE_COUNT];
static int user_set[HY_ROLE_COUNT];
static struct hy_role_style merged[3][HY_ROLE_COUNT];

const struct hy_role_style *hy_theme_roles(enum hy_theme theme)
{
	int k = theme == HY_THEME_DARK ? 1 : theme == HY_THEME_LIGHT ? 2 : 0;
	const struct hy_role_style *base = k == 1 ? dark : k == 2 ? light : unknown;
	for (int r = 0; r < HY_ROLE_COUNT; r++)
		merged[k][r] = user_set[r] ? user[r] : base[r];
	return merged[k];
}

void hy_theme_set_user(int role, const struct hy_role_style *st)
{
	if (role < 0 || role >= HY_ROLE_COUNT)
		return;
	user[role] = *st;
	user_set[role] = 1;
}

void hy_theme_reset_user(void)
{
	memset(user_set, 0, sizeof user_set);
}

static const char *const role_ids[HY_ROLE_COUNT] = {
	[HY_ROLE_NORMAL] = "normal",   [HY_ROLE_TITLE] = "title",
	[HY_ROLE_STATUS] = "status",   [HY_ROLE_SELECTED] = "selected",
	[HY_ROLE_HEADING] = "heading", [HY_ROLE_LABEL] = "label",
	[HY_ROLE_MATCH] = "match",     [HY_ROLE_DIM] = "dim",
	[HY_ROLE_ERROR] = "error",     [HY_ROLE_PLACEHOLDER] = "placeholder",
};
static const char *const colour_ids[] = {"black", "red",     "green", "yellow",
					 "blue",  "magenta", "cyan",  "white"};
static const char *const attr_ids[] = {"bold", "underline", "reverse", "dim"};

int hy_theme_role_named(const char *name)
{
	for (int r = 0; r < HY_ROLE_COUNT; r++)
		if (role_ids[r] && strcmp(name, role_ids[r]) == 0)
			return r;
	return -1;
}

const char *hy_theme_role_id(int role)
{
	return role >= 0 && role < HY_ROLE_COUNT && role_ids[role] ? role_ids[role] : "normal";
}

int hy_theme_colour_named(const char *name)
{
	if (strcmp(name, "default") == 0)
		return DEF;
	for (int c = 0; c < 8; c++)
		if (strcmp(name, colour_ids[c]) == 0)
			return c;
	return -2;
}

const char *hy_theme_colour_id(int colour)
{
	return colour >= 0 && colour < 8 ? colour_ids[colour] : "default";
}

int hy_theme_attr_named(const char *name)
{
	if (strcmp(name, "normal") == 0)
		return 0;
	for (int a = 0; a < 4; a++)
		if (strcmp(name, attr_ids[a]) == 0)
			return 1 << a;
	return -1;
}

void hy_theme_attr_ids(int attr, char *buf, size_t n)
{
	size_t used = 0;
	if (n)
		buf[0] = '\0';
	for (int a = 0; a < 4 && n; a++)
		if (attr & (1 << a)) {
			int w = snprintf(buf + used, n - used, "%s%s", used ? " " : "",
					 attr_ids[a]);
			if (w < 0 || (size_t)w >= n - used)
				return;
			used += (size_t)w;
		}
}

enum hy_theme hy_theme_from_colorfgbg(const char *v)
{
	const char *last;
	char *end;
	long bg;

	if (!v || !*v)
		return HY_THEME_UNKNOWN;
	last = strrchr(v, ';');
	if (!last)
		return HY_THEME_UNKNOWN;
	bg = strtol(last + 1, &end, 10);
	if (end == last + 1 || *end || bg < 0 || bg > 15)
		return HY_THEME_UNKNOWN;
	return bg == 7 || bg >= 9 ? HY_THEME_LIGHT : HY_THEME_DARK;
}

/* One channel of rgb:RRRR/GGGG/BBBB: 1 to 4 hex digits, scaled to 0..1. */
static int channel(const char *s, size_t n, size_t *used, double *out)
{
	unsigned long v = 0;
	size_t k = 0;

	while (k < n && k < 4) {
		char c = s[k];
		int d = c >= '0' && c <= '9'   ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10
					       : -1;
		if (d < 0)
			break;
		v = v * 16 + (unsigned long)d;
		k++;
	}
	if (k == 0)
		return -1;
	*used = k;
	*out = (double)v / (double)((1UL << (4 * k)) - 1);
	return 0;
}

enum hy_theme hy_theme_from_rgb(const char *v, size_t n)
{
	double c[3];
	size_t at = 4, used;

	if (n < 9 || memcmp(v, "rgb:", 4) != 0)
		return HY_THEME_UNKNOWN;
	for (int i = 0; i < 3; i++) {
		if (at >= n || channel(v + at, n - at, &used, &c[i]) != 0)
			return HY_THEME_UNKNOWN;
		at += used;
		if (i < 2) {
			if (at >= n || v[at] != '/')
				return HY_THEME_UNKNOWN;
			at++;
		}
	}
	if (at != n)
		return HY_THEME_UNKNOWN;
	/* the relative luminance of sRGB, gamma left out: enough to tell a
	 * light background from a dark one */
	double y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
	return y > 0.5 ? HY_THEME_LIGHT : HY_THEME_DARK;
}
