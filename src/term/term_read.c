/* term_read.c: the terminal's input (term.h hy_term_read): keys through
 * curses, mouse reports, bracketed pastes, and the answers to the
 * probes term.c sends (cursor position, background colour, mode
 * reports), told apart from keys and never delivered as them; and the
 * signals' flags term.c's handlers set, turned into events. */
#include "term_int.h"

#include "huiyi/err.h"
#include "huiyi/utf8.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits up to ms (0: not at all, -1: for ever) for the terminal to have
 * something, and reads what it has into t->in. Returns the bytes read; 0
 * when the time passed; -1 when the terminal hung up or failed (hy_term_quit_flag
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
			if (on_signal || hy_term_quit_flag || hy_term_int_flag || hy_term_tstp_flag)
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
		if (!hy_term_quit_flag)
			hy_term_quit_sig = SIGHUP;
		hy_term_quit_flag = 1;
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
	if (!t->probe || row != HY_TERM_PROBE_ROW || col < 2 || col > 3)
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
				memset(ev, 0, sizeof *ev);
				ev->type = HY_EV_MARGINS;
				ev->w = t->lrmm;
				return 1;
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

		if (hy_term_quit_flag) { /* sticky: every later read says quit too */
			ev->type = HY_EV_QUIT;
			return 1;
		}
		if (hy_term_int_flag) { /* the model decides: cancel or quit */
			hy_term_int_flag = 0;
			ev->type = HY_EV_INTERRUPT;
			return 1;
		}
		if (hy_term_tstp_flag) {
			hy_term_suspend(t);
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
				hy_term_sync_size(t);
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
			continue; /* read, hung up (hy_term_quit_flag), a signal */
		if (timeout_ms >= 0 && deadline - now_ms() <= 0 && !hy_term_quit_flag &&
		    !hy_term_tstp_flag && !hy_term_int_flag)
			return 0;
		/* a signal: look again */
	}
}
