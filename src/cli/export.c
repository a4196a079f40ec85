/* export.c: `huiyi export --format csv|jsonl|md|txt [--from D] [--to D]
 * [--body B] [--person P] [--query Q] [--out DIR|FILE] [--bom]
 * [--force]`.
 *
 * The meetings the filter and the query select (all by default), oldest
 * first, one at a time from the store (export.h): memory is one meeting's.
 * - csv: three tables in DIR (--out, required): meetings.csv (id, date,
 *   date_precision, body, kind, number, chair, chair_role, title, source,
 *   sha256), sections.csv (meeting, n, heading, text; n 0 is the opening
 *   paragraph, the summary) and people.csv (meeting, name, part, role);
 *   RFC 4180: a header row, CRLF line ends, a field with a comma, a quote
 *   or a line break in quotes with quotes doubled; UTF-8 without a byte
 *   order mark (Unix tools and Python's csv would read one as part of the
 *   first column's name), with --bom one (Excel then reads UTF-8). A
 *   date without a year is --MM-DD (ISO 8601), its precision month-day.
 * - jsonl: one meeting a line (its fields, sections and people), to FILE
 *   or stdout.
 * - md, txt: readable documents: with --out DIR one file a meeting named
 *   DATE_ID.md (ASCII only: safe on every file system), else all of them
 *   to stdout one after the other. Controls print as U+FFFD (text for
 *   people, DESIGN.md §5 hostile text).
 * A file that exists is not overwritten without --force (devices and
 * pipes are written to); csv and a jsonl FILE are written beside as
 * NAME.part and renamed when whole, so a failed export leaves what was
 * there. A write error (a full disk) stops the export with the file's
 * name and the reason, status 1. On a terminal a progress line on stderr;
 * a last line says how many meetings went where. */
#include "cli.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/export.h"
#include "huiyi/search.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum fmt { F_CSV, F_JSONL, F_MD, F_TXT };

enum { T_MEETINGS, T_SECTIONS, T_PEOPLE, T_N };

static const char *const table_name[T_N] = {"meetings.csv", "sections.csv", "people.csv"};
static const char *const table_head[T_N] = {
	"id,date,date_precision,body,kind,number,chair,chair_role,title,"
	"source,sha256",
	"meeting,n,heading,text",
	"meeting,name,part,role",
};

/* An output file: written as part (renamed to path when whole), or
 * straight to path (a device, a pipe, stdout: part NULL). */
struct outf {
	FILE *f;
	char *path;
	char *part;
	int is_stdout;
};

struct exp {
	const struct hy_cli *c;
	enum fmt fmt;
	const char *dir; /* md/txt: one file a meeting in it; NULL: stdout */
	int force;
	struct outf out[T_N]; /* csv: the three; jsonl, md/txt: out[0] */
	size_t done;
	int progress;     /* stderr is a terminal */
	char failed[512]; /* the write error, once */
};

/* 1 if path exists and is not a device, a pipe or a socket (a file we
 * would overwrite). */
static int exists_as_file(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return 0;
	return S_ISREG(st.st_mode) || S_ISDIR(st.st_mode) || S_ISLNK(st.st_mode);
}

static char *join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s%s%s", dir, dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/",
			 name);
	return p;
}

/* Open path for writing: a regular file (or none yet) through path.part,
 * anything else (/dev/full, a FIFO) as it is. 0, or -1 with e->failed
 * set. */
static int outf_open(struct exp *e, struct outf *o, const char *path)
{
	struct stat st;

	memset(o, 0, sizeof *o);
	o->path = strdup(path);
	if (!o->path)
		goto nomem;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		o->f = fopen(path, "w");
	} else {
		size_t n = strlen(path) + sizeof ".part";
		o->part = malloc(n);
		if (!o->part)
			goto nomem;
		snprintf(o->part, n, "%s.part", path);
		o->f = fopen(o->part, "w");
	}
	if (!o->f) {
		snprintf(e->failed, sizeof e->failed, "cannot write %s: %s",
			 o->part ? o->part : path, strerror(errno));
		return -1;
	}
	return 0;
