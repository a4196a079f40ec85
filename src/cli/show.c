/* show.c: `huiyi show ID [--section N] [--json] [--format text|json|md|txt]
 * [--script simplified|traditional]`.
 *
 * Text: the metadata block (标题 日期 发布 机构 会议 主持 出席 列席, "-"
 * when unknown), the summary, then each section as `§N heading` and its
 * text, wrapped at the terminal's width (80 columns when piped); a
 * meeting read from several places lists them (来源, the shown one
 * first). With
 * --section N only that section. JSON: one object, keys in a fixed order,
 * ending in "sources": [{source, url, script, shown}].
 * --format md or txt: the document export writes for it (export.c). */
#include "cli.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/script.h"
#include "huiyi/export.h"
#include "huiyi/utf8.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PIPED_COLS 80
/* The field labels of show's text, in the order printed; the label
 * column is the widest in the user's language plus two spaces. */
static const char *const labels[] = {
	N_("Title"), N_("Date"),      N_("Published"), N_("Body"),  N_("Place"),  N_("Meeting"),
	N_("Chair"), N_("Attendees"), N_("Observers"), N_("Units"), N_("Source"),
};

static size_t label_cols(const struct hy_cli *c)
{
	size_t w = 0;
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		size_t k = hy_cli_width(c, _(labels[i]));
		if (k > w)
			w = k;
	}
	return w + 2;
}

static json_t *names(char *const *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < n; i++)
		json_array_append_new(a, hy_cli_json_str(v[i]));
	return a;
}

/* The source path: as stored, or, when its bytes are not UTF-8 (a file
 * name from another system), with those bytes as \xNN, so that it still
 * names the file (JSON strings cannot hold them; U+FFFD would lose them). */
static json_t *source_json(const char *src)
{
	if (!src || hy_utf8_valid(src, strlen(src)))
		return hy_cli_json_str(src);
	size_t n = strlen(src);
	char *e = malloc(4 * n + 1), *o = e;
	if (!e)
		return json_null();
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = hy_utf8_decode(src + i, n - i, &cp);
		if (cp == HY_UTF8_REPLACEMENT && k == 1) {
			o += sprintf(o, "\\x%02x", (unsigned char)src[i]);
		} else {
			memcpy(o, src + i, k);
			o += k;
		}
		i += k;
	}
	*o = '\0';
	json_t *j = hy_cli_json_str(e);
	free(e);
	return j;
}

/* ["year", "title"]: the fields not read from the text. */
static json_t *guessed_list(unsigned g)
{
	char buf[64];
	json_t *a = json_array();
	hy_meeting_guessed_names(g, buf, sizeof buf);
	for (char *p = buf, *e; a && *p; p = e + (*e == ',')) {
		e = p + strcspn(p, ",");
		json_array_append_new(a, json_stringn(p, (size_t)(e - p)));
	}
	return a;
}

/* One source of the meeting, into the array ctx (schema v11). */
static int on_source(const struct hy_store_source *src, void *ctx)
{
	json_t *o = json_object();
	if (!o || json_array_append_new(ctx, o) != 0)
		return HY_ERR_NOMEM;
	json_object_set_new(o, "source", source_json(src->source));
	json_object_set_new(o, "url", hy_cli_json_str(src->url));
	json_object_set_new(o, "script", hy_cli_json_str(src->script));
	json_object_set_new(o, "shown", json_boolean(src->shown));
	return 0;
}

