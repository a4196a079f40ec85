/* test_grow.c: the growable array (grow.h): appends keep every element,
 * the allocation doubles, and a size that cannot be allocated is an
 * error that leaves the array as it was. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "huiyi/err.h"
#include "huiyi/grow.h"
#include <stdlib.h>

static void t_grow_keeps_every_element(void **state)
{
	int *v = NULL;
	size_t cap = 0, reallocs = 0;
	(void)state;
	for (size_t i = 0; i < 5000; i++) {
		size_t before = cap;
		assert_int_equal(hy_grow(&v, &cap, i + 1, sizeof *v, 16), 0);
		assert_true(cap >= i + 1);
		reallocs += cap != before;
		v[i] = (int)i * 3;
	}
	for (size_t i = 0; i < 5000; i++)
		assert_int_equal(v[i], (int)i * 3);
	assert_int_equal(cap, 8192); /* 16 doubled nine times */
	assert_int_equal(reallocs, 10);
	free(v);
}

static void t_grow_implied_keeps_every_element(void **state)
{
	long *v = NULL;
	(void)state;
	for (size_t n = 0; n < 3000; n++) {
		assert_int_equal(hy_grow_implied(&v, n, sizeof *v), 0);
		v[n] = (long)n - 7;
	}
	for (size_t n = 0; n < 3000; n++)
		assert_int_equal(v[n], (long)n - 7);
	free(v);
}

static void t_grow_too_big_fails_and_keeps(void **state)
{
	int *v = NULL;
	size_t cap = 0;
	(void)state;
	assert_int_equal(hy_grow(&v, &cap, 4, sizeof *v, 0), 0);
	assert_int_equal(cap, 8);
	v[3] = 42;
	assert_int_equal(hy_grow(&v, &cap, SIZE_MAX / 2, sizeof *v, 0), HY_ERR_NOMEM);
	assert_int_equal(cap, 8);
	assert_int_equal(v[3], 42);
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_grow_keeps_every_element),
		cmocka_unit_test(t_grow_implied_keeps_every_element),
		cmocka_unit_test(t_grow_too_big_fails_and_keeps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
