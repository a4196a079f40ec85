/* script.c: which script a text is in, and the text in the other one
 * with OpenCC (script.h). */
#include "huiyi/script.h"

#include "huiyi/err.h"
#include "huiyi/fold.h"
#include "huiyi/utf8.h"

#include <errno.h>
#include <opencc/opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum hy_script hy_script_of(const char *s, size_t n)
{
	size_t han = 0, trad = 0;

	for (size_t i = 0; i < n;) {
		uint32_t c, f;
		i += hy_utf8_decode(s + i, n - i, &c);
		if (!hy_fold_is_han(c))
			continue;
		han++;
		f = hy_fold_cp(c);
		if (f != c && hy_fold_is_han(f))
			trad++;
	}
	return han && trad * 20 > han ? HY_SCRIPT_TRADITIONAL : HY_SCRIPT_SIMPLIFIED;
}

/* The converters, opened on first use: [0] to simplified, [1] to
 * traditional; (opencc_t)-1 when opening failed. */
static opencc_t conv[2] = {(opencc_t)-1, (opencc_t)-1};
static int tried[2];
static char last_error[256];

const char *hy_script_error(void)
{
	return last_error[0] ? last_error : "converting the script failed";
}

static opencc_t converter(enum hy_script to)
{
	int k = to == HY_SCRIPT_TRADITIONAL;
	if (!tried[k]) {
		tried[k] = 1;
		conv[k] = opencc_open(k ? "s2t.json" : "t2s.json");
		if (conv[k] == (opencc_t)-1) {
			const char *why = opencc_error();
			snprintf(last_error, sizeof last_error,
				 "OpenCC cannot open its %s dictionary (%s): install opencc's data "
				 "(Debian: libopencc1.1 and opencc-data)",
				 k ? "s2t" : "t2s", why && *why ? why : "no reason given");
		}
	}
	return conv[k];
}

int hy_script_convert(enum hy_script to, const char *s, size_t n, char **out)
{
	*out = NULL;
	if (to == HY_SCRIPT_STORED) {
		*out = malloc(n + 1);
		if (!*out)
			return HY_ERR_NOMEM;
		memcpy(*out, s, n);
		(*out)[n] = '\0';
		return 0;
	}
	opencc_t cc = converter(to);
	if (cc == (opencc_t)-1)
		return HY_ERR_INVALID;
	if (n == 0) {
		*out = calloc(1, 1);
		return *out ? 0 : HY_ERR_NOMEM;
	}
	errno = 0;
	char *r = opencc_convert_utf8(cc, s, n);
	if (!r) { /* OpenCC catches what its C++ throws: bad_alloc too */
		const char *why = opencc_error();
		snprintf(last_error, sizeof last_error, "OpenCC: %s",
			 why && *why ? why : "conversion failed");
		return errno == ENOMEM || (why && strstr(why, "alloc")) ? HY_ERR_NOMEM
									: HY_ERR_INVALID;
	}
	*out = strdup(r);
	opencc_convert_utf8_free(r);
	return *out ? 0 : HY_ERR_NOMEM;
}
