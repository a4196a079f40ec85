/* import.c: `huiyi import [--encoding E] [--replace] PATH…|-`.
 *
 * The report goes to stderr (stdout stays empty): a progress line on a
 * terminal, then `imported N, duplicates skipped D, rejected R, U+FFFD
 * replaced K` (with --replace, `replaced M, ` after `imported N, `; when
 * readouts were added to stored meetings as other sources, `J merged into
 * meetings already stored, ` there too), then
 * `rejected: PATH: reason` per rejected file. */
#include "cli.h"
#include "huiyi/i18n.h"

#include "huiyi/decode.h"
#include "huiyi/err.h"
#include "huiyi/import.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* Catch sig with sa, unless it is ignored: `nohup huiyi import` (SIGHUP)
 * and background jobs of scripts (SIGINT) asked to go on whatever comes;
 * *old gets the disposition to restore. */
static void catch_unless_ignored(int sig, const struct sigaction *sa, struct sigaction *old)
{
	sigaction(sig, NULL, old);
	if (old->sa_handler != SIG_IGN)
		sigaction(sig, sa, NULL);
}

struct report {
	FILE *rejects;   /* rejected lines, replayed after the summary */
	int tty;         /* stderr is a terminal: draw progress */
	int drawn;       /* a progress line is on screen */
	double t0, last; /* start, last redraw (seconds) */
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void clear_line(struct report *r)
{
	if (r->drawn) {
		fputs("\r\033[K", stderr);
		r->drawn = 0;
	}
}

static void on_progress(const struct hy_import_stats *st, void *ctx)
{
	struct report *r = ctx;
	double t = now(), rate, el = t - r->t0;
	char eta[32] = "";

	if (!r->tty || el < 0.3 || t - r->last < 0.1)
		return;
	r->last = t;
	rate = (double)st->seen / el;
	if (st->total > st->seen && rate > 0) {
		long s = (long)((double)(st->total - st->seen) / rate + 0.5);
		snprintf(eta, sizeof eta, "  ETA %ld:%02ld", s / 60, s % 60);
	}
	fputs("\r\033[K", stderr);
	if (st->total > 0)
		fprintf(stderr, _("importing %zu/%zu  %.0f files/s%s"), st->seen, st->total, rate,
			eta);
	else
		fprintf(stderr, _("importing %zu  %.0f files/s"), st->seen, rate);
	fflush(stderr);
	r->drawn = 1;
}

static void on_reject(const char *path, const char *reason, void *ctx)
{
	struct report *r = ctx;
	if (r->rejects) {
		fprintf(r->rejects, "%s", _("rejected: "));
		hy_cli_put_name(r->rejects, path);
		fputs(": ", r->rejects);
		hy_cli_put_line(r->rejects, reason);
		fputc('\n', r->rejects);
	} else {
		clear_line(r);
		fprintf(stderr, "%s", _("rejected: "));
		hy_cli_put_name(stderr, path);
		fputs(": ", stderr);
		hy_cli_put_line(stderr, reason);
		fputc('\n', stderr);
	}
}

static void replay(FILE *f)
{
	char buf[4096];
	size_t n;
	rewind(f);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		fwrite(buf, 1, n, stderr);
}

/* After an import stopped by an error: what the user can do. Batches
 * committed before it are kept in every case. */
static const char *next_step(int rc)
{
	switch (rc) {
	case HY_ERR_CORRUPT:
		return _("the database is damaged: check it with sqlite3 FILE "
			 "'PRAGMA integrity_check' before importing more");
	case HY_ERR_READONLY:
		return _("what was imported before is kept; give huiyi write "
			 "access to the database and its folder to go on");
	case HY_ERR_IO:
		return _("what was imported before is kept; make room (or fix "
			 "the disk) and run the same import again to finish");
	default:
		return _("what was imported before is kept, run the same import "
			 "again to finish");
	}
}

/* --field NAME=KEY (repeatable): the JSON Lines key a field is read
 * from. Taken out of argv (*argc shrinks) before the other options are
 * parsed. HY_EXIT_OK, or HY_EXIT_USAGE after saying why. */
static int take_fields(int *argc, char **argv, struct hy_import_fields *f)
{
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		const char *v = NULL;
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--field") == 0) {
			if (i + 1 >= *argc)
				return hy_cli_usage("import", _("option '--field' needs a value"));
			v = argv[++i];
		} else if (strncmp(argv[i], "--field=", 8) == 0) {
			v = argv[i] + 8;
		} else {
			argv[out++] = argv[i];
			continue;
		}
		const char *eq = strchr(v, '=');
		size_t n = eq ? (size_t)(eq - v) : 0;
		const char **slot = NULL;
		if (eq &&
		    ((n == 4 && !strncmp(v, "text", 4)) || (n == 7 && !strncmp(v, "content", 7))))
			slot = &f->text;
		else if (eq && n == 4 && !strncmp(v, "html", 4))
			slot = &f->html;
		else if (eq && n == 5 && !strncmp(v, "title", 5))
			slot = &f->title;
		else if (eq && n == 3 && !strncmp(v, "url", 3))
			slot = &f->url;
		else if (eq && ((n == 4 && !strncmp(v, "date", 4)) ||
				(n == 9 && !strncmp(v, "published", 9))))
			slot = &f->date;
		if (!slot || !eq[1])
			return hy_cli_usage(
				"import",
				_("--field takes NAME=KEY, NAME one of text, html, "
				  "title, url, date (e.g. --field text=body), not '%s'"),
				v);
		*slot = eq + 1;
	}
	*argc = out;
	return HY_EXIT_OK;
}

