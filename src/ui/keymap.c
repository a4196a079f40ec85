/* keymap.c: the key tables (keymap.h). One table binds keys to actions per
 * screen; another says what each action does. Help is generated from both.
 * The user's bindings (the config file) come before the defaults. */
#include "huiyi/keymap.h"
#include "huiyi/i18n.h"
#include "huiyi/utf8.h"

#include <stdio.h>
#include <string.h>

#define LIST (1u << HY_SCREEN_LIST)
#define MEET (1u << HY_SCREEN_MEETING)
#define HELP (1u << HY_SCREEN_HELP)
#define RES (1u << HY_SCREEN_RESULTS)
#define PPL (1u << HY_SCREEN_PEOPLE)
#define CAR (1u << HY_SCREEN_CAREER)
#define ATT (1u << HY_SCREEN_ATTEND)
#define TABLES (PPL | CAR | ATT) /* the people's screens */
#define TRND (1u << HY_SCREEN_TREND)
#define ALL (LIST | MEET | HELP | RES | TABLES | TRND)

struct binding {
	uint32_t key;
	enum hy_action act;
	unsigned screens;
	const char *label;
};

static const struct binding bindings[] = {
	{'j', HY_ACT_DOWN, ALL, "j"},
	{HY_KEY_DOWN, HY_ACT_DOWN, ALL, "↓"},
	{'k', HY_ACT_UP, ALL, "k"},
	{HY_KEY_UP, HY_ACT_UP, ALL, "↑"},
	{' ', HY_ACT_PAGE_DOWN, ALL, "Space"},
	{HY_KEY_PGDN, HY_ACT_PAGE_DOWN, ALL, "PgDn"},
	{'b', HY_ACT_PAGE_UP, ALL, "b"},
	{HY_KEY_PGUP, HY_ACT_PAGE_UP, ALL, "PgUp"},
	{'d', HY_ACT_HALF_DOWN, ALL, "d"},
	{HY_KEY_CTRL('d'), HY_ACT_HALF_DOWN, ALL, "^D"},
	{'u', HY_ACT_HALF_UP, ALL, "u"},
	{HY_KEY_CTRL('u'), HY_ACT_HALF_UP, ALL, "^U"},
	{'g', HY_ACT_TOP, ALL, "g"},
	{HY_KEY_HOME, HY_ACT_TOP, ALL, "Home"},
	{'G', HY_ACT_BOTTOM, ALL, "G"},
	{HY_KEY_END, HY_ACT_BOTTOM, ALL, "End"},
	{HY_KEY_ENTER, HY_ACT_OPEN, LIST | RES | TABLES | TRND, "Enter"},
	{'l', HY_ACT_OPEN, LIST | RES | TABLES, "l"},
	{HY_KEY_RIGHT, HY_ACT_OPEN, LIST | RES | TABLES, "→"},
	{HY_KEY_TAB, HY_ACT_NEXT_SECTION, MEET, "Tab"},
	{']', HY_ACT_NEXT_SECTION, MEET, "]"},
	{HY_KEY_BTAB, HY_ACT_PREV_SECTION, MEET, "S-Tab"},
	{'[', HY_ACT_PREV_SECTION, MEET, "["},
	{'1', HY_ACT_SECTION, MEET, "1–9"},
	{'2', HY_ACT_SECTION, MEET, NULL},
	{'3', HY_ACT_SECTION, MEET, NULL},
	{'4', HY_ACT_SECTION, MEET, NULL},
	{'5', HY_ACT_SECTION, MEET, NULL},
	{'6', HY_ACT_SECTION, MEET, NULL},
	{'7', HY_ACT_SECTION, MEET, NULL},
	{'8', HY_ACT_SECTION, MEET, NULL},
	{'9', HY_ACT_SECTION, MEET, NULL},
	{'/', HY_ACT_SEARCH, LIST | MEET | RES, "/"},
	{'n', HY_ACT_NEXT_MATCH, MEET, "n"},
	{'N', HY_ACT_PREV_MATCH, MEET, "N"},
	{'f', HY_ACT_FILTER, LIST | PPL, "f"},
	{'s', HY_ACT_SORT, LIST | PPL, "s"},
	{'p', HY_ACT_PEOPLE, LIST | MEET, "p"},
	{'R', HY_ACT_REFRESH, LIST, "R"},
	{'T', HY_ACT_TREND, RES, "T"},
	{'y', HY_ACT_COPY, MEET, "y"},
	{'Y', HY_ACT_COPY_ALL, MEET, "Y"},
	{'t', HY_ACT_SCRIPT, MEET, "t"},
	{'o', HY_ACT_OUTLINE, MEET, "o"},
	{'S', HY_ACT_SOURCE, MEET, "S"},
	{'?', HY_ACT_HELP, LIST | MEET | RES | TABLES | TRND, "?"},
	{'q', HY_ACT_BACK, MEET | HELP | RES | TABLES | TRND, "q"},
	{HY_KEY_ESC, HY_ACT_BACK, MEET | HELP | RES | TABLES | TRND, "Esc"},
	{'h', HY_ACT_BACK, RES | TABLES, "h"},
	{HY_KEY_LEFT, HY_ACT_BACK, RES | TABLES, "←"},
	{'h', HY_ACT_BACK, MEET, "h"},
	{HY_KEY_LEFT, HY_ACT_BACK, MEET, "←"},
	{'q', HY_ACT_QUIT, LIST, "q"},
	{HY_KEY_ESC, HY_ACT_QUIT, LIST, "Esc"},
};

