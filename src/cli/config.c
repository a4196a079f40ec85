/* config.c: the configuration file (config.h): found, read, parsed line by
 * line, applied; and printed back by `huiyi config`. */
#include "config.h"
#include "huiyi/i18n.h"

#include "cli.h"

#include "huiyi/err.h"
#include "huiyi/grid.h"
#include "huiyi/keymap.h"
#include "huiyi/theme.h"

#include <errno.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A file bigger than this is not a configuration. */
#define CONFIG_MAX (1 << 20)

void hy_config_init(struct hy_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->ambiguous = -1;
	cfg->theme = -1;
	cfg->script = -1;
	cfg->outline = -1;
}

void hy_config_free(struct hy_config *cfg)
{
	free(cfg->path);
	free(cfg->database);
	for (int i = 0; i < cfg->n_errors && i < HY_CONFIG_ERRORS_KEPT; i++)
		free(cfg->errors[i]);
	hy_config_init(cfg);
}

/* The user's home: HOME when absolute, else the password file's. */
static const char *home_dir(void)
{
	const char *home = getenv("HOME");
	if (!home || home[0] != '/') {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	return home && home[0] == '/' ? home : NULL;
}

static char *joined(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 1;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s%s", a, b);
	return p;
}

int hy_config_path(char **path)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = xdg && xdg[0] == '/' ? NULL : home_dir();
	*path = xdg && xdg[0] == '/' ? joined(xdg, "/huiyi/config")
		: home               ? joined(home, "/.config/huiyi/config")
				     : NULL;
	return (xdg && xdg[0] == '/') || home ? (*path ? 0 : HY_ERR_NOMEM) : 0;
}

/* Keep "FILE:LINE: message"; HY_ERR_NOMEM when it cannot be kept. */
static int error_at(struct hy_config *cfg, const char *file, int line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	int n = snprintf(msg, sizeof msg, "%s:%d: ", file, line);
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof msg)
		vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
	va_end(ap);
	if (cfg->n_errors < HY_CONFIG_ERRORS_KEPT) {
		cfg->errors[cfg->n_errors] = strdup(msg);
		if (!cfg->errors[cfg->n_errors])
			return HY_ERR_NOMEM;
	}
	cfg->n_errors++;
	return 0;
}

/* Split line (changed in place) into at most max words: runs of
 * non-blanks, or "a quoted word" (\" and \\ inside); # outside quotes
 * ends the line. Returns the count, or -1 for an unclosed quote. */
static int words_of(char *line, char **w, int max)
{
	int n = 0;
	char *p = line;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (!*p || *p == '#')
			return n;
		if (n == max)
			return max + 1;
		if (*p == '"') {
			char *o = ++p;
			w[n++] = o;
			while (*p && *p != '"') {
				if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
					p++;
				*o++ = *p++;
			}
			if (*p != '"')
				return -1;
			p++;
			*o = '\0';
			continue;
		}
		w[n++] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\r')
			p++;
		if (*p)
			*p++ = '\0';
	}
}

