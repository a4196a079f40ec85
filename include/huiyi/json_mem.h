/* json_mem.h: jansson's allocator, which counts the allocations that
 * failed. jansson does not always say so: a string whose buffer could not
 * grow loses a byte and the parse goes on (json_loadb returns a value
 * with 会议 made 会\xE8…), an object may lose a member. So whoever parses
 * or builds JSON compares the count before and after and takes any change
 * for "out of memory". The count is the calling thread's: the import's
 * workers parse JSON Lines side by side. */
#ifndef HUIYI_JSON_MEM_H
#define HUIYI_JSON_MEM_H

/* Install the allocator (once, at start-up, before any thread). */
void hy_json_mem_init(void);

/* How many of jansson's allocations failed in this thread so far. */
unsigned long hy_json_failed(void);

#endif