struct doc {
	enum hy_action act;
	unsigned screens;
	const char *what;
};

/* What the help screen says, in this order. */
static const struct doc docs[] = {
	{HY_ACT_DOWN, LIST, N_("next meeting")},
	{HY_ACT_UP, LIST, N_("previous meeting")},
	{HY_ACT_DOWN, RES, N_("next result")},
	{HY_ACT_UP, RES, N_("previous result")},
	{HY_ACT_DOWN, PPL | ATT, N_("next person")},
	{HY_ACT_UP, PPL | ATT, N_("previous person")},
	{HY_ACT_DOWN, CAR, N_("next meeting of the career")},
	{HY_ACT_UP, CAR, N_("previous meeting of the career")},
	{HY_ACT_DOWN, TRND, N_("next period")},
	{HY_ACT_UP, TRND, N_("previous period")},
	{HY_ACT_DOWN, MEET | HELP, N_("scroll down a line")},
	{HY_ACT_UP, MEET | HELP, N_("scroll up a line")},
	{HY_ACT_PAGE_DOWN, ALL, N_("page down")},
	{HY_ACT_PAGE_UP, ALL, N_("page up")},
	{HY_ACT_HALF_DOWN, ALL, N_("half a page down")},
	{HY_ACT_HALF_UP, ALL, N_("half a page up")},
	{HY_ACT_TOP, ALL, N_("first")},
	{HY_ACT_BOTTOM, ALL, N_("last")},
	{HY_ACT_OPEN, LIST, N_("open the meeting")},
	{HY_ACT_OPEN, RES, N_("open the meeting at the matching section")},
	{HY_ACT_OPEN, PPL | ATT, N_("the person's career: roles over the years, meetings")},
	{HY_ACT_OPEN, CAR, N_("open the meeting")},
	{HY_ACT_OPEN, TRND, N_("narrow the results to this period (the filter: f on the list)")},
	{HY_ACT_TREND, RES, N_("the search per month, quarter or year, as bars")},
	{HY_ACT_NEXT_SECTION, MEET, N_("next agenda section")},
	{HY_ACT_PREV_SECTION, MEET, N_("previous agenda section")},
	{HY_ACT_SECTION, MEET, N_("agenda section 1 to 9")},
	{HY_ACT_SEARCH, LIST | RES,
	 N_("search every meeting: words (AND), \"a phrase\", -word, OR; either script; pinyin")},
	{HY_ACT_SEARCH, MEET, N_("search this meeting (Enter: go, Esc: cancel)")},
	{HY_ACT_NEXT_MATCH, MEET, N_("next match (then the next search result)")},
	{HY_ACT_PREV_MATCH, MEET, N_("previous match")},
	{HY_ACT_FILTER, LIST,
	 N_("filter: 2024, 2023-01..2023-06, body:县政府, person:刘锐 (empty: all)")},
	{HY_ACT_FILTER, PPL,
	 N_("filter: 2024, 2023-01..2023-06, body:县政府, a piece of the name: 刘, liu (empty: all)")},
	{HY_ACT_SORT, LIST, N_("sort by date, body, number")},
	{HY_ACT_SORT, PPL, N_("sort by meetings, name (pinyin), last seen")},
	{HY_ACT_PEOPLE, LIST, N_("people: everyone who chaired, attended or observed")},
	{HY_ACT_PEOPLE, MEET, N_("the people of this meeting")},
	{HY_ACT_COPY, MEET, N_("copy the section (in a search: the match's paragraph)")},
	{HY_ACT_COPY_ALL, MEET, N_("copy the whole meeting, a citation line first")},
	{HY_ACT_SCRIPT, MEET, N_("the other script (繁→简, 简→繁: OpenCC), again: as stored")},
	{HY_ACT_SOURCE, MEET, N_("the meeting as its next source (another site's copy)")},
	{HY_ACT_OUTLINE, MEET, N_("show or hide the outline beside the text")},
	{HY_ACT_REFRESH, LIST,
	 N_("reload the list and the count, the selection kept (also by itself when an import adds meetings)")},
	{HY_ACT_HELP, LIST | MEET | RES | TABLES | TRND, N_("this help")},
	{HY_ACT_BACK, MEET | HELP | RES | TABLES | TRND, N_("back")},
	{HY_ACT_QUIT, LIST, N_("quit")},
};

