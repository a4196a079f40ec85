/* list.c: `huiyi list [--from D] [--to D] [--body B] [--person P] [--json]`.
 *
 * Pages through the store with its keyset cursor, never the whole table.
 * Text: a header and one line per meeting, columns aligned by display
 * width; the widths come from the first page (later rows that are wider
 * are cut with "…"); on a terminal the title is cut at its right edge,
 * piped it is printed whole. JSON: one object per line. */
#include "cli.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PAGE 500

/* Caps on column widths, so one odd value does not push the title off. */
#define MAX_BODY 16
#define MAX_KIND 16
#define MAX_CHAIR 12

enum { C_ID, C_DATE, C_BODY, C_KIND, C_NUM, C_CHAIR, C_TITLE, C_N };

static const char *const headers[C_N] = {
	N_("ID"),
	N_("Date"),
	N_("Body"),
	N_("Meeting"),
	/* TRANSLATORS: the column of a meeting's number (第3次) */
	N_("No."),
	N_("Chair"),
	N_("Title"),
};

struct saved {
	int64_t id;
	int number;
	char *cell[C_N]; /* text of each column, NULL = "-" */
};

struct list {
	const struct hy_cli *c;
	int json;
	size_t width[C_N];
	size_t cols; /* terminal columns, 0 when piped */
	int fixed;   /* widths are settled (after the first page) */
	struct saved *page;
	size_t n;
	int failed;
};

static size_t cap_of(int col)
{
	return col == C_BODY ? MAX_BODY : col == C_KIND ? MAX_KIND : col == C_CHAIR ? MAX_CHAIR : 0;
}

static void print_row(struct list *l, const struct saved *r)
{
	FILE *f = stdout;
	size_t used = 0;
	for (int i = 0; i < C_N; i++) {
		const char *cell = r ? r->cell[i] : _(headers[i]);
		if (i == C_ID) {
			/* right-aligned number (the header too) */
			size_t w = hy_cli_width(l->c, cell);
			for (size_t k = w; k < l->width[i]; k++)
				fputc(' ', f);
			hy_cli_cell(l->c, f, cell, 0, 0);
		} else if (i == C_TITLE) {
			size_t room = 0;
			if (l->cols)
				room = l->cols > used + 10 ? l->cols - used : 10;
			hy_cli_cell(l->c, f, cell, room, 0);
		} else {
			hy_cli_cell(l->c, f, cell, l->width[i], 1);
		}
		used += l->width[i];
		if (i + 1 < C_N) {
			fputs("  ", f);
			used += 2;
		}
	}
	fputc('\n', f);
}

static void free_saved(struct saved *r)
{
	for (int i = 0; i < C_N; i++)
		free(r->cell[i]);
}

/* The first page is kept to measure the columns; later rows print at
 * once. */
static void settle(struct list *l)
{
	for (int i = 0; i < C_N; i++)
		l->width[i] = hy_cli_width(l->c, _(headers[i]));
	for (size_t k = 0; k < l->n; k++)
		for (int i = 0; i < C_N; i++) {
			const char *cell = l->page[k].cell[i];
			size_t w = hy_cli_width(l->c, cell ? cell : "-");
			size_t cap = cap_of(i);
			if (cap && w > cap)
				w = cap;
			if (w > l->width[i])
				l->width[i] = w;
		}
	l->fixed = 1;
	print_row(l, NULL);
	for (size_t k = 0; k < l->n; k++) {
		print_row(l, &l->page[k]);
		free_saved(&l->page[k]);
	}
	free(l->page);
	l->page = NULL;
	l->n = 0;
}

static int on_json(const struct hy_store_row *row, void *ctx)
{
	struct list *l = ctx;
	json_t *o = json_object();
	char *s;

	if (!o)
		return HY_ERR_NOMEM;
	json_object_set_new(o, "id", json_integer(row->id));
	json_object_set_new(o, "date", hy_cli_json_str(row->date));
	json_object_set_new(o, "body", hy_cli_json_str(row->body));
	json_object_set_new(o, "kind", hy_cli_json_str(row->kind));
	json_object_set_new(o, "number", row->number > 0 ? json_integer(row->number) : json_null());
	json_object_set_new(o, "chair", hy_cli_json_str(row->chair));
	json_object_set_new(o, "title", hy_cli_json_str(row->title));
	json_object_set_new(o, "sections", json_integer(row->n_sections));
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (!s)
		return HY_ERR_NOMEM;
	if (hy_cli_put_json(stdout, s) != 0) {
		free(s);
		return HY_ERR_NOMEM;
	}
	fputc('\n', stdout);
	free(s);
	(void)l;
	return 0;
}

