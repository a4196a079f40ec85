/* term.c: the ncursesw backend (term.h): grid → screen, keys → events.
 *
 * The only file that includes curses. It draws a grid by diffing it
 * against what the terminal shows and writing the changes itself, with
 * terminfo's strings (the writer, below: scrolling by the terminal,
 * shortest moves, SGR only on a change); ncurses sets the modes and
 * parses keys, and its doupdate() is used only to come back from Ctrl-Z.
 * Input: this file reads the terminal itself, in big
 * chunks (ncurses reads it a byte and a poll() at a time: a megabyte pasted
 * took seconds). Text and control bytes become key events here; a paste
 * (ESC [200~ … ESC [201~) becomes one event; only escape sequences (keys,
 * mouse) are handed to ncurses, written whole to the pipe it reads as its
 * input, so it parses them as before and the order of keys is kept. The
 * waits are poll()s, so signals (quit, Ctrl-Z, resize) are seen. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include "huiyi/term.h"

#include "huiyi/err.h"
#include "huiyi/utf8.h"

#include <curses.h>
#include <term.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

/* The only mutable globals (DESIGN.md §3): set by signal handlers, read
 * and cleared by hy_term_read. quit_sig: the signal that asked to quit
 * (SIGHUP too when the terminal hung up without one), for the exit
 * status. */
static volatile sig_atomic_t quit_flag;
static volatile sig_atomic_t quit_sig;
static volatile sig_atomic_t tstp_flag;
static volatile sig_atomic_t int_flag; /* Ctrl-C: an event, not a quit */

enum { SIG_TERM, SIG_HUP, SIG_INT, SIG_QUIT, SIG_TSTP, SIG_WINCH, SIG_N };
static const int sig_nums[SIG_N] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGWINCH};

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
	/* the start of a cursor position report whose rest has not come */
	unsigned char rep[24];
	size_t rep_n;
	long rep_ms; /* when it came */
};

static void load_caps(struct hy_term *t);
static void writer_reset(struct hy_term *t);
static int flush_out(struct hy_term *t);

/* The ambiguous-width probe (hy_term_probe_ambiguous): one character at
 * row PROBE_ROW, column 1, then a cursor position request. */
#define PROBE_ROW 2

/* Bracketed paste (xterm mode 2004): the terminal marks pasted text with
 * ESC [200~ … ESC [201~, so a paste is one edit, not a storm of keys, and
 * a pasted Esc or Enter is text, not a command. On while the browser runs,
 * off when it stops, suspends or leaves. */
static void bracketed_paste(int on)
{
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

static void on_quit(int sig)
{
	if (!quit_flag)
		quit_sig = sig;
	quit_flag = 1;
}

static void on_int(int sig)
{
	(void)sig;
	int_flag = 1;
}

static void on_tstp(int sig)
{
	(void)sig;
	tstp_flag = 1;
}

/* TERM as it may appear in a message: printable ASCII, at most 40. */
static void safe_name(const char *s, char *out, size_t outlen)
{
	size_t n = 0;

	for (; *s && n + 1 < outlen && n < 40; s++)
		out[n++] = *s > 0x20 && *s < 0x7f ? *s : '?';
	out[n] = '\0';
}

/* Check TERM before ncurses sees it, so every refusal is one clear line. */
static int check_term(const char *term, char *err, size_t errlen)
{
	char name[48];
	int errret = 0;
	char *cup;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "the browser needs a terminal on standard "
				  "input and output (for scripts: huiyi list, "
				  "huiyi show)");
	if (!term || !*term)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "TERM is not set, cannot show the browser "
				  "(set TERM to your terminal, e.g. "
				  "xterm-256color)");
	safe_name(term, name, sizeof name);
	if (strcmp(term, "dumb") == 0)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "TERM=dumb cannot show the browser (set "
				  "TERM to your terminal, e.g. "
				  "xterm-256color)");
	if (setupterm(term, STDOUT_FILENO, &errret) != OK) {
		if (errret == -1)
			return hy_err_set(err, errlen, HY_ERR_INVALID,
					  "no terminfo database to look up "
					  "TERM=%s (install ncurses-base, or "
					  "set TERM=xterm-256color)",
					  name);
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "TERM=%s is a terminal this system does "
				  "not know (set TERM to your terminal, e.g. "
				  "xterm-256color)",
				  name);
	}
	cup = tigetstr("cup");
	del_curterm(cur_term);
	if (!cup || cup == (char *)-1)
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "TERM=%s cannot move the cursor, cannot "
				  "show the browser (set TERM to your "
				  "terminal, e.g. xterm-256color)",
				  name);
	return 0;
}

/* Install our handlers; keep what was there to put it back. SIGWINCH is
 * left to ncurses (it turns it into KEY_RESIZE) but must not be ignored;
 * the others stay ignored if they were (nohup, a shell without job
 * control), but SIGTERM. SIGQUIT (Ctrl-\) quits like SIGINT instead of
 * leaving the terminal in raw mode behind a core dump. */
static void catch_signals(struct hy_term *t)
{
	for (int i = 0; i < SIG_N; i++) {
		struct sigaction sa;
		int ignored;

		if (sigaction(sig_nums[i], NULL, &t->old[i]) != 0)
			continue;
		ignored = t->old[i].sa_handler == SIG_IGN && !(t->old[i].sa_flags & SA_SIGINFO);
		memset(&sa, 0, sizeof sa);
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = SA_RESTART;
		if (i == SIG_WINCH) {
			if (!ignored)
				continue;
			sa.sa_handler = SIG_DFL;
		} else if (i == SIG_TERM || !ignored) {
			sa.sa_handler = i == SIG_TSTP ? on_tstp : i == SIG_INT ? on_int : on_quit;
		} else {
			continue;
		}
		if (sigaction(sig_nums[i], &sa, NULL) == 0)
			t->caught[i] = 1;
	}
}

static void restore_signals(struct hy_term *t)
{
	/* ncurses's own SIGWINCH handler stays: it only sets a flag, and
	 * ncurses installs it once per process. */
	for (int i = 0; i < SIG_N; i++) {
		if (t->caught[i])
			sigaction(sig_nums[i], &t->old[i], NULL);
		t->caught[i] = 0;
	}
}

/* Roles → attributes and colours, for the theme (theme.h). With
 * NO_COLOR or a terminal without colours: attributes only. */
static void map_roles(struct hy_term *t)
{
	const struct hy_role_style *map = hy_theme_roles(t->theme);
	const char *nc = getenv("NO_COLOR");
	int colour = !(nc && *nc) && has_colors() && start_color() == OK && COLORS >= 8 &&
		     t->cap[C_SETAF] && t->cap[C_SETAB];

	for (int r = 0; r < HY_ROLE_COUNT; r++) {
		t->rs[r].attr = colour ? map[r].attr : map[r].mono;
		t->rs[r].fg = t->rs[r].bg = -1;
		if (!colour || (map[r].fg >= COLORS || map[r].bg >= COLORS)) {
			t->rs[r].attr = map[r].mono;
			continue;
		}
		t->rs[r].fg = map[r].fg < 0 ? -1 : map[r].fg;
		t->rs[r].bg = map[r].bg < 0 ? -1 : map[r].bg;
	}
}

void hy_term_set_theme(struct hy_term *t, enum hy_theme theme)
{
	set_term(t->scr);
	t->theme = theme;
	map_roles(t);
	t->need_full = 1; /* every cell again, in its new colours */
}

/* Make ncurses agree with the kernel about the size (after a stop, or a
 * resize it missed). Returns 1 if the size changed. */
static int sync_size(struct hy_term *t)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0)
		return 0;
	if (ws.ws_row == LINES && ws.ws_col == COLS)
		return 0;
	resize_term(ws.ws_row, ws.ws_col);
	t->need_full = 1;
	t->rtop = -1;
	return 1;
}

