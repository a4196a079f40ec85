/* test_screens.c: every screen, driven like a person would, compared with
 * golden text (DESIGN.md §3: model + scripted keys → grid → text).
 *
 * Cases are data (tests/screen/cases.txt). For each: a model over a fresh
 * database of samples/, the keys of the case through hy_model_update and
 * the same effect runner the browser uses, then the grid as text against
 * tests/screen/golden/NAME_WxH.txt. UPDATE_GOLDEN=1 writes the files
 * instead (review them before committing). Every case also checks the
 * grid's own invariants: no line wider than the screen, no wide character
 * cut, no control character in any cell. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "huiyi/effects.h"
#include "huiyi/grid.h"
#include "huiyi/i18n.h"
#include "huiyi/import.h"
#include "huiyi/model.h"
#include "huiyi/store.h"
#include "huiyi/utf8.h"
#include "huiyi/view.h"
#include "huiyi/width.h"

struct fixture {
	char dir[256];
	char db[300];
	struct hy_store *s;
	const char *root;
	const char *cases; /* the cases file, under tests/screen */
	const char *lang;  /* the cases run in this language (zh_CN, zh_TW), or NULL */
	char locpath[300]; /* the locales made for it (localedef), or "" */
};

/* A fresh database of the readouts under `from` (a folder of the root),
 * at least `least` of them; the cases of `cases`. */
static int setup_from(void **state, const char *from, size_t least, const char *cases)
{
	static struct fixture f;
	char err[256] = "", samples[4096];
	struct hy_import_opts o = {0};
	struct hy_import_stats st;
	if (!setlocale(LC_ALL, "C.UTF-8") && !setlocale(LC_ALL, "en_US.UTF-8"))
		return -1;
	f.root = getenv("HUIYI_ROOT") ? getenv("HUIYI_ROOT") : ".";
	snprintf(f.dir, sizeof f.dir, "%s/huiyi-screens-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(f.dir))
		return -1;
	snprintf(f.db, sizeof f.db, "%s/h.db", f.dir);
	if (hy_store_open(&f.s, f.db, HY_STORE_CREATE, err, sizeof err)) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	snprintf(samples, sizeof samples, "%s/%s", f.root, from);
	f.cases = cases;
	f.lang = NULL;
	f.locpath[0] = '\0';
	const char *paths[] = {samples};
	o.threads = 1;
	if (hy_import_run(f.s, paths, 1, &o, &st, err, sizeof err) || st.imported < least) {
		fprintf(stderr, "import: %s (%zu)\n", err, st.imported);
		return -1;
	}
	*state = &f;
	return 0;
}

static int setup(void **state)
{
	return setup_from(state, "samples", 10, "cases.txt");
}

/* Our own readouts of one county where a 副县长 becomes 县长 (and the
 * same name in another county): tests/screen/cases_people.txt. */
static int setup_people(void **state)
{
	return setup_from(state, "tests/fixtures/people", 6, "cases_people.txt");
}

/* The same screens in the language of a catalogue (DESIGN.md §4 Language):
 * the locale made with localedef into a folder of our own (a fresh Debian
 * has only C.UTF-8), the catalogues of this build (build/locale, beside
 * build/tests). Skipped, and says why, when localedef cannot make it. */
static int setup_lang(void **state, const char *lang)
{
	if (setup_from(state, "samples", 10, "cases_i18n.txt"))
		return -1;
	struct fixture *f = *state;
	char cmd[1200], exe[512], dir[600];
	f->lang = lang;
	snprintf(f->locpath, sizeof f->locpath, "%s/locales", f->dir);
	snprintf(cmd, sizeof cmd,
		 "mkdir -p '%s' && localedef -i %s -f UTF-8 '%s/%s.UTF-8' >/dev/null 2>&1",
		 f->locpath, lang, f->locpath, lang);
	if (system(cmd) != 0) {
		printf("# no %s.UTF-8: localedef could not make it (make deps installs locales)\n",
		       lang);
		f->lang = NULL;
		return 0;
	}
	ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (k <= 0)
		return -1;
	exe[k] = '\0';
	*strrchr(exe, '/') = '\0'; /* build/tests */
	snprintf(dir, sizeof dir, "%s/../locale", exe);
	if (!bindtextdomain(HY_I18N_DOMAIN, dir) || !textdomain(HY_I18N_DOMAIN))
		return -1;
	return 0;
}

static int setup_zh_cn(void **state)
{
	return setup_lang(state, "zh_CN");
}

static int setup_zh_tw(void **state)
{
	return setup_lang(state, "zh_TW");
}

/* The language of the cases: its locale, from the folder made for it. */
static void use_lang(struct fixture *f)
{
	char name[64];
	if (!f->lang)
		return;
	setenv("LOCPATH", f->locpath, 1);
	snprintf(name, sizeof name, "%s.UTF-8", f->lang);
	if (!setlocale(LC_ALL, name))
		fail_msg("setlocale %s with LOCPATH=%s failed", name, f->locpath);
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char p[512];
	if (f->locpath[0]) {
		char cmd[400];
		setlocale(LC_ALL, "C.UTF-8");
		unsetenv("LOCPATH");
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->locpath);
		if (system(cmd) != 0)
			return -1;
	}
	hy_store_close(f->s);
	const char *ext[] = {"", "-wal", "-shm"};
	for (size_t i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", f->db, ext[i]);
		unlink(p);
	}
	rmdir(f->dir);
	return 0;
}

