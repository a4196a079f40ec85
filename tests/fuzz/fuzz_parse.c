/* fuzz_parse.c: bytes → hy_meeting_parse. Valid UTF-8 input is parsed as
 * it is (the parser must not crash on text that skipped clean); anything
 * else goes through hy_decode and hy_clean first, as the importer does.
 * Invariants: no crash or leak; every returned string valid UTF-8 and no
 * longer than the input; sections numbered 1..n with heading and text;
 * date NULL or a real YYYY-MM-DD date; published YYYY-MM-DD or
 * YYYY-MM-DD HH:MM; number >= 0. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"
#include "huiyi/clean.h"
#include "huiyi/decode.h"
#include "huiyi/err.h"
#include "huiyi/meeting.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void check_str(const char *what, const char *s, size_t inlen)
{
	if (!s)
		return;
	size_t n = strlen(s);
	FUZZ_CHECK(hy_utf8_valid(s, n), "%s not UTF-8", what);
	/* Built from the input: never longer than it, give or take an
	 * ellipsis or a separator the parser may add. */
	FUZZ_CHECK(n <= inlen + 16, "%s longer than the input (%zu > %zu)", what, n, inlen);
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int num(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int valid_date(const char *s)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (!digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2))
		return 0;
	int y = num(s, 4), m = num(s + 5, 2), d = num(s + 8, 2);
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 0;
	return 1;
}

static void check_meeting(const struct hy_meeting *m, size_t inlen)
{
	check_str("title", m->title, inlen);
	check_str("published", m->published, inlen);
	check_str("date", m->date, inlen);
	check_str("body", m->body, inlen);
	check_str("kind", m->kind, inlen);
	check_str("chair", m->chair, inlen);
	check_str("chair_role", m->chair_role, inlen);
	check_str("summary", m->summary, inlen);
	if (m->date)
		FUZZ_CHECK(strlen(m->date) == 10 && valid_date(m->date), "date \"%s\"", m->date);
	if (m->published) {
		size_t n = strlen(m->published);
		const char *p = m->published;
		FUZZ_CHECK((n == 10 || n == 16) && valid_date(p) &&
				   (n == 10 || (p[10] == ' ' && digits(p + 11, 2) && p[13] == ':' &&
						digits(p + 14, 2) && num(p + 11, 2) < 24 &&
						num(p + 14, 2) < 60)),
			   "published \"%s\"", p);
	}
	FUZZ_CHECK(m->number >= 0, "number %d", m->number);
	FUZZ_CHECK(m->n_attendees == 0 || m->attendees, "attendees");
	for (size_t i = 0; i < m->n_attendees; i++) {
		FUZZ_CHECK(m->attendees[i] != NULL, "attendee %zu NULL", i);
		check_str("attendee", m->attendees[i], inlen);
	}
	FUZZ_CHECK(m->n_observers == 0 || m->observers, "observers");
	for (size_t i = 0; i < m->n_observers; i++) {
		FUZZ_CHECK(m->observers[i] != NULL, "observer %zu NULL", i);
		check_str("observer", m->observers[i], inlen);
	}
	FUZZ_CHECK(m->n_sections == 0 || m->sections, "sections");
	for (size_t i = 0; i < m->n_sections; i++) {
		const struct hy_section *s = &m->sections[i];
		FUZZ_CHECK(s->n == (int)i + 1, "section %zu numbered %d", i, s->n);
		FUZZ_CHECK(s->heading && s->text, "section %zu NULL field", i);
		check_str("heading", s->heading, inlen);
		check_str("text", s->text, inlen);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	size_t len = size;
	struct hy_decoded d = {0};
	char *clean = NULL;
	if (!hy_utf8_valid(text, len)) {
		char err[256];
		FUZZ_CHECK(hy_decode(text, len, NULL, &d, err, sizeof err) == 0, "hy_decode: %s",
			   err);
		FUZZ_CHECK(hy_clean(d.text, d.len, &clean, &len, NULL) == 0, "hy_clean");
		text = clean;
	}
	struct hy_meeting m;
	int rc = hy_meeting_parse(text, len, &m);
	FUZZ_CHECK(rc == 0 || rc == HY_ERR_INVALID, "parse returned %d", rc);
	if (rc == 0)
		check_meeting(&m, len);
	hy_meeting_free(&m);
	free(clean);
	hy_decoded_free(&d);
	return 0;
}