int hy_term_open(struct hy_term **out, char *err, size_t errlen)
{
	const char *term = getenv("TERM");
	struct hy_term *t;
	int rc;

	*out = NULL;
	rc = check_term(term, err, errlen);
	if (rc)
		return rc;
	t = calloc(1, sizeof *t);
	if (!t)
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
	t->cursor = -1;
	t->need_full = 1;
	t->x = t->y = t->rtop = t->rbot = -1;
	quit_flag = 0;
	quit_sig = 0;
	tstp_flag = 0;
	t->keys[0] = t->keys[1] = -1;
	if (pipe(t->keys) != 0 || fcntl(t->keys[0], F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(t->keys[1], F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(t->keys[1], F_SETFL, O_NONBLOCK) != 0 ||
	    !(t->keys_in = fdopen(t->keys[0], "r"))) {
		rc = hy_err_set(err, errlen, HY_ERR_IO, "cannot start the terminal: %s",
				strerror(errno));
		if (t->keys[0] >= 0)
			close(t->keys[0]);
		if (t->keys[1] >= 0)
			close(t->keys[1]);
		free(t);
		return rc;
	}
	/* Before newterm, so ncurses keeps its hands off these signals. */
	catch_signals(t);
	/* The size comes from the terminal, not from $LINES / $COLUMNS. */
	use_env(FALSE);
	use_tioctl(TRUE);
	/* ncurses sets the terminal's modes through stdout, and reads its
	 * keys from the pipe that hy_term_read fills */
	t->scr = newterm(term, stdout, t->keys_in);
	if (!t->scr) {
		char name[48];
		restore_signals(t);
		fclose(t->keys_in);
		close(t->keys[1]);
		free(t);
		safe_name(term, name, sizeof name);
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "cannot start the terminal (TERM=%s)", name);
	}
	set_term(t->scr);
	load_caps(t);
	cbreak();
	noecho();
	nonl();
	/* keys are read through a pad: wget_wch on a window refreshes it
	 * first, and the screen is ours (the writer), not ncurses' */
	t->kw = newpad(1, 1);
	if (!t->kw) {
		char name[48];
		endwin();
		delscreen(t->scr);
		restore_signals(t);
		fclose(t->keys_in);
		close(t->keys[1]);
		free(t);
		safe_name(term, name, sizeof name);
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "cannot start the terminal (TERM=%s)",
				  name);
	}
	intrflush(t->kw, FALSE);
	keypad(t->kw, TRUE);
	meta(t->kw, TRUE);
	/* 0: an escape sequence reaches ncurses whole (take), so it has
	 * nothing to wait for; take waited for a lone Esc's rest */
	set_escdelay(0);
	/* every button's report is asked for, and mouse_event keeps what the
	 * browser uses: a report ncurses was not asked for (a release, the
	 * right button) sends it reading on for one it was, from the pipe it
	 * reads, which only this code fills: the input stopped there */
	mousemask(ALL_MOUSE_EVENTS, NULL);
	mouseinterval(0);
	map_roles(t);
	if (curs_set(0) != ERR)
		t->cursor = 0;
	bracketed_paste(1);
	*out = t;
	return 0;
}

void hy_term_close(struct hy_term *t)
{
	if (!t)
		return;
	set_term(t->scr);
	writer_reset(t);
	flush_out(t);
	bracketed_paste(0);
	endwin();
	restore_signals(t);
	delwin(t->kw);
	delscreen(t->scr);
	fclose(t->keys_in);
	close(t->keys[1]);
	hy_grid_free(&t->prev);
	for (int i = 0; i < C_N; i++)
		free(t->cap[i]);
	free(t->ob);
	free(t->chg);
	free(t->hn);
	free(t->ho);
	free(t->votes);
	free(t);
}

int hy_term_quit_signal(const struct hy_term *t)
{
	(void)t;
	return quit_flag ? (int)quit_sig : 0;
}

void hy_term_size(struct hy_term *t, int *w, int *h)
{
	set_term(t->scr);
	*w = COLS;
	*h = LINES;
}

int hy_term_probe_ambiguous(struct hy_term *t)
{
	const char *u7;

	set_term(t->scr);
	u7 = tigetstr("u7");
	if (LINES < PROBE_ROW || COLS < 4 || !u7 || u7 == (char *)-1 || strcmp(u7, "\033[6n") != 0)
		return -1;
	/* U+25BD, as Vim asks; the first draw clears it away */
	printf("\033[%d;1H\xe2\x96\xbd\033[6n", PROBE_ROW);
	fflush(stdout);
	t->probe = 1;
	/* the writer no longer knows where the cursor is, nor that cell */
	t->x = t->y = -1;
	if (t->prev.cells && t->prev.h >= PROBE_ROW)
		t->prev.cells[(size_t)(PROBE_ROW - 1) * (size_t)t->prev.w].role = ROLE_UNKNOWN;
	return 0;
}

int hy_term_probe_background(struct hy_term *t)
{
	set_term(t->scr);
	/* ESC ] 11 ; ? ST: xterm, VTE, kitty, iTerm2, WezTerm and tmux
	 * answer; the others ignore it */
	fputs("\033]11;?\033\\", stdout);
	fflush(stdout);
	t->bgprobe = 1;
	return 0;
}

/* Nothing that could start or bend a control sequence reaches the
 * terminal: C0, DEL, C1, and the bidi embeddings, overrides and isolates
 * (they would reorder the rest of the line). */
static int unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* Left out of what is drawn although the grid keeps them: ZWJ and the
 * emoji/text presentation selectors (a terminal that honours them draws
 * a different number of columns than wcwidth() counted), and the other
 * invisible format characters wcwidth() counts 0 that terminals disagree
 * on (some draw them as a visible box): ZWSP, ZWNJ, the word joiner and
 * invisible operators, the deprecated format controls, BOM / ZWNBSP, the
 * Mongolian vowel separator, interlinear annotation marks and tags. */
static int dropped(uint32_t cp)
{
	return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFE0E || cp == 0xFE0F ||
	       cp == 0xFEFF || cp == 0x180E || (cp >= 0x2060 && cp <= 0x2064) ||
	       (cp >= 0x206A && cp <= 0x206F) || (cp >= 0xFFF9 && cp <= 0xFFFB) || cp == 0xE0001 ||
	       (cp >= 0xE0020 && cp <= 0xE007F);
}

/* Cell text → base character + combining marks for setcchar. Returns the
 * base's width per wcwidth(), which the caller checks. */
static int cell_wchars(const char *s, wchar_t out[CCHARW_MAX + 1])
{
	size_t len = strlen(s), n = 0;
	int w = -1;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int bad;
		i += hy_utf8_next(s + i, len - i, &cp, &bad);
		if (n == 0) {
			if (bad || unsafe(cp))
				cp = HY_UTF8_REPLACEMENT;
			w = wcwidth((wchar_t)cp);
			if (w < 1)
				break; /* no base character */
			out[n++] = (wchar_t)cp;
			continue;
		}
		if (bad || unsafe(cp) || dropped(cp) || wcwidth((wchar_t)cp) != 0)
			continue;
		if (n < CCHARW_MAX)
			out[n++] = (wchar_t)cp;
	}
	out[n] = L'\0';
	return n ? w : -1;
}

static int same_cell(const struct hy_cell *a, const struct hy_cell *b)
{
	return a->width == b->width && a->role == b->role && strcmp(a->text, b->text) == 0;
}

/* The writer (issue 19 item 6): the grid goes to the terminal through our
 * own diff, not ncurses' doupdate. What the terminal shows is kept in
 * t->prev (a cell erased by the terminal has role ROLE_ERASED, one whose
 * look is not known ROLE_UNKNOWN), with the cursor, the attributes last
 * set and the scroll region. A frame: rows that moved (scrolling) are
 * moved by the terminal (csr and ind / indn, or dl and il), the region
 * left set for the next frame; then each row's changed cells, with the
 * cheapest cursor motion the terminfo entry offers, one SGR only when the
 * attributes change (none for a blank whose look is the same), erase to
 * the end of the line for a blank tail; nothing at the end of a frame. */

static const char *const cap_names[C_N] = {
	"cup", "csr",  "ind",  "indn", "ri",   "rin",  "il1", "il",    "dl1",   "dl", "el",
	"ed",  "home", "sgr0", "bold", "dim",  "smul", "rev", "setaf", "setab", "op", "cuu1",
	"cuu", "cud",  "cuf",  "cub",  "cub1", "hpa",  "cr",  "clear", "sc",    "rc"};

/* The terminfo strings the writer uses, without padding ($<5>: nobody
 * needs it on a pseudo-terminal, and ncurses leaves it out at speed). */
static void load_caps(struct hy_term *t)
{
	for (int i = 0; i < C_N; i++) {
		const char *s = tigetstr(cap_names[i]);
		size_t n = 0;

		free(t->cap[i]);
		t->cap[i] = NULL;
		if (!s || s == (char *)-1 || !*s)
			continue;
		t->cap[i] = malloc(strlen(s) + 1);
		if (!t->cap[i])
			continue; /* done without it */
		for (const char *p = s; *p;) {
			const char *e;
			if (p[0] == '$' && p[1] == '<' && (e = strchr(p, '>'))) {
				p = e + 1;
				continue;
			}
			t->cap[i][n++] = *p++;
		}
		t->cap[i][n] = '\0';
		if (n == 0) {
			free(t->cap[i]);
			t->cap[i] = NULL;
		}
	}
	t->am = tigetflag("am") > 0;
	t->xenl = tigetflag("xenl") > 0;
	t->ansi_cup = t->cap[C_CUP] && strcmp(t->cap[C_CUP], "\033[%i%p1%d;%p2%dH") == 0;
}

