/* screen_results.h: search results over every meeting
 * (src/ui/screen_results.c; DESIGN.md §4). The main loop runs the search
 * asked for (hy_effects.search) and hands pages back with
 * hy_model_results. */
#ifndef HUIYI_SCREEN_RESULTS_H
#define HUIYI_SCREEN_RESULTS_H

#include <stddef.h>
#include <stdint.h>

struct hy_model;
struct hy_effects;

/* One search result, owned by the model. snippet carries the hits between
 * "\x02" and "\x03" (search.h). */
struct hy_result {
	int64_t meeting;
	int section;
	char *date, *title, *heading, *snippet;
};

struct hy_results {
	char *query;             /* the search, or NULL */
	struct hy_result *items; /* the results loaded, from the first */
	size_t n, cap;
	size_t total, meetings; /* sections and meetings found (counted) */
	int counted, done, pending;
	size_t sel, top;
};

/* Search every meeting for q and show the results (from the list). */
void hy_results_start(struct hy_model *m, const char *q, struct hy_effects *fx);

/* Search results asked for with fx->search: n results from the offset
 * asked, and (when counted) the totals. done: no more to come. */
int hy_model_results(struct hy_model *m, const struct hy_result *r, size_t n, int counted,
		     size_t sections, size_t meetings, int done, struct hy_effects *fx);

size_t hy_model_results_height(const struct hy_model *m); /* results shown */

#endif
