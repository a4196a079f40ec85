/* people.h: the people of the stored meetings (schema v7, DESIGN.md §2
 * people).
 *
 * A person is a name, folded as search folds it (劉銳 = 刘锐), within the
 * place of the meetings it appears in (meetings.place, "" when the parser
 * found none): the same name in two counties is two people, never merged.
 * Each appearance keeps its meeting, its part (chair, attendee, observer,
 * invited) and the role written beside the name (县委副书记、县长).
 *
 * The tables (persons, appearances) are made at import and by reindex
 * from the meetings and their people links (schema v7; v8 reads a
 * surname as a surname in the pinyin and the name order, and keeps how
 * many persons there are). A page of everyone and one career are ranges
 * of indexes, so they cost the same at 100 or 100,000 meetings; a page
 * with a body or dates is an aggregate over those meetings' appearances.
 * A screen pages people with hy_store_people_page (from a row already
 * read) and reads one career with hy_store_career; nothing loads
 * everyone. */
#ifndef HUIYI_PEOPLE_H
#define HUIYI_PEOPLE_H

#include <stddef.h>
#include <stdint.h>

#include "huiyi/store.h"

/* The parts a person plays in a meeting, as stored (appearances.part). */
enum hy_part {
	HY_PART_CHAIR = 0, /* "chair": 主持 */
	HY_PART_ATTENDEE,  /* "attendee": 出席, 参加 */
	HY_PART_OBSERVER,  /* "observer": 列席 */
	HY_PART_INVITED,   /* "invited": 应邀参加, 应邀列席 */
	HY_PART_COUNT
};

/* "chair", "attendee", "observer", "invited"; and back (-1: none). */
const char *hy_part_name(enum hy_part p);
int hy_part_from_name(const char *name);

/* One person with their counts (over every meeting, or over those a
 * hy_people_query names). */
struct hy_person {
	int64_t id;
	char *name;  /* as first written */
	char *place; /* "" when unknown */
	long count[HY_PART_COUNT];
	long total;  /* appearances of every part */
	char *first; /* "YYYY-MM-DD" of the first dated meeting, or NULL */
	char *last;  /* of the last */
	char *role;  /* the role written beside the name last, or NULL */
};

enum hy_people_sort {
	HY_PEOPLE_BY_COUNT = 0, /* most appearances first */
	HY_PEOPLE_BY_NAME,      /* by pinyin (ICU's zh collation) */
	HY_PEOPLE_BY_LAST,      /* seen most recently first */
};

struct hy_people_query {
	enum hy_people_sort sort;
	const char *body; /* meetings whose body holds this, or NULL */
	const char *from; /* "YYYY-MM-DD" bounds, included, or NULL */
	const char *to;
	const char *name; /* people whose name holds this (either script, or
			   * pinyin: liu), or NULL */
	size_t offset;    /* rows skipped: paging */
	size_t limit;     /* 0: all */
	/* Paging from a row already read (keyset): person `anchor` (0: none)
	 * is row `anchor_at` of this same query; total (0: not known) how
	 * many rows it has (hy_store_people_count). Hints: the page is still
	 * rows [offset, offset + limit), read from the start, the anchor or
	 * the end, whichever is nearest. */
	int64_t anchor;
	size_t anchor_at;
	size_t total;
};

/* One page of people into *out (n of them; hy_people_free). With no
 * body and no dates the page is read along an index of persons from the
 * start, the end or the anchor (the rows between that and the page are
 * read too, nothing else); with them, the counts are those of the
 * meetings they name. 0 or an hy_err code. */
int hy_store_people_page(struct hy_store *s, const struct hy_people_query *q,
			 struct hy_person **out, size_t *n, char *err, size_t errlen);

void hy_people_free(struct hy_person *v, size_t n);

/* How many people a page of q could show (offset, limit and the hints
 * aside): the browser's people screen pages through them (screen_people.h).
 * 0 or an hy_err code. */
int hy_store_people_count(struct hy_store *s, const struct hy_people_query *q, size_t *total,
			  char *err, size_t errlen);

/* One person of one meeting. */
struct hy_meeting_person {
	int64_t id; /* the person (hy_store_career) */
	char *name;
	enum hy_part part;
	char *role; /* written beside the name, or NULL */
};

/* Meeting `meeting`'s people, the chair first, then the attendees,
 * observers and guests in the order the readout names them (one index
 * range), and, if title is not NULL, the meeting's title (malloc()ed, NULL
 * when none). *out malloc()ed (hy_meeting_people_free); 0 or an hy_err. */
int hy_store_meeting_people(struct hy_store *s, int64_t meeting, struct hy_meeting_person **out,
			    size_t *n, char **title, char *err, size_t errlen);
void hy_meeting_people_free(struct hy_meeting_person *v, size_t n);

/* The ids of the people who answer to what: a name in either script
 * (刘锐, 劉銳), its pinyin without tones (liurui, liu rui, Liu Rui), or a
 * person's id as digits. Every place's person of that name, oldest id
 * first; *n 0 when none. *ids is malloc()ed. */
int hy_store_people_find(struct hy_store *s, const char *what, int64_t **ids, size_t *n, char *err,
			 size_t errlen);

/* A role over time: the meetings from `from` to `to` (dates) name the
 * person with this role, and no other role came between. */
struct hy_role_span {
	char *role;
	char *from; /* "YYYY-MM-DD" */
	char *to;
};

/* One meeting of a career. */
struct hy_appearance {
	int64_t meeting;
	char *date; /* NULL when the meeting's date is not known */
	enum hy_part part;
	char *role;  /* written beside the name there, or NULL */
	char *title; /* the meeting's title */
};

/* Someone met at the same meetings, with how many. */
struct hy_met {
	int64_t id;
	char *name;
	char *place;
	long count;
};

struct hy_career {
	struct hy_person who;
	struct hy_role_span *roles; /* oldest first */
	size_t n_roles;
	struct hy_appearance *meetings; /* oldest first; undated ones last */
	size_t n_meetings;
	struct hy_met *met; /* most first */
	size_t n_met;
};

/* Person id's career (zeroed first): every role span, up to max_meetings
 * of their meetings (0: all), the max_met people met most often (0: 10).
 * HY_ERR_NOTFOUND when there is no such person. */
int hy_store_career(struct hy_store *s, int64_t id, size_t max_meetings, size_t max_met,
		    struct hy_career *c, char *err, size_t errlen);

void hy_career_free(struct hy_career *c);

/* The key a name is stored under (fold.h: traditional → simplified,
 * full width → ASCII, case; spaces, dots and invisible characters
 * dropped), malloc()ed; NULL when out of memory. */
char *hy_people_key(const char *name);

#endif
