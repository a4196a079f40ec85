/* trend.c: `huiyi trend QUERY... [--by month|quarter|year] [--from D]
 * [--to D] [--body B] [--person P] [--share] [--json]`.
 *
 * Each QUERY argument is one series (search.h syntax; quote a query of
 * several words). Per period: the meetings that match and the sections
 * that match (section 0, title and summary, included), as search counts
 * them, and the meetings of the corpus (with the same filter).
 *
 * Text: one row per period from the first period with a meeting to the
 * last (or the --from/--to bounds), each series a bar of Unicode eighth
 * blocks scaled to the largest value of every series, so series compare,
 * the count beside it ("3 (5)": meetings, sections; with --share matches
 * per 100 meetings), and the corpus's meetings last. A period without any
 * meeting in the corpus is a gap ("no meetings"), not a zero; four gaps or
 * more in a row are one line ("2019-04…2020-03", and how many). Width: the
 * terminal's, 80 columns piped. Meetings without a known year are in no
 * period; a last line says how many were left out.
 * JSON: JSON Lines, one object per period and query: period, query,
 * meetings, sections, corpus_meetings (and share with --share); in a gap
 * meetings, sections and share are null. The left-out count goes to
 * stderr. Exit 0 even when nothing matches (a chart of zeros is an
 * answer); 1 when there are no meetings at all. */
#include "cli.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/search.h"
#include "huiyi/trend.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PIPED_COLS 80
#define MAX_PERIODS 100000 /* 8,000 years of months */
#define GAP_RUN 4          /* periods without meetings shown as one line from here */

/* U+2588 full block, then 7/8 … 1/8 (U+2589 … U+258F). */
static const char *const eighths[8] = {
	"",
	"\xe2\x96\x8f",
	"\xe2\x96\x8e",
	"\xe2\x96\x8d",
	"\xe2\x96\x8c",
	"\xe2\x96\x8b",
	"\xe2\x96\x8a",
	"\xe2\x96\x89",
};
#define FULL_BLOCK "\xe2\x96\x88"

size_t hy_cli_trend_bar(double v, double max, size_t width, char *out, size_t outlen)
{
	size_t e = 0, len = 0, cols = 0;

	if (outlen == 0)
		return 0;
	if (v > 0 && max > 0) {
		double x = v >= max ? (double)width * 8 : v / max * (double)width * 8 + 0.5;
		e = (size_t)x;
		if (e == 0)
			e = 1; /* something is never nothing */
		if (e > width * 8)
			e = width * 8;
	}
	for (; e >= 8 && len + 4 <= outlen; e -= 8, cols++) {
		memcpy(out + len, FULL_BLOCK, 3);
		len += 3;
	}
	if (e > 0 && e < 8 && len + 4 <= outlen) { /* e < 8 unless cut short */
		memcpy(out + len, eighths[e], 3);
		len += 3;
		cols++;
	}
	for (; cols < width && len + 1 < outlen; cols++)
		out[len++] = ' ';
	out[len] = '\0';
	return len;
}

/* One row of the chart: a period and each series' counts. */
struct cell {
	size_t meetings, sections;
};

struct chart {
	char (*period)[16];
	size_t *corpus; /* 0: a gap */
	struct cell *v; /* [row * nq + q] */
	size_t n, cap, nq;
};

static int grow(struct chart *c)
{
	size_t ncap = c->cap ? c->cap * 2 : 64;
	void *p, *k, *v;

	if (ncap > MAX_PERIODS)
		return -1;
	p = realloc(c->period, ncap * sizeof *c->period);
	if (p)
		c->period = p;
	k = realloc(c->corpus, ncap * sizeof *c->corpus);
	if (k)
		c->corpus = k;
	v = realloc(c->v, ncap * c->nq * sizeof *c->v);
	if (v)
		c->v = v;
	if (!p || !k || !v)
		return -1;
	c->cap = ncap;
	return 0;
}

/* The rows from first to last, every period between them, the counts
 * filled in from corpus and the series (each sorted by period). */
