/* sections.c: agenda sections.
 *
 * A paragraph becomes one or more sections: it is cut where a new agenda
 * item starts (；, or 。 followed by 会议(还)… + an agenda verb), and each
 * section's heading is the object of its verb (会议听取了X → X), cut at the
 * first sentence end, else the first clause. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int section_add(struct sections *ss, char *heading, char *text)
{
	if (!heading || !text) {
		free(heading);
		free(text);
		return HY_ERR_NOMEM;
	}
	if (ss->n == ss->cap) {
		size_t cap = ss->cap ? ss->cap * 2 : 8;
		struct hy_section *v = realloc(ss->v, cap * sizeof *v);
		if (!v) {
			free(heading);
			free(text);
			return HY_ERR_NOMEM;
		}
		ss->v = v;
		ss->cap = cap;
	}
	ss->v[ss->n].n = (int)ss->n + 1;
	ss->v[ss->n].heading = heading;
	ss->v[ss->n].text = text;
	ss->n++;
	return 0;
}

/* 会议还研究了 where a page is cut: a verb with nothing after it, no
 * section (会议还研究了其他事项 stays one: the record says there was more). */
static int no_item(const struct doc *d, size_t a, size_t b)
{
	size_t ve = agenda_verb_at(d, a, b, NULL);
	if (ve == NPOS)
		return 0;
	size_t e = b;
	while (e > ve && (is_sent_end(d, e - 1) || is_space(d->cp[e - 1])))
		e--;
	return e == ve;
}

/* "(会议)(还)对|就 X 进行了|作了 …": returns X's start, *xe its end. */
static size_t dui_object(const struct doc *d, size_t a, size_t b, size_t *xe)
{
	static const char *const preps[] = {"对", "就"};
	static const char *const did[] = {"进行了", "作了", "作出了", "做了", "进行"};
	size_t i = skip_spaces(d, a, b);
	i += item_marker(d, i, b);
	for (int round = 0; round < 2; round++) {
		size_t m = match_any(d, i, b, verb_lead, COUNT(verb_lead), NULL);
		if (!m)
			break;
		i += m;
	}
	size_t m = match_any(d, i, b, preps, COUNT(preps), NULL);
	if (!m || i == skip_spaces(d, a, b))
		return NPOS; /* a bare 对… is no agenda item */
	size_t s = i + m, e = clause_end(d, s, b, 0);
	size_t k = find_any(d, s, e, did, COUNT(did), NULL);
	if (k == NPOS || k == s)
		return NPOS;
	*xe = k;
	return s;
}

/* Heading of an item [a,b): object of its opening verb, cut at the first
 * clause end; else its first clause. */
/* Longest heading kept: a 2 MB paragraph with no punctuation must not
 * become a 2 MB heading; a document's name in 《》 fits. */
#define HEADING_MAX 80

/* [s,e) as a heading: cut at HEADING_MAX characters with "…". */
static char *heading_str(const struct doc *d, size_t s, size_t e)
{
	if (e - s <= HEADING_MAX)
		return doc_str(d, s, e);
	size_t cut = d->off[s + HEADING_MAX - 1] - d->off[s];
	char *h = malloc(cut + sizeof "…");
	if (h) {
		memcpy(h, d->s + d->off[s], cut);
		memcpy(h + cut, "…", sizeof "…");
	}
	return h;
}

static char *heading_of(const struct doc *d, size_t a, size_t b)
{
	size_t v = agenda_verb_at(d, a, b, NULL);
	size_t s, e;
	/* "会议还对其他事项进行了研究" / "会议就X进行了专题研究": X */
	size_t o = dui_object(d, a, b, &e);
	if (v == NPOS && o != NPOS)
		return heading_str(d, o, e);
	if (v != NPOS) {
		s = v;
		/* 听取审议并原则通过…, 审议并通过…: verbs in a chain */
		static const char *const chain[] = {"审议", "研究", "讨论", "审定", "并",
						    "原则", "通过", "同意", "了"};
		static const char *const done[] = {"通过", "同意", "了", "审定"};
		size_t s1 = s;
		for (size_t k, n = 0; n < 8 && (k = match_any(d, s1, b, chain, COUNT(chain), NULL));
		     n++)
			s1 += k;
		/* (but 研究室关于…: a chain ends as a verb ends) */
		if (s1 > s && s1 < b && longest_end(d, s, s1, done, COUNT(done)))
			s = s1;
		while (s < b && (d->cp[s] == ':' || d->cp[s] == ',' || is_space(d->cp[s])))
			s++; /* 会议决定，…: what was decided */
		e = clause_end(d, s, b, 0);
		if (e > s) {
			trim(d, &s, &e);
			return heading_str(d, s, e);
		}
	}
	s = skip_spaces(d, a, b);
	s += item_marker(d, s, b);
	e = clause_end(d, s, b, 0);
	if (e == s) /* "会上，…" */
		e = clause_end(d, s + 1, b, 0);
	trim(d, &s, &e);
	return heading_str(d, s, e);
}