static void out_n(struct hy_term *t, const char *s, size_t n)
{
	if (t->olen + n > t->ocap) {
		size_t cap = t->ocap ? t->ocap : 4096;
		char *nb;
		while (cap < t->olen + n)
			cap *= 2;
		nb = realloc(t->ob, cap);
		if (!nb) {
			t->ofail = 1;
			return;
		}
		t->ob = nb;
		t->ocap = cap;
	}
	memcpy(t->ob + t->olen, s, n);
	t->olen += n;
}

static void out_s(struct hy_term *t, const char *s)
{
	if (s)
		out_n(t, s, strlen(s));
}

/* A parameterised capability, "" when missing; ESC [ 1 X as ESC [ X
 * (1 is the default of every one-number control the writer uses). */
static const char *cap1(const struct hy_term *t, int c, int a)
{
	static char one[8];
	const char *s = t->cap[c] ? tiparm(t->cap[c], a) : NULL;

	if (s && strlen(s) == 4 && s[0] == '\033' && s[1] == '[' && s[2] == '1' &&
	    strchr("ABCDGLMST", s[3])) {
		snprintf(one, sizeof one, "\033[%c", s[3]);
		return one;
	}
	return s ? s : "";
}

static const char *cap2(const struct hy_term *t, int c, int a, int b)
{
	const char *s = t->cap[c] ? tiparm(t->cap[c], a, b) : NULL;
	return s ? s : "";
}

/* s repeated n times into buf (size 64); 0 if it does not fit. */
static int repeat(char *buf, const char *s, int n)
{
	size_t k = strlen(s), len = 0;

	if (!k || (size_t)n * k >= 64)
		return 0;
	for (int i = 0; i < n; i++, len += k)
		memcpy(buf + len, s, k);
	buf[len] = '\0';
	return 1;
}

static void pick(char *best, const char *a, const char *b)
{
	if (strlen(a) + strlen(b) < 64 && strlen(a) + strlen(b) < strlen(best)) {
		strcpy(best, a);
		strcat(best, b);
	}
}

/* The cheapest bytes that take the cursor to column x of its row. */
static void horizontal(const struct hy_term *t, int x, char *best)
{
	char tmp[64];
	const char *cr = t->cap[C_CR] ? t->cap[C_CR] : "\r";

	strcpy(best, cap1(t, C_HPA, x));
	if (!*best)
		memset(best, 'x', 63), best[63] = '\0';
	if (x == t->x) {
		best[0] = '\0';
		return;
	}
	if (x == 0)
		pick(best, cr, "");
	if (x > t->x) {
		pick(best, cap1(t, C_CUF, x - t->x), "");
	} else {
		if (t->cap[C_CUB1] && repeat(tmp, t->cap[C_CUB1], t->x - x))
			pick(best, tmp, "");
		pick(best, cap1(t, C_CUB, t->x - x), "");
	}
	if (x > 0 && *cap1(t, C_CUF, x))
		pick(best, cr, cap1(t, C_CUF, x));
}

/* Go to (y, x), by the cheapest of an absolute move and the relative ones
 * terminfo has. Relative moves up and down are not used across a margin
 * of the scroll region (the cursor would stop there). */
static void go(struct hy_term *t, int y, int x)
{
	char best[64], h[64], v[64] = "";
	int n = y - t->y, ok = 1;

	if (y == t->y && x == t->x)
		return;
	if (t->ansi_cup) {
		if (x == 0)
			snprintf(best, sizeof best, y ? "\033[%dH" : "\033[H", y + 1);
		else
			snprintf(best, sizeof best, "\033[%d;%dH", y + 1, x + 1);
	} else {
		snprintf(best, sizeof best, "%s", cap2(t, C_CUP, y, x));
	}
	if (t->x >= 0 && t->y >= 0) {
		if (n < 0) {
			ok = !(t->rtop >= 0 && t->y >= t->rtop && y < t->rtop) && t->rtop >= 0;
			if (!(t->cap[C_CUU1] && repeat(v, t->cap[C_CUU1], -n)))
				v[0] = '\0';
			if (*cap1(t, C_CUU, -n) && (!*v || strlen(cap1(t, C_CUU, -n)) < strlen(v)))
				snprintf(v, sizeof v, "%s", cap1(t, C_CUU, -n));
			/* ESC M is a line up where it does not scroll, below
			 * the top margin (tmux's own cuu1) */
			if (n == -1 && t->cap[C_RI] && strcmp(t->cap[C_RI], "\033M") == 0 &&
			    t->rtop >= 0 && t->y > t->rtop && strlen(v) > 2)
				strcpy(v, "\033M");
			ok = ok && *v;
		} else if (n > 0) {
			ok = !(t->rtop >= 0 && t->y <= t->rbot && y > t->rbot) && t->rtop >= 0;
			snprintf(v, sizeof v, "%s", cap1(t, C_CUD, n));
			ok = ok && *v;
		}
		if (ok) {
			horizontal(t, x, h);
			pick(best, v, h);
		}
	}
	out_s(t, best);
	t->y = y;
	t->x = x;
}

static const struct sgr plain = {0, -1, -1};

static int sgr_eq(const struct sgr *a, const struct sgr *b)
{
	return a->attr == b->attr && a->fg == b->fg && a->bg == b->bg;
}

/* Append s to the SGR being built: merged into one ESC [ … m while every
 * piece is one; charset resets in sgr0 dropped (nothing here shifts). */
static void sgr_piece(char *acc, size_t accsz, int *merge, char *seq, size_t seqsz, const char *s)
{
	size_t n = strlen(s);

	if (n > 4 && memcmp(s, "\033(B", 3) == 0 && s[3] == '\033')
		s += 3, n -= 3;
	if (n > 1 && s[n - 1] == '\017')
		n--;
	if (*merge && n >= 3 && s[0] == '\033' && s[1] == '[' && s[n - 1] == 'm' &&
	    strspn(s + 2, "0123456789;") == n - 3) {
		size_t al = strlen(acc);
		if (al + n + 2 < accsz) {
			if (al)
				acc[al++] = ';';
			if (n == 3)
				acc[al++] = '0';
			memcpy(acc + al, s + 2, n - 3);
			acc[al + n - 3] = '\0';
		}
	} else {
		*merge = 0;
	}
	if (strlen(seq) + n < seqsz)
		strncat(seq, s, n);
}

/* The bytes that take the terminal's attributes from t->cur (reset: from
 * a reset) to w, into out (size 192); 0 when it cannot (no op). */
static int sgr_bytes(const struct hy_term *t, const struct sgr *w, int reset, char *out)
{
	char acc[96] = "";
	int merge = 1, op;
	struct sgr base;
	static const int bits[] = {HY_STYLE_BOLD, HY_STYLE_DIM, HY_STYLE_UNDERLINE,
				   HY_STYLE_REVERSE};
	static const int caps[] = {C_BOLD, C_DIM, C_SMUL, C_REV};

	out[0] = '\0';
	if (!reset && (!t->cur_ok || (t->cur.attr & ~w->attr)))
		return 0;
	op = !reset && ((w->fg < 0 && t->cur.fg >= 0) || (w->bg < 0 && t->cur.bg >= 0));
	if (op && !t->cap[C_OP])
		return 0;
	base = reset ? plain : t->cur;
	if (reset)
		sgr_piece(acc, sizeof acc, &merge, out, 192,
			  t->cap[C_SGR0] ? t->cap[C_SGR0] : "\033[m");
	if (op) {
		sgr_piece(acc, sizeof acc, &merge, out, 192, t->cap[C_OP]);
		base.fg = base.bg = -1;
	}
	for (int i = 0; i < 4; i++)
		if ((w->attr & bits[i]) && !(base.attr & bits[i]) && t->cap[caps[i]])
			sgr_piece(acc, sizeof acc, &merge, out, 192, t->cap[caps[i]]);
	if (w->fg >= 0 && w->fg != base.fg)
		sgr_piece(acc, sizeof acc, &merge, out, 192, cap1(t, C_SETAF, w->fg));
	if (w->bg >= 0 && w->bg != base.bg)
		sgr_piece(acc, sizeof acc, &merge, out, 192, cap1(t, C_SETAB, w->bg));
	if (merge)
		snprintf(out, 192, "\033[%sm", strcmp(acc, "0") ? acc : "");
	return 1;
}