static int key_of(const char *tok, uint32_t *key)
{
	static const struct {
		const char *name;
		uint32_t key;
	} named[] = {
		{"Enter", HY_KEY_ENTER}, {"Esc", HY_KEY_ESC},   {"Tab", HY_KEY_TAB},
		{"BTab", HY_KEY_BTAB},   {"Up", HY_KEY_UP},     {"Down", HY_KEY_DOWN},
		{"PgUp", HY_KEY_PGUP},   {"PgDn", HY_KEY_PGDN}, {"Home", HY_KEY_HOME},
		{"End", HY_KEY_END},     {"Space", ' '},        {"Backspace", HY_KEY_BACKSPACE},
	};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (!strcmp(tok, named[i].name)) {
			*key = named[i].key;
			return 1;
		}
	return 0;
}

/* Apply one event and run its effects. */
static void send(struct fixture *f, struct hy_model *m, const struct hy_event *ev)
{
	struct hy_effects fx;
	hy_model_update(m, ev, &fx);
	assert_int_equal(hy_effects_run(f->s, m, &fx), 0);
}

/* The grid's own promises, whatever the screen. */
static void check_grid(const struct hy_grid *g, const char *name)
{
	for (int y = 0; y < g->h; y++) {
		int cols = 0;
		for (int x = 0; x < g->w; x++) {
			const struct hy_cell *c = &g->cells[y * g->w + x];
			cols += c->width;
			if (c->width == 2 &&
			    (x + 1 >= g->w || g->cells[y * g->w + x + 1].width != 0))
				fail_msg("%s: wide character cut at %d,%d", name, x, y);
			for (const char *p = c->text; *p;) {
				uint32_t cp;
				p += hy_utf8_decode(p, strlen(p), &cp);
				if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
					fail_msg("%s: control U+%04X in cell %d,%d", name,
						 (unsigned)cp, x, y);
			}
		}
		if (cols > g->w)
			fail_msg("%s: line %d is %d columns wide on a %d-column screen", name, y,
				 cols, g->w);
	}
}

/* The dump, then one line per run of selected or matched cells:
 * "@ y x0-x1 selected" — what reverse video and highlights show. */
static char *with_roles(const struct hy_grid *g)
{
	char *text = hy_grid_dump(g);
	if (!text)
		return NULL;
	size_t len = strlen(text), cap = len + 4096;
	char *out = malloc(cap);
	if (!out) {
		free(text);
		return NULL;
	}
	memcpy(out, text, len + 1);
	free(text);
	for (int y = 0; y < g->h; y++) {
		for (int x = 0; x < g->w;) {
			int role = g->cells[y * g->w + x].role;
			int x1 = x;
			while (x1 + 1 < g->w && g->cells[y * g->w + x1 + 1].role == role)
				x1++;
			if (role == HY_ROLE_SELECTED || role == HY_ROLE_MATCH) {
				if (len + 64 > cap) {
					char *o = realloc(out, cap *= 2);
					if (!o) {
						free(out);
						return NULL;
					}
					out = o;
				}
				len += (size_t)snprintf(
					out + len, cap - len, "@ %d %d-%d %s\n", y, x, x1,
					role == HY_ROLE_MATCH ? "match" : "selected");
			}
			x = x1 + 1;
		}
	}
	return out;
}

