/* clean.h: decoded text → clean text (DESIGN.md §2 clean).
 *
 * CRLF/CR → LF; BOM removed; NFC; C0/C1 controls except LF and TAB removed
 * (ESC never survives, with the rest of its escape sequence); bidi
 * overrides and stray zero-width characters removed; pinyin annotations glued to a Han character
 * (`務(wù)` → `務`, full-width parentheses too) removed while other
 * parenthesised text (`鄉鎮(辦)`) stays; known web-page chrome lines removed;
 * trailing spaces trimmed, runs of blank lines collapsed. */
#ifndef HUIYI_CLEAN_H
#define HUIYI_CLEAN_H

#include <stddef.h>

struct hy_clean_stats {
	size_t pinyin_removed;   /* annotations removed */
	size_t controls_removed; /* control characters removed */
	size_t chrome_lines;     /* web-page chrome lines removed */
};

/* Clean text[0..len) (valid UTF-8). On success *out is a new NUL-terminated
 * string (free()) and *out_len its length. stats may be NULL.
 * Returns 0 or HY_ERR_NOMEM. */
int hy_clean(const char *text, size_t len, char **out, size_t *out_len,
	     struct hy_clean_stats *stats);

/* 1 if s[0..len) is a valid toned pinyin syllable (ASCII letters with tone
 * marks, e.g. "wù", "lǐng", "lüè"), else 0. Exposed for tests. */
int hy_clean_is_pinyin(const char *s, size_t len);

#endif
