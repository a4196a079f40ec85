/* test_config.c: the configuration file (src/cli/config.h): each kind of
 * line takes effect in the key table, the colours or the settings; a line
 * in error is named by file and line with what was expected, and the
 * lines around it still count; what `huiyi config` prints reads back as
 * the same keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/cli/cli.h"
#include "../../src/cli/config.h"
#include "huiyi/event.h"
#include "huiyi/grid.h"
#include "huiyi/keymap.h"
#include "huiyi/script.h"
#include "huiyi/theme.h"

static int reset(void **state)
{
	(void)state;
	hy_keymap_reset();
	hy_theme_reset_user();
	return 0;
}

static void parse(struct hy_config *cfg, const char *text)
{
	hy_config_init(cfg);
	assert_int_equal(hy_config_parse(cfg, "cfg", text, strlen(text)), 0);
}

static void t_settings(void **state)
{
	struct hy_config cfg;
	(void)state;
	parse(&cfg, "# mine\n"
		    "set ambiguous wide\n"
		    "  set theme light   # on a white terminal\n"
		    "set script simplified\n"
		    "set outline off\n"
		    "set database \"/data/my meetings.db\"\n");
	assert_int_equal(cfg.n_errors, 0);
	assert_int_equal(cfg.script, HY_SCRIPT_SIMPLIFIED);
	assert_int_equal(cfg.outline, 0);
	assert_int_equal(cfg.ambiguous, HY_CLI_AMB_WIDE);
	assert_int_equal(cfg.theme, HY_CLI_THEME_LIGHT);
	assert_string_equal(cfg.database, "/data/my meetings.db");
	hy_config_free(&cfg);
	/* the outline's other values: auto (the default's), on */
	parse(&cfg, "set outline auto\n");
	assert_int_equal(cfg.n_errors, 0);
	assert_int_equal(cfg.outline, 2);
	hy_config_free(&cfg);
	parse(&cfg, "set outline on\n");
	assert_int_equal(cfg.outline, 1);
	hy_config_free(&cfg);

	setenv("HOME", "/home/reader", 1);
	parse(&cfg, "set database ~/huiyi.db\n");
	assert_string_equal(cfg.database, "/home/reader/huiyi.db");
	hy_config_free(&cfg);
}

static void t_binds(void **state)
{
	struct hy_config cfg;
	int arg;
	(void)state;
	parse(&cfg, "bind list x quit\n"
		    "bind all ^N down\n"
		    "bind meeting,results Space none\n"
		    "bind people 找 filter\n");
	assert_int_equal(cfg.n_errors, 0);
	assert_int_equal(cfg.binds, 4);
	assert_int_equal(hy_keymap_lookup(HY_SCREEN_LIST, 'x', &arg), HY_ACT_QUIT);
	assert_int_equal(hy_keymap_lookup(HY_SCREEN_MEETING, 'x', &arg), HY_ACT_NONE);
	assert_int_equal(hy_keymap_lookup(HY_SCREEN_TREND, HY_KEY_CTRL('n'), &arg), HY_ACT_DOWN);
	assert_int_equal(hy_keymap_lookup(HY_SCREEN_MEETING, ' ', &arg), HY_ACT_NONE);
	assert_int_equal(hy_keymap_lookup(HY_SCREEN_LIST, ' ', &arg), HY_ACT_PAGE_DOWN);
	assert_int_equal(hy_keymap_lookup(HY_SCREEN_PEOPLE, 0x627E, &arg), HY_ACT_FILTER);
	/* the defaults are still there */
	assert_int_equal(hy_keymap_lookup(HY_SCREEN_LIST, 'q', &arg), HY_ACT_QUIT);

	/* the help and the status line's hint show the user's keys */
	struct hy_help_line lines[64];
	size_t n = hy_keymap_help(HY_SCREEN_LIST, lines, 64), quit = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(lines[i].what, "quit") == 0)
			quit = i + 1;
	assert_true(quit > 0);
	assert_string_equal(lines[quit - 1].keys, "x q Esc");
	n = hy_keymap_help(HY_SCREEN_MEETING, lines, 64);
	for (size_t i = 0; i < n; i++)
		if (strcmp(lines[i].what, "page down") == 0)
			assert_string_equal(lines[i].keys, "PgDn");
	hy_config_free(&cfg);

	/* a later line wins; unbinding the hint's key moves the hint on */
	parse(&cfg, "bind list q none\nbind list Enter none\nbind list o open\n");
	static const struct hy_hint hint[] = {{HY_ACT_OPEN, "open"}, {HY_ACT_QUIT, "quit"}};
	char buf[64];
	hy_keymap_hint(HY_SCREEN_LIST, hint, 2, buf, sizeof buf);
	assert_string_equal(buf, "o open · x quit ");
	hy_config_free(&cfg);
}

