/* people_int.h: what the people's files of src/store share (people.h,
 * DESIGN.md §2 People): people.c the schema and the import, people_key.c
 * the keys, people_read.c the reads a list, a career or a screen needs. */
#ifndef HUIYI_STORE_PEOPLE_INT_H
#define HUIYI_STORE_PEOPLE_INT_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

struct hy_store;

/* The statements kept on the store (prepared on first use, each SQL text
 * beside the code that binds it): a slot each. */
enum {
	PS_LINK, /* people.c: meeting_people, with title and invited */
	PS_FIND, /* persons by (key, place) */
	PS_INSERT,
	PS_APPEAR,
	PS_BUMP,  /* a person's counts, dates and role after an appearance */
	PS_TOTAL, /* one more person (schema v8) */
	PS_LOG,   /* an appearance into the batch's log (v13) */
	PS_GET,   /* people_read.c: one person */
	PS_BY_KEY,
	PS_BY_PY,
	PS_ROLES, /* a career */
	PS_DATED,
	PS_UNDATED,
	PS_MET,
	PS_ROLE_IN,   /* the last role between two dates */
	PS_TOTAL_GET, /* how many persons (v8) */
	PS_COUNT
};

/* The statement of slot, sql prepared there on first use, reset and its
 * bindings cleared, into *out (kept: not the caller's to finalize). An
 * hy_err code; a database before v7 has no people. */
int hy_people_stmt(struct hy_store *s, int slot, const char *sql, sqlite3_stmt **out, char *err,
		   size_t errlen);

/* The pinyin of a folded name (hy_people_key), its syllables run
 * together, its first character or two read as a surname (单磊
 * shanlei); NULL when a character has no reading, or out of memory. */
char *hy_people_pinyin(const char *key, int *oom);

/* The key of the name order (persons.sort), malloc()ed, *n bytes: the
 * pinyin syllable by syllable (the surname as a surname), then ICU's zh
 * collation key of the name. NULL when out of memory. */
uint8_t *hy_people_sort_key(const char *name, int32_t *n, int *oom);

#endif
