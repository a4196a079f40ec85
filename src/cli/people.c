/* people.c: `huiyi people [--sort count|name|last] [--body B] [--from D]
 * [--to D] [--limit N] [--json]` and `huiyi people NAME [--place P]
 * [--json]` (people.h, DESIGN.md §2 people).
 *
 * The list pages the store (never everyone at once), its columns sized
 * on the first page as `list` does. A name (either script, pinyin, or an
 * id) shows that person's career: role spans, meetings by part, the
 * people met most often; several people of that name are listed for the
 * user to choose, never merged. */
#include "cli.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/people.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PAGE 500
#define MAX_NAME 12
#define MAX_PLACE 16

enum { C_ID, C_NAME, C_PLACE, C_CHAIR, C_ATT, C_OBS, C_INV, C_FIRST, C_LAST, C_ROLE, C_N };

static const char *const headers[C_N] = {
	N_("ID"),   N_("Name"), N_("Place"), N_("Chair"), N_("Att."),
	N_("Obs."), N_("Inv."), N_("First"), N_("Last"),  N_("Role"),
};

/* The parts as a reader sees them. */
static const char *const part_label[HY_PART_COUNT] = {
	N_("Chaired"),
	N_("Attended"),
	N_("Observed"),
	N_("Invited"),
};

struct table {
	const struct hy_cli *c;
	size_t width[C_N];
	size_t cols; /* terminal columns, 0 when piped */
};

static int is_number_col(int i)
{
	return i == C_ID || (i >= C_CHAIR && i <= C_INV);
}

static void cells_of(const struct hy_person *p, char num[C_N][24], const char *cell[C_N])
{
	snprintf(num[C_ID], 24, "%lld", (long long)p->id);
	for (int k = 0; k < HY_PART_COUNT; k++)
		snprintf(num[C_CHAIR + k], 24, "%ld", p->count[k]);
	for (int i = 0; i < C_N; i++)
		cell[i] = num[i];
	cell[C_NAME] = p->name;
	cell[C_PLACE] = p->place && p->place[0] ? p->place : "-";
	cell[C_FIRST] = p->first ? p->first : "-";
	cell[C_LAST] = p->last ? p->last : "-";
	cell[C_ROLE] = p->role ? p->role : "-";
}

static void print_row(const struct table *t, const char *const cell[C_N])
{
	size_t used = 0;
	for (int i = 0; i < C_N; i++) {
		if (is_number_col(i)) {
			for (size_t k = hy_cli_width(t->c, cell[i]); k < t->width[i]; k++)
				fputc(' ', stdout);
			hy_cli_cell(t->c, stdout, cell[i], 0, 0);
		} else if (i == C_ROLE) {
			size_t room = 0;
			if (t->cols)
				room = t->cols > used + 10 ? t->cols - used : 10;
			hy_cli_cell(t->c, stdout, cell[i], room, 0);
		} else {
			hy_cli_cell(t->c, stdout, cell[i], t->width[i], 1);
		}
		used += t->width[i];
		if (i + 1 < C_N) {
			fputs("  ", stdout);
			used += 2;
		}
	}
	fputc('\n', stdout);
}

/* Column widths from the headers and people v[0..n). */
static void measure(struct table *t, const struct hy_person *v, size_t n)
{
	for (int i = 0; i < C_N; i++)
		t->width[i] = hy_cli_width(t->c, _(headers[i]));
	for (size_t k = 0; k < n; k++) {
		char num[C_N][24];
		const char *cell[C_N];
		cells_of(&v[k], num, cell);
		for (int i = 0; i < C_N; i++) {
			size_t w = hy_cli_width(t->c, cell[i]);
			size_t cap = i == C_NAME ? MAX_NAME : i == C_PLACE ? MAX_PLACE : 0;
			if (cap && w > cap)
				w = cap;
			if (w > t->width[i])
				t->width[i] = w;
		}
	}
	const char *shown[C_N];
	for (int i = 0; i < C_N; i++)
		shown[i] = _(headers[i]);
	print_row(t, shown);
}

static void print_people(const struct table *t, const struct hy_person *v, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		char num[C_N][24];
		const char *cell[C_N];
		cells_of(&v[k], num, cell);
		print_row(t, cell);
	}
}

/* One JSON line: 0 or HY_ERR_NOMEM (o NULL, or jansson ran out). */
static int put_json(json_t *o)
{
	char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
	int rc = HY_ERR_NOMEM;
	json_decref(o);
	if (s) {
		rc = hy_cli_put_json(stdout, s);
		if (rc == 0)
			fputc('\n', stdout);
		free(s);
	}
	return rc;
}

