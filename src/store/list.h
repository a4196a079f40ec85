/* list.h: what the files of the meeting list share (query.c and
 * list_filter.c); not a public header. */
#ifndef HUIYI_STORE_LIST_H
#define HUIYI_STORE_LIST_H

#include "internal.h"

#include <stddef.h>
#include <stdint.h>

#define MAX_MERGE 8   /* bodies merged as streams by a page */
#define MAX_NAMES 256 /* bodies counted one by one */
#define MAX_PEOPLE 64 /* people ids bound into the query */

/* hy_store_key.flags */
enum { KEY_BODY = 1, KEY_LONG = 2 };

/* The sort values of a row or of a key. */
struct sv {
	const char *date; /* "" when unknown */
	size_t dlen;
	const char *body; /* NULL when unknown */
	size_t blen;
	int64_t num; /* 0 when none */
	int64_t id;
};

/* One bound of the date range. */
struct bound {
	int set;
	int incl;
	const char *v;
	size_t n;
};

/* The filter, resolved once per call. */
struct flt {
	struct bound lo, hi;
	const char *body; /* the body substring, or NULL */
	char **names;     /* the bodies it names, if not more than asked */
	size_t nnames;
	int many_names;          /* more than MAX_NAMES */
	int per_row;             /* the body is tested per row (not streams) */
	const char *person;      /* the person substring, or NULL */
	int64_t pid[MAX_PEOPLE]; /* the people it names, if not more */
	size_t npid;
	int many_people;
	int by_id; /* read the person's meetings by id, and sort */
};

/* Resolve filter in (NULL: none) into f, the bodies up to max_names of
 * them. Returns 0, 1 when no row can match (a body or person that names
 * nothing), or < 0. */
int hy_store_flt_init(struct hy_store *s, const struct hy_store_filter *in, struct flt *f,
		      size_t max_names, char *err, size_t errlen);
void hy_store_flt_free(struct flt *f);

/* The key's sort values into *v; a key cut short is read back by id into
 * *own (free it). */
int hy_store_key_sv(struct hy_store *s, const struct hy_store_key *k, struct sv *v, char **own,
		    char *err, size_t errlen);

#endif
