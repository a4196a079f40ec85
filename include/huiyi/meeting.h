/* meeting.h: a parsed meeting readout.
 *
 * hy_meeting_parse() turns clean text (see clean.h) into metadata and agenda
 * sections. It is a pure function: no I/O, no globals, same input → same
 * output. Every string it returns is UTF-8 owned by the struct; a field that
 * cannot be known from the text is NULL (or 0 / empty), never a guess. */
#ifndef HUIYI_MEETING_H
#define HUIYI_MEETING_H

#include <stddef.h>

struct hy_section {
	int n;         /* 1-based position in the agenda */
	char *heading; /* what the item is about, never NULL */
	char *text;    /* the paragraph(s), never NULL */
};

struct hy_meeting {
	char *title;     /* first meaningful line, or NULL */
	char *published; /* "YYYY-MM-DD HH:MM" or "YYYY-MM-DD", or NULL */
	char *date;      /* meeting date "YYYY-MM-DD", or NULL */
	char *body;      /* 县政府, 市政府, 县委 ..., or NULL */
	char *kind;      /* 常务会议, 县长办公会议, 党组会议 ..., or NULL */
	int number;      /* 26 for 第26次; 0 when none */
	char *chair;     /* chair's name, or NULL */
	char *chair_role; /* 县委副书记、县长, or NULL */
	char **attendees; /* 出席: names and units in text order */
	size_t n_attendees;
	char **observers; /* 列席 */
	size_t n_observers;
	char *summary; /* opening paragraph, or NULL */
	struct hy_section *sections;
	size_t n_sections;
};

/* Parse clean UTF-8 text of length len into *m (zeroed first).
 * Returns 0, or HY_ERR_NOMEM (m is then freed and zeroed), or HY_ERR_INVALID
 * when the text holds nothing at all to store (empty after cleaning). */
int hy_meeting_parse(const char *text, size_t len, struct hy_meeting *m);

/* Free everything m owns and zero it. Safe on a zeroed struct. */
void hy_meeting_free(struct hy_meeting *m);

#endif