static json_t *person_json(const struct hy_person *p)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "name", hy_cli_json_str(p->name));
	json_object_set_new(o, "place",
			    p->place && p->place[0] ? hy_cli_json_str(p->place) : json_null());
	json_object_set_new(o, "chaired", json_integer(p->count[HY_PART_CHAIR]));
	json_object_set_new(o, "attended", json_integer(p->count[HY_PART_ATTENDEE]));
	json_object_set_new(o, "observed", json_integer(p->count[HY_PART_OBSERVER]));
	json_object_set_new(o, "invited", json_integer(p->count[HY_PART_INVITED]));
	json_object_set_new(o, "first", hy_cli_json_str(p->first));
	json_object_set_new(o, "last", hy_cli_json_str(p->last));
	json_object_set_new(o, "role", hy_cli_json_str(p->role));
	return o;
}

/* Every person the query names, a page at a time, up to limit (0: all).
 * Returns how many, or < 0 after printing the error. */
static long run_list(const struct hy_cli *c, struct hy_store *s, struct hy_people_query q,
		     size_t limit, int json)
{
	struct table t = {.c = c, .cols = hy_cli_term_cols(STDOUT_FILENO)};
	long total = 0;
	char err[512] = "";

	for (;;) {
		struct hy_person *v;
		size_t n;
		q.limit = limit && limit - (size_t)total < PAGE ? limit - (size_t)total : PAGE;
		int rc = hy_store_people_page(s, &q, &v, &n, err, sizeof err);
		if (rc) {
			hy_cli_error("%s", err[0] ? err : hy_err_str(rc));
			return rc;
		}
		if (json) {
			for (size_t k = 0; rc == 0 && k < n; k++)
				rc = put_json(person_json(&v[k]));
			if (rc) {
				hy_people_free(v, n);
				hy_cli_error(_("out of memory"));
				return rc;
			}
		} else {
			if (total == 0 && n > 0)
				measure(&t, v, n);
			print_people(&t, v, n);
		}
		hy_people_free(v, n);
		total += (long)n;
		q.offset += n;
		if (n < q.limit || (limit && (size_t)total >= limit))
			return total;
	}
}

/* "2023-05-10" → "2023-05" into buf. */
static const char *month(const char *date, char buf[8])
{
	snprintf(buf, 8, "%.7s", date ? date : "");
	return buf;
}

static void print_career(const struct hy_cli *c, const struct hy_career *k)
{
	const struct hy_person *p = &k->who;
	size_t cols = hy_cli_term_cols(STDOUT_FILENO);
	char a[8], b[8];

	hy_cli_put(stdout, p->name);
	fputs("  ", stdout);
	hy_cli_put(stdout, p->place && p->place[0] ? p->place : _("(place unknown)"));
	printf("  ID %lld\n", (long long)p->id);
	for (int i = 0; i < HY_PART_COUNT; i++)
		printf("%s%s %ld", i ? "  " : "", _(part_label[i]), p->count[i]);
	if (p->first)
		printf("  %s … %s", p->first, p->last ? p->last : "");
	fputc('\n', stdout);

	printf("\n%s\n", _("Roles"));
	if (k->n_roles == 0)
		fputs("  -\n", stdout);
	/* the spans' dates as YYYY-MM; the last one open */
	for (size_t i = 0; i < k->n_roles; i++) {
		const struct hy_role_span *r = &k->roles[i];
		if (i + 1 < k->n_roles)
			printf("  %s … %s  ", month(r->from, a), month(r->to, b));
		else
			printf("  %s …           ", month(r->from, a));
		hy_cli_cell(c, stdout, r->role, 0, 0);
		fputc('\n', stdout);
	}
	for (int part = 0; part < HY_PART_COUNT; part++) {
		size_t n = 0;
		for (size_t i = 0; i < k->n_meetings; i++)
			n += k->meetings[i].part == (enum hy_part)part;
		if (n == 0)
			continue;
		printf("\n%s (%zu)\n", _(part_label[part]), n);
		for (size_t i = 0; i < k->n_meetings; i++) {
			const struct hy_appearance *m = &k->meetings[i];
			char id[32];
			if (m->part != (enum hy_part)part)
				continue;
			snprintf(id, sizeof id, "#%lld", (long long)m->meeting);
			printf("  %-10s  %7s  ", m->date ? m->date : "-", id);
			size_t used = 2 + 10 + 2 + 7 + 2;
			hy_cli_cell(c, stdout, m->title ? m->title : "-",
				    cols > used + 10 ? cols - used
				    : cols           ? 10
						     : 0,
				    0);
			fputc('\n', stdout);
		}
	}
	printf("\n%s\n", _("Met most often"));
	if (k->n_met == 0)
		fputs("  -\n", stdout);
	for (size_t i = 0; i < k->n_met; i++) {
		const struct hy_met *m = &k->met[i];
		printf("  %5ld  ", m->count);
		hy_cli_put(stdout, m->name);
		fputs("  ", stdout);
		hy_cli_put(stdout, m->place && m->place[0] ? m->place : "-");
		printf("  ID %lld\n", (long long)m->id);
	}
}