static int choice(const char *s, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static int set_line(struct hy_config *cfg, const char *file, int ln, char **w, int n)
{
	static const char *const amb[] = {"auto", "narrow", "wide"};   /* HY_CLI_AMB_* */
	static const char *const themes[] = {"auto", "light", "dark"}; /* HY_CLI_THEME_* */
	static const char *const scripts[] = {"stored", "simplified", "traditional"}; /* script.h */
	if (n != 3)
		return error_at(cfg, file, ln,
				"set: expected a name and one value (set database PATH, set "
				"ambiguous auto|narrow|wide, set theme auto|light|dark, set script "
				"stored|simplified|traditional, set outline auto|on|off)");
	if (strcmp(w[1], "outline") == 0) {
		static const char *const onoff[] = {"off", "on", "auto"};
		int v = choice(w[2], onoff, 3);
		if (v < 0)
			return error_at(cfg, file, ln,
					"set outline: expected auto, on or off, got '%s'", w[2]);
		cfg->outline = v;
		return 0;
	}
	if (strcmp(w[1], "script") == 0) {
		int v = choice(w[2], scripts, 3);
		if (v < 0)
			return error_at(
				cfg, file, ln,
				"set script: expected stored, simplified or traditional, got "
				"'%s'",
				w[2]);
		cfg->script = v;
		return 0;
	}
	if (strcmp(w[1], "ambiguous") == 0) {
		int v = choice(w[2], amb, 3);
		if (v < 0)
			return error_at(cfg, file, ln,
					"set ambiguous: expected auto, narrow or wide, got '%s'",
					w[2]);
		cfg->ambiguous = v;
		return 0;
	}
	if (strcmp(w[1], "theme") == 0) {
		int v = choice(w[2], themes, 3);
		if (v < 0)
			return error_at(cfg, file, ln,
					"set theme: expected auto, light or dark, got '%s'", w[2]);
		cfg->theme = v;
		return 0;
	}
	if (strcmp(w[1], "database") == 0) {
		char *p;
		if (!w[2][0])
			return error_at(cfg, file, ln, "set database: expected a file, got ''");
		if (strncmp(w[2], "~/", 2) == 0) {
			const char *home = home_dir();
			if (!home)
				return error_at(cfg, file, ln,
						"set database: ~/ needs a home, and this user "
						"has none");
			p = joined(home, w[2] + 1);
		} else {
			p = strdup(w[2]);
		}
		if (!p)
			return HY_ERR_NOMEM;
		free(cfg->database);
		cfg->database = p;
		return 0;
	}
	return error_at(cfg, file, ln,
			"set: expected database, ambiguous, theme, script or outline, got '%s'",
			w[1]);
}

static int bind_line(struct hy_config *cfg, const char *file, int ln, char **w, int n)
{
	unsigned screens;
	uint32_t key;
	enum hy_action act;
	if (n != 4)
		return error_at(cfg, file, ln,
				"bind: expected SCREENS KEY ACTION (bind list p people)");
	if (hy_keymap_screens_named(w[1], &screens) != 0)
		return error_at(cfg, file, ln,
				"bind: expected screens (%s, or several "
				"joined by commas), got '%s'",
				hy_keymap_screen_ids(), w[1]);
	if (hy_keymap_key_named(w[2], &key) != 0)
		return error_at(cfg, file, ln,
				"bind: expected a key (one character, Enter, Tab, S-Tab, Space, "
				"Esc, Up, Down, Left, Right, PgUp, PgDn, Home, End, Backspace, "
				"Delete, ^A … ^Y), got '%s'",
				w[2]);
	if (hy_keymap_action_named(w[3], &act) != 0)
		return error_at(cfg, file, ln, "bind: expected an action (%s), got '%s'",
				hy_keymap_action_ids(), w[3]);
	if (hy_keymap_bind(screens, key, act) != 0)
		return error_at(cfg, file, ln, "bind: more than %d bindings", HY_KEYMAP_USER_MAX);
	cfg->binds++;
	return 0;
}

static int color_line(struct hy_config *cfg, const char *file, int ln, char **w, int n)
{
	struct hy_role_style st = {-1, -1, 0, 0, 0};
	int role, i = 2, colours = 0;
	if (n < 3)
		return error_at(cfg, file, ln,
				"color: expected a role and its look (color heading bold blue)");
	role = hy_theme_role_named(w[1]);
	if (role < 0)
		return error_at(cfg, file, ln,
				"color: expected a role (normal, title, status, selected, "
				"heading, label, match, dim, error, placeholder), got '%s'",
				w[1]);
	for (; i < n; i++) {
		int a = hy_theme_attr_named(w[i]), c;
		if (a >= 0) {
			if (colours)
				break; /* attributes come first */
			st.attr |= a;
			continue;
		}
		c = hy_theme_colour_named(w[i]);
		if (c < -1)
			break;
		if (colours == 0) {
			st.fg = (short)c;
			colours = 1;
		} else if (colours == 2) {
			st.bg = (short)c;
			colours = 3;
		} else {
			break;
		}
		if (colours == 1 && i + 1 < n && strcmp(w[i + 1], "on") == 0) {
			i++;
			colours = 2;
		}
	}
	if (i < n || colours == 2)
		return error_at(cfg, file, ln,
				"color: expected attributes (bold, underline, reverse, dim, "
				"normal), then a colour (black, red, green, yellow, blue, "
				"magenta, cyan, white, default) and 'on' a colour, got '%s'",
				i < n ? w[i] : "on");
	/* without colours (NO_COLOR, a vt100) the attributes stand in; a
	 * role given colours only keeps the theme's */
	st.mono = st.attr ? st.attr : hy_theme_roles(HY_THEME_UNKNOWN)[role].mono;
	hy_theme_set_user(role, &st);
	cfg->colours++;
	return 0;
}

int hy_config_parse(struct hy_config *cfg, const char *file, const char *text, size_t len)
{
	size_t at = 0;
	int ln = 0, rc = 0;
	while (at < len && rc == 0) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t l = nl ? (size_t)(nl - (text + at)) : len - at;
		char *line = malloc(l + 1), *w[8];
		ln++;
		if (!line)
			return HY_ERR_NOMEM;
		memcpy(line, text + at, l);
		line[l] = '\0';
		at += l + 1;
		int n = memchr(line, '\0', l) ? -2 : words_of(line, w, 8);
		if (n == -2)
			rc = error_at(cfg, file, ln, "a NUL byte: not a text file");
		else if (n < 0)
			rc = error_at(cfg, file, ln, "a quote is not closed");
		else if (n == 0)
			rc = 0;
		else if (strcmp(w[0], "set") == 0)
			rc = set_line(cfg, file, ln, w, n > 8 ? 9 : n);
		else if (strcmp(w[0], "bind") == 0)
			rc = bind_line(cfg, file, ln, w, n > 8 ? 9 : n);
		else if (strcmp(w[0], "color") == 0 || strcmp(w[0], "colour") == 0)
			rc = n > 8 ? error_at(cfg, file, ln, "color: too many words")
				   : color_line(cfg, file, ln, w, n);
		else
			rc = error_at(cfg, file, ln, "expected set, bind or color, got '%s'", w[0]);
		free(line);
	}
	return rc;
}

