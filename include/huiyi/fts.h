/* fts.h: the FTS5 tokenizer "huiyi" and the index it builds (DESIGN.md §5
 * search tokens, pinyin). The query side (search.h) writes SQL and FTS5
 * expressions against what is documented here.
 *
 * TABLES (schema v3, src/store/schema.c), external content, kept in sync by
 * triggers on the content tables, rowid = the content row's id:
 *
 *   sections_fts(text, heading)   content 'sections', rowid = sections.id
 *   meetings_fts(summary, title)  content 'meetings', rowid = meetings.id
 *
 * (up to schema v20 the other way round, sections_fts(heading, text) and
 * meetings_fts(title, summary): since v21 the short weighted column is
 * last, where FTS5 spends two bytes on each (token, row) entry's
 * positions, DESIGN.md §2)
 *
 * (since schema v15 sections_fts's content is the view sections_text, and
 * since v20 meetings_fts's the view meetings_text: a section's text and a
 * summary may be ranges of the meeting's clean text, DESIGN.md §2)
 *
 * both `USING fts5(..., tokenize='huiyi')`, detail=full (phrases need
 * positions), no other options. Column order is as listed, so
 * bm25(sections_fts, 1.0, 10.0) weighs the heading 10 and the text 1;
 * bm25(meetings_fts, 1.0, 10.0) the title 10 and the summary 1 (10.0,
 * 1.0 below v21).
 * Rebuild: INSERT INTO sections_fts (sections_fts) VALUES ('rebuild')
 * (same for meetings_fts). Rows that hy_store_insert adds are in the
 * index once hy_store_commit (or the insert's own transaction) has run,
 * not before: search after the commit.
 *
 * FOLDING: every code point goes through hy_fold_cp (fold.h) first:
 * traditional → simplified, full-width ASCII → ASCII, A–Z → a–z. The same at
 * index and at query time, so 燃氣 and 燃气 give the same tokens.
 *
 * CLASSES of (folded) code points (hy_fold_class, fold.h; schema v6 —
 * up to v4 only Han, a–z and 0–9 made tokens, and opening such a
 * database builds its index again):
 *   CJK   hy_fold_is_han (CJK unified ideographs and every extension,
 *         compatibility ideographs, 〇 U+3007), and the letters and marks
 *         of the other scripts written without spaces between words:
 *         kana, Hangul, Bopomofo, Yi, Thai, Lao, Khmer, Myanmar
 *   word  ASCII a–z and 0–9 (also from full-width Ａ–Ｚ ａ–ｚ ０–９), and
 *         the letters, marks and digits of every other script (Latin
 *         with accents, Greek, Cyrillic, Arabic …), case folded (Ж → ж;
 *         accents stay: é is not e)
 *   other everything else (punctuation, spaces, symbols, ① €,
 *         U+FFFD, invalid bytes, control bytes)
 *
 * TOKENS (documents, queries and AUX alike; one position each):
 *   CJK        each character is one token, its folded code point in UTF-8
 *              (a unigram: 3 or 4 bytes; kana, Hangul … 3)
 *   word run   one token, its folded letters and digits: letters and
 *              digits do NOT split ("covid19", "5g", "g20" are one token
 *              each; "2024年" is 2024 then 年). A word longer than
 *              HY_FTS_MAX_WORD bytes is cut to that many (between characters).
 *   other run  between two tokens: the separator token HY_FTS_SEPARATOR
 *              (one position; none before the first token or after the
 *              last). It keeps characters that are not adjacent in the
 *              text from being adjacent in the index: "工作。会议" is
 *              工 作 SEP 会 议, so the phrase "作会" does not match it.
 * So a query string (FTS5 "…" or a bareword, which FTS5 makes a phrase of
 * its tokens) matches exactly where the folded text holds those characters
 * and words next to each other: "燃气" is the phrase 燃 气 and finds 燃氣;
 * "2024年" and "23个" find the number followed by the character (not
 * "2024 年", not "123个"); a one-character query is one token. A quoted
 * "燃气 公司" (with a space) needs a separator between 气 and 公.
 * Byte offsets point into the ORIGINAL text, before folding (a word or a
 * separator covers its whole run), so highlight() and snippet() mark
 * exactly the characters of a hit.
 *
 * Why unigrams and no bigrams (DESIGN.md §5 said "bigrams plus
 * unigrams"): our sections are short (~180 characters), so every token
 * kind costs about 1× the text in FTS5 (a doclist entry per distinct token
 * per row). Unigrams + colocated bigrams were 2.2× the text, with pinyin
 * tokens 3.1×; unigrams alone are 1.1× and answer every query alike
 * (phrases of unigrams), with the same latency on 20,000 meetings except
 * for rare pairs of very common characters (议会: ~10 ms instead of ~0).
 *
 * PINYIN (queries only; documents hold no pinyin tokens): in a query,
 * HY_FTS_PINYIN_PREFIX followed by ASCII letters (either case) is one
 * syllable. It becomes, at its position, every common character that can
 * be in the index (its own fold) with that reading, as FTS5 synonyms
 * (FTS5_TOKEN_COLOCATED), so it matches any of them; an unknown syllable
 * matches nothing. Common: the ~6,950 characters of GB2312 and of Big5's
 * level 1 (folded), from ICU's converters (genpinyin): FTS5's cost grows
 * with the number of synonyms (qi is read by 437 characters, 69 common).
 * A rarer character is found only if typed as a character. Spaces
 * between syllables and next to them make no separator. The query side writes the prefix literally inside an FTS5
 * string (0x01 needs no escaping inside "…"; it is not allowed in a
 * bareword): `"\x01ran \x01qi"` matches 燃气 and 燃氣 (two adjacent
 * characters read ran, qi) and marks both; a typical ASCII query term t
 * that splits (hy_fts_pinyin_split) becomes `("t" OR "\x01s1 \x01s2 …")`.
 * In documents 0x01 is "other": text cannot fake pinyin.
 * Readings come from a table generated at build time by tools/genpinyin.c
 * from ICU's Han-Latin transliterator, never typed by hand. A syllable is
 * lower-case ASCII a–z; ü is spelled v (lv, nv, lve, nve), as pinyin
 * keyboards do. ICU gives one reading per character (its most common one),
 * plus the few other readings its rules use in a context (重 zhong and
 * chong, from 重庆); other readings of polyphonic characters are missing
 * (行 is xing only, not hang; 长 zhang only, not chang). */
