/* import.c: files, folders and stdin → prepared on worker threads
 * (prepare.c) → stored in the order they came, in batches. */
#include "huiyi/import.h"
#include "huiyi/i18n.h"
#include "prepare.h"
#include "readall.h"

#include "huiyi/decode.h"
#include "huiyi/err.h"
#include "huiyi/html.h"
#include "huiyi/meeting.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Commit a batch early once this much input is in it. */
#define BATCH_BYTES ((size_t)64 << 20)
/* Deeper folders than this are refused (loops through bind mounts). */
#define MAX_DEPTH 64
/* Worker threads at most, files in flight per worker, and bytes in flight
 * (one file over the limit still goes, alone): memory stays bounded by
 * these, never by the size of the corpus. */
#define MAX_WORKERS 16
#define JOBS_PER_WORKER 8
#define INFLIGHT_BYTES ((size_t)128 << 20)

enum job_state { J_QUEUED, J_DONE };

/* One file on its way: read and hashed by the walking thread, prepared by
 * a worker, stored by the walking thread in the order the files came. */
struct job {
	char *path;   /* as met, for messages */
	char *source; /* what is recorded */
	char *raw;
	size_t len;
	/* A regular file opened by the walking thread, which a worker reads,
	 * hashes and looks up (lookup: hy_store_probe) before preparing it;
	 * stdin and streams are read by the walking thread. */
	int fd, has_fd;
	size_t charged; /* bytes counted in flight for it (its size) */
	int checked;    /* its hash was looked up (else: at collect) */
	int dup_late;   /* a duplicate found by a worker: not yet counted */
	char sha[65];
	long long mtime; /* the file's modification time, 0 for a stream */
	enum job_state state;
	int rc; /* J_DONE: 0 prepared, or why not */
	char err[256];
	struct prepared p;
};

struct pool {
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	pthread_t th[MAX_WORKERS];
	size_t nth;
	struct job *ring;
	size_t cap;
	size_t head, next, tail; /* collected ≤ taken by workers ≤ submitted */
	size_t bytes;            /* raw bytes of the jobs in flight */
	int quit;
	const char *encoding;
	int year;  /* hy_import_opts.year */
	int force; /* hy_import_opts.force */
	const struct hy_import_fields *fields;
	size_t max_bytes;
	int replace; /* hy_import_opts.replace: no lookups */
	struct worker {
		struct pool *pl;
		struct hy_store_probe *probe; /* or NULL: collect looks up */
	} w[MAX_WORKERS];
};

struct run {
	struct hy_store *s;
	const struct hy_import_opts *o;
	struct hy_import_stats *st;
	size_t max_bytes, batch;
	int open; /* a batch transaction is open */
	/* st's counts when it began */
	size_t kept_imported, kept_replaced, kept_superseded, kept_merged;
	size_t in_batch, batch_bytes; /* files and bytes in it */
	int counting;                 /* first pass: count files only */
	char *buf;                    /* read buffer, handed to the job that reads it */
	size_t cap;
	/* The folder whose files are being read, and its absolute path with
	 * links resolved (source_in): one realpath a folder, not a file. */
	char *dir, *dir_real;
	/* The folder named in the paths being walked, links resolved: a link
	 * found in it must lead inside (hy_import_opts.follow_links). */
	char *root_real;
	char *err;
	size_t errlen;
	struct pool pool;
};

static int stopped(const struct run *r)
{
	return r->o->stop && *r->o->stop;
}

static void reject(struct run *r, const char *path, const char *reason)
{
	r->st->rejected++;
	if (r->o->reject)
		r->o->reject(path, reason, r->o->ctx);
}

static void progress(struct run *r)
{
	if (r->o->progress)
		r->o->progress(r->st, r->o->ctx);
}

/* A batch that does not commit takes its meetings with it: the report
 * counts what is stored. */
static void batch_lost(struct run *r)
{
	r->st->imported = r->kept_imported;
	r->st->replaced = r->kept_replaced;
	r->st->superseded = r->kept_superseded;
	r->st->merged = r->kept_merged;
}

static int commit(struct run *r)
{
	int rc;
	if (!r->open)
		return 0;
	rc = hy_store_commit(r->s, r->err, r->errlen);
	if (rc)
		batch_lost(r);
	r->open = 0;
	r->in_batch = 0;
	r->batch_bytes = 0;
	return rc;
}

