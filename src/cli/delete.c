/* delete.c: `huiyi delete [--json] ID…`.
 *
 * Every meeting named is deleted whole (hy_store_delete), in one
 * transaction; if one ID is not stored, nothing is deleted and the
 * command fails naming it. The report goes to stderr (`deleted N
 * meetings`), or with --json to stdout: {"deleted": [ID, …]}. */
#include "cli.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A meeting id: a positive decimal number, or -1 (hy_cli_number). */
static long long id_of(const char *s)
{
	return hy_cli_number(s, 1, INT64_MAX);
}

static int print_json(const int64_t *ids, size_t n)
{
	json_t *o = json_object(), *a = json_array();
	char *text;
	int rc = HY_ERR_NOMEM;

	if (!o || !a) {
		json_decref(o);
		json_decref(a);
		return HY_ERR_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		int dup = 0;
		for (size_t k = 0; k < i; k++)
			dup |= ids[k] == ids[i];
		if (!dup)
			json_array_append_new(a, json_integer(ids[i]));
	}
	json_object_set_new(o, "deleted", a);
	text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (text) {
		rc = hy_cli_put_json(stdout, text);
		if (rc == 0)
			fputc('\n', stdout);
		free(text);
	}
	json_decref(o);
	return rc;
}

int hy_cli_delete(const struct hy_cli *c, int argc, char **argv)
{
	int json = 0, npos, rc;
	const struct hy_cli_opt opts[] = {
		{"--json", NULL, &json},
		{NULL, NULL, NULL},
	};
	struct hy_store *s = NULL;
	char err[512] = "";
	char **pos;
	int64_t *ids;
	size_t deleted = 0;

	rc = hy_cli_parse(argc, argv, opts, &pos, &npos);
	if (rc)
		return rc;
	if (npos == 0) {
		free(pos);
		return hy_cli_usage("delete", _("which meetings? give their IDs "
						"(see huiyi list)"));
	}
	ids = calloc((size_t)npos, sizeof *ids);
	if (!ids) {
		free(pos);
		hy_cli_error(_("out of memory"));
		return HY_EXIT_FAIL;
	}
	for (int i = 0; i < npos; i++) {
		long long v = id_of(pos[i]);
		if (v < 0) {
			rc = hy_cli_usage("delete",
					  _("bad ID '%s' (a number "
					    "from huiyi list)"),
					  pos[i]);
			free(ids);
			free(pos);
			return rc;
		}
		ids[i] = v;
	}
	free(pos);

	rc = hy_cli_open(c, 0, &s);
	if (rc == HY_ERR_NOTFOUND) {
		hy_cli_error(_("no meeting with id %lld (no meetings yet): "
			       "nothing was deleted"),
			     (long long)ids[0]);
		free(ids);
		return HY_EXIT_FAIL;
	}
	if (rc) {
		free(ids);
		return HY_EXIT_FAIL;
	}
	if (hy_store_readonly(s)) {
		hy_cli_error(_("%s: cannot delete: the database (or its folder) "
			       "is read-only for you"),
			     c->db);
		hy_store_close(s);
		free(ids);
		return HY_EXIT_FAIL;
	}
	rc = hy_store_delete(s, ids, (size_t)npos, &deleted, err, sizeof err);
	hy_store_close(s);
	if (rc) {
		hy_cli_error("%s", err[0] ? err : hy_err_str(rc));
		free(ids);
		return HY_EXIT_FAIL;
	}
	if (json && print_json(ids, (size_t)npos) != 0) {
		hy_cli_error(_("out of memory"));
		free(ids);
		return HY_EXIT_FAIL;
	}
	free(ids);
	if (!json)
		fprintf(stderr, P_("deleted %zu meeting\n", "deleted %zu meetings\n", deleted),
			deleted);
	return HY_EXIT_OK;
}
