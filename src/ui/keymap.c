/* keymap.c: the key tables (keymap.h). One table binds keys to actions per
 * screen; another says what each action does. Help is generated from both. */
#include "huiyi/keymap.h"

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
	{HY_ACT_DOWN, LIST, "next meeting"},
	{HY_ACT_UP, LIST, "previous meeting"},
	{HY_ACT_DOWN, RES, "next result"},
	{HY_ACT_UP, RES, "previous result"},
	{HY_ACT_DOWN, PPL | ATT, "next person"},
	{HY_ACT_UP, PPL | ATT, "previous person"},
	{HY_ACT_DOWN, CAR, "next meeting of the career"},
	{HY_ACT_UP, CAR, "previous meeting of the career"},
	{HY_ACT_DOWN, TRND, "next period"},
	{HY_ACT_UP, TRND, "previous period"},
	{HY_ACT_DOWN, MEET | HELP, "scroll down a line"},
	{HY_ACT_UP, MEET | HELP, "scroll up a line"},
	{HY_ACT_PAGE_DOWN, ALL, "page down"},
	{HY_ACT_PAGE_UP, ALL, "page up"},
	{HY_ACT_HALF_DOWN, ALL, "half a page down"},
	{HY_ACT_HALF_UP, ALL, "half a page up"},
	{HY_ACT_TOP, ALL, "first"},
	{HY_ACT_BOTTOM, ALL, "last"},
	{HY_ACT_OPEN, LIST, "open the meeting"},
	{HY_ACT_OPEN, RES, "open the meeting at the matching section"},
	{HY_ACT_OPEN, PPL | ATT, "the person's career: roles over the years, meetings"},
	{HY_ACT_OPEN, CAR, "open the meeting"},
	{HY_ACT_OPEN, TRND, "narrow the results to this period (the filter: f on the list)"},
	{HY_ACT_TREND, RES, "the search per month, quarter or year, as bars"},
	{HY_ACT_NEXT_SECTION, MEET, "next agenda section"},
	{HY_ACT_PREV_SECTION, MEET, "previous agenda section"},
	{HY_ACT_SECTION, MEET, "agenda section 1 to 9"},
	{HY_ACT_SEARCH, LIST | RES,
	 "search every meeting: words (AND), \"a phrase\", -word, OR; either script; pinyin"},
	{HY_ACT_SEARCH, MEET, "search this meeting (Enter: go, Esc: cancel)"},
	{HY_ACT_NEXT_MATCH, MEET, "next match (then the next search result)"},
	{HY_ACT_PREV_MATCH, MEET, "previous match"},
	{HY_ACT_FILTER, LIST,
	 "filter: 2024, 2023-01..2023-06, body:县政府, person:刘锐 (empty: all)"},
	{HY_ACT_FILTER, PPL,
	 "filter: 2024, 2023-01..2023-06, body:县政府, a piece of the name: 刘, liu (empty: all)"},
	{HY_ACT_SORT, LIST, "sort by date, body, number"},
	{HY_ACT_SORT, PPL, "sort by meetings, name (pinyin), last seen"},
	{HY_ACT_PEOPLE, LIST, "people: everyone who chaired, attended or observed"},
	{HY_ACT_PEOPLE, MEET, "the people of this meeting"},
	{HY_ACT_REFRESH, LIST,
	 "reload the list and the count, the selection kept (also by itself when an import adds meetings)"},
	{HY_ACT_HELP, LIST | MEET | RES | TABLES | TRND, "this help"},
	{HY_ACT_BACK, MEET | HELP | RES | TABLES | TRND, "back"},
	{HY_ACT_QUIT, LIST, "quit"},
};

/* The screens as help names them, by enum hy_screen. */
static const char *const names[] = {
	[HY_SCREEN_LIST] = "the list",
	[HY_SCREEN_MEETING] = "a meeting",
	[HY_SCREEN_HELP] = "help",
	[HY_SCREEN_RESULTS] = "search results",
	[HY_SCREEN_PEOPLE] = "people",
	[HY_SCREEN_CAREER] = "a career",
	[HY_SCREEN_ATTEND] = "a meeting's people",
	[HY_SCREEN_TREND] = "the trend",
};

const char *hy_keymap_screen_name(enum hy_screen screen)
{
	size_t n = sizeof names / sizeof names[0];
	return (size_t)screen < n && names[screen] ? names[screen] : "the list";
}

enum hy_action hy_keymap_lookup(enum hy_screen screen, uint32_t key, int *arg)
{
	unsigned bit = 1u << screen;
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
		const struct binding *b = &bindings[i];
		if (b->key == key && (b->screens & bit)) {
			if (arg)
				*arg = b->act == HY_ACT_SECTION ? (int)(key - '0') : 0;
			return b->act;
		}
	}
	return HY_ACT_NONE;
}

size_t hy_keymap_help(enum hy_screen screen, struct hy_help_line *out, size_t max)
{
	unsigned bit = 1u << screen;
	size_t n = 0;
	for (size_t d = 0; d < sizeof docs / sizeof docs[0] && n < max; d++) {
		if (!(docs[d].screens & bit))
			continue;
		struct hy_help_line *l = &out[n];
		l->keys[0] = '\0';
		for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
			const struct binding *b = &bindings[i];
			if (b->act != docs[d].act || !(b->screens & bit) || !b->label)
				continue;
			size_t used = strlen(l->keys);
			snprintf(l->keys + used, sizeof l->keys - used, "%s%s", used ? " " : "",
				 b->label);
		}
		if (!l->keys[0])
			continue;
		l->what = docs[d].what;
		n++;
	}
	return n;
}
