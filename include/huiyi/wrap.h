/* wrap.h: line breaking for the reader (DESIGN.md §5 line breaking).
 *
 * UAX #14 via ICU's line break iterator, plus the Chinese rules the
 * iterator leaves open: no line starts with ，。、；：！？）」』》〉】…”’
 * (and their half-width forms used as Chinese punctuation) and none ends
 * with （「『《〈【“‘; runs of —— and …… stay whole. Where a forbidden
 * character would start a line, the character before it moves down with
 * it (the line gets shorter; it never grows past the width). Latin words
 * and numbers (2024年, 23个) are not split unless longer than a line; a
 * wide character that does not fit moves to the next line, never splits.
 * Widths are hy_width_*(). A TAB advances to the next multiple of 4
 * columns. Text is one paragraph: a '\n' inside it forces a break. */
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
 * wider than width still gets a line of its own). Replaces w's lines.
 * Concatenating text[line.start, line.next) over all lines gives the text
 * back. Returns 0 or HY_ERR_NOMEM. */
int hy_wrap_text(struct hy_wrap *w, const char *text, size_t len,
		 size_t width);

void hy_wrap_free(struct hy_wrap *w);

#endif
