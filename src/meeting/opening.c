/* opening.c: the paragraphs before a readout's opening, set aside.
 *
 * A form's fields (会议时间：, 会议议题： and its numbered list, 参会领导：
 * and its names) before the paragraph that convenes the meeting; the title
 * printed again; a reposter's bait headline; a headline naming the chair
 * and the subtitles under it. parse_body (parse.c) reads the opening from
 * what is left, the attendance fields a form had kept right after it. */
#include "parse_int.h"

#include <string.h>

/* Is the paragraph p[k] a form's label: one that ends with its colon
 * (会议议题：), or a field's name alone (会议时间, its value below)? */
static int is_label(const struct doc *d, const struct span *p)
{
	size_t q = p->b;
	while (q > p->a && is_space(d->cp[q - 1]))
		q--;
	return is_field_label(d, p->a, p->b) || (q > p->a && d->cp[q - 1] == ':' && q - p->a <= 24);
}

/* A subtitle: a short line with no sentence in it (no stop, no comma) and
 * no date, or two or three such lines (研究贯彻…精神 / 部署…等工作); with
 * heads, a headline may name who chaired (某某主持召开市政府常务会议) */
static int is_subtitle(const struct doc *d, size_t a, size_t b, int heads)
{
	static const char *const acts[] = {"召开", "主持", "举行", "出席"};
	if (b - a > 80 || b - a < 4 || (!heads && has_any(d, a, b, acts, COUNT(acts))) ||
	    find_date(d, a, b, &(struct ymd){0}, 0) != NPOS)
		return 0;
	size_t line = a, lines = 1;
	for (size_t i = a; i < b; i++) {
		if (is_sent_end(d, i) || d->cp[i] == ',')
			return 0;
		if (d->cp[i] == '\n') {
			if (i - line > 40 || ++lines > 3)
				return 0;
			line = i + 1;
		}
	}
	/* 部署扩投资、稳增长等工作 lists topics; 张某、李某出席 is attendance */
	return b - line <= 40 && !is_attendance(d, a, b);
}

/* Whether [a, b) of d is the text s (the title a page repeats). */
static int same_text(const struct doc *d, size_t a, size_t b, const char *s)
{
	struct doc t;
	int same = 0;
	if (doc_init(&t, s, strlen(s)) == 0) {
		same = t.n == b - a && memcmp(t.cp, d->cp + a, t.n * sizeof *t.cp) == 0;
		doc_free(&t);
	}
	return same;
}

/* [a, b) opens with s (eight characters at least) and goes on into a
 * sentence after a comma: a headline that runs on into its summary
 * (市政府第56次常务会议召开，研究…等事项。), of which s is the title. */
static int title_run_on(const struct doc *d, size_t a, size_t b, const char *s)
{
	struct doc t;
	int on = 0;
	if (doc_init(&t, s, strlen(s)) == 0) {
		size_t e = a + t.n;
		if (t.n >= 8 && e < b && memcmp(t.cp, d->cp + a, t.n * sizeof *t.cp) == 0) {
			if (match(d, e, b, "召开") || match(d, e, b, "举行"))
				e += 2; /* (cut off the title) */
			on = e < b && (d->cp[e] == ',' || is_space(d->cp[e])) &&
			     is_sent_end(d, b - 1);
			/* (a title cut mid-word, 某某主持召开…传达学习全面深, and
			 * the page's description it was cut from, 某某主持召开…
			 * 全面深化改革…，某某网是…平台: no day in it) */
			on |= t.n >= 12 && e < b && !is_sent_end(d, t.n - 1 + a) &&
			      find_date(d, a, b, &(struct ymd){0}, 0) == NPOS;
		}
		doc_free(&t);
	}
	return on;
}

/* Does one of x and y say the other again: the Han characters of the
 * shorter (twelve or more, convening a meeting) a run inside the longer's,
 * whatever stands between them (digits, punctuation, a label, the verbs)? */