nomem:
	snprintf(e->failed, sizeof e->failed, "out of memory");
	return -1;
}

/* Close o; when ok, rename its part over the path. 0, or -1 with
 * e->failed set (the part removed). */
static int outf_close(struct exp *e, struct outf *o, int ok)
{
	int rc = 0;

	if (o->f && !o->is_stdout) {
		int bad = ferror(o->f);
		if (fclose(o->f) != 0 || bad) {
			if (!e->failed[0])
				snprintf(e->failed, sizeof e->failed, "cannot write %s: %s",
					 o->part ? o->part : o->path,
					 errno ? strerror(errno) : "write error");
			rc = -1;
		}
	} else if (o->f && o->is_stdout) {
		if (fflush(o->f) != 0 || ferror(o->f)) {
			if (!e->failed[0])
				snprintf(e->failed, sizeof e->failed, "cannot write the output: %s",
					 strerror(errno));
			rc = -1;
		}
	}
	o->f = NULL;
	if (o->part) {
		if (ok && rc == 0 && rename(o->part, o->path) != 0) {
			snprintf(e->failed, sizeof e->failed, "cannot rename %s to %s: %s", o->part,
				 o->path, strerror(errno));
			rc = -1;
		}
		if (!ok || rc != 0)
			unlink(o->part);
	}
	free(o->part);
	free(o->path);
	o->part = o->path = NULL;
	return rc;
}

/* A write error on f (checked once a meeting): its name and errno. */
static int check(struct exp *e, const struct outf *o)
{
	if (o->f && ferror(o->f)) {
		if (!e->failed[0])
			snprintf(e->failed, sizeof e->failed, "cannot write %s: %s",
				 o->is_stdout ? "the output"
				 : o->part    ? o->part
					      : o->path,
				 errno ? strerror(errno) : "write error");
		return -1;
	}
	return 0;
}

/* ---- csv ---- */

/* One field, RFC 4180: quoted when it holds a comma, a quote, CR or LF
 * (or starts or ends with a space, which some readers trim). */
static void csv_field(FILE *f, const char *s)
{
	size_t n;

	if (!s)
		return;
	n = strlen(s);
	if (strpbrk(s, ",\"\r\n") || (n && (s[0] == ' ' || s[n - 1] == ' '))) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else {
		fputs(s, f);
	}
}

static void csv_int(FILE *f, long long v)
{
	fprintf(f, "%lld", v);
}

static void csv_sep(FILE *f)
{
	fputc(',', f);
}

static void csv_end(FILE *f)
{
	fputs("\r\n", f);
}

/* The date column: the date, else --MM-DD (month and day, no year),
 * else empty. */
static void date_field(const struct hy_meeting *m, char buf[16])
{
	buf[0] = '\0';
	if (m->date)
		snprintf(buf, 16, "%.10s", m->date);
	else if (m->month_day)
		snprintf(buf, 16, "--%.5s", m->month_day);
}

static int on_csv(const struct hy_export_item *it, struct exp *e)
{
	const struct hy_store_record *r = it->r;
	const struct hy_meeting *m = &r->m;
	FILE *f = e->out[T_MEETINGS].f;
	char date[16];

	date_field(m, date);
	csv_int(f, r->id);
	csv_sep(f);
	csv_field(f, date);
	csv_sep(f);
	csv_field(f, hy_meeting_date_precision(m));
	csv_sep(f);
	csv_field(f, m->body);
	csv_sep(f);
	csv_field(f, m->kind);
	csv_sep(f);
	if (m->number > 0)
		csv_int(f, m->number);
	csv_sep(f);
	csv_field(f, m->chair);
	csv_sep(f);
	csv_field(f, m->chair_role);
	csv_sep(f);
	csv_field(f, m->title);
	csv_sep(f);
	csv_field(f, r->source);
	csv_sep(f);
	csv_field(f, r->sha256);
	csv_end(f);

	f = e->out[T_SECTIONS].f;
	if (m->summary) {
		csv_int(f, r->id);
		fputs(",0,,", f);
		csv_field(f, m->summary);
		csv_end(f);
	}
	for (size_t i = 0; i < m->n_sections; i++) {
		csv_int(f, r->id);
		csv_sep(f);
		csv_int(f, m->sections[i].n);
		csv_sep(f);
		csv_field(f, m->sections[i].heading);
		csv_sep(f);
		csv_field(f, m->sections[i].text);
		csv_end(f);
	}

	f = e->out[T_PEOPLE].f;
	for (size_t i = 0; i < it->n_people; i++) {
		csv_int(f, r->id);
		csv_sep(f);
		csv_field(f, it->people[i].name);
		csv_sep(f);
		csv_field(f, it->people[i].part);
		csv_sep(f);
		csv_field(f, it->people[i].role);
		csv_end(f);
	}
	for (int t = 0; t < T_N; t++)
		if (check(e, &e->out[t]))
			return HY_ERR_IO;
	return 0;
}

