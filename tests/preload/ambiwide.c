/* ambiwide.c: LD_PRELOAD into a tmux server, it becomes a terminal that
 * draws East Asian ambiguous-width characters (“ ” … · § │ U+FFFD …) two
 * columns wide, as PuTTY, iTerm2, GNOME Terminal, xterm -cjk_width do when
 * asked. tmux measures characters with wcwidth() (Debian's tmux is built
 * without utf8proc): this one is the C library's, but 2 for a character
 * whose East Asian Width is "A" (ICU) and that the C library counts 1 —
 * the rule src/text/width.c follows under --ambiguous wide. Built without
 * the sanitizers (tmux has no sanitizer runtime). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <string.h>
#include <unicode/uchar.h>
#include <wchar.h>

static int (*real)(wchar_t);
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void find(void)
{
	void *f = dlsym(RTLD_NEXT, "wcwidth");
	memcpy(&real, &f, sizeof real);
}

int wcwidth(wchar_t wc)
{
	int w;

	pthread_once(&once, find);
	w = real ? real(wc) : -1;
	if (w == 1 && wc >= 0xA1 && wc <= 0x10FFFF &&
	    u_getIntPropertyValue((UChar32)wc, UCHAR_EAST_ASIAN_WIDTH) == U_EA_AMBIGUOUS)
		return 2;
	return w;
}
