/* width.h: display width of text, the same way the screen draws it
 * (DESIGN.md §5 width).
 *
 * Width is wcwidth() under the UTF-8 locale — the function ncursesw uses —
 * so the layout and the terminal agree. The process must have called
 * setlocale(LC_ALL, "") with a UTF-8 locale (the browser refuses to start
 * otherwise). Code points that must never reach the terminal (C0, DEL, C1,
 * and anything wcwidth() calls unprintable) are drawn as a visible
 * placeholder whose width is counted: C0 and DEL as "^@".."^_", "^?"
 * (2 columns), everything else as U+FFFD (1 column; 2 under the wide rule
 * for ambiguous characters, below). Bidi controls
 * (U+202A–U+202E, U+2066–U+2069) and bidi marks (U+061C, U+200E, U+200F)
 * are drawn as U+FFFD too, so no text can reorder the screen; so are
 * surrogates and values above U+10FFFF. A combining mark, ZWJ (U+200D) or
 * variation selector has width 0 and belongs to the cell before it.
 *
 * TAB is the one code point whose width depends on where it stands: in a
 * string (hy_width_str, _fit, _truncate) and in a wrapped line (wrap.h) it
 * advances to the next multiple of HY_WIDTH_TAB columns, counted from the
 * start of the string or line; a renderer draws it as spaces up to
 * hy_width_advance(). Alone, without a column, hy_width_cp() and
 * hy_width_placeholder() treat it as the C0 control it is ("^I").
 *
 * East Asian ambiguous-width characters (“ ” … · § — │ ① U+FFFD …) take
 * 1 column or 2, as the terminal draws them: one rule for the whole
 * process, narrow until hy_width_set_ambiguous() says otherwise. This
 * module defines wcwidth() and wcswidth() (the C library's, but 2 for an
 * ambiguous character under the wide rule), and ncursesw's calls resolve
 * to them, so the layout, the CLI's columns and ncurses's own idea of the
 * cells follow the same rule. The placeholder U+FFFD and the "…" of a cut
 * are ambiguous too: 2 columns under the wide rule. */
#ifndef HUIYI_WIDTH_H
#define HUIYI_WIDTH_H

#include <stddef.h>
#include <stdint.h>

#define HY_WIDTH_TAB 4

/* The rule for ambiguous-width characters: 0 narrow (1 column), 1 wide
 * (2 columns). Set it before drawing; text laid out before is stale. */
void hy_width_set_ambiguous(int wide);
int hy_width_ambiguous_wide(void);
/* Whether cp is East Asian Width "A" (Unicode, as ICU knows it). */
int hy_width_is_ambiguous(uint32_t cp);

/* Columns of one code point as drawn: 0 (combining, ZWJ, variation
 * selectors), 1 or 2; placeholders count their own width. */
int hy_width_cp(uint32_t cp);

/* If cp is drawn as a placeholder, write it (NUL-terminated UTF-8, at most
 * 7 bytes) into buf and return 1; else return 0. */
int hy_width_placeholder(uint32_t cp, char buf[8]);

/* The column after drawing cp at column col (0-based, from the start of
 * the string or line): col + hy_width_cp(cp), except that a TAB goes to
 * the next multiple of HY_WIDTH_TAB. */
size_t hy_width_advance(uint32_t cp, size_t col);

/* Columns of s[0..n) as drawn (invalid UTF-8 counts as U+FFFD, one per
 * byte hy_utf8_decode() rejects; TAB as above). */
size_t hy_width_str(const char *s, size_t n);

/* Bytes of s[0..n) that fit in maxw columns without splitting a character
 * or separating a base character from the zero-width code points after it
 * (nor the two sides of a ZWJ: 👨‍👩‍👧 stays whole); *used (may be NULL)
 * gets their width. TAB and LF never join a character, nor do a space or
 * a control after a ZWJ. */
size_t hy_width_fit(const char *s, size_t n, size_t maxw, size_t *used);

/* Truncate s[0..n) to at most maxw columns, ending in "…" (1 column, 2
 * under the wide rule; left out if maxw is less) when
 * something was cut, into out (NUL-terminated, at most outlen bytes; if
 * outlen is too small for the text, it is cut there the same way).
 * out holds the text as drawn, safe to write to a terminal: placeholders
 * in place of unprintable code points, U+FFFD for invalid UTF-8, spaces for
 * TAB. Returns the width of the result. Never splits a character, and never
 * separates a base character from its zero-width marks. */
size_t hy_width_truncate(const char *s, size_t n, size_t maxw, char *out, size_t outlen);

#endif
