/* fold.h: script folding, the same at import, parse, index and query time
 * (DESIGN.md §5 search folding).
 *
 * Traditional Han → simplified per character (table generated at build
 * time from ICU's Hant-Hans transliterator by tools/genfold.c), full-width
 * ASCII (U+FF01–U+FF5E) → ASCII, U+3000 → space, Latin A–Z → a–z. */
#ifndef HUIYI_FOLD_H
#define HUIYI_FOLD_H

#include <stdint.h>

/* Traditional → simplified for one Han code point; others unchanged. */
uint32_t hy_fold_han(uint32_t cp);

/* Full fold of one code point (Han, width, case). */
uint32_t hy_fold_cp(uint32_t cp);

/* 1 if cp is a Han ideograph (CJK unified, extensions, compatibility). */
int hy_fold_is_han(uint32_t cp);

#endif
