/* fuzz_wrap.c: the first 2 bytes pick the width (1..80), the rest is the
 * text (any bytes) → hy_wrap_text. Invariants (wrap.h): at least one line;
 * lines tile the text (first start 0, each next = the following start,
 * last next = len) so concatenating [start, next) gives the text back;
 * start <= end <= next, all on character boundaries; [end, next) holds
 * only spaces, TABs and at most one final LF; a line's width is the
 * width of its text and is <= width unless the line is one character
 * wider than that. */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"
#include "huiyi/width.h"
#include "huiyi/wrap.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8")) {
		fprintf(stderr, "fuzz_wrap: no UTF-8 locale\n");
		exit(1);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	size_t width = ((size_t)data[0] << 8 | data[1]) % 80 + 1;
	const char *text = (const char *)data + 2;
	size_t len = size - 2;
	unsigned char *b = malloc(len + 1);
	FUZZ_CHECK(b != NULL, "malloc");
	fuzz_boundaries(text, len, b);

	struct hy_wrap w = {0};
	int rc = hy_wrap_text(&w, text, len, width);
	FUZZ_CHECK(rc == 0, "hy_wrap_text returned %d", rc);
	FUZZ_CHECK(w.n >= 1, "no lines");
	FUZZ_CHECK(w.lines[0].start == 0, "first line starts at %zu", w.lines[0].start);
	FUZZ_CHECK(w.lines[w.n - 1].next == len, "last next %zu != len %zu", w.lines[w.n - 1].next,
		   len);
	for (size_t i = 0; i < w.n; i++) {
		const struct hy_wrap_line *l = &w.lines[i];
		FUZZ_CHECK(l->start <= l->end && l->end <= l->next && l->next <= len,
			   "line %zu: start %zu end %zu next %zu len %zu", i, l->start, l->end,
			   l->next, len);
		FUZZ_CHECK(i + 1 == w.n || l->next == w.lines[i + 1].start,
			   "line %zu next %zu != line %zu start %zu", i, l->next, i + 1,
			   w.lines[i + 1].start);
		FUZZ_CHECK(i + 1 == w.n || l->next > l->start, "line %zu is empty and not the last",
			   i);
		FUZZ_CHECK(b[l->start] && b[l->end] && b[l->next],
			   "line %zu: %zu/%zu/%zu not on a character boundary", i, l->start, l->end,
			   l->next);
		for (size_t k = l->end; k < l->next; k++) {
			char c = text[k];
			FUZZ_CHECK(c == ' ' || c == '\t' || (c == '\n' && k + 1 == l->next),
				   "line %zu: byte 0x%02x at %zu in [end,next)", i,
				   (unsigned char)c, k);
		}
		size_t n = l->end - l->start;
		size_t lw = hy_width_str(text + l->start, n);
		FUZZ_CHECK(lw == l->width, "line %zu: width %zu, counted %zu", i, l->width, lw);
		if (lw > width) {
			/* Only one character may be wider than the line: no
			 * whole characters of it fit in one column less. */
			size_t used = 0;
			size_t fit = hy_width_fit(text + l->start, n, lw - 1, &used);
			FUZZ_CHECK(fit == 0,
				   "line %zu: width %zu > %zu and not one "
				   "character (%zu bytes fit in %zu columns)",
				   i, lw, width, fit, lw - 1);
		}
	}
	hy_wrap_free(&w);
	free(b);
	return 0;
}