static int fill(struct chart *c, const char *first, const char *last, enum hy_trend_by by,
		const struct hy_trend *corpus, const struct hy_trend *series)
{
	size_t ci = 0, *si = calloc(c->nq, sizeof *si);
	char p[16];

	if (!si)
		return -1;
	snprintf(p, sizeof p, "%s", first);
	for (;;) {
		if (c->n == c->cap && grow(c) != 0) {
			free(si);
			return -1;
		}
		memcpy(c->period[c->n], p, sizeof p);
		while (ci < corpus->n && strcmp(corpus->v[ci].period, p) < 0)
			ci++;
		c->corpus[c->n] = ci < corpus->n && strcmp(corpus->v[ci].period, p) == 0
					  ? corpus->v[ci].meetings
					  : 0;
		for (size_t q = 0; q < c->nq; q++) {
			const struct hy_trend *t = &series[q];
			struct cell *x = &c->v[c->n * c->nq + q];
			while (si[q] < t->n && strcmp(t->v[si[q]].period, p) < 0)
				si[q]++;
			x->meetings = x->sections = 0;
			if (si[q] < t->n && strcmp(t->v[si[q]].period, p) == 0) {
				x->meetings = t->v[si[q]].meetings;
				x->sections = t->v[si[q]].sections;
			}
		}
		c->n++;
		if (strcmp(p, last) >= 0 || hy_trend_next(p, by, p) != 0)
			break;
	}
	free(si);
	return 0;
}

static double share(size_t m, size_t corpus)
{
	return corpus ? (double)m * 100.0 / (double)corpus : 0;
}

static int print_json(const struct chart *c, char **queries, int shares)
{
	for (size_t r = 0; r < c->n; r++)
		for (size_t q = 0; q < c->nq; q++) {
			const struct cell *x = &c->v[r * c->nq + q];
			int gap = c->corpus[r] == 0;
			json_t *o = json_object();
			char *line;

			if (!o)
				return HY_ERR_NOMEM;
			json_object_set_new(o, "period", json_string(c->period[r]));
			json_object_set_new(o, "query", hy_cli_json_str(queries[q]));
			json_object_set_new(o, "meetings",
					    gap ? json_null()
						: json_integer((json_int_t)x->meetings));
			json_object_set_new(o, "sections",
					    gap ? json_null()
						: json_integer((json_int_t)x->sections));
			json_object_set_new(o, "corpus_meetings",
					    json_integer((json_int_t)c->corpus[r]));
			if (shares)
				json_object_set_new(
					o, "share",
					gap ? json_null()
					    : json_real(share(x->meetings, c->corpus[r])));
			line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER |
						     JSON_REAL_PRECISION(6));
			json_decref(o);
			if (!line)
				return HY_ERR_NOMEM;
			int bad = hy_cli_put_json(stdout, line);
			free(line);
			if (bad) /* a member left out for want of memory */
				return bad;
			fputc('\n', stdout);
		}
	return 0;
}

/* The count beside a bar: "3 (5)", or with --share "3.1". */
static void count_text(const struct cell *x, size_t corpus, int shares, char *buf, size_t len)
{
	if (shares)
		snprintf(buf, len, "%.1f", share(x->meetings, corpus));
	else
		snprintf(buf, len, "%zu (%zu)", x->meetings, x->sections);
}

static void pad(size_t n)
{
	while (n-- > 0)
		fputc(' ', stdout);
}

static void print_text(const struct hy_cli *cl, const struct chart *c, char **queries, int shares,
		       enum hy_trend_by by, size_t cols)
{
	static const char *const by_word[] = {N_("By month"), N_("By quarter"), N_("By year")};
	const char *period = _("Period"), *meetings = _("Meetings");
	size_t label_w = hy_cli_width(cl, period), corpus_w;
	size_t *count_w = calloc(c->nq, sizeof *count_w), block, bar_w;
	double max = 0;
	char buf[64];
	char *bar;

