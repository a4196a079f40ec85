/* config.h: the configuration file, $XDG_CONFIG_HOME/huiyi/config (else
 * ~/.config/huiyi/config; DESIGN.md §4 configuration).
 *
 * One setting a line, # to the end of a line a comment:
 *   set database PATH          the default database (~/ is the home)
 *   set ambiguous auto|narrow|wide
 *   set theme auto|light|dark
 *   bind SCREENS KEY ACTION    bind list p people; bind all ^N down
 *   color ROLE [ATTR…] [FG [on BG]]   color heading bold blue
 * The command line and the environment (-d, HUIYI_DB, --ambiguous,
 * HUIYI_AMBIGUOUS, --theme, HUIYI_THEME) come before it. Bindings and
 * colours go straight into the key table (keymap.h) and the themes
 * (theme.h). A line in error is left out and named (FILE:LINE: what was
 * expected); the rest still counts, and the browser still starts. */
#ifndef HUIYI_CLI_CONFIG_H
#define HUIYI_CLI_CONFIG_H

#include <stddef.h>
#include <stdio.h>

enum { HY_CONFIG_ERRORS_KEPT = 16 };

struct hy_config {
	char *path;         /* the file looked for (NULL: no home to look in) */
	int found;          /* it exists and was read */
	char *database;     /* set database, ~/ expanded; NULL when not set */
	int ambiguous;      /* HY_CLI_AMB_*, -1 when not set */
	int theme;          /* HY_CLI_THEME_*, -1 when not set */
	int script;         /* enum hy_script (script.h), -1 when not set */
	int outline;        /* set outline auto|on|off: 2, 1, 0; -1 when not set (auto) */
	int binds, colours; /* how many lines of each took effect */
	char *errors[HY_CONFIG_ERRORS_KEPT]; /* "FILE:LINE: …", the first ones */
	int n_errors;                        /* all of them */
};

/* Where the file is: $XDG_CONFIG_HOME/huiyi/config when XDG_CONFIG_HOME is
 * absolute, else $HOME/.config/huiyi/config; *path malloc()ed, or NULL
 * when there is no home. 0 or HY_ERR_NOMEM. */
int hy_config_path(char **path);

/* Read the file at cfg->path (set by the caller, or hy_config_path()) and
 * apply it. A missing file is no error. 0, or HY_ERR_NOMEM. */
int hy_config_load(struct hy_config *cfg);

/* Parse text as the file named file (for its messages) and apply it. 0 or
 * HY_ERR_NOMEM; errors in the text are kept in cfg. */
int hy_config_parse(struct hy_config *cfg, const char *file, const char *text, size_t len);

void hy_config_init(struct hy_config *cfg);
void hy_config_free(struct hy_config *cfg);

/* The effective bindings and colours in the file's own syntax, for
 * `huiyi config` (the settings are the caller's: their sources differ). */
void hy_config_print_keys(FILE *f);
void hy_config_print_colours(FILE *f);

#endif
