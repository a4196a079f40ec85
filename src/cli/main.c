/* main.c: global options, the database path, and the subcommands. */
#include "cli.h"
#include "config.h"

#include "huiyi/i18n.h"
#include "huiyi/mem.h"
#include "huiyi/store.h"
#include "huiyi/width.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* -d FILE, else $HUIYI_DB, else the config file's set database, else
 * $XDG_DATA_HOME/huiyi/huiyi.db with XDG_DATA_HOME defaulting to
 * ~/.local/share (a relative XDG_DATA_HOME is ignored, as the XDG spec
 * says). The result is malloc()ed; NULL with errno ENOMEM when memory ran
 * out, else NULL when there is no home. *from says which it was. */
static char *db_path(const char *opt, const char *configured, int *is_default, const char **from)
{
	const char *env = getenv("HUIYI_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home;
	char *p;
	size_t n;

	*is_default = 0;
	if (opt) {
		*from = "-d";
		return strdup(opt);
	}
	if (env && env[0]) {
		*from = "HUIYI_DB";
		return strdup(env);
	}
	if (configured) {
		*from = "the configuration file";
		return strdup(configured);
	}
	*from = "the default";
	*is_default = 1;
	if (xdg && xdg[0] == '/') {
		n = strlen(xdg) + sizeof "/huiyi/huiyi.db";
		p = malloc(n);
		if (p)
			snprintf(p, n, "%s/huiyi/huiyi.db", xdg);
		return p;
	}
	/* XDG Base Directory rules: a relative path is ignored, HOME's too
	 * (HOME=. would put the database wherever the command runs) */
	home = getenv("HOME");
	if (!home || home[0] != '/') {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home || home[0] != '/') {
		errno = 0; /* getpwuid's, if any: not ours to report */
		return NULL;
	}
	n = strlen(home) + sizeof "/.local/share/huiyi/huiyi.db";
	p = malloc(n);
	if (p)
		snprintf(p, n, "%s/.local/share/huiyi/huiyi.db", home);
	return p;
}

/* "auto", "narrow", "wide" as HY_CLI_AMB_*, else -1. */
static int ambiguous_rule(const char *s)
{
	static const char *const names[] = {"auto", "narrow", "wide"};

	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0)
			return i; /* the order of HY_CLI_AMB_* */
	return -1;
}

/* "auto", "light", "dark" as HY_CLI_THEME_*, else -1. */
static int theme_name(const char *s)
{
	static const char *const names[] = {"auto", "light", "dark"};

	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0)
			return i; /* the order of HY_CLI_THEME_* */
	return -1;
}

/* The one wait an upgrade may bring (store.h hy_store_on_refold). */
static void refolding(const char *path)
{
	/* a database with no meetings yet takes no time: say nothing */
	struct stat sb;
	if (stat(path, &sb) == 0 && sb.st_size > (1 << 20))
		hy_cli_error(_("%s: making the search index again for this build's character "
			       "folding (once; about as long as huiyi reindex)"),
			     path);
}

/* The other wait: an older database's schema brought up to this build's. */
static void upgrading(const char *path, int from, int to)
{
	struct stat sb;
	if (stat(path, &sb) == 0 && sb.st_size > (64 << 20))
		hy_cli_error(_("%s: upgrading the database from schema %d to %d (once; a large "
			       "database takes minutes)"),
			     path, from, to);
}

