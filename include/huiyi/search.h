/* search.h: full-text search over every meeting (DESIGN.md §5 search).
 *
 * Index: FTS5 with our own tokenizer "huiyi" (fts.h): each CJK character
 * a token, other runs as lower-case words, a separator token between runs
 * that are not adjacent, all folded (traditional → simplified, full-width
 * → ASCII); pinyin syllables in queries stand for every character read so,
 * so an ASCII query like `ranqi` finds 燃气/燃氣. Sections are indexed by
 * heading (weighs more) and text; a meeting's title and opening summary
 * are searchable as its section 0.
 *
 * Query syntax (what users type): words separated by spaces are ANDed;
 * "…" is an exact phrase; -word excludes; OR between two terms makes
 * either do; anything else is literal text. No input can produce an FTS5
 * syntax error or reach SQL unescaped. In detail:
 * - spaces (any Unicode space; also control characters and invalid
 *   UTF-8) separate terms; a term is a word, or a phrase in quotes
 *   (" ＂ “ ”; an unbalanced quote makes the rest of the query the
 *   phrase; spaces in a phrase are dropped unless they stand between
 *   two letters or digits: Chinese has none, "燃气 安全" is 燃气安全). A
 *   word is matched like a phrase of its characters: 燃气安全 finds
 *   exactly that run of characters, in either script (fts.h folding); a
 *   word of letters or digits is a whole word (23 is not in 2023);
 * - a minus (- － −) starting a term excludes it: -安全, -"安全生产";
 * - a bare OR (upper case) between two terms that are not excluded joins
 *   them: a b OR c d is a AND (b OR c) AND d; anywhere else it is the
 *   word "or";
 * - letters of every script are searched (fts.h CLASSES: kana and
 *   Hangul like Han characters, other scripts as whole words, case
 *   folded); a term with nothing the index holds (punctuation, symbols)
 *   is dropped; FTS5 operators (AND NOT NEAR * : ^ + ( )) are plain text;
 * - a term of ASCII letters (full-width too, with ' or, in a phrase,
 *   spaces between syllables) that splits into pinyin (fts.h
 *   hy_fts_pinyin_split) also finds the characters: ranqi finds 燃气;
 * - at most HY_SEARCH_MAX_TERMS terms are used, the terms to find
 *   first and then the excluded ones (-word), so excluded words never
 *   push out a word to find; each is cut to HY_SEARCH_MAX_TERM_CHARS
 *   characters; the rest is ignored (a longer query still runs). */
#ifndef HUIYI_SEARCH_H
#define HUIYI_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "huiyi/store.h"

/* Limits on one query (the rest of a longer one is ignored). */
#define HY_SEARCH_MAX_TERMS 64
#define HY_SEARCH_MAX_TERM_CHARS 256

/* Translate a user query into a safe FTS5 MATCH expression (new string in
 * *out, free()). Returns 0; HY_ERR_INVALID with a plain message in err
 * when there is nothing to search for (empty, only spaces or punctuation,
 * only exclusions); HY_ERR_NOMEM. Pure: no database needed.
 * The expression: every term an FTS5 string ("…" with " doubled); a
 * pinyin term ("t" OR "\x01s1 \x01s2"); OR groups in parentheses;
 * groups joined by AND; exclusions as (…) NOT (n1 OR n2). */
int hy_search_translate(const char *query, char **out, char *err, size_t errlen);

/* Hit markers in snippets: the matched text is between these. */
#define HY_SEARCH_MARK_OPEN "\x02"
#define HY_SEARCH_MARK_CLOSE "\x03"

/* One result: a section (or section 0: title and summary) that matches.
 * Strings are valid only during the callback. The snippet: about one line
 * (some 40 display columns) of the column with the most distinct hits
 * (the text, or the summary, on a tie), around the hits, "…" where text
 * is left out, runs of white space as one space; every hit of a term
 * that is not excluded (its characters or its pinyin) is marked. */
struct hy_search_hit {
	int64_t meeting;
	int section;         /* 0: title / summary */
	const char *date;    /* meeting date or NULL */
	const char *title;   /* or NULL */
	const char *heading; /* the section's heading; for 0 the title */
	const char *snippet; /* about one line around the first hits, the
			       * hits between HY_SEARCH_MARK_OPEN/CLOSE */
	double score;        /* bm25-based: higher is better */
};

/* Return 0 to go on, anything else to stop: hy_store_search then returns
 * that value if it is negative, else the hits delivered so far, the
 * stopping one included. */