/* Set the attributes to w: from where they are or from a reset,
 * whichever is shorter. */
static void set_sgr(struct hy_term *t, const struct sgr *w)
{
	char a[192], b[192];

	if (t->cur_ok && sgr_eq(&t->cur, w))
		return;
	sgr_bytes(t, w, 1, b);
	if (sgr_bytes(t, w, 0, a) && strlen(a) <= strlen(b))
		out_s(t, a);
	else
		out_s(t, b);
	t->cur = *w;
	t->cur_ok = 1;
}

static const struct sgr *role_sgr(const struct hy_term *t, int role)
{
	return &t->rs[role >= 0 && role < HY_ROLE_COUNT ? role : HY_ROLE_NORMAL];
}

/* A blank that looks as the terminal's erased cell does. */
static int looks_erased(const struct hy_term *t, const struct hy_cell *c)
{
	const struct sgr *s = role_sgr(t, c->role);
	return c->width == 1 && c->text[0] == ' ' && !c->text[1] && s->bg < 0 &&
	       !(s->attr & (HY_STYLE_REVERSE | HY_STYLE_UNDERLINE));
}

/* Does the cell on the screen (s) show the grid's cell (c)? */
static int shows(const struct hy_term *t, const struct hy_cell *c, const struct hy_cell *s)
{
	if (s->role == ROLE_ERASED)
		return looks_erased(t, c);
	return s->role != ROLE_UNKNOWN && same_cell(c, s);
}

static void erase_cells(struct hy_cell *c, int n)
{
	for (int i = 0; i < n; i++) {
		memset(&c[i], 0, sizeof c[i]);
		c[i].text[0] = ' ';
		c[i].width = 1;
		c[i].role = ROLE_ERASED;
	}
}

/* The bytes a cell of width w is drawn with: its text, or U+FFFD (or "?"
 * where U+FFFD, an ambiguous-width character, is 2 columns) and a blank
 * when the text does not have that width. Returns their length. */
static size_t cell_bytes(const char *text, int w, char out[64])
{
	wchar_t wc[CCHARW_MAX + 1];
	int rw = wcwidth(0xFFFD); /* 2 where ambiguous is wide */
	size_t n = 0;

	if (cell_wchars(text, wc) == w) {
		for (int i = 0; wc[i]; i++)
			n += hy_utf8_encode((uint32_t)wc[i], out + n);
		return n;
	}
	if (rw <= w)
		n = hy_utf8_encode(0xFFFD, out);
	else
		out[n++] = '?';
	if (w == 2 && rw < 2)
		out[n++] = ' ';
	return n;
}

/* The columns the cell at x takes when drawn (2: with its right half),
 * 1 for a blank standing in for a half without its other half. */
static int cell_cols(const struct hy_cell *row, int x, int w)
{
	return row[x].width == 2 && x + 1 < w && row[x + 1].width == 0 ? 2 : 1;
}

/* Draw the cell at (y, x); the cursor is there. */
static void put_cell(struct hy_term *t, const struct hy_cell *row, struct hy_cell *scr, int y,
		     int x, int w, int h)
{
	const struct hy_cell *c = &row[x];
	const struct sgr *s = role_sgr(t, c->role);
	int cols = cell_cols(row, x, w);
	char buf[64];
	size_t n;

	if (cols == 2 || c->width == 1)
		n = cell_bytes(c->text, cols, buf);
	else
		buf[0] = ' ', n = 1; /* a half without its other half */
	scr[x] = *c;
	if (cols == 2)
		scr[x + 1] = row[x + 1];
	/* the last cell of a terminal that scrolls when it is written */
	if (y == h - 1 && x + cols >= w && t->am && !t->xenl)
		return;
	/* a blank needs only its background, reverse and underline */
	if (!(n == 1 && buf[0] == ' ' && t->cur_ok && t->cur.bg == s->bg &&
	      (t->cur.attr & HY_STYLE_REVERSE) == (s->attr & HY_STYLE_REVERSE) &&
	      !((t->cur.attr | s->attr) & HY_STYLE_UNDERLINE)))
		set_sgr(t, s);
	out_n(t, buf, n);
	t->x += cols;
	if (t->x >= w)
		t->x = -1; /* at the right edge: where the next character goes
			    * is the terminal's business */
}

/* Could the cursor, at (y, t->x) < x, write the unchanged cells up to x
 * instead of moving? Returns the bytes that would take, or -1. */
static int through(const struct hy_term *t, const struct hy_cell *row, int x, int w)
{
	char buf[64];
	int n = 0;

	if (t->x < 0 || t->x >= x || !t->cur_ok || (t->x > 0 && row[t->x].width == 0))
		return -1;
	for (int i = t->x; i < x; i += cell_cols(row, i, w)) {
		const struct sgr *s = role_sgr(t, row[i].role);
		if (row[i].width == 0 || (row[i].width == 2 && cell_cols(row, i, w) != 2) ||
		    i + cell_cols(row, i, w) > x || !sgr_eq(s, &t->cur))
			return -1;
		n += (int)cell_bytes(row[i].text, cell_cols(row, i, w), buf);
		if (n > 12)
			return -1;
	}
	return n;
}

/* Go to (y, x), set the attributes of the run of cells that begins
 * there: by a move, or by rc when the terminal saved a place on that row
 * before x with those attributes (then over the cells between, or a
 * move), whichever is shorter. A run that begins on the row and in the
 * attributes the last run of the frame before had is saved there (sc):
 * the status line's percentage, frame after frame. */
static void run_start(struct hy_term *t, const struct hy_cell *row, struct hy_cell *scr, int y,
		      int x, int w, int h)
{
	const struct sgr *s = role_sgr(t, row[x].role);
	size_t before = t->olen, a_len;

	t->run_y = y;
	t->run_x = x;
	t->run_sgr = *s;
	go(t, y, x);
	set_sgr(t, s);
	a_len = t->olen - before;
	if (t->slot_ok && t->slot_y == y && t->slot_x <= x && sgr_eq(&t->slot_sgr, s)) {
		char a[256];
		int ay = t->y, ax = t->x;
		int thr;
		if (a_len >= sizeof a)
			return;
		memcpy(a, t->ob + before, a_len);
		t->olen = before;
		out_s(t, t->cap[C_RC]);
		t->y = y;
		t->x = t->slot_x;
		t->cur = *s;
		t->cur_ok = 1;
		thr = through(t, row, x, w);
		if (thr >= 0 && thr <= 3) {
			while (t->x >= 0 && t->x < x)
				put_cell(t, row, scr, y, t->x, w, h);
		} else {
			go(t, y, x);
			thr = -1;
		}
		if (t->olen - before > a_len) { /* the move was shorter */
			t->olen = before;
			out_n(t, a, a_len);
			t->y = ay;
			t->x = ax;
			t->cur = *s;
		}
		if (thr >= 0)
			return;
	}
	/* saved again when the place saved is no longer near */
	if (t->cap[C_SC] && t->cap[C_RC] && t->last_y == y && sgr_eq(&t->last_sgr, s) &&
	    (!t->slot_ok || t->slot_y != y || t->slot_x != x || !sgr_eq(&t->slot_sgr, s))) {
		out_s(t, t->cap[C_SC]);
		t->slot_ok = 1;
		t->slot_y = y;
		t->slot_x = x;
		t->slot_sgr = *s;
	}
}

