/* fold.h: script folding, the same at import, parse, index and query time
 * (DESIGN.md §5 search folding).
 *
 * Traditional Han → simplified per character (table generated at build
 * time from ICU's Hant-Hans transliterator by tools/genfold.c), full-width
 * ASCII (U+FF01–U+FF5E) → ASCII, U+3000 → space, Latin A–Z → a–z, and
 * every other cased letter to its simple case fold (ICU u_foldCase: one
 * code point to one, Ж → ж, É → é). Accents stay (é is not e). */
#ifndef HUIYI_FOLD_H
#define HUIYI_FOLD_H

#include <stdint.h>

/* Traditional → simplified for one Han code point; others unchanged. */
uint32_t hy_fold_han(uint32_t cp);

/* What the fold table is: a hash of every mapping in it (genfold.c).
 * A database keeps the one its index was made with (schema v10). */
const char *hy_fold_id(void);

/* Full fold of one code point (Han, width, case). */
uint32_t hy_fold_cp(uint32_t cp);

/* What the search index makes of a folded code point (fts.h CLASSES). */
enum hy_fold_class {
	HY_FOLD_OTHER = 0, /* punctuation, symbols, spaces, controls,
			    * U+FFFD: separates tokens, never searched */
	HY_FOLD_WORD,      /* a letter, mark or digit of a script written
			    * with spaces (Latin, Greek, Cyrillic, Arabic
			    * …): runs of them are words */
	HY_FOLD_UNIGRAM,   /* Han, and the letters and marks of scripts
			    * written without spaces between words (kana,
			    * Hangul, Bopomofo, Yi, Thai, Lao, Khmer,
			    * Myanmar): each one a token */
};
int hy_fold_class(uint32_t f);

/* 1 if cp is a Han ideograph (CJK unified, extensions, compatibility). */
int hy_fold_is_han(uint32_t cp);

#endif
