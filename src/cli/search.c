/* search.c: `huiyi search QUERY... [--limit N] [--offset N]
 * [--sort rank|date] [--from D] [--to D] [--body B] [--person P] [--json]`
 * and `huiyi reindex`.
 *
 * The words of QUERY (several arguments are joined by spaces) follow the
 * search syntax of search.h. Hits in snippets are marked «like this»: plain
 * text, safe in a pipe, and rare in Chinese readouts (【】 and [] are
 * common in them).
 *
 * Text: a header and one line per result: date, meeting id, §section,
 * heading (for §0 the title) and the snippet, aligned by display width;
 * on a terminal the line is cut at the right edge, piped it is whole.
 * JSON: JSON Lines, keys meeting section date title heading snippet
 * score in that order.
 * Like grep: exit 0 with results, 1 with none (nothing on stdout, a line
 * on stderr), 2 for a usage error (an empty query too). */
#include "cli.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/search.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_LIMIT 20
#define MAX_LIMIT 1000000
#define MAX_HEADING 24 /* columns; the snippet gets the rest */

#define HIT_OPEN "\xc2\xab"  /* « */
#define HIT_CLOSE "\xc2\xbb" /* » */

enum { C_DATE, C_ID, C_SEC, C_HEAD, C_SNIP, C_N };

static const char *const headers[C_N] = {N_("Date"), N_("ID"), N_("§"), N_("Section"),
					 N_("Excerpt")};

struct row {
	char *cell[C_N];
};

struct out {
	const struct hy_cli *c;
	int json;
	size_t cols; /* terminal columns, 0 when piped */
	struct row *rows;
	size_t n;
	int oom;
};

/* The snippet with the hit markers as « », controls and line breaks as
 * spaces (one result, one line). */
static char *plain_snippet(const char *s)
{
	size_t n = 0;
	char *d, *p;

	for (const char *q = s; *q; q++)
		n += *q == HY_SEARCH_MARK_OPEN[0] || *q == HY_SEARCH_MARK_CLOSE[0] ? 2 : 1;
	d = p = malloc(n + 1);
	if (!d)
		return NULL;
	for (; *s; s++) {
		if (*s == HY_SEARCH_MARK_OPEN[0]) {
			memcpy(p, HIT_OPEN, 2);
			p += 2;
		} else if (*s == HY_SEARCH_MARK_CLOSE[0]) {
			memcpy(p, HIT_CLOSE, 2);
			p += 2;
		} else {
			*p++ = (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s;
		}
	}
	*p = '\0';
	return d;
}

static int on_json(const struct hy_search_hit *h, struct out *o)
{
	json_t *j = json_object();
	char *snip = plain_snippet(h->snippet), *line;

	if (!j || !snip) {
		json_decref(j);
		free(snip);
		return HY_ERR_NOMEM;
	}
	json_object_set_new(j, "meeting", json_integer(h->meeting));
	json_object_set_new(j, "section", json_integer(h->section));
	json_object_set_new(j, "date", hy_cli_json_str(h->date));
	json_object_set_new(j, "title", hy_cli_json_str(h->title));
	json_object_set_new(j, "heading", hy_cli_json_str(h->heading));
	json_object_set_new(j, "snippet", hy_cli_json_str(snip));
	json_object_set_new(j, "score", json_real(h->score));
	free(snip);
	line = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(6));
	json_decref(j);
	if (!line)
		return HY_ERR_NOMEM;
	if (hy_cli_put_json(stdout, line) != 0) {
		free(line);
		return HY_ERR_NOMEM;
	}
	fputc('\n', stdout);
	free(line);
	(void)o;
	return 0;
}

