/* screen_list.h: the meetings list, the browser's first screen
 * (src/ui/screen_list.c; DESIGN.md §4). Its state is a window of rows
 * paged from the store, never the whole list; the main loop loads what it
 * asks for (hy_effects.rows) and hands the rows back with hy_model_rows. */
#ifndef HUIYI_SCREEN_LIST_H
#define HUIYI_SCREEN_LIST_H

#include <stddef.h>
#include <stdint.h>

struct hy_model;
struct hy_effects;

enum hy_sort { /* the same order as hy_store_sort */
	       HY_MODEL_SORT_DATE = 0,
	       HY_MODEL_SORT_BODY,
	       HY_MODEL_SORT_NUMBER,
	       HY_MODEL_SORT_COUNT
};

/* Room for the store's keyset key of a row, opaque here. */
#define HY_ROW_KEY_MAX 256

/* One row of the meetings list, owned by the model. */
struct hy_row {
	int64_t id;
	char *date, *body, *kind, *chair, *title; /* NULL when unknown */
	int number;                               /* 0: none */
	int n_sections;
	unsigned char key[HY_ROW_KEY_MAX]; /* where to page on from here */
};

/* Which rows the main loop must load. */
enum hy_rows_at {
	HY_ROWS_NONE = 0,
	HY_ROWS_START,  /* the first rows (and the count) */
	HY_ROWS_END,    /* the last rows */
	HY_ROWS_AFTER,  /* rows after the key `key` (forward) */
	HY_ROWS_BEFORE, /* rows before `key` (backward, delivered reversed) */
	HY_ROWS_AT,     /* the list again around the row of `key`, counted:
			 * delivered with hy_model_rows_at (refresh) */
};

struct hy_filter {
	char *from, *to; /* "YYYY-MM-DD" bounds or NULL */
	char *body, *person;
};

/* The list: a window of rows [base, base + n) of total. */
struct hy_list {
	struct hy_row *rows;
	size_t n, cap, base, total;
	int counted;
	size_t sel, top;
	int pending; /* a rows effect is out */
	enum hy_sort sort;
	struct hy_filter filter;
	/* refresh: the database's data_version when the list was counted,
	 * and the meeting to keep selected on the same screen row */
	int64_t db_version;
	int db_seen;
	int64_t keep_id;
	size_t keep_row;
};

/* The effects that fill the first screen. */
void hy_model_start(struct hy_model *m, struct hy_effects *fx);

/* Results of effects. hy_model_rows takes rows delivered for `at` (in list
 * order; HY_ROWS_BEFORE rows already reversed back into list order) and
 * copies them; `total` is the count when it was asked for (else ignored).
 * It may ask for more (e.g. the list was opened at the end). */
int hy_model_rows(struct hy_model *m, enum hy_rows_at at, const struct hy_row *rows, size_t n,
		  int counted, size_t total, struct hy_effects *fx);
/* Rows asked for with HY_ROWS_AT: list rows [base, base + n) of total,
 * the kept row being at `rank` (where it is, or would be, in the list). */
int hy_model_rows_at(struct hy_model *m, size_t base, size_t rank, const struct hy_row *rows,
		     size_t n, size_t total, struct hy_effects *fx);
/* Load the list and its count again, keeping the selected meeting
 * selected on the same screen row (R; and by itself when the database
 * changed, see hy_effects_idle). Does nothing while rows are loading. */
void hy_model_refresh(struct hy_model *m, struct hy_effects *fx);
/* The list's rows came without their count (the browser's start paints
 * the first page before counting a million meetings): ask for the count
 * alone, the rows and the selection kept. hy_model_total takes it. */
void hy_model_count(struct hy_model *m, struct hy_effects *fx);
int hy_model_total(struct hy_model *m, size_t total, struct hy_effects *fx);

size_t hy_model_list_height(const struct hy_model *m); /* rows of the list */
/* Narrow the filter's dates to from..to ("YYYY-MM-DD", the body and
 * person kept) and load the list again (the trend screen's Enter). */
void hy_list_narrow(struct hy_model *m, const char *from, const char *to, struct hy_effects *fx);
/* The active filter as the user would type it ("" when none). */
void hy_model_filter_text(const struct hy_model *m, char *out, size_t len);

#endif
