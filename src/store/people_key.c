/* people_key.c: the keys a person is stored and found under (people.h,
 * people_int.h): the folded name, its pinyin (the surname read as a
 * surname), the sort key of the name order, and the SQL functions that
 * make them inside sqlite (the migrations and reindex). */
#include "internal.h"
#include "people_int.h"

#include "huiyi/fold.h"
#include "huiyi/fts.h"
#include "huiyi/mem.h"
#include "huiyi/people.h"
#include "huiyi/utf8.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

char *hy_people_key(const char *name)
{
	size_t len = name ? strlen(name) : 0, at = 0;
	char *out = malloc(len * 2 + 1); /* a fold never grows past 4 bytes
					  * from fewer than 2 */
	if (!out)
		return NULL;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += hy_utf8_decode(name + i, len - i, &cp);
		uint32_t f = hy_fold_cp(cp);
		if (hy_fold_class(f) == HY_FOLD_OTHER)
			continue; /* spaces, ·, invisible characters */
		char b[4];
		size_t k = hy_utf8_encode(f, b);
		if (at + k > len * 2)
			break;
		memcpy(out + at, b, k);
		at += k;
	}
	out[at] = '\0';
	return out;
}

/* ---- surnames ---------------------------------------------------------- */

/* Surnames whose reading is not their character's default one (fts.h's
 * table gives each character one reading, its commonest: 单 dan, 曾 ceng),
 * and the double surnames whose first character reads otherwise too. A
 * person's name starts with the surname, so its first one or two
 * characters are read from here: 单磊 is shanlei, 曾华 zenghua. Written
 * simplified (the names are folded first), the double ones before the
 * single ones that begin them (单于 before 单). Some also have the
 * default reading already (任 ren, 沈 shen, 华 hua): listed all the same,
 * so a change of the generated table cannot move them. */
static const struct surname {
	const char *han;
	const char *py[2]; /* a syllable a character */
} surnames[] = {
	{"万俟", {"mo", "qi"}},   {"尉迟", {"yu", "chi"}},  {"单于", {"chan", "yu"}},
	{"欧阳", {"ou", "yang"}}, {"澹台", {"tan", "tai"}}, {"长孙", {"zhang", "sun"}},
	{"单", {"shan"}},         {"曾", {"zeng"}},         {"解", {"xie"}},
	{"仇", {"qiu"}},          {"区", {"ou"}},           {"朴", {"piao"}},
	{"查", {"zha"}},          {"盖", {"ge"}},           {"乐", {"yue"}},
	{"尉", {"yu"}},           {"覃", {"qin"}},          {"缪", {"miao"}},
	{"翟", {"zhai"}},         {"种", {"chong"}},        {"华", {"hua"}},
	{"任", {"ren"}},          {"沈", {"shen"}},         {"召", {"shao"}},
	{"员", {"yun"}},          {"秘", {"bi"}},           {"隗", {"wei"}},
	{"洗", {"xian"}},         {"冼", {"xian"}},         {"薄", {"bo"}},
	{"牟", {"mu"}},           {"折", {"she"}},          {"繁", {"po"}},
};

/* The surname key starts with (its bytes; 0: none), its syllables into
 * syl[0..*n). */
static size_t surname_of(const char *key, const char *syl[2], size_t *n)
{
	for (size_t i = 0; i < sizeof surnames / sizeof surnames[0]; i++) {
		size_t len = strlen(surnames[i].han);
		if (strncmp(key, surnames[i].han, len) != 0)
			continue;
		*n = surnames[i].py[1] ? 2 : 1;
		syl[0] = surnames[i].py[0];
		syl[1] = surnames[i].py[1];
		return len;
	}
	*n = 0;
	return 0;
}

/* ---- pinyin -------------------------------------------------------------- */

struct sbuf {
	char *p;
	size_t n, cap;
	int oom;
};

static void put(struct sbuf *b, const void *s, size_t k)
{
	if (b->oom)
		return;
	if (b->n + k + 1 > b->cap) {
		size_t cap = (b->n + k + 1) * 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->oom = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, k);
	b->n += k;
	b->p[b->n] = '\0';
}

/* key read out: its surname's syllables, then each character's default
 * one. sort: each syllable followed by \1 (so li\1 < liu\1: 李 before 刘,
 * syllable by syllable), a character without a reading kept as it is;
 * else the syllables run together and NULL when a character has none.
 * NULL when out of memory, and *oom set. */
