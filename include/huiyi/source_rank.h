/* source_rank.h: which of a meeting's sources is shown (issue 13; DESIGN.md
 * §2 "The same meeting from many places", "Shown"). The same readout comes
 * from the county's own page, its traditional-script version, a city's
 * repost and mirrors with broken conversion; the one shown is, in order:
 *  1. official: its address is a government site's (a host with a label
 *     "gov": www.xx.gov.cn, www.gov.mo, xx.gov.tw);
 *  2. in the original script: the script of the meeting's region, read
 *     from the addresses (.tw, .hk, .mo: traditional; .cn: simplified;
 *     official sites' first), else the script most of its sources share;
 *  3. the cleanest: the fewest repairs by the cleaner (pinyin glosses
 *     taken out, U+FFFD, control characters), when both are known;
 *  4. the most complete: a clean text more than 1/16 longer;
 *  5. else the one shown stays (a meeting's text does not flip-flop).
 * Pure functions: no store, no allocation. */
#ifndef HUIYI_SOURCE_RANK_H
#define HUIYI_SOURCE_RANK_H

#include <stddef.h>

/* What is known of one source. */
struct hy_source_facts {
	const char *url;    /* its address, or NULL */
	const char *script; /* "hans", "hant" or NULL (simhash.h hy_script) */
	long repairs;       /* what the cleaner mended, -1 not known */
	size_t clean_len;   /* bytes of its clean text */
};

/* 1 when url's host is a government site's (a label "gov"), else 0. */
int hy_source_official(const char *url);

/* The script the readout was first published in, from the sources
 * v[0..n): "hans", "hant", or NULL when nothing tells. */
const char *hy_source_original_script(const struct hy_source_facts *v, size_t n);

/* > 0 when a is the better source to show, < 0 when b is, 0 when the
 * rule does not tell them apart; original: hy_source_original_script of
 * the meeting's sources (may be NULL). */
int hy_source_compare(const struct hy_source_facts *a, const struct hy_source_facts *b,
		      const char *original);

#endif