int hy_config_load(struct hy_config *cfg)
{
	FILE *f;
	char *buf;
	size_t n;
	if (!cfg->path)
		return 0;
	f = fopen(cfg->path, "rb");
	if (!f) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		return error_at(cfg, cfg->path, 0, "cannot read it (%s)", strerror(errno));
	}
	buf = malloc(CONFIG_MAX + 1);
	if (!buf) {
		fclose(f);
		return HY_ERR_NOMEM;
	}
	n = fread(buf, 1, CONFIG_MAX + 1, f);
	int bad = ferror(f);
	fclose(f);
	int rc;
	if (bad)
		rc = error_at(cfg, cfg->path, 0, "cannot read it (%s)", strerror(errno));
	else if (n > CONFIG_MAX)
		rc = error_at(cfg, cfg->path, 0, "over %d bytes: not a configuration", CONFIG_MAX);
	else {
		cfg->found = 1;
		rc = hy_config_parse(cfg, cfg->path, buf, n);
	}
	free(buf);
	return rc;
}

/* ---- printing ---------------------------------------------------------- */

static void print_bind(void *ctx, unsigned screens, uint32_t key, enum hy_action act)
{
	FILE *f = ctx;
	char k[32], list[160] = "";
	size_t used = 0;
	if (act == HY_ACT_SECTION) { /* 1 to 9, by their digits: fixed */
		if (key == '1')
			fprintf(f, "# 1 … 9 in a meeting: agenda sections 1 to 9 (not rebound)\n");
		return;
	}
	hy_keymap_key_id(key, k, sizeof k);
	if (screens == (1u << HY_SCREEN_COUNT) - 1) {
		snprintf(list, sizeof list, "all");
	} else {
		for (int s = 0; s < HY_SCREEN_COUNT; s++)
			if (screens & (1u << s)) {
				int w = snprintf(list + used, sizeof list - used, "%s%s",
						 used ? "," : "", hy_keymap_screen_id(s));
				if (w > 0 && (size_t)w < sizeof list - used)
					used += (size_t)w;
			}
	}
	/* a key with a blank or a quote in it is quoted */
	fprintf(f, strpbrk(k, " \"#") ? "bind %s \"%s\" %s\n" : "bind %s %s %s\n", list, k,
		hy_keymap_action_id(act));
}