/* The screens as help names them, by enum hy_screen. */
static const char *const names[] = {
	[HY_SCREEN_LIST] = N_("the list"),
	[HY_SCREEN_MEETING] = N_("a meeting"),
	[HY_SCREEN_HELP] = N_("help"),
	[HY_SCREEN_RESULTS] = N_("search results"),
	[HY_SCREEN_PEOPLE] = N_("people"),
	[HY_SCREEN_CAREER] = N_("a career"),
	[HY_SCREEN_ATTEND] = N_("a meeting's people"),
	[HY_SCREEN_TREND] = N_("the trend"),
};

const char *hy_keymap_screen_name(enum hy_screen screen)
{
	size_t n = sizeof names / sizeof names[0];
	return _((size_t)screen < n && names[screen] ? names[screen] : "the list");
}

/* The user's bindings, in the order given (the last of a key wins). */
static struct binding user[HY_KEYMAP_USER_MAX];
static size_t n_user;

int hy_keymap_bind(unsigned screens, uint32_t key, enum hy_action act)
{
	if (n_user == HY_KEYMAP_USER_MAX)
		return -1;
	user[n_user++] = (struct binding){key, act, screens & ALL, NULL};
	return 0;
}

void hy_keymap_reset(void)
{
	n_user = 0;
}

/* The binding of key on the screen of bit: the user's last, else the
 * defaults' first; NULL when none. */
static const struct binding *bound(unsigned bit, uint32_t key)
{
	for (size_t i = n_user; i-- > 0;)
		if (user[i].key == key && (user[i].screens & bit))
			return &user[i];
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if (bindings[i].key == key && (bindings[i].screens & bit))
			return &bindings[i];
	return NULL;
}

enum hy_action hy_keymap_lookup(enum hy_screen screen, uint32_t key, int *arg)
{
	const struct binding *b = bound(1u << screen, key);
	if (arg)
		*arg = b && b->act == HY_ACT_SECTION ? (int)(key - '0') : 0;
	return b ? b->act : HY_ACT_NONE;
}

/* A label for the help: the default's ("↓", "^D"), else the key's name. */
static void label_of(const struct binding *b, char *buf, size_t n)
{
	if (b->label)
		snprintf(buf, n, "%s", b->label);
	else
		hy_keymap_key_id(b->key, buf, n);
}

/* Append label to keys (space-separated) unless it is there already. */
static void add_label(char *keys, size_t cap, const char *label)
{
	size_t used = strlen(keys), l = strlen(label);
	for (const char *p = keys; (p = strstr(p, label)) != NULL; p += l)
		if ((p == keys || p[-1] == ' ') && (p[l] == ' ' || p[l] == '\0'))
			return;
	snprintf(keys + used, cap - used, "%s%s", used ? " " : "", label);
}

size_t hy_keymap_help(enum hy_screen screen, struct hy_help_line *out, size_t max)
{
	unsigned bit = 1u << screen;
	size_t n = 0;
	for (size_t d = 0; d < sizeof docs / sizeof docs[0] && n < max; d++) {
		if (!(docs[d].screens & bit))
			continue;
		struct hy_help_line *l = &out[n];
		char label[32];
		l->keys[0] = '\0';
		/* the user's keys first, then the defaults still in force */
		for (size_t i = 0; i < n_user; i++) {
			const struct binding *b = &user[i];
			if (b->act != docs[d].act || bound(bit, b->key) != b)
				continue;
			label_of(b, label, sizeof label);
			add_label(l->keys, sizeof l->keys, label);
		}
		for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
			const struct binding *b = &bindings[i];
			if (b->act != docs[d].act || !(b->screens & bit) || !b->label)
				continue;
			if (bound(bit, b->key) != b)
				continue;
			add_label(l->keys, sizeof l->keys, b->label);
		}
		if (!l->keys[0])
			continue;
		l->what = _(docs[d].what);
		n++;
	}
	return n;
}