static int print_json(const struct hy_store_record *r, const struct hy_section *only,
		      json_t *sources)
{
	const struct hy_meeting *m = &r->m;
	json_t *o = json_object(), *chair, *secs;
	char *text;

	if (!o)
		return HY_ERR_NOMEM;
	json_object_set_new(o, "id", json_integer(r->id));
	json_object_set_new(o, "title", hy_cli_json_str(m->title));
	json_object_set_new(o, "published", hy_cli_json_str(m->published));
	json_object_set_new(o, "date", hy_cli_json_str(m->date));
	json_object_set_new(o, "month_day", hy_cli_json_str(m->month_day));
	json_object_set_new(o, "date_precision", json_string(hy_meeting_date_precision(m)));
	json_object_set_new(o, "date_basis", hy_cli_json_str(hy_date_basis_name(m->date_basis)));
	json_object_set_new(o, "body", hy_cli_json_str(m->body));
	json_object_set_new(o, "place", hy_cli_json_str(m->place));
	json_object_set_new(o, "kind", hy_cli_json_str(m->kind));
	json_object_set_new(o, "number", m->number > 0 ? json_integer(m->number) : json_null());
	if (m->chair || m->chair_role) {
		chair = json_object();
		json_object_set_new(chair, "name", hy_cli_json_str(m->chair));
		json_object_set_new(chair, "role", hy_cli_json_str(m->chair_role));
	} else {
		chair = json_null();
	}
	json_object_set_new(o, "chair", chair);
	json_object_set_new(o, "attendees", names(m->attendees, m->n_attendees));
	json_object_set_new(o, "observers", names(m->observers, m->n_observers));
	json_object_set_new(o, "units", names(m->units, m->n_units));
	json_object_set_new(o, "guessed", guessed_list(m->guessed));
	json_object_set_new(o, "summary", hy_cli_json_str(m->summary));
	secs = json_array();
	for (size_t i = 0; secs && i < m->n_sections; i++) {
		const struct hy_section *sec = &m->sections[i];
		json_t *js;
		if (only && sec != only)
			continue;
		js = json_object();
		json_object_set_new(js, "n", json_integer(sec->n));
		json_object_set_new(js, "heading", hy_cli_json_str(sec->heading));
		json_object_set_new(js, "text", hy_cli_json_str(sec->text));
		json_array_append_new(secs, js);
	}
	json_object_set_new(o, "sections", secs);
	json_object_set_new(o, "source", source_json(r->source));
	json_object_set_new(o, "sha256", hy_cli_json_str(r->sha256));
	json_object_set(o, "sources", sources);
	text = json_dumps(o, JSON_INDENT(2));
	json_decref(o);
	if (!text)
		return HY_ERR_NOMEM;
	if (hy_cli_put_json(stdout, text) != 0) {
		free(text);
		return HY_ERR_NOMEM;
	}
	fputc('\n', stdout);
	free(text);
	return 0;
}

/* "a、b、c", malloc()ed, NULL when there are none or out of memory. */
static char *join(char *const *v, size_t n)
{
	size_t len = 1;
	char *s;
	for (size_t i = 0; i < n; i++)
		len += strlen(v[i]) + 3;
	if (n == 0 || !(s = malloc(len)))
		return NULL;
	s[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(s, "、");
		strcat(s, v[i]);
	}
	return s;
}

/* One field: its label (label NULL: the label column blank, a further
 * line of the field before), padded to the label column, then the value
 * wrapped under itself. */
static void field(const struct hy_cli *c, size_t cols, const char *label, const char *value)
{
	size_t lc = label_cols(c), w = label ? hy_cli_width(c, _(label)) : 0;
	if (label)
		fputs(_(label), stdout);
	for (; w < lc; w++)
		fputc(' ', stdout);
	hy_cli_wrap(c, stdout, value && value[0] ? value : "-", cols, lc, lc);
}

static void section(const struct hy_cli *c, size_t cols, const struct hy_section *sec)
{
	char head[32];
	snprintf(head, sizeof head, "§%d ", sec->n);
	fputs(head, stdout);
	hy_cli_wrap(c, stdout, sec->heading, cols, hy_cli_width(c, head), 0);
	hy_cli_wrap(c, stdout, sec->text, cols, 0, 0);
}

/* 来源: each source when there are several, the one shown first:
 * its address or path, its script, 显示 for the one shown. */
static void print_sources(const struct hy_cli *c, size_t cols, json_t *sources)
{
	size_t i;
	json_t *o;
	if (json_array_size(sources) < 2)
		return;
	json_array_foreach(sources, i, o)
	{
		const char *url = json_string_value(json_object_get(o, "url"));
		const char *src = json_string_value(json_object_get(o, "source"));
		const char *script = json_string_value(json_object_get(o, "script"));
		const char *where = url ? url : src ? src : "-";
		size_t n = strlen(where) + 64;
		char *v = malloc(n);
		if (!v)
			return;
		/* TRANSLATORS: a source's number, address, script and ", shown" */
		snprintf(v, n, _("%zu. %s (%s%s)"), i + 1, where,
			 !script                       ? _("script unknown")
			 : strcmp(script, "hant") == 0 ? _("traditional")
						       : _("simplified"),
			 json_is_true(json_object_get(o, "shown")) ? _(", shown") : "");
		field(c, cols, i == 0 ? N_("Source") : NULL, v);
		free(v);
	}
}