/* The changed cells of row y, drawn. */
static void draw_row(struct hy_term *t, const struct hy_grid *g, int y, int w, int h)
{
	const struct hy_cell *row = g->cells + (size_t)y * (size_t)g->w;
	struct hy_cell *scr = t->prev.cells + (size_t)y * (size_t)g->w;
	unsigned char *ch = t->chg;
	int any = 0, tail = w, ft = -1, lc = -1, limit;

	for (int x = 0; x < w; x++)
		any |= ch[x] = !shows(t, &row[x], &scr[x]);
	if (!any)
		return;
	/* a wide character is written whole: its lead when its right
	 * half changed; writing over either half of one on the screen
	 * blanks the other */
	for (int x = w - 1; x > 0; x--)
		if (ch[x] && (row[x].width == 0 || scr[x].width == 0))
			ch[x - 1] = 1;
	for (int x = 0; x + 1 < w; x++)
		if (ch[x] && (row[x].width == 2 || scr[x].width == 2))
			ch[x + 1] = 1;
	while (tail > 0 && looks_erased(t, &row[tail - 1]))
		tail--;
	for (int x = tail; x < w; x++)
		if (ch[x]) {
			if (ft < 0)
				ft = x;
			lc = x;
		}
	limit = ft >= 0 && t->cap[C_EL] && lc - ft + 1 > (int)strlen(t->cap[C_EL]) ? ft : w;
	for (int x = 0; x < limit; x++) {
		char mv[64];
		int thr;
		if (!ch[x] || (row[x].width == 0 && x > 0 && cell_cols(row, x - 1, w) == 2))
			continue;
		thr = t->y == y ? through(t, row, x, w) : -1;
		if (thr >= 0) {
			size_t before = t->olen;
			int oy = t->y, ox = t->x;
			go(t, y, x);
			snprintf(mv, sizeof mv, "%.*s", (int)(t->olen - before), t->ob + before);
			if ((size_t)thr <= strlen(mv)) {
				t->olen = before;
				t->y = oy;
				t->x = ox;
				while (t->x < x)
					put_cell(t, row, scr, y, t->x, w, h);
			}
		} else {
			run_start(t, row, scr, y, x, w, h);
		}
		put_cell(t, row, scr, y, x, w, h);
		if (cell_cols(row, x, w) == 2)
			x++;
	}
	if (limit < w) { /* the blank tail: erase to the end of the line */
		go(t, y, limit);
		if (!t->cur_ok || t->cur.bg >= 0 || (t->cur.attr & HY_STYLE_REVERSE))
			set_sgr(t, &plain);
		out_s(t, t->cap[C_EL]);
		erase_cells(scr + limit, g->w - limit);
	}
}

static uint32_t row_hash(const struct hy_term *t, const struct hy_cell *r, int w, int screen)
{
	uint32_t hsh = 2166136261u;

	for (int x = 0; x < w; x++) {
		const struct hy_cell *c = &r[x];
		if (screen ? c->role == ROLE_ERASED ||
				     (c->role != ROLE_UNKNOWN && looks_erased(t, c))
			   : looks_erased(t, c)) {
			hsh = (hsh ^ 0x20u) * 16777619u;
			continue;
		}
		for (const char *p = c->text; *p; p++)
			hsh = (hsh ^ (unsigned char)*p) * 16777619u;
		hsh = (hsh ^ (uint32_t)(c->width * 256 + c->role + 1)) * 16777619u;
		if (screen && c->role == ROLE_UNKNOWN)
			hsh = (hsh ^ (uint32_t)x) * 16777619u;
	}
	return hsh;
}

/* Roughly the bytes that turn the screen's row (NULL: erased) into the
 * grid's. */
static int row_cost(const struct hy_term *t, const struct hy_cell *row, const struct hy_cell *scr,
		    int w)
{
	static const struct hy_cell erased = {" ", 1, ROLE_ERASED};
	int cost = 0, gap = 1;

	for (int x = 0; x < w; x++) {
		if (shows(t, &row[x], scr ? &scr[x] : &erased)) {
			gap = 1;
			continue;
		}
		cost += (int)strlen(row[x].text) + (gap ? 6 : 0);
		gap = 0;
	}
	return cost;
}

/* Delete or insert n lines: the one-line capability n times, or the
 * counted one. */
static void lines_op(struct hy_term *t, int one, int many, int n)
{
	if (t->cap[many] && (n > 1 || !t->cap[one])) {
		out_s(t, cap1(t, many, n));
		return;
	}
	for (int i = 0; i < n; i++)
		out_s(t, t->cap[one]);
}

/* Scroll rows top..bot by k (> 0: up, the text moves up) on the terminal
 * and in t->prev. */
static void scroll_rows(struct hy_term *t, int top, int bot, int k, int gw, int h)
{
	int n = k > 0 ? k : -k;
	char a[64];

	if (!t->cur_ok || t->cur.bg >= 0 || (t->cur.attr & HY_STYLE_REVERSE))
		set_sgr(t, &plain); /* new lines take the current background */
	if (t->cap[C_CSR]) {
		if (t->rtop != top || t->rbot != bot) {
			out_s(t, cap2(t, C_CSR, top, bot));
			t->rtop = top;
			t->rbot = bot;
			t->x = t->y = -1; /* the cursor goes home */
		}
		/* SU / SD where the cursor is, or ind / ri at the margin */
		snprintf(a, sizeof a, "%s", cap1(t, k > 0 ? C_INDN : C_RIN, n));
		{
			size_t before = t->olen, mv;
			int oy = t->y, ox = t->x;
			const char *one = t->cap[k > 0 ? C_IND : C_RI];
			go(t, k > 0 ? bot : top, 0);
			mv = t->olen - before;
			/* ind / ri also leave the cursor where the new rows
			 * are written next: worth a few bytes */
			if (one && (!*a || mv + (size_t)n * strlen(one) < strlen(a) + 6)) {
				for (int i = 0; i < n; i++)
					out_s(t, one);
				t->y = k > 0 ? bot : top;
				t->x = 0;
			} else {
				t->olen = before;
				out_s(t, a);
				t->y = oy;
				t->x = ox;
			}
		}
	} else { /* no region: delete lines, insert them back */
		int del = k > 0 ? top : bot - n + 1, ins = k > 0 ? bot - n + 1 : top;
		if (k > 0) {
			go(t, del, 0);
			lines_op(t, C_DL1, C_DL, n);
			if (bot < h - 1) {
				go(t, ins, 0);
				lines_op(t, C_IL1, C_IL, n);
			}
		} else {
			if (bot < h - 1) {
				go(t, del, 0);
				lines_op(t, C_DL1, C_DL, n);
			}
			go(t, ins, 0);
			lines_op(t, C_IL1, C_IL, n);
		}
		t->x = 0;
	}
	/* the model: rows move, the vacated ones are erased */
	struct hy_cell *c = t->prev.cells;
	size_t rw = (size_t)gw;
	if (k > 0) {
		memmove(c + (size_t)top * rw, c + (size_t)(top + n) * rw,
			(size_t)(bot - top + 1 - n) * rw * sizeof *c);
		erase_cells(c + (size_t)(bot - n + 1) * rw, (int)((size_t)n * rw));
	} else {
		memmove(c + (size_t)(top + n) * rw, c + (size_t)top * rw,
			(size_t)(bot - top + 1 - n) * rw * sizeof *c);
		erase_cells(c + (size_t)top * rw, (int)((size_t)n * rw));
	}
}

/* Rows that moved since the last frame (a line of scrolling): found by
 * their hashes, the block grown while its rows look more like the
 * moved ones (beside the outline a row moves but for its outline part),
 * and scrolled on the terminal when that costs less than writing. */
static void find_scroll(struct hy_term *t, const struct hy_grid *g, int w, int h)
{
	uint32_t *hn = t->hn, *ho = t->ho;
	int *votes = t->votes, best = 0, k = 0, top, bot;
	const struct hy_cell *nc = g->cells, *sc = t->prev.cells;
	size_t rw = (size_t)g->w;
	int can = t->cap[C_CSR]
			  ? (t->cap[C_INDN] || t->cap[C_IND]) && (t->cap[C_RIN] || t->cap[C_RI])
			  : (t->cap[C_DL] || t->cap[C_DL1]) && (t->cap[C_IL] || t->cap[C_IL1]);

	if (!can || h < 3)
		return;
	for (int y = 0; y < h; y++) {
		hn[y] = row_hash(t, nc + (size_t)y * rw, w, 0);
		ho[y] = row_hash(t, sc + (size_t)y * rw, w, 1);
	}
	uint32_t blank = 2166136261u;
	for (int x = 0; x < w; x++)
		blank = (blank ^ 0x20u) * 16777619u;
	memset(votes, 0, (size_t)(2 * h + 1) * sizeof *votes);
	for (int y = 0; y < h; y++) {
		if (hn[y] == ho[y] || hn[y] == blank)
			continue;
		for (int y2 = 0; y2 < h; y2++)
			if (y2 != y && ho[y2] == hn[y])
				votes[y2 - y + h]++;
	}
	for (int d = 1; d < h; d++)
		for (int s = 1; s >= -1; s -= 2)
			if (votes[s * d + h] > best)
				best = votes[s * d + h], k = s * d;
	if (!best)
		return;
	/* every region top..bot: the rows in it come from k rows away (the
	 * vacated ones erased), the others stay; the cheapest, if it costs
	 * less than no scrolling (prefix sums: c0 stays, c1 moved, ce
	 * erased) */
	{
		int n = k > 0 ? k : -k, *p0 = t->votes, *p1 = p0 + h + 1, *pe = p1 + h + 1;
		long bestc = 0, s0;
		p0[0] = p1[0] = pe[0] = 0;
		for (int y = 0; y < h; y++) {
			const struct hy_cell *nr = nc + (size_t)y * rw;
			int y2 = y + k;
			p0[y + 1] = p0[y] + row_cost(t, nr, sc + (size_t)y * rw, w);
			p1[y + 1] = p1[y] + (y2 >= 0 && y2 < h
						     ? row_cost(t, nr, sc + (size_t)y2 * rw, w)
						     : 100000);
			pe[y + 1] = pe[y] + row_cost(t, nr, NULL, w);
		}
		s0 = p0[h];
		top = bot = -1;
		for (int t0 = 0; t0 < h; t0++)
			for (int b0 = t0 + n; b0 < h; b0++) {
				long c = s0 - (p0[b0 + 1] - p0[t0]) +
					 (t->rtop == t0 && t->rbot == b0 ? 4 : 12);
				if (k > 0)
					c += (p1[b0 - n + 1] - p1[t0]) +
					     (pe[b0 + 1] - pe[b0 - n + 1]);
				else
					c += (pe[t0 + n] - pe[t0]) + (p1[b0 + 1] - p1[t0 + n]);
				if (c < s0 && (top < 0 || c < bestc))
					bestc = c, top = t0, bot = b0;
			}
		if (top < 0)
			return;
	}
	scroll_rows(t, top, bot, k, g->w, h);
}

