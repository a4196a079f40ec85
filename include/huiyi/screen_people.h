/* screen_people.h: the people of the stored meetings, a table like the
 * meetings list (src/ui/screen_people.c; DESIGN.md §4 Screens): sorted
 * (s: by count, name, last seen), filtered (f: dates, body, a piece of the
 * name), paged from the store a window at a time, each read from a row
 * already loaded (keyset), never loaded whole; Enter opens a person's career (screen_career.h). The main loop
 * loads what it asks for (hy_effects.people) and hands the rows back with
 * hy_model_people. */
#ifndef HUIYI_SCREEN_PEOPLE_H
#define HUIYI_SCREEN_PEOPLE_H

#include <stddef.h>
#include <stdint.h>

#include "huiyi/screen_list.h"

struct hy_model;
struct hy_effects;

/* The parts a person plays in a meeting, in the store's order (people.h
 * enum hy_part). */
enum hy_ui_part { HY_UI_CHAIR = 0, HY_UI_ATTENDEE, HY_UI_OBSERVER, HY_UI_INVITED, HY_UI_PARTS };

/* "chair", "present", "observer", "guest" (主持 出席 列席 应邀), translated */
const char *hy_ui_part_label(int part);
/* The widest of them and the column's header ("As"), in columns: the
 * width of a column of them (at least 4). */
int hy_ui_part_width(void);

/* The orders of people.h's enum hy_people_sort. */
enum hy_people_order {
	HY_PEOPLE_SORT_COUNT = 0, /* most meetings first */
	HY_PEOPLE_SORT_NAME,      /* by pinyin */
	HY_PEOPLE_SORT_LAST,      /* seen most recently first */
	HY_PEOPLE_SORT_N
};

/* One row of the people table, owned by the model. */
struct hy_person_row {
	int64_t id;
	char *name, *place;      /* place "" when unknown */
	long count[HY_UI_PARTS]; /* meetings per part */
	long total;
	char *first, *last, *role; /* NULL when unknown */
};

/* The table: rows [base, base + n) of total, loaded around the selection. */
struct hy_people {
	struct hy_person_row *rows;
	size_t n, cap, base, total;
	int counted, pending;
	size_t asked; /* rows asked for by the effect out */
	size_t sel, top;
	enum hy_people_order sort;
	struct hy_filter filter; /* person: a piece of the name */
};

/* p in the list: the people screen, from the top. */
void hy_people_open(struct hy_model *m, struct hy_effects *fx);

/* Rows asked for with hy_effects.people: rows [offset, offset + n) of the
 * table (copied), and, when counted, how many there are. */
int hy_model_people(struct hy_model *m, size_t offset, const struct hy_person_row *rows, size_t n,
		    int counted, size_t total, struct hy_effects *fx);

size_t hy_model_people_height(const struct hy_model *m); /* rows shown */

#endif
