/* fuzz_clean.c: bytes → hy_decode (detected, or now and then a forced
 * encoding) → hy_clean. Invariants: decode gives valid UTF-8 (NUL kept);
 * clean gives valid UTF-8 with no C0 control but LF and TAB, no DEL, no
 * C1, no bidi control, no ESC; no empty line, no leading or trailing LF;
 * no line starts or ends with a space clean trims. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"
#include "huiyi/clean.h"
#include "huiyi/decode.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int is_bidi_or_zw(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF;
}

/* The spaces clean trims from both ends of each line. */
static int is_trim_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const forced[] = {"UTF-8", "GBK", "Big5", "UTF-16LE", "GB18030"};
	const char *enc = NULL;
	/* A leading 0xFE 0xED picks a forced encoding by the next byte;
	 * anything else is detected (the importer's default). */
	if (size >= 3 && data[0] == 0xFE && data[1] == 0xED) {
		enc = forced[data[2] % (sizeof forced / sizeof *forced)];
		data += 3;
		size -= 3;
	}
	struct hy_decoded d;
	char err[256];
	int rc = hy_decode((const char *)data, size, enc, &d, err, sizeof err);
	FUZZ_CHECK(rc == 0, "hy_decode returned %d: %s", rc, err);
	FUZZ_CHECK(d.text != NULL && d.text[d.len] == '\0', "decoded text");
	FUZZ_CHECK(hy_utf8_valid(d.text, d.len), "decoded text not UTF-8");

	char *out = NULL;
	size_t out_len = 0;
	struct hy_clean_stats st;
	rc = hy_clean(d.text, d.len, &out, &out_len, &st);
	FUZZ_CHECK(rc == 0, "hy_clean returned %d", rc);
	FUZZ_CHECK(out != NULL && out[out_len] == '\0', "clean output");
	FUZZ_CHECK(strlen(out) == out_len, "NUL inside cleaned text");
	FUZZ_CHECK(hy_utf8_valid(out, out_len), "cleaned text not UTF-8");
	FUZZ_CHECK(out_len == 0 || (out[0] != '\n' && out[out_len - 1] != '\n'),
		   "leading or trailing newline");
	size_t i = 0;
	uint32_t prev = '\n';
	while (i < out_len) {
		uint32_t cp;
		size_t k = hy_utf8_decode(out + i, out_len - i, &cp);
		FUZZ_CHECK(!(prev == '\n' && is_trim_space(cp)) &&
				   !(cp == '\n' && is_trim_space(prev)),
			   "untrimmed line at byte %zu", i);
		FUZZ_CHECK(!(i + k == out_len && is_trim_space(cp)), "trailing space at the end");
		prev = cp;
		FUZZ_CHECK(cp >= 0x20 || cp == '\n' || cp == '\t', "C0 control U+%04X at byte %zu",
			   (unsigned)cp, i);
		FUZZ_CHECK(cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F),
			   "DEL/C1 control U+%04X at byte %zu", (unsigned)cp, i);
		FUZZ_CHECK(!is_bidi_or_zw(cp), "bidi/zero-width U+%04X at byte %zu", (unsigned)cp,
			   i);
		FUZZ_CHECK(!(cp == '\n' && i + 1 < out_len && out[i + 1] == '\n'),
			   "empty line at byte %zu", i);
		i += k;
	}
	free(out);
	hy_decoded_free(&d);
	return 0;
}