/* Resizing keeps the reading position: the same character stays on top. */
static void test_resize_keeps_place(void **state)
{
	struct fixture *f = *state;
	struct hy_model m;
	struct hy_grid g;
	struct hy_effects fx;
	int cy, cx;
	uint32_t keys[] = {HY_KEY_ENTER, '2', 'j', 'j', 'j'};
	hy_model_init(&m, 80, 24);
	hy_model_start(&m, &fx);
	assert_int_equal(hy_effects_run(f->s, &m, &fx), 0);
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		struct hy_event ev = {.type = HY_EV_KEY, .key = keys[i]};
		send(f, &m, &ev);
	}
	size_t block = m.reader.win[0].block, byte = m.reader.win[0].start;
	assert_int_equal(hy_grid_init(&g, 80, 24), 0);
	hy_view_render(&m, &g, &cy, &cx);
	char *before = hy_grid_dump(&g);
	int sizes[][2] = {{60, 20}, {33, 9}, {120, 40}, {21, 6}, {100, 30}, {80, 24}};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		struct hy_event ev = {.type = HY_EV_RESIZE, .w = sizes[i][0], .h = sizes[i][1]};
		send(f, &m, &ev);
		/* the top line holds the character that was on top */
		const struct hy_vline *l = &m.reader.win[0];
		assert_int_equal(l->block, block);
		assert_true(l->start <= byte);
		assert_true(l->next > byte || l->next == l->start);
	}
	hy_view_render(&m, &g, &cy, &cx);
	char *after = hy_grid_dump(&g);
	assert_string_equal(before, after);
	free(before);
	free(after);
	hy_grid_free(&g);
	hy_model_free(&m);
}

/* Another program (an import) adds a meeting to the database. */
static void import_one(struct fixture *f, int n, const char *date)
{
	struct hy_store *s2 = NULL;
	char err[256] = "", text[1024], src[32];
	snprintf(text, sizeof text,
		 "石桥县召开县政府第%d次常务会议\n发布时间：%s 18:00\n\n"
		 "%c月%c日，县长周明主持召开县政府第%d次常务会议。副县长林一出席会议。\n\n"
		 "会议听取了关于春耕备耕工作的汇报（第%d号）。会议要求，要抓好农资供应。\n",
		 n, date, date[6], date[9], n, n);
	snprintf(src, sizeof src, "new-%d.txt", n);
	assert_int_equal(hy_store_open(&s2, f->db, 0, err, sizeof err), 0);
	struct hy_import_stats st;
	memset(&st, 0, sizeof st);
	if (hy_import_bytes(s2, text, strlen(text), src, NULL, &st, err, sizeof err))
		fail_msg("import: %s", err);
	hy_store_close(s2);
}

static int64_t selected_id(const struct hy_model *m)
{
	assert_true(m->list.sel >= m->list.base && m->list.sel < m->list.base + m->list.n);
	return m->list.rows[m->list.sel - m->list.base].id;
}

/* New meetings written by another connection appear when the browser is
 * idle on the list (hy_effects_idle), and with R; the selected meeting
 * stays selected on the same screen row; nothing happens while a meeting
 * is read. */
