/* fuzz_html.c: bytes → hy_html_sniff, hy_html_charset, hy_html_decode →
 * hy_html_extract (html.h). Invariants: the charset, when one is given,
 * is a short printable name; decoding gives valid UTF-8; the page's text
 * is valid UTF-8 with no NUL inside, no empty line and no trailing line
 * break; its title, publish time and address are valid UTF-8, the time
 * "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", the address http(s), the scheme in any case. */
#include <stdint.h>
#include <stdlib.h>
#include <strings.h>

#include "fuzz.h"
#include "huiyi/err.h"
#include "huiyi/html.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	hy_html_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *raw = (const char *)data;
	char cs[64];
	(void)hy_html_sniff(raw, size, "x.html");
	const char *c = hy_html_charset(raw, size, cs, sizeof cs);
	if (c) {
		FUZZ_CHECK(strlen(c) < sizeof cs, "charset too long");
		for (const char *p = c; *p; p++)
			FUZZ_CHECK(*p > ' ' && *p != 0x7f, "charset byte %02x", (unsigned char)*p);
	}
	struct hy_decoded d;
	char err[256];
	int rc = hy_html_decode(raw, size, NULL, &d, err, sizeof err);
	FUZZ_CHECK(rc == 0, "hy_html_decode returned %d: %s", rc, err);
	FUZZ_CHECK(hy_utf8_valid(d.text, d.len), "decoded text not UTF-8");

	struct hy_html h;
	rc = hy_html_extract(d.text, d.len, &h);
	FUZZ_CHECK(rc == 0 || rc == HY_ERR_INVALID, "hy_html_extract returned %d", rc);
	if (rc == 0) {
		FUZZ_CHECK(h.text && strlen(h.text) == h.len, "NUL inside the text");
		FUZZ_CHECK(hy_utf8_valid(h.text, h.len), "text not UTF-8");
		FUZZ_CHECK(h.len == 0 || h.text[h.len - 1] != '\n', "trailing line break");
		FUZZ_CHECK(!strstr(h.text, "\n\n"), "empty line");
		FUZZ_CHECK(!h.title || hy_utf8_valid(h.title, strlen(h.title)), "title not UTF-8");
		FUZZ_CHECK(!h.published || strlen(h.published) == 10 || strlen(h.published) == 16,
			   "publish time '%s'", h.published);
		/* a scheme is case-insensitive: Http:// is an address too */
		FUZZ_CHECK(!h.url || !strncasecmp(h.url, "http", 4), "address '%s'", h.url);
	}
	hy_html_free(&h);
	hy_decoded_free(&d);
	return 0;
}