/* ---- jsonl ---- */

static int on_jsonl(const struct hy_export_item *it, struct exp *e)
{
	const struct hy_store_record *r = it->r;
	const struct hy_meeting *m = &r->m;
	json_t *o = json_object(), *secs = json_array(), *ppl = json_array();
	char *line;

	if (!o || !secs || !ppl) {
		json_decref(o);
		json_decref(secs);
		json_decref(ppl);
		return HY_ERR_NOMEM;
	}
	json_object_set_new(o, "id", json_integer(r->id));
	json_object_set_new(o, "date", hy_cli_json_str(m->date));
	json_object_set_new(o, "month_day", hy_cli_json_str(m->month_day));
	json_object_set_new(o, "date_precision", json_string(hy_meeting_date_precision(m)));
	json_object_set_new(o, "date_basis", hy_cli_json_str(hy_date_basis_name(m->date_basis)));
	json_object_set_new(o, "published", hy_cli_json_str(m->published));
	json_object_set_new(o, "place", hy_cli_json_str(m->place));
	json_object_set_new(o, "body", hy_cli_json_str(m->body));
	json_object_set_new(o, "kind", hy_cli_json_str(m->kind));
	json_object_set_new(o, "number", m->number > 0 ? json_integer(m->number) : json_null());
	json_object_set_new(o, "chair", hy_cli_json_str(m->chair));
	json_object_set_new(o, "chair_role", hy_cli_json_str(m->chair_role));
	json_object_set_new(o, "title", hy_cli_json_str(m->title));
	json_object_set_new(o, "source", hy_cli_json_str(r->source));
	json_object_set_new(o, "sha256", json_string(r->sha256));
	json_object_set_new(o, "summary", hy_cli_json_str(m->summary));
	for (size_t i = 0; i < m->n_sections; i++) {
		json_t *s = json_object();
		json_object_set_new(s, "n", json_integer(m->sections[i].n));
		json_object_set_new(s, "heading", hy_cli_json_str(m->sections[i].heading));
		json_object_set_new(s, "text", hy_cli_json_str(m->sections[i].text));
		json_array_append_new(secs, s);
	}
	json_object_set_new(o, "sections", secs);
	for (size_t i = 0; i < it->n_people; i++) {
		json_t *p = json_object();
		json_object_set_new(p, "name", hy_cli_json_str(it->people[i].name));
		json_object_set_new(p, "part", hy_cli_json_str(it->people[i].part));
		json_object_set_new(p, "role", hy_cli_json_str(it->people[i].role));
		json_array_append_new(ppl, p);
	}
	json_object_set_new(o, "people", ppl);
	line = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (!line)
		return HY_ERR_NOMEM;
	int bad = hy_cli_put_json(e->out[0].f, line);
	free(line);
	if (bad) /* a member left out for want of memory */
		return bad;
	fputc('\n', e->out[0].f);
	return check(e, &e->out[0]) ? HY_ERR_IO : 0;
}

/* ---- md, txt ---- */

static void doc_line(FILE *f, const char *li, const char *label, const char *v)
{
	if (!v || !v[0])
		return;
	fputs(li, f);
	hy_cli_put_line(f, label);
	fputs("：", f);
	hy_cli_put_line(f, v);
	fputc('\n', f);
}

