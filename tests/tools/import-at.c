/* import-at: test tool. Imports files into a new database made at an
 * older schema version by this build (hy_store_open_at), as huiyi of
 * that version would have stored them, for the tests of a migration
 * (tests/e2e/migrate_clean.sh).
 *
 *   import-at DB VERSION PATH...
 *
 * Exit status 0 when every file was stored, 1 otherwise. */
#include <stdio.h>
#include <stdlib.h>

#include "huiyi/import.h"
#include "huiyi/store.h"
#include "../../src/store/internal.h" /* hy_store_open_at */

int main(int argc, char **argv)
{
	struct hy_store *s = NULL;
	struct hy_import_opts o = {0};
	struct hy_import_stats st = {0};
	char err[512] = "";
	if (argc < 4) {
		fprintf(stderr, "usage: import-at DB VERSION PATH...\n");
		return 2;
	}
	int version = atoi(argv[2]);
	if (version < 1 || version > HY_STORE_SCHEMA_VERSION ||
	    hy_store_open_at(&s, argv[1], HY_STORE_CREATE, version, err, sizeof err) != 0) {
		fprintf(stderr, "import-at: %s: %s\n", argv[1], err[0] ? err : "bad version");
		return 1;
	}
	int rc = hy_import_run(s, (const char *const *)argv + 3, (size_t)argc - 3, &o, &st, err,
			       sizeof err);
	hy_store_close(s);
	if (rc || st.rejected) {
		fprintf(stderr, "import-at: %s\n", err[0] ? err : "files rejected");
		return 1;
	}
	printf("imported %zu at schema version %d\n", st.imported, version);
	return 0;
}
