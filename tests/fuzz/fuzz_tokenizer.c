/* fuzz_tokenizer.c: bytes → hy_fts_tokenize in document, query, query
 * prefix and aux mode. Invariants: every token has 1..HY_FTS_MAX_WORD
 * bytes (an unknown pinyin syllable in a query one more: the prefix;
 * documents never hold one) and offsets
 * 0 <= start < end <= len on character boundaries of the input; offsets
 * never go backwards; a colocated token never comes first nor in a
 * document. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"
#include "huiyi/fts.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

struct ctx {
	const char *text;
	size_t len;
	const unsigned char *b;
	int flags;
	size_t n;
	int last_start;
};

static int on_token(void *p, int tflags, const char *token, int ntoken, int start, int end)
{
	struct ctx *c = p;
	FUZZ_CHECK(token != NULL && ntoken > 0 && ntoken <= 256, "token length %d", ntoken);
	FUZZ_CHECK(tflags == 0 || tflags == FTS5_TOKEN_COLOCATED, "tflags %d", tflags);
	FUZZ_CHECK(tflags == 0 || (c->n > 0 && c->flags != FTS5_TOKENIZE_DOCUMENT),
		   "colocated token %zu in mode %d", c->n, c->flags);
	FUZZ_CHECK(start >= 0 && start < end && (size_t)end <= c->len,
		   "offsets %d..%d, len %zu (mode %d)", start, end, c->len, c->flags);
	FUZZ_CHECK(c->b[start] && c->b[end], "offsets %d..%d not on character boundaries (mode %d)",
		   start, end, c->flags);
	FUZZ_CHECK(start >= c->last_start, "offset %d after %d (mode %d)", start, c->last_start,
		   c->flags);
	/* a word is cut to HY_FTS_MAX_WORD bytes; an unknown pinyin syllable
	 * in a query is its own token: the prefix and the word */
	if (tflags == 0)
		FUZZ_CHECK(ntoken <= HY_FTS_MAX_WORD || (c->flags != FTS5_TOKENIZE_DOCUMENT &&
							 token[0] == HY_FTS_PINYIN_PREFIX[0] &&
							 ntoken == HY_FTS_MAX_WORD + 1),
			   "token of %d bytes", ntoken);
	if (c->flags == FTS5_TOKENIZE_DOCUMENT)
		FUZZ_CHECK(token[0] != HY_FTS_PINYIN_PREFIX[0], "pinyin token in a document");
	c->last_start = start;
	c->n++;
	return SQLITE_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int modes[] = {FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_QUERY,
				    FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, FTS5_TOKENIZE_AUX};
	unsigned char *b = malloc(size + 1);
	FUZZ_CHECK(b != NULL, "malloc");
	fuzz_boundaries((const char *)data, size, b);
	for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
		struct ctx c = {(const char *)data, size, b, modes[m], 0, 0};
		int rc = hy_fts_tokenize(modes[m], (const char *)data, size, on_token, &c);
		FUZZ_CHECK(rc == SQLITE_OK, "hy_fts_tokenize returned %d", rc);
	}
	free(b);
	return 0;
}
