/* failmalloc.c: LD_PRELOAD into any program, it makes exactly one
 * allocation fail: the Nth call of malloc, calloc or realloc counted from
 * the start of main (HUIYI_OOM_FAIL=N; unset or 0: none fails, only
 * counts). Every allocation made by the program, the C library, sqlite,
 * ICU, libcrypto, ncurses counts, in every thread.
 *
 * HUIYI_OOM_REPORT=FILE: at exit, "COUNT FAILED" is written there (the
 * allocations counted, and 1 if the Nth was failed), so the driver
 * (tests/oom/run.sh) knows when N has passed the last allocation.
 *
 * The real functions are the next ones in the search order (RTLD_NEXT):
 * the C library's, or the sanitizer's when the program was built with
 * -fsanitize=address (then run with ASAN_OPTIONS=verify_asan_link_order=0).
 * While dlsym looks them up, a small static arena serves (and free
 * ignores its blocks). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void (*real_free)(void *);

static long fail_at;      /* N, 0: none */
static long counted;      /* allocations since main */
static int armed, failed; /* main has started; the Nth was failed */
static char report[512];

/* the arena for allocations made while dlsym runs */
static _Alignas(16) unsigned char arena[8192];
static size_t arena_used;
static int resolving;

static void *arena_alloc(size_t n)
{
	size_t at = (arena_used + 15) & ~(size_t)15;
	if (n > sizeof arena - at)
		return NULL;
	arena_used = at + n;
	return arena + at;
}

static int in_arena(const void *p)
{
	return (const unsigned char *)p >= arena && (const unsigned char *)p < arena + sizeof arena;
}

static void *sym(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);
	if (!f) {
		static const char msg[] = "failmalloc: no next allocator\n";
		(void)!write(2, msg, sizeof msg - 1);
		_exit(125);
	}
	return f;
}

static void resolve(void)
{
	void *f;
	if (real_free || resolving)
		return;
	resolving = 1;
	f = sym("malloc");
	memcpy(&real_malloc, &f, sizeof f);
	f = sym("calloc");
	memcpy(&real_calloc, &f, sizeof f);
	f = sym("realloc");
	memcpy(&real_realloc, &f, sizeof f);
	f = sym("free");
	memcpy(&real_free, &f, sizeof f);
	resolving = 0;
}

/* 1 when this allocation is the one to fail (errno ENOMEM then, as the
 * C library's malloc sets it) */
static int fail_now(void)
{
	long n;
	if (!armed)
		return 0;
	n = __atomic_add_fetch(&counted, 1, __ATOMIC_RELAXED);
	if (n == fail_at) {
		__atomic_store_n(&failed, 1, __ATOMIC_RELAXED);
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

void *malloc(size_t n)
{
	resolve();
	if (!real_malloc)
		return arena_alloc(n);
	return fail_now() ? NULL : real_malloc(n);
}

void *calloc(size_t k, size_t n)
{
	resolve();
	if (!real_calloc) /* the arena is zeroed and never reused */
		return n && k > SIZE_MAX / n ? NULL : arena_alloc(k * n);
	return fail_now() ? NULL : real_calloc(k, n);
}

void *realloc(void *p, size_t n)
{
	resolve();
	if (in_arena(p) || !real_realloc) {
		void *q = real_malloc ? real_malloc(n) : arena_alloc(n);
		if (q && p) /* an arena block: copy what it can hold */
			memcpy(q, p,
			       n < (size_t)(arena + sizeof arena - (unsigned char *)p)
				       ? n
				       : (size_t)(arena + sizeof arena - (unsigned char *)p));
		return q;
	}
	return fail_now() ? NULL : real_realloc(p, n);
}

void free(void *p)
{
	if (!p || in_arena(p))
		return;
	resolve();
	real_free(p);
}

static void write_report(void)
{
	char line[64];
	int fd, len;
	if (!report[0])
		return;
	len = snprintf(line, sizeof line, "%ld %d\n", __atomic_load_n(&counted, __ATOMIC_RELAXED),
		       __atomic_load_n(&failed, __ATOMIC_RELAXED));
	fd = open(report, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd >= 0) {
		(void)!write(fd, line, (size_t)len);
		close(fd);
	}
}

/* main, wrapped: the count starts here */
static int (*real_main)(int, char **, char **);

static int counting_main(int argc, char **argv, char **envp)
{
	const char *n = getenv("HUIYI_OOM_FAIL");
	const char *r = getenv("HUIYI_OOM_REPORT");
	fail_at = n ? atol(n) : 0;
	if (r)
		snprintf(report, sizeof report, "%s", r);
	/* written by exit(); a run that ends by a signal writes nothing */
	atexit(write_report);
	armed = 1;
	return real_main(argc, argv, envp);
}

typedef int (*start_fn)(int (*)(int, char **, char **), int, char **, void (*)(void),
			void (*)(void), void (*)(void), void *);

int __libc_start_main(int (*main_fn)(int, char **, char **), int argc, char **argv,
		      void (*init)(void), void (*fini)(void), void (*rtld_fini)(void),
		      void *stack_end);

int __libc_start_main(int (*main_fn)(int, char **, char **), int argc, char **argv,
		      void (*init)(void), void (*fini)(void), void (*rtld_fini)(void),
		      void *stack_end)
{
	start_fn next;
	void *f = dlsym(RTLD_NEXT, "__libc_start_main");
	memcpy(&next, &f, sizeof f);
	real_main = main_fn;
	return next(counting_main, argc, argv, init, fini, rtld_fini, stack_end);
}
