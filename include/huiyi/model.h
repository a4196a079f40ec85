/* model.h: the browser's state and the only place it changes (DESIGN.md §3).
 *
 * hy_model_update(model, event, effects) applies a key, resize or mouse
 * event and says what the main loop must fetch (rows of the list, a
 * meeting, search results) or do (quit). The main loop runs those effects
 * against the store and hands the results back to the screen that asked
 * (hy_model_rows, hy_model_meeting, hy_model_results: screen_*.h) or
 * reports a failure with hy_model_error. hy_view_render (view.h) draws the
 * state into a grid. Nothing here knows curses or sqlite: tests drive a
 * model with scripted events and compare the rendered grid with golden
 * files.
 *
 * The browser is a stack of screens. Each screen has its own state, update
 * and view, in a header and a file of its own (screen_list.h and
 * src/ui/screen_list.c, …); the model owns only what they share: the size,
 * the status line, the prompt and the stack, and routes each event to the
 * screen on top (src/ui/model.c). DESIGN.md §4 says how a screen is added. */
#ifndef HUIYI_MODEL_H
#define HUIYI_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "huiyi/event.h"
#include "huiyi/screen_attend.h"
#include "huiyi/screen_career.h"
#include "huiyi/screen_help.h"
#include "huiyi/screen_list.h"
#include "huiyi/screen_meeting.h"
#include "huiyi/screen_people.h"
#include "huiyi/screen_results.h"
#include "huiyi/screen_trend.h"

enum hy_screen {
	HY_SCREEN_LIST = 0,
	HY_SCREEN_MEETING,
	HY_SCREEN_HELP,
	HY_SCREEN_RESULTS, /* search results over every meeting */
	HY_SCREEN_PEOPLE,  /* everyone, a table */
	HY_SCREEN_CAREER,  /* one person's roles and meetings */
	HY_SCREEN_ATTEND,  /* one meeting's people */
	HY_SCREEN_TREND,   /* the results' search per period */
	HY_SCREEN_COUNT
};

/* What the main loop must do after an update (effects.h runs it). */
struct hy_effects {
	int quit;
	/* rows of the list */
	enum hy_rows_at rows;
	unsigned char key[HY_ROW_KEY_MAX];
	size_t limit;
	int count;            /* also (re)count the list */
	int count_alone;      /* count the list, its rows kept (hy_model_count) */
	int64_t load_meeting; /* load this meeting (0: none) */
	size_t load_source;   /* …as its source k (issue 13's S; 0: as stored) */
	/* search results: run m->results.query from offset `search_from` */
	int search;
	size_t search_from;
	/* people: rows of m->people's table from `people_from`, and their
	 * count when people_count; people_anchor (0: none) a row already
	 * loaded, row people_anchor_at of the table, to read the page from
	 * (people.h hy_people_query.anchor), people_total the rows known */
	int people;
	size_t people_from, people_limit;
	int people_count;
	int64_t people_anchor;
	size_t people_anchor_at, people_total;
	int64_t load_career; /* a person's career (0: none) */
	int64_t load_attend; /* a meeting's people (0: none) */
	/* the trend screen's counts: 1 + the grouping (0: none) */
	int trend;
};

/* Screens stacked deeper than this replace the one on top. */
#define HY_SCREEN_DEPTH 16

struct hy_model {
	int w, h;
	/* the stack of screens, stack[0] the list; `screen` is the one on
	 * top (stack[depth - 1]) */
	enum hy_screen screen;
	enum hy_screen stack[HY_SCREEN_DEPTH];
	size_t depth;
	/* what each screen of the stack shows (a meeting, a person; 0 for
	 * none) and its selection, set by the screen: a screen can be in the
	 * stack twice (a meeting, its people, a career, another meeting), one
	 * state for both, so the lower one, on top again (shown), loads what
	 * it showed again */
	int64_t stack_id[HY_SCREEN_DEPTH];
	size_t stack_sel[HY_SCREEN_DEPTH];
	char status[256]; /* a message for the status line; "" for none */
	int status_error;
	int readonly; /* the database was opened read-only: the header says so */
	/* the script meetings are shown in (enum hy_script, script.h):
	 * HY_SCRIPT_STORED, or one a meeting in the other is converted to
	 * (t; the configuration's `set script`) */
	int script_view;
	/* the outline beside a meeting's text hidden (o; the configuration's
	 * `set outline off`): the text takes the whole width, and scrolling
	 * it is one scroll of the terminal's, as less does */
	int outline_off;
	/* the outline follows the terminal (`set outline auto`, the
	 * browser's default until o is pressed): beside the text only where
	 * the terminal has left and right margins (margins: it said so),
	 * which scroll the text alone; elsewhere every scrolled line would
	 * write the outline's rows again (the status line names o then) */
	int outline_auto, margins;
	/* y, Y: text for the clipboard (owned), what it is ("§3"), until
	 * the main loop sends it to the terminal (hy_model_take_copy) */
	char *copy;
	char copy_what[64];

	/* the prompt, opened by the screen on top, which gets its Enter */
	int prompt; /* 0 none; '/' in a meeting, 's' search all, 'f' filter */
	char input[512];
	size_t input_len;

	/* a screen asks the one below it for its next (1) or previous (-1)
	 * item after `step_from` (n past the last hit of a meeting opened
	 * from search results); the model passes it on */
	int step;
	int64_t step_from;

	/* each screen's own state */
	struct hy_list list;
	struct hy_reader reader;
	struct hy_results results;
	struct hy_help help;
	struct hy_people people;
	struct hy_ui_career career;
	struct hy_attend attend;
	struct hy_trend_screen trend;
};

/* A fresh model for a w×h terminal; the first update should be asked for
 * with hy_model_start (screen_list.h). */
void hy_model_init(struct hy_model *m, int w, int h);
void hy_model_free(struct hy_model *m);

/* Apply one event. fx is cleared first and then filled with what the main
 * loop must do. Returns 1 if the screen must be drawn again. */
int hy_model_update(struct hy_model *m, const struct hy_event *ev, struct hy_effects *fx);

/* An effect failed: the message goes to the status line. */
void hy_model_error(struct hy_model *m, const char *msg);

/* The text y or Y asked to copy (malloc()ed, the caller's; NULL when
 * none), and what it is in *what (at least 64 bytes). */
char *hy_model_take_copy(struct hy_model *m, char *what, size_t n);

/* The most a copy sends (bytes of UTF-8): terminals cut OSC 52 strings
 * (xterm's default 1 MB of base64, tmux's ~1 MB, some far less). */
#define HY_COPY_MAX 100000

#endif
