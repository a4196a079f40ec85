/* complete.c: `huiyi _complete bodies|people [PREFIX]`, the values shell
 * completion offers for --body and --person and for `people NAME`
 * (completions/): one a line, most often seen first, at most 200. Not in
 * --help: the completion scripts call it, with stderr to /dev/null. */
#include "cli.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/store.h"

#include <stdio.h>
#include <string.h>

static void put(void *ctx, const char *name)
{
	(void)ctx;
	/* a name with a line break or a tab would be two words */
	if (!strpbrk(name, "\n\r\t"))
		puts(name);
}

int hy_cli_complete(const struct hy_cli *c, int argc, char **argv)
{
	enum hy_store_names what;
	struct hy_store *s;
	char err[256] = "";
	int rc;

	if (argc < 2 || argc > 3)
		return hy_cli_usage("_complete", _("expected bodies or people, and a prefix"));
	if (strcmp(argv[1], "bodies") == 0)
		what = HY_NAMES_BODIES;
	else if (strcmp(argv[1], "people") == 0)
		what = HY_NAMES_PEOPLE;
	else
		return hy_cli_usage("_complete", _("expected bodies or people, got '%s'"), argv[1]);
	if (hy_cli_open(c, 0, &s) != 0)
		return HY_EXIT_FAIL;
	rc = hy_store_names(s, what, argc == 3 ? argv[2] : "", 200, put, NULL, err, sizeof err);
	hy_store_close(s);
	if (rc) {
		hy_cli_error("%s", err[0] ? err : hy_err_str(rc));
		return HY_EXIT_FAIL;
	}
	return fflush(stdout) == 0 ? HY_EXIT_OK : HY_EXIT_FAIL;
}
