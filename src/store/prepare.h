/* prepare.h: the CPU-heavy half of an import (prepare.c), shared by
 * import.c: a file's bytes → decoded, checked, cleaned and parsed
 * readouts, pure and thread-safe, so several files are prepared at once
 * while one thread writes. */
#ifndef HUIYI_STORE_PREPARE_H
#define HUIYI_STORE_PREPARE_H

#include "internal.h"

#include "huiyi/decode.h"
#include "huiyi/import.h"
#include "huiyi/meeting.h"

#include <stddef.h>
#include <stdint.h>

/* What a file becomes before it is stored: the CPU-heavy half of an
 * import (decode, binary check, clean, parse), pure and thread-safe, so
 * several files can be prepared at once while one thread writes. */
struct line;
struct prepared {
	struct hy_decoded d;
	struct hy_meeting m;
	char *clean;
	size_t clean_len;
	uint64_t simhash;   /* of clean (simhash.h), 0 for none */
	const char *script; /* of clean (simhash.h hy_script), static */
	long repairs;       /* what the cleaner mended (hy_store_doc) */
	/* The raw bytes packed against clean (pack.h), made here on the
	 * worker so the storing thread does not (NULL: it packs them). */
	void *packed;
	size_t packed_len;
	/* The source to record when it is not the file's: "PATH URL" for a
	 * page that names its address (html.h). */
	char *source;
	/* A JSON Lines file: a readout a line (m is empty then). */
	struct line *lines;
	size_t n_lines;
	int is_lines;
};

/* One line of a JSON Lines file: its bytes are what is stored as raw
 * (and hashed), so the same line imported again is a duplicate. */
struct line {
	size_t no;       /* from 1 */
	const char *raw; /* in the file's decoded text */
	size_t len;
	char sha[65];
	char *source; /* "FILE#LINE", then " URL" when the line gives one */
	int rc;       /* 0 prepared; HY_ERR_DUP stored already; else rejected */
	char err[256];
	struct prepared p;
};

/* What prepare needs besides the bytes. */
struct prepare_in {
	const char *encoding;                  /* NULL: detect */
	struct hy_date_hints at;               /* for a readout that gives no year */
	int force;                             /* store what reads like no meeting too */
	const char *source;                    /* what is recorded (a page's name tells HTML) */
	const struct hy_import_fields *fields; /* JSON Lines names, or NULL */
	struct hy_store_probe *probe;          /* JSON Lines: lines already stored are
				       * not prepared (may be NULL) */
	int replace;                           /* hy_import_opts.replace: no lookups */
};

/* Prepare raw[0..len) into *p (zeroed first): 0, or HY_ERR_INVALID with
 * the reason in err (the input is rejected), or another negative hy_err
 * code. A JSON Lines file gives p->lines, each with its own result. */
int hy_prepare(const void *raw, size_t len, const struct prepare_in *in, struct prepared *p,
	       char *err, size_t errlen);

/* Free what *p holds (zeroed after). */
void hy_prepared_free(struct prepared *p);

#endif
