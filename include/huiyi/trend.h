/* trend.h: how often a query matched, period by period (huiyi trend,
 * DESIGN.md §2 query "counts per period").
 *
 * A period is a month ("2024-03"), a quarter ("2024-Q1") or a year
 * ("2024") of the meeting date. A meeting counts in a period when its
 * date is known there; the year of a guessed date (file time) counts as
 * inferred; a meeting with only a month and day (no year) is in no
 * period and is counted apart (`undated`).
 *
 * The counts are those of search (search.h, hy_store_search_count): the
 * meetings with at least one match (in a section, or in the title and
 * summary, "section 0"), and the matching sections, section 0 included;
 * the filter is the list's (store.h hy_store_filter). */
#ifndef HUIYI_TREND_H
#define HUIYI_TREND_H

#include <stddef.h>

#include "huiyi/store.h"

enum hy_trend_by { HY_TREND_MONTH = 0, HY_TREND_QUARTER, HY_TREND_YEAR };

/* "month", "quarter", "year" as HY_TREND_*, else -1. */
int hy_trend_by_name(const char *name);

/* The period of date ("YYYY-MM-DD", or "YYYY-MM" and longer) into
 * out[16]: "2024-03", "2024-Q1", "2024". 0, or -1 when date is no such
 * date (NULL, short, a month outside 1–12, not digits). Pure. */
int hy_trend_period(const char *date, enum hy_trend_by by, char out[16]);

/* The period after p (as made by hy_trend_period) into out[16]: 2024-12
 * → 2025-01, 2024-Q4 → 2025-Q1, 2024 → 2025. 0, or -1 when p is none
 * (or the year would pass 9999). Pure. */
int hy_trend_next(const char *p, enum hy_trend_by by, char out[16]);

/* One period's counts. */
struct hy_trend_count {
	char period[16];
	size_t meetings; /* meetings (with a match, or all of the corpus) */
	size_t sections; /* matching sections (0 for the corpus) */
};

/* The periods that have any count, oldest first. */
struct hy_trend {
	struct hy_trend_count *v;
	size_t n;
	size_t undated; /* meetings left out: no year known */
};

/* Count per period (by) the meetings matching f (NULL: all) and, when
 * query is not NULL, the search query too (search.h syntax) into *out
 * (zeroed first; hy_trend_free). Without a query: every meeting of the
 * filter, sections 0. HY_ERR_INVALID (message in err) for a query with
 * nothing to search. One pass over the matches and their meetings. */
int hy_store_trend(struct hy_store *s, const char *query, const struct hy_store_filter *f,
		   enum hy_trend_by by, struct hy_trend *out, char *err, size_t errlen);

/* The same for the corpus and several queries at once: the corpus into
 * *corpus (NULL: not counted) and queries[i] into series[i], all read in
 * one snapshot's one walk of the meetings' dates (what huiyi trend and
 * the trend screen ask). Every output is zeroed first and, on failure,
 * freed; hy_trend_free each. */
int hy_store_trends(struct hy_store *s, const char *const *queries, size_t nq,
		    const struct hy_store_filter *f, enum hy_trend_by by, struct hy_trend *corpus,
		    struct hy_trend *series, char *err, size_t errlen);

void hy_trend_free(struct hy_trend *t);

#endif