static int repeats(const struct doc *d, const struct span *x, const struct span *y)
{
	static const char *const acts[] = {"召开", "主持", "举行"};
	uint32_t hx[200], hy[200];
	size_t nx = 0, ny = 0;
	/* (the verbs aside: 某会议召开，研究… says 主持召开某会议，研究… again) */
	for (size_t i = x->a; i < x->b && nx < COUNT(hx); i++)
		if (match_any(d, i, x->b, acts, COUNT(acts), NULL))
			i++;
		else if (is_han(d->cp[i]))
			hx[nx++] = d->cp[i];
	for (size_t i = y->a; i < y->b && ny < COUNT(hy); i++)
		if (match_any(d, i, y->b, acts, COUNT(acts), NULL))
			i++;
		else if (is_han(d->cp[i]))
			hy[ny++] = d->cp[i];
	if (nx == COUNT(hx) || ny == COUNT(hy) || !has_any(d, x->a, x->b, acts, COUNT(acts)))
		return 0;
	const uint32_t *s = nx <= ny ? hx : hy, *l = nx <= ny ? hy : hx;
	size_t ns = nx <= ny ? nx : ny, nl = nx <= ny ? ny : nx;
	if (ns < 12)
		return 0;
	for (size_t i = 0; i + ns <= nl; i++)
		if (memcmp(l + i, s, ns * sizeof *s) == 0)
			return 1;
	return 0;
}

/* A paragraph that convenes a meeting on a day: a date, then 召开, 主持 or
 * 举行 in its first sentence. */
static int convenes_on_day(const struct doc *d, size_t a, size_t b)
{
	static const char *const acts[] = {"召开", "主持", "举行"};
	size_t e = clause_end(d, a, b, 1);
	size_t dt = find_date(d, a, e, &(struct ymd){0}, 0);
	return dt != NPOS && find_any(d, dt, e, acts, COUNT(acts), NULL) != NPOS;
}

/* The paragraph among p[1..6] that convenes the meeting (主持召开, or
 * 召开/举行 after a date at its start) when every one before it is a
 * form's field: a label ending with its colon, the value after such a
 * label, or an attendance paragraph. 0 when none. */
static size_t form_opening(const struct doc *d, const struct span *p, size_t np)
{
	static const char *const convene[] = {"召开", "举行"};
	/* 会议议题： then 1.听取…, 2.研究… a paragraph each: a label's list
	 * of values, which does not count toward the form's six fields */
	int in_list = 0;
	for (size_t k = 0, fields = 0; k < np && fields <= 6; k++) {
		size_t a = p[k].a, b = p[k].b;
		size_t a1 = skip_spaces(d, a, b);
		/* (at the top: its label was read as the metadata it names,
		 * 会议议题 above 会议时间's value) */
		int listed = a1 < b && (in_list || k == 0 || is_label(d, &p[k - 1])) &&
			     item_marker(d, a1, b) &&
			     (k == 0 ? find(d, a, b, "主持") == NPOS
				     : !has_any(d, a, b, convene, COUNT(convene)));
		in_list = listed;
		if (listed)
			continue;
		fields++;
		/* the value under the topics' label (会议议题 / 传达学习某某在
		 * 主持召开…座谈会上的讲话…): no opening, whatever it says */
		int value = k > 0 && is_label(d, &p[k - 1]) &&
			    find(d, p[k - 1].a, p[k - 1].b, "议题") != NPOS;
		if (k > 0 && !value &&
		    (find(d, a, b, "主持召开") != NPOS ||
		     (find_date(d, a, b, &(struct ymd){0}, 0) == skip_spaces(d, a, b) &&
		      has_any(d, a, b, convene, COUNT(convene)))))
			return k;
		/* 会议议题：…, 发文单位：…, 时间：…: a field with its value on
		 * its line (a label of two to six characters) */
		size_t la = skip_spaces(d, a, b), lc = la;
		while (lc < b && lc - la <= 6 && is_han(d->cp[lc]))
			lc++;
		/* (召开时间：5月20日: 召开 in the label convenes nothing) */
		int field = lc - la >= 2 && lc < b && d->cp[lc] == ':' && b - a <= 60 &&
			    !has_any(d, lc, b, convene, COUNT(convene));
		/* (某某主持召开…学习会，…，县领导甲、乙出席会议: the first
		 * paragraph convenes the meeting itself, its people after) */
		if (!field && !is_label(d, &p[k]) && !(k > 0 && is_label(d, &p[k - 1])) &&
		    (!is_attendance(d, a, b) || (k == 0 && find(d, a, b, "主持召开") != NPOS)))
			return 0;
	}
	return 0;
}

