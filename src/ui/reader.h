/* reader.h: the meeting screen's reader, inside src/ui (reader.c). The
 * document is m->reader.blocks (made by screen_meeting.c); these lay it
 * out as far as it is read, move through it and search it. */
#ifndef HUIYI_UI_READER_H
#define HUIYI_UI_READER_H

#include "huiyi/model.h"

/* Free the meeting and everything laid out (the open request stays). */
void hy_reader_free(struct hy_model *m);
/* The blocks and their lines freed (to be made again). */
void hy_reader_blocks_free(struct hy_model *m);
/* The blocks are made: lay out what is laid out at once, top at rpos. */
void hy_reader_start(struct hy_model *m);
/* After every change: the lines on screen laid out (m->reader.win), again
 * at a new width around the same character; a message if memory ran out. */
void hy_reader_sync(struct hy_model *m);

/* The blocks were made again (the meeting in the other script, the same
 * blocks in the same order): laid out again with block `block` at byte
 * `byte` on top, the search's hits found again in the new text. 0 or
 * HY_ERR_NOMEM. */
int hy_reader_remade(struct hy_model *m, size_t block, size_t byte);

/* Moving: lines down (> 0) or up; the first or last screen; a section
 * (a message when there is none); the next (dir 1) or previous section,
 * the previous first back to the heading of the one on screen. */
void hy_reader_scroll(struct hy_model *m, long lines);
void hy_reader_top(struct hy_model *m);
void hy_reader_bottom(struct hy_model *m);
void hy_reader_section(struct hy_model *m, int section);
void hy_reader_next_section(struct hy_model *m, int dir);

/* Search the meeting for q (NULL or "": none) and show the first hit at
 * or below the top; n (dir 1) and N go from hit to hit, and past the last
 * (first) one ask the screen below for its next item when the meeting was
 * opened by one that steps (m->reader.steps). */
void hy_reader_search(struct hy_model *m, const char *q);
void hy_reader_step(struct hy_model *m, int dir);
/* Opened from search results: q's hits marked, the section shown and
 * the first hit in it current. 0 or HY_ERR_NOMEM. */
int hy_reader_mark(struct hy_model *m, const char *q, int section);

#endif
