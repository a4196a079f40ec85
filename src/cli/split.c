/* split.c: `huiyi split ID` — undo a wrong merge (DESIGN.md §2 "The same
 * meeting from many places"): every source of meeting ID but the shown
 * one becomes a meeting of its own again, parsed as a fresh import would
 * (hy_store_split), in one transaction. The report goes to stderr:
 * `meeting ID: N sources split off as meetings A, B` or `meeting ID has
 * one source: nothing to split`. */
#include "cli.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* New ids named in the report at most (the count is always given). */
#define SHOW_IDS 16

int hy_cli_split(const struct hy_cli *c, int argc, char **argv)
{
	const struct hy_cli_opt opts[] = {{NULL, NULL, NULL}};
	struct hy_store *s = NULL;
	char err[512] = "";
	char **pos;
	int npos, rc;
	int64_t ids[SHOW_IDS];
	size_t made = 0;
	long long id;

	rc = hy_cli_parse(argc, argv, opts, &pos, &npos);
	if (rc)
		return rc;
	if (npos != 1) {
		rc = npos == 0 ? hy_cli_usage("split", _("which meeting? give its ID (see huiyi "
							 "list)"))
			       : hy_cli_usage("split", _("unexpected argument '%s'"), pos[1]);
		free(pos);
		return rc;
	}
	id = hy_cli_number(pos[0], 1, INT64_MAX);
	if (id < 0) {
		rc = hy_cli_usage("split", _("bad ID '%s' (a number from huiyi list)"), pos[0]);
		free(pos);
		return rc;
	}
	free(pos);
	rc = hy_cli_open(c, 0, &s);
	if (rc == HY_ERR_NOTFOUND) {
		hy_cli_error(_("no meeting with id %lld (no meetings yet): nothing was split"), id);
		return HY_EXIT_FAIL;
	}
	if (rc)
		return HY_EXIT_FAIL;
	if (hy_store_readonly(s)) {
		hy_cli_error(
			_("%s: cannot split: the database (or its folder) is read-only for you"),
			c->db);
		hy_store_close(s);
		return HY_EXIT_FAIL;
	}
	rc = hy_store_split(s, id, &made, ids, SHOW_IDS, err, sizeof err);
	hy_store_close(s);
	if (rc) {
		hy_cli_error(_("%s; nothing was split"), err[0] ? err : hy_err_str(rc));
		return HY_EXIT_FAIL;
	}
	if (made == 0) {
		fprintf(stderr, _("meeting %lld has one source: nothing to split\n"), id);
		return HY_EXIT_OK;
	}
	fprintf(stderr,
		P_("meeting %lld: %zu source split off as meeting",
		   "meeting %lld: %zu sources split off as meetings", made),
		id, made);
	for (size_t i = 0; i < made && i < SHOW_IDS; i++)
		fprintf(stderr, "%s%lld", i ? ", " : " ", (long long)ids[i]);
	fprintf(stderr, "%s (huiyi show ID)\n", made > SHOW_IDS ? ", …" : "");
	return HY_EXIT_OK;
}
