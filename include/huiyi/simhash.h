/* simhash.h: the fingerprint that finds the same meeting arriving from
 * several places (DESIGN.md §2 "The same meeting from many places").
 *
 * hy_simhash: a 64-bit SimHash over the character 4-grams of a clean
 * text (clean.h: pinyin glosses and chrome lines already gone), folded
 * (fold.h: traditional → simplified, full-width → ASCII, case), with
 * everything that is not a letter, digit or Han character left out
 * (punctuation, spaces, symbols), so the same readout in either script,
 * with other punctuation or other page chrome, gets the same or a near
 * fingerprint. Near = at most HY_SIMHASH_NEAR differing bits; the store
 * finds candidates through the fingerprint's 4 bands of 16 bits (two
 * fingerprints that differ in at most 3 bits share a band). */
#ifndef HUIYI_SIMHASH_H
#define HUIYI_SIMHASH_H

#include <stddef.h>
#include <stdint.h>

/* Differing bits at most for two texts to be the same meeting. */
#define HY_SIMHASH_NEAR 3
/* ... when neither text gives a day or a meeting number to compare. */
#define HY_SIMHASH_NEAR_BLIND 1
/* ... when the body, kind, number and day (its year read from both texts)
 * are the same: a repost that lost its byline or a paragraph. */
#define HY_SIMHASH_NEAR_SAME_DAY 16
/* Fewer letters than this: no fingerprint (hy_simhash gives 0), never merged. */
#define HY_SIMHASH_MIN_CHARS 40

/* The fingerprint of text[0..len) (UTF-8; invalid bytes skipped), or 0
 * when it has fewer than HY_SIMHASH_MIN_CHARS letters. Pure, no memory. */
uint64_t hy_simhash(const char *text, size_t len);

/* hy_simhash, and *script (may be NULL) = hy_script, in one pass. */
uint64_t hy_simhash_script(const char *text, size_t len, const char **script);

/* The number of bits in which a and b differ. */
int hy_simhash_distance(uint64_t a, uint64_t b);

/* The script of a Chinese text: "hant" when it has traditional-only Han
 * characters (more than 1 in 50 of its Han characters, or 5), "hans" when
 * it has Han characters but not so, NULL when it has none. */
const char *hy_script(const char *text, size_t len);

/* 1 when a and b (UTF-8, NUL-terminated) are the same after folding and
 * leaving out what hy_simhash leaves out; either NULL: 1 (nothing says
 * they differ). */
int hy_fold_same(const char *a, const char *b);

#endif
