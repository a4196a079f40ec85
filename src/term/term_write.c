/* term_write.c: the writer (term_int.h): a grid → the bytes that make
 * the terminal show it. It keeps what the screen shows (prev), diffs
 * each frame against it, lets the terminal scroll rows that moved (the
 * scroll region kept set, ind/indn, insert/delete line), moves the
 * cursor the shortest way, sends attributes only when they change, and
 * reaches the status line's percentage with rc; terminfo's strings
 * throughout (ANSI forms only where terminfo's are the same). */
#include "term_int.h"

#include "huiyi/err.h"
#include "huiyi/utf8.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

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
void hy_term_load_caps(struct hy_term *t)
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

/* The cheapest bytes that take the cursor to column x of its row. A
 * carriage return or a move left stops at a left margin the cursor is
 * inside of (the margins kept beside the outline): neither crosses one. */
static void horizontal(const struct hy_term *t, int x, char *best)
{
	char tmp[64];
	const char *cr = t->cap[C_CR] ? t->cap[C_CR] : "\r";
	int inside = t->lrmm_on && t->lm0 > 0 && t->x >= t->lm0;
	int cr_ok = !inside, left_ok = !inside || x >= t->lm0;

	strcpy(best, cap1(t, C_HPA, x));
	if (!*best)
		memset(best, 'x', 63), best[63] = '\0';
	if (x == t->x) {
		best[0] = '\0';
		return;
	}
	if (x == 0 && cr_ok)
		pick(best, cr, "");
	if (x > t->x) {
		pick(best, cap1(t, C_CUF, x - t->x), "");
	} else if (left_ok) {
		if (t->cap[C_CUB1] && repeat(tmp, t->cap[C_CUB1], t->x - x))
			pick(best, tmp, "");
		pick(best, cap1(t, C_CUB, t->x - x), "");
	}
	if (x > 0 && cr_ok && *cap1(t, C_CUF, x))
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

static uint32_t row_hash(const struct hy_term *t, const struct hy_cell *r, int x0, int x1,
			 int screen)
{
	uint32_t hsh = 2166136261u;

	for (int x = x0; x < x1; x++) {
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
 * grid's, in columns [x0, x1). */
static int row_cost(const struct hy_term *t, const struct hy_cell *row, const struct hy_cell *scr,
		    int x0, int x1)
{
	static const struct hy_cell erased = {" ", 1, ROLE_ERASED};
	int cost = 0, gap = 1;

	for (int x = x0; x < x1; x++) {
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

/* Left and right margins (DECSLRM; DECLRMM enabled first) at columns
 * [x0, x1) of a w-column screen; the whole width again with x0 0, x1 w.
 * Either sends the cursor home. */
static void margins(struct hy_term *t, int x0, int x1, int w)
{
	char a[32];

	if (x1 == w)
		x1 = 0;
	if (t->lrmm_on && t->lm0 == x0 && t->lm1 == x1)
		return; /* set so already */
	if (!t->lrmm_on) {
		if (x0 == 0 && x1 == 0)
			return; /* none: the whole width */
		out_s(t, "\033[?69h");
		t->lrmm_on = 1;
	}
	t->lm0 = x0;
	t->lm1 = x1;
	x1 = x1 ? x1 : w;
	if (x0 == 0 && x1 == w)
		snprintf(a, sizeof a, "\033[s");
	else if (x1 == w) /* the right margin's default: the last column */
		snprintf(a, sizeof a, "\033[%ds", x0 + 1);
	else
		snprintf(a, sizeof a, "\033[%d;%ds", x0 + 1, x1);
	out_s(t, a);
	t->x = t->y = -1;
}

/* Scroll rows top..bot, columns [x0, x1), by k (> 0: up, the text moves
 * up) on the terminal and in t->prev. Columns short of the whole width
 * only where the terminal has left and right margins (t->lrmm). */
static void scroll_rows(struct hy_term *t, int top, int bot, int k, int gw, int h, int x0, int x1)
{
	int n = k > 0 ? k : -k, cols = x0 > 0 || x1 < gw;
	char a[64];

	if (!t->cur_ok || t->cur.bg >= 0 || (t->cur.attr & HY_STYLE_REVERSE))
		set_sgr(t, &plain); /* new lines take the current background */
	/* the margins this scroll needs; kept after it, so that the next
	 * line scrolled beside the outline sends none */
	if (cols || t->lrmm_on)
		margins(t, x0, x1, gw);
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
			go(t, k > 0 ? bot : top, x0);
			mv = t->olen - before;
			/* ind / ri also leave the cursor where the new rows
			 * are written next: worth a few bytes */
			if (one && (!*a || mv + (size_t)n * strlen(one) < strlen(a) + 6)) {
				for (int i = 0; i < n; i++)
					out_s(t, one);
				/* (a line feed the tty turns into CR LF returns
				 * to the left margin: x0 too) */
				t->y = k > 0 ? bot : top;
				t->x = x0;
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
	size_t rw = (size_t)gw, cw = (size_t)(x1 - x0);
	if (k > 0) {
		for (int y = top; y <= bot - n; y++)
			memmove(c + (size_t)y * rw + (size_t)x0,
				c + (size_t)(y + n) * rw + (size_t)x0, cw * sizeof *c);
		for (int y = bot - n + 1; y <= bot; y++)
			erase_cells(c + (size_t)y * rw + (size_t)x0, (int)cw);
	} else {
		for (int y = bot; y >= top + n; y--)
			memmove(c + (size_t)y * rw + (size_t)x0,
				c + (size_t)(y - n) * rw + (size_t)x0, cw * sizeof *c);
		for (int y = top; y < top + n; y++)
			erase_cells(c + (size_t)y * rw + (size_t)x0, (int)cw);
	}
}

/* The best scroll of columns [x0, x1) since the last frame (a line of
 * scrolling): rows found by their hashes, the block grown while its rows
 * look more like the moved ones (beside the outline a row moves but for
 * its outline part). Returns the bytes it saves over writing those
 * columns, 0 for none worth it, with the rows top..bot and the distance
 * k (> 0: up). */
static long plan_scroll(struct hy_term *t, const struct hy_grid *g, int x0, int x1, int h, int *kp,
			int *topp, int *botp)
{
	uint32_t *hn = t->hn, *ho = t->ho;
	int *votes = t->votes, best = 0, k = 0, top, bot;
	const struct hy_cell *nc = g->cells, *sc = t->prev.cells;
	size_t rw = (size_t)g->w;
	long bestc = 0, s0;

	for (int y = 0; y < h; y++) {
		hn[y] = row_hash(t, nc + (size_t)y * rw, x0, x1, 0);
		ho[y] = row_hash(t, sc + (size_t)y * rw, x0, x1, 1);
	}
	uint32_t blank = 2166136261u;
	for (int x = x0; x < x1; x++)
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
		for (int sg = 1; sg >= -1; sg -= 2)
			if (votes[sg * d + h] > best)
				best = votes[sg * d + h], k = sg * d;
	if (!best)
		return 0;
	/* every region top..bot: the rows in it come from k rows away (the
	 * vacated ones erased), the others stay; the cheapest, if it costs
	 * less than no scrolling (prefix sums: c0 stays, c1 moved, ce
	 * erased); margins cost their bytes */
	int n = k > 0 ? k : -k, *p0 = t->votes, *p1 = p0 + h + 1, *pe = p1 + h + 1;
	int narrow = x0 > 0 || x1 < g->w, held = t->lrmm_on && (t->lm0 > 0 || t->lm1 > 0);
	int same = held && t->lm0 == x0 && (t->lm1 ? t->lm1 : g->w) == x1;
	int extra = narrow ? (same ? 0 : 16) : held ? 8 : 0;
	p0[0] = p1[0] = pe[0] = 0;
	for (int y = 0; y < h; y++) {
		const struct hy_cell *nr = nc + (size_t)y * rw;
		int y2 = y + k;
		p0[y + 1] = p0[y] + row_cost(t, nr, sc + (size_t)y * rw, x0, x1);
		p1[y + 1] =
			p1[y] + (y2 >= 0 && y2 < h ? row_cost(t, nr, sc + (size_t)y2 * rw, x0, x1)
						   : 100000);
		pe[y + 1] = pe[y] + row_cost(t, nr, NULL, x0, x1);
	}
	s0 = p0[h];
	top = bot = -1;
	for (int t0 = 0; t0 < h; t0++)
		for (int b0 = t0 + n; b0 < h; b0++) {
			long c = s0 - (p0[b0 + 1] - p0[t0]) + extra +
				 (t->rtop == t0 && t->rbot == b0 ? 4 : 12);
			if (k > 0)
				c += (p1[b0 - n + 1] - p1[t0]) + (pe[b0 + 1] - pe[b0 - n + 1]);
			else
				c += (pe[t0 + n] - pe[t0]) + (p1[b0 + 1] - p1[t0 + n]);
			if (c < s0 && (top < 0 || c < bestc))
				bestc = c, top = t0, bot = b0;
		}
	if (top < 0)
		return 0;
	*kp = k;
	*topp = top;
	*botp = bot;
	return s0 - bestc;
}

/* Rows that moved since the last frame, scrolled on the terminal when
 * that costs less than writing them: the whole width, or where the
 * terminal has left and right margins, the grid's pane alone (the
 * reader beside the outline, which then stays as it is). */
static void find_scroll(struct hy_term *t, const struct hy_grid *g, int w, int h)
{
	int k = 0, top = 0, bot = 0, pk = 0, ptop = 0, pbot = 0;
	int can = t->cap[C_CSR]
			  ? (t->cap[C_INDN] || t->cap[C_IND]) && (t->cap[C_RIN] || t->cap[C_RI])
			  : (t->cap[C_DL] || t->cap[C_DL1]) && (t->cap[C_IL] || t->cap[C_IL1]);
	long save, psave = 0;

	if (!can || h < 3)
		return;
	save = plan_scroll(t, g, 0, w, h, &k, &top, &bot);
	if (t->lrmm && t->cap[C_CSR] && t->ansi_cup && w == g->w && g->pane_x > 0 &&
	    g->pane_x < w - 1)
		psave = plan_scroll(t, g, g->pane_x, w, h, &pk, &ptop, &pbot);
	if (psave > save)
		scroll_rows(t, ptop, pbot, pk, g->w, h, g->pane_x, w);
	else if (save > 0)
		scroll_rows(t, top, bot, k, g->w, h, 0, g->w);
}

/* Everything as the program left it: attributes, the scroll region. */
void hy_term_writer_reset(struct hy_term *t)
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
	if (t->lrmm_on) { /* margins off: CSI s saves the cursor again */
		out_s(t, "\033[?69l");
		t->lrmm_on = 0;
		t->lm0 = t->lm1 = 0;
		t->x = t->y = -1;
	}
}

int hy_term_flush_out(struct hy_term *t)
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
		hy_term_writer_reset(t);
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
	rc = hy_term_flush_out(t);
	if (cy >= 0 && cy < LINES && cx >= 0 && cx < COLS) {
		if (t->cursor != 1 && curs_set(1) != ERR)
			t->cursor = 1;
	} else if (t->cursor != 0 && curs_set(0) != ERR) {
		t->cursor = 0;
	}
	return rc;
}
