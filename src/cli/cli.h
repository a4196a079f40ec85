/* cli.h: what the files of src/cli share; not a public header. */
#ifndef HUIYI_CLI_H
#define HUIYI_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <jansson.h>

#include "huiyi/store.h"

/* Exit statuses (DESIGN.md §4). */
enum { HY_EXIT_OK = 0, HY_EXIT_FAIL = 1, HY_EXIT_USAGE = 2 };

/* What every subcommand gets from main. */
struct hy_cli {
	const char *db;                 /* database path */
	int db_default;                 /* db is the XDG default: create its folder */
	int utf8;                       /* the locale's encoding is UTF-8 */
	int ambiguous;                  /* HY_CLI_AMB_*: --ambiguous, HUIYI_AMBIGUOUS */
	int theme;                      /* HY_CLI_THEME_*: --theme, HUIYI_THEME */
	int force;                      /* --force before any command: past the console notice */
	const struct hy_config *config; /* the configuration file (config.h) */
	const char *db_from, *ambiguous_from, *theme_from; /* where each came from */
};

/* The background the colours are for (theme.h): told by the terminal
 * (COLORFGBG; else roles that read on both), or as given. */
enum { HY_CLI_THEME_AUTO = 0, HY_CLI_THEME_LIGHT, HY_CLI_THEME_DARK };

/* How wide ambiguous-width characters are (width.h): asked of the
 * terminal (the browser; the CLI takes narrow), or as given. */
enum { HY_CLI_AMB_AUTO = 0, HY_CLI_AMB_NARROW, HY_CLI_AMB_WIDE };

/* Subcommands: argv[0] is the subcommand's name. Return an exit status. */
int hy_cli_import(const struct hy_cli *c, int argc, char **argv);
int hy_cli_list(const struct hy_cli *c, int argc, char **argv);
int hy_cli_show(const struct hy_cli *c, int argc, char **argv);
int hy_cli_search(const struct hy_cli *c, int argc, char **argv);
int hy_cli_reindex(const struct hy_cli *c, int argc, char **argv);
int hy_cli_delete(const struct hy_cli *c, int argc, char **argv);
int hy_cli_split(const struct hy_cli *c, int argc, char **argv);
int hy_cli_people(const struct hy_cli *c, int argc, char **argv);
int hy_cli_trend(const struct hy_cli *c, int argc, char **argv);
int hy_cli_export(const struct hy_cli *c, int argc, char **argv);
int hy_cli_config(const struct hy_cli *c, int argc, char **argv);
int hy_cli_complete(const struct hy_cli *c, int argc, char **argv);
/* No command: the full-screen browser. */
int hy_cli_browse(const struct hy_cli *c);

/* Whether the screen is the Linux console, which has no font for Chinese
 * (the browser says so first): TERM is linux (or linux-*) and the input a
 * virtual console (on_vt), or an SSH session (over_ssh: TERM came from a
 * Linux console at the other end). kmscon sets a TERM of its own; fbterm
 * keeps TERM=linux but runs its shell on a pseudo-terminal, so TERM=linux
 * there, with no SSH, is a framebuffer terminal that draws Chinese. */
int hy_cli_linux_console(const char *term, int on_vt, int over_ssh);

/* The help text (stdout) and version. */
void hy_cli_help(FILE *f);

