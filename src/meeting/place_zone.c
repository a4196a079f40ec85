/* place_zone.c: a development zone as the meeting's place. A zone (开发区,
 * 高新区, 经开区, 某某新区, 某某示范区) is governed by a 党工委 and a 管委会,
 * no county's organs: 经开区召开…管委会会议, 某某高新区党工委书记某某主持召开…,
 * 某某开发区: 我区召开…. The zone that convenes, or whose organ does, is the
 * place; find_place (place.c) asks last, when nothing else named one. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* A zone's kinds, the longest first, and how many characters of name may
 * stand before each: a generic zone takes its city's name (某市开发区,
 * 某某高新区, or none: 高新区召开…), a new area or a model zone has a name
 * of its own of two (某某新区; a city before it is no part of it). */
struct zone_kind {
	const char *word;
	size_t most; /* characters of name before it */
	int bare;    /* may stand without a name */
};

static const struct zone_kind zone_kinds[] = {
	{"高新技术产业开发区", 4, 0},
	{"经济技术开发区", 4, 0},
	{"经济开发区", 4, 0},
	{"综合保税区", 4, 0},
	{"工业园区", 2, 0},
	{"产业园区", 2, 0},
	{"开发区", 4, 1},
	{"经开区", 4, 1},
	{"高新区", 4, 1},
	{"示范区", 2, 0},
	{"试验区", 2, 0},
	{"合作区", 2, 0},
	{"新区", 2, 0},
};

/* What follows a zone that acts: its organs, a verb, a title's colon. */
static const char *const zone_acts[] = {"党工委", "工委", "管委会", "管委", "纪工委",  "召开",
					"举行",   "组织", "学习",   "传达", "第一时间"};

/* The zone kind ending at [.., e) of t, or NULL. */
static const struct zone_kind *zone_at(const struct doc *t, size_t i, size_t e, size_t *len)
{
	for (size_t k = 0; k < COUNT(zone_kinds); k++) {
		size_t l = match(t, i, e, zone_kinds[k].word);
		if (l) {
			*len = l;
			return &zone_kinds[k];
		}
	}
	return NULL;
}

/* The start of the zone's name before its kind at s: Han characters, at
 * most z->most, none a word no name holds (部署高新区: 部署 is a verb), no
 * province (江西某某经开区 is the zone's own name without it). s when it
 * has none. */
static size_t zone_name_start(const struct doc *t, size_t s, const struct zone_kind *z)
{
	size_t j = s;
	while (j > 0 && s - j < z->most && is_han(t->cp[j - 1]))
		j--;
	/* a generic zone's name begins a clause or follows a word no name
	 * holds: 先进制造业开发区 is no zone called 进制造业 (a name of two
	 * of its own is taken after its city's: 某州蓉江新区) */
	int bounded = j == 0 || !is_han(t->cp[j - 1]) || z->most <= 2;
	for (size_t i = j; i < s; i++) {
		size_t k = not_place_at(t, i, s);
		if (k)
			j = i + k, i = j - 1, bounded = 1;
	}
	if (!bounded)
		return s;
	j += match_any(t, j, s, provinces, COUNT(provinces), NULL);
	/* a name of one is a word's tail (园区, 新区 after a verb) */
	return s - j == 1 ? s : j;
}

/* The first zone in [a, e) of t that acts (or, with any, that stands at
 * all; with title, a title's colon after it acts too: 某市开发区：我区召开…,
 * where a page's 发布开发区：… is a form's label); its name into *zone.
 * 0 or HY_ERR_NOMEM. */
