/* fts.h: the FTS5 tokenizer "huiyi" and the index it builds (DESIGN.md §5
 * search tokens, pinyin). The query side (search.h) writes SQL and FTS5
 * expressions against what is documented here.
 *
 * TABLES (schema v3, src/store/db.c), external content, kept in sync by
 * triggers on the content tables, rowid = the content row's id:
 *
 *   sections_fts(heading, text)   content 'sections', rowid = sections.id
 *   meetings_fts(title, summary)  content 'meetings', rowid = meetings.id
 *
 * both `USING fts5(..., tokenize='huiyi')`, detail=full (phrases need
 * positions). Column order is as listed, so bm25(sections_fts, 10.0, 1.0)
 * weighs the heading 10 and the text 1; bm25(meetings_fts, 10.0, 1.0) the
 * title 10 and the summary 1. Rebuild: INSERT INTO sections_fts
 * (sections_fts) VALUES ('rebuild') (same for meetings_fts).
 *
 * FOLDING: every code point goes through hy_fold_cp (fold.h) first:
 * traditional → simplified, full-width ASCII → ASCII, A–Z → a–z. The same at
 * index and at query time, so 燃氣 and 燃气 give the same tokens.
 *
 * CLASSES of (folded) code points:
 *   CJK   hy_fold_is_han (CJK unified ideographs and every extension,
 *         compatibility ideographs, 〇 U+3007)
 *   word  ASCII a–z and 0–9 (also from full-width Ａ–Ｚ ａ–ｚ ０–９)
 *   other everything else (punctuation, spaces, symbols, kana, Greek …,
 *         U+FFFD, invalid bytes, control bytes): ends a run, no token
 *
 * DOCUMENT TOKENS (FTS5_TOKENIZE_DOCUMENT, and AUX for highlight/snippet):
 *   word run   one token, its folded letters and digits (letters and digits
 *              do NOT split: "covid19", "5g", "g20" are one token each;
 *              "2024年" is "2024" then 年, a new run). A word longer than
 *              HY_FTS_MAX_WORD bytes is cut to that many (at query time
 *              too). One position.
 *   CJK run    c1 c2 … cn: position p+i holds, in this order,
 *                the unigram  ci                (primary token)
 *                the bigram   ci ci+1  (i < n)  FTS5_TOKEN_COLOCATED
 *                the pinyin   "\x01" + syllable FTS5_TOKEN_COLOCATED, one
 *                             per reading of ci (see PINYIN)
 *   Positions run on across runs: "2024年底" is 2024@p, 年@p+1 (+年底),
 *   底@p+2. Byte offsets point into the ORIGINAL text, before folding: a
 *   unigram, a pinyin token and a word cover their own characters, a
 *   bigram covers both characters. FTS5 highlight() and snippet() use only
 *   the primary token of each position, so a hit covering positions p..q
 *   marks characters p..q.
 *   Token text is UTF-8 of the folded code points: unigram 3 or 4 bytes,
 *   bigram 6 to 8 bytes.
 *
 * QUERY TOKENS (FTS5_TOKENIZE_QUERY, with or without PREFIX): the text of
 * one FTS5 string or bareword, positions from 0:
 *   word run           the word, as in documents
 *   CJK run of 1       its unigram
 *   CJK run of n ≥ 2   the bigrams c1c2, c2c3, …, c(n-1)cn at positions
 *                      0 … n-2, then the unigram cn at n-1. The trailing
 *                      unigram changes nothing about what matches (a
 *                      bigram at p always has its second character's
 *                      unigram at p+1) but makes the phrase span n
 *                      positions, so highlight() marks all n characters.
 *   "\x01" + letters   one pinyin token, the letters lower-cased (how the
 *                      query side spells a syllable, below); "\x01" not
 *                      followed by a letter is "other". In documents
 *                      "\x01" is always "other": text cannot fake pinyin.
 *   So a quoted FTS5 string is a phrase that matches exactly the folded
 *   substring within one CJK run, and "2024年" or "23个" match the digits
 *   followed by the character.
 *
 * PINYIN: each Han code point has zero or more toneless syllables from a
 * table generated at build time by tools/genpinyin.c from ICU (Han-Latin),
 * never typed by hand. A syllable is lower-case ASCII a–z; ü is spelled v
 * (lv, nv, lve, nve), as pinyin keyboards do. ICU gives one reading per
 * character (its most common one), plus the few other readings its rules
 * use in a context (重 zhong and chong, from 重庆); other readings of
 * polyphonic characters are not indexed (行 is xing only, not hang).
 * The token of a syllable s is HY_FTS_PINYIN_PREFIX followed by s, e.g. the
 * two bytes "\x01" "ran" → "\x01ran". Inside an FTS5 string the query side
 * writes it literally (0x01 needs no escaping inside "…"; it is not allowed
 * in a bareword): the phrase `"\x01ran \x01qi"` matches 燃气 and 燃氣 (two
 * consecutive characters read ran, qi). A typical ASCII query term t that
 * splits becomes `("t" OR "\x01s1 \x01s2 …")`. */
#ifndef HUIYI_FTS_H
#define HUIYI_FTS_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* The tokenizer's name in tokenize='…'. */
#define HY_FTS_TOKENIZER "huiyi"

/* First byte of every pinyin token; a string literal for concatenation. */
#define HY_FTS_PINYIN_PREFIX "\x01"

/* Longest word token in bytes (longer words are cut to this). */
#define HY_FTS_MAX_WORD 64

/* Register the tokenizer "huiyi" on db (hy_store_open does, before the
 * migrations). Returns 0, or HY_ERR_DB with a message (no FTS5 in this
 * sqlite) / HY_ERR_NOMEM. */
int hy_fts_register(sqlite3 *db, char *err, size_t errlen);

/* The tokenizer without sqlite: flags as FTS5's xTokenize
 * (FTS5_TOKENIZE_DOCUMENT, _QUERY, _QUERY | _PREFIX, _AUX); fn gets
 * exactly what FTS5 would get (tflags 0 or FTS5_TOKEN_COLOCATED, token,
 * byte offsets into text). Stops early and returns fn's first non-zero
 * value (a sqlite code); else SQLITE_OK. text need not be valid UTF-8. */
int hy_fts_tokenize(int flags, const char *text, size_t len,
		    int (*fn)(void *ctx, int tflags, const char *token,
			      int ntoken, int start, int end),
		    void *ctx);

/* Split the ASCII letters ascii[0..len) (either case) completely into
 * pinyin syllables. On success *syllables is an array of *n lower-case
 * NUL-terminated syllables (without the prefix), in one allocation:
 * free(*syllables) frees all. Of every complete split the one with the
 * fewest syllables wins ("xian" → xian, not xi an; "xi an" typed with a
 * space or apostrophe is two terms); among equally short ones, the one
 * whose earlier syllables are longer ("fangan" → fang an). "lue"/"nue"
 * are read as lve/nve. Returns 1 (split), 0 (no complete split, or a
 * non-letter byte, or len 0 or > 64: *syllables = NULL, *n = 0) or
 * HY_ERR_NOMEM. */
int hy_fts_pinyin_split(const char *ascii, size_t len, char ***syllables,
			size_t *n);

/* The toneless syllables of Han code point cp (after folding) into
 * out[0..max), returns how many there are (may exceed max; 0 for none).
 * The first one is ICU's default reading. Static strings. */
size_t hy_fts_pinyin(uint32_t cp, const char **out, size_t max);

#endif