void hy_config_print_keys(FILE *f)
{
	hy_keymap_each(print_bind, f);
}

static void print_role(FILE *f, const char *lead, const struct hy_role_style *st, const char *role)
{
	char attrs[64];
	hy_theme_attr_ids(st->attr, attrs, sizeof attrs);
	fprintf(f, "%scolor %s%s%s %s", lead, role, attrs[0] ? " " : "", attrs,
		hy_theme_colour_id(st->fg));
	if (st->bg >= 0)
		fprintf(f, " on %s", hy_theme_colour_id(st->bg));
	fputc('\n', f);
}

void hy_config_print_colours(FILE *f)
{
	static const struct {
		enum hy_theme theme;
		const char *name;
	} themes[] = {{HY_THEME_DARK, "dark"},
		      {HY_THEME_LIGHT, "light"},
		      {HY_THEME_UNKNOWN, "background not known"}};
	const struct hy_role_style *all[3];
	for (int t = 0; t < 3; t++)
		all[t] = hy_theme_roles(themes[t].theme);
	for (int r = 1; r < HY_ROLE_COUNT; r++) { /* normal is the terminal's */
		const char *role = hy_theme_role_id(r);
		int same = memcmp(&all[0][r], &all[1][r], sizeof all[0][r]) == 0 &&
			   memcmp(&all[0][r], &all[2][r], sizeof all[0][r]) == 0;
		if (same) {
			print_role(f, "", &all[0][r], role);
			continue;
		}
		for (int t = 0; t < 3; t++) {
			char lead[64];
			snprintf(lead, sizeof lead, "# on %s: ", themes[t].name);
			print_role(f, lead, &all[t][r], role);
		}
	}
}

/* huiyi config: what is in force, as a configuration file would say it,
 * with where each setting came from; the file's errors on stderr (exit
 * 1), so `huiyi config >/dev/null` checks a file. */
int hy_cli_config(const struct hy_cli *c, int argc, char **argv)
{
	static const char *const amb[] = {"auto", "narrow", "wide"};
	static const char *const themes[] = {"auto", "light", "dark"};
	const struct hy_config *cfg = c->config;
	(void)argv;
	if (argc > 1)
		return hy_cli_usage("config", _("config takes no arguments"));
	if (!cfg->path)
		printf("# no configuration file: this user has no home\n");
	else
		printf("# %s: %s\n", cfg->path,
		       cfg->found ? "read" : "not there (huiyi runs on its defaults)");
	printf("set database \"%s\"  # %s\n", c->db, c->db_from);
	printf("set ambiguous %s  # %s\n", amb[c->ambiguous], c->ambiguous_from);
	printf("set theme %s  # %s\n", themes[c->theme], c->theme_from);
	{
		static const char *const scripts[] = {"stored", "simplified", "traditional"};
		int sc = cfg->script >= 0 && cfg->script < 3 ? cfg->script : 0;
		printf("set script %s  # %s\n", scripts[sc],
		       cfg->script >= 0 ? "the configuration file" : "the default");
	}
	printf("set outline %s  # %s%s\n",
	       cfg->outline == 0   ? "off"
	       : cfg->outline == 1 ? "on"
				   : "auto",
	       cfg->outline >= 0 ? "the configuration file" : "the default",
	       cfg->outline == 0 || cfg->outline == 1
		       ? ""
		       : " (beside the text where the terminal has left and right margins)");
	printf("\n# colours (roles: color ROLE [ATTR...] [FG [on BG]])\n");
	hy_config_print_colours(stdout);
	printf("\n# keys (bind SCREENS KEY ACTION; ACTION none unbinds)\n");
	hy_config_print_keys(stdout);
	for (int i = 0; i < cfg->n_errors && i < HY_CONFIG_ERRORS_KEPT; i++)
		hy_cli_error("%s", cfg->errors[i]);
	if (cfg->n_errors > HY_CONFIG_ERRORS_KEPT)
		hy_cli_error(_("and %d more errors"), cfg->n_errors - HY_CONFIG_ERRORS_KEPT);
	return cfg->n_errors ? HY_EXIT_FAIL : HY_EXIT_OK;
}
