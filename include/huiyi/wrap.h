/* wrap.h: line breaking for the reader (DESIGN.md §5 line breaking).
 *
 * UAX #14 via ICU's line break iterator ("zh"), plus the Chinese rules the
 * iterator leaves open: no line starts with ，。、；：！？）」』》〉】…”’
 * (and their half-width forms used as Chinese punctuation) and none ends
 * with （「『《〈【“‘; runs of —— and …… stay whole. Where a forbidden
 * character would start a line, the character before it moves down with
 * it (the line gets shorter; it never grows past the width). Latin words
 * and numbers (2024年, 23个) are not split unless longer than a line; a
 * wide character that does not fit moves to the next line, never splits.
 * Widths are hy_width_*(). A TAB advances to the next multiple of
 * HY_WIDTH_TAB columns from the start of its line. Text is one paragraph:
 * a '\n' inside it forces a break.
 *
 * Details:
 * - A line break may come before “ ‘ after a wide character and after ” ’
 *   before one (ICU 72 allows neither); never after “‘ nor before ”’.
 * - A number keeps the Han character after it (2024年, 23个, 3.5亿).
 * - When no break the rules allow fits, the line breaks anyway, preferring
 *   in turn: a break that keeps the punctuation rules but splits a word;
 *   one that only keeps —— and …… whole; any character boundary. So a run
 *   of punctuation wider than the line, or a line with a single character
 *   before a 。, may still start the next line with punctuation.
 * - A character is what hy_width_fit() keeps whole: a code point with the
 *   zero-width ones after it (combining marks, variation selectors) and,
 *   after a ZWJ, the next code point (👨‍👩‍👧 is one character, 6 columns
 *   as wcwidth() counts it). A line never breaks inside one.
 * - Spaces and TABs where a line breaks, and the '\n' that ends it, lie in
 *   [end, next): the line's own text [start, end) has no trailing spaces.
 *   Leading spaces stay on their line; if they do not fit before the next
 *   word the line is blank ([start, end) empty).
 * - Empty text gives one empty line. A '\n' ends its line; a final '\n'
 *   does not open another, so "a\n" is one line and "a\n\n" two.
 * - Cost is linear in the text (one ICU pass, one fill pass; a 1,000,000
 *   character paragraph takes tens of milliseconds). */
#ifndef HUIYI_WRAP_H
#define HUIYI_WRAP_H

#include <stddef.h>

struct hy_wrap_line {
	size_t start, end; /* byte range in the text; end excludes the
			    * spaces / newline the line broke at */
	size_t next;       /* where the following line starts */
	size_t width;      /* display columns of [start, end) */
};

struct hy_wrap {
	struct hy_wrap_line *lines;
	size_t n, cap;
};

/* Wrap text[0..len) (UTF-8) at width columns (width >= 1; a character
 * wider than width still gets a line of its own; width 0 is taken as 1).
 * Replaces w's lines. Concatenating text[line.start, line.next) over all
 * lines gives the text back. Returns 0 or HY_ERR_NOMEM (w then holds no
 * lines). */
int hy_wrap_text(struct hy_wrap *w, const char *text, size_t len, size_t width);

void hy_wrap_free(struct hy_wrap *w);

#endif
