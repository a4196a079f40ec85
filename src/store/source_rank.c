/* source_rank.c: which of a meeting's sources is shown (source_rank.h has
 * the rule; sources.c applies it when a readout merges). */
#include "huiyi/source_rank.h"

#include <string.h>

/* The host of url (after "//", up to '/', ':', '?' or '#'): its start and
 * length in *len; NULL when url has none. */
static const char *host_of(const char *url, size_t *len)
{
	const char *p = url ? strstr(url, "://") : NULL;
	if (!p)
		return NULL;
	p += 3;
	*len = strcspn(p, "/:?#");
	return *len ? p : NULL;
}

/* 1 when host[0..len) has the label lab (ASCII, any case). */
static int has_label(const char *host, size_t len, const char *lab)
{
	size_t n = strlen(lab);
	for (size_t i = 0; i + n <= len; i++) {
		if ((i > 0 && host[i - 1] != '.') || (i + n < len && host[i + n] != '.'))
			continue;
		size_t k = 0;
		while (k < n && (host[i + k] | 0x20) == lab[k])
			k++;
		if (k == n)
			return 1;
	}
	return 0;
}

int hy_source_official(const char *url)
{
	size_t len;
	const char *h = host_of(url, &len);
	return h && has_label(h, len, "gov");
}

/* The script of the region url's host is in: "hant" for .tw, .hk, .mo,
 * "hans" for .cn, NULL for any other. */
static const char *region_script(const char *url)
{
	size_t len;
	const char *h = host_of(url, &len);
	if (!h || len < 3 || h[len - 3] != '.')
		return NULL;
	char a = (char)(h[len - 2] | 0x20), b = (char)(h[len - 1] | 0x20);
	if ((a == 't' && b == 'w') || (a == 'h' && b == 'k') || (a == 'm' && b == 'o'))
		return "hant";
	if (a == 'c' && b == 'n')
		return "hans";
	return NULL;
}

/* The script with more votes, NULL on a tie. */
static const char *vote(size_t hans, size_t hant)
{
	return hans > hant ? "hans" : hant > hans ? "hant" : NULL;
}

const char *hy_source_original_script(const struct hy_source_facts *v, size_t n)
{
	size_t by_site[2][2] = {{0, 0}, {0, 0}}, by_text[2] = {0, 0};
	for (size_t i = 0; i < n; i++) {
		const char *r = region_script(v[i].url);
		if (r)
			by_site[hy_source_official(v[i].url)][r[3] == 't']++;
		if (v[i].script)
			by_text[strcmp(v[i].script, "hant") == 0]++;
	}
	const char *s = vote(by_site[1][0], by_site[1][1]);
	if (!s)
		s = vote(by_site[0][0], by_site[0][1]);
	return s ? s : vote(by_text[0], by_text[1]);
}

static int cmp(long a, long b)
{
	return (a > b) - (a < b);
}

int hy_source_compare(const struct hy_source_facts *a, const struct hy_source_facts *b,
		      const char *original)
{
	int c = cmp(hy_source_official(a->url), hy_source_official(b->url));
	if (c)
		return c;
	if (original) {
		c = cmp(a->script && strcmp(a->script, original) == 0,
			b->script && strcmp(b->script, original) == 0);
		if (c)
			return c;
	}
	if (a->repairs >= 0 && b->repairs >= 0 && (c = cmp(b->repairs, a->repairs)) != 0)
		return c;
	if (a->clean_len > b->clean_len + b->clean_len / 16)
		return 1;
	if (b->clean_len > a->clean_len + a->clean_len / 16)
		return -1;
	return 0;
}
