/* tmpdir.h: a test's own temporary folder, made in its setup and
 * removed with everything in it in its teardown (for the unit tests
 * that open a database on disk). */
#ifndef HUIYI_TEST_TMPDIR_H
#define HUIYI_TEST_TMPDIR_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>

/* Make /tmp/huiyi-test-TAG.XXXXXX in dir (dirlen bytes) and, when db is
 * given, the path of a database in it (NAME) there; 0, or -1 when the
 * folder cannot be made. */
static inline int test_tmpdir(char *dir, size_t dirlen, const char *tag, char *db, size_t dblen,
			      const char *name)
{
	snprintf(dir, dirlen, "/tmp/huiyi-test-%s.XXXXXX", tag);
	if (!mkdtemp(dir))
		return -1;
	if (db)
		snprintf(db, dblen, "%s/%s", dir, name);
	return 0;
}

static inline int test_rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Remove dir and everything in it; says so on stderr when it cannot. */
static inline void test_rmdir(const char *dir)
{
	if (nftw(dir, test_rm_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

#endif