	if (!count_w)
		return;
	corpus_w = hy_cli_width(cl, meetings);
	for (size_t r = 0; r < c->n; r++) {
		size_t w = strlen(c->period[r]);
		if (w > label_w)
			label_w = w;
		snprintf(buf, sizeof buf, "%zu", c->corpus[r]);
		if (strlen(buf) > corpus_w)
			corpus_w = strlen(buf);
		if (c->corpus[r] == 0)
			continue;
		for (size_t q = 0; q < c->nq; q++) {
			const struct cell *x = &c->v[r * c->nq + q];
			double v = shares ? share(x->meetings, c->corpus[r]) : (double)x->meetings;
			count_text(x, c->corpus[r], shares, buf, sizeof buf);
			if (strlen(buf) > count_w[q])
				count_w[q] = strlen(buf);
			if (v > max)
				max = v;
		}
	}
	/* each series: a bar, a space, its count, two spaces */
	block = cols > label_w + 2 + corpus_w ? (cols - label_w - 2 - corpus_w) / c->nq : 0;
	/* the title line */
	printf("%s: %s\n", _(by_word[by]),
	       shares ? _("matching meetings per hundred meetings")
		      : _("matching meetings (matching sections)"));
	/* the header: the period, each query over its block, 会议 */
	hy_cli_cell(cl, stdout, period, label_w, 1);
	fputs("  ", stdout);
	for (size_t q = 0; q < c->nq; q++)
		hy_cli_cell(cl, stdout, queries[q], block > 2 ? block - 2 : 1, 1),
			fputs("  ", stdout);
	for (size_t w = hy_cli_width(cl, meetings); w < corpus_w; w++)
		fputc(' ', stdout);
	printf("%s\n", meetings);
	bar = malloc(4 * cols + 16);
	for (size_t r = 0; bar && r < c->n; r++) {
		if (c->corpus[r] == 0) {
			/* a long run of gaps is one line: "2019-04…2020-03" */
			size_t e = r;
			while (e + 1 < c->n && c->corpus[e + 1] == 0)
				e++;
			if (e - r + 1 >= GAP_RUN) {
				printf("%s…%s  ", c->period[r], c->period[e]);
				printf(P_("(no meetings, %zu period)", "(no meetings, %zu periods)",
					  e - r + 1),
				       e - r + 1);
				fputc('\n', stdout);
				r = e;
				continue;
			}
		}
		fputs(c->period[r], stdout);
		pad(label_w - strlen(c->period[r]) + 2);
		if (c->corpus[r] == 0) {
			printf("%s\n", _("(no meetings)"));
			continue;
		}
		for (size_t q = 0; q < c->nq; q++) {
			const struct cell *x = &c->v[r * c->nq + q];
			double v = shares ? share(x->meetings, c->corpus[r]) : (double)x->meetings;
			size_t need = count_w[q] + 3;
			bar_w = block > need ? block - need : 1;
			hy_cli_trend_bar(v, max, bar_w, bar, 4 * cols + 16);
			fputs(bar, stdout);
			fputc(' ', stdout);
			count_text(x, c->corpus[r], shares, buf, sizeof buf);
			pad(count_w[q] - strlen(buf));
			fputs(buf, stdout);
			fputs("  ", stdout);
		}
		snprintf(buf, sizeof buf, "%zu", c->corpus[r]);
		pad(corpus_w - strlen(buf));
		fputs(buf, stdout);
		fputc('\n', stdout);
	}
	free(bar);
	free(count_w);
}

static void free_chart(struct chart *c)
{
	free(c->period);
	free(c->corpus);
	free(c->v);
}

