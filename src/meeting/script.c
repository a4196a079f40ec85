/* script.c: a meeting in the other script (script.h): a copy, every text
 * field through OpenCC, for the reader's `t` and `huiyi show --script`. */
#include "huiyi/script.h"

#include "huiyi/err.h"
#include "huiyi/meeting.h"

#include <stdlib.h>
#include <string.h>

enum hy_script hy_meeting_script(const struct hy_meeting *m)
{
	size_t han_len = 0;
	const char *parts[3] = {m->title, m->summary, m->n_sections ? m->sections[0].text : NULL};
	/* enough text to tell: the title, the opening, the first item */
	char buf[4096];
	for (size_t i = 0; i < 3; i++) {
		if (!parts[i])
			continue;
		size_t k = strlen(parts[i]);
		if (k > sizeof buf - 1 - han_len)
			k = sizeof buf - 1 - han_len;
		memcpy(buf + han_len, parts[i], k);
		han_len += k;
	}
	return hy_script_of(buf, han_len);
}

/* *dst = s converted (NULL stays NULL); rc: the first failure so far. */
static void conv(enum hy_script to, const char *s, char **dst, int *rc)
{
	*dst = NULL;
	if (!s || *rc)
		return;
	*rc = hy_script_convert(to, s, strlen(s), dst);
}

static char **conv_list(enum hy_script to, char *const *v, size_t n, int *rc)
{
	if (!v || *rc)
		return NULL;
	char **r = calloc(n ? n : 1, sizeof *r);
	if (!r) {
		*rc = HY_ERR_NOMEM;
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		conv(to, v[i], &r[i], rc);
	return r;
}

int hy_meeting_to_script(const struct hy_meeting *src, enum hy_script to, struct hy_meeting *dst)
{
	int rc = 0;

	memset(dst, 0, sizeof *dst);
	dst->date_basis = src->date_basis;
	dst->guessed = src->guessed;
	dst->number = src->number;
	dst->not_readout = src->not_readout;
	conv(to, src->title, &dst->title, &rc);
	conv(HY_SCRIPT_STORED, src->published, &dst->published, &rc);
	conv(HY_SCRIPT_STORED, src->date, &dst->date, &rc);
	conv(HY_SCRIPT_STORED, src->month_day, &dst->month_day, &rc);
	conv(to, src->place, &dst->place, &rc);
	conv(to, src->body, &dst->body, &rc);
	conv(to, src->kind, &dst->kind, &rc);
	conv(to, src->chair, &dst->chair, &rc);
	conv(to, src->chair_role, &dst->chair_role, &rc);
	conv(to, src->summary, &dst->summary, &rc);
	/* the lists: counts set as they are filled, so that hy_meeting_free
	 * frees what was made however far it got */
	dst->attendees = conv_list(to, src->attendees, src->n_attendees, &rc);
	if (dst->attendees)
		dst->n_attendees = src->n_attendees;
	dst->observers = conv_list(to, src->observers, src->n_observers, &rc);
	if (dst->observers)
		dst->n_observers = src->n_observers;
	if (dst->attendees)
		dst->attendee_roles = conv_list(to, src->attendee_roles, src->n_attendees, &rc);
	if (dst->observers)
		dst->observer_roles = conv_list(to, src->observer_roles, src->n_observers, &rc);
	if (src->observer_invited && dst->observers && !rc) {
		dst->observer_invited = malloc(src->n_observers ? src->n_observers : 1);
		if (dst->observer_invited)
			memcpy(dst->observer_invited, src->observer_invited, src->n_observers);
		else
			rc = HY_ERR_NOMEM;
	}
	dst->units = conv_list(to, src->units, src->n_units, &rc);
	if (dst->units)
		dst->n_units = src->n_units;
	if (src->n_sections && !rc) {
		dst->sections = calloc(src->n_sections, sizeof *dst->sections);
		if (!dst->sections)
			rc = HY_ERR_NOMEM;
		for (size_t i = 0; dst->sections && i < src->n_sections; i++) {
			dst->n_sections = i + 1;
			dst->sections[i].n = src->sections[i].n;
			conv(to, src->sections[i].heading, &dst->sections[i].heading, &rc);
			conv(to, src->sections[i].text, &dst->sections[i].text, &rc);
			if (rc)
				break;
		}
	}
	if (rc)
		hy_meeting_free(dst);
	return rc;
}
