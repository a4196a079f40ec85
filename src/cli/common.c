/* common.c: what every subcommand uses: messages, options, the database. */
#include "cli.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/search.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A message with controls as U+FFFD (hy_cli_put): its arguments (a path,
 * a query, a bad option) may hold escape sequences. */
static void put_message(const char *fmt, va_list ap)
{
	char buf[1024], *p = buf;
	va_list aq;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(buf, sizeof buf, fmt, ap);
	if (n >= (int)sizeof buf && (p = malloc((size_t)n + 1)) != NULL)
		vsnprintf(p, (size_t)n + 1, fmt, aq);
	va_end(aq);
	if (n >= 0)
		hy_cli_put_line(stderr, p ? p : buf);
	if (p != buf)
		free(p);
}

long long hy_cli_number(const char *s, long long min, long long max)
{
	long long v = 0;
	if (!s || !*s)
		return -1;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		if (v > (max - (*p - '0')) / 10)
			return -1; /* over max (and never overflows) */
		v = v * 10 + (*p - '0');
	}
	return v >= min && v <= max ? v : -1;
}

static int is_date(const char *s, int parts, int *y, int *m, int *d)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int want = parts == 3 ? 10 : parts == 2 ? 7 : 4;
	if ((int)strlen(s) != want)
		return 0;
	for (int i = 0; i < want; i++) {
		int dash = i == 4 || i == 7;
		if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	}
	*y = atoi(s);
	*m = parts >= 2 ? atoi(s + 5) : 0;
	*d = parts == 3 ? atoi(s + 8) : 0;
	if (parts >= 2 && (*m < 1 || *m > 12))
		return 0;
	if (parts == 3) {
		int leap = (*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0;
		int max = *m == 2 && !leap ? 28 : mdays[*m - 1];
		if (*d < 1 || *d > max)
			return 0;
	}
	return 1;
}

/* YYYY-MM-DD, YYYY-MM or YYYY → the first (lower) or last (upper) day,
 * as "YYYY-MM-DD" in out[16]. 0, or -1 when it is not such a date. */
int hy_cli_date_bound(const char *s, int upper, char out[16])
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d;
	if (is_date(s, 3, &y, &m, &d)) {
	} else if (is_date(s, 2, &y, &m, &d)) {
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		d = upper ? mdays[m - 1] + (m == 2 && leap) : 1;
	} else if (is_date(s, 1, &y, &m, &d)) {
		m = upper ? 12 : 1;
		d = upper ? 31 : 1;
	} else {
		return -1;
	}
	snprintf(out, 16, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
	return 0;
}

int hy_cli_dates(const char *cmd, const char *from, const char *to, char lo[16], char hi[16])
{
	if (from && hy_cli_date_bound(from, 0, lo) != 0)
		return hy_cli_usage(
			cmd, _("bad date '%s' for --from (use YYYY-MM-DD, YYYY-MM or YYYY)"), from);
	if (to && hy_cli_date_bound(to, 1, hi) != 0)
		return hy_cli_usage(
			cmd, _("bad date '%s' for --to (use YYYY-MM-DD, YYYY-MM or YYYY)"), to);
	return 0;
}

