/* width.h: display width of text, the same way the screen draws it
 * (DESIGN.md §5 width).
 *
 * Width is wcwidth() under the UTF-8 locale — the function ncursesw uses —
 * so the layout and the terminal agree. The process must have called
 * setlocale(LC_ALL, "") with a UTF-8 locale (the browser refuses to start
 * otherwise). Code points that must never reach the terminal (C0, DEL, C1,
 * and anything wcwidth() calls unprintable) are drawn as a visible
 * placeholder whose width is counted: C0 and DEL as "^@".."^_", "^?"
 * (2 columns), everything else as U+FFFD (1 column). A combining mark or
 * ZWJ has width 0 and belongs to the cell before it. */
#ifndef HUIYI_WIDTH_H
#define HUIYI_WIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Columns of one code point as drawn: 0 (combining, ZWJ, variation
 * selectors), 1 or 2; placeholders count their own width. */
int hy_width_cp(uint32_t cp);

/* If cp is drawn as a placeholder, write it (NUL-terminated UTF-8, at most
 * 7 bytes) into buf and return 1; else return 0. */
int hy_width_placeholder(uint32_t cp, char buf[8]);

/* Columns of s[0..n) as drawn (invalid UTF-8 counts as U+FFFD). */
size_t hy_width_str(const char *s, size_t n);

/* Bytes of s[0..n) that fit in maxw columns without splitting a character
 * or separating a base character from the combining marks after it;
 * *used (may be NULL) gets their width. */
size_t hy_width_fit(const char *s, size_t n, size_t maxw, size_t *used);

/* Truncate s[0..n) to at most maxw columns, ending in "…" (1 column) when
 * something was cut, into out (NUL-terminated, at most outlen bytes).
 * Returns the width of the result. Never splits a character. */
size_t hy_width_truncate(const char *s, size_t n, size_t maxw, char *out,
			 size_t outlen);

#endif
