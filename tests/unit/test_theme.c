/* test_theme.c: every colour role of every theme keeps its contrast
 * against the backgrounds it is meant for (issue 19): 4.5:1 for normal
 * text, 3:1 for bold text and decorations, in xterm's default palette,
 * with bold drawn in the colour as it is and brightened (xterm brightens
 * colours 0–7 when bold). The table is the program's own (theme.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "huiyi/grid.h"
#include "huiyi/theme.h"

/* xterm's default palette: 0–7, then their bright versions 8–15 */
static const unsigned palette[16] = {
	0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
	0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
};

static double channel(unsigned v)
{
	double c = v / 255.0;
	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(unsigned rgb)
{
	return 0.2126 * channel(rgb >> 16 & 255) + 0.7152 * channel(rgb >> 8 & 255) +
	       0.0722 * channel(rgb & 255);
}

static double contrast(unsigned a, unsigned b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* A terminal: its background and its default foreground. */
struct bg {
	const char *name;
	unsigned bg, fg;
};
static const struct bg black = {"black", 0x000000, 0xe5e5e5};
static const struct bg white = {"white", 0xffffff, 0x000000};

static const char *const role_names[HY_ROLE_COUNT] = {
	"normal", "title", "status", "selected", "heading",
	"label",  "match", "dim",    "error",    "placeholder",
};

/* The worst contrast of role r on terminal t (bold: brightened or not). */
static double worst(const struct hy_role_style *r, const struct bg *t)
{
	unsigned bgc = r->bg < 0 ? t->bg : palette[r->bg];
	double w = 1e9;
	int bold = r->attr & HY_STYLE_BOLD;
	for (int bright = 0; bright <= bold; bright++) {
		unsigned fgc = r->fg < 0 ? t->fg : palette[r->fg + (bright ? 8 : 0)];
		double c = contrast(fgc, bgc);
		if (c < w)
			w = c;
	}
	return w;
}

static int check(enum hy_theme theme, const struct bg *t)
{
	const struct hy_role_style *roles = hy_theme_roles(theme);
	int bad = 0;
	for (int i = 0; i < HY_ROLE_COUNT; i++) {
		const struct hy_role_style *r = &roles[i];
		/* reverse and dim are the terminal's own colours swapped or
		 * faded: nothing to measure in a palette */
		if (r->attr & (HY_STYLE_REVERSE | HY_STYLE_DIM))
			continue;
		double need = (r->attr & HY_STYLE_BOLD) || r->decoration ? 3.0 : 4.5;
		double got = worst(r, t);
		printf("# theme %d on %s: %-11s %5.2f:1 (needs %.1f)\n", theme, t->name,
		       role_names[i], got, need);
		if (got < need) {
			printf("# FAILS: %s\n", role_names[i]);
			bad++;
		}
	}
	return bad;
}

static void test_contrast(void **state)
{
	(void)state;
	int bad = check(HY_THEME_DARK, &black) + check(HY_THEME_LIGHT, &white) +
		  check(HY_THEME_UNKNOWN, &black) + check(HY_THEME_UNKNOWN, &white);
	assert_int_equal(bad, 0);
}

/* The roles a reader tells apart stay apart in every theme, with colours
 * and without (bold, underline, reverse). */
static void test_distinguishable(void **state)
{
	(void)state;
	static const int told[] = {HY_ROLE_NORMAL, HY_ROLE_HEADING, HY_ROLE_LABEL, HY_ROLE_MATCH,
				   HY_ROLE_SELECTED};
	for (int theme = HY_THEME_UNKNOWN; theme <= HY_THEME_LIGHT; theme++) {
		const struct hy_role_style *r = hy_theme_roles((enum hy_theme)theme);
		for (size_t a = 0; a < sizeof told / sizeof told[0]; a++)
			for (size_t b = a + 1; b < sizeof told / sizeof told[0]; b++) {
				const struct hy_role_style *x = &r[told[a]], *y = &r[told[b]];
				if (x->mono == y->mono) {
					printf("# theme %d: %s and %s alike without colour\n",
					       theme, role_names[told[a]], role_names[told[b]]);
					fail();
				}
				if (x->fg == y->fg && x->bg == y->bg && x->attr == y->attr) {
					printf("# theme %d: %s and %s alike in colour\n", theme,
					       role_names[told[a]], role_names[told[b]]);
					fail();
				}
			}
	}
}

static void test_colorfgbg(void **state)
{
	(void)state;
	assert_int_equal(hy_theme_from_colorfgbg("15;0"), HY_THEME_DARK);
	assert_int_equal(hy_theme_from_colorfgbg("0;15"), HY_THEME_LIGHT);
	assert_int_equal(hy_theme_from_colorfgbg("0;default;15"), HY_THEME_LIGHT);
	assert_int_equal(hy_theme_from_colorfgbg("12;8"), HY_THEME_DARK);
	assert_int_equal(hy_theme_from_colorfgbg("0;7"), HY_THEME_LIGHT);
	assert_int_equal(hy_theme_from_colorfgbg(NULL), HY_THEME_UNKNOWN);
	assert_int_equal(hy_theme_from_colorfgbg(""), HY_THEME_UNKNOWN);
	assert_int_equal(hy_theme_from_colorfgbg("15;default"), HY_THEME_UNKNOWN);
	assert_int_equal(hy_theme_from_colorfgbg("15;99"), HY_THEME_UNKNOWN);
	assert_int_equal(hy_theme_from_colorfgbg("15"), HY_THEME_UNKNOWN);
}

static void test_rgb(void **state)
{
	(void)state;
	const char *w = "rgb:ffff/ffff/ffff", *k = "rgb:0000/0000/0000", *s = "rgb:fd/f6/e3";
	assert_int_equal(hy_theme_from_rgb(w, strlen(w)), HY_THEME_LIGHT);
	assert_int_equal(hy_theme_from_rgb(k, strlen(k)), HY_THEME_DARK);
	assert_int_equal(hy_theme_from_rgb(s, strlen(s)), HY_THEME_LIGHT); /* solarized light */
	const char *bad[] = {"rgb:ffff/ffff", "rgb:gg/00/00", "rgba:1/2/3", "rgb:ff/ff/ff/", ""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(hy_theme_from_rgb(bad[i], strlen(bad[i])), HY_THEME_UNKNOWN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contrast),
		cmocka_unit_test(test_distinguishable),
		cmocka_unit_test(test_colorfgbg),
		cmocka_unit_test(test_rgb),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