int is_remark(const struct doc *d, size_t a, size_t b)
{
	size_t i = skip_spaces(d, a, b);
	return match_any(d, i, b, remark_verbs, COUNT(remark_verbs), NULL) > 0;
}

/* 下一步，某院将继续…, 通过本次会议，希望…, 相信此次会议的召开…, 此次会议
 * 氛围融洽…: the reporter's outlook on the meeting, or a word about it, no
 * item of it */
int closing_outlook(const struct doc *d, size_t a, size_t b)
{
	static const char *const opens[] = {
		"下一步", "下步",     "通过本次会议", "通过此次会议", "通过这次会议",
		"相信",   "此次会议", "本次会议",     "这次会议",     "会议主要目的"};
	static const char *const held[] = {"此次会议的召开", "本次会议的召开", "这次会议的召开"};
	a = skip_spaces(d, a, b);
	size_t e = clause_end(d, a, b, 1);
	/* 会议以视频形式召开，在各乡镇设立分会场: how it was held */
	static const char *const how[] = {"会议以视频", "会议以电视电话", "会议采取视频",
					  "会议采用视频", "会议以线上线下"};
	if (match_any(d, a, b, how, COUNT(how), NULL))
		return 1;
	/* but 本次会议审议了…: an item after all */
	size_t which = 0;
	if (match_any(d, a, b, opens, COUNT(opens), &which))
		return which < 6 || !has_any(d, a, e, agenda_verbs, COUNT(agenda_verbs));
	if (e < b)
		e = clause_end(d, e + 1, b, 1); /* 社会发展,教育先行。相信此次… */
	return has_any(d, a, e, held, COUNT(held));
}

/* 今天的会场庄严肃穆，气氛热烈，主席台花团锦簇: the scene of the hall, no
 * item (two words of its kind or more in a short paragraph) */
int is_scene(const struct doc *d, size_t a, size_t b)
{
	static const char *const scene[] = {"庄严肃穆", "气氛", "花团锦簇", "熠熠生辉", "隆重热烈",
					    "鲜花",     "横幅", "国徽",     "座无虚席", "掌声"};
	size_t n = 0;
	if (b - a > 160)
		return 0;
	for (size_t t = 0; t < COUNT(scene); t++)
		n += find(d, a, b, scene[t]) != NPOS;
	return n >= 2;
}

/* Split a paragraph into items: at ；/。 followed by (会议)(还) + agenda verb. */
int add_items(const struct doc *d, size_t a, size_t b, struct sections *ss)
{
	size_t s = a;
	for (size_t i = a; i <= b; i++) {
		int cut = i == b;
		size_t next = i + 1;
		if (!cut && (d->cp[i] == ';' || d->cp[i] == 0x3002)) {
			size_t j = skip_spaces(d, i + 1, b);
			size_t vs, ve = j < b ? agenda_verb_at(d, j, b, &vs) : NPOS;
			/* after 。 only a full "会议…了" (or 会议还…) starts an item:
			 * "会议原则通过该草案" continues the one before */
			int strong = ve != NPOS && (d->cp[ve - 1] == 0x4E86 /* 了 */ ||
						    find(d, j, vs, "还") != NPOS);
			/* 会议开展了集中学习。会议审议了…: a short sentence that
			 * opens the paragraph with no agenda verb of its own leads
			 * into the item after it */
			size_t ss0 = skip_spaces(d, s, i);
			int lead = s == a && d->cp[i] == 0x3002 && i - ss0 <= 15 &&
				   agenda_verb_at(d, ss0, i, NULL) == NPOS &&
				   !item_marker(d, ss0, i);
			if (ve != NPOS && !lead &&
			    (d->cp[i] == ';' || (match(d, j, b, "会议") && strong) ||
			     item_marker(d, j, b))) {
				/* a bare verb after 。 continues the sentence's subject;
				 * only ；-lists and 会议… sentences start new items */
				cut = 1;
				next = j;
			}
		}
		if (!cut)
			continue;
		size_t e = i < b ? i + 1 : b;
		if (i < b && d->cp[i] == ';')
			e = i + 1;
		size_t ts = s, te = e;
		trim(d, &ts, &te);
		if (te > ts && !no_item(d, ts, te)) {
			int rc = section_add(ss, heading_of(d, ts, te), doc_str(d, ts, te));
			if (rc)
				return rc;
		}
		s = next;
		i = next - 1;
	}
	return 0;
}

int append_text(struct hy_section *sec, const struct doc *d, size_t a, size_t b)
{
	size_t old = strlen(sec->text), add = d->off[b] - d->off[a];
	char *t = realloc(sec->text, old + add + 2);
	if (!t)
		return HY_ERR_NOMEM;
	t[old] = '\n';
	memcpy(t + old + 1, d->s + d->off[a], add);
	t[old + 1 + add] = 0;
	sec->text = t;
	return 0;
}
