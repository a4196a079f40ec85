/* Searches when an allocation fails: every allocation huiyi's own code
 * makes during a search is failed in turn (the first, then the second,
 * ...): each search returns its results or HY_ERR_NOMEM with "out of
 * memory", never crashes, and the next search gives every result again.
 *
 * The test binary is linked with -Wl,--wrap=malloc,calloc,realloc
 * (Makefile): every call to them in huiyi's code (linked in statically)
 * comes here; sqlite's own allocations (a shared library) do not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "huiyi/err.h"
#include "huiyi/import.h"
#include "huiyi/search.h"
#include "huiyi/store.h"

/* The allocation hook: with fail_at > 0, the fail_at-th allocation from
 * now on returns NULL (and only that one). */
static long fail_at, count;
static int failed;

void *__real_malloc(size_t n);
void *__real_calloc(size_t k, size_t n);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t k, size_t n);
void *__wrap_realloc(void *p, size_t n);

static int fail_now(void)
{
	if (fail_at > 0 && ++count == fail_at) {
		failed = 1;
		return 1;
	}
	return 0;
}

void *__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t k, size_t n)
{
	return fail_now() ? NULL : __real_calloc(k, n);
}

void *__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

static void arm(long n)
{
	count = 0;
	failed = 0;
	fail_at = n;
}

struct fixture {
	char dir[64];
	char db[128];
	struct hy_store *s;
};

static const char *root(void)
{
	const char *r = getenv("HUIYI_ROOT");
	return r && *r ? r : ".";
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p;
	long n;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = malloc((size_t)n + 1);
	if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
		free(p);
		p = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return p;
}

static int setup(void **state)
{
	static const char *const files[] = {"gas_simplified", "finance_budget", "fullwidth_digits"};
	struct fixture *f = calloc(1, sizeof *f);
	struct hy_import_stats st = {0};
	char err[256] = "";

	assert_non_null(f);
	assert_int_equal(test_tmpdir(f->dir, sizeof f->dir, "oom", f->db, sizeof f->db, "t.db"), 0);
	if (hy_store_open(&f->s, f->db, HY_STORE_CREATE, err, sizeof err))
		fail_msg("open: %s", err);
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char path[4096], *raw;
		size_t len = 0;
		snprintf(path, sizeof path, "%s/tests/search/corpus/%s.txt", root(), files[i]);
		raw = slurp(path, &len);
		assert_non_null(raw);
		if (hy_import_bytes(f->s, raw, len, files[i], NULL, &st, err, sizeof err))
			fail_msg("import %s: %s", files[i], err);
		free(raw);
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	hy_store_close(f->s);
	test_rmdir(f->dir);
	free(f);
	return 0;
}

struct seen {
	int n;
	size_t bytes; /* of the snippets: each is read whole */
};

static int on_hit(const struct hy_search_hit *h, void *ctx)
{
	struct seen *s = ctx;
	s->n++;
	s->bytes += strlen(h->snippet) + strlen(h->heading);
	return 0;
}

static void test_search_oom(void **state)
{
	static const char *const qs[] = {"燃气", "燃", "ranqi", "燃气 -安全", "预算 OR 燃气"};
	struct fixture *f = *state;
	long tried = 0;

	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++)
		for (int o = 0; o < 3; o++) {
			/* rank, date, and rank without scores (a phrase's
			 * page ordered without its count) */
			enum hy_search_order order = o == 1 ? HY_SEARCH_DATE : HY_SEARCH_RANK;
			struct seen all = {0};
			char err[256] = "";
			int want;
			hy_store_search_scores(f->s, o != 2);
			want = hy_store_search(f->s, qs[i], NULL, order, 0, 20, on_hit, &all, err,
					       sizeof err);
			if (want < 0)
				fail_msg("[%s]: %d results: %s", qs[i], want, err);
			for (long n = 1;; n++) {
				struct seen got = {0};
				int rc;
				err[0] = '\0';
				arm(n);
				rc = hy_store_search(f->s, qs[i], NULL, order, 0, 20, on_hit, &got,
						     err, sizeof err);
				fail_at = 0;   /* failed stays as it was */
				if (!failed) { /* every allocation was tried */
					assert_int_equal(rc, want);
					break;
				}
				tried++;
				if (rc != HY_ERR_NOMEM && rc != want)
					fail_msg("[%s] allocation %ld failed:"
						 " %d (%s)",
						 qs[i], n, rc, err);
				if (rc == HY_ERR_NOMEM && strstr(err, "out of memory") == NULL)
					fail_msg("[%s] allocation %ld failed:"
						 " the message is \"%s\"",
						 qs[i], n, err);
				/* the next search has them all */
				got.n = 0;
				rc = hy_store_search(f->s, qs[i], NULL, order, 0, 20, on_hit, &got,
						     err, sizeof err);
				if (rc != want)
					fail_msg("[%s] after allocation %ld failed,"
						 " the next search: %d (%s)",
						 qs[i], n, rc, err);
			}
		}
	hy_store_search_scores(f->s, 1);
	printf("# allocations failed one at a time: %ld\n", tried);
	assert_true(tried > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_search_oom, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
