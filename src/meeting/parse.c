/* parse.c: clean text → struct hy_meeting (meeting.h). Pure. */
#include "huiyi/meeting.h"
#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void hy_meeting_free(struct hy_meeting *m)
{
	if (!m)
		return;
	free(m->title);
	free(m->published);
	free(m->date);
	free(m->body);
	free(m->kind);
	free(m->chair);
	free(m->chair_role);
	free_list(m->attendees, m->n_attendees);
	free_list(m->observers, m->n_observers);
	free(m->summary);
	for (size_t i = 0; i < m->n_sections; i++) {
		free(m->sections[i].heading);
		free(m->sections[i].text);
	}
	free(m->sections);
	memset(m, 0, sizeof *m);
}

int hy_meeting_parse(const char *text, size_t len, struct hy_meeting *m)
{
	memset(m, 0, sizeof *m);
	if (!text || len == 0)
		return HY_ERR_INVALID;
	m->title = strndup(text, strcspn(text, "\n"));
	if (!m->title)
		return HY_ERR_NOMEM;
	return 0;
}