/* People of one part, joined by 、, each with its role before it. */
static void doc_people(FILE *f, int md, const struct hy_export_item *it, const char *part,
		       const char *label)
{
	int any = 0;
	for (size_t i = 0; i < it->n_people; i++) {
		const struct hy_export_person *p = &it->people[i];
		if (strcmp(p->part, part) != 0)
			continue;
		if (!any) {
			fputs(md ? "- " : "", f);
			fputs(label, f);
			fputs("：", f);
		} else {
			fputs("、", f);
		}
		if (p->role && strcmp(part, "chair") != 0)
			hy_cli_put_line(f, p->role);
		hy_cli_put_line(f, p->name);
		any = 1;
	}
	if (any)
		fputc('\n', f);
}

void hy_cli_export_doc(const struct hy_cli *c, FILE *f, int md, const struct hy_export_item *it)
{
	const struct hy_store_record *r = it->r;
	const struct hy_meeting *m = &r->m;
	char date[96], num[32], meeting[256];
	const char *title = m->title ? m->title : "（无标题）";
	const char *li = md ? "- " : "";

	if (md) {
		fputs("# ", f);
		hy_cli_put_line(f, title);
		fputs("\n\n", f);
	} else {
		size_t w = hy_cli_width(c, title);
		hy_cli_put_line(f, title);
		fputc('\n', f);
		for (size_t i = 0; i < w; i++)
			fputc('=', f);
		fputs("\n\n", f);
	}
	hy_meeting_date_text(m, date, sizeof date);
	doc_line(f, li, "日期", date[0] ? date : "不详");
	doc_line(f, li, "发布", m->published);
	doc_line(f, li, "机构", m->body);
	doc_line(f, li, "地方", m->place);
	if (m->kind || m->number > 0) {
		num[0] = '\0';
		if (m->number > 0)
			snprintf(num, sizeof num, "第%d次", m->number);
		snprintf(meeting, sizeof meeting, "%s%s", num, m->kind ? m->kind : "");
		doc_line(f, li, "会议", meeting);
	}
	if (m->chair) {
		fputs(li, f);
		fputs("主持：", f);
		if (m->chair_role) {
			hy_cli_put_line(f, m->chair_role);
			fputs(" ", f);
		}
		hy_cli_put_line(f, m->chair);
		fputc('\n', f);
	}
	doc_people(f, md, it, "attendee", "出席");
	doc_people(f, md, it, "observer", "列席");
	doc_people(f, md, it, "invited", "应邀");
	snprintf(num, sizeof num, "%lld", (long long)r->id);
	doc_line(f, li, "编号", num);
	doc_line(f, li, "来源", r->source);
	if (m->summary) {
		fputc('\n', f);
		hy_cli_put(f, m->summary);
		fputc('\n', f);
	}
	for (size_t i = 0; i < m->n_sections; i++) {
		const struct hy_section *s = &m->sections[i];
		fprintf(f, md ? "\n## %d. " : "\n§%d ", s->n);
		hy_cli_put_line(f, s->heading);
		fputs("\n\n", f);
		hy_cli_put(f, s->text);
		fputc('\n', f);
	}
}

static int on_doc(const struct hy_export_item *it, struct exp *e)
{
	int md = e->fmt == F_MD;
	struct outf *o = &e->out[0];

	if (e->dir) {
		char name[64], *path;
		int fd, rc;
		FILE *f;

		snprintf(name, sizeof name, "%.10s_%06lld.%s",
			 it->r->m.date ? it->r->m.date : "undated", (long long)it->r->id,
			 md ? "md" : "txt");
		path = join(e->dir, name);
		if (!path)
			return HY_ERR_NOMEM;
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | (e->force ? 0 : O_EXCL), 0666);
		if (fd < 0) {
			snprintf(e->failed, sizeof e->failed,
				 errno == EEXIST ? "%s exists (--force overwrites)"
						 : "cannot write %s: %s",
				 path, strerror(errno));
			free(path);
			return HY_ERR_IO;
		}
		f = fdopen(fd, "w");
		if (!f) {
			close(fd);
			free(path);
			return HY_ERR_NOMEM;
		}
		hy_cli_export_doc(e->c, f, md, it);
		rc = ferror(f);
		if (fclose(f) != 0 || rc) {
			snprintf(e->failed, sizeof e->failed, "cannot write %s: %s", path,
				 errno ? strerror(errno) : "write error");
			free(path);
			return HY_ERR_IO;
		}
		free(path);
		return 0;
	}
	if (e->done > 0)
		fputs(md ? "\n---\n\n" : "\n\f\n", o->f);
	hy_cli_export_doc(e->c, o->f, md, it);
	return check(e, o) ? HY_ERR_IO : 0;
}

