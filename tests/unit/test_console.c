/* test_console.c: who gets the Linux console notice (issue 19 item 4):
 * TERM=linux on a virtual console or over SSH (a console at the other
 * end), not TERM=linux on a pseudo-terminal with no SSH (fbterm, which
 * keeps the console's TERM and draws Chinese), nor any other TERM
 * (kmscon sets its own). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../src/cli/cli.h"

static void test_linux_console(void **state)
{
	(void)state;
	/* the console itself, and SSH from one */
	assert_int_equal(hy_cli_linux_console("linux", 1, 0), 1);
	assert_int_equal(hy_cli_linux_console("linux", 0, 1), 1);
	assert_int_equal(hy_cli_linux_console("linux", 1, 1), 1);
	assert_int_equal(hy_cli_linux_console("linux-16color", 1, 0), 1);
	/* fbterm: TERM=linux on a pseudo-terminal, no SSH */
	assert_int_equal(hy_cli_linux_console("linux", 0, 0), 0);
	/* other terminals, whatever the device */
	assert_int_equal(hy_cli_linux_console("xterm-256color", 1, 1), 0);
	assert_int_equal(hy_cli_linux_console("fbterm", 1, 0), 0);
	assert_int_equal(hy_cli_linux_console("linuxish", 1, 0), 0);
	assert_int_equal(hy_cli_linux_console("", 1, 1), 0);
	assert_int_equal(hy_cli_linux_console(NULL, 1, 1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_linux_console),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