/* hy_prepare() for a job of the pool. */
static int prepare_job(const struct pool *pl, struct hy_store_probe *probe, struct job *j)
{
	struct prepare_in in = {
		.encoding = pl->encoding,
		.at = {.source = j->source, .year = pl->year, .mtime = j->mtime},
		.force = pl->force,
		.source = j->source,
		.fields = pl->fields,
		.probe = probe,
		.replace = pl->replace,
	};
	return hy_prepare(j->raw, j->len, &in, &j->p, j->err, sizeof j->err);
}

/* put's mode: bits. */
#define PUT_REPLACE 1 /* hy_import_opts.replace */
#define PUT_MERGE 2   /* not hy_import_opts.no_merge */

/* The writing half: one prepared file into the store. With PUT_REPLACE
 * (in a batch), the meeting stored from the same raw bytes goes first, in
 * the same batch as the new one; with PUT_MERGE, a readout that is the
 * same meeting as a stored one becomes another source of it. */
static int put(struct hy_store *s, const void *raw, size_t len, const char *source, const char *sha,
	       const struct prepared *p, int mode, struct hy_import_stats *st, char *err,
	       size_t errlen)
{
	struct hy_store_doc doc = {0};
	struct hy_store_held *held = NULL; /* the old meeting's other sources */
	int rc, old = 0, merged = 0, replace = mode & PUT_REPLACE;
	int64_t id = 0;

	if (replace) {
		rc = hy_store_sources_hold(s, sha, &held, err, errlen);
		old = rc ? rc : hy_store_delete_sha(s, sha, NULL, err, errlen);
		if (old < 0) {
			hy_store_held_free(held);
			return old;
		}
	}

	doc.raw = raw;
	doc.raw_len = len;
	doc.clean = p->clean;
	doc.clean_len = p->clean_len;
	doc.sha256 = sha;
	doc.source = p->source ? p->source : source;
	doc.encoding = p->d.encoding;
	doc.replaced = p->d.replaced;
	doc.simhash = p->simhash;
	doc.script = p->script;
	doc.repairs = p->repairs;
	doc.packed = p->packed;
	doc.packed_len = p->packed_len;
	rc = hy_store_add(s, &p->m, &doc, (mode & PUT_MERGE) != 0, &id, &merged, err, errlen);
	if (rc == 0 && held)
		rc = hy_store_sources_give(s, id, held, err, errlen);
	hy_store_held_free(held);
	if (st) {
		if (rc == 0 && merged) {
			st->merged++;
		} else if (rc == 0) {
			if (old)
				st->superseded++;
			else
				st->imported++;
			st->replaced += p->d.replaced;
		} else if (rc == HY_ERR_DUP) {
			st->duplicates++;
		}
	}
	return rc;
}

/* Each line of a JSON Lines file that was prepared into the store; a
 * rejected line is handed to reject (with "PATH#LINE") and counted in
 * *rejected. Returns 0 or what put returns for a failure of the store
 * (a duplicate is counted, not a failure). */
static int put_lines(struct hy_store *s, const char *path, const struct prepared *p, int mode,
		     struct hy_import_stats *st, size_t *stored,
		     void (*rej)(const char *, const char *, void *), void *ctx, char *err,
		     size_t errlen)
{
	for (size_t i = 0; i < p->n_lines; i++) {
		const struct line *l = &p->lines[i];
		if (l->rc == HY_ERR_DUP) {
			if (st)
				st->duplicates++;
			continue;
		}
		if (l->rc) {
			char where[PATH_MAX + 32];
			snprintf(where, sizeof where, "%s#%zu", path, l->no);
			if (st)
				st->rejected++;
			if (rej)
				rej(where, l->err, ctx);
			continue;
		}
		int rc = put(s, l->raw, l->len, l->source, l->sha, &l->p, mode, st, err, errlen);
		if (rc == 0 && stored)
			(*stored)++;
		if (rc && rc != HY_ERR_DUP)
			return rc;
	}
	return 0;
}

/* Already stored? 1 yes (counted as a duplicate), 0 no, < 0 error. */
static int known(struct hy_store *s, const void *raw, size_t len, char sha[65],
		 struct hy_import_stats *st, char *err, size_t errlen)
{
	int rc = hy_store_sha256(raw, len, sha);
	if (rc)
		return hy_err_set(err, errlen, rc, _("out of memory"));
	rc = hy_store_has(s, sha, err, errlen);
	if (rc == 1 && st)
		st->duplicates++;
	return rc;
}