void hy_cli_error(const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fputs("huiyi: ", stderr);
	va_start(ap, fmt);
	put_message(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int hy_cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fputs("huiyi: ", stderr);
	if (cmd)
		fprintf(stderr, "%s: ", cmd);
	va_start(ap, fmt);
	put_message(fmt, ap);
	va_end(ap);
	fputs(_(" (see huiyi --help)"), stderr);
	fputc('\n', stderr);
	return HY_EXIT_USAGE;
}

void hy_cli_help(FILE *f)
{
	fputs(_("usage: huiyi [-d DB] [COMMAND [ARGS]]\n"
		"\n"),
	      f);
	/* TRANSLATORS: keep the commands and options as they are (they are
	 * typed); the descriptions start at column 36 and end by column 80,
	 * counted in display columns (a Chinese character is two) */
	fputs(_("commands:\n"
		"  import [--encoding E] [--year Y] [--force] [--replace]\n"
		"         [--follow-links] [--no-merge] PATH...|-\n"
		"                                   import files, folders (recursively) or stdin;\n"
		"                                   --replace: parse again files already stored;\n"
		"                                   --no-merge: the same meeting from another\n"
		"                                   place is a meeting of its own\n"
		"  list [--from D] [--to D] [--body B] [--person P] [--json]\n"
		"                                   meetings, newest first\n"
		"  show ID [--section N] [--json] [--format md|txt]\n"
		"          [--script simplified|traditional]\n"
		"                                   one meeting (in the other script)\n"
		"  search QUERY [--limit N] [--offset N] [--sort rank|date]\n"
		"         [--from D] [--to D] [--body B] [--person P] [--json]\n"
		"                                   sections that match, best first;\n"
		"                                   \"phrase\", -word, a OR b, pinyin\n"
		"  reindex                          rebuild the search index\n"
		"  delete ID... [--json]            delete meetings (all or none)\n"
		"  split ID                         undo a merge: each source but the shown one\n"
		"                                   a meeting of its own again\n"
		"  people [--sort count|name|last] [--body B] [--from D] [--to D]\n"
		"         [--limit N] [--json]      everyone who chaired, attended, observed\n"
		"  people NAME [--place P] [--json] one person's roles, meetings, and who\n"
		"                                   they met; NAME in either script or pinyin\n"
		"  trend QUERY... [--by month|quarter|year] [--from D] [--to D]\n"
		"         [--body B] [--person P] [--share] [--json]\n"
		"                                   matching meetings per period, as bars\n"
		"  export --format csv|jsonl|md|txt [--from D] [--to D] [--body B]\n"
		"         [--person P] [--query Q] [--out DIR|FILE] [--bom] [--force]\n"
		"                                   the meetings as tables or documents\n"
		"  config                           the configuration in force, and the file's\n"
		"                                   errors (~/.config/huiyi/config)\n"
		"  (none)                           the browser: the meetings, search, people\n"
		"\n"),
	      f);
	/* TRANSLATORS: the descriptions start at column 20, end by 80 */
	fputs(_("options:\n"
		"  -d, --db FILE    the database (else $HUIYI_DB, else the\n"
		"                   config's, else $XDG_DATA_HOME/huiyi/huiyi.db)\n"
		"  --ambiguous auto|narrow|wide\n"
		"                   East Asian ambiguous-width characters (quotation\n"
		"                   marks, ellipsis...) take 1 column or 2 (else\n"
		"                   $HUIYI_AMBIGUOUS, else the config's, else auto:\n"
		"                   ask the terminal)\n"
		"  --theme auto|light|dark\n"
		"                   the background the colours are for (else\n"
		"                   $HUIYI_THEME, else the config's, else auto:\n"
		"                   COLORFGBG, else ask the terminal, with\n"
		"                   colours that read on both until it answers)\n"
		"  --force          start the browser on the Linux console too\n"
		"  -h, --help       this help\n"
		"  -V, --version    the version\n"
		"\n"),
	      f);
	fputs(_("dates D: YYYY-MM-DD, YYYY-MM or YYYY, bounds included.\n"
		"exit status: 0 success, 1 failure (a file rejected, no such meeting),\n"
		"2 usage. More in man huiyi.\n"),
	      f);
}

static const struct hy_cli_opt *find(const struct hy_cli_opt *opts, const char *arg, size_t len)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == len && strncmp(opts->name, arg, len) == 0)
			return opts;
	return NULL;
}

