/* searchtest.h: what a unit test's search shows, as one string to compare
 * before and after a change of how the store keeps its text (every hit's
 * meeting, section, heading, snippet and score, a line each). Include
 * after <cmocka.h>, <stdio.h>, <stdlib.h>, <string.h> and huiyi/store.h. */
#ifndef HUIYI_TEST_SEARCHTEST_H
#define HUIYI_TEST_SEARCHTEST_H

struct shown {
	char *buf;
	size_t len, cap;
};

static inline int shown_hit(const struct hy_search_hit *h, void *ctx)
{
	struct shown *o = ctx;
	char line[2048];
	int n = snprintf(line, sizeof line, "%lld/%d %s %s %.12g\n", (long long)h->meeting,
			 h->section, h->heading, h->snippet, h->score);
	if (o->len + (size_t)n + 1 > o->cap) {
		o->cap = (o->len + (size_t)n + 1) * 2;
		o->buf = realloc(o->buf, o->cap);
		assert_non_null(o->buf);
	}
	memcpy(o->buf + o->len, line, (size_t)n + 1);
	o->len += (size_t)n;
	return 0;
}

/* Query q's first 1,000 hits by rank, as shown (the caller frees it). */
static inline char *search_all(struct hy_store *s, const char *q)
{
	struct shown o = {0};
	char err[256] = "";
	if (hy_store_search(s, q, NULL, HY_SEARCH_RANK, 0, 1000, shown_hit, &o, err, sizeof err) <
	    0)
		fail_msg("search %s: %s", q, err);
	return o.buf ? o.buf : strdup("");
}

#endif
