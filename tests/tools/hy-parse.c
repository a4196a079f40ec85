/* hy-parse: developer tool. Parses clean UTF-8 text files and prints the
 * fields the parse cases check, as JSON (tests/parse/README.md). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huiyi/meeting.h"

static json_t *s_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		static char buf[1 << 24];
		size_t n = fread(buf, 1, sizeof buf - 1, f);
		fclose(f);
		buf[n] = 0;
		struct hy_meeting m;
		int rc = hy_meeting_parse(buf, n, &m);
		if (rc) {
			printf("%s: parse error %d\n", argv[i], rc);
			continue;
		}
		json_t *o = json_object();
		json_object_set_new(o, "title", s_or_null(m.title));
		json_object_set_new(o, "published", s_or_null(m.published));
		json_object_set_new(o, "date", s_or_null(m.date));
		json_object_set_new(o, "month_day", s_or_null(m.month_day));
		json_object_set_new(o, "body", s_or_null(m.body));
		json_object_set_new(o, "place", s_or_null(m.place));
		json_object_set_new(o, "kind", s_or_null(m.kind));
		json_object_set_new(o, "number", json_integer(m.number));
		json_object_set_new(o, "chair", s_or_null(m.chair));
		json_object_set_new(o, "chair_role", s_or_null(m.chair_role));
		json_t *a = json_array(), *b = json_array(), *h = json_array();
		for (size_t k = 0; k < m.n_attendees; k++)
			json_array_append_new(a, json_string(m.attendees[k]));
		for (size_t k = 0; k < m.n_observers; k++)
			json_array_append_new(b, json_string(m.observers[k]));
		for (size_t k = 0; k < m.n_sections; k++)
			json_array_append_new(h, json_string(m.sections[k].heading));
		json_object_set_new(o, "attendees", a);
		json_object_set_new(o, "observers", b);
		json_object_set_new(o, "n_sections", json_integer((json_int_t)m.n_sections));
		json_object_set_new(o, "headings", h);
		json_object_set_new(o, "summary", s_or_null(m.summary));
		json_object_set_new(o, "not_readout", json_boolean(m.not_readout != 0));
		char *s = json_dumps(o, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
		if (!s) {
			fprintf(stderr, "%s: out of memory\n", argv[i]);
			json_decref(o);
			hy_meeting_free(&m);
			return 1;
		}
		printf("%s\n", s);
		free(s);
		json_decref(o);
		hy_meeting_free(&m);
	}
	return 0;
}