int hy_cli_trend(const struct hy_cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *body = NULL, *person = NULL;
	const char *by_s = NULL;
	int json = 0, shares = 0, npos, rc, by = HY_TREND_MONTH;
	const struct hy_cli_opt opts[] = {
		{"--by", &by_s, NULL},   {"--from", &from, NULL},     {"--to", &to, NULL},
		{"--body", &body, NULL}, {"--person", &person, NULL}, {"--share", NULL, &shares},
		{"--json", NULL, &json}, {NULL, NULL, NULL},
	};
	struct hy_store_filter f = {0};
	struct hy_trend corpus = {0}, *series = NULL;
	struct chart chart = {0};
	char lo[16], hi[16], err[512] = "", first[16], last[16];
	struct hy_store *s;
	char **pos;

	rc = hy_cli_parse(argc, argv, opts, &pos, &npos);
	if (rc)
		return rc;
	if (npos == 0)
		rc = hy_cli_usage("trend", _("what to count? (huiyi trend "
					     "QUERY...)"));
	else if (by_s && (by = hy_trend_by_name(by_s)) < 0)
		rc = hy_cli_usage("trend",
				  _("bad period '%s' for --by (month, quarter "
				    "or year)"),
				  by_s);
	else
		rc = hy_cli_dates("trend", from, to, lo, hi);
	for (int i = 0; rc == 0 && i < npos; i++) {
		char *expr;
		int t = hy_search_translate(pos[i], &expr, err, sizeof err);
		if (t == HY_ERR_INVALID) {
			rc = hy_cli_usage("trend", "'%s': %s", pos[i], err);
		} else if (t) {
			hy_cli_error("%s", err[0] ? err : hy_err_str(t));
			rc = HY_EXIT_FAIL;
		} else {
			free(expr);
		}
	}
	if (rc) {
		free(pos);
		return rc;
	}
	f.from = from ? lo : NULL;
	f.to = to ? hi : NULL;
	f.body = body && body[0] ? body : NULL;
	f.person = person && person[0] ? person : NULL;

	rc = hy_cli_open(c, 0, &s);
	if (rc == HY_ERR_NOTFOUND) {
		free(pos);
		hy_cli_none_yet();
		return HY_EXIT_FAIL;
	}
	if (rc) {
		free(pos);
		return HY_EXIT_FAIL;
	}
	series = calloc((size_t)npos, sizeof *series);
	rc = series ? hy_store_read_begin(s, err, sizeof err) : HY_ERR_NOMEM;
	if (rc == 0) {
		/* the corpus and every query in one walk of the dates */
		rc = hy_store_trends(s, (const char *const *)pos, (size_t)npos, &f,
				     (enum hy_trend_by)by, &corpus, series, err, sizeof err);
		hy_store_read_end(s);
	}
	hy_store_close(s);
	if (rc) {
		hy_cli_error("%s", err[0] ? err : hy_err_str(rc));
		rc = HY_EXIT_FAIL;
		goto done;
	}
	if (corpus.n == 0) {
		hy_cli_error(_("no meetings with a known year%s"),
			     f.from || f.to || f.body || f.person ? " with these filters" : "");
		rc = HY_EXIT_FAIL;
		goto done;
	}
	/* the rows: from the first period with a meeting (or --from) to
	 * the last (or --to) */
	memcpy(first, corpus.v[0].period, sizeof first);
	memcpy(last, corpus.v[corpus.n - 1].period, sizeof last);
	if (f.from && hy_trend_period(lo, (enum hy_trend_by)by, first) != 0)
		memcpy(first, corpus.v[0].period, sizeof first);
	if (f.to && hy_trend_period(hi, (enum hy_trend_by)by, last) != 0)
		memcpy(last, corpus.v[corpus.n - 1].period, sizeof last);
	chart.nq = (size_t)npos;
	if (fill(&chart, first, last, (enum hy_trend_by)by, &corpus, series) != 0) {
		hy_cli_error(_("out of memory"));
		rc = HY_EXIT_FAIL;
		goto done;
	}
	if (json) {
		if (print_json(&chart, pos, shares) != 0) {
			hy_cli_error(_("out of memory"));
			rc = HY_EXIT_FAIL;
			goto done;
		}
	} else {
		size_t cols = hy_cli_term_cols(STDOUT_FILENO);
		print_text(c, &chart, pos, shares, (enum hy_trend_by)by, cols ? cols : PIPED_COLS);
	}
	if (corpus.undated > 0) {
		FILE *o = json ? stderr : stdout;
		fflush(stdout);
		fputs(json ? "huiyi: trend: " : "", o);
		fprintf(o,
			P_("%zu meeting without a year is not counted (of them matching: ",
			   "%zu meetings without a year are not counted (of them matching: ",
			   corpus.undated),
			corpus.undated);
		for (int i = 0; i < npos; i++) {
			hy_cli_put_line(o, pos[i]);
			/* TRANSLATORS: between the queries, and after the last */
			fprintf(o, " %zu%s", series[i].undated, i + 1 < npos ? _(", ") : _(")"));
		}
		fputc('\n', o);
	}
	rc = HY_EXIT_OK;
done:
	hy_trend_free(&corpus);
	for (int i = 0; series && i < npos; i++)
		hy_trend_free(&series[i]);
	free(series);
	free_chart(&chart);
	free(pos);
	return rc;
}