/* Text rows are kept (at most --limit) to measure the columns. */
static int on_hit(const struct hy_search_hit *h, void *ctx)
{
	struct out *o = ctx;
	struct row *r, *v;
	char id[24], sec[24];
	int oom = 0;

	if (o->json)
		return on_json(h, o);
	v = realloc(o->rows, (o->n + 1) * sizeof *v);
	if (!v)
		return HY_ERR_NOMEM;
	o->rows = v;
	r = &o->rows[o->n];
	memset(r, 0, sizeof *r);
	snprintf(id, sizeof id, "%lld", (long long)h->meeting);
	snprintf(sec, sizeof sec, "§%d", h->section);
	r->cell[C_DATE] = hy_cli_dup(h->date, &oom);
	r->cell[C_ID] = hy_cli_dup(id, &oom);
	r->cell[C_SEC] = hy_cli_dup(sec, &oom);
	r->cell[C_HEAD] = hy_cli_dup(h->section ? h->heading : h->title, &oom);
	r->cell[C_SNIP] = plain_snippet(h->snippet);
	if (!r->cell[C_SNIP])
		oom = 1;
	o->n++; /* freed with the others, whole or not */
	return oom ? HY_ERR_NOMEM : 0;
}

static void print_text(struct out *o)
{
	size_t width[C_N];

	for (int i = 0; i < C_N; i++)
		width[i] = hy_cli_width(o->c, _(headers[i]));
	for (size_t k = 0; k < o->n; k++)
		for (int i = 0; i < C_SNIP; i++) {
			const char *s = o->rows[k].cell[i];
			size_t w = hy_cli_width(o->c, s ? s : "-");
			if (i == C_HEAD && w > MAX_HEADING)
				w = MAX_HEADING;
			if (w > width[i])
				width[i] = w;
		}
	for (size_t k = 0; k <= o->n; k++) {
		size_t used = 0;
		for (int i = 0; i < C_N; i++) {
			const char *s = k ? o->rows[k - 1].cell[i] : _(headers[i]);
			if (i == C_ID) { /* numbers right-aligned */
				size_t w = hy_cli_width(o->c, s ? s : "-");
				for (; w < width[i]; w++)
					fputc(' ', stdout);
				hy_cli_cell(o->c, stdout, s, 0, 0);
			} else if (i == C_SNIP) {
				size_t room = 0;
				if (o->cols)
					room = o->cols > used + 10 ? o->cols - used : 10;
				hy_cli_cell(o->c, stdout, s, room, 0);
			} else {
				hy_cli_cell(o->c, stdout, s, width[i], 1);
			}
			used += width[i] + 2;
			if (i + 1 < C_N)
				fputs("  ", stdout);
		}
		fputc('\n', stdout);
	}
}

static void free_rows(struct out *o)
{
	for (size_t k = 0; k < o->n; k++)
		for (int i = 0; i < C_N; i++)
			free(o->rows[k].cell[i]);
	free(o->rows);
	o->rows = NULL;
	o->n = 0;
}

/* A decimal number from 0 to max, or -1 (hy_cli_number). */
static long number(const char *s, long max)
{
	return (long)hy_cli_number(s, 0, max);
}

/* The arguments joined by spaces (a query of several words). */
static char *join_args(char **v, int n)
{
	size_t len = 1;
	char *q;
	for (int i = 0; i < n; i++)
		len += strlen(v[i]) + 1;
	q = malloc(len);
	if (!q)
		return NULL;
	q[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(q, " ");
		strcat(q, v[i]);
	}
	return q;
}