void hy_keymap_hint(enum hy_screen screen, const struct hy_hint *items, size_t n, char *buf,
		    size_t cap)
{
	unsigned bit = 1u << screen;
	size_t used = 0;
	if (cap)
		buf[0] = '\0';
	for (size_t it = 0; it < n; it++) {
		const struct binding *first = NULL;
		for (size_t i = n_user; i-- > 0 && !first;)
			if (user[i].act == items[it].act && bound(bit, user[i].key) == &user[i])
				first = &user[i];
		for (size_t i = 0; i < sizeof bindings / sizeof bindings[0] && !first; i++)
			if (bindings[i].act == items[it].act &&
			    bound(bit, bindings[i].key) == &bindings[i])
				first = &bindings[i];
		if (!first)
			continue;
		char label[32];
		label_of(first, label, sizeof label);
		int w = snprintf(buf + used, cap - used, "%s%s %s", used ? "· " : "", label,
				 _(items[it].word));
		if (w < 0 || (size_t)w >= cap - used)
			return;
		used += (size_t)w;
		if (used + 1 < cap) {
			buf[used++] = ' ';
			buf[used] = '\0';
		}
	}
}

/* ---- names ----------------------------------------------------------- */

static const char *const screen_ids[] = {
	[HY_SCREEN_LIST] = "list",
	[HY_SCREEN_MEETING] = "meeting",
	[HY_SCREEN_HELP] = "help",
	[HY_SCREEN_RESULTS] = "results",
	[HY_SCREEN_PEOPLE] = "people",
	[HY_SCREEN_CAREER] = "career",
	[HY_SCREEN_ATTEND] = "meeting-people",
	[HY_SCREEN_TREND] = "trend",
};

static const char *const action_ids[] = {
	[HY_ACT_NONE] = "none",
	[HY_ACT_DOWN] = "down",
	[HY_ACT_UP] = "up",
	[HY_ACT_PAGE_DOWN] = "page-down",
	[HY_ACT_PAGE_UP] = "page-up",
	[HY_ACT_HALF_DOWN] = "half-down",
	[HY_ACT_HALF_UP] = "half-up",
	[HY_ACT_TOP] = "top",
	[HY_ACT_BOTTOM] = "bottom",
	[HY_ACT_OPEN] = "open",
	[HY_ACT_BACK] = "back",
	[HY_ACT_QUIT] = "quit",
	[HY_ACT_NEXT_SECTION] = "next-section",
	[HY_ACT_PREV_SECTION] = "prev-section",
	[HY_ACT_SECTION] = "section", /* 1–9 only: not bindable */
	[HY_ACT_SEARCH] = "search",
	[HY_ACT_NEXT_MATCH] = "next-match",
	[HY_ACT_PREV_MATCH] = "prev-match",
	[HY_ACT_FILTER] = "filter",
	[HY_ACT_SORT] = "sort",
	[HY_ACT_HELP] = "help",
	[HY_ACT_REFRESH] = "refresh",
	[HY_ACT_PEOPLE] = "people",
	[HY_ACT_TREND] = "trend",
	[HY_ACT_COPY] = "copy",
	[HY_ACT_COPY_ALL] = "copy-meeting",
	[HY_ACT_SCRIPT] = "script",
	[HY_ACT_SOURCE] = "source",
	[HY_ACT_OUTLINE] = "outline",
};

static const struct {
	const char *name;
	uint32_t key;
} key_ids[] = {
	{"Space", ' '},
	{"Enter", HY_KEY_ENTER},
	{"Tab", HY_KEY_TAB},
	{"S-Tab", HY_KEY_BTAB},
	{"Esc", HY_KEY_ESC},
	{"Up", HY_KEY_UP},
	{"Down", HY_KEY_DOWN},
	{"Left", HY_KEY_LEFT},
	{"Right", HY_KEY_RIGHT},
	{"PgUp", HY_KEY_PGUP},
	{"PgDn", HY_KEY_PGDN},
	{"Home", HY_KEY_HOME},
	{"End", HY_KEY_END},
	{"Backspace", HY_KEY_BACKSPACE},
	{"Delete", HY_KEY_DELETE},
};

const char *hy_keymap_screen_id(enum hy_screen screen)
{
	return (size_t)screen < sizeof screen_ids / sizeof screen_ids[0] ? screen_ids[screen]
									 : "list";
}

const char *hy_keymap_action_id(enum hy_action act)
{
	return (size_t)act < sizeof action_ids / sizeof action_ids[0] ? action_ids[act] : "none";
}

const char *hy_keymap_screen_ids(void)
{
	return "list, meeting, results, people, career, meeting-people, trend, help, all";
}