int hy_import_bytes(struct hy_store *s, const void *raw, size_t len, const char *source,
		    const char *encoding, struct hy_import_stats *st, char *err, size_t errlen)
{
	struct prepared p;
	char sha[65];
	int rc = known(s, raw, len, sha, st, err, errlen);

	if (rc < 0)
		return rc;
	if (rc == 1)
		return hy_err_set(err, errlen, HY_ERR_DUP, _("already stored"));
	hy_html_init();
	struct prepare_in in = {
		.encoding = encoding, .at = {.source = source}, .force = 1, .source = source};
	rc = hy_prepare(raw, len, &in, &p, err, errlen);
	if (rc == 0 && p.is_lines)
		rc = put_lines(s, source, &p, PUT_MERGE, st, NULL, NULL, NULL, err, errlen);
	else if (rc == 0)
		rc = put(s, raw, len, source, sha, &p, PUT_MERGE, st, err, errlen);
	hy_prepared_free(&p);
	return rc;
}

/* hy_read_all into r->buf, the reason in r->err. */
static int slurp(struct run *r, int fd, size_t *len)
{
	return hy_read_all(fd, r->max_bytes, &r->buf, &r->cap, len, r->o->stop, r->err, r->errlen);
}

/* The absolute path of a file to record as its source. */
static char *source_of(const char *path)
{
	char *p = realpath(path, NULL);
	char cwd[PATH_MAX];
	size_t a, b;

	if (p || path[0] == '/')
		return p ? p : strdup(path);
	if (!getcwd(cwd, sizeof cwd))
		return strdup(path);
	a = strlen(cwd);
	b = strlen(path);
	p = malloc(a + b + 2);
	if (p) {
		memcpy(p, cwd, a);
		p[a] = '/';
		memcpy(p + a + 1, path, b + 1);
	}
	return p;
}

/* source_of(dir/name) for a regular file (not a link) found in dir:
 * dir's absolute path once, then its names appended to it. */
static char *source_in(struct run *r, const char *path, size_t dlen)
{
	size_t rlen, nlen = strlen(path + dlen);
	char *p;

	if (!r->dir || strlen(r->dir) != dlen || memcmp(r->dir, path, dlen) != 0) {
		free(r->dir);
		free(r->dir_real);
		r->dir = strndup(path, dlen);
		r->dir_real = r->dir ? source_of(r->dir) : NULL;
		if (!r->dir_real) {
			free(r->dir);
			r->dir = NULL;
			return source_of(path);
		}
	}
	rlen = strlen(r->dir_real);
	p = malloc(rlen + nlen + 1);
	if (p) {
		memcpy(p, r->dir_real, rlen);
		memcpy(p + rlen, path + dlen, nlen + 1);
	}
	return p;
}

static void job_free(struct job *j)
{
	if (j->has_fd)
		close(j->fd);
	hy_prepared_free(&j->p);
	free(j->path);
	free(j->source);
	free(j->raw);
	memset(j, 0, sizeof *j);
}

/* A worker's part of a file the walking thread opened: read it, hash it,
 * and look the hash up, so that a duplicate is never prepared. */
static void load(struct pool *pl, struct hy_store_probe *probe, struct job *j)
{
	size_t cap = 0;
	int rc = hy_read_all(j->fd, pl->max_bytes, &j->raw, &cap, &j->len, NULL, j->err,
			     sizeof j->err);
	close(j->fd);
	j->has_fd = 0;
	if (rc == 0)
		rc = hy_store_sha256(j->raw, j->len, j->sha);
	if (rc) {
		if (rc == HY_ERR_NOMEM && !j->err[0])
			hy_err_set(j->err, sizeof j->err, rc, _("out of memory"));
		j->rc = rc;
		return;
	}
	rc = pl->replace ? 0 : probe ? hy_store_probe_has(probe, j->sha) : -1;
	if (rc == 1) {
		j->rc = HY_ERR_DUP;
		j->dup_late = 1;
		return;
	}
	j->checked = rc == 0;
	j->rc = prepare_job(pl, probe, j);
}