/* Everything as the program left it: attributes, the scroll region. */
static void writer_reset(struct hy_term *t)
{
	out_s(t, t->cap[C_SGR0] ? t->cap[C_SGR0] : "\033[m");
	t->cur = plain;
	t->cur_ok = 1;
	if (t->cap[C_CSR] && (t->rtop != 0 || t->rbot != LINES - 1)) {
		out_s(t, cap2(t, C_CSR, 0, LINES - 1));
		t->x = t->y = -1;
	}
	t->rtop = 0;
	t->rbot = LINES - 1;
}

static int flush_out(struct hy_term *t)
{
	size_t off = 0;
	int fail = t->ofail;

	fflush(stdout);
	while (off < t->olen) {
		ssize_t k = write(STDOUT_FILENO, t->ob + off, t->olen - off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			fail = 1;
			break;
		}
		off += (size_t)k;
	}
	t->olen = 0;
	t->ofail = 0;
	return fail ? HY_ERR_IO : 0;
}

/* Room for a w×h frame's scratch arrays. */
static int writer_room(struct hy_term *t, int w, int h)
{
	if (w > t->chg_n) {
		unsigned char *c = realloc(t->chg, (size_t)w);
		if (!c)
			return -1;
		t->chg = c;
		t->chg_n = w;
	}
	if (h > t->rows_n) {
		uint32_t *a = realloc(t->hn, (size_t)h * sizeof *a);
		if (a)
			t->hn = a;
		uint32_t *b = realloc(t->ho, (size_t)h * sizeof *b);
		if (b)
			t->ho = b;
		int *v = realloc(t->votes, (size_t)(3 * h + 3) * sizeof *v);
		if (v)
			t->votes = v;
		if (!a || !b || !v)
			return -1;
		t->rows_n = h;
	}
	return 0;
}

int hy_term_draw(struct hy_term *t, const struct hy_grid *g, int cy, int cx, int force)
{
	int w, h, full, rc;

	set_term(t->scr);
	w = g->w < COLS ? g->w : COLS;
	h = g->h < LINES ? g->h : LINES;
	full = force || t->need_full || !t->prev.cells || t->prev.w != g->w || t->prev.h != g->h;
	if (!g->cells)
		return 0;
	if (writer_room(t, g->w, g->h) != 0)
		return HY_ERR_NOMEM;
	if (full) {
		if ((t->prev.w != g->w || t->prev.h != g->h) &&
		    hy_grid_resize(&t->prev, g->w, g->h) != 0) {
			hy_grid_free(&t->prev);
			return HY_ERR_NOMEM;
		}
		writer_reset(t);
		/* home and erase below (not ESC [2J: the same, but what a
		 * hostile text would send) */
		if (t->cap[C_ED]) {
			t->x = t->y = -1;
			go(t, 0, 0);
			out_s(t, t->cap[C_ED]);
			erase_cells(t->prev.cells, g->w * g->h);
		} else {
			out_s(t, t->cap[C_CLEAR]);
			erase_cells(t->prev.cells, g->w * g->h);
			for (int i = 0; i < g->w * g->h && !t->cap[C_CLEAR]; i++)
				t->prev.cells[i].role = ROLE_UNKNOWN;
		}
		t->x = t->y = 0;
		t->need_full = 0;
		t->slot_ok = 0;
		t->last_y = -1;
	} else {
		find_scroll(t, g, w, h);
	}
	t->run_y = -1;
	for (int y = 0; y < h; y++)
		draw_row(t, g, y, w, h);
	t->last_y = t->run_y;
	t->last_x = t->run_x;
	t->last_sgr = t->run_sgr;
	if (cy >= 0 && cy < LINES && cx >= 0 && cx < COLS)
		go(t, cy, cx);
	rc = flush_out(t);
	if (cy >= 0 && cy < LINES && cx >= 0 && cx < COLS) {
		if (t->cursor != 1 && curs_set(1) != ERR)
			t->cursor = 1;
	} else if (t->cursor != 0 && curs_set(0) != ERR) {
		t->cursor = 0;
	}
	return rc;
}

/* Ctrl-Z: give the terminal back, stop, and come back on SIGCONT. */
static void suspend(struct hy_term *t)
{
	struct sigaction dfl, mine;
	sigset_t set, old;

	writer_reset(t);
	flush_out(t);
	bracketed_paste(0);
	endwin();
	memset(&dfl, 0, sizeof dfl);
	sigemptyset(&dfl.sa_mask);
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGTSTP, &dfl, &mine);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, &old);
	raise(SIGTSTP); /* stopped here until SIGCONT */
	sigprocmask(SIG_SETMASK, &old, NULL);
	sigaction(SIGTSTP, &mine, NULL);
	tstp_flag = 0;
	/* Back: the size may have changed while we were not in the
	 * foreground (no SIGWINCH then); the screen is repainted whole. */
	if (sync_size(t))
		ungetch(KEY_RESIZE); /* a HY_EV_RESIZE after the redraw */
	t->need_full = 1;
	t->cur_ok = 0;
	t->slot_ok = 0;
	t->x = t->y = t->rtop = -1;
	clearok(curscr, TRUE);
	doupdate();
	if (t->cursor == 0)
		curs_set(0);
	bracketed_paste(1);
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits up to ms (0: not at all, -1: for ever) for the terminal to have
 * something, and reads what it has into t->in. Returns the bytes read; 0
 * when the time passed; -1 when the terminal hung up or failed (quit_flag
 * set, as SIGHUP would); -2 when a signal came and on_signal is set, or
 * it asked to quit, stop or interrupt (the caller looks at the flags). */
static long more(struct hy_term *t, int ms, int on_signal)
{
	long deadline = ms > 0 ? now_ms() + ms : 0;

	if (t->pos == t->len) {
		t->pos = t->len = 0;
	} else if (t->pos > 0 && t->len == sizeof t->in) {
		memmove(t->in, t->in + t->pos, t->len - t->pos);
		t->len -= t->pos;
		t->pos = 0;
	}
	if (t->len == sizeof t->in)
		return 0;
	for (;;) {
		struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
		int r = poll(&pfd, 1, ms);
		if (r < 0 && errno == EINTR) {
			if (on_signal || quit_flag || int_flag || tstp_flag)
				return -2;
			if (ms > 0 && (ms = (int)(deadline - now_ms())) <= 0)
				return 0;
			continue;
		}
		if (r == 0)
			return 0;
		if (r > 0) {
			ssize_t got = read(STDIN_FILENO, t->in + t->len, sizeof t->in - t->len);
			if (got > 0) {
				t->len += (size_t)got;
				return (long)got;
			}
			if (got < 0 && (errno == EINTR || errno == EAGAIN))
				return 0;
		}
		/* Hung up (end of file, EIO, POLLHUP with nothing to
		 * read), with SIGHUP ignored or not yet here: quit. */
		if (!quit_flag)
			quit_sig = SIGHUP;
		quit_flag = 1;
		return -1;
	}
}

static const char paste_start[] = "\033[200~", paste_end[] = "\033[201~";

