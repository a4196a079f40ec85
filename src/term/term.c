/* term.c: the ncursesw backend (term.h): the terminal's modes, signals
 * and probes; input is term_read.c's, grid → screen term_write.c's
 * (term_int.h shared).
 *
 * With term_write.c and term_read.c the only files that include curses. The writer
 * diffs a grid against what the terminal shows and writes the changes
 * itself, with terminfo's strings; ncurses sets the modes and parses
 * keys, and its doupdate() is used only to come back from Ctrl-Z.
 * Input: term_read.c reads the terminal itself, in big
 * chunks (ncurses reads it a byte and a poll() at a time: a megabyte pasted
 * took seconds). Text and control bytes become key events here; a paste
 * (ESC [200~ … ESC [201~) becomes one event; only escape sequences (keys,
 * mouse) are handed to ncurses, written whole to the pipe it reads as its
 * input, so it parses them as before and the order of keys is kept. The
 * waits are poll()s, so signals (quit, Ctrl-Z, resize) are seen. */
#include "term_int.h"

#include "huiyi/err.h"
#include "huiyi/utf8.h"

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
 * and cleared by hy_term_read. hy_term_quit_sig: the signal that asked to quit
 * (SIGHUP too when the terminal hung up without one), for the exit
 * status. */
volatile sig_atomic_t hy_term_quit_flag;
volatile sig_atomic_t hy_term_quit_sig;
volatile sig_atomic_t hy_term_tstp_flag;
volatile sig_atomic_t hy_term_int_flag; /* Ctrl-C: an event, not a quit */

static const int sig_nums[SIG_N] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGWINCH};

/* Bracketed paste (xterm mode 2004): the terminal marks pasted text with
 * ESC [200~ … ESC [201~, so a paste is one edit, not a storm of keys, and
 * a pasted Esc or Enter is text, not a command. On while the browser runs,
 * off when it stops, suspends or leaves. */
static void bracketed_paste(int on)
{
	fputs(on ? "\033[?2004h" : "\033[?2004l", stdout);
	fflush(stdout);
}

/* The terminal the browser holds. ncurses 6.4 also ends the program
 * itself when an allocation of its own fails in some calls after the
 * start-up (its _nc_err_abort: "…: Out of memory", then exit): the screen
 * is given back at that exit all the same (exit_restore, an atexit
 * handler). */
static struct hy_term *held;

static void exit_restore(void)
{
	struct hy_term *t = held;
	held = NULL;
	if (t) {
		set_term(t->scr);
		bracketed_paste(0);
		endwin();
	}
}

static void on_quit(int sig)
{
	if (!hy_term_quit_flag)
		hy_term_quit_sig = sig;
	hy_term_quit_flag = 1;
}

static void on_int(int sig)
{
	(void)sig;
	hy_term_int_flag = 1;
}

static void on_tstp(int sig)
{
	(void)sig;
	hy_term_tstp_flag = 1;
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
/* A guard around ncurses' start-up (setupterm and the look-up after it,
 * newterm): ncurses 6.4 dereferences NULL there when one of its own
 * allocations fails
 * (FUZZING.md, the browser under `make oom`), and has no allocator hook
 * to hear of it. Only ncurses runs inside the guard and nothing is drawn
 * yet, so a fault there ends the program with one line and status 1, as
 * any failed allocation does, instead of a signal. Out of the guard the
 * signals are as they were. */
static const char start_fault_msg[] = "huiyi: the terminal library failed while starting "
				      "(out of memory?)\n";

static void start_fault(int sig)
{
	(void)sig;
	ssize_t w = write(STDERR_FILENO, start_fault_msg, sizeof start_fault_msg - 1);
	(void)w;
	_exit(1);
}

struct start_guard {
	struct sigaction segv, bus;
};

static void start_guard_on(struct start_guard *g)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = start_fault;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGSEGV, &sa, &g->segv);
	sigaction(SIGBUS, &sa, &g->bus);
}