/* "huiyi: " + message + "\n" on stderr. */
void hy_cli_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
/* A usage error: one line with a hint to --help; returns HY_EXIT_USAGE. */
int hy_cli_usage(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Options of a subcommand. Either val (takes an argument) or flag. */
struct hy_cli_opt {
	const char *name; /* "--json" */
	const char **val;
	int *flag;
};

/* Parse argv[1..argc) against opts; positional arguments are gathered
 * into *pos (free()) in order, "--" ends the options. Returns 0 or
 * HY_EXIT_USAGE after printing the error. */
/* A number given on the command line: ASCII digits only (no sign, no
 * space on either side, which strtol would take on one side only), from
 * min to max; -1 otherwise. Every numeric option and argument reads with
 * it, so " 5" and "5 " are refused alike. */
long long hy_cli_number(const char *s, long long min, long long max);

/* A date bound given on the command line: YYYY-MM-DD, YYYY-MM or YYYY →
 * its first (upper 0) or last day as "YYYY-MM-DD" in out[16]. 0, or -1
 * when it is no such date. */
int hy_cli_date_bound(const char *s, int upper, char out[16]);
/* --from and --to of command cmd read into lo and hi (hy_cli_date_bound):
 * 0, or the usage exit code after the message naming the bad one. */
int hy_cli_dates(const char *cmd, const char *from, const char *to, char lo[16], char hi[16]);

/* One line of a message: every control character, LF and TAB too, as
 * U+FFFD (an argument cannot start a second line). */
void hy_cli_put_line(FILE *f, const char *s);

/* A file name in a message: control characters, bidi and invisible ones
 * and bytes that are no UTF-8 written as escapes (\n, \x1b, \xff,
 * \u{202e}), so the name can be found again and forges no line. */
void hy_cli_put_name(FILE *f, const char *s);

int hy_cli_parse(int argc, char **argv, const struct hy_cli_opt *opts, char ***pos, int *npos);

/* How hy_cli_open opens: 0, or these or'ed. */
enum {
	/* for import: also create the file, and its folder when it is
	 * the XDG default */
	HY_CLI_OPEN_CREATE = 1,
	/* a command that reads a few pages and ends (search): the first
	 * row of every b-tree is not read at open (HY_STORE_NO_PROBE);
	 * damage in what it reads is still an error; pages are read
	 * through a memory map (HY_STORE_MAPPED) */
	HY_CLI_OPEN_QUICK = 2,
};
/* Open the database (how: HY_CLI_OPEN_*). Prints the error; returns 0,
 * or the hy_err code. */
int hy_cli_open(const struct hy_cli *c, int how, struct hy_store **s);
void hy_cli_none_yet(void);

/* Display width of one code point (wcwidth() in a UTF-8 locale, else
 * ICU East Asian Width); controls count 1 (they print as U+FFFD). */
int hy_cli_cp_width(const struct hy_cli *c, uint32_t cp);
/* Display width of a UTF-8 string. */
size_t hy_cli_width(const struct hy_cli *c, const char *s);
/* Print s padded with spaces to exactly `width` columns, cut with "…"
 * when wider (width 0 = no limit, no padding). Controls and newlines
 * print as U+FFFD. */
void hy_cli_cell(const struct hy_cli *c, FILE *f, const char *s, size_t width, int pad);
/* Print s with controls (but LF and TAB) as U+FFFD. */
void hy_cli_put(FILE *f, const char *s);
/* A JSON string of s (null for NULL); invalid UTF-8 (a database written
 * by another program) as U+FFFD rather than no value at all. */
json_t *hy_cli_json_str(const char *s);
/* Write JSON text (jansson's) with C1, DEL, bidi and invisible format
 * characters as \uXXXX escapes: equal JSON, nothing a terminal obeys.
 * 0, or HY_ERR_NOMEM (nothing written) when jansson ran out of memory
 * while the value was made. */
int hy_cli_put_json(FILE *f, const char *json);
/* jansson's allocator (set by main before any JSON is made): a failed
 * allocation is remembered, since jansson's json_object_set_new and the
 * like then leave a member out and say so only in a return value nobody
 * checks; hy_cli_put_json writes nothing after one. */
void hy_cli_json_init(void);
/* Print text wrapped at `width` columns (0 = no wrapping); the first
 * line starts after `first` columns already used, following lines are
 * indented by `indent` spaces. Ends with a newline. */
void hy_cli_wrap(const struct hy_cli *c, FILE *f, const char *text, size_t width, size_t first,
		 size_t indent);
/* A copy of s, or NULL when s is NULL or empty; sets *oom when out of
 * memory. */
char *hy_cli_dup(const char *s, int *oom);
/* A bar of Unicode eighth blocks for v on a scale of 0..max over width
 * columns (trend): full blocks, then one of 1/8..7/8, then spaces to
 * exactly width columns, into out (outlen bytes: 3 * width + 1 holds
 * any). A value above 0 gets an eighth at least, max the whole width.
 * Returns the bytes written. */
size_t hy_cli_trend_bar(double v, double max, size_t width, char *out, size_t outlen);
/* One meeting as a readable document (export.c: export --format md|txt,
 * show --format md|txt): title, metadata, summary, numbered sections;
 * md as Markdown. Controls print as U+FFFD. */
struct hy_export_item;
void hy_cli_export_doc(const struct hy_cli *c, FILE *f, int md, const struct hy_export_item *it);
/* Columns of the terminal on fd, or 0 when fd is not a terminal. */
size_t hy_cli_term_cols(int fd);

#endif
