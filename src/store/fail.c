/* fail.c: turning a failure of sqlite into an hy_err code and a message
 * that says what was being done and what to do: who holds the lock
 * (/proc/locks), what the operating system said about a write, which
 * derived table is missing. */
#include "internal.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

/* What the operating system said about the last failed write ("File too
 * large", "No space left on device"), else fallback. The files remember
 * their last errno (the -wal, where a batch is written, then the database
 * file); sqlite3_system_errno is the global errno, read later. */
static const char *sys_reason(struct hy_store *s, const char *fallback)
{
	sqlite3_file *wal = NULL;
	int e = 0;

	if (!s || !s->db)
		return fallback;
	if (sqlite3_file_control(s->db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &wal) == SQLITE_OK &&
	    wal && wal->pMethods)
		wal->pMethods->xFileControl(wal, SQLITE_FCNTL_LAST_ERRNO, &e);
	if (e == 0)
		sqlite3_file_control(s->db, "main", SQLITE_FCNTL_LAST_ERRNO, &e);
	if (e == 0)
		e = sqlite3_system_errno(s->db);
	return e ? strerror(e) : fallback;
}

/* path + suffix ("-wal", "-shm"), or NULL. */
char *hy_store_beside(const char *path, const char *suffix)
{
	size_t n = strlen(path), k = strlen(suffix);
	char *w = malloc(n + k + 1);
	if (w) {
		memcpy(w, path, n);
		memcpy(w + n, suffix, k + 1);
	}
	return w;
}

/* What process pid is, into buf: its name, and for a huiyi the command
 * it runs ("huiyi import (pid 4242)"); controls in it as '?'. */
