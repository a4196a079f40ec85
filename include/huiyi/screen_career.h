/* screen_career.h: one person's career (src/ui/screen_career.c; DESIGN.md
 * §4 Screens): the roles seen over time drawn as a timeline (a row a role,
 * a bar across the years), below it their meetings, oldest first (Enter
 * opens the selected one), then the people met most often at them. The main loop loads the person asked for
 * (hy_effects.load_career) and hands it over with hy_model_career. */
#ifndef HUIYI_SCREEN_CAREER_H
#define HUIYI_SCREEN_CAREER_H

#include <stddef.h>
#include <stdint.h>

struct hy_model;
struct hy_effects;

/* A role from one date to another ("YYYY-MM-DD"). */
struct hy_career_span {
	char *role, *from, *to;
};

/* One meeting of the career. */
struct hy_career_meeting {
	int64_t meeting;
	char *date; /* NULL when unknown */
	int part;   /* enum hy_ui_part */
	char *role; /* written beside the name, or NULL */
	char *title;
};

/* Someone met at the same meetings, with how many. */
struct hy_career_met {
	int64_t id;
	char *name, *place; /* place "" when unknown */
	long count;
};

/* The people met most often that a career shows, at most. */
#define HY_UI_CAREER_MET 5

struct hy_ui_career {
	int64_t id; /* the person shown (0: none yet) */
	char *name, *place, *first, *last;
	long count[4];                /* per part (enum hy_ui_part) */
	struct hy_career_span *spans; /* oldest first */
	size_t n_spans;
	struct hy_career_meeting *meetings; /* oldest first, undated last */
	size_t n_meetings;
	struct hy_career_met *met; /* most first, up to HY_UI_CAREER_MET */
	size_t n_met;
	size_t sel, top; /* the selected meeting, the first shown */
};

/* Enter on a person: load person id's career and show it. */
void hy_career_open(struct hy_model *m, int64_t id, struct hy_effects *fx);

/* The career asked for: the model takes what *c holds (zeroed after). */
int hy_model_career(struct hy_model *m, struct hy_ui_career *c);

/* Free what a career holds (zeroed after). */
void hy_ui_career_clear(struct hy_ui_career *c);

#endif