/* Is p[0..n) a cursor position report, ESC [ row ; col R (row and col of
 * 1 to 4 digits)? Returns its length with *row and *col set; 0 if it is
 * none; -1 if all of p[0..n) could be the start of one, with at least a
 * digit of the row. */
static int report(const unsigned char *p, size_t n, int *row, int *col)
{
	int v[2] = {0, 0}, f = 0, digits = 0;

	if (n < 1 || p[0] != 27)
		return 0;
	if (n < 2)
		return 0; /* a lone Esc is a key first */
	if (p[1] != '[')
		return 0;
	for (size_t i = 2; i < n; i++) {
		unsigned char c = p[i];
		if (c >= '0' && c <= '9' && digits < 4) {
			v[f] = v[f] * 10 + (c - '0');
			digits++;
		} else if (c == ';' && f == 0 && digits > 0) {
			f = 1;
			digits = 0;
		} else if (c == 'R' && f == 1 && digits > 0) {
			*row = v[0];
			*col = v[1];
			return (int)i + 1;
		} else {
			return 0;
		}
	}
	return f == 1 || digits > 0 ? -1 : 0;
}

/* A whole report: the probe's answer (HY_EV_AMBIGUOUS, 1 with ev set), or
 * one nobody waits for, dropped (0). Every ESC [ row ; col R is taken for
 * a report and never reaches ncurses or the model: the probe's, late or
 * twice, or a terminal's unasked one; ESC [ 1 ; m R is also F3 with a
 * modifier in xterm's encoding, and the browser has no use for F3. The
 * probe's row is 2, so that a key cannot pass for its answer. */
static int took_report(struct hy_term *t, int row, int col, struct hy_event *ev)
{
	if (!t->probe || row != PROBE_ROW || col < 2 || col > 3)
		return 0;
	t->probe = 0;
	memset(ev, 0, sizeof *ev);
	ev->type = HY_EV_AMBIGUOUS;
	ev->w = col - 1;
	return 1;
}

/* The held start of a report (t->rep) goes on with what came since: a
 * whole report is taken; bytes that do not go on with it are read as
 * ever, and the start is dropped if it had its ';' (no key begins so),
 * else handed to ncurses as it would have been. Returns 1 with an event. */
static int go_on_report(struct hy_term *t, struct hy_event *ev)
{
	int row, col, k = 0;

	/* more than 2 s later it is no report's rest: as if it did not
	 * go on */
	if (now_ms() - t->rep_ms <= 2000) {
		while (t->pos < t->len && t->rep_n < sizeof t->rep) {
			t->rep[t->rep_n] = t->in[t->pos];
			k = report(t->rep, t->rep_n + 1, &row, &col);
			if (k == 0)
				break;
			t->pos++;
			t->rep_n++;
			if (k > 0) {
				t->rep_n = 0;
				return took_report(t, row, col, ev);
			}
		}
		if (k < 0 && t->rep_n < sizeof t->rep)
			return 0; /* still a start: wait for more */
	}
	if (!memchr(t->rep, ';', t->rep_n) &&
	    write(t->keys[1], t->rep, t->rep_n) == (ssize_t)t->rep_n)
		t->fwd = 1;
	t->rep_n = 0;
	return 0;
}

/* Could the escape sequence p[0..n), all there is so far, go on? A lone
 * Esc, the start of a key's sequence or of a paste's, a mouse report
 * without its end. */
static int seq_open(const unsigned char *p, size_t n)
{
	char s[72];
	const char *km = tigetstr("kmous");
	int row, col;

	if (n == 1 || (n < 6 && memcmp(p, paste_start, n) == 0))
		return 1;
	if (report(p, n, &row, &col) < 0)
		return 1;
	if (n >= sizeof s)
		return 0;
	memcpy(s, p, n);
	s[n] = '\0';
	if (strlen(s) == n && key_defined(s) < 0) /* a prefix of a key's */
		return 1;
	if (km && km != (char *)-1) {
		size_t k = strlen(km);
		if (k > 0 && n >= k && memcmp(p, km, k) == 0) {
			if (km[k - 1] != '<') /* X10: three bytes follow */
				return n < k + 3;
			for (size_t i = k; i < n; i++) /* SGR: up to M or m */
				if (p[i] == 'M' || p[i] == 'm')
					return 0;
			return 1;
		}
	}
	return 0;
}

/* A paste's text, after its ESC [200~: up to ESC [201~ (or a pause of
 * 200 ms: a paste stalled mid-way ends there) into t->raw, HY_PASTE_MAX
 * bytes kept, the rest read and dropped; then into t->paste as text, each
 * character whole, an invalid byte as U+FFFD, a character the cap cut in
 * two dropped. */
static int take_paste(struct hy_term *t, struct hy_event *ev)
{
	size_t n_raw = 0, matched = 0;
	int cut = 0;

	for (;;) {
		while (t->pos < t->len) {
			unsigned char c = t->in[t->pos++];
			size_t from;
			if (c == (unsigned char)paste_end[matched]) {
				if (++matched == 6)
					goto done;
				continue;
			}
			/* a false start of the end: it was text */
			from = matched;
			matched = c == 27;
			for (size_t i = 0; i < from + !matched; i++) {
				unsigned char b = i < from ? (unsigned char)paste_end[i] : c;
				if (n_raw < sizeof t->raw)
					t->raw[n_raw++] = (char)b;
				else
					cut = 1;
			}
		}
		/* a pause ends it, a hang-up too; Ctrl-C or Ctrl-Z meanwhile
		 * wait for the paste's end (the rest is no keys) */
		long got = more(t, 200, 0);
		if (got == 0 || got == -1)
			break;
	}
done:;
	size_t len = 0;
	for (size_t i = 0; i < n_raw;) {
		uint32_t cp;
		int bad;
		size_t k = hy_utf8_next(t->raw + i, n_raw - i, &cp, &bad);
		if (bad && cut && i + 4 > n_raw)
			break; /* a character the cap cut in two */
		char u[4];
		size_t m = hy_utf8_encode(cp, u);
		if (len + m > HY_PASTE_MAX) {
			cut = 1;
			break;
		}
		memcpy(t->paste + len, u, m);
		len += m;
		i += k;
	}
	t->paste[len] = '\0';
	memset(ev, 0, sizeof *ev);
	ev->type = HY_EV_PASTE;
	ev->text = t->paste;
	ev->len = len;
	ev->cut = cut;
	return 1;
}

static int key_event(int r, wint_t wc, struct hy_event *ev);

/* An OSC string at p[0..n) (ESC ] …, ended by BEL or ESC \): its length
 * when whole, 0 while it may go on, -1 when it is none (Alt-] and what
 * follows, or a control inside). */
static long osc_len(const unsigned char *p, size_t n)
{
	if (n < 2 || p[0] != 27 || p[1] != ']')
		return -1;
	for (size_t i = 2; i < n && i < 512; i++) {
		if (p[i] == 7)
			return (long)i + 1;
		if (p[i] == 27)
			return i + 1 == n ? 0 : p[i + 1] == '\\' ? (long)i + 2 : -1;
		if (p[i] < 0x20)
			return -1;
	}
	/* a key's Alt-] is two bytes and stops: an answer begins with a
	 * number and ';' at once */
	if (n >= 3 && !(p[2] >= '0' && p[2] <= '9'))
		return -1;
	return n < 512 ? 0 : -1;
}

/* A whole OSC answer p[0..n): the background's (HY_EV_BACKGROUND, 1 with
 * ev set) when asked for, else dropped (0). */
static int took_osc(struct hy_term *t, const unsigned char *p, size_t n, struct hy_event *ev)
{
	size_t end = p[n - 1] == 7 ? n - 1 : n - 2;
	if (!t->bgprobe || end < 5 || memcmp(p + 2, "11;", 3) != 0)
		return 0;
	t->bgprobe = 0;
	memset(ev, 0, sizeof *ev);
	ev->type = HY_EV_BACKGROUND;
	ev->w = (int)hy_theme_from_rgb((const char *)p + 5, end - 5);
	return 1;
}

/* The next thing in t->in. Returns 1 with an event in ev; 0 when it was
 * handed to ncurses, read further or dropped (look again). */
