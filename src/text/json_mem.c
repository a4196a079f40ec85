/* json_mem.c: jansson's allocator and its count of failures (json_mem.h). */
#include "huiyi/json_mem.h"

#include <jansson.h>
#include <stdlib.h>

static _Thread_local unsigned long failed;

static void *json_alloc(size_t n)
{
	void *p = malloc(n);
	if (!p)
		failed++;
	return p;
}

void hy_json_mem_init(void)
{
	json_set_alloc_funcs(json_alloc, free);
}

unsigned long hy_json_failed(void)
{
	return failed;
}
