/* po2tw.c: build-time maker of the Traditional Chinese catalogue.
 *
 * Reads a .po file (po/zh_CN.po) and writes it again with every
 * translation (the msgstr lines and their continuation lines) through
 * OpenCC's s2twp (Simplified → Traditional as written in Taiwan, phrase
 * by phrase: 文件 → 檔案, 信息 → 資訊), and the header's Language:
 * zh_CN as zh_TW. The English msgids, comments and everything else are
 * copied as they are: a msgid is the key gettext looks up, never to be
 * converted. Usage: po2tw < zh_CN.po > zh_TW.po (DESIGN.md §4 Language). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <opencc/opencc.h>

#define CONFIG "s2twp.json"

int main(void)
{
	opencc_t cc = opencc_open(CONFIG);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int in_msgstr = 0, rc = 0;

	if (cc == (opencc_t)-1) {
		fprintf(stderr, "po2tw: OpenCC %s: %s\n", CONFIG, opencc_error());
		return 1;
	}
	while ((n = getline(&line, &cap, stdin)) > 0) {
		if (!strncmp(line, "msgstr", 6))
			in_msgstr = 1;
		else if (line[0] != '"')
			in_msgstr = 0; /* msgid, msgctxt, a comment, a blank line */
		const char *lang = strstr(line, "Language: zh_CN");
		if (lang) {
			fwrite(line, 1, (size_t)(lang - line), stdout);
			fputs("Language: zh_TW", stdout);
			fputs(lang + strlen("Language: zh_CN"), stdout);
			continue;
		}
		if (!in_msgstr) {
			fwrite(line, 1, (size_t)n, stdout);
			continue;
		}
		char *tw = opencc_convert_utf8(cc, line, (size_t)n);
		if (!tw) {
			fprintf(stderr, "po2tw: OpenCC: %s\n", opencc_error());
			rc = 1;
			break;
		}
		fputs(tw, stdout);
		opencc_convert_utf8_free(tw);
	}
	free(line);
	opencc_close(cc);
	if (fflush(stdout) != 0)
		rc = 1;
	return rc;
}
