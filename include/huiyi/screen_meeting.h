/* screen_meeting.h: one meeting, read (src/ui/screen_meeting.c; its lazy
 * layout and in-meeting search in src/ui/reader.c; DESIGN.md §4). The
 * main loop loads the meeting asked for (hy_effects.load_meeting) and hands
 * it over with hy_model_meeting. */
#ifndef HUIYI_SCREEN_MEETING_H
#define HUIYI_SCREEN_MEETING_H

#include <stddef.h>
#include <stdint.h>

#include "huiyi/meeting.h"

struct hy_model;
struct hy_effects;

/* A visual line of the reader: a piece of one block of the document. */
enum hy_block_kind {
	HY_BLOCK_META = 0, /* "主持  刘锐（县长）" */
	HY_BLOCK_SUMMARY,
	HY_BLOCK_HEADING, /* "§3 heading" */
	HY_BLOCK_TEXT,    /* a section's text */
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
	int section;      /* 0: before the agenda; else 1-based */
	char *label;      /* META, HEADING: the label column (owned), else NULL */
	const char *text; /* the meeting's own string, or `own` */
	char *own;        /* metadata text made for the reader, or NULL */
	size_t len;
	struct hy_bline *lines; /* laid out so far */
	size_t n_lines, lines_cap;
	size_t next; /* where the line after lines[n_lines - 1] starts */
	int done;    /* every line of the block is in `lines` */
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

/* How the next meeting to arrive is to be shown (hy_meeting_open). */
struct hy_meeting_open {
	int section; /* go to this section and its first hit (-1: none) */
	char *query; /* mark these words (owned), or NULL */
	int steps;   /* n/N past the last hit ask the screen below for its
		       * next item (opened from search results) */
};

struct hy_reader {
	int64_t meeting_id;
	struct hy_meeting mt;
	/* t: mt is the meeting converted to the script `shown`
	 * (HY_SCRIPT_STORED: mt is as stored) and `stored` keeps it as it
	 * came; own: the script it is written in (enum hy_script) */
	struct hy_meeting stored;
	int shown, own;
	/* S: the sources it came from (schema v11; 1 for a meeting of one
	 * source or an older database) and the one read now (0: as stored) */
	size_t n_sources, source_k;
	char *source; /* where it was imported from (owned), or NULL */
	int has_meeting;
	size_t meeting_index; /* its position in the list */
	struct hy_block *blocks;
	size_t n_blocks;
	size_t reader_w;      /* width the blocks were laid out at */
	size_t label_w;       /* the label column, in the interface's language */
	struct hy_pos rpos;   /* the reader's first line on screen */
	struct hy_vline *win; /* the lines on screen, from top */
	size_t n_win, win_cap;
	size_t anchor_block, anchor_byte; /* keeps the place across resizes */
	/* layout: characters handed to the line breaker so far (tests check
	 * that opening a long meeting wraps only about a screen); meetings of
	 * up to layout_eager bytes are laid out whole; layout_chunk (0: by
	 * the screen) forces the bytes wrapped at a time (tests) */
	size_t layout_chars, layout_eager, layout_chunk;
	int layout_failed;
	char *query; /* the search in this meeting, or NULL */
	struct hy_hit *hits;
	size_t n_hits, hit;       /* hit: the current one (n_hits when none) */
	size_t hits_cap, hit_max; /* hit_max: the longest hit, in bytes */
	int steps;                /* opened by a screen that steps on (open.steps) */
	struct hy_meeting_open open;
};

/* Ask for meeting `id` (the index-th of the list) to be loaded and shown
 * as `how` says (section -1, query NULL, steps 0: from the top, plain). */
void hy_meeting_open(struct hy_model *m, int64_t id, size_t index, int section, const char *query,
		     int steps, struct hy_effects *fx);

/* The meeting asked for; the model takes ownership of *mt (zeroed). */
int hy_model_meeting(struct hy_model *m, int64_t id, struct hy_meeting *mt);
/* After hy_model_meeting: it came from n sources and shows source k (0:
 * the meeting as stored), read from `from` (a path or an address). */
void hy_model_meeting_sources(struct hy_model *m, size_t n, size_t k, const char *from);

/* The section the reader is in (1-based; 0 before the first). */
int hy_model_section(const struct hy_model *m);

/* How far the reader is, 0-100: by lines when the meeting is laid out
 * whole, else by bytes up to the last line on screen; 100 at the end. */
int hy_model_percent(const struct hy_model *m);

/* Lay block `block` of the open meeting out up to `lines` lines (SIZE_MAX:
 * all of it), as scrolling would. For tests. 0 or a negative hy_err. */
int hy_model_lay_out(struct hy_model *m, size_t block, size_t lines);

/* The reader's place on screen (its first row), and the width and
 * height it lays lines out at (at least 1), from the screen's layout
 * (src/ui/layout.h hy_meeting_layout). */
int hy_model_reader_y(const struct hy_model *m);
size_t hy_model_reader_width(const struct hy_model *m);
size_t hy_model_reader_height(const struct hy_model *m);
/* The label column of metadata lines and headings: the widest label in
 * the language of the interface + 2 (at least 6, at most 14), worked out
 * when the meeting's blocks are made (hy_reader_label_width). */
size_t hy_model_label_width(const struct hy_model *m);
size_t hy_reader_label_width(void);

#endif