#ifndef HUIYI_FTS_H
#define HUIYI_FTS_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/* The tokenizer's name in tokenize='…'. */
#define HY_FTS_TOKENIZER "huiyi"

/* Starts a pinyin syllable in a query; a string literal. */
#define HY_FTS_PINYIN_PREFIX "\x01"

/* The token between runs that are not adjacent in the text. */
#define HY_FTS_SEPARATOR "\x1f"

/* Longest word token in bytes (longer words are cut to this). */
#define HY_FTS_MAX_WORD 64

/* Row lengths for ranking (schema v4, table fts_lengths): bm25 needs each
 * matching row's length in tokens, which FTS5 keeps one b-tree row a
 * document (%_docsize); fts_lengths keeps them in blocks of this many
 * consecutive rowids (a 4-byte little-endian count each, 0 = unknown),
 * row id (index << 40) | (rowid / HY_FTS_LENS_ROWS), index 0 for
 * sections_fts and 1 for meetings_fts, so a scan in rowid order reads one
 * block per HY_FTS_LENS_ROWS rows. */
#define HY_FTS_LENS_ROWS 256
#define HY_FTS_LENS_SHIFT 8 /* log2(HY_FTS_LENS_ROWS) */
#define HY_FTS_LENS_INDEX_SHIFT 40
/* Rowids from 2^48 on have no block (their block number would reach the
 * next index's range): their lengths come from %_docsize. */
#define HY_FTS_LENS_ROWID_BITS 48 /* INDEX_SHIFT + SHIFT */

/* Score bounds for ranking that stops early (schema v17, table
 * fts_bounds; src/store/bounds.c, DESIGN.md §5): per index (0
 * sections_fts, 1 meetings_fts), per token and per chunk of
 * HY_FTS_BOUNDS_ROWS blocks of HY_FTS_LENS_ROWS rowids, a blob of
 * HY_FTS_BOUNDS_BYTES: a 2-byte little-endian value q a block, q > 0 when
 * the token is in a row of the block, and then every such row's term
 * score tf·(k1+1)/(tf + k1·(1−b+b·len/A)) (tf weighted as bm25(…, 10.0,
 * 1.0) weighs it, len the row's length, A the average length the bounds
 * were made for, fts_bounds_meta.abound) is at most U(q) = (k1+1)·(1 −
 * r^q), r^65534 = 1e-6 (q 65535: no bound; bounds.c hy_bounds_upper,
 * which also corrects for a larger average length now). Rowids from 2^40
 * on (or below 0) have none: such an index is ranked in full. */
#define HY_FTS_BOUNDS_ROWS 256
#define HY_FTS_BOUNDS_BYTES 512
#define HY_FTS_BOUNDS_ROWID_BITS 40

/* Register the tokenizer "huiyi" on db (hy_store_open does, before the
 * migrations), the SQL functions that fill fts_lengths (hy_doclen,
 * hy_lens: src/store/fts.c), and hy_fts_immediate() = 1 that the
 * schema's insert triggers ask whether to index a new row at once (so the
 * sqlite3 shell with the extension keeps the index current);
 * hy_store_open redefines it as 0 on its own connections, which index the
 * rows a batch added when it commits (src/store/db.c, schema v3). Returns
 * 0, or HY_ERR_DB with a message (no FTS5 in this sqlite) /
 * HY_ERR_NOMEM. */
int hy_fts_register(sqlite3 *db, char *err, size_t errlen);

/* The tokenizer without sqlite: flags as FTS5's xTokenize
 * (FTS5_TOKENIZE_DOCUMENT, _QUERY, _QUERY | _PREFIX, _AUX); fn gets
 * exactly what FTS5 would get (tflags 0 or FTS5_TOKEN_COLOCATED, token,
 * byte offsets into text). Stops early and returns fn's first non-zero
 * value (a sqlite code); else SQLITE_OK. text need not be valid UTF-8. */
int hy_fts_tokenize(int flags, const char *text, size_t len,
		    int (*fn)(void *ctx, int tflags, const char *token, int ntoken, int start,
			      int end),
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
int hy_fts_pinyin_split(const char *ascii, size_t len, char ***syllables, size_t *n);

/* The toneless syllables of Han code point cp (after folding) into
 * out[0..max), returns how many there are (may exceed max; 0 for none).
 * The first one is ICU's default reading. Static strings. */
size_t hy_fts_pinyin(uint32_t cp, const char **out, size_t max);

#endif