int main(int argc, char **argv)
{
	/* writes: the command stores people (an import's workers make
	 * their sort keys), so ICU's collator is made before it starts
	 * (hy_store_init); a command that reads does without (~0.3 ms of
	 * a search), and makes it on first use if an upgrade needs it */
	static const struct {
		const char *name;
		int (*run)(const struct hy_cli *, int, char **);
		int writes;
	} cmds[] = {
		{"import", hy_cli_import, 1},   {"list", hy_cli_list, 0},
		{"show", hy_cli_show, 0},       {"search", hy_cli_search, 0},
		{"reindex", hy_cli_reindex, 1}, {"delete", hy_cli_delete, 1},
		{"split", hy_cli_split, 1},     {"people", hy_cli_people, 0},
		{"trend", hy_cli_trend, 0},     {"export", hy_cli_export, 0},
		{"config", hy_cli_config, 0},   {"_complete", hy_cli_complete, 0},
	};
	const char *db = NULL, *codeset, *amb = NULL, *theme = NULL;
	char **rest;
	int n = 0, help = 0, version = 0, rc;
	struct hy_cli c = {0};
	struct hy_config cfg;
	char *path;

	/* ICU's allocator is huiyi's before any ICU call; the collator,
	 * which ICU cannot fail to set up, is made strict (huiyi/mem.h)
	 * below, for the commands that write */
	hy_mem_icu_strict(0);
	hy_store_on_refold(refolding);
	hy_store_on_upgrade(upgrading);
	/* the tests' small databases get a dictionary for their clean
	 * texts (schema v18) from this many meetings on */
	if (getenv("HUIYI_CLEAN_DICT_MIN"))
		hy_store_clean_dict_min(strtol(getenv("HUIYI_CLEAN_DICT_MIN"), NULL, 10));
	hy_cli_json_init();

	setlocale(LC_ALL, "");
	hy_i18n_init(NULL);
	codeset = nl_langinfo(CODESET);
	c.utf8 = codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);

	/* Global options may come anywhere before "--"; the rest (the
	 * subcommand and its arguments) keeps its order. */
	rest = calloc((size_t)argc + 1, sizeof *rest);
	if (!rest) {
		hy_cli_error(_("out of memory"));
		return HY_EXIT_FAIL;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0) {
			while (i < argc)
				rest[n++] = argv[i++];
			break;
		}
		if (strcmp(a, "-d") == 0 || strcmp(a, "--db") == 0) {
			if (i + 1 >= argc || !argv[i + 1][0]) {
				free(rest);
				return hy_cli_usage(NULL,
						    _("option '%s' needs a "
						      "database file"),
						    a);
			}
			db = argv[++i];
		} else if (strncmp(a, "--db=", 5) == 0 && a[5]) {
			db = a + 5;
		} else if (strcmp(a, "--ambiguous") == 0) {
			if (i + 1 >= argc) {
				free(rest);
				return hy_cli_usage(NULL,
						    _("option '%s' needs auto, "
						      "narrow or wide"),
						    a);
			}
			amb = argv[++i];
		} else if (strncmp(a, "--ambiguous=", 12) == 0) {
			amb = a + 12;
		} else if (strcmp(a, "--theme") == 0) {
			if (i + 1 >= argc) {
				free(rest);
				return hy_cli_usage(NULL,
						    _("option '%s' needs auto, "
						      "light or dark"),
						    a);
			}
			theme = argv[++i];
		} else if (strncmp(a, "--theme=", 8) == 0) {
			theme = a + 8;
		} else if (strcmp(a, "--force") == 0 && n == 0) {
			c.force = 1; /* the browser's; import --force is import's */
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			help = 1;
		} else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
			version = 1;
		} else {
			rest[n++] = argv[i];
		}
	}
	if (help || version) {
		if (help)
			hy_cli_help(stdout);
		else
			printf("huiyi %s\n", HY_VERSION);
		free(rest);
		return fflush(stdout) == 0 ? HY_EXIT_OK : HY_EXIT_FAIL;
	}
	if (n > 0 && rest[0][0] == '-' && strcmp(rest[0], "--") != 0) {
		rc = hy_cli_usage(NULL, _("unknown option '%s'"), rest[0]);
		free(rest);
		return rc;
	}
	/* the configuration file: its keys and colours take effect now, its
	 * settings below, after the command line and the environment */
	hy_config_init(&cfg);
	c.config = &cfg;
	if (hy_config_path(&cfg.path) != 0 || hy_config_load(&cfg) != 0) {
		free(rest);
		hy_config_free(&cfg);
		hy_cli_error(_("out of memory"));
		return HY_EXIT_FAIL;
	}
	/* a command says what was wrong in it (the browser in its status
	 * line, huiyi config all of it) */
	if (cfg.n_errors && n > 0 && strcmp(rest[0], "config") != 0)
		hy_cli_error("%s%s", cfg.errors[0],
			     cfg.n_errors > 1 ? _(" (and more: huiyi config lists them)") : "");
	/* ambiguous-width characters: the option, else HUIYI_AMBIGUOUS,
	 * else the config file, else auto */
	c.ambiguous_from = amb ? "--ambiguous" : "the default";
	if (!amb && getenv("HUIYI_AMBIGUOUS") && *getenv("HUIYI_AMBIGUOUS")) {
		c.ambiguous_from = "HUIYI_AMBIGUOUS";
		amb = getenv("HUIYI_AMBIGUOUS");
		if (ambiguous_rule(amb) < 0) {
			free(rest);
			hy_config_free(&cfg);
			return hy_cli_usage(NULL, _("HUIYI_AMBIGUOUS must be auto, "
						    "narrow or wide"));
		}
	}
	if (amb && (c.ambiguous = ambiguous_rule(amb)) < 0) {
		free(rest);
		hy_config_free(&cfg);
		return hy_cli_usage(NULL, _("--ambiguous takes auto, narrow or "
					    "wide"));
	}
	if (!amb && cfg.ambiguous >= 0) {
		c.ambiguous = cfg.ambiguous;
		c.ambiguous_from = "the configuration file";
	}
	hy_width_set_ambiguous(c.ambiguous == HY_CLI_AMB_WIDE);
	/* the background: the option, else HUIYI_THEME, else the config
	 * file, else auto */
	c.theme_from = theme ? "--theme" : "the default";
	if (!theme && getenv("HUIYI_THEME") && *getenv("HUIYI_THEME")) {
		c.theme_from = "HUIYI_THEME";
		theme = getenv("HUIYI_THEME");
		if (theme_name(theme) < 0) {
			free(rest);
			hy_config_free(&cfg);
			return hy_cli_usage(NULL, _("HUIYI_THEME must be auto, light or dark"));
		}
	}
	if (theme && (c.theme = theme_name(theme)) < 0) {
		free(rest);
		hy_config_free(&cfg);
		return hy_cli_usage(NULL, _("--theme takes auto, light or dark"));
	}
	if (!theme && cfg.theme >= 0) {
		c.theme = cfg.theme;
		c.theme_from = "the configuration file";
	}
	errno = 0;
	path = db_path(db, cfg.database, &c.db_default, &c.db_from);
	if (!path) {
		free(rest);
		hy_config_free(&cfg);
		if (errno == ENOMEM)
			hy_cli_error(_("out of memory"));
		else
			hy_cli_error(_("no database path: HOME (and XDG_DATA_HOME) are "
				       "not absolute paths, and the user has no home "
				       "folder; set HUIYI_DB or use -d FILE"));
		return HY_EXIT_FAIL;
	}
	c.db = path;
	if (n == 0) {
		hy_store_init(); /* the browser: never later, in curses */
		rc = hy_cli_browse(&c);
	} else {
		size_t i = 0;
		while (i < sizeof cmds / sizeof cmds[0] && strcmp(rest[0], cmds[i].name) != 0)
			i++;
		if (i < sizeof cmds / sizeof cmds[0] && cmds[i].writes)
			hy_store_init();
		if (i < sizeof cmds / sizeof cmds[0])
			rc = cmds[i].run(&c, n, rest);
		else
			rc = hy_cli_usage(NULL, _("unknown command '%s'"), rest[0]);
	}
	if (fflush(stdout) != 0 && rc == HY_EXIT_OK) {
		hy_cli_error(_("cannot write the output"));
		rc = HY_EXIT_FAIL;
	}
	free(path);
	free(rest);
	hy_config_free(&cfg);
	return rc;
}