static void test_refresh(void **state)
{
	struct fixture *f = *state;
	struct hy_model m;
	struct hy_grid g;
	struct hy_effects fx;
	int cy, cx;
	hy_model_init(&m, 80, 10); /* 7 rows: the list scrolls */
	hy_model_start(&m, &fx);
	assert_int_equal(hy_effects_run(f->s, &m, &fx), 0);
	for (int i = 0; i < 3; i++) {
		struct hy_event ev = {.type = HY_EV_KEY, .key = 'j'};
		send(f, &m, &ev);
	}
	size_t total = m.list.total, row = m.list.sel - m.list.top;
	int64_t id = selected_id(&m);
	assert_int_equal(hy_effects_idle(f->s, &m, &fx), 0); /* nothing new */

	/* a newer meeting: first in the list, above the selection */
	import_one(f, 901, "2031-05-07");
	assert_int_equal(hy_effects_idle(f->s, &m, &fx), 1);
	assert_int_equal(m.list.total, total + 1);
	assert_int_equal(selected_id(&m), id);
	assert_int_equal(m.list.sel, 4);
	assert_int_equal(m.list.sel - m.list.top, row);
	assert_string_equal(m.status, ""); /* the position stays on the status line */
	assert_int_equal(hy_grid_init(&g, 80, 10), 0);
	hy_view_render(&m, &g, &cy, &cx);
	char *dump = hy_grid_dump(&g);
	char want[64];
	snprintf(want, sizeof want, " huiyi · %zu meetings", total + 1);
	assert_non_null(strstr(dump, want));
	assert_int_equal(m.list.base, 0); /* the new one is first, above the screen */
	assert_non_null(strstr(m.list.rows[0].title, "第901次"));
	free(dump);
	assert_int_equal(hy_effects_idle(f->s, &m, &fx), 0); /* seen now */

	/* while a meeting is read: nothing; back on the list: refreshed */
	struct hy_event enter = {.type = HY_EV_KEY, .key = HY_KEY_ENTER};
	struct hy_event quit = {.type = HY_EV_KEY, .key = 'q'};
	send(f, &m, &enter);
	assert_int_equal(m.screen, HY_SCREEN_MEETING);
	import_one(f, 902, "2031-06-08");
	assert_int_equal(hy_effects_idle(f->s, &m, &fx), 0);
	assert_int_equal(m.list.total, total + 1);
	send(f, &m, &quit);
	assert_int_equal(hy_effects_idle(f->s, &m, &fx), 1);
	assert_int_equal(m.list.total, total + 2);
	assert_int_equal(selected_id(&m), id);

	/* R: the same, by hand (an older meeting: below the selection) */
	import_one(f, 903, "2001-01-01");
	struct hy_event r = {.type = HY_EV_KEY, .key = 'R'};
	send(f, &m, &r);
	assert_int_equal(m.list.total, total + 3);
	assert_int_equal(selected_id(&m), id);
	assert_int_equal(m.list.sel, 5);
	assert_int_equal(m.list.sel - m.list.top, row);
	hy_grid_free(&g);
	hy_model_free(&m);
}

/* The browser's start (cli/browse.c): the first page painted before the
 * list is counted (at a million meetings counting takes longer than a
 * page), "…" in the title until then; the count alone comes after it,
 * the rows and the selection kept. */
static void test_count_after_first_page(void **state)
{
	struct fixture *f = *state;
	struct hy_model m;
	struct hy_grid g;
	struct hy_effects fx;
	int cy, cx;
	hy_model_init(&m, 80, 10);
	assert_int_equal(hy_grid_init(&g, 80, 10), 0);
	hy_model_start(&m, &fx);
	assert_int_equal(fx.count, 1);
	fx.count = 0; /* as the browser starts: the rows first */
	assert_int_equal(hy_effects_run(f->s, &m, &fx), 0);
	assert_false(m.list.counted);
	assert_true(m.list.n > 3);
	hy_view_render(&m, &g, &cy, &cx);
	char *dump = hy_grid_dump(&g);
	assert_non_null(strstr(dump, " huiyi · … · sort: date"));
	assert_non_null(strstr(dump, m.list.rows[0].date)); /* the first row drawn */
	assert_non_null(strstr(dump, " meeting 1/… "));
	free(dump);

	struct hy_event j = {.type = HY_EV_KEY, .key = 'j'};
	send(f, &m, &j); /* a key before the count: moves within the rows */
	int64_t id = selected_id(&m), first = m.list.rows[0].id;
	hy_model_count(&m, &fx);
	assert_int_equal(fx.count_alone, 1);
	assert_int_equal(fx.rows, HY_ROWS_NONE); /* no rows asked for again */
	assert_int_equal(hy_effects_run(f->s, &m, &fx), 0);
	assert_true(m.list.counted);
	assert_true(m.list.total >= m.list.n);
	assert_int_equal(selected_id(&m), id);
	assert_int_equal(m.list.rows[0].id, first);
	hy_view_render(&m, &g, &cy, &cx);
	dump = hy_grid_dump(&g);
	char want[64];
	snprintf(want, sizeof want, " huiyi · %zu meetings · sort: date", m.list.total);
	assert_non_null(strstr(dump, want));
	snprintf(want, sizeof want, " meeting 2/%zu", m.list.total);
	assert_non_null(strstr(dump, want));
	free(dump);
	hy_model_count(&m, &fx); /* counted: nothing more */
	assert_int_equal(fx.count_alone, 0);
	hy_grid_free(&g);
	hy_model_free(&m);
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, fp) != (size_t)n) {
		free(s);
		s = NULL;
	}
	if (s)
		s[n] = '\0';
	fclose(fp);
	return s;
}

