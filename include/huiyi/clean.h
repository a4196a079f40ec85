/* clean.h: decoded text → clean text (DESIGN.md §2 clean).
 *
 * In this order:
 *  1. Line ends: CRLF and lone CR → LF; VT, FF, U+2028 and U+2029 → LF.
 *  2. Removed (each counted in controls_removed): C0 controls except LF and
 *     TAB (NUL included), DEL, C1 controls U+0080–U+009F, bidi controls
 *     (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), zero-width
 *     U+200B, U+2060 and U+FEFF (every BOM). ZWJ U+200D and ZWNJ U+200C
 *     stay (emoji and other scripts need them). An ESC (or a C1 CSI/OSC/
 *     DCS/SOS/PM/APC) is removed together with the rest of its escape
 *     sequence, counted once: CSI up to its final byte (`\x1b[2J`), string
 *     sequences up to BEL or ST (`\x1b]52;c;...\x07`, `...\x1b\\`), or to the
 *     end of the line when unterminated, and two-/three-character escapes
 *     (`\x1b(B`, `\x1b7`). No `[2J` fragment survives.
 *  3. NFC (ICU). A single line over 64 MiB is left unnormalised.
 *  4. Pinyin annotations removed (counted in pinyin_removed): `(` or `（`,
 *     one toned pinyin syllable (hy_clean_is_pinyin), `)` or `）`, glued to
 *     the character before it, when that character is Han, or is neither a
 *     letter/digit of another script nor a space, nor the start of the line
 *     (punctuation, symbols or U+FFFD: garbled runs like `?yún)^(qū)` in
 *     scraped pages lose the annotation too). `鄉鎮(辦)`, `(2024)`, `(试行)`,
 *     `(A)`, `(ok)`, `(de)` (no tone), `Abc(wù)` and ` (wù)` are kept.
 *  5. Each line trimmed of leading and trailing spaces (ASCII space, TAB,
 *     NBSP, U+2000–U+200A, U+202F, U+205F, U+3000), and of a lost indent:
 *     two or more `?` at its start before a space or a character outside
 *     ASCII (ideographic spaces a lossy conversion made `?`: `????會議…`).
 *  6. Spam mirrors' advertising strings (hy_clean_strip_ads) and forums'
 *     anti-copying strings (hy_clean_strip_jammer) taken out of the line;
 *     then web-page chrome lines removed (counted in chrome_lines): see
 *     hy_clean_is_chrome.
 *  7. ASCII , ; : ? ! between Chinese characters become ，；：？！, and a
 *     pair ( ) holding Chinese among Chinese （）, the spaces around them
 *     dropped (counted in punct_widened): after Han or Chinese punctuation
 *     (会议,研究 会议指出: 为何?), or after a digit or % before Han
 *     (增长5%,高于); never in numbers, times, Latin words or addresses
 *     (3,000 10:30 GDP(2024) http://), never a ( after a letter or a digit.
 *     hy_clean_punct does this step alone (huiyi reindex, on stored text).
 *  8. Empty lines dropped: the result is the non-empty lines joined by a
 *     single "\n", with no leading, trailing or blank lines and no final
 *     newline. */
#ifndef HUIYI_CLEAN_H
#define HUIYI_CLEAN_H

#include <stddef.h>

struct hy_clean_stats {
	size_t pinyin_removed;   /* annotations removed */
	size_t controls_removed; /* control characters removed */
	size_t chrome_lines;     /* web-page chrome lines removed */
	size_t punct_widened;    /* ASCII marks made full-width */
};

/* Clean text[0..len) (valid UTF-8; an invalid sequence becomes U+FFFD).
 * On success *out is a new NUL-terminated string (free()) and *out_len its
 * length. stats may be NULL. Time is linear in len.
 * Returns 0 or HY_ERR_NOMEM (then *out is NULL). */
int hy_clean(const char *text, size_t len, char **out, size_t *out_len,
	     struct hy_clean_stats *stats);

/* Step 7 alone on s[0..n) (which may hold several lines): a new string in
 * *out (free()), *out_len its length; *count (if not NULL) adds the marks
 * made wide. 0 or HY_ERR_NOMEM. */
int hy_clean_punct(const char *s, size_t n, char **out, size_t *out_len, size_t *count);

/* 1 if s[0..len) is a valid toned pinyin syllable (ASCII letters with tone
 * marks, e.g. "wù", "lǐng", "lüè"), else 0. Exposed for tests.
 * Grammar: optional initial (b p m f d t n l g k h j q x zh ch sh r z c s
 * y w) + a final allowed after that class of initial (a o e ê ai ei ao ou
 * an en ang eng ong er i ia ie iao iu ian in iang ing iong u ua uo uai ui
 * uan un uang ue ü üe üan ün), optionally + erhua "r". Upper case is
 * accepted. Tone marks may be precomposed or combining (U+0304 U+0301
 * U+030C U+0300; the breve U+0306, often typed for the third tone, too);
 * ü may be written ü, u + U+0308, or v. Exactly one tone mark is
 * required, except that a syllable with ü (not plain v) needs none. */
int hy_clean_is_pinyin(const char *s, size_t len);

/* 1 if the line s[0..len) (no LF, already trimmed) is web-page chrome that
 * hy_clean removes, else 0. A line is chrome when
 *  - it is made only of chrome words (字体 大 中 小 打印 关闭 分享到 返回顶部
 *    扫一扫在手机打开当前页 ...; punctuation and spaces ignored), with at
 *    least one word of two or more characters;
 *  - it starts with a navigation or footer phrase (上一篇 下一篇 当前位置
 *    您的位置 版权所有 联系我们 网站地图 发表评论 网友评论 验证码 ...),
 *    or a footer label followed by a colon (主办单位： 技术支持： ...), or
 *    is a breadcrumb (首页 > ...), or carries a registration number
 *    (京ICP备… 公网安备… 网站标识码…), and is at most 300 characters and
 *    has no date or byline label (发布时间： 来源： 编辑： 作者： 日期：
 *    索引号 …, which the parser needs);
 *  - it is only Markdown images / empty links, or only bare URLs.
 * Simplified and traditional forms are both listed. A long paragraph that
 * merely contains 打印 or 版权所有 is never chrome. */
int hy_clean_is_chrome(const char *s, size_t len);

/* Copy the line s (n bytes) into out (n bytes at least) without the
 * advertising strings of spam mirrors (src/text/ads.c: 某某官网入口·
 * (中国)官方网站 where a place's name was); returns the bytes written. */
size_t hy_clean_strip_ads(const char *s, size_t n, char *out);

/* Take out of the line s (n bytes, in place) the anti-copying strings a
 * forum sows into its posts (src/text/jammer.c: "1 S) E9 H4 x( G2 n3 l-
 * l" before the words); returns the bytes left. */
size_t hy_clean_strip_jammer(char *s, size_t n);

#endif
