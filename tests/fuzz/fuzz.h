/* fuzz.h: small helpers shared by the libFuzzer targets (tests/fuzz/).
 * A broken invariant prints what broke and aborts, which libFuzzer reports
 * as a crash and saves the input. */
#ifndef HUIYI_FUZZ_H
#define HUIYI_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huiyi/utf8.h"

#define FUZZ_CHECK(cond, ...)                                            \
	do {                                                             \
		if (!(cond)) {                                           \
			fprintf(stderr, "%s:%d: invariant broken: %s: ", \
				__FILE__, __LINE__, #cond);              \
			fprintf(stderr, __VA_ARGS__);                    \
			fputc('\n', stderr);                             \
			abort();                                         \
		}                                                        \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Character boundaries of s[0..n): b[i] = 1 when i is not inside a valid
 * multi-byte sequence (an invalid byte is a character of its own, as
 * hy_utf8_decode reads it). b must hold n + 1 bytes. */
static inline void fuzz_boundaries(const char *s, size_t n, unsigned char *b)
{
	memset(b, 0, n + 1);
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		b[i] = 1;
		i += hy_utf8_decode(s + i, n - i, &cp);
	}
	b[n] = 1;
}

#endif