const char *hy_keymap_action_ids(void)
{
	return "down, up, page-down, page-up, half-down, half-up, top, bottom, open, back, "
	       "quit, next-section, prev-section, search, next-match, prev-match, filter, sort, "
	       "help, refresh, people, trend, copy, copy-meeting, none";
}

int hy_keymap_screens_named(const char *name, unsigned *mask)
{
	unsigned m = 0;
	const char *p = name;
	while (*p) {
		const char *e = strchr(p, ',');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		size_t i = 0;
		if (l == 3 && strncmp(p, "all", 3) == 0) {
			m |= ALL;
		} else {
			for (; i < sizeof screen_ids / sizeof screen_ids[0]; i++)
				if (strlen(screen_ids[i]) == l && strncmp(p, screen_ids[i], l) == 0)
					break;
			if (i == sizeof screen_ids / sizeof screen_ids[0])
				return -1;
			m |= 1u << i;
		}
		p += l;
		if (*p == ',' && *++p == '\0')
			return -1;
	}
	if (!m)
		return -1;
	*mask = m;
	return 0;
}

int hy_keymap_action_named(const char *name, enum hy_action *act)
{
	for (size_t i = 0; i < sizeof action_ids / sizeof action_ids[0]; i++)
		if (i != HY_ACT_SECTION && strcmp(name, action_ids[i]) == 0) {
			*act = (enum hy_action)i;
			return 0;
		}
	return -1;
}

int hy_keymap_key_named(const char *name, uint32_t *key)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof key_ids / sizeof key_ids[0]; i++)
		if (strcmp(name, key_ids[i].name) == 0) {
			*key = key_ids[i].key;
			return 0;
		}
	/* ^D, C-d: a control key (Ctrl-C, Ctrl-\\ and Ctrl-Z are signals) */
	if ((n == 2 && s[0] == '^') || (n == 3 && s[0] == 'C' && s[1] == '-')) {
		unsigned c = s[n - 1];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (((c >= 'a' && c <= 'z') || c == '@' || c == ']' || c == '^' || c == '_') &&
		    c != 'c' && c != 'z' && c != 'm' && c != 'i' && c != 'h' && c != '[') {
			*key = HY_KEY_CTRL(c);
			return 0;
		}
		return -1;
	}
	/* one printable character, in UTF-8 */
	uint32_t cp;
	int bad;
	if (n == 0 || hy_utf8_next(name, n, &cp, &bad) != n || bad || cp <= 0x20 || cp == 0x7F ||
	    (cp >= 0x80 && cp < 0xA0))
		return -1;
	*key = cp;
	return 0;
}

void hy_keymap_key_id(uint32_t key, char *buf, size_t n)
{
	for (size_t i = 0; i < sizeof key_ids / sizeof key_ids[0]; i++)
		if (key_ids[i].key == key) {
			snprintf(buf, n, "%s", key_ids[i].name);
			return;
		}
	if (key >= HY_KEY_CTRL_BASE && key < HY_KEY_CTRL_BASE + 0x80) {
		unsigned c = key - HY_KEY_CTRL_BASE;
		snprintf(buf, n, "^%c", c >= 'a' && c <= 'z' ? (char)(c - 32) : (char)c);
		return;
	}
	char u[5] = {0};
	if (key <= 0x10FFFF)
		hy_utf8_encode(key, u);
	snprintf(buf, n, "%s", u);
}

size_t hy_keymap_each(void (*fn)(void *ctx, unsigned screens, uint32_t key, enum hy_action act),
		      void *ctx)
{
	size_t total = n_user + sizeof bindings / sizeof bindings[0], count = 0;
	for (size_t i = 0; i < total; i++) {
		const struct binding *b = i < n_user ? &user[i] : &bindings[i - n_user];
		/* the screens where this binding is the one in force, and
		 * none listed before it says the same */
		unsigned mask = 0;
		for (int sc = 0; sc < HY_SCREEN_COUNT; sc++) {
			unsigned bit = 1u << sc;
			const struct binding *in = bound(bit, b->key);
			if (in != b)
				continue;
			/* an unbinding counts where a default binds the key */
			if (b->act == HY_ACT_NONE) {
				int had = 0;
				for (size_t d = 0; d < sizeof bindings / sizeof bindings[0]; d++)
					had |= bindings[d].key == b->key &&
					       (bindings[d].screens & bit);
				if (!had)
					continue;
			}
			mask |= bit;
		}
		if (!mask)
			continue;
		fn(ctx, mask, b->key, b->act);
		count++;
	}
	return count;
}
