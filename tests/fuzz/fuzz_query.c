/* fuzz_query.c: bytes (up to the first NUL) → hy_search_translate.
 * Invariants: it returns 0 or HY_ERR_INVALID (with a message); on 0 the
 * expression is valid UTF-8 and FTS5 accepts it: `t MATCH ?` on a table
 * using the huiyi tokenizer steps without SQLITE_ERROR. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"
#include "huiyi/err.h"
#include "huiyi/fts.h"
#include "huiyi/search.h"

static sqlite3 *db;
static sqlite3_stmt *match;

static void close_db(void)
{
	sqlite3_finalize(match);
	sqlite3_close(db);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char err[256];
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    hy_fts_register(db, err, sizeof err) != 0 ||
	    sqlite3_exec(db,
			 "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='huiyi');"
			 "INSERT INTO t(x) VALUES ('县政府常务会议研究燃气安全 "
			 "2024年 covid19 or and not near'),"
			 "('會議聽取了縣財政局關於預算執行情況的匯報。');",
			 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?", -1, &match, NULL) !=
		    SQLITE_OK) {
		fprintf(stderr, "fuzz_query: setup: %s\n", db ? sqlite3_errmsg(db) : "no db");
		exit(1);
	}
	atexit(close_db);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *q = malloc(size + 1);
	FUZZ_CHECK(q != NULL, "malloc");
	memcpy(q, data, size);
	q[size] = '\0';
	char *expr = NULL;
	char err[256] = "";
	int rc = hy_search_translate(q, &expr, err, sizeof err);
	FUZZ_CHECK(rc == 0 || rc == HY_ERR_INVALID, "translate returned %d", rc);
	if (rc == HY_ERR_INVALID) {
		FUZZ_CHECK(err[0] != '\0', "HY_ERR_INVALID without a message");
	} else {
		FUZZ_CHECK(expr != NULL, "no expression");
		FUZZ_CHECK(hy_utf8_valid(expr, strlen(expr)), "expression not UTF-8");
		sqlite3_reset(match);
		sqlite3_bind_text(match, 1, expr, -1, SQLITE_STATIC);
		int st;
		while ((st = sqlite3_step(match)) == SQLITE_ROW)
			;
		FUZZ_CHECK(st == SQLITE_DONE,
			   "FTS5 rejects the expression: %s\n query: %s\n "
			   "expression: %s",
			   sqlite3_errmsg(db), q, expr);
		sqlite3_reset(match);
		sqlite3_clear_bindings(match);
	}
	free(expr);
	free(q);
	return 0;
}