static void *worker(void *arg)
{
	struct worker *w = arg;
	struct pool *pl = w->pl;
	pthread_mutex_lock(&pl->mu);
	for (;;) {
		while (!pl->quit && pl->next == pl->tail)
			pthread_cond_wait(&pl->work, &pl->mu);
		if (pl->next == pl->tail)
			break; /* quit, and nothing left to take */
		struct job *j = &pl->ring[pl->next++ % pl->cap];
		if (j->state == J_DONE)
			continue; /* settled when it was read */
		pthread_mutex_unlock(&pl->mu);
		if (j->has_fd)
			load(pl, w->probe, j);
		else
			j->rc = prepare_job(pl, w->probe, j);
		pthread_mutex_lock(&pl->mu);
		j->state = J_DONE;
		pthread_cond_broadcast(&pl->done);
	}
	pthread_mutex_unlock(&pl->mu);
	return NULL;
}

static size_t cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : (size_t)n;
}

/* Workers: one per CPU (hy_import_opts.threads overrides); none on one
 * CPU, where the walking thread prepares each file itself. */
static int pool_start(struct run *r)
{
	struct pool *pl = &r->pool;
	size_t n = r->o->threads ? r->o->threads : cpus();
	if (n <= 1)
		n = 0;
	if (n > MAX_WORKERS)
		n = MAX_WORKERS;
	pl->cap = n ? n * JOBS_PER_WORKER : 1;
	pl->ring = calloc(pl->cap, sizeof *pl->ring);
	if (!pl->ring)
		return hy_err_set(r->err, r->errlen, HY_ERR_NOMEM, _("out of memory"));
	pl->encoding = r->o->encoding;
	pl->year = r->o->year;
	pl->force = r->o->force;
	pl->fields = r->o->fields;
	pl->max_bytes = r->max_bytes;
	pl->replace = r->o->replace;
	pthread_mutex_init(&pl->mu, NULL);
	pthread_cond_init(&pl->work, NULL);
	pthread_cond_init(&pl->done, NULL);
	/* Workers block the signals that stop an import, so the one that
	 * reads (standard input, a FIFO) is the one interrupted: a ^C caught
	 * by a worker would leave it blocked in read() or open(). */
	sigset_t stop_sigs, old_sigs;
	sigemptyset(&stop_sigs);
	sigaddset(&stop_sigs, SIGINT);
	sigaddset(&stop_sigs, SIGTERM);
	sigaddset(&stop_sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &stop_sigs, &old_sigs);
	for (pl->nth = 0; pl->nth < n; pl->nth++) {
		struct worker *w = &pl->w[pl->nth];
		w->pl = pl;
		w->probe = r->o->lookup_here ? NULL : hy_store_probe_open(r->s);
		if (pthread_create(&pl->th[pl->nth], NULL, worker, w) != 0) {
			hy_store_probe_close(w->probe);
			w->probe = NULL;
			break; /* fewer workers, or none: still correct */
		}
	}
	pthread_sigmask(SIG_SETMASK, &old_sigs, NULL);
	return 0;
}

/* Stop the workers and free whatever was not collected. */
static void pool_stop(struct run *r)
{
	struct pool *pl = &r->pool;
	if (!pl->ring)
		return;
	pthread_mutex_lock(&pl->mu);
	pl->quit = 1;
	pthread_cond_broadcast(&pl->work);
	pthread_mutex_unlock(&pl->mu);
	for (size_t i = 0; i < pl->nth; i++) {
		pthread_join(pl->th[i], NULL);
		hy_store_probe_close(pl->w[i].probe);
	}
	for (size_t i = pl->head; i < pl->tail; i++)
		job_free(&pl->ring[i % pl->cap]);
	pthread_cond_destroy(&pl->done);
	pthread_cond_destroy(&pl->work);
	pthread_mutex_destroy(&pl->mu);
	free(pl->ring);
	memset(pl, 0, sizeof *pl);
}