/* lazy: lay meetings out as the lazy reader does for long ones (no meeting
 * is laid out whole) and in chunks of a few bytes, so every line start
 * that can be a restart point is one. */
static void play(struct fixture *f, struct hy_model *m, int w, int h, const char *keys_in, int lazy)
{
	struct hy_effects fx;
	char keys[1024];
	snprintf(keys, sizeof keys, "%s", keys_in);
	hy_model_init(m, w, h);
	if (lazy) {
		m->reader.layout_eager = 0;
		m->reader.layout_chunk = 16;
	}
	hy_model_start(m, &fx);
	assert_int_equal(hy_effects_run(f->s, m, &fx), 0);
	for (char *save = NULL, *tok = strtok_r(keys, " \t", &save); tok;
	     tok = strtok_r(NULL, " \t", &save)) {
		struct hy_event ev = {0};
		uint32_t key;
		int a, b;
		if (sscanf(tok, "resize:%dx%d", &a, &b) == 2) {
			ev.type = HY_EV_RESIZE;
			ev.w = a;
			ev.h = b;
			send(f, m, &ev);
		} else if (!strcmp(tok, "wheel-down") || !strcmp(tok, "wheel-up")) {
			ev.type = HY_EV_MOUSE;
			ev.mouse = tok[6] == 'd' ? HY_MOUSE_WHEEL_DOWN : HY_MOUSE_WHEEL_UP;
			send(f, m, &ev);
		} else if (sscanf(tok, "click:%d,%d", &a, &b) == 2) {
			ev.type = HY_EV_MOUSE;
			ev.mouse = HY_MOUSE_CLICK;
			ev.x = a;
			ev.y = b;
			send(f, m, &ev);
		} else if (key_of(tok, &key)) {
			ev.type = HY_EV_KEY;
			ev.key = key;
			send(f, m, &ev);
		} else {
			for (const char *p = tok; *p;) {
				p += hy_utf8_decode(p, strlen(p), &key);
				ev.type = HY_EV_KEY;
				ev.key = key;
				send(f, m, &ev);
			}
		}
	}
}

/* Everything but the status line (whose percentage is by bytes while a
 * meeting is only partly laid out). */