static int on_item(const struct hy_export_item *it, void *ctx)
{
	struct exp *e = ctx;
	int rc;

	errno = 0;
	switch (e->fmt) {
	case F_CSV:
		rc = on_csv(it, e);
		break;
	case F_JSONL:
		rc = on_jsonl(it, e);
		break;
	default:
		rc = on_doc(it, e);
		break;
	}
	if (rc)
		return rc;
	e->done++;
	if (e->progress && e->done % 256 == 0)
		fprintf(stderr, "\rexported %zu meetings", e->done);
	return 0;
}

/* Make dir when missing (one level, as mkdir does); 0 or -1 (errno). */
static int make_dir(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0)
		return S_ISDIR(st.st_mode) ? 0 : (errno = ENOTDIR, -1);
	return mkdir(dir, 0777);
}

static int open_outputs(struct exp *e, const char *out, int bom)
{
	if (e->fmt == F_CSV) {
		if (make_dir(out) != 0) {
			snprintf(e->failed, sizeof e->failed, "cannot make the folder %s: %s", out,
				 strerror(errno));
			return -1;
		}
		for (int t = 0; t < T_N; t++) {
			char *p = join(out, table_name[t]);
			int rc;
			if (!p) {
				snprintf(e->failed, sizeof e->failed, "out of memory");
				return -1;
			}
			if (!e->force && exists_as_file(p)) {
				snprintf(e->failed, sizeof e->failed,
					 "%s exists (--force overwrites)", p);
				free(p);
				return -1;
			}
			rc = outf_open(e, &e->out[t], p);
			free(p);
			if (rc)
				return -1;
			if (bom)
				fputs("\xef\xbb\xbf", e->out[t].f);
			fputs(table_head[t], e->out[t].f);
			csv_end(e->out[t].f);
		}
		return 0;
	}
	if (e->fmt == F_JSONL) {
		struct stat st;
		char *p = NULL;
		int rc;
		if (!out || strcmp(out, "-") == 0) {
			e->out[0].f = stdout;
			e->out[0].is_stdout = 1;
			return 0;
		}
		if (stat(out, &st) == 0 && S_ISDIR(st.st_mode))
			out = p = join(out, "meetings.jsonl");
		if (!out) {
			snprintf(e->failed, sizeof e->failed, "out of memory");
			return -1;
		}
		if (!e->force && exists_as_file(out)) {
			snprintf(e->failed, sizeof e->failed, "%s exists (--force overwrites)",
				 out);
			free(p);
			return -1;
		}
		rc = outf_open(e, &e->out[0], out);
		free(p);
		return rc;
	}
	/* md, txt */
	if (!out || strcmp(out, "-") == 0) {
		e->out[0].f = stdout;
		e->out[0].is_stdout = 1;
		return 0;
	}
	if (make_dir(out) != 0) {
		snprintf(e->failed, sizeof e->failed, "cannot make the folder %s: %s", out,
			 strerror(errno));
		return -1;
	}
	e->dir = out;
	return 0;
}

