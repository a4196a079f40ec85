/* browse.c: `huiyi` with no command: the full-screen browser's main loop.
 * Render the model into a grid, let the terminal draw what changed, read
 * an event, update the model, run its effects against the store. */
#include "cli.h"
#include "huiyi/i18n.h"
#include "config.h"

#include "huiyi/effects.h"
#include "huiyi/err.h"
#include "huiyi/grid.h"
#include "huiyi/model.h"
#include "huiyi/search.h"
#include "huiyi/term.h"
#include "huiyi/view.h"
#include "huiyi/width.h"

#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/sysmacros.h>
#endif

/* HUIYI_TRACE=FILE: "paint NS" after each frame reached the terminal and
 * "key NS" when a key was read (CLOCK_MONOTONIC), for make bench. */
static void trace(FILE *f, const char *what)
{
	struct timespec ts;
	if (!f)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	fprintf(f, "%s %lld\n", what, (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
	fflush(f);
}

/* The terminal's answer to the ambiguous-width probe: the rule follows it
 * (when not given). Returns 1 if it changed: every cell is drawn anew. */
static int ambiguous(const struct hy_cli *c, const struct hy_event *ev)
{
	int wide;

	if (ev->type != HY_EV_AMBIGUOUS || c->ambiguous != HY_CLI_AMB_AUTO)
		return 0;
	wide = ev->w == 2;
	if (wide == hy_width_ambiguous_wide())
		return 0;
	hy_width_set_ambiguous(wide);
	return 1;
}

/* The terminal's answer to the background query: the theme follows it
 * when nothing else told it (--theme, HUIYI_THEME, COLORFGBG). Returns 1
 * if the colours changed: every cell is drawn anew. */
static int background(const struct hy_cli *c, struct hy_term *t, enum hy_theme *now,
		      const struct hy_event *ev)
{
	if (ev->type != HY_EV_BACKGROUND || c->theme != HY_CLI_THEME_AUTO ||
	    ev->w == HY_THEME_UNKNOWN || (enum hy_theme)ev->w == *now)
		return 0;
	*now = (enum hy_theme)ev->w;
	hy_term_set_theme(t, *now);
	return 1;
}

/* How long the browser waits for a key before it looks for changes to the
 * database (an import running meanwhile). */
#define IDLE_MS 1000

int hy_cli_linux_console(const char *term, int on_vt, int over_ssh)
{
	if (!term || (strcmp(term, "linux") != 0 && strncmp(term, "linux-", 6) != 0))
		return 0;
	return on_vt || over_ssh;
}

/* Whether fd is one of Linux's virtual consoles (/dev/tty1…63: character
 * major 4, minor 1–63; 0 is /dev/tty0, 64 and up serial lines). */
static int on_virtual_console(int fd)
{
#ifdef __linux__
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) && major(st.st_rdev) == 4 &&
	       minor(st.st_rdev) >= 1 && minor(st.st_rdev) < 64;
#else
	(void)fd;
	return 0;
#endif
}

/* Set and not empty. */
static int env_set(const char *name)
{
	const char *v = getenv(name);
	return v && *v;
}

/* The Linux console has no font for Chinese (hy_cli_linux_console): say
 * so before starting, and what to use instead. Enter goes on anyway, q
 * (or end of input) does not: returns 1 then. */
static int linux_console_declined(void)
{
	char line[16];

	if (!isatty(STDIN_FILENO) ||
	    !hy_cli_linux_console(getenv("TERM"), on_virtual_console(STDIN_FILENO),
				  env_set("SSH_CONNECTION") || env_set("SSH_CLIENT") ||
					  env_set("SSH_TTY")))
		return 0;
	fputs(_("huiyi: this is the Linux console (TERM=linux), which cannot draw Chinese:\n"
		"every character would show as a box. Use a terminal with a CJK font\n"
		"instead: connect over SSH from one, or run a CJK framebuffer terminal\n"
		"here (fbterm, kmscon). --force skips this notice.\n"
		"Press Enter to go on anyway, or q and Enter to quit: "),
	      stderr);
	fflush(stderr);
	if (!fgets(line, sizeof line, stdin) || line[0] == 'q' || line[0] == 'Q')
		return 1;
	return 0;
}

/* y, Y: the text the model left goes to the terminal's clipboard, and
 * the status line says what and how much. */
static void send_copy(struct hy_term *t, struct hy_model *m)
{
	char what[64];
	char *c = hy_model_take_copy(m, what, sizeof what);
	if (!c)
		return;
	size_t n = strlen(c), chars = 0;
	for (size_t i = 0; i < n; i++)
		chars += ((unsigned char)c[i] & 0xC0) != 0x80;
	int rc = hy_term_copy(t, c, n);
	if (rc == 0)
		snprintf(m->status, sizeof m->status,
			 P_("copied %s: %zu character, to the terminal's clipboard (OSC 52)",
			    "copied %s: %zu characters, to the terminal's clipboard (OSC 52)",
			    chars),
			 what, chars);
	else
		snprintf(m->status, sizeof m->status, _("could not copy: %s"), hy_err_str(rc));
	m->status_error = rc != 0;
	free(c);
}

int hy_cli_browse(const struct hy_cli *c)
{
	struct hy_store *s = NULL;
	struct hy_term *t = NULL;
	struct hy_model m;
	struct hy_grid g = {0};
	struct hy_effects fx;
	char err[512] = "";
	int w, h, rc = HY_EXIT_OK, force = 1;
	const char *tpath = getenv("HUIYI_TRACE");
	FILE *tf = tpath && *tpath ? fopen(tpath, "a") : NULL;

	if (!c->utf8) {
		hy_cli_error(_("the browser needs a UTF-8 locale, and this one is %s: "
			       "set LC_ALL=C.UTF-8 (or another UTF-8 locale, "
			       "e.g. zh_CN.UTF-8)"),
			     nl_langinfo(CODESET));
		return HY_EXIT_FAIL;
	}
	int orc = hy_cli_open(c, 0, &s);
	if (orc == HY_ERR_NOTFOUND) {
		hy_cli_error(_("no meetings yet: %s does not exist; import some readouts "
			       "first: huiyi import FILE... (see huiyi --help)"),
			     c->db);
		return HY_EXIT_FAIL;
	}
	if (orc != 0)
		return HY_EXIT_FAIL;
	hy_store_search_scores(s, 0); /* the results list shows no score */
	if (!c->force && linux_console_declined()) {
		hy_store_close(s);
		if (tf)
			fclose(tf);
		return HY_EXIT_OK;
	}
	if (hy_term_open(&t, err, sizeof err) != 0) {
		hy_cli_error("%s", err);
		hy_store_close(s);
		return HY_EXIT_FAIL;
	}
	/* the background: as given, else as COLORFGBG tells it, else
	 * roles that read on both */
	enum hy_theme theme = c->theme == HY_CLI_THEME_LIGHT ? HY_THEME_LIGHT
			      : c->theme == HY_CLI_THEME_DARK
				      ? HY_THEME_DARK
				      : hy_theme_from_colorfgbg(getenv("COLORFGBG"));
	hy_term_set_theme(t, theme);
	/* not told: the terminal is asked, and the first frame does not
	 * wait for the answer (HY_EV_BACKGROUND, below) */
	if (c->theme == HY_CLI_THEME_AUTO && theme == HY_THEME_UNKNOWN)
		hy_term_probe_background(t);
	/* ambiguous width: the terminal is asked, and the first frame
	 * does not wait for the answer (HY_EV_AMBIGUOUS, below) */
	if (c->ambiguous == HY_CLI_AMB_AUTO)
		hy_term_probe_ambiguous(t);
	/* left and right margins: the reader scrolls beside the outline */
	hy_term_probe_margins(t);
	hy_term_size(t, &w, &h);
	hy_model_init(&m, w, h);
	/* the script meetings are shown in (t toggles it) */
	if (c->config && c->config->script > 0)
		m.script_view = c->config->script;
	/* the outline: as the configuration says, else where the terminal
	 * scrolls the text beside it alone (HY_EV_MARGINS) */
	if (c->config && c->config->outline == 0)
		m.outline_off = 1;
	m.outline_auto = !c->config || c->config->outline < 0 || c->config->outline == 2;
	m.readonly = hy_store_readonly(s);
	if (hy_grid_init(&g, w, h) != 0)
		goto oom;
	hy_model_start(&m, &fx);
	/* the first rows first: counting a million meetings takes longer
	 * than a page of them, so the count comes right after the first
	 * paint (the title says … until then), the rows kept as they are */
	int count_later = fx.count;
	fx.count = 0;
	if (hy_effects_run(s, &m, &fx) != 0)
		goto oom;
	/* the configuration file's first error, where it is seen at once */
	if (c->config && c->config->n_errors) {
		snprintf(m.status, sizeof m.status, "%s%s", c->config->errors[0],
			 c->config->n_errors > 1 ? _(" (and more: huiyi config lists them)") : "");
		m.status_error = 1;
	}
	for (;;) {
		int cy, cx;
		struct hy_event ev;
		if (g.w != m.w || g.h != m.h) {
			if (hy_grid_resize(&g, m.w, m.h) != 0)
				goto oom;
			force = 1;
		}
		hy_view_render(&m, &g, &cy, &cx);
		if (hy_term_draw(t, &g, cy, cx, force) != 0) {
			rc = HY_EXIT_FAIL;
			snprintf(err, sizeof err, "%s", _("cannot write to the terminal"));
			break;
		}
		force = 0;
		trace(tf, "paint");
		if (count_later) {
			count_later = 0;
			hy_model_count(&m, &fx);
			if (hy_effects_run(s, &m, &fx) != 0)
				goto oom;
			continue;
		}
		/* idle: every IDLE_MS the list looks for an import's new
		 * meetings (hy_effects_idle); drawn again only if it changed */
		int got, idle = 0, updated = 0;
		for (;;) {
			while ((got = hy_term_read(t, &ev, IDLE_MS)) <= 0 &&
			       (idle = hy_effects_idle(s, &m, &fx)) == 0)
				;
			/* the margins' answer: a frame only when it changes the
			 * screen (the outline comes), else the next event read */
			if (got > 0 && ev.type == HY_EV_MARGINS &&
			    !(updated = hy_model_update(&m, &ev, &fx)))
				continue;
			break;
		}
		if (idle < 0)
			goto oom;
		if (got <= 0)
			continue;
		if (ev.type == HY_EV_KEY)
			trace(tf, "key");
		if (ev.type == HY_EV_REDRAW || ambiguous(c, &ev) || background(c, t, &theme, &ev))
			force = 1;
		if (!updated)
			hy_model_update(&m, &ev, &fx);
		send_copy(t, &m);
		if (fx.quit && ev.type == HY_EV_INTERRUPT)
			rc = 128 + SIGINT; /* Ctrl-C, as a shell reports it */
		if (fx.quit)
			break;
		if (hy_effects_run(s, &m, &fx) != 0)
			goto oom;
		if (fx.quit)
			break;
		/* keys already waiting (a paste into a terminal without
		 * bracketed paste is a storm of them) are taken before the
		 * next frame: one draw for all, not one each */
		for (int more = 0; more < 4096 && !fx.quit && hy_term_read(t, &ev, 0) > 0; more++) {
			if (ev.type == HY_EV_REDRAW || ambiguous(c, &ev) ||
			    background(c, t, &theme, &ev))
				force = 1;
			hy_model_update(&m, &ev, &fx);
			send_copy(t, &m);
			if (fx.quit && ev.type == HY_EV_INTERRUPT)
				rc = 128 + SIGINT;
			if (!fx.quit && hy_effects_run(s, &m, &fx) != 0)
				goto oom;
		}
		if (fx.quit)
			break;
	}
	goto out;
oom:
	rc = HY_EXIT_FAIL;
	snprintf(err, sizeof err, "%s", _("out of memory"));
out:
	/* Ended by a signal (or a hang-up): 128 + its number, like a shell
	 * reports it; no message (the terminal may be gone, or the user
	 * asked for it). */
	if (t && hy_term_quit_signal(t) > 0) {
		rc = 128 + hy_term_quit_signal(t);
		err[0] = '\0';
	}
	hy_term_close(t);
	if (err[0] && rc == HY_EXIT_FAIL)
		hy_cli_error("%s", err);
	hy_grid_free(&g);
	hy_model_free(&m);
	hy_store_close(s);
	if (tf)
		fclose(tf);
	return rc;
}
