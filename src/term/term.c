/* term.c: the ncursesw backend (term.h): the terminal's modes, signals,
 * probes and input; grid → screen is term_write.c's (term_int.h shared).
 *
 * With term_write.c the only file that includes curses. The writer
 * diffs a grid against what the terminal shows and writes the changes
 * itself, with terminfo's strings; ncurses sets the modes and parses
 * keys, and its doupdate() is used only to come back from Ctrl-Z.
 * Input: this file reads the terminal itself, in big
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
 * and cleared by hy_term_read. quit_sig: the signal that asked to quit
 * (SIGHUP too when the terminal hung up without one), for the exit
 * status. */
static volatile sig_atomic_t quit_flag;
static volatile sig_atomic_t quit_sig;
static volatile sig_atomic_t tstp_flag;
static volatile sig_atomic_t int_flag; /* Ctrl-C: an event, not a quit */

static const int sig_nums[SIG_N] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGWINCH};

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
	errno = 0;
	if (setupterm(term, STDOUT_FILENO, &errret) != OK) {
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
	errno = 0;
	t->scr = newterm(term, stdout, t->keys_in);
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
	hy_term_load_caps(t);
	cbreak();
	noecho();
	nonl();
	/* keys are read through a pad: wget_wch on a window refreshes it
	 * first, and the screen is ours (the writer), not ncurses' */
	t->kw = newpad(1, 1);
	if (!t->kw) {
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
static void suspend(struct hy_term *t)
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

/* A DEC mode report at p[0..n) (ESC [ ? mode ; value $ y, DECRPM): its
 * length when whole, 0 while it may go on, -1 when it is none. No key
 * begins with ESC [ ?. */
static long mode_report_len(const unsigned char *p, size_t n, int *mode, int *value)
{
	int v[2] = {0, 0}, f = 0;

	if (n < 3 || p[0] != 27 || p[1] != '[' || p[2] != '?')
		return n < 3 && (n < 2 || p[1] == '[') ? 0 : -1;
	for (size_t i = 3; i < n && i < 24; i++) {
		unsigned char c = p[i];
		if (c >= '0' && c <= '9') {
			v[f] = v[f] < 100000 ? v[f] * 10 + (c - '0') : v[f];
		} else if (c == ';' && f == 0) {
			f = 1;
		} else if (c == '$' && f == 1) {
			if (i + 1 == n)
				return 0;
			if (p[i + 1] != 'y')
				return -1;
			*mode = v[0];
			*value = v[1];
			return (long)i + 2;
		} else {
			return -1;
		}
	}
	return n < 24 ? 0 : -1;
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
	if (p[0] == 27 && n >= 3 && p[1] == '[' && p[2] == '?') {
		/* a mode report (the margins' answer): taken whole, never a
		 * key, its rest waited for a little as an OSC's */
		long k, until = now_ms() + 500, left;
		int mode = 0, value = 0;
		while ((k = mode_report_len(t->in + t->pos, t->len - t->pos, &mode, &value)) == 0 &&
		       (left = until - now_ms()) > 0 && more(t, (int)left, 0) >= 0)
			;
		if (k == 0) { /* never ended: dropped whole, no key */
			t->pos = t->len;
			return 0;
		}
		if (k > 0) {
			t->pos += (size_t)k;
			/* 1 set, 2 reset, 3 permanently set: the terminal has
			 * them; 0 unknown, 4 permanently reset: not */
			if (t->mrprobe && mode == 69) {
				t->mrprobe = 0;
				t->lrmm = value >= 1 && value <= 3;
			}
			return 0;
		}
		p = t->in + t->pos;
		n = t->len - t->pos;
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
