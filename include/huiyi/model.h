/* model.h: the browser's state and the only place it changes (DESIGN.md §3).
 *
 * hy_model_update(model, event, effects) applies a key, resize or mouse
 * event and says what the main loop must fetch (rows of the list, a
 * meeting) or do (quit). The main loop runs those effects against the
 * store and hands the results back with hy_model_rows / hy_model_meeting /
 * hy_model_error. hy_view_render (view.h) draws the state into a grid.
 * Nothing here knows curses or sqlite: tests drive a model with scripted
 * events and compare the rendered grid with golden files. */
#ifndef HUIYI_MODEL_H
#define HUIYI_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "huiyi/event.h"
#include "huiyi/meeting.h"
#include "huiyi/wrap.h"

enum hy_screen {
	HY_SCREEN_LIST = 0,
	HY_SCREEN_MEETING,
	HY_SCREEN_HELP,
	HY_SCREEN_RESULTS, /* search results over every meeting */
};

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

struct hy_effects {
	int quit;
	/* rows */
	enum hy_rows_at rows;
	unsigned char key[HY_ROW_KEY_MAX];
	size_t limit;
	int count;             /* also (re)count the list */
	int64_t load_meeting;  /* load this meeting (0: none) */
	/* search results: run m->search from offset `search_from` */
	int search;
	size_t search_from;
};

/* A visual line of the reader: a piece of one block of the document. */
enum hy_block_kind {
	HY_BLOCK_META = 0, /* "主持  刘锐（县长）" */
	HY_BLOCK_SUMMARY,
	HY_BLOCK_HEADING,  /* "§3 heading" */
	HY_BLOCK_TEXT,     /* a section's text */
	HY_BLOCK_BLANK,
};

/* One line of a block: bytes [start, end) of its text (trailing spaces
 * left out, as hy_wrap_text gives them). */
struct hy_bline {
	size_t start, end;
};

/* The reader lays a block out lazily (DESIGN.md §4): `lines` is always a
 * prefix of what hy_wrap_text would give for the whole text at the reader
 * width, extended as the reader moves; memory is two offsets per line laid
 * out, never the cells. */
struct hy_block {
	enum hy_block_kind kind;
	int section;       /* 0: before the agenda; else 1-based */
	char *label;       /* META, HEADING: the label column (owned), else NULL */
	const char *text;  /* the meeting's own string, or `own` */
	char *own;         /* metadata text made for the reader, or NULL */
	size_t len;
	struct hy_bline *lines; /* laid out so far */
	size_t n_lines, lines_cap;
	size_t next;       /* where the line after lines[n_lines - 1] starts */
	int done;          /* every line of the block is in `lines` */
};

/* A line on screen: line `line` of block `block`; next: where the line
 * after it starts. */
struct hy_vline {
	size_t block, line;
	size_t start, end, next; /* bytes of the block's text */
};

/* A line of the reader: (block, line of that block). */
struct hy_pos {
	size_t block, line;
};

struct hy_hit {
	size_t block;
	size_t start, end; /* bytes of the block's text */
};

struct hy_model {
	int w, h;
	enum hy_screen screen, help_from;
	char status[256]; /* a message for the status line; "" for none */
	int status_error;

	/* prompt: "/" search in a meeting, "f" filter in the list */
	int prompt;     /* 0 none; '/' in a meeting, 's' search all, 'f' filter */
	char input[512];
	size_t input_len;

	/* the list: a window of rows [base, base + n) of total */
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
	int readonly; /* the database was opened read-only: the header says so */

	/* the meeting */
	int64_t meeting_id;
	struct hy_meeting m;
	int has_meeting;
	size_t meeting_index;  /* its position in the list */
	struct hy_block *blocks;
	size_t n_blocks;
	size_t reader_w;       /* width the blocks were laid out at */
	struct hy_pos rpos;    /* the reader's first line on screen */
	struct hy_vline *win;  /* the lines on screen, from top */
	size_t n_win, win_cap;
	size_t anchor_block, anchor_byte; /* keeps the place across resizes */
	/* layout: characters handed to the line breaker so far (tests check
	 * that opening a long meeting wraps only about a screen); meetings of
	 * up to layout_eager bytes are laid out whole; layout_chunk (0: by
	 * the screen) forces the bytes wrapped at a time (tests) */
	size_t layout_chars, layout_eager, layout_chunk;
	int layout_failed;
	char *query;           /* the search in this meeting, or NULL */
	struct hy_hit *hits;
	size_t n_hits, hit;    /* hit: the current one (n_hits when none) */
	size_t hits_cap, hit_max; /* hit_max: the longest hit, in bytes */
	size_t help_scroll;