int hy_cli_search(const struct hy_cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *body = NULL, *person = NULL;
	const char *limit_s = NULL, *offset_s = NULL, *sort_s = NULL;
	int json = 0, npos, rc, n;
	const struct hy_cli_opt opts[] = {
		{"--limit", &limit_s, NULL}, {"--offset", &offset_s, NULL},
		{"--sort", &sort_s, NULL},   {"--from", &from, NULL},
		{"--to", &to, NULL},         {"--body", &body, NULL},
		{"--person", &person, NULL}, {"--json", NULL, &json},
		{NULL, NULL, NULL},
	};
	enum hy_search_order order = HY_SEARCH_RANK;
	struct hy_store_filter f = {0};
	long limit = DEFAULT_LIMIT, offset = 0;
	char lo[16], hi[16], err[512] = "";
	struct out o = {0};
	struct hy_store *s;
	char **pos, *query, *expr;

	rc = hy_cli_parse(argc, argv, opts, &pos, &npos);
	if (rc)
		return rc;
	if (npos == 0) {
		free(pos);
		return hy_cli_usage("search", _("what to search for? (huiyi "
						"search QUERY)"));
	}
	query = join_args(pos, npos);
	free(pos);
	if (!query) {
		hy_cli_error(_("out of memory"));
		return HY_EXIT_FAIL;
	}
	rc = 0;
	if (limit_s && (limit = number(limit_s, MAX_LIMIT)) < 1)
		rc = hy_cli_usage("search", _("bad number '%s' for --limit (1 to %d)"), limit_s,
				  MAX_LIMIT);
	else if (offset_s && (offset = number(offset_s, 1L << 30)) < 0)
		rc = hy_cli_usage("search", _("bad number '%s' for --offset"), offset_s);
	else if (sort_s && strcmp(sort_s, "rank") != 0 && strcmp(sort_s, "date") != 0)
		rc = hy_cli_usage("search", _("bad order '%s' for --sort (rank or date)"), sort_s);
	else
		rc = hy_cli_dates("search", from, to, lo, hi);
	if (rc == 0) { /* an empty query is a usage error, database or not */
		rc = hy_search_translate(query, &expr, err, sizeof err);
		if (rc == HY_ERR_INVALID) {
			rc = hy_cli_usage("search", "%s", err);
		} else if (rc) {
			hy_cli_error("%s", err[0] ? err : hy_err_str(rc));
			rc = HY_EXIT_FAIL;
		} else {
			free(expr);
		}
	}
	if (rc) {
		free(query);
		return rc;
	}
	if (sort_s && strcmp(sort_s, "date") == 0)
		order = HY_SEARCH_DATE;
	f.from = from ? lo : NULL;
	f.to = to ? hi : NULL;
	f.body = body && body[0] ? body : NULL;
	f.person = person && person[0] ? person : NULL;

	rc = hy_cli_open(c, HY_CLI_OPEN_QUICK, &s);
	if (rc == HY_ERR_NOTFOUND) {
		free(query);
		hy_cli_none_yet();
		return HY_EXIT_FAIL;
	}
	if (rc) {
		free(query);
		return HY_EXIT_FAIL;
	}
	if (!json) /* the text shows no score: the order is enough */
		hy_store_search_scores(s, 0);
	o.c = c;
	o.json = json;
	o.cols = hy_cli_term_cols(STDOUT_FILENO);
	n = hy_store_search(s, query, &f, order, (size_t)offset, (size_t)limit, on_hit, &o, err,
			    sizeof err);
	hy_store_close(s);
	if (n < 0) {
		free_rows(&o);
		free(query);
		hy_cli_error("%s", err[0] ? err : hy_err_str(n));
		return HY_EXIT_FAIL;
	}
	if (!json && o.n > 0)
		print_text(&o);
	free_rows(&o);
	if (n == 0) {
		hy_cli_error(_("no matches%s"), f.from || f.to || f.body || f.person
							? _(" with these filters")
						: offset ? _(" at this offset")
							 : "");
		free(query);
		return HY_EXIT_FAIL;
	}
	free(query);
	return HY_EXIT_OK;
}

int hy_cli_reindex(const struct hy_cli *c, int argc, char **argv)
{
	struct timespec t0, t1;
	char err[512] = "";
	struct hy_store *s;
	size_t meetings = 0;
	char **pos;
	int npos, rc;

	rc = hy_cli_parse(argc, argv, NULL, &pos, &npos);
	if (rc)
		return rc;
	if (npos > 0)
		rc = hy_cli_usage("reindex", _("unexpected argument '%s'"), pos[0]);
	free(pos);
	if (rc)
		return rc;
	rc = hy_cli_open(c, 0, &s);
	if (rc == HY_ERR_NOTFOUND) {
		hy_cli_none_yet();
		return HY_EXIT_FAIL;
	}
	if (rc)
		return HY_EXIT_FAIL;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = hy_store_reindex(s, err, sizeof err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (rc == 0)
		rc = hy_store_count(s, NULL, &meetings, err, sizeof err);
	hy_store_close(s);
	if (rc) {
		hy_cli_error("%s", err[0] ? err : hy_err_str(rc));
		return HY_EXIT_FAIL;
	}
	fprintf(stderr, _("reindexed %zu meetings in %.1f s\n"), meetings,
		(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return HY_EXIT_OK;
}