static void start_guard_off(const struct start_guard *g)
{
	sigaction(SIGSEGV, &g->segv, NULL);
	sigaction(SIGBUS, &g->bus, NULL);
}

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
	errno = 0;
	struct start_guard g;
	start_guard_on(&g);
	int set = setupterm(term, STDOUT_FILENO, &errret), can_move = 0;
	if (set == OK) { /* (a setupterm that lost an allocation may still
			  * say OK, and fault here) */
		cup = tigetstr("cup");
		can_move = cup && cup != (char *)-1;
		del_curterm(cur_term);
	}
	start_guard_off(&g);
	if (set != OK) {
		/* ncurses says "no database" also when an allocation of
		 * its own failed */
		if (errno == ENOMEM)
			return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
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
	if (!can_move)
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
int hy_term_sync_size(struct hy_term *t)
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
	hy_term_quit_flag = 0;
	hy_term_quit_sig = 0;
	hy_term_tstp_flag = 0;
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
	errno = 0;
	struct start_guard g;
	start_guard_on(&g);
	t->scr = newterm(term, stdout, t->keys_in);
	start_guard_off(&g);
	if (!t->scr) {
		char name[48];
		int nomem = errno == ENOMEM; /* check_term took this TERM */
		restore_signals(t);
		fclose(t->keys_in);
		close(t->keys[1]);
		free(t);
		safe_name(term, name, sizeof name);
		if (nomem)
			return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
		return hy_err_set(err, errlen, HY_ERR_INVALID,
				  "cannot start the terminal (TERM=%s)", name);
	}
	set_term(t->scr);
	static int exit_hook;
	if (!exit_hook)
		exit_hook = atexit(exit_restore) == 0;
	held = t;
	hy_term_load_caps(t);
	cbreak();
	noecho();
	nonl();
	/* keys are read through a pad: wget_wch on a window refreshes it
	 * first, and the screen is ours (the writer), not ncurses' */
	t->kw = newpad(1, 1);
	if (!t->kw) {
		held = NULL;
		endwin();
		delscreen(t->scr);
		restore_signals(t);
		fclose(t->keys_in);
		close(t->keys[1]);
		free(t);
		return hy_err_set(err, errlen, HY_ERR_NOMEM, "out of memory");
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
	held = NULL;
	set_term(t->scr);
	hy_term_writer_reset(t);
	hy_term_flush_out(t);
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
	return hy_term_quit_flag ? (int)hy_term_quit_sig : 0;
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
	if (LINES < HY_TERM_PROBE_ROW || COLS < 4 || !u7 || u7 == (char *)-1 ||
	    strcmp(u7, "\033[6n") != 0)
		return -1;
	/* U+25BD, as Vim asks; the first draw clears it away */
	printf("\033[%d;1H\xe2\x96\xbd\033[6n", HY_TERM_PROBE_ROW);
	fflush(stdout);
	t->probe = 1;
	/* the writer no longer knows where the cursor is, nor that cell */
	t->x = t->y = -1;
	if (t->prev.cells && t->prev.h >= HY_TERM_PROBE_ROW)
		t->prev.cells[(size_t)(HY_TERM_PROBE_ROW - 1) * (size_t)t->prev.w].role =
			ROLE_UNKNOWN;
	return 0;
}

int hy_term_copy(struct hy_term *t, const char *text, size_t n)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t out = (n + 2) / 3 * 4, k = 0;
	char *enc = malloc(out + 1);
	if (!enc)
		return HY_ERR_NOMEM;
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned char)text[i] << 16;
		if (i + 1 < n)
			v |= (unsigned char)text[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)text[i + 2];
		enc[k++] = b64[v >> 18 & 63];
		enc[k++] = b64[v >> 12 & 63];
		enc[k++] = i + 1 < n ? b64[v >> 6 & 63] : '=';
		enc[k++] = i + 2 < n ? b64[v & 63] : '=';
	}
	enc[k] = '\0';
	set_term(t->scr);
	int bad = printf("\033]52;c;%s\a", enc) < 0 || fflush(stdout) != 0;
	free(enc);
	return bad ? HY_ERR_IO : 0;
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

int hy_term_probe_margins(struct hy_term *t)
{
	const char *term = getenv("TERM"), *u7;

	set_term(t->scr);
	u7 = tigetstr("u7");
	if (!t->ansi_cup || !t->cap[C_CSR] || !u7 || u7 == (char *)-1 ||
	    strcmp(u7, "\033[6n") != 0 || (term && strncmp(term, "linux", 5) == 0))
		return -1;
	fputs("\033[?69$p", stdout);
	fflush(stdout);
	t->mrprobe = 1;
	return 0;
}

/* Ctrl-Z: give the terminal back, stop, and come back on SIGCONT. */
void hy_term_suspend(struct hy_term *t)
{
	struct sigaction dfl, mine;
	sigset_t set, old;

	hy_term_writer_reset(t);
	hy_term_flush_out(t);
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
	hy_term_tstp_flag = 0;
	/* Back: the size may have changed while we were not in the
	 * foreground (no SIGWINCH then); the screen is repainted whole. */
	if (hy_term_sync_size(t))
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
