/* export.h: the stored meetings as data, one at a time (huiyi export,
 * DESIGN.md §2 query "export").
 *
 * hy_store_export walks the meetings a list filter (and a search query)
 * select, oldest date first (unknown dates first of all: the order of the
 * date index), and hands each one whole — row, sections, people with
 * their part and role — to a callback, then frees it: memory is one
 * meeting's, whatever the corpus. */
#ifndef HUIYI_EXPORT_H
#define HUIYI_EXPORT_H

#include <stddef.h>
#include <stdint.h>

#include "huiyi/store.h"

/* One link of a person to a meeting (meeting_people, schema v7). */
struct hy_export_person {
	const char *name;
	const char *part; /* "chair", "attendee", "observer", "invited" */
	const char *role; /* the title written beside the name, or NULL */
};

/* A meeting as exported: valid only during the callback. */
struct hy_export_item {
	const struct hy_store_record *r;
	const struct hy_export_person *people; /* chair, attendees, observers
						* (guests among them), each
						* in text order */
	size_t n_people;
};

/* Return 0 to go on; anything else stops the walk, and hy_store_export
 * returns it. */
typedef int (*hy_export_fn)(const struct hy_export_item *it, void *ctx);

/* Call fn for every meeting matching f (NULL: all) and, when query is not
 * NULL, with a match of that search query (search.h: in a section, or
 * in the title and summary), in one read snapshot. *n (may be NULL) gets
 * the number of meetings handed over. Returns 0, fn's non-zero value, or
 * a negative hy_err code (HY_ERR_INVALID: a query with nothing to
 * search; message in err). */
int hy_store_export(struct hy_store *s, const struct hy_store_filter *f, const char *query,
		    hy_export_fn fn, void *ctx, size_t *n, char *err, size_t errlen);

/* Meeting id alone, as hy_store_export hands it over (huiyi show --format
 * md): 0, fn's value, HY_ERR_NOTFOUND when there is no such meeting, or
 * another negative hy_err code. */
int hy_store_export_id(struct hy_store *s, int64_t id, hy_export_fn fn, void *ctx, char *err,
		       size_t errlen);

#endif