static void t_colours(void **state)
{
	struct hy_config cfg;
	(void)state;
	parse(&cfg, "color heading bold blue\n"
		    "colour match black on yellow\n"
		    "color label underline\n");
	assert_int_equal(cfg.n_errors, 0);
	assert_int_equal(cfg.colours, 3);
	for (int th = HY_THEME_UNKNOWN; th <= HY_THEME_LIGHT; th++) {
		const struct hy_role_style *r = hy_theme_roles((enum hy_theme)th);
		assert_int_equal(r[HY_ROLE_HEADING].fg, 4);
		assert_int_equal(r[HY_ROLE_HEADING].attr, HY_STYLE_BOLD);
		assert_int_equal(r[HY_ROLE_MATCH].fg, 0);
		assert_int_equal(r[HY_ROLE_MATCH].bg, 3);
		assert_int_equal(r[HY_ROLE_LABEL].fg, -1);
		assert_int_equal(r[HY_ROLE_LABEL].attr, HY_STYLE_UNDERLINE);
		assert_int_equal(r[HY_ROLE_LABEL].mono, HY_STYLE_UNDERLINE);
	}
	hy_config_free(&cfg);
}

/* Each line in error: its number and what was expected; the good lines
 * around it count. */
static void t_errors(void **state)
{
	static const struct {
		const char *line, *said;
	} bad[] = {
		{"sett theme dark", "cfg:2: expected set, bind or color, got 'sett'"},
		{"set theme grey", "cfg:2: set theme: expected auto, light or dark, got 'grey'"},
		{"set ambiguous", "cfg:2: set: expected a name and one value"},
		{"set colour red",
		 "cfg:2: set: expected database, ambiguous, theme, script or outline, got 'colour'"},
		{"set outline maybe", "cfg:2: set outline: expected auto, on or off, got 'maybe'"},
		{"set script pinyin",
		 "cfg:2: set script: expected stored, simplified or traditional, got 'pinyin'"},
		{"bind lst p people", "cfg:2: bind: expected screens (list, meeting"},
		{"bind list F11 people", "cfg:2: bind: expected a key (one character, Enter"},
		{"bind list ^C quit", "got '^C'"},
		{"bind list p persons", "cfg:2: bind: expected an action (down, up"},
		{"bind list p", "cfg:2: bind: expected SCREENS KEY ACTION"},
		{"bind list 1 section", "expected an action"},
		{"color headings bold", "cfg:2: color: expected a role (normal, title"},
		{"color heading blue bold", "got 'bold'"},
		{"color heading blue on", "got 'on'"},
		{"color heading purple", "got 'purple'"},
		{"set database \"/x", "cfg:2: a quote is not closed"},
	};
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct hy_config cfg;
		char text[256];
		int arg;
		hy_keymap_reset();
		snprintf(text, sizeof text, "bind list x quit\n%s\nset theme dark\n", bad[i].line);
		parse(&cfg, text);
		if (cfg.n_errors != 1 || !strstr(cfg.errors[0], bad[i].said))
			fail_msg("'%s': got %d errors, first '%s', want '%s'", bad[i].line,
				 cfg.n_errors, cfg.n_errors ? cfg.errors[0] : "", bad[i].said);
		assert_int_equal(cfg.theme, HY_CLI_THEME_DARK);
		assert_int_equal(hy_keymap_lookup(HY_SCREEN_LIST, 'x', &arg), HY_ACT_QUIT);
		hy_config_free(&cfg);
	}
}

/* What huiyi config prints reads back as the same keys, on every
 * screen, for every key a test can name. */
static void t_round_trip(void **state)
{
	struct hy_config cfg;
	static const uint32_t keys[] = {'j',
					'k',
					'q',
					'x',
					' ',
					'p',
					'f',
					'/',
					'1',
					'9',
					HY_KEY_ENTER,
					HY_KEY_ESC,
					HY_KEY_TAB,
					HY_KEY_BTAB,
					HY_KEY_LEFT,
					HY_KEY_PGDN,
					HY_KEY_CTRL('d'),
					HY_KEY_CTRL('n'),
					0x627E};
	enum hy_action before[HY_SCREEN_COUNT][sizeof keys / sizeof keys[0]];
	char *text = NULL;
	size_t len = 0;
	int arg;
	(void)state;
	parse(&cfg, "bind list x quit\nbind all ^N down\nbind meeting Space none\n"
		    "bind people 找 filter\n");
	hy_config_free(&cfg);
	for (int s = 0; s < HY_SCREEN_COUNT; s++)
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
			before[s][k] = hy_keymap_lookup((enum hy_screen)s, keys[k], &arg);
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	hy_config_print_keys(f);
	fclose(f);
	/* only the printed lines, over no defaults' worth of user keys */
	hy_keymap_reset();
	parse(&cfg, text);
	assert_int_equal(cfg.n_errors, 0);
	for (int s = 0; s < HY_SCREEN_COUNT; s++)
		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
			if (hy_keymap_lookup((enum hy_screen)s, keys[k], &arg) != before[s][k])
				fail_msg("screen %d key %u: %d, was %d", s, (unsigned)keys[k],
					 hy_keymap_lookup((enum hy_screen)s, keys[k], &arg),
					 before[s][k]);
	hy_config_free(&cfg);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(t_settings, reset),
		cmocka_unit_test_setup(t_binds, reset),
		cmocka_unit_test_setup(t_colours, reset),
		cmocka_unit_test_setup(t_errors, reset),
		cmocka_unit_test_setup(t_round_trip, reset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
