/* Raw bytes kept packed against the clean text (src/store/pack.h, schema
 * v14): they come back exactly, a text file's take a few dozen bytes, a
 * value read against another text is refused, a v13 database's raw
 * bytes come through the migration unchanged, and a clean text cannot be
 * changed without them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tmpdir.h"

#include "huiyi/err.h"
#include "huiyi/store.h"
#include "../../src/store/internal.h" /* hy_store_open_at, s->db */
#include "../../src/store/pack.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

/* A readout of our own, as a cleaner leaves it, and its raw bytes: a GBK
 * page would differ in every byte, a text file in a few. */
static const char clean[] = "石桥县召开县政府第12次常务会议\n"
			    "3月8日，县长主持召开县政府第12次常务会议。\n"
			    "会议听取了县交通运输局关于农村公路建设的汇报。\n"
			    "会议研究了春季森林防火工作。\n";

static void roundtrip(const void *raw, size_t len, const char *against, size_t *packed_len)
{
	void *z, *back;
	size_t zn, n;
	assert_int_equal(hy_pack_raw(raw, len, against, strlen(against), &z, &zn), 0);
	assert_int_equal(hy_unpack_raw(z, zn, against, strlen(against), &back, &n), 0);
	assert_int_equal(n, len);
	assert_memory_equal(back, raw, len);
	assert_int_equal(((char *)back)[n], '\0');
	*packed_len = zn;
	free(z);
	free(back);
}

static void t_text_file(void **state)
{
	char raw[sizeof clean + 8];
	size_t zn;
	(void)state;
	/* the file: CRLF line ends and a BOM the cleaner took out */
	snprintf(raw, sizeof raw, "\xef\xbb\xbf%s", clean);
	roundtrip(raw, strlen(raw), clean, &zn);
	assert_true(zn < 64); /* a few dozen bytes for a few hundred */
	roundtrip(clean, strlen(clean), clean, &zn);
	assert_true(zn < 32);
}

static void t_page(void **state)
{
	/* markup around the text: kept, and smaller than it was */
	size_t zn, len;
	char *page = malloc(64 * 1024);
	(void)state;
	assert_non_null(page);
	len = (size_t)snprintf(page, 64 * 1024, "<html><head><meta charset=utf-8></head><body>");
	for (int i = 0; i < 40; i++)
		len += (size_t)snprintf(page + len, 64 * 1024 - len,
					"<div class=nav><a href=/n/%d.html>栏目%d</a></div>", i, i);
	len += (size_t)snprintf(page + len, 64 * 1024 - len, "<div id=zoom><p>%s</p></div></html>",
				clean);
	roundtrip(page, len, clean, &zn);
	assert_true(zn < len / 2);
	free(page);
}

static void t_binary_and_empty(void **state)
{
	unsigned char bytes[256];
	void *z = (void *)1, *back;
	size_t zn = 1, n, packed;
	(void)state;
	for (int i = 0; i < 256; i++)
		bytes[i] = (unsigned char)(255 - i);
	roundtrip(bytes, sizeof bytes, clean, &packed);
	roundtrip(bytes, sizeof bytes, "", &packed); /* an empty clean text */
	assert_int_equal(hy_pack_raw("", 0, clean, strlen(clean), &z, &zn), 0);
	assert_null(z);
	assert_int_equal(zn, 0);
	assert_int_equal(hy_unpack_raw(NULL, 0, clean, strlen(clean), &back, &n), 0);
	assert_int_equal(n, 0);
	free(back);
}

static void t_refused(void **state)
{
	void *z, *back = (void *)1;
	size_t zn, n = 1;
	char other[sizeof clean];
	(void)state;
	assert_int_equal(hy_pack_raw(clean, strlen(clean), clean, strlen(clean), &z, &zn), 0);
	/* against another text (one character changed): an error, not bytes */
	memcpy(other, clean, sizeof clean);
	memcpy(other + 3, "X", 1);
	assert_int_equal(hy_unpack_raw(z, zn, other, strlen(other), &back, &n), HY_ERR_CORRUPT);
	assert_null(back);
	assert_int_equal(n, 0);
	/* a damaged value, and bytes that were never packed */
	((unsigned char *)z)[zn - 1] ^= 0x40;
	assert_int_equal(hy_unpack_raw(z, zn, clean, strlen(clean), &back, &n), HY_ERR_CORRUPT);
	assert_int_equal(hy_unpack_raw(clean, strlen(clean), clean, strlen(clean), &back, &n),
			 HY_ERR_CORRUPT);
	free(z);
}