int hy_cli_parse(int argc, char **argv, const struct hy_cli_opt *opts, char ***pos, int *npos)
{
	const char *cmd = argv[0];
	char **v = calloc((size_t)argc + 1, sizeof *v);
	int n = 0, dashdash = 0;

	if (!v) {
		hy_cli_error(_("out of memory"));
		return HY_EXIT_FAIL;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct hy_cli_opt *o;
		const char *eq;
		size_t len;

		if (dashdash || a[0] != '-' || strcmp(a, "-") == 0) {
			v[n++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			dashdash = 1;
			continue;
		}
		eq = strchr(a, '=');
		len = eq && a[1] == '-' ? (size_t)(eq - a) : strlen(a);
		o = find(opts, a, len);
		if (!o) {
			free(v);
			return hy_cli_usage(cmd, _("unknown option '%.*s'"), (int)len, a);
		}
		if (o->flag) {
			if (eq && a[1] == '-') {
				free(v);
				return hy_cli_usage(cmd, _("option '%s' takes no value"), o->name);
			}
			*o->flag = 1;
		} else if (eq && a[1] == '-') {
			*o->val = eq + 1;
		} else if (i + 1 < argc) {
			*o->val = argv[++i];
		} else {
			free(v);
			return hy_cli_usage(cmd, _("option '%s' needs a value"), o->name);
		}
	}
	*pos = v;
	*npos = n;
	return 0;
}

/* mkdir -p of the folder that holds path: 0, HY_ERR_NOMEM, or HY_ERR_IO
 * with errno set. */
static int make_parent(const char *path)
{
	char *d = strdup(path);
	char *slash;
	int rc = 0;

	if (!d)
		return HY_ERR_NOMEM;
	slash = strrchr(d, '/');
	if (slash && slash != d) {
		*slash = '\0';
		for (char *p = d + 1; rc == 0; p++) {
			if (*p != '/' && *p != '\0')
				continue;
			char c = *p;
			*p = '\0';
			if (mkdir(d, 0700) != 0 && errno != EEXIST)
				rc = HY_ERR_IO;
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(d);
	return rc;
}

/* The database file and its folder can be written: a command that only
 * reads opens it read-write then (so an older schema is upgraded as
 * before), else read-only (store.h HY_STORE_READONLY), which writes
 * nothing, not even the -shm file a WAL database wants. */
static int writable(const char *path)
{
	char *d = strdup(path), *slash;
	int ok;

	if (!d)
		return 0;
	slash = strrchr(d, '/');
	if (!slash)
		strcpy(d, ".");
	else if (slash == d)
		d[1] = '\0';
	else
		*slash = '\0';
	ok = access(path, W_OK) == 0 && access(d, W_OK) == 0;
	free(d);
	return ok;
}

/* How searches run (search.h struct hy_search_opts), from the
 * environment: knobs for tests and timing, not for users (the results
 * are the same every way). HUIYI_SEARCH_PLAN=join|walk forces a plan,
 * HUIYI_SEARCH_THREADS=1 keeps a scan in one thread,
 * HUIYI_SEARCH_SPLIT_MIN=rows sets the index size from which a scan is
 * split, HUIYI_SEARCH_NOLENS (set) reads row lengths from %_docsize,
 * HUIYI_SEARCH_FULL (set) scores every match (no block-max bounds). */
static void search_opts(struct hy_store *s)
{
	struct hy_search_opts o = {0};
	const char *e = getenv("HUIYI_SEARCH_PLAN");
	if (e && strcmp(e, "join") == 0)
		o.plan = HY_SEARCH_PLAN_JOIN;
	else if (e && strcmp(e, "walk") == 0)
		o.plan = HY_SEARCH_PLAN_WALK;
	e = getenv("HUIYI_SEARCH_THREADS");
	o.one_thread = e && atoi(e) == 1;
	e = getenv("HUIYI_SEARCH_SPLIT_MIN");
	if (e && *e) /* 0 and below split as 1 does: an index of 2 rows */
		o.split_min = atoll(e) > 0 ? atoll(e) : 1;
	o.no_lens = getenv("HUIYI_SEARCH_NOLENS") != NULL;
	o.full_rank = getenv("HUIYI_SEARCH_FULL") != NULL;
	hy_store_search_opts(s, &o);
}

/* What a command that reads says when there is no database yet
 * (hy_cli_open gave HY_ERR_NOTFOUND): how to make one. */
void hy_cli_none_yet(void)
{
	fputs(_("no meetings yet, run huiyi import PATH... (see huiyi --help)\n"), stderr);
}

int hy_cli_open(const struct hy_cli *c, int how, struct hy_store **s)
{
	char err[512] = "";
	int create = (how & HY_CLI_OPEN_CREATE) != 0;
	int quick = (how & HY_CLI_OPEN_QUICK) ? HY_STORE_NO_PROBE | HY_STORE_MAPPED : 0;
	int flags = create ? HY_STORE_CREATE : 0, rc;

	if (create && c->db_default && (rc = make_parent(c->db)) != 0) {
		hy_cli_error(_("%s: cannot create its folder: %s"), c->db,
			     rc == HY_ERR_NOMEM ? _("out of memory") : strerror(errno));
		return rc;
	}
	if (!create && !writable(c->db))
		flags = HY_STORE_READONLY;
	rc = hy_store_open(s, c->db, flags | quick, err, sizeof err);
	/* A full disk: the -shm a read-write open makes cannot be made, but
	 * reading needs no space; read-only, it is read as it is. */
	if (rc == HY_ERR_IO && !create && !(flags & HY_STORE_READONLY)) {
		char err2[512] = "";
		if (hy_store_open(s, c->db, HY_STORE_READONLY | HY_STORE_NO_SHM | quick, err2,
				  sizeof err2) == 0)
			rc = 0;
	}
	if (rc && rc != HY_ERR_NOTFOUND)
		hy_cli_error("%s", err[0] ? err : hy_err_str(rc));
	if (rc == 0)
		search_opts(*s);
	return rc;
}

char *hy_cli_dup(const char *s, int *oom)
{
	char *d;
	if (!s || !s[0])
		return NULL;
	d = strdup(s);
	if (!d)
		*oom = 1;
	return d;
}
