/* script.h: the other script, for reading (issue 15): which script a
 * text is written in, and a text converted to the other with OpenCC
 * (libopencc: phrase-level, 頭髮 → 头发, not character by character).
 * The stored text is never changed: these make copies for the screen
 * and for `huiyi show --script`. */
#ifndef HUIYI_SCRIPT_H
#define HUIYI_SCRIPT_H

#include <stddef.h>

struct hy_meeting;

enum hy_script {
	HY_SCRIPT_STORED = 0, /* as stored: no conversion */
	HY_SCRIPT_SIMPLIFIED,
	HY_SCRIPT_TRADITIONAL,
};

/* The script s[0..n) is written in: HY_SCRIPT_TRADITIONAL when more than
 * one Han character in twenty has a simplified form of its own (the fold
 * of fold.h maps it to another Han character), else
 * HY_SCRIPT_SIMPLIFIED (also for a text with no Han at all). */
enum hy_script hy_script_of(const char *s, size_t n);

/* s[0..n) converted to `to` (SIMPLIFIED: OpenCC's t2s; TRADITIONAL: s2t)
 * in a new string (*out, free()). OpenCC's converters are opened on first
 * use and kept. Returns 0; HY_ERR_NOMEM; HY_ERR_INVALID when OpenCC's
 * dictionaries cannot be opened (hy_script_error() says why). */
int hy_script_convert(enum hy_script to, const char *s, size_t n, char **out);

/* What went wrong in the last failed hy_script_convert, in words. */
const char *hy_script_error(void);

/* The script of a meeting: of its title, opening and sections. */
enum hy_script hy_meeting_script(const struct hy_meeting *m);

/* dst: a copy of src with every text field (title, organ, place, kind,
 * people, roles, units, opening, headings, sections) converted to `to`;
 * dates and numbers as they are. dst is zeroed first; on failure it is
 * left empty. Returns 0, HY_ERR_NOMEM or HY_ERR_INVALID (as
 * hy_script_convert). */
int hy_meeting_to_script(const struct hy_meeting *src, enum hy_script to, struct hy_meeting *dst);

#endif
