/* mem.h: what huiyi does when memory runs out in a library that cannot
 * take it (DESIGN.md "Errors and memory").
 *
 * huiyi's own code, sqlite, jansson, ncurses and the C library hand a
 * failed allocation back, and huiyi returns HY_ERR_NOMEM up to one line
 * on stderr. ICU does too, but not while it sets up its shared caches on
 * first use: ICU 72 crashes when the allocation of its cache fails
 * (UnifiedCache, the first ucol_open). So huiyi sets those up with ICU's
 * allocator in "strict" mode (at start-up, hy_store_init, for the commands
 * that write; on first use for the others): a failure there prints
 * "huiyi: out of memory" and exits 1, tmux's way; afterwards ICU's
 * allocations fail as any other and are handled. */
#ifndef HUIYI_MEM_H
#define HUIYI_MEM_H

/* Give ICU huiyi's allocator (before any other ICU call), strict while
 * on is set. */
void hy_mem_icu_strict(int on);

#endif