typedef int (*hy_search_fn)(const struct hy_search_hit *hit, void *ctx);

enum hy_search_order { HY_SEARCH_RANK = 0, HY_SEARCH_DATE };

/* Call fn for up to limit results after skipping offset, best first (bm25
 * with the heading weighted, then newer date) or newest first. f (may be
 * NULL) narrows to meetings matching the list filter. Returns the number
 * of results delivered, or a negative hy_err code (HY_ERR_INVALID for a
 * query with nothing to search, message in err).
 * Orders are total: HY_SEARCH_RANK is score (higher first), then date
 * (newer first, unknown last), meeting id (higher first), section
 * (lower first); HY_SEARCH_DATE the same without the score. So pages
 * (offset, limit) of one order never overlap or skip. Scores equal
 * -bm25(sections_fts, 1.0, 10.0) (-bm25(meetings_fts, …) for section 0;
 * the heading and the title weighed 10, 10.0, 1.0 below schema v21)
 * exactly. A page costs one pass over the matches by FTS5 with a bound
 * that skips reading the length of rows that cannot make the page, plus,
 * with a filter or in date order, a plan that reads the filter's rows
 * from indexes or walks the meetings newest first (src/store/search_plan.c);
 * then a snippet per result. Memory is O(offset + limit), plus 8 bytes
 * per match in date order or with a filter. hy_store_search_opts
 * forces a plan (tests; same results). */
int hy_store_search(struct hy_store *s, const char *query, const struct hy_store_filter *f,
		    enum hy_search_order order, size_t offset, size_t limit, hy_search_fn fn,
		    void *ctx, char *err, size_t errlen);

/* How a search runs, set on a store for its searches from then on
 * (hy_store_search_opts; all zero, the default, until then). None of it
 * changes the results: tests compare every way, the bench times them;
 * the command line takes them from HUIYI_SEARCH_PLAN=join|walk,
 * HUIYI_SEARCH_THREADS=1, HUIYI_SEARCH_SPLIT_MIN=rows and
 * HUIYI_SEARCH_NOLENS (src/cli). */
enum hy_search_plan {
	HY_SEARCH_PLAN_AUTO = 0, /* as the counts of matches and rows say */
	HY_SEARCH_PLAN_JOIN,     /* with a filter or in date order: each
				  * match joined to its meeting */
	HY_SEARCH_PLAN_WALK      /* the filter's meetings walked through the
				  * list, newest first */
};

struct hy_search_opts {
	enum hy_search_plan plan;
	int one_thread;    /* never split a scan across two threads */
	int64_t split_min; /* sections_fts rows from which a rank-order
			    * scan is split in two (0: 50,000) */
	int no_lens;       /* row lengths from %_docsize, not fts_lengths */
	int full_rank;     /* rank order: score every match, without the
			    * block-max bounds of schema v17 (DESIGN.md §5) */
	int bmax_phrases;  /* use the bounds for a phrase of several tokens
			    * too (by default one token only: counting a
			    * phrase's matches, which its idf needs, costs
			    * about as much as ranking them all; without
			    * scores, hy_store_search_scores, phrases go
			    * by the bounds and are counted only when the
			    * page's order needs it) */
};

/* Set how s runs its searches (NULL: the default). */
void hy_store_search_opts(struct hy_store *s, const struct hy_search_opts *o);

/* Whether s's searches from then on deliver scores (1, the default:
 * hit->score is -bm25 exactly) or only the order they make (0: a
 * caller that does not show them, such as the text output). A one-phrase
 * query of several tokens in rank order then counts its matches (which
 * the idf needs) only when bounds on the count leave the page's order
 * open; the hits and their order are the same, hit->score may differ
 * from -bm25. */
void hy_store_search_scores(struct hy_store *s, int wanted);

/* How many sections (section 0 included) and how many distinct meetings
 * match (for the results header and `--json` counts). Either pointer may
 * be NULL. Costs a lookup of the meeting per match. */
int hy_store_search_count(struct hy_store *s, const char *query, const struct hy_store_filter *f,
			  size_t *sections, size_t *meetings, char *err, size_t errlen);

/* Rebuild the index from the stored sections and meetings (huiyi
 * reindex): 'rebuild' then 'optimize' (one segment: faster queries) of
 * both FTS5 tables, in one transaction. HY_ERR_INVALID inside a batch. */
int hy_store_reindex(struct hy_store *s, char *err, size_t errlen);

#endif