int hy_cli_export(const struct hy_cli *c, int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *body = NULL, *person = NULL;
	const char *query = NULL, *format = NULL, *out = NULL;
	int bom = 0, force = 0, npos, rc, ok;
	const struct hy_cli_opt opts[] = {
		{"--format", &format, NULL}, {"--from", &from, NULL},     {"--to", &to, NULL},
		{"--body", &body, NULL},     {"--person", &person, NULL}, {"--query", &query, NULL},
		{"--out", &out, NULL},       {"--bom", NULL, &bom},       {"--force", NULL, &force},
		{NULL, NULL, NULL},
	};
	static const char *const fmt_names[] = {"csv", "jsonl", "md", "txt"};
	struct hy_store_filter f = {0};
	char lo[16], hi[16], err[512] = "";
	struct exp e = {0};
	struct hy_store *s;
	char **pos;
	size_t n = 0;
	int fmt = -1;

	rc = hy_cli_parse(argc, argv, opts, &pos, &npos);
	if (rc)
		return rc;
	for (int i = 0; format && i < 4; i++)
		if (strcmp(format, fmt_names[i]) == 0)
			fmt = i;
	if (npos > 0)
		rc = hy_cli_usage("export",
				  _("unexpected argument '%s' (one "
				    "meeting: huiyi show ID --format md)"),
				  pos[0]);
	else if (!format)
		rc = hy_cli_usage("export", _("which format? (--format "
					      "csv|jsonl|md|txt)"));
	else if (fmt < 0)
		rc = hy_cli_usage("export",
				  _("bad format '%s' for --format (csv, jsonl, "
				    "md or txt)"),
				  format);
	else if (fmt == F_CSV && (!out || !out[0] || strcmp(out, "-") == 0))
		rc = hy_cli_usage("export", _("csv writes three files: name "
					      "their folder with --out DIR"));
	else if (out && !out[0])
		rc = hy_cli_usage("export", _("--out needs a file or folder"));
	else if (bom && fmt != F_CSV)
		rc = hy_cli_usage("export", _("--bom is for csv"));
	else if ((rc = hy_cli_dates("export", from, to, lo, hi)) == 0 && query) {
		char *expr;
		int t = hy_search_translate(query, &expr, err, sizeof err);
		if (t == HY_ERR_INVALID) {
			rc = hy_cli_usage("export", _("--query: %s"), err);
		} else if (t) {
			hy_cli_error("%s", err[0] ? err : hy_err_str(t));
			rc = HY_EXIT_FAIL;
		} else {
			free(expr);
		}
	}
	free(pos);
	if (rc)
		return rc;
	f.from = from ? lo : NULL;
	f.to = to ? hi : NULL;
	f.body = body && body[0] ? body : NULL;
	f.person = person && person[0] ? person : NULL;

	rc = hy_cli_open(c, 0, &s);
	if (rc == HY_ERR_NOTFOUND) {
		hy_cli_none_yet();
		return HY_EXIT_FAIL;
	}
	if (rc)
		return HY_EXIT_FAIL;
	e.c = c;
	e.fmt = (enum fmt)fmt;
	e.force = force;
	e.progress = isatty(STDERR_FILENO);
	if (open_outputs(&e, out, bom) != 0) {
		rc = HY_ERR_IO;
	} else {
		rc = hy_store_export(s, &f, query, on_item, &e, &n, err, sizeof err);
	}
	hy_store_close(s);
	ok = rc == 0;
	for (int t = 0; t < T_N; t++)
		if (outf_close(&e, &e.out[t], ok) != 0)
			ok = 0;
	if (e.progress && e.done >= 256)
		fputc('\n', stderr);
	if (!ok) {
		if (e.failed[0])
			hy_cli_error(_("export: %s"), e.failed);
		else
			hy_cli_error(_("export: %s"), err[0] ? err : hy_err_str(rc));
		return HY_EXIT_FAIL;
	}
	if (fmt == F_CSV)
		fprintf(stderr,
			"exported %zu meetings to %s (meetings.csv, "
			"sections.csv, people.csv)\n",
			n, out);
	else if (e.dir)
		fprintf(stderr, "exported %zu meetings to %s, one file each\n", n, out);
	else if (!e.out[0].is_stdout)
		fprintf(stderr, "exported %zu meetings to %s\n", n, out);
	return HY_EXIT_OK;
}