static char *dump_reader(struct hy_model *m)
{
	struct hy_grid g;
	int cy, cx;
	assert_int_equal(hy_grid_init(&g, m->w, m->h), 0);
	hy_view_render(m, &g, &cy, &cx);
	char *text = with_roles(&g);
	assert_non_null(text);
	/* drop the last screen line (and its role runs) */
	char *p = text;
	for (int y = 0; y < g.h - 1 && p; y++) {
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	if (p)
		*p = '\0';
	hy_grid_free(&g);
	return text;
}

static int run_case(struct fixture *f, const char *name, int w, int h, char *keys)
{
	struct hy_model m;
	struct hy_grid g;
	int cy, cx, bad = 0;
	char label[160], path[1024];
	if (snprintf(label, sizeof label, "%s%s%s_%dx%d", f->lang ? f->lang : "",
		     f->lang ? "_" : "", name, w, h) >= (int)sizeof label)
		fail_msg("case name too long: %s", name);
	/* the lazy layout (tiny chunks, nothing laid out whole) shows
	 * exactly what the whole layout does, status line aside */
	struct hy_model lz;
	play(f, &m, w, h, keys, 0);
	play(f, &lz, w, h, keys, 1);
	char *whole = dump_reader(&m), *lazy = dump_reader(&lz);
	if (strcmp(whole, lazy)) {
		printf("# %s: the lazy layout differs:\n%s\n# lazy:\n%s\n", label, whole, lazy);
		bad = 1;
	}
	free(whole);
	free(lazy);
	hy_model_free(&lz);
	assert_int_equal(hy_grid_init(&g, m.w, m.h), 0);
	hy_view_render(&m, &g, &cy, &cx);
	check_grid(&g, label);
	char *got = with_roles(&g);
	assert_non_null(got);
	if (snprintf(path, sizeof path, "%s/tests/screen/golden/%s.txt", f->root, label) >=
	    (int)sizeof path)
		fail_msg("path too long");
	if (getenv("UPDATE_GOLDEN") && *getenv("UPDATE_GOLDEN")) {
		FILE *fp = fopen(path, "wb");
		assert_non_null(fp);
		fputs(got, fp);
		fclose(fp);
		printf("# wrote %s\n", path);
	} else {
		char *want = slurp(path);
		if (!want) {
			printf("# %s: no golden file %s (run with UPDATE_GOLDEN=1)\n", label, path);
			bad = 1;
		} else if (strcmp(want, got) != 0) {
			printf("# %s differs from %s\n# got:\n", label, path);
			for (char *l = got, *e; *l; l = e + 1) {
				e = strchr(l, '\n');
				if (!e)
					break;
				printf("#   |%.*s|\n", (int)(e - l), l);
			}
			bad = 1;
		}
		free(want);
	}
	free(got);
	hy_grid_free(&g);
	hy_model_free(&m);
	return bad;
}

static void test_cases(void **state)
{
	struct fixture *f = *state;
	char path[1024], line[1024];
	int cases = 0, bad = 0;
	const char *only = getenv("SCREEN_CASE");
	if (!strcmp(f->cases, "cases_i18n.txt") && !f->lang)
		skip(); /* no locale for it: setup_lang said so */
	use_lang(f);
	snprintf(path, sizeof path, "%s/tests/screen/%s", f->root, f->cases);
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	while (fgets(line, sizeof line, fp)) {
		char name[128], size[32], *keys;
		int w, h;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		char *p1 = strchr(line, '|'), *p2 = p1 ? strchr(p1 + 1, '|') : NULL;
		if (!p1 || !p2)
			fail_msg("%s: bad line: %s", f->cases, line);
		*p1 = *p2 = '\0';
		if (sscanf(line, "%127s", name) != 1 || sscanf(p1 + 1, "%31s", size) != 1 ||
		    sscanf(size, "%dx%d", &w, &h) != 2)
			fail_msg("%s: bad line: %s", f->cases, line);
		keys = p2 + 1;
		if (only && !strstr(name, only))
			continue;
		cases++;
		bad += run_case(f, name, w, h, keys);
	}
	fclose(fp);
	printf("# screen cases: %d, differing: %d\n", cases, bad);
	assert_true(cases > 0 || only);
	assert_int_equal(bad, 0);
}

/* Rows asked for above the window, when an import added meetings above
 * it meanwhile: more come back than the window's rank leaves room for.
 * Their ranks moved, so the list reloads around the selected meeting
 * (a refresh) instead of splicing in some of them, which left a gap of
 * meetings never shown until the next refresh. */
static void test_rows_before_grown(void **state)
{
	struct hy_model m;
	struct hy_effects fx;
	struct hy_row rows[40];
	char titles[40][16];
	(void)state;

	memset(rows, 0, sizeof rows);
	for (int i = 0; i < 40; i++) {
		snprintf(titles[i], sizeof titles[i], "m%d", 100 - i);
		rows[i].id = 100 - i;
		rows[i].title = titles[i];
	}
	hy_model_init(&m, 80, 10);
	/* the last 10 of 30 meetings: the window starts at rank 20 */
	assert_int_equal(hy_model_rows(&m, HY_ROWS_END, rows + 30, 10, 1, 30, &fx), 0);
	assert_int_equal(m.list.base, 20);
	m.list.sel = 20;
	m.list.top = 20;
	/* 25 rows come back from above rank 20: 5 more than there were */
	assert_int_equal(hy_model_rows(&m, HY_ROWS_BEFORE, rows + 5, 25, 0, 0, &fx), 0);
	assert_int_equal(fx.rows, HY_ROWS_AT); /* reload around the selection */
	assert_int_equal(fx.count, 1);
	assert_int_equal(m.list.keep_id, rows[30].id);
	assert_int_equal(m.list.base, 20); /* nothing spliced in */
	assert_int_equal(m.list.n, 10);
	assert_int_equal(m.list.rows[0].id, rows[30].id);
	hy_model_free(&m);
}

/* Rows of 10,000 people from `from`, n of them, for hy_model_people. */
static void people_rows(struct hy_model *m, size_t from, size_t n, int counted,
			struct hy_effects *fx)
{
	struct hy_person_row *rows = calloc(n, sizeof *rows);
	char(*names)[16] = calloc(n, sizeof *names);
	assert_non_null(rows);
	assert_non_null(names);
	for (size_t i = 0; i < n; i++) {
		snprintf(names[i], sizeof names[i], "p%zu", from + i);
		rows[i].id = (int64_t)(from + i + 1);
		rows[i].name = names[i];
		rows[i].place = "";
	}
	assert_int_equal(hy_model_people(m, from, rows, n, counted, 10000, fx), 0);
	free(rows);
	free(names);
}

/* The people screen holds a window of rows around what it shows, never
 * the whole table: G asks for the rows at the end, not the ones between;
 * moving back up asks for the rows there again. Each window is asked from
 * a row already loaded (its id and place: the store reads on from it, not
 * through every row before), with the table's size (it reads the end from
 * the end). */
static void test_people_paging(void **state)
{
	struct hy_model m;
	struct hy_effects fx;
	struct hy_event p = {.type = HY_EV_KEY, .key = 'p'};
	struct hy_event G = {.type = HY_EV_KEY, .key = 'G'};
	struct hy_event g = {.type = HY_EV_KEY, .key = 'g'};
	(void)state;
	hy_model_init(&m, 80, 24);
	hy_model_update(&m, &p, &fx);
	assert_int_equal(m.screen, HY_SCREEN_PEOPLE);
	assert_int_equal(fx.people, 1);
	assert_int_equal(fx.people_count, 1);
	assert_int_equal(fx.people_from, 0);
	size_t limit = fx.people_limit;
	assert_true(limit >= 21 && limit < 1000);
	people_rows(&m, 0, limit, 1, &fx);
	assert_int_equal(fx.people, 0); /* the screen is loaded */
	assert_int_equal(m.people.total, 10000);

	struct hy_event pgdn = {.type = HY_EV_KEY, .key = ' '};
	size_t presses = 0;
	while (!fx.people && presses++ < 100)
		hy_model_update(&m, &pgdn, &fx);
	assert_int_equal(fx.people, 1);
	assert_true(fx.people_from > 0);
	assert_int_equal(fx.people_anchor_at, fx.people_from); /* loaded */
	assert_int_equal(fx.people_anchor, (int64_t)fx.people_anchor_at + 1);
	assert_int_equal(fx.people_total, 10000);
	people_rows(&m, fx.people_from, limit, 0, &fx);

	hy_model_update(&m, &G, &fx);
	assert_int_equal(m.people.sel, 9999);
	assert_int_equal(fx.people, 1);
	assert_int_equal(fx.people_count, 0);
	assert_int_equal(fx.people_from, 10000 - limit);
	assert_int_equal(fx.people_total, 10000);
	people_rows(&m, fx.people_from, limit, 0, &fx);
	assert_int_equal(fx.people, 0);
	assert_int_equal(m.people.base, 10000 - limit);
	assert_int_equal(m.people.n, limit); /* the window, not the table */

	struct hy_grid gr;
	int cy, cx;
	assert_int_equal(hy_grid_init(&gr, 80, 24), 0);
	hy_view_render(&m, &gr, &cy, &cx);
	char *dump = hy_grid_dump(&gr);
	assert_non_null(strstr(dump, "p9999"));
	assert_non_null(strstr(dump, "person 10,000/10,000"));
	free(dump);
	hy_grid_free(&gr);

	hy_model_update(&m, &g, &fx);
	assert_int_equal(fx.people, 1);
	assert_int_equal(fx.people_from, 0);
	assert_int_equal(fx.people_anchor_at, 10000 - limit); /* the nearest */
	hy_model_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_cases, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases, setup_people, teardown),
		cmocka_unit_test_setup_teardown(test_cases, setup_zh_cn, teardown),
		cmocka_unit_test_setup_teardown(test_cases, setup_zh_tw, teardown),
		cmocka_unit_test_setup_teardown(test_resize_keeps_place, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refresh, setup, teardown),
		cmocka_unit_test(test_rows_before_grown),
		cmocka_unit_test_setup_teardown(test_count_after_first_page, setup, teardown),
		cmocka_unit_test(test_people_paging),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
