/* mem.c: ICU's allocator (mem.h). The C library's malloc, realloc and
 * free underneath; while strict, a failure ends the program with one
 * line instead of reaching ICU code that would crash on it. */
#include "huiyi/mem.h"

#include <stdlib.h>
#include <unicode/uclean.h>
#include <unistd.h>

static volatile int strict;

static void out_of_memory(void)
{
	static const char msg[] = "huiyi: out of memory\n";
	(void)!write(2, msg, sizeof msg - 1);
	exit(1); /* at start-up: one thread, the terminal as it was */
}

static void *U_CALLCONV icu_alloc(const void *ctx, size_t n)
{
	void *p = malloc(n);
	(void)ctx;
	if (!p && strict)
		out_of_memory();
	return p;
}

static void *U_CALLCONV icu_realloc(const void *ctx, void *old, size_t n)
{
	void *p = realloc(old, n);
	(void)ctx;
	if (!p && n && strict)
		out_of_memory();
	return p;
}

static void U_CALLCONV icu_free(const void *ctx, void *p)
{
	(void)ctx;
	free(p);
}

void hy_mem_icu_strict(int on)
{
	static int set;
	if (!set) {
		UErrorCode e = U_ZERO_ERROR;
		u_setMemoryFunctions(NULL, icu_alloc, icu_realloc, icu_free, &e);
		set = 1;
	}
	strict = on;
}