static void describe_pid(long pid, char *buf, size_t len)
{
	char comm[64] = "", cmd[32] = "", path[64], args[4096];
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/comm", pid);
	if ((f = fopen(path, "r")) != NULL) {
		if (fgets(comm, sizeof comm, f))
			comm[strcspn(comm, "\n")] = '\0';
		fclose(f);
	}
	snprintf(path, sizeof path, "/proc/%ld/cmdline", pid);
	if (strcmp(comm, "huiyi") == 0 && (f = fopen(path, "r")) != NULL) {
		/* its command: the first word that is neither an option nor
		 * the file after -d or --db */
		size_t n = fread(args, 1, sizeof args - 1, f), at = 0;
		int skip = 1; /* argv[0] */
		args[n] = '\0';
		fclose(f);
		while (at < n && !cmd[0]) {
			const char *a = args + at;
			at += strlen(a) + 1;
			if (skip) {
				skip = 0;
			} else if (strcmp(a, "-d") == 0 || strcmp(a, "--db") == 0) {
				skip = 1;
			} else if (a[0] != '-') {
				snprintf(cmd, sizeof cmd, " %.24s", a);
			}
		}
	}
	snprintf(buf, len, "%s%s (pid %ld)", comm[0] ? comm : "a process", cmd, pid);
	for (char *p = buf; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
}

/* The other process that holds the write lock of the database at path,
 * described into buf (above); "" when none is found. Read from
 * /proc/locks (Linux), which lists every process's locks without opening
 * the files (opening and closing one here would drop this process's own
 * sqlite locks on it): a WAL writer holds byte 120 of the -shm (sqlite's
 * WAL_WRITE_LOCK), a writer in another journal mode the RESERVED byte
 * (and up) of the file itself. */
static void holder_of(const char *path, char *buf, size_t len)
{
	static const struct {
		const char *suffix;
		unsigned long long lo, hi;
	} held[] = {{"-shm", 120, 120}, {"", 0x40000001ULL, 0x400001ffULL}};
	char line[256];
	FILE *locks;

	buf[0] = '\0';
	if (!path || (locks = fopen("/proc/locks", "r")) == NULL)
		return;
	for (size_t i = 0; i < sizeof held / sizeof held[0] && !buf[0]; i++) {
		char *f = hy_store_beside(path, held[i].suffix);
		struct stat sb;
		int ok = f && stat(f, &sb) == 0;
		free(f);
		if (!ok)
			continue;
		rewind(locks);
		while (!buf[0] && fgets(line, sizeof line, locks)) {
			char kind[16], mode[16];
			unsigned int maj, min;
			unsigned long long ino, lo;
			char hi[24];
			long pid;
			/* "1: POSIX  ADVISORY  WRITE 4242 fe:00:1234 120 120";
			 * a waiter's line has "->" after the number */
			if (strstr(line, "->") ||
			    sscanf(line, "%*d: %15s %*s %15s %ld %x:%x:%llu %llu %23s", kind, mode,
				   &pid, &maj, &min, &ino, &lo, hi) != 8)
				continue;
			unsigned long long top =
				strcmp(hi, "EOF") == 0 ? ~0ULL : strtoull(hi, NULL, 10);
			if (strcmp(kind, "POSIX") != 0 || strcmp(mode, "WRITE") != 0 || pid <= 0 ||
			    pid == (long)getpid() || ino != (unsigned long long)sb.st_ino ||
			    maj != major(sb.st_dev) || min != minor(sb.st_dev) || lo > held[i].hi ||
			    top < held[i].lo)
				continue;
			describe_pid(pid, buf, len);
		}
	}
	fclose(locks);
}

int hy_store_fail(struct hy_store *s, int rc, const char *doing, char *err, size_t errlen)
{
	const char *path = s && s->path ? s->path : "database";
	const char *msg;
	int code;

	doing = _(doing); /* marked N_() where it is written */

	/* A failure that is not the connection's own (huiyi's sqlite3_mprintf
	 * or malloc returned NULL, and rc says so): the connection's message
	 * is of its last call, which may have gone well ("not an error"). */
	if (rc == SQLITE_OK)
		rc = SQLITE_ERROR; /* a caller's slip: still a failure */
	if (s && s->db && (sqlite3_errcode(s->db) & 0xff) == (rc & 0xff))
		msg = sqlite3_errmsg(s->db);
	else
		msg = sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_NOMEM:
		return hy_err_set(err, errlen, HY_ERR_NOMEM, _("%s: %s: out of memory"), path,
				  doing);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
	/* WAL's own "locking protocol": a reader retried its locks and gave
	 * up because another process holds one and does not move (stopped,
	 * or hung); to the user the same as busy, and holder_of names it */
	case SQLITE_PROTOCOL: {
		char who[128];
		holder_of(s ? s->path : NULL, who, sizeof who);
		if (who[0])
			return hy_err_set(err, errlen, HY_ERR_BUSY,
					  _("%s: %s: %s is writing the database (waited "
					    "%d ms); try again when it has finished"),
					  path, doing, who, HY_STORE_BUSY_MS);
		return hy_err_set(err, errlen, HY_ERR_BUSY,
				  _("%s: %s: database is locked by another "
				    "program (waited %d ms)"),
				  path, doing, HY_STORE_BUSY_MS);
	}
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return hy_err_set(err, errlen, HY_ERR_READONLY,
				  _("%s: %s: the database is read-only (%s)"), path, doing, msg);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		code = HY_ERR_CORRUPT;
		if (strstr(msg, "vtable constructor failed"))
			break; /* a table of the search index is gone: below */
		return hy_err_set(err, errlen, HY_ERR_CORRUPT,
				  _("%s: not a huiyi database, or damaged (%s)"), path, msg);
	case SQLITE_FULL:
		return hy_err_set(err, errlen, HY_ERR_IO, _("%s: %s: disk full (%s)"), path, doing,
				  sys_reason(s, strerror(ENOSPC)));
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		return hy_err_set(err, errlen, HY_ERR_IO, _("%s: %s: I/O error (%s)"), path, doing,
				  sys_reason(s, msg));
	default:
		code = HY_ERR_DB;
		break;
	}
	/* a derived table or index dropped by hand: reindex makes it */
	char gone[128] = "";
	if (s && s->db)
		hy_store_missing_derived(s, gone, sizeof gone);
	if (gone[0])
		return hy_err_set(err, errlen, code,
				  _("%s: %s: %s (%s is missing, which huiyi makes "
				    "from the meetings: huiyi reindex makes it again)"),
				  path, doing, msg, gone);
	if (strstr(msg, "vtable constructor failed"))
		return hy_err_set(err, errlen, HY_ERR_CORRUPT,
				  _("%s: %s: the search index is damaged (%s): huiyi "
				    "reindex makes it again"),
				  path, doing, msg);
	return hy_err_set(err, errlen, code, "%s: %s: %s", path, doing, msg);
}