static json_t *career_json(const struct hy_career *k)
{
	json_t *o = json_object(), *roles = json_array(), *ms = json_array(), *met = json_array();
	if (!o || !roles || !ms || !met) {
		json_decref(o);
		json_decref(roles);
		json_decref(ms);
		json_decref(met);
		return NULL;
	}
	json_object_set_new(o, "id", json_integer(k->who.id));
	json_object_set_new(o, "name", hy_cli_json_str(k->who.name));
	json_object_set_new(o, "place",
			    k->who.place && k->who.place[0] ? hy_cli_json_str(k->who.place)
							    : json_null());
	for (size_t i = 0; i < k->n_roles; i++) {
		json_t *r = json_object();
		json_object_set_new(r, "role", hy_cli_json_str(k->roles[i].role));
		json_object_set_new(r, "from", hy_cli_json_str(k->roles[i].from));
		json_object_set_new(r, "to", hy_cli_json_str(k->roles[i].to));
		json_array_append_new(roles, r);
	}
	for (size_t i = 0; i < k->n_meetings; i++) {
		const struct hy_appearance *m = &k->meetings[i];
		json_t *r = json_object();
		json_object_set_new(r, "meeting", json_integer(m->meeting));
		json_object_set_new(r, "date", hy_cli_json_str(m->date));
		json_object_set_new(r, "part", json_string(hy_part_name(m->part)));
		json_object_set_new(r, "role", hy_cli_json_str(m->role));
		json_array_append_new(ms, r);
	}
	for (size_t i = 0; i < k->n_met; i++) {
		json_t *r = json_object();
		json_object_set_new(r, "id", json_integer(k->met[i].id));
		json_object_set_new(r, "name", hy_cli_json_str(k->met[i].name));
		json_object_set_new(r, "count", json_integer(k->met[i].count));
		json_array_append_new(met, r);
	}
	json_object_set_new(o, "roles", roles);
	json_object_set_new(o, "meetings", ms);
	json_object_set_new(o, "met", met);
	return o;
}

/* NAME: the careers of the people it names (JSON: each; text: one, or
 * the list of them to choose from). */
static int run_career(const struct hy_cli *c, struct hy_store *s, const char *name,
		      const char *place, int json)
{
	int64_t *ids = NULL;
	size_t n = 0, keep = 0;
	char err[512] = "";
	int rc = hy_store_people_find(s, name, &ids, &n, err, sizeof err);
	struct hy_career *k = NULL;

	if (rc == 0 && n > 0 && !(k = calloc(n, sizeof *k)))
		rc = hy_err_set(err, sizeof err, HY_ERR_NOMEM, _("out of memory"));
	char *want = place && place[0] ? hy_people_key(place) : NULL;
	if (rc == 0 && place && place[0] && !want)
		rc = hy_err_set(err, sizeof err, HY_ERR_NOMEM, _("out of memory"));
	for (size_t i = 0; rc == 0 && i < n; i++) {
		rc = hy_store_career(s, ids[i], 0, 10, &k[keep], err, sizeof err);
		if (rc == 0 && want && strcmp(k[keep].who.place, want) != 0)
			hy_career_free(&k[keep]);
		else if (rc == 0)
			keep++;
	}
	free(want);
	free(ids);
	if (rc) {
		hy_cli_error("%s", err[0] ? err : hy_err_str(rc));
	} else if (keep == 0) {
		fflush(stdout);
		fputs("huiyi: ", stderr);
		fputs(_("no person called "), stderr);
		hy_cli_put_line(stderr, name);
		if (place && place[0]) {
			fputs(_(" in "), stderr);
			hy_cli_put_line(stderr, place);
		}
		fputs(_(" (huiyi people lists everyone)\n"), stderr);
		rc = HY_ERR_NOTFOUND;
	} else if (json) {
		for (size_t i = 0; rc == 0 && i < keep; i++)
			rc = put_json(career_json(&k[i]));
		if (rc)
			hy_cli_error(_("out of memory"));
	} else if (keep == 1) {
		print_career(c, &k[0]);
	} else {
		/* never merged: the user picks one by its ID or place */
		struct table t = {.c = c, .cols = hy_cli_term_cols(STDOUT_FILENO)};
		struct hy_person *v = malloc(keep * sizeof *v);
		if (!v) {
			hy_cli_error(_("out of memory"));
			rc = HY_ERR_NOMEM;
			goto done;
		}
		for (size_t i = 0; i < keep; i++)
			v[i] = k[i].who;
		measure(&t, v, keep);
		print_people(&t, v, keep);
		free(v);
		fflush(stdout);
		fputs("huiyi: ", stderr);
		fprintf(stderr, P_("%zu person is called ", "%zu people are called ", keep), keep);
		hy_cli_put_line(stderr, name);
		fputs(_(": give one's ID (huiyi people ID) or --place PLACE\n"), stderr);
		rc = HY_ERR_INVALID;
	}
done:
	for (size_t i = 0; i < keep; i++)
		hy_career_free(&k[i]);
	free(k);
	return rc ? HY_EXIT_FAIL : HY_EXIT_OK;
}

