/* import.h: files, folders and stdin → stored meetings (DESIGN.md §2).
 *
 * For each file: read (at most max_bytes), hash the raw bytes (a hash
 * already stored means a duplicate: skipped, counted, not decoded; with
 * hy_import_opts.replace the stored meeting is replaced), decode,
 * refuse binary data, clean, parse, store. Folders are walked recursively
 * in byte order of names, one folder's names in memory at a time; hidden
 * names (a leading '.') are skipped, and so are symbolic links to folders
 * and anything that is not a regular file. A path named explicitly that is
 * not a folder is read as it is (a regular file, a pipe, a device);
 * "-" is standard input, stored with source "-".
 *
 * Decoding, cleaning and parsing run on worker threads (one per CPU) while
 * the calling thread walks, reads and writes; files are stored in the
 * order they are met, whatever the number of threads.
 *
 * Meetings are committed in batches (a transaction per `batch` meetings or
 * 64 MiB of input, whichever comes first); each meeting is stored whole or
 * not at all, so an import that is killed can be run again to finish. */
#ifndef HUIYI_IMPORT_H
#define HUIYI_IMPORT_H

#include <signal.h>
#include <stddef.h>

#include "huiyi/store.h"

/* Per-file size limit (16 MiB: a readout is a few KiB; parsing costs
 * about 10× a file in memory) unless hy_import_opts.max_bytes says. */
#define HY_IMPORT_MAX_BYTES ((size_t)16 << 20)
/* Meetings per transaction unless hy_import_opts.batch says (a batch
 * also ends at 64 MiB of input). Large, because every commit writes each
 * page the batch changed: the people's indexes are keyed by name, so a
 * batch touches pages all over them, and 500 a batch wrote 67x the input
 * into a database of 100,000 readouts, 10,000 a batch 11x, a quarter
 * faster (bench/RESULTS.md "Scale"). ^C still commits the batch in hand. */
#define HY_IMPORT_BATCH 10000

struct hy_import_stats {
	size_t total;         /* files to do (counted first), 0 when unknown */
	size_t seen;          /* files done so far, whatever became of them */
	size_t imported;      /* meetings stored */
	size_t duplicates;    /* same raw bytes already stored: skipped */
	size_t rejected;      /* files that could not be stored (reason given) */
	size_t replaced;      /* U+FFFD substitutions in the imported files */
	size_t superseded;    /* --replace: meetings stored again in place of
			    * the one from the same raw bytes */
	size_t merged;        /* readouts added as another source of a
			       * meeting already stored (the same meeting) */
	int interrupted;      /* stopped early by *stop */
	size_t links_outside; /* links in a walked folder to files outside it:
			       * skipped (hy_import_opts.follow_links) */
};

/* JSON Lines (DESIGN.md §2 import): the key each field is read from when
 * the file does not use the usual names (NULL: only those). The text is
 * `content` or `text`, or the page in `html`; then `title`, `url`,
 * `date` or `published`. A name given here is tried first. */
struct hy_import_fields {
	const char *text, *html, *title, *url, *date;
};

struct hy_import_opts {
	const char *encoding;                  /* NULL: detect (decode.h) */
	const struct hy_import_fields *fields; /* JSON Lines names, or NULL */
	int year;                              /* for readouts that give no year: 0 = none */
	int force;                             /* store texts that read like no meeting too */
	/* Follow links in a walked folder to files outside it (a folder from
	 * someone else may link to ~/.ssh/id_rsa); 0: skip and count them,
	 * checked again on each file as opened (/proc/self/fd), so that an
	 * entry swapped for a link after the listing is caught too. A file
	 * named in paths is always read. */
	int follow_links;
	size_t max_bytes; /* 0: HY_IMPORT_MAX_BYTES */
	size_t batch;     /* 0: HY_IMPORT_BATCH */
	int count_first;  /* walk the paths once first to fill total */
	size_t threads;   /* files prepared at once: 0 = one per CPU */
	/* Workers read, hash and look up each file on a second, read-only
	 * connection (hy_store_probe), so that a duplicate is never
	 * prepared; without one the calling thread looks up before storing.
	 * 1: always that way (tests). */
	int lookup_here;
	/* A file whose raw bytes are already stored is not skipped: the
	 * meeting stored from them is deleted (hy_store_delete_sha) and the
	 * new parse stored in its place, in the same batch (so a file read
	 * with the wrong --encoding can be read again; the hash is of the
	 * raw bytes, the same whatever the encoding). Counted in
	 * superseded, not imported. */
	int replace;
	/* Keep every readout a meeting of its own: no readout is added to a
	 * stored meeting as another source (DESIGN.md §2 "The same meeting
	 * from many places"). */
	int no_merge;
	/* After each file (may be NULL). */
	void (*progress)(const struct hy_import_stats *st, void *ctx);
	/* For each rejected file, with a one-line reason (may be NULL). */
	void (*reject)(const char *path, const char *reason, void *ctx);
	void *ctx;
	/* When it becomes non-zero (a signal handler), the import commits
	 * what it has and returns with st->interrupted set. May be NULL. */
	volatile sig_atomic_t *stop;
};

/* Import paths[0..n) into s. Rejected files are reported and counted,
 * not errors. Returns 0, or a negative hy_err code for what stops the
 * whole import (database errors, out of memory, an unknown encoding);
 * batches committed before that stay stored. */
int hy_import_run(struct hy_store *s, const char *const *paths, size_t n,
		  const struct hy_import_opts *o, struct hy_import_stats *st, char *err,
		  size_t errlen);

/* Import one buffer as if it were a file with the given source name
 * (a batch is used if one is open). Returns 0 when stored, HY_ERR_DUP for
 * a duplicate, HY_ERR_INVALID with the reason in err for a rejected
 * input, or another negative hy_err code. */
int hy_import_bytes(struct hy_store *s, const void *raw, size_t len, const char *source,
		    const char *encoding, struct hy_import_stats *st, char *err, size_t errlen);

#endif
