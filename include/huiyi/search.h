/* search.h: full-text search over every meeting (DESIGN.md §5 search).
 *
 * Index: FTS5 with our own tokenizer "huiyi" (fts.h): CJK runs as
 * unigrams plus colocated bigrams, other runs as lower-case words, all
 * folded (traditional → simplified, full-width → ASCII), plus toneless
 * pinyin so an ASCII query like `ranqi` finds 燃气/燃氣. Sections are
 * indexed by heading (weighs more) and text; a meeting's title and opening
 * summary are searchable as its section 0.
 *
 * Query syntax (what users type): words separated by spaces are ANDed;
 * "…" is an exact phrase; -word excludes; OR between two terms makes
 * either do; anything else is literal text. No input can produce an FTS5
 * syntax error or reach SQL unescaped. */
#ifndef HUIYI_SEARCH_H
#define HUIYI_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "huiyi/store.h"

/* Translate a user query into a safe FTS5 MATCH expression (new string in
 * *out, free()). Returns 0; HY_ERR_INVALID with a plain message in err
 * when there is nothing to search for (empty, only spaces or punctuation,
 * only exclusions); HY_ERR_NOMEM. Pure: no database needed. */
int hy_search_translate(const char *query, char **out, char *err, size_t errlen);

/* Hit markers in snippets: the matched text is between these. */
#define HY_SEARCH_MARK_OPEN "\x02"
#define HY_SEARCH_MARK_CLOSE "\x03"

/* One result: a section (or section 0: title and summary) that matches.
 * Strings are valid only during the callback. */
struct hy_search_hit {
	int64_t meeting;
	int section;          /* 0: title / summary */
	const char *date;     /* meeting date or NULL */
	const char *title;    /* or NULL */
	const char *heading;  /* the section's heading; for 0 the title */
	const char *snippet;  /* about one line around the first hits, the
			       * hits between HY_SEARCH_MARK_OPEN/CLOSE */
	double score;         /* bm25-based: higher is better */
};

typedef int (*hy_search_fn)(const struct hy_search_hit *hit, void *ctx);

enum hy_search_order { HY_SEARCH_RANK = 0, HY_SEARCH_DATE };

/* Call fn for up to limit results after skipping offset, best first (bm25
 * with the heading weighted, then newer date) or newest first. f (may be
 * NULL) narrows to meetings matching the list filter. Returns the number
 * of results delivered, or a negative hy_err code (HY_ERR_INVALID for a
 * query with nothing to search, message in err). */
int hy_store_search(struct hy_store *s, const char *query,
		    const struct hy_store_filter *f, enum hy_search_order order,
		    size_t offset, size_t limit, hy_search_fn fn, void *ctx,
		    char *err, size_t errlen);

/* How many sections and how many meetings match (for the results header
 * and `--json` counts). */
int hy_store_search_count(struct hy_store *s, const char *query,
			  const struct hy_store_filter *f, size_t *sections,
			  size_t *meetings, char *err, size_t errlen);

/* Rebuild the index from the stored sections (huiyi reindex). */
int hy_store_reindex(struct hy_store *s, char *err, size_t errlen);

#endif