/* Store the oldest job once it is prepared. Returns 0 or a fatal code. */
static int collect(struct run *r)
{
	struct pool *pl = &r->pool;
	struct job *j = &pl->ring[pl->head % pl->cap];
	int rc = 0;

	pthread_mutex_lock(&pl->mu);
	while (j->state != J_DONE)
		pthread_cond_wait(&pl->done, &pl->mu);
	pthread_mutex_unlock(&pl->mu);
	if (j->rc == 0 && !j->checked && !r->o->replace) {
		/* no worker could look it up */
		rc = known(r->s, j->raw, j->len, j->sha, r->st, r->err, r->errlen);
		if (rc < 0)
			return rc; /* the job is freed by pool_stop */
		if (rc == 1)
			j->rc = HY_ERR_DUP; /* counted by known */
		rc = 0;
	} else if (j->dup_late) {
		r->st->duplicates++;
	}
	if (j->rc == 0) {
		if (!r->open) {
			rc = hy_store_begin(r->s, r->err, r->errlen);
			if (rc)
				return rc; /* the job is freed by pool_stop */
			r->open = 1;
			r->kept_imported = r->st->imported;
			r->kept_replaced = r->st->replaced;
			r->kept_superseded = r->st->superseded;
			r->kept_merged = r->st->merged;
		}
		int mode = (r->o->replace ? PUT_REPLACE : 0) | (r->o->no_merge ? 0 : PUT_MERGE);
		if (j->p.is_lines) {
			size_t stored = 0;
			rc = put_lines(r->s, j->path, &j->p, mode, r->st, &stored, r->o->reject,
				       r->o->ctx, j->err, sizeof j->err);
			r->in_batch += stored;
		} else {
			rc = put(r->s, j->raw, j->len, j->source, j->sha, &j->p, mode, r->st,
				 j->err, sizeof j->err);
			r->in_batch++;
		}
		if (rc == 0)
			r->batch_bytes += j->len;
		else if (rc != HY_ERR_DUP) {
			/* the database failed (disk full, I/O error): that
			 * stops the import, it is not the file's fault */
			hy_err_set(r->err, r->errlen, rc, "%s", j->err);
			return rc;
		}
	} else if (j->rc == HY_ERR_INVALID || j->rc == HY_ERR_TOOBIG || j->rc == HY_ERR_IO) {
		reject(r, j->path, j->err); /* the file's fault */
	} else if (j->rc != HY_ERR_DUP) {
		rc = j->rc;
		hy_err_set(r->err, r->errlen, rc, "%s: %s", j->path, j->err);
		return rc;
	}
	pthread_mutex_lock(&pl->mu);
	pl->bytes -= j->charged;
	job_free(j);
	pl->head++;
	/* a job settled when read can be collected before any worker passed
	 * it; workers must never take a slot that was already collected */
	if (pl->next < pl->head)
		pl->next = pl->head;
	pthread_mutex_unlock(&pl->mu);
	r->st->seen++;
	progress(r);
	if (r->in_batch >= r->batch || r->batch_bytes >= BATCH_BYTES)
		return commit(r);
	return 0;
}

static int drain(struct run *r)
{
	int rc = 0;
	while (rc == 0 && r->pool.head < r->pool.tail)
		rc = collect(r);
	return rc;
}

/* Queue a job; rc != 0 settles it now (unreadable, duplicate). */
static int submit(struct run *r, struct job *in)
{
	struct pool *pl = &r->pool;
	int rc;
	while (pl->tail - pl->head == pl->cap ||
	       (pl->tail > pl->head && pl->bytes + in->charged > INFLIGHT_BYTES))
		if ((rc = collect(r))) {
			job_free(in); /* not queued: pool_stop never sees it */
			return rc;
		}
	struct job *j = &pl->ring[pl->tail % pl->cap];
	pthread_mutex_lock(&pl->mu);
	*j = *in;
	pl->bytes += j->charged;
	pl->tail++;
	if (j->state != J_DONE && pl->nth == 0) { /* no workers: do it here */
		pthread_mutex_unlock(&pl->mu);
		j->rc = prepare_job(pl, NULL, j);
		pthread_mutex_lock(&pl->mu);
		j->state = J_DONE;
		pl->next = pl->tail;
	}
	pthread_cond_signal(&pl->work);
	pthread_mutex_unlock(&pl->mu);
	return 0;
}

static int path_inside(const struct run *r, const char *t);

/* After a walk opened a file: is it inside the folder being walked?
 * Asked of the kernel (/proc/self/fd), as opened: someone who can write
 * the folder may swap an entry, or a folder on the way, for a link
 * between the listing (or inside_root) and the open. 1 when it cannot
 * tell (no /proc): the look before opening stands alone then. A path
 * longer than the buffer is cut, its start still right. */
