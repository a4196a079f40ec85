/* main.c: placeholder until the CLI lands. */
#include <stdio.h>

int main(void)
{
	puts("huiyi " HY_VERSION);
	return 0;
}