static int acting_zone(const struct doc *t, size_t a, size_t e, int any, int title, char **zone)
{
	for (size_t i = a; i < e && !*zone; i++) {
		size_t l;
		const struct zone_kind *z = zone_at(t, i, e, &l);
		if (!z)
			continue;
		size_t j = zone_name_start(t, i, z);
		int acts = any ||
			   (i + l < e &&
			    (match_any(t, i + l, e, zone_acts, COUNT(zone_acts), NULL) ||
			     (title && (t->cp[i + l] == ':' || t->cp[i + l] == 0xFF1A /* ： */))));
		if (acts && (j < i || z->bare) && !(*zone = doc_str(t, j, i + l)))
			return HY_ERR_NOMEM;
		i += l - 1;
	}
	return 0;
}

/* The zone named most often in the text's head, twice at least: a zone's
 * own organ (管委会) convenes and the agenda speaks of 推动高新区…. */
static int zone_by_count(const char *text, size_t len, char **zone)
{
	struct doc t;
	if (doc_init_head(&t, text, len))
		return HY_ERR_NOMEM;
	char *best = NULL;
	size_t best_n = 0;
	int tie = 0, rc = 0;
	for (size_t i = 0; i < t.n && !rc; i++) {
		size_t l;
		const struct zone_kind *z = zone_at(&t, i, t.n, &l);
		if (!z)
			continue;
		size_t j = zone_name_start(&t, i, z);
		char *name = j < i || z->bare ? doc_str(&t, j, i + l) : NULL;
		if ((j < i || z->bare) && !name) {
			rc = HY_ERR_NOMEM;
			break;
		}
		i += l - 1;
		if (!name || (best && strcmp(name, best) == 0)) {
			free(name);
			continue;
		}
		size_t n = 0;
		for (const char *p = strstr(text, name); p && (size_t)(p - text) < len;
		     p = strstr(p + 1, name))
			n++;
		if (n > best_n) {
			free(best);
			best = name, best_n = n, tie = 0;
		} else {
			tie |= n == best_n;
			free(name);
		}
	}
	doc_free(&t);
	if (!rc && best && best_n >= 2 && !tie)
		*zone = best, best = NULL;
	free(best);
	return rc;
}

/* The organs a zone convenes through (管委会, 党工委, 开发区管委 …): 1, 0, or
 * -1 when out of memory. */
static int zone_organ_body(const char *body)
{
	static const char *const organs[] = {"党工委", "工委", "管委会", "管委"};
	struct doc b;
	if (doc_init(&b, body, strlen(body)))
		return -1;
	int own = 0;
	for (size_t i = 0; i < b.n && !own; i++)
		own = match_any(&b, i, b.n, organs, COUNT(organs), NULL) > 0;
	own = own && !match_any(&b, 0, b.n, place_levels, COUNT(place_levels), NULL);
	doc_free(&b);
	return own;
}