/* [导读] 2月11日，…: the editor's lead, the story's opening told again
 * below it. */
static int lead_paragraph(const struct doc *d, struct span l)
{
	static const char *const leads[] = {"导读", "内容提要", "核心提示", "摘要"};
	size_t a = skip_spaces(d, l.a, l.b);
	a += a < l.b && is_open_bracket(d->cp[a]);
	size_t k = match_any(d, a, l.b, leads, COUNT(leads), NULL);
	return k && a + k < l.b &&
	       (is_close_bracket(d->cp[a + k]) || d->cp[a + k] == ':' || is_space(d->cp[a + k]));
}

/* A sentence that says nothing of a meeting: no meeting's word, no one
 * presiding or attending, no agenda's verb (not a headline, a label or a
 * publish line: it ends with its stop). */
static int background(const struct doc *d, size_t a, size_t b)
{
	static const char *const meeting[] = {"召开", "主持", "举行", "会议",
					      "会上", "出席", "参加", "列席"};
	while (b > a && is_space(d->cp[b - 1]))
		b--;
	return b > a && is_sent_end(d, b - 1) && !has_any(d, a, b, meeting, COUNT(meeting)) &&
	       !is_attendance(d, a, b) && agenda_verb_at(d, a, b, NULL) == NPOS;
}