/* A database at v13 with raw bytes as read, opened by today's huiyi: v14
 * packs them, and they read back the same, through C and through SQL. */
static void t_migrate(void **state)
{
	char dir[128], path[160], err[256] = "";
	char raw[sizeof clean + 8];
	struct hy_store *s = NULL;
	struct hy_section sec = {1, "农村公路", "会议听取了县交通运输局关于农村公路建设的汇报。"};
	struct hy_meeting m = {
		.title = "石桥县召开县政府第12次常务会议", .sections = &sec, .n_sections = 1};
	struct hy_store_doc d = {0};
	sqlite3_stmt *st;
	int64_t id;
	(void)state;

	assert_int_equal(test_tmpdir(dir, sizeof dir, "pack", path, sizeof path, "h.db"), 0);
	snprintf(raw, sizeof raw, "\xef\xbb\xbf%s", clean);
	d.raw = raw;
	d.raw_len = strlen(raw);
	d.clean = clean;
	d.clean_len = strlen(clean);
	d.source = "/tmp/a.txt";
	assert_int_equal(hy_store_open_at(&s, path, HY_STORE_CREATE, 13, err, sizeof err), 0);
	assert_int_equal(hy_store_insert(s, &m, &d, &id, err, sizeof err), 0);
	hy_store_close(s);

	if (hy_store_open(&s, path, 0, err, sizeof err) != 0)
		fail_msg("open: %s", err);
	assert_int_equal(hy_store_version(s), HY_STORE_SCHEMA_VERSION);
	assert_int_equal(
		sqlite3_prepare_v2(s->db,
				   "SELECT rawz, hy_clean(cleanz), hy_raw(rawz, hy_clean(cleanz)),"
				   " (SELECT count(*) FROM pragma_table_info('meetings')"
				   "  WHERE name = 'raw') FROM meetings",
				   -1, &st, NULL),
		SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	{
		const void *z = sqlite3_column_blob(st, 0);
		size_t zn = (size_t)sqlite3_column_bytes(st, 0);
		const char *c = (const char *)sqlite3_column_text(st, 1);
		void *back;
		size_t n;
		assert_true(zn > 0 && zn < strlen(raw) / 4);
		assert_int_equal(hy_unpack_raw(z, zn, c, strlen(c), &back, &n), 0);
		assert_int_equal(n, strlen(raw));
		assert_memory_equal(back, raw, n);
		free(back);
		assert_int_equal(sqlite3_column_bytes(st, 2), (int)strlen(raw));
		assert_memory_equal(sqlite3_column_blob(st, 2), raw, strlen(raw));
		assert_int_equal(sqlite3_column_int(st, 3), 0); /* the old column is gone */
	}
	sqlite3_finalize(st);
	/* a clean text changed alone would lose the raw bytes: refused */
	{
		char *msg = NULL;
		assert_int_equal(sqlite3_exec(s->db,
					      "UPDATE meetings SET cleanz ="
					      " hy_clean_pack(hy_clean(cleanz) || '。')",
					      NULL, NULL, &msg),
				 SQLITE_ERROR);
		assert_non_null(msg);
		assert_non_null(strstr(msg, "hy_raw"));
		sqlite3_free(msg);
		assert_int_equal(sqlite3_exec(s->db,
					      "UPDATE meetings SET rawz = hy_raw_pack(hy_raw(rawz,"
					      " hy_clean(cleanz)), hy_clean(cleanz) || '。'),"
					      " cleanz = hy_clean_pack(hy_clean(cleanz) || '。')",
					      NULL, NULL, NULL),
				 SQLITE_OK);
		assert_int_equal(
			sqlite3_prepare_v2(s->db,
					   "SELECT hy_raw(rawz, hy_clean(cleanz)) FROM meetings",
					   -1, &st, NULL),
			SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_bytes(st, 0), (int)strlen(raw));
		assert_memory_equal(sqlite3_column_blob(st, 0), raw, strlen(raw));
		sqlite3_finalize(st);
	}
	hy_store_close(s);
	test_rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_text_file),        cmocka_unit_test(t_page),
		cmocka_unit_test(t_binary_and_empty), cmocka_unit_test(t_refused),
		cmocka_unit_test(t_migrate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