int zone_place(struct hy_meeting *m, const char *text, size_t len)
{
	if (m->place)
		return 0;
	int own = 0;
	if (m->body) {
		/* a county's, a city's or a town's own organ meets in its
		 * place, unnamed: no zone it speaks of is that place (but 区人大
		 * 常委会 may be a new area's) */
		struct doc b;
		if (doc_init(&b, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		size_t l = match_any(&b, 0, b.n, place_levels, COUNT(place_levels), NULL);
		int other = l && !match(&b, 0, b.n, "区");
		doc_free(&b);
		if (other)
			return 0;
		if ((own = zone_organ_body(m->body)) < 0)
			return HY_ERR_NOMEM;
	}
	/* (党工委扩大会议 with no body: the organ in the kind) */
	if (!m->body && m->kind && (own = zone_organ_body(m->kind)) < 0)
		return HY_ERR_NOMEM;
	const char *from[3] = {m->title && !(m->guessed & HY_GUESSED_TITLE) ? m->title : NULL,
			       m->summary, text};
	size_t lens[3] = {from[0] ? strlen(from[0]) : 0, from[1] ? strlen(from[1]) : 0,
			  len < 600 ? len : 600};
	while (lens[2] > 0 && lens[2] < len && ((unsigned char)text[lens[2]] & 0xC0) == 0x80)
		lens[2]--;
	int rc = 0;
	for (size_t s = 0; s < 3 && !rc && !m->place; s++) {
		if (!from[s])
			continue;
		struct doc t;
		if (doc_init(&t, from[s], lens[s]))
			return HY_ERR_NOMEM;
		/* the title's first words name the zone whose organ acts
		 * (某某高新区落实…, the 党工委 convening) */
		size_t l;
		const struct zone_kind *z = NULL;
		for (size_t i = 1; own && s == 0 && i < t.n && i <= 5 && !z; i++)
			if ((z = zone_at(&t, i, t.n, &l)) && zone_name_start(&t, i, z) != 0)
				z = NULL;
		if (z)
			rc = acting_zone(&t, 0, t.n, 1, 1, &m->place);
		if (!rc && !m->place)
			rc = acting_zone(&t, 0, t.n, 0, s == 0, &m->place);
		doc_free(&t);
	}
	if (!rc && !m->place && own)
		rc = zone_by_count(text, len, &m->place);
	return rc;
}

/* The zone's word that stands right before a party organ at [.., o) of t
 * (园区党工委, 经济技术开发区党工委 → 开发区, 长春新区党工委 → 新区): its
 * start, or o when none does. */
static size_t zone_word_before(const struct doc *t, size_t o)
{
	static const char *const words[] = {"高新区", "经开区", "开发区", "示范区", "试验区",
					    "合作区", "保税区", "新区",   "园区"};
	size_t l = longest_end(t, 0, o, words, COUNT(words));
	return o - l;
}

/* The party organ (党工委, 工委) at i of t, its length, or 0. */
static size_t party_organ_at(const struct doc *t, size_t i, size_t e)
{
	static const char *const organs[] = {"党工委", "工委"};
	return match_any(t, i, e, organs, COUNT(organs), NULL);
}

/* A zone's party working committee named with the zone's word, as the text
 * and the labels write it (某某高新区召开党工委会议, 园区党工委书记某某主持
 * 召开…: 高新区党工委, 园区党工委; the zone's own name is the place): a
 * bare organ, or none beside a kind of its own, takes the word written
 * before the organ in the chair's role, else in the text's head. The 管委会
 * stays bare (README: w006, ag008). 0 or HY_ERR_NOMEM. */
int zone_party_body(struct hy_meeting *m, const char *text, size_t len)
{
	struct doc b, t;
	int bare = 0;
	if (m->body) {
		if (doc_init(&b, m->body, strlen(m->body)))
			return HY_ERR_NOMEM;
		bare = b.n && party_organ_at(&b, 0, b.n) == b.n;
		doc_free(&b);
		if (!bare)
			return 0;
	} else {
		if (!m->kind)
			return 0;
		if (doc_init(&b, m->kind, strlen(m->kind)))
			return HY_ERR_NOMEM;
		bare = party_organ_at(&b, 0, b.n) > 0;
		doc_free(&b);
		if (!bare)
			return 0;
	}
	const char *from[2] = {m->chair_role, text};
	size_t lens[2] = {m->chair_role ? strlen(m->chair_role) : 0, len};
	char *body = NULL;
	for (size_t s = 0; s < 2 && !body; s++) {
		if (!from[s])
			continue;
		if (s ? doc_init_head(&t, from[s], lens[s]) : doc_init(&t, from[s], lens[s]))
			return HY_ERR_NOMEM;
		for (size_t i = 1; i < t.n && !body; i++) {
			size_t l = party_organ_at(&t, i, t.n);
			size_t z =
				l && t.cp[i - 1] != 0x515A /* 党 */ ? zone_word_before(&t, i) : i;
			if (z < i && !(body = doc_str(&t, z, i + l))) {
				doc_free(&t);
				return HY_ERR_NOMEM;
			}
		}
		doc_free(&t);
	}
	if (body)
		set_str(&m->body, body);
	return 0;
}