static int on_text(const struct hy_store_row *row, void *ctx)
{
	struct list *l = ctx;
	struct saved r = {0};
	char id[24], num[32];
	int oom = 0;

	snprintf(id, sizeof id, "%lld", (long long)row->id);
	r.cell[C_ID] = hy_cli_dup(id, &oom);
	char date[32];
	hy_meeting_date_label(row->date, row->month_day, row->year_guessed, date, sizeof date);
	r.cell[C_DATE] = hy_cli_dup(date[0] ? date : NULL, &oom);
	r.cell[C_BODY] = hy_cli_dup(row->body, &oom);
	r.cell[C_KIND] = hy_cli_dup(row->kind, &oom);
	if (row->number > 0) {
		snprintf(num, sizeof num, "第%d次", row->number);
		r.cell[C_NUM] = hy_cli_dup(num, &oom);
	}
	r.cell[C_CHAIR] = hy_cli_dup(row->chair, &oom);
	r.cell[C_TITLE] = hy_cli_dup(row->title, &oom);
	if (oom) {
		free_saved(&r);
		return HY_ERR_NOMEM;
	}
	if (l->fixed) {
		print_row(l, &r);
		free_saved(&r);
		return 0;
	}
	l->page[l->n++] = r;
	return 0;
}

/* Print every matching meeting; returns the number printed or < 0. */
static long run(struct list *l, struct hy_store *s, const struct hy_store_filter *f)
{
	struct hy_store_cursor cur = {0};
	char err[512] = "";
	long total = 0;

	for (;;) {
		int n;
		if (!l->json && !l->fixed) {
			l->page = calloc(PAGE, sizeof *l->page);
			if (!l->page) {
				hy_cli_error(_("out of memory"));
				return HY_ERR_NOMEM;
			}
		}
		n = hy_store_list(s, f, &cur, PAGE, l->json ? on_json : on_text, l, &cur, err,
				  sizeof err);
		if (n < 0) {
			if (!l->json && !l->fixed) {
				for (size_t k = 0; k < l->n; k++)
					free_saved(&l->page[k]);
				free(l->page);
				l->page = NULL;
			}
			hy_cli_error("%s", err[0] ? err : hy_err_str(n));
			return n;
		}
		total += n;
		if (!l->json && !l->fixed) {
			if (total > 0) {
				settle(l);
			} else {
				free(l->page);
				l->page = NULL;
			}
		}
		if (n < PAGE)
			return total;
	}
}

int hy_cli_list(const struct hy_cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *body = NULL, *person = NULL;
	int json = 0, npos, rc;
	const struct hy_cli_opt opts[] = {
		{"--from", &from, NULL},     {"--to", &to, NULL},     {"--body", &body, NULL},
		{"--person", &person, NULL}, {"--json", NULL, &json}, {NULL, NULL, NULL},
	};
	struct hy_store_filter f = {0};
	struct list l = {0};
	char lo[16], hi[16];
	struct hy_store *s;
	char **pos;
	long n;

	rc = hy_cli_parse(argc, argv, opts, &pos, &npos);
	if (rc)
		return rc;
	if (npos > 0) {
		rc = hy_cli_usage("list", _("unexpected argument '%s'"), pos[0]);
		free(pos);
		return rc;
	}
	free(pos);
	if ((rc = hy_cli_dates("list", from, to, lo, hi)))
		return rc;
	f.from = from ? lo : NULL;
	f.to = to ? hi : NULL;
	f.body = body && body[0] ? body : NULL;
	f.person = person && person[0] ? person : NULL;

	rc = hy_cli_open(c, 0, &s);
	if (rc == HY_ERR_NOTFOUND) {
		hy_cli_none_yet();
		return HY_EXIT_OK;
	}
	if (rc)
		return HY_EXIT_FAIL;
	l.c = c;
	l.json = json;
	l.cols = hy_cli_term_cols(STDOUT_FILENO);
	n = run(&l, s, &f);
	if (n == 0) {
		int any = f.from || f.to || f.body || f.person;
		if (any)
			fputs(_("no meetings match\n"), stderr);
		else
			hy_cli_none_yet();
	}
	hy_store_close(s);
	return n < 0 ? HY_EXIT_FAIL : HY_EXIT_OK;
}
