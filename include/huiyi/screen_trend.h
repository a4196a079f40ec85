/* screen_trend.h: how often the search of the results screen came up,
 * period by period (src/ui/screen_trend.c; DESIGN.md §4 trend). T on the
 * results opens it; the main loop counts (hy_effects.trend, huiyi trend's
 * counts, with the list's filter) and hands the periods back with
 * hy_model_trend. Enter on a period narrows the list's filter, and so the
 * results, to that period. */
#ifndef HUIYI_SCREEN_TREND_H
#define HUIYI_SCREEN_TREND_H

#include <stddef.h>

struct hy_model;
struct hy_effects;

/* One period: its meetings in the corpus (0: a gap, no meeting at all)
 * and those that match, with their matching sections. */
struct hy_trend_row {
	char period[16]; /* "2024-03", "2024-Q1", "2024" */
	size_t corpus, meetings, sections;
};

struct hy_trend_screen {
	char *query;
	struct hy_trend_row *rows; /* every period, first to last, gaps too */
	size_t n;
	int by;         /* 0 month, 1 quarter, 2 year (trend.h hy_trend_by) */
	size_t undated; /* meetings with no year, left out */
	size_t sel, top;
	int pending, loaded;
};

/* Open the chart of query (the results screen's search). */
void hy_trend_open(struct hy_model *m, const char *query, struct hy_effects *fx);

/* The periods asked for with fx->trend (1 + by); m takes rows (malloc()ed,
 * NULL when n is 0). Months that would not fit 48 rows are asked again by
 * quarter, then by year. */
int hy_model_trend(struct hy_model *m, struct hy_trend_row *rows, size_t n, size_t undated,
		   struct hy_effects *fx);

#endif
