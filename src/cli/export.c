/* export.c: stub */
#include "cli.h"
int hy_cli_export(const struct hy_cli *c, int argc, char **argv)
{
	(void)c; (void)argc; (void)argv;
	return HY_EXIT_FAIL;
}
