/* screen_attend.h: the people of one meeting (src/ui/screen_attend.c;
 * DESIGN.md §4 Screens), p in a meeting: the chair, the attendees, the
 * observers and guests with their roles; Enter opens one's career. The
 * main loop loads them (hy_effects.load_attend) and hands them over with
 * hy_model_attend. */
#ifndef HUIYI_SCREEN_ATTEND_H
#define HUIYI_SCREEN_ATTEND_H

#include <stddef.h>
#include <stdint.h>

struct hy_model;
struct hy_effects;

struct hy_attendee {
	int64_t person;
	char *name;
	int part;   /* enum hy_ui_part */
	char *role; /* NULL when none */
};

struct hy_attend {
	int64_t meeting; /* whose people are shown (0: none yet) */
	char *title;     /* the meeting's title, or NULL */
	struct hy_attendee *v;
	size_t n;
	size_t sel, top;
};

/* p in a meeting: the people of meeting id. */
void hy_attend_open(struct hy_model *m, int64_t meeting, struct hy_effects *fx);

/* The people asked for, and the meeting's title (copied). */
int hy_model_attend(struct hy_model *m, int64_t meeting, const char *title,
		    const struct hy_attendee *v, size_t n);

#endif