static int take(struct hy_term *t, struct hy_event *ev)
{
	const unsigned char *p = t->in + t->pos;
	size_t n = t->len - t->pos;
	int row, col, rk;

	if (t->rep_n > 0)
		return go_on_report(t, ev);
	if (p[0] == 27 && n >= 2 && p[1] == ']') {
		/* an OSC answer (the background's): taken whole, never a
		 * key; its rest is waited for a little (over SSH it may
		 * come in pieces) */
		long k, until = now_ms() + 500, left;
		while ((k = osc_len(t->in + t->pos, t->len - t->pos)) == 0 &&
		       (left = until - now_ms()) > 0 && more(t, (int)left, 0) >= 0)
			;
		p = t->in + t->pos;
		n = t->len - t->pos;
		if (k == 0) { /* never ended: dropped whole, no key */
			t->pos = t->len;
			return 0;
		}
		if (k > 0) {
			t->pos += (size_t)k;
			return took_osc(t, p, (size_t)k, ev);
		}
	}
	if (p[0] == 27) {
		size_t run = 1;
		while (run < n && run < 64 && p[run] != 27)
			run++;
		/* all there is so far, and it could go on: wait a little
		 * for the rest (a key's sequence split by a slow line) */
		if (run == n && seq_open(p, n) && more(t, 25, 0) > 0)
			return 0;
		p = t->in + t->pos;
		n = t->len - t->pos;
		if (n >= 6 && memcmp(p, paste_start, 6) == 0) {
			t->pos += 6;
			return take_paste(t, ev);
		}
		rk = report(p, n, &row, &col);
		if (rk > 0) {
			t->pos += (size_t)rk;
			return took_report(t, row, col, ev);
		}
		if (rk < 0 && n <= sizeof t->rep) {
			/* the start of a report, the rest not come: held
			 * back (over SSH the rest may come later) */
			memcpy(t->rep, p, n);
			t->rep_n = n;
			t->rep_ms = now_ms();
			t->pos += n;
			return 0;
		}
		run = 1;
		while (run < n && run < 64 && p[run] != 27)
			run++;
		while (run < n && run > 1 && (p[run] & 0xC0) == 0x80)
			run--; /* not in the middle of a character */
		/* to ncurses, whole: it turns it into a key as before */
		if (write(t->keys[1], p, run) != (ssize_t)run) {
			t->pos += 1; /* the pipe is full: cannot be, ncurses
				      * has read all before we write */
			return 0;
		}
		t->pos += run;
		t->fwd = 1;
		return 0;
	}
	wchar_t wc;
	size_t k = mbrtowc(&wc, (const char *)p, n, &t->mb);
	if (k == (size_t)-2) { /* a character not all here yet */
		memset(&t->mb, 0, sizeof t->mb);
		if (more(t, 25, 0) > 0)
			return 0;
		t->pos = t->len; /* and never will be */
		return 0;
	}
	if (k == (size_t)-1) { /* not a character: dropped */
		memset(&t->mb, 0, sizeof t->mb);
		t->pos++;
		return 0;
	}
	t->pos += k ? k : 1; /* k = 0: a NUL byte, ^@ */
	memset(ev, 0, sizeof *ev);
	if (key_event(OK, (wint_t)wc, ev))
		return 1;
	memset(ev, 0, sizeof *ev);
	return 0;
}

/* Translate what wget_wch returned. Returns 1 if it is an event. */
static int key_event(int r, wint_t wc, struct hy_event *ev)
{
	static const struct {
		int curses;
		uint32_t key;
	} fkeys[] = {
		{KEY_UP, HY_KEY_UP},
		{KEY_DOWN, HY_KEY_DOWN},
		{KEY_LEFT, HY_KEY_LEFT},
		{KEY_RIGHT, HY_KEY_RIGHT},
		{KEY_PPAGE, HY_KEY_PGUP},
		{KEY_NPAGE, HY_KEY_PGDN},
		{KEY_HOME, HY_KEY_HOME},
		{KEY_END, HY_KEY_END},
		{KEY_A1, HY_KEY_HOME},
		{KEY_C1, HY_KEY_END},
		{KEY_A3, HY_KEY_PGUP},
		{KEY_C3, HY_KEY_PGDN},
		{KEY_FIND, HY_KEY_HOME},
		{KEY_SELECT, HY_KEY_END},
		{KEY_ENTER, HY_KEY_ENTER},
		{KEY_BTAB, HY_KEY_BTAB},
		{KEY_BACKSPACE, HY_KEY_BACKSPACE},
		{KEY_DC, HY_KEY_DELETE},
	};
	uint32_t k;

	ev->type = HY_EV_KEY;
	if (r == KEY_CODE_YES) {
		for (size_t i = 0; i < sizeof fkeys / sizeof *fkeys; i++) {
			if (fkeys[i].curses == (int)wc) {
				ev->key = fkeys[i].key;
				return 1;
			}
		}
		return 0; /* a function key we have no use for */
	}
	k = (uint32_t)wc;
	if (k == '\r' || k == '\n')
		ev->key = HY_KEY_ENTER;
	else if (k == 27)
		ev->key = HY_KEY_ESC;
	else if (k == '\t')
		ev->key = HY_KEY_TAB;
	else if (k == 127 || k == 8)
		ev->key = HY_KEY_BACKSPACE;
	else if (k >= 1 && k <= 26)
		ev->key = HY_KEY_CTRL('a' + k - 1);
	else if (k == 0 || (k >= 28 && k <= 31))
		ev->key = HY_KEY_CTRL(k + 0x40); /* ^@ ^\ ^] ^^ ^_ */
	else if ((k >= 0x80 && k <= 0x9F) || k > 0x10FFFF || (k >= 0xD800 && k <= 0xDFFF))
		return 0;
	else
		ev->key = k;
	return 1;
}

static int mouse_event(struct hy_event *ev)
{
	MEVENT me;

	if (getmouse(&me) != OK)
		return 0;
	if (me.bstate & BUTTON4_PRESSED)
		ev->mouse = HY_MOUSE_WHEEL_UP;
	else if (me.bstate & BUTTON5_PRESSED)
		ev->mouse = HY_MOUSE_WHEEL_DOWN;
	else if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		ev->mouse = HY_MOUSE_CLICK;
	else
		return 0;
	ev->type = HY_EV_MOUSE;
	ev->x = me.x;
	ev->y = me.y;
	return 1;
}

/* After one resize, swallow the ones queued behind it; the first other
 * key goes back into the queue. */
static void drain_resizes(WINDOW *kw)
{
	wint_t wc;
	int r;

	wtimeout(kw, 0);
	while ((r = wget_wch(kw, &wc)) != ERR) {
		if (r == KEY_CODE_YES && wc == KEY_RESIZE)
			continue;
		if (r == KEY_CODE_YES)
			ungetch((int)wc);
		else
			unget_wch((wchar_t)wc);
		break;
	}
}

int hy_term_read(struct hy_term *t, struct hy_event *ev, int timeout_ms)
{
	long deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : 0;

	set_term(t->scr);
	memset(ev, 0, sizeof *ev);
	for (;;) {
		wint_t wc;
		int r, wait = -1;

		if (quit_flag) { /* sticky: every later read says quit too */
			ev->type = HY_EV_QUIT;
			return 1;
		}
		if (int_flag) { /* the model decides: cancel or quit */
			int_flag = 0;
			ev->type = HY_EV_INTERRUPT;
			return 1;
		}
		if (tstp_flag) {
			suspend(t);
			ev->type = HY_EV_REDRAW;
			ev->w = COLS;
			ev->h = LINES;
			return 1;
		}
		/* What ncurses holds first (sequences handed to it, a
		 * resize), then what was read, then the terminal. */
		if (t->fwd || t->pos == t->len) {
			wtimeout(t->kw, 0);
			r = wget_wch(t->kw, &wc);
			if (r == ERR)
				t->fwd = 0;
			if (r == KEY_CODE_YES && wc == KEY_RESIZE) {
				drain_resizes(t->kw);
				sync_size(t);
				t->need_full = 1;
				t->rtop = -1;
				ev->type = HY_EV_RESIZE;
				ev->w = COLS;
				ev->h = LINES;
				return 1;
			}
			if (r == KEY_CODE_YES && wc == KEY_MOUSE) {
				if (mouse_event(ev))
					return 1;
				continue;
			}
			if (r != ERR) {
				if (key_event(r, wc, ev))
					return 1;
				memset(ev, 0, sizeof *ev);
				continue;
			}
		}
		if (t->pos < t->len) {
			if (take(t, ev))
				return 1;
			continue;
		}
		if (timeout_ms >= 0) {
			long left = deadline - now_ms();
			wait = left > 0 ? (int)left : 0;
		}
		if (more(t, wait, 1) != 0)
			continue; /* read, hung up (quit_flag), a signal */
		if (timeout_ms >= 0 && deadline - now_ms() <= 0 && !quit_flag && !tstp_flag &&
		    !int_flag)
			return 0;
		/* a signal: look again */
	}
}
