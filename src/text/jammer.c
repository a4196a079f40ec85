/* jammer.c: the anti-copying strings some forums sow into their posts.
 *
 * Discuz and forums like it print runs of short random strings between
 * the words of a post, hidden from readers by its stylesheet; a scraper
 * that keeps the text keeps them: "1 S) E9 H4 x( G2 n3 l- l某县委书记…",
 * "…都有起立。6 c5 e0 g9 [ J4 x; ~, q5 V". Left in, they open titles,
 * break names off their titles and stand as lines of their own.
 *
 * A run here is five or more tokens of one or two printable ASCII
 * characters, one space apart, at a line's start or right after a
 * character outside ASCII, and at least one token holding punctuation or
 * a letter beside a digit (so "A B C D E" and a pager's "1 2 3 4 5" stay:
 * neither is sown). The run and the space after it go. */
#include "huiyi/clean.h"

#include <string.h>

static int graphic(unsigned char c)
{
	return c > 0x20 && c < 0x7F;
}

static int alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The end of the run of tokens that starts at i, or i when there is
 * none. */
static size_t run_end(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t tokens = 0, end = i;
	int marked = 0;
	while (i < n && graphic(u[i])) {
		size_t t = i;
		while (i < n && graphic(u[i]) && i - t < 3)
			i++;
		if (i - t > 2)
			break; /* a word, no token */
		int digit = 0, letter = 0;
		for (size_t k = t; k < i; k++) {
			marked |= !alnum(u[k]);
			digit |= u[k] >= '0' && u[k] <= '9';
			letter |= alnum(u[k]) && !(u[k] >= '0' && u[k] <= '9');
		}
		marked |= digit && letter;
		tokens++;
		end = i;
		if (i < n && u[i] == ' ' && i + 1 < n && graphic(u[i + 1]))
			i++; /* one space, then the next token */
		else
			break;
	}
	/* the last token ends the line, a space or the run glued to the
	 * text after it (…l- l某县委书记) */
	if (end < n && u[end] != ' ' && u[end] < 0x80)
		return 0;
	return tokens >= 5 && marked ? end : 0;
}

size_t hy_clean_strip_jammer(char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t w = 0;
	for (size_t i = 0; i < n;) {
		size_t e = (i == 0 || u[i - 1] >= 0x80) && graphic(u[i]) ? run_end(s, n, i) : 0;
		if (e) {
			i = e < n && u[e] == ' ' ? e + 1 : e;
			continue;
		}
		s[w++] = s[i++];
	}
	return w;
}