static void print_text(const struct hy_cli *c, const struct hy_store_record *r,
		       const struct hy_section *only, json_t *sources)
{
	const struct hy_meeting *m = &r->m;
	size_t cols = hy_cli_term_cols(STDOUT_FILENO);
	char num[32] = "", *v;
	size_t n;

	if (cols == 0)
		cols = PIPED_COLS;
	if (only) {
		section(c, cols, only);
		return;
	}
	char date[96];
	if (m->title && (m->guessed & HY_GUESSED_TITLE)) {
		n = strlen(m->title) + 96;
		v = malloc(n);
		if (v) {
			snprintf(v, n, _("%s (composed from the text)"), m->title);
			field(c, cols, N_("Title"), v);
			free(v);
		}
	} else {
		field(c, cols, N_("Title"), m->title);
	}
	hy_meeting_date_text(m, date, sizeof date);
	field(c, cols, N_("Date"), date[0] ? date : NULL);
	field(c, cols, N_("Published"), m->published);
	field(c, cols, N_("Body"), m->body);
	field(c, cols, N_("Place"), m->place);
	if (m->number > 0)
		snprintf(num, sizeof num, "第%d次", m->number);
	n = (m->kind ? strlen(m->kind) : 0) + strlen(num) + 2;
	v = malloc(n);
	if (v) {
		snprintf(v, n, "%s%s%s", m->kind ? m->kind : "", m->kind && num[0] ? " " : "", num);
		field(c, cols, N_("Meeting"), v);
		free(v);
	}
	if (m->chair && m->chair_role) {
		n = strlen(m->chair) + strlen(m->chair_role) + 16;
		v = malloc(n);
		if (v) {
			/* TRANSLATORS: the chair and their role */
			snprintf(v, n, _("%s (%s)"), m->chair, m->chair_role);
			field(c, cols, N_("Chair"), v);
			free(v);
		}
	} else {
		field(c, cols, N_("Chair"), m->chair ? m->chair : m->chair_role);
	}
	v = join(m->attendees, m->n_attendees);
	field(c, cols, N_("Attendees"), v);
	free(v);
	v = join(m->observers, m->n_observers);
	field(c, cols, N_("Observers"), v);
	free(v);
	v = join(m->units, m->n_units);
	field(c, cols, N_("Units"), v);
	free(v);
	print_sources(c, cols, sources);
	if (m->summary && m->summary[0]) {
		fputc('\n', stdout);
		hy_cli_wrap(c, stdout, m->summary, cols, 0, 0);
	}
	for (size_t i = 0; i < m->n_sections; i++) {
		fputc('\n', stdout);
		section(c, cols, &m->sections[i]);
	}
}

/* --format md|txt: the meeting as export writes it. */
struct doc {
	const struct hy_cli *c;
	int md;
};

static int on_doc(const struct hy_export_item *it, void *ctx)
{
	const struct doc *d = ctx;
	hy_cli_export_doc(d->c, stdout, d->md, it);
	return 0;
}

/* A positive decimal number, or -1. */
static long long positive(const char *s)
{
	return hy_cli_number(s, 1, INT64_MAX);
}