static char *read_out(const char *key, int sort, int *oom)
{
	struct sbuf b = {0};
	size_t len = key ? strlen(key) : 0, i, n;
	const char *syl[2];
	put(&b, "", 0);
	i = surname_of(key ? key : "", syl, &n);
	for (size_t k = 0; k < n; k++) {
		put(&b, syl[k], strlen(syl[k]));
		if (sort)
			put(&b, "\1", 1);
	}
	while (i < len && !b.oom) {
		uint32_t cp;
		size_t at = i;
		i += hy_utf8_decode(key + i, len - i, &cp);
		if (hy_fts_pinyin(cp, syl, 1) == 0) {
			if (!sort) {
				free(b.p);
				return NULL;
			}
			put(&b, key + at, i - at);
			continue;
		}
		put(&b, syl[0], strlen(syl[0]));
		if (sort)
			put(&b, "\1", 1);
	}
	if (b.oom) {
		free(b.p);
		*oom = 1;
		return NULL;
	}
	return b.p;
}

char *hy_people_pinyin(const char *key, int *oom)
{
	*oom = 0;
	if (!key || !key[0])
		return NULL;
	return read_out(key, 0, oom);
}

/* ---- the name order ------------------------------------------------------ */

/* ICU's collator for zh: Han in pinyin order. One for the process, made
 * by hy_store_init at start-up by the commands that write (an import's
 * workers make keys), else on first use (a read-only command that
 * upgrades an older database); ucol_getSortKey is safe from several
 * threads. Either way ICU sets up its cache with it, while its allocator
 * is strict (mem.h). */
static UCollator *zh_collator;
static pthread_once_t zh_once = PTHREAD_ONCE_INIT;

static void zh_open(void)
{
	UErrorCode e = U_ZERO_ERROR;
	hy_mem_icu_strict(1);
	zh_collator = ucol_open("zh", &e);
	hy_mem_icu_strict(0);
	if (U_FAILURE(e)) {
		ucol_close(zh_collator);
		zh_collator = NULL;
	}
}

int hy_store_init(void)
{
	pthread_once(&zh_once, zh_open);
	return 0;
}

/* ICU's collation key of name appended to b (nothing without a
 * collator). */
static void icu_key(struct sbuf *b, const char *name)
{
	UChar buf[64], *u = buf;
	int32_t ulen = 0;
	UErrorCode e = U_ZERO_ERROR;

	pthread_once(&zh_once, zh_open);
	if (!zh_collator)
		return;
	u_strFromUTF8Lenient(buf, 64, &ulen, name, -1, &e);
	if (e == U_BUFFER_OVERFLOW_ERROR) {
		u = malloc(((size_t)ulen + 1) * sizeof *u);
		e = U_ZERO_ERROR;
		if (u)
			u_strFromUTF8Lenient(u, ulen + 1, &ulen, name, -1, &e);
		else
			b->oom = 1;
	}
	if (u && U_SUCCESS(e)) {
		int32_t k = ucol_getSortKey(zh_collator, u, ulen, NULL, 0);
		uint8_t *key = k > 0 ? malloc((size_t)k) : NULL;
		if (key) {
			k = ucol_getSortKey(zh_collator, u, ulen, key, k);
			put(b, key, (size_t)k);
		} else if (k > 0) {
			b->oom = 1;
		}
		free(key);
	}
	if (u != buf)
		free(u);
}

/* The key of the name order: the folded name read out syllable by
 * syllable (read_out, the surname as a surname), a 0 byte, then ICU's zh
 * collation key of the name as written (the same syllables: by tone,
 * then character). So the order is pinyin's, the surname's reading
 * included, which ICU alone cannot know (it reads 单 dan and 曾 ceng
 * wherever they stand). */
uint8_t *hy_people_sort_key(const char *name, int32_t *n, int *oom)
{
	char *key = name ? hy_people_key(name) : NULL;
	struct sbuf b = {0};
	*oom = name && !key;
	char *py = key ? read_out(key, 1, oom) : NULL;
	*n = 0;
	if (py) {
		put(&b, py, strlen(py) + 1); /* with its 0 */
		icu_key(&b, name);
	}
	free(key);
	free(py);
	if (!py || b.oom || b.n > INT32_MAX) {
		*oom |= b.oom;
		free(b.p);
		return NULL;
	}
	*n = (int32_t)b.n;
	return (uint8_t *)b.p;
}

/* ---- the SQL functions -------------------------------------------------- */

static void key_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	char *k = name ? hy_people_key(name) : NULL;
	if (!name)
		sqlite3_result_null(ctx);
	else if (!k)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, k, -1, free);
}

static void sort_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int32_t n;
	int oom;
	uint8_t *k = hy_people_sort_key((const char *)sqlite3_value_text(argv[0]), &n, &oom);
	if (k)
		sqlite3_result_blob(ctx, k, n, free);
	else if (oom)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_null(ctx);
}

static void py_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int oom;
	char *p = hy_people_pinyin((const char *)sqlite3_value_text(argv[0]), &oom);
	if (p)
		sqlite3_result_text(ctx, p, -1, free);
	else if (oom)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_null(ctx);
}

int hy_people_register(sqlite3 *db)
{
	int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "hy_person_key", 1, f, NULL, key_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "hy_person_sort", 1, f, NULL, sort_fn, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "hy_person_py", 1, f, NULL, py_fn, NULL, NULL);
	return rc;
}