static int opened_inside(const struct run *r, int fd)
{
	char link[64], t[PATH_MAX + 1];
	ssize_t k;

	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	k = readlink(link, t, sizeof t - 1);
	if (k <= 0 || t[0] != '/')
		return 1;
	t[k] = '\0';
	return path_inside(r, t);
}

/* One file (or stdin for "-"): read and hash it, then hand it on. walked:
 * found by walking a folder (a regular file, or a link inside_root or
 * followed by follow_links); dlen > 0: a regular file, not a link, that
 * a walk found in path[0..dlen) (which ends before its last '/'). Returns
 * 0 or a fatal hy_err code. */
static int do_file(struct run *r, const char *path, size_t dlen, int walked)
{
	struct job j = {0};
	size_t len = 0;
	int fd, rc;

	if (r->counting) {
		r->st->total++;
		return 0;
	}
	j.state = J_DONE; /* until it is known to need preparing */
	j.path = strdup(path);
	if (!j.path)
		return hy_err_set(r->err, r->errlen, HY_ERR_NOMEM, _("out of memory"));
	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else {
		struct stat sb;
		/* O_NONBLOCK when walking: an entry swapped for a FIFO since
		 * the listing must not hang the import (it is skipped below) */
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | (walked ? O_NONBLOCK : 0));
		if (fd < 0 && errno == EINTR && stopped(r)) {
			free(j.path); /* a FIFO with no writer, and ^C */
			return 0;
		}
		if (fd < 0) {
			j.rc = hy_err_set(j.err, sizeof j.err, HY_ERR_IO, _("cannot open: %s"),
					  strerror(errno));
			return submit(r, &j);
		}
		if (walked) {
			int regular = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode);
			int inside = r->o->follow_links || opened_inside(r, fd);
			if (!regular || !inside) {
				/* no longer what the walk found: skipped as it
				 * would have been, had it been so then */
				close(fd);
				free(j.path);
				if (regular)
					r->st->links_outside++;
				return 0;
			}
			fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
		}
		if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode))
			j.mtime = (long long)sb.st_mtime;
		/* A regular file goes to a worker as it is, to read, hash and
		 * look up there: the walking thread is the one that stores,
		 * and the bottleneck. Too big: refused unread, here. */
		if (r->pool.nth > 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
			if ((unsigned long long)sb.st_size > r->max_bytes) {
				close(fd);
				j.rc = hy_too_big(r->max_bytes, (unsigned long long)sb.st_size, 1,
						  j.err, sizeof j.err);
				return submit(r, &j);
			}
			j.source = dlen ? source_in(r, path, dlen) : source_of(path);
			if (!j.source) {
				close(fd);
				job_free(&j);
				return hy_err_set(r->err, r->errlen, HY_ERR_NOMEM,
						  _("out of memory"));
			}
			j.fd = fd;
			j.has_fd = 1;
			j.charged = (size_t)sb.st_size;
			j.state = J_QUEUED;
			return submit(r, &j);
		}
	}
	rc = slurp(r, fd, &len);
	if (fd != STDIN_FILENO)
		close(fd);
	if (rc == HY_ERR_NOMEM) {
		free(j.path);
		return rc;
	}
	if (rc) {
		if (stopped(r)) { /* interrupted while reading: not the file's fault */
			free(j.path);
			return 0;
		}
		j.rc = rc;
		snprintf(j.err, sizeof j.err, "%s", r->err);
		r->err[0] = '\0';
		return submit(r, &j);
	}
	j.raw = r->buf; /* the job owns the bytes now */
	j.len = len;
	j.charged = len;
	j.checked = 1; /* below */
	r->buf = NULL;
	r->cap = 0;
	j.source = strcmp(path, "-") == 0 ? strdup("-")
		   : dlen                 ? source_in(r, path, dlen)
					  : source_of(path);
	if (!j.source) {
		job_free(&j);
		return hy_err_set(r->err, r->errlen, HY_ERR_NOMEM, _("out of memory"));
	}
	if (r->o->replace) /* stored or not, it is prepared */
		rc = hy_store_sha256(j.raw, j.len, j.sha)
			     ? hy_err_set(r->err, r->errlen, HY_ERR_NOMEM, _("out of memory"))
			     : 0;
	else
		rc = known(r->s, j.raw, j.len, j.sha, r->st, r->err, r->errlen);
	if (rc < 0) {
		job_free(&j);
		return rc;
	}
	if (rc == 1) {
		j.rc = HY_ERR_DUP;
		free(j.raw); /* nothing to keep of a duplicate */
		j.raw = NULL;
		j.len = 0;
		j.charged = 0;
	} else {
		j.state = J_QUEUED;
	}
	return submit(r, &j);
}

