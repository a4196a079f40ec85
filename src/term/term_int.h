/* term_int.h: what term.c (the terminal: modes, signals, probes, input)
 * and term_write.c (the writer: grid → bytes) share; nothing else
 * includes it, and with term.c it is the only place curses is named. */
#ifndef HUIYI_TERM_INT_H
#define HUIYI_TERM_INT_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include "huiyi/term.h"

#include <curses.h>
#include <term.h>

#include <signal.h>
#include <stdint.h>
#include <wchar.h>

enum { SIG_TERM, SIG_HUP, SIG_INT, SIG_QUIT, SIG_TSTP, SIG_WINCH, SIG_N };

/* The terminfo strings the writer uses (cap_names). */
enum {
	C_CUP,
	C_CSR,
	C_IND,
	C_INDN,
	C_RI,
	C_RIN,
	C_IL1,
	C_IL,
	C_DL1,
	C_DL,
	C_EL,
	C_ED,
	C_HOME,
	C_SGR0,
	C_BOLD,
	C_DIM,
	C_SMUL,
	C_REV,
	C_SETAF,
	C_SETAB,
	C_OP,
	C_CUU1,
	C_CUU,
	C_CUD,
	C_CUF,
	C_CUB,
	C_CUB1,
	C_HPA,
	C_CR,
	C_CLEAR,
	C_SC,
	C_RC,
	C_N
};

/* Roles of the screen's cells (t->prev) beyond the grid's: erased by the
 * terminal, and not known. */
enum { ROLE_ERASED = 255, ROLE_UNKNOWN = 254 };

/* Attributes as set on the terminal: HY_STYLE_* bits, colours (-1: the
 * terminal's own). */
struct sgr {
	int attr;
	short fg, bg;
};

struct hy_term {
	SCREEN *scr;
	WINDOW *kw; /* a pad keys are read through: reading never refreshes */
	/* the writer: capabilities, the bytes of a frame, the cursor (x < 0:
	 * unknown), the attributes last set, the scroll region (rtop < 0:
	 * unknown); prev (below) is what the screen shows */
	char *cap[C_N];
	int am, xenl, ansi_cup;
	char *ob;
	size_t olen, ocap;
	int ofail;
	int y, x, rtop, rbot, cur_ok;
	/* left and right margins: the terminal has them (DECLRMM, as its
	 * answer to DECRQM said), they are enabled now, and the columns
	 * [lm0, lm1) they hold (lm1 0: the whole width). They stay set
	 * between frames: a line scrolled beside the outline sends none. */
	int lrmm, lrmm_on, lm0, lm1;
	struct sgr cur;
	struct sgr rs[HY_ROLE_COUNT];
	unsigned char *chg; /* a row's changed cells */
	int chg_n, rows_n;
	uint32_t *hn, *ho; /* rows' hashes: the grid's, the screen's */
	/* the cursor and attributes the terminal has saved (sc), and where
	 * the last run of cells of the frame before began: a run that
	 * begins at the same place frame after frame (the status line's
	 * percentage) is reached by rc, two bytes */
	int slot_y, slot_x, slot_ok, last_y, last_x, run_y, run_x;
	struct sgr slot_sgr, last_sgr, run_sgr;
	int *votes;
	enum hy_theme theme; /* the roles' colours (theme.h) */
	struct hy_grid prev; /* the frame on the screen; empty: unknown */
	int need_full;       /* next draw writes every cell */
	int cursor;          /* cursor visibility set last: 0, 1; -1 unknown */
	struct sigaction old[SIG_N];
	unsigned char caught[SIG_N];  /* old[i] must be put back */
	char paste[HY_PASTE_MAX + 4]; /* the last HY_EV_PASTE's text */
	char raw[HY_PASTE_MAX];       /* its bytes as they came */
	/* Input: bytes read from the terminal, not yet taken: in[pos..len) */
	unsigned char in[65536];
	size_t pos, len;
	mbstate_t mb;  /* text is decoded as the locale says, as ncurses did */
	int keys[2];   /* the pipe ncurses reads: escape sequences, whole */
	FILE *keys_in; /* keys[0] as ncurses's input stream */
	int fwd;       /* bytes were handed to ncurses: ask it before more */
	int probe;     /* the ambiguous-width probe waits for its report */
	int bgprobe;   /* the background query waits for its answer */
	int mrprobe;   /* the margins' query (DECRQM 69) waits for its answer */
	/* the start of a cursor position report whose rest has not come */
	unsigned char rep[24];
	size_t rep_n;
	long rep_ms; /* when it came */
};

/* The writer (term_write.c). */
void hy_term_load_caps(struct hy_term *t);    /* terminfo's strings, once */
void hy_term_writer_reset(struct hy_term *t); /* nothing known of the screen */
int hy_term_flush_out(struct hy_term *t);     /* the frame's bytes out */

/* The ambiguous-width probe (hy_term_probe_ambiguous): one character at
 * row HY_TERM_PROBE_ROW, column 1, then a cursor position request; its
 * answer is read by term_read.c. */
#define HY_TERM_PROBE_ROW 2

/* term.c: what its signal handlers set, read and cleared by hy_term_read
 * (term_read.c); the quit signal for the exit status */
extern volatile sig_atomic_t hy_term_quit_flag, hy_term_quit_sig, hy_term_tstp_flag,
	hy_term_int_flag;
int hy_term_sync_size(struct hy_term *t); /* LINES and COLS after a resize */
void hy_term_suspend(struct hy_term *t);  /* Ctrl-Z: the shell's, then ours */

#endif