/* The number from 1 to most the environment variable name holds, or 0
 * (the default, said as what) when it is unset, empty or another value. */
static size_t env_count(const char *name, long long most, const char *what)
{
	const char *e = getenv(name);
	if (!e || !*e)
		return 0;
	long long v = hy_cli_number(e, 1, most);
	if (v > 0)
		return (size_t)v;
	hy_cli_error(_("%s=%s is not a number from 1 to %lld: using %s"), name, e, most, what);
	return 0;
}

int hy_cli_import(const struct hy_cli *c, int argc, char **argv)
{
	const char *encoding = NULL, *year = NULL;
	int force = 0, replace = 0, follow = 0, no_merge = 0;
	const struct hy_cli_opt opts[] = {
		{"--encoding", &encoding, NULL},
		{"--year", &year, NULL},
		{"--force", NULL, &force},
		{"--replace", NULL, &replace},
		{"--follow-links", NULL, &follow},
		{"--no-merge", NULL, &no_merge},
		{NULL, NULL, NULL},
	};
	struct hy_import_opts o = {0};
	struct hy_import_fields fields = {0};
	struct hy_import_stats st;
	struct report r = {0};
	struct sigaction sa, old_int, old_term, old_hup, old_xfsz;
	struct hy_store *s = NULL;
	char err[512] = "";
	char **paths;
	int npaths, rc, stdin_seen = 0;

	rc = take_fields(&argc, argv, &fields);
	if (rc)
		return rc;
	rc = hy_cli_parse(argc, argv, opts, &paths, &npaths);
	if (rc)
		return rc;
	if (npaths == 0) {
		free(paths);
		return hy_cli_usage("import", _("no files given (PATH..., or - "
						"for standard input)"));
	}
	for (int i = 0; i < npaths; i++)
		if (strcmp(paths[i], "-") == 0 && stdin_seen++) {
			free(paths);
			return hy_cli_usage("import", _("'-' (standard input) "
							"given twice"));
		}
	if (encoding) { /* an unknown name is a usage error, before the
			 * database is even opened */
		struct hy_decoded d = {0};
		rc = encoding[0]
			     ? hy_decode("a", 1, encoding, &d, err, sizeof err)
			     : hy_err_set(err, sizeof err, HY_ERR_INVALID, _("empty --encoding"));
		hy_decoded_free(&d);
		if (rc) {
			free(paths);
			return hy_cli_usage("import", "%s", err);
		}
	}
	if (year) {
		long long y = hy_cli_number(year, 1949, 2100);
		if (y < 0) {
			free(paths);
			return hy_cli_usage("import",
					    _("--year takes a year from "
					      "1949 to 2100, not '%s'"),
					    year);
		}
		o.year = (int)y;
	}
	o.force = force;
	o.follow_links = follow;
	o.fields = &fields;
	if (hy_cli_open(c, HY_CLI_OPEN_CREATE, &s) != 0) {
		free(paths);
		return HY_EXIT_FAIL;
	}

	r.tty = isatty(STDERR_FILENO);
	r.t0 = r.last = now();
	r.rejects = tmpfile();
	o.encoding = encoding;
	o.replace = replace;
	o.no_merge = no_merge;
	o.count_first = r.tty;
	/* HUIYI_THREADS: files prepared at once (default: one per CPU);
	 * HUIYI_IMPORT_BATCH: meetings a transaction (the data-safety tests
	 * make batches small, to see one roll back whole) */
	o.threads = env_count("HUIYI_THREADS", 64, "one thread a CPU");
	char batch_said[48];
	snprintf(batch_said, sizeof batch_said, "%d a transaction", HY_IMPORT_BATCH);
	o.batch = env_count("HUIYI_IMPORT_BATCH", 1000000, batch_said);
	o.progress = on_progress;
	o.reject = on_reject;
	o.ctx = &r;
	o.stop = &interrupted;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: an open() or read() blocked on a terminal, an idle
	 * pipe or a FIFO without a writer returns EINTR, and the import stops
	 * at the first ^C (sqlite retries its own calls on EINTR). A second
	 * ^C kills (SA_RESETHAND). */
	sa.sa_flags = SA_RESETHAND;
	/* ^C, kill, and the terminal closing (SIGHUP): finish the batch in
	 * hand, commit, stop; the report says how to go on. */
	catch_unless_ignored(SIGINT, &sa, &old_int);
	catch_unless_ignored(SIGTERM, &sa, &old_term);
	catch_unless_ignored(SIGHUP, &sa, &old_hup);
	/* A file size limit (ulimit -f) would kill us mid-write with
	 * SIGXFSZ; ignored, the write fails with EFBIG instead, the batch
	 * rolls back and the user is told the file grew too large. */
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	sigaction(SIGXFSZ, &sa, &old_xfsz);
	rc = hy_import_run(s, (const char *const *)paths, (size_t)npaths, &o, &st, err, sizeof err);
	hy_store_close(s); /* its checkpoint writes too */
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	sigaction(SIGXFSZ, &old_xfsz, NULL);
	free(paths);
	clear_line(&r);

	fprintf(stderr, _("imported %zu, "), st.imported);
	if (replace) /* --replace: no duplicates, meetings replaced */
		fprintf(stderr, _("replaced %zu, "), st.superseded);
	if (st.merged) /* the same meeting from another place */
		fprintf(stderr, _("%zu merged into meetings already stored, "), st.merged);
	fprintf(stderr, _("duplicates skipped %zu, rejected %zu, U+FFFD replaced %zu%s\n"),
		st.duplicates, st.rejected, st.replaced,
		st.imported == 0 && st.superseded == 0 && st.merged == 0 && rc == 0 &&
				!st.interrupted
			? _(" (nothing new)")
			: "");
	if (st.links_outside)
		fprintf(stderr,
			P_("skipped %zu link leading outside the folders named "
			   "(--follow-links follows them)\n",
			   "skipped %zu links leading outside the folders named "
			   "(--follow-links follows them)\n",
			   st.links_outside),
			st.links_outside);
	if (r.rejects) {
		replay(r.rejects);
		fclose(r.rejects);
	}
	if (rc) {
		hy_cli_error("%s; %s", err[0] ? err : hy_err_str(rc), next_step(rc));
		return HY_EXIT_FAIL;
	}
	if (st.interrupted) {
		hy_cli_error(_("interrupted; what was imported is kept, run the "
			       "same import again to finish"));
		return HY_EXIT_FAIL;
	}
	return st.rejected ? HY_EXIT_FAIL : HY_EXIT_OK;
}