struct entry {
	char *name;
	unsigned char type;
};

static int by_name(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	return strcmp(x->name, y->name);
}

static int walk(struct run *r, const char *dir, int depth);

/* Is the absolute path t (links resolved) inside the folder being
 * walked? */
static int path_inside(const struct run *r, const char *t)
{
	size_t n = r->root_real ? strlen(r->root_real) : 0;
	return t && n && strncmp(t, r->root_real, n) == 0 &&
	       (t[n] == '/' || (n == 1 && r->root_real[0] == '/'));
}

/* Does the link at path lead to a file inside the folder being walked? */
static int inside_root(const struct run *r, const char *path)
{
	char *t = realpath(path, NULL);
	int in = path_inside(r, t);
	free(t);
	return in;
}

/* An entry met while walking a folder: folders are descended, regular
 * files imported, the rest (and links to folders) skipped. */
static int visit(struct run *r, const char *path, unsigned char type, int depth)
{
	struct stat sb;
	int link = 0;

	if (type == DT_UNKNOWN || type == DT_LNK) {
		if (lstat(path, &sb) != 0) {
			if (!r->counting) {
				char why[256];
				snprintf(why, sizeof why, "cannot read: %s", strerror(errno));
				reject(r, path, why);
			}
			return 0;
		}
		if (S_ISLNK(sb.st_mode)) {
			if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
				return 0; /* dangling, or a link to a folder */
			if (!r->o->follow_links && !inside_root(r, path)) {
				if (!r->counting)
					r->st->links_outside++;
				return 0;
			}
			type = DT_REG;
			link = 1;
		} else {
			type = S_ISDIR(sb.st_mode)   ? DT_DIR
			       : S_ISREG(sb.st_mode) ? DT_REG
						     : DT_UNKNOWN;
		}
	}
	if (type == DT_DIR)
		return walk(r, path, depth + 1);
	if (type == DT_REG) {
		/* a link's source is its target's path: realpath of its own */
		const char *slash = strrchr(path, '/');
		return do_file(r, path, link || !slash ? 0 : (size_t)(slash - path), 1);
	}
	return 0;
}

static int walk(struct run *r, const char *dir, int depth)
{
	struct entry *v = NULL;
	size_t n = 0, cap = 0, dlen = strlen(dir);
	struct dirent *de;
	DIR *d;
	int rc = 0;

	if (depth > MAX_DEPTH) {
		if (!r->counting)
			reject(r, dir, "folders nested too deeply");
		return 0;
	}
	d = opendir(dir);
	if (!d) {
		if (!r->counting) {
			char why[256];
			snprintf(why, sizeof why, "cannot open folder: %s", strerror(errno));
			reject(r, dir, why);
		}
		return 0;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue; /* hidden, "." and ".." */
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct entry *nv = realloc(v, ncap * sizeof *nv);
			if (!nv) {
				rc = HY_ERR_NOMEM;
				break;
			}
			v = nv;
			cap = ncap;
		}
		v[n].name = strdup(de->d_name);
		v[n].type = de->d_type;
		if (!v[n].name) {
			rc = HY_ERR_NOMEM;
			break;
		}
		n++;
	}
	closedir(d);
	if (rc == 0)
		qsort(v, n, sizeof *v, by_name);
	for (size_t i = 0; rc == 0 && i < n && !stopped(r); i++) {
		size_t nlen = strlen(v[i].name);
		int slash = dlen > 0 && dir[dlen - 1] != '/';
		char *path = malloc(dlen + slash + nlen + 1);
		if (!path) {
			rc = HY_ERR_NOMEM;
			break;
		}
		memcpy(path, dir, dlen);
		if (slash)
			path[dlen] = '/';
		memcpy(path + dlen + slash, v[i].name, nlen + 1);
		rc = visit(r, path, v[i].type, depth);
		free(path);
	}
	for (size_t i = 0; i < n; i++)
		free(v[i].name);
	free(v);
	if (rc == HY_ERR_NOMEM && r->err && r->err[0] == '\0')
		hy_err_set(r->err, r->errlen, rc, _("out of memory"));
	return rc;
}