void to_opening(const struct doc *d, struct span *p, size_t *np_io, const char *title)
{
	size_t np = *np_io;
	/* (the lead goes when the story convenes the meeting after it) */
	if (np > 1 && lead_paragraph(d, p[0]) &&
	    (find(d, p[1].a, p[1].b, "主持召开") != NPOS || convenes_on_day(d, p[1].a, p[1].b) ||
	     find(d, p[1].a, p[1].b, "召开") != NPOS)) {
		memmove(p, p + 1, (np - 1) * sizeof *p);
		np--;
	}
	/* a form (列席情况：names, 会议议题：…, 会议内容：) may set its fields
	 * before the paragraph that convenes the meeting: that one is read
	 * first, as the opening, then the fields that name people; the
	 * others (labels, topics, the time) are no items */
	size_t o = form_opening(d, p, np);
	/* (会议议题's value first, its label read as metadata, then 会议内容
	 * and the story: the story's first paragraph is the opening) */
	if (!o && np > 2 && is_field_label(d, p[1].a, p[1].b) &&
	    find(d, p[1].a, p[1].b, "内容") != NPOS &&
	    (convenes_on_day(d, p[2].a, p[2].b) || find(d, p[2].a, p[2].b, "主持召开") != NPOS))
		o = 2;
	if (o > 0) { /* the opening, the attendance fields; the others go */
		struct span t = p[o];
		size_t kept = 0;
		for (size_t k = 0; k < o; k++)
			if (is_attendance(d, p[k].a, p[k].b))
				p[kept++] = p[k];
		memmove(p + 1, p, kept * sizeof *p);
		p[0] = t;
		memmove(p + kept + 1, p + o + 1, (np - o - 1) * sizeof *p);
		np -= o - kept;
	}
	/* the title again above the opening (a page that prints it twice),
	 * or the headline it was cut from, run on into a summary, above an
	 * opening that convenes on a day */
	if (title && np > 1 &&
	    ((same_text(d, p[0].a, p[0].b, title) &&
	      agenda_verb_at(d, p[1].a, p[1].b, NULL) == NPOS) ||
	     (title_run_on(d, p[0].a, p[0].b, title) && convenes_on_day(d, p[1].a, p[1].b)))) {
		memmove(p, p + 1, (np - 1) * sizeof *p);
		np--;
	}
	/* 是传言还是实锤？ above 3月6日，某镇…会议在…举行: a headline about
	 * nothing the meeting did (a reposter's bait), not taken as the title,
	 * before the paragraph that convenes on a day */
	if (np > 1 && p[0].b - p[0].a <= 40 && is_sent_end(d, p[0].b - 1) &&
	    find(d, p[0].a, p[0].b, "会") == NPOS && find(d, p[0].a, p[0].b, "\n") == NPOS &&
	    find_date(d, p[0].a, p[0].b, &(struct ymd){0}, 0) == NPOS &&
	    convenes_on_day(d, p[1].a, p[1].b)) {
		memmove(p, p + 1, (np - 1) * sizeof *p);
		np--;
	}
	/* 深入学习贯彻…精神 / 研究部署…等工作, then 12月14日，省长某某主持召开…:
	 * a news item's subtitles, lines that say what the meeting did before
	 * the paragraph that convenes it; they are neither opening nor items */
	size_t subs = 0;
	while (title && subs < 3 && subs + 1 < np &&
	       is_subtitle(d, p[subs].a, p[subs].b, subs == 0) &&
	       !same_text(d, p[subs].a, p[subs].b, title))
		subs++;
	/* 决定某会议于1月14日召开 建议某会议于1月16日召开 above 本报讯…1月7日，
	 * 某某主持召开…: a deck of what was decided, its days those of other
	 * meetings; one line, no sentence in it, nobody presiding */
	if (!subs && title && np > 1 && convenes_on_day(d, p[1].a, p[1].b)) {
		size_t a = skip_spaces(d, p[0].a, p[0].b), b = p[0].b;
		int deck = b - a >= 8 && b - a <= 80 && find(d, a, b, "\n") == NPOS &&
			   find(d, a, b, "主持") == NPOS &&
			   find_date(d, a, b, &(struct ymd){0}, 0) != a &&
			   !same_text(d, a, b, title) && !is_attendance(d, a, b);
		for (size_t i = a; deck && i < b; i++)
			deck = !is_sent_end(d, i) && d->cp[i] != ',';
		subs = deck;
	}
	if (subs && convenes_on_day(d, p[subs].a, p[subs].b)) {
		memmove(p, p + subs, (np - subs) * sizeof *p);
		np -= subs;
	}
	/* 某街道部署学习…精神。 / 某网讯 今年是…的关键之年。 / 在…之后，某街道
	 * 于4月21日召开党工委会议…: a deck and a dateline's background that
	 * hold no meeting, above the paragraph that convenes it on a day */
	size_t bg = 0;
	while (bg < 2 && bg + 1 < np && background(d, p[bg].a, p[bg].b))
		bg++;
	if (bg && convenes_on_day(d, p[bg].a, p[bg].b)) {
		memmove(p, p + bg, (np - bg) * sizeof *p);
		np -= bg;
	}
	/* 内容提要：7月2日，区长某某主持召开…, then the same sentence as the
	 * story's first paragraph (or a headline that is the opening, then
	 * the opening again with its date mangled): one opening, not an item.
	 * The labelled copy gives way to the story's; else the first stays. */
	if (np > 1 && repeats(d, &p[0], &p[1])) {
		static const char *const labels[] = {"内容提要", "内容摘要", "提要", "摘要",
						     "导读",     "核心提示", "导语"};
		size_t a0 = skip_spaces(d, p[0].a, p[0].b);
		size_t k = match_any(d, a0, p[0].b, labels, COUNT(labels), NULL);
		size_t drop = k && a0 + k < p[0].b && d->cp[a0 + k] == ':' ? 0 : 1;
		/* (a headline run on into its summary, then the opening on its
		 * day: the opening stays) */
		if (drop && !convenes_on_day(d, p[0].a, p[0].b) &&
		    convenes_on_day(d, p[1].a, p[1].b))
			drop = 0;
		memmove(p + drop, p + drop + 1, (np - drop - 1) * sizeof *p);
		np--;
	}
	*np_io = np;
}