int hy_cli_people(const struct hy_cli *c, int argc, char **argv)
{
	const char *sort = NULL, *body = NULL, *from = NULL, *to = NULL, *limit = NULL,
		   *place = NULL;
	int json = 0, npos, rc;
	const struct hy_cli_opt opts[] = {
		{"--sort", &sort, NULL}, {"--body", &body, NULL},   {"--from", &from, NULL},
		{"--to", &to, NULL},     {"--limit", &limit, NULL}, {"--place", &place, NULL},
		{"--json", NULL, &json}, {NULL, NULL, NULL},
	};
	struct hy_people_query q = {0};
	char lo[16], hi[16];
	long long lim = 0;
	struct hy_store *s;
	char **pos;

	rc = hy_cli_parse(argc, argv, opts, &pos, &npos);
	if (rc)
		return rc;
	if (npos > 1) {
		rc = hy_cli_usage("people", _("unexpected argument '%s' (one name)"), pos[1]);
		free(pos);
		return rc;
	}
	const char *name = npos ? pos[0] : NULL;
	free(pos);
	if (name && !name[0])
		return hy_cli_usage("people", _("an empty name"));
	if (sort) {
		if (strcmp(sort, "count") == 0)
			q.sort = HY_PEOPLE_BY_COUNT;
		else if (strcmp(sort, "name") == 0)
			q.sort = HY_PEOPLE_BY_NAME;
		else if (strcmp(sort, "last") == 0)
			q.sort = HY_PEOPLE_BY_LAST;
		else
			return hy_cli_usage("people",
					    _("--sort takes count, name "
					      "or last, not '%s'"),
					    sort);
	}
	if ((rc = hy_cli_dates("people", from, to, lo, hi)))
		return rc;
	if (limit && (lim = hy_cli_number(limit, 1, 1000000000)) < 0)
		return hy_cli_usage("people", _("bad --limit '%s' (a number from 1)"), limit);
	if (name && (sort || body || from || to || limit))
		return hy_cli_usage("people", _("--sort, --body, --from, --to and "
						"--limit are for the list, not one person"));
	if (!name && place)
		return hy_cli_usage("people", _("--place chooses among the people "
						"of one name: huiyi people NAME --place P"));
	q.from = from ? lo : NULL;
	q.to = to ? hi : NULL;
	q.body = body && body[0] ? body : NULL;

	rc = hy_cli_open(c, 0, &s);
	if (rc == HY_ERR_NOTFOUND) {
		if (name) {
			hy_cli_error(_("no person called %s (no meetings yet, run "
				       "huiyi import)"),
				     name);
			return HY_EXIT_FAIL;
		}
		hy_cli_none_yet();
		return HY_EXIT_OK;
	}
	if (rc)
		return HY_EXIT_FAIL;
	if (name) {
		rc = run_career(c, s, name, place, json);
	} else {
		long n = run_list(c, s, q, (size_t)lim, json);
		if (n == 0)
			fputs(q.body || q.from || q.to ? _("no people match\n")
						       : _("no people yet\n"),
			      stderr);
		rc = n < 0 ? HY_EXIT_FAIL : HY_EXIT_OK;
	}
	hy_store_close(s);
	return rc;
}