/* A path given on the command line. */
static int do_arg(struct run *r, const char *path)
{
	struct stat sb;

	if (strcmp(path, "-") == 0)
		return do_file(r, path, 0, 0);
	if (stat(path, &sb) != 0) {
		if (!r->counting) {
			char why[256];
			snprintf(why, sizeof why, "%s", strerror(errno));
			reject(r, path, why);
			r->st->seen++;
			progress(r);
		} else {
			r->st->total++;
		}
		return 0;
	}
	if (S_ISDIR(sb.st_mode)) {
		r->root_real = realpath(path, NULL);
		int rc = r->root_real
				 ? walk(r, path, 0)
				 : hy_err_set(r->err, r->errlen, HY_ERR_NOMEM, _("out of memory"));
		free(r->root_real);
		r->root_real = NULL;
		return rc;
	}
	return do_file(r, path, 0, 0);
}

static int passes(struct run *r, const char *const *paths, size_t n)
{
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < n && !stopped(r); i++)
		rc = do_arg(r, paths[i]);
	return rc;
}

int hy_import_run(struct hy_store *s, const char *const *paths, size_t n,
		  const struct hy_import_opts *o, struct hy_import_stats *st, char *err,
		  size_t errlen)
{
	static const struct hy_import_opts defaults;
	struct run r = {0};
	int rc;

	if (!o)
		o = &defaults;
	memset(st, 0, sizeof *st);
	if (err && errlen)
		err[0] = '\0';
	if (o->encoding) { /* an unknown name stops everything, up front */
		struct hy_decoded d = {0};
		rc = hy_decode("a", 1, o->encoding, &d, err, errlen);
		hy_decoded_free(&d);
		if (rc)
			return rc;
	}
	hy_html_init(); /* before the workers parse pages */
	/* The storing connection's page cache, for the run: with sqlite's 8
	 * MiB (db.c, the browser's figure) a batch's dirty pages spilled to
	 * the WAL mid-transaction and were written again at the commit: 10,000
	 * gencorpus readouts wrote 1.44 GB of WAL for a 201 MB database, with
	 * 32 MiB 458 MB, and the import took 12% less time (bench/RESULTS.md
	 * "Import"). Memory stays flat: the cache is bounded, not the corpus. */
	sqlite3_exec(s->db, "PRAGMA cache_size = -32768", NULL, NULL, NULL);
	/* A checkpoint every 16,384 pages of WAL (256 MiB) instead of sqlite's
	 * 1,000: a page the import keeps changing (the search index's
	 * segments, the people's indexes) goes to the database once a
	 * checkpoint, so fewer checkpoints write it fewer times: 10,000
	 * readouts wrote 614 MB instead of 775-828 MB (kernel write_bytes),
	 * in the same time. The WAL file shrinks back when the last
	 * connection closes. */
	sqlite3_exec(s->db, "PRAGMA wal_autocheckpoint = 16384", NULL, NULL, NULL);
	r.s = s;
	r.o = o;
	r.st = st;
	r.max_bytes = o->max_bytes ? o->max_bytes : HY_IMPORT_MAX_BYTES;
	r.batch = o->batch ? o->batch : HY_IMPORT_BATCH;
	r.err = err;
	r.errlen = errlen;
	if (o->count_first) {
		r.counting = 1;
		rc = passes(&r, paths, n);
		r.counting = 0;
		if (rc)
			return rc;
	}
	rc = pool_start(&r);
	if (rc)
		return rc;
	rc = passes(&r, paths, n);
	if (rc == 0)
		rc = drain(&r); /* what is read is stored, even when stopped */
	pool_stop(&r);
	if (rc == 0)
		rc = commit(&r);
	else if (r.open) {
		hy_store_rollback(s); /* this batch is lost; a re-run redoes it */
		batch_lost(&r);
	}
	if (rc == 0 && stopped(&r))
		st->interrupted = 1;
	free(r.buf);
	free(r.dir);
	free(r.dir_real);
	return rc;
}