	/* corpus-wide search ("/" in the list) */
	char *search;               /* the query, or NULL */
	struct hy_result *results;
	size_t n_results, results_cap, results_total, results_meetings;
	int results_counted, results_done, results_pending;
	size_t rsel, rtop;
	int open_section;           /* after loading a meeting: go to this
				     * section and its first hit (-1: none) */
	int from_results;           /* the meeting was opened from results */
	long pending_result;        /* n/N ran past the hits: open this result */
};

/* A fresh model for a w×h terminal; the first update should be asked for
 * with hy_model_start. */
void hy_model_init(struct hy_model *m, int w, int h);
void hy_model_free(struct hy_model *m);

/* The effects that fill the first screen. */
void hy_model_start(struct hy_model *m, struct hy_effects *fx);

/* Apply one event. fx is cleared first and then filled with what the main
 * loop must do. Returns 1 if the screen must be drawn again. */
int hy_model_update(struct hy_model *m, const struct hy_event *ev,
		    struct hy_effects *fx);

/* One search result, owned by the model. snippet carries the hits between
 * "\x02" and "\x03" (search.h). */
struct hy_result {
	int64_t meeting;
	int section;
	char *date, *title, *heading, *snippet;
};

/* Results of effects. hy_model_rows takes rows delivered for `at` (in list
 * order; HY_ROWS_BEFORE rows already reversed back into list order) and
 * copies them; `total` is the count when it was asked for (else ignored).
 * It may ask for more (e.g. the list was opened at the end). */
int hy_model_rows(struct hy_model *m, enum hy_rows_at at,
		  const struct hy_row *rows, size_t n, int counted,
		  size_t total, struct hy_effects *fx);
/* Rows asked for with HY_ROWS_AT: list rows [base, base + n) of total,
 * the kept row being at `rank` (where it is, or would be, in the list). */
int hy_model_rows_at(struct hy_model *m, size_t base, size_t rank,
		     const struct hy_row *rows, size_t n, size_t total,
		     struct hy_effects *fx);
/* Load the list and its count again, keeping the selected meeting
 * selected on the same screen row (R; and by itself when the database
 * changed, see hy_effects_idle). Does nothing while rows are loading. */
void hy_model_refresh(struct hy_model *m, struct hy_effects *fx);
/* The meeting asked for; the model takes ownership of *mt (zeroed). */
int hy_model_meeting(struct hy_model *m, int64_t id, struct hy_meeting *mt);
/* Search results asked for with fx->search: n results from the offset
 * asked, and (when counted) the totals. done: no more to come. */
int hy_model_results(struct hy_model *m, const struct hy_result *r, size_t n,
		     int counted, size_t sections, size_t meetings, int done,
		     struct hy_effects *fx);
/* An effect failed: the message goes to the status line. */
void hy_model_error(struct hy_model *m, const char *msg);

/* The section the reader is in (1-based; 0 before the first). */
int hy_model_section(const struct hy_model *m);

/* How far the reader is, 0-100: by lines when the meeting is laid out
 * whole, else by bytes up to the last line on screen; 100 at the end. */
int hy_model_percent(const struct hy_model *m);

/* Lay block `block` of the open meeting out up to `lines` lines (SIZE_MAX:
 * all of it), as scrolling would. For tests. 0 or a negative hy_err. */
int hy_model_lay_out(struct hy_model *m, size_t block, size_t lines);

/* Geometry, shared by the model (scrolling) and the view (drawing). */
size_t hy_model_list_height(const struct hy_model *m); /* rows of the list */
int hy_model_outline_width(const struct hy_model *m);  /* 0: no outline */
size_t hy_model_outline_first(const struct hy_model *m); /* first entry shown */
int hy_model_reader_x(const struct hy_model *m);
int hy_model_reader_y(const struct hy_model *m);
size_t hy_model_reader_width(const struct hy_model *m);
size_t hy_model_reader_height(const struct hy_model *m);
size_t hy_model_label_width(void); /* the label column of metadata lines */
size_t hy_model_results_height(const struct hy_model *m); /* results shown */
/* The active filter as the user would type it ("" when none). */
void hy_model_filter_text(const struct hy_model *m, char *out, size_t len);

#endif
