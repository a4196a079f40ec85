/* organ.c: organs written under a longer name, made the short organ the
 * README's labels use, with their place split off: a youth league
 * committee (共青团某县委员会, 共青团某县 → 团县委 + 某县). place.c calls
 * these before it looks for the place elsewhere. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

int organ_set(struct hy_meeting *m, struct buf *o, const struct doc *b, size_t pa, size_t pe,
	      int rc)
{
	char *place = NULL;
	if (!rc && !m->place && !(place = doc_str(b, pa, pe)))
		rc = HY_ERR_NOMEM;
	if (rc) {
		free(o->s);
		return rc;
	}
	free(m->body);
	m->body = o->s;
	if (place)
		m->place = place;
	return 0;
}

/* 共青团靖边县委员会, 共青团某市 (the term and number already gone): the
 * 团县委 (团市委, 团区委, 团旗委) of the place named, in the text's
 * script. Sets m->place when it was unknown. 0 or HY_ERR_NOMEM. */
int league_body(struct hy_meeting *m)
{
	if (!m->body)
		return 0;
	struct doc b;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t p = match(&b, 0, b.n, "共青团");
	size_t e = b.n, tail = 0;
	if (p && ends_with(&b, p, e, "委员会", &tail))
		e -= tail;
	else if (p && ends_with(&b, p, e, "委", &tail))
		e -= tail;
	static const char *const levels[] = {"县", "市", "区", "旗", "州"};
	size_t lv = p && e >= p + 3 ? longest_end(&b, p, e, levels, COUNT(levels)) : 0;
	int rc = 0;
	if (lv && count_han(&b, p, e) == e - p) {
		struct buf o = {0};
		/* 团 of 共青团, the level, 委 (of 委员会 or written alone, else
		 * our own: output, not a pattern) */
		rc = buf_add(&o, b.s + b.off[2], b.off[3] - b.off[2]) ||
		     buf_add(&o, b.s + b.off[e - 1], b.off[e] - b.off[e - 1]);
		if (!rc)
			rc = tail ? buf_add(&o, b.s + b.off[e], b.off[e + 1] - b.off[e])
				  : buf_add(&o, "\xe5\xa7\x94", 3);
		rc = organ_set(m, &o, &b, p, e, rc);
	}
	doc_free(&b);
	return rc;
}

/* 某市某乡妇女代表大会, 某乡党代表大会: a congress of a group (not the
 * people's congress, whose body keeps its level) held in a place: the
 * congress, the place the smallest named before it (某乡). 0 or
 * HY_ERR_NOMEM. */
int congress_body(struct hy_meeting *m)
{
	if (!m->body || m->place)
		return 0;
	struct doc b;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t cl = 0, lv = 0, from = 0;
	int rc = 0;
	if (ends_with(&b, 0, b.n, "代表大会", &cl) && b.n > cl + 3 && b.n <= 24 &&
	    count_han(&b, 0, b.n) == b.n) {
		/* the last level before the congress's name, and the one before it */
		for (size_t i = 1; i + cl < b.n; i++) {
			size_t l =
				match_any(&b, i, b.n - cl, place_levels, COUNT(place_levels), NULL);
			if (l) {
				if (lv)
					from = lv;
				lv = i + l;
				i += l - 1;
			}
		}
	}
	/* the congress: 妇女代表大会, 党代表大会, not 人民代表大会 (人大) */
	if (lv && lv - from >= 2 && b.n - cl - lv >= 1 && b.n - cl - lv <= 3 &&
	    !match(&b, lv, b.n, "人民")) {
		char *place = doc_str(&b, from, lv), *body = doc_str(&b, lv, b.n);
		if (!place || !body) {
			free(place);
			free(body);
			rc = HY_ERR_NOMEM;
		} else {
			free(m->body);
			m->body = body;
			m->place = place;
		}
	}
	doc_free(&b);
	return rc;
}