int hy_cli_show(const struct hy_cli *c, int argc, char **argv)
{
	const char *sect = NULL, *format = NULL, *script = NULL;
	int json = 0, npos, rc;
	enum hy_script to = HY_SCRIPT_STORED;
	const struct hy_cli_opt opts[] = {
		{"--section", &sect, NULL},  {"--json", NULL, &json}, {"--format", &format, NULL},
		{"--script", &script, NULL}, {NULL, NULL, NULL},
	};
	struct hy_store_record r;
	const struct hy_section *only = NULL;
	struct hy_store *s;
	char err[512] = "";
	long long id, sn = 0;
	char **pos;

	rc = hy_cli_parse(argc, argv, opts, &pos, &npos);
	if (rc)
		return rc;
	if (npos != 1) {
		rc = npos == 0 ? hy_cli_usage("show", _("which meeting? give its "
							"ID (see huiyi list)"))
			       : hy_cli_usage("show", _("unexpected argument '%s'"), pos[1]);
		free(pos);
		return rc;
	}
	id = positive(pos[0]);
	if (id < 0) {
		rc = hy_cli_usage("show",
				  _("bad ID '%s' (a number from huiyi "
				    "list)"),
				  pos[0]);
		free(pos);
		return rc;
	}
	free(pos);
	if (sect && (sn = positive(sect)) < 0)
		return hy_cli_usage("show", _("bad section number '%s'"), sect);
	if (script && (strcmp(script, "simplified") == 0 || strcmp(script, "简") == 0))
		to = HY_SCRIPT_SIMPLIFIED;
	else if (script && (strcmp(script, "traditional") == 0 || strcmp(script, "繁") == 0))
		to = HY_SCRIPT_TRADITIONAL;
	else if (script)
		return hy_cli_usage("show",
				    _("bad script '%s' for --script (simplified or traditional)"),
				    script);
	if (script && format)
		return hy_cli_usage(
			"show", _("--script is for the text and --json, not --format %s"), format);
	if (format && strcmp(format, "json") == 0) {
		json = 1;
		format = NULL;
	} else if (format && strcmp(format, "text") == 0) {
		if (json)
			return hy_cli_usage("show", _("--json or --format text?"));
		format = NULL;
	} else if (format && strcmp(format, "md") != 0 && strcmp(format, "txt") != 0) {
		return hy_cli_usage("show",
				    _("bad format '%s' for --format "
				      "(text, json, md or txt)"),
				    format);
	} else if (format && (json || sect)) {
		return hy_cli_usage("show",
				    _("--format %s is the whole meeting "
				      "(no --json, no --section)"),
				    format);
	}

	rc = hy_cli_open(c, 0, &s);
	if (rc == HY_ERR_NOTFOUND) {
		hy_cli_error(_("no meeting with id %lld (no meetings yet, run "
			       "huiyi import)"),
			     id);
		return HY_EXIT_FAIL;
	}
	if (rc)
		return HY_EXIT_FAIL;
	if (format) {
		struct doc d = {c, strcmp(format, "md") == 0};
		rc = hy_store_export_id(s, id, on_doc, &d, err, sizeof err);
		hy_store_close(s);
		if (rc) {
			hy_cli_error("%s", err[0] ? err : hy_err_str(rc));
			return HY_EXIT_FAIL;
		}
		return HY_EXIT_OK;
	}
	json_t *sources = json_array();
	rc = sources ? hy_store_get(s, id, &r, err, sizeof err)
		     : hy_err_set(err, sizeof err, HY_ERR_NOMEM, _("out of memory"));
	if (rc == 0) {
		int n = hy_store_sources(s, id, on_source, sources, err, sizeof err);
		if (n < 0) {
			hy_store_record_free(&r);
			rc = n;
		}
	}
	hy_store_close(s);
	if (rc) {
		json_decref(sources);
		hy_cli_error("%s", err[0] ? err : hy_err_str(rc));
		return HY_EXIT_FAIL;
	}
	/* the other script: the stored text is never changed, a copy is
	 * shown (a meeting already in that script stays as it is) */
	if (to != HY_SCRIPT_STORED && hy_meeting_script(&r.m) != to) {
		struct hy_meeting conv;
		rc = hy_meeting_to_script(&r.m, to, &conv);
		if (rc) {
			hy_cli_error("%s",
				     rc == HY_ERR_NOMEM ? _("out of memory") : hy_script_error());
			hy_store_record_free(&r);
			return HY_EXIT_FAIL;
		}
		hy_meeting_free(&r.m);
		r.m = conv;
	}
	if (sect) {
		for (size_t i = 0; i < r.m.n_sections; i++)
			if (r.m.sections[i].n == sn)
				only = &r.m.sections[i];
		if (!only) {
			hy_cli_error(_("meeting %lld has no section %lld (it has "
				       "%zu)"),
				     id, sn, r.m.n_sections);
			hy_store_record_free(&r);
			json_decref(sources);
			return HY_EXIT_FAIL;
		}
	}
	if (json)
		rc = print_json(&r, only, sources);
	else
		print_text(c, &r, only, sources);
	hy_store_record_free(&r);
	json_decref(sources);
	if (rc) {
		hy_cli_error(_("out of memory"));
		return HY_EXIT_FAIL;
	}
	return HY_EXIT_OK;
}
