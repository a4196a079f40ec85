/* prompt.c: the one-line prompt at the bottom (screen.h): typing, pasting,
 * cancelling. The screen that opened it gets its Enter (model.c). */
#include "screen.h"
#include "huiyi/i18n.h"

#include "huiyi/utf8.h"

#include <stdio.h>
#include <string.h>

void hy_prompt_start(struct hy_model *m, int which, const char *initial)
{
	m->prompt = which;
	snprintf(m->input, sizeof m->input, "%s", initial ? initial : "");
	m->input_len = strlen(m->input);
	m->status[0] = '\0';
}

/* The prompt is full: what did not fit is dropped, and the status says
 * so ("pasted text cut: a prompt holds 511 bytes"). */
static void prompt_full(struct hy_model *m, const char *what)
{
	/* TRANSLATORS: %s: "typing" or "pasted text" */
	snprintf(m->status, sizeof m->status, _("%s cut: a prompt holds %zu bytes"), what,
		 sizeof m->input - 1);
	m->status_error = 1;
}

int hy_prompt_key(struct hy_model *m, uint32_t key)
{
	if (key == HY_KEY_ESC || key == HY_KEY_CTRL('c') || key == HY_KEY_CTRL('g')) {
		m->prompt = 0;
		return 0;
	}
	if (key == HY_KEY_BACKSPACE || key == HY_KEY_CTRL('h')) {
		while (m->input_len > 0 &&
		       ((unsigned char)m->input[m->input_len - 1] & 0xC0) == 0x80)
			m->input_len--;
		if (m->input_len > 0)
			m->input_len--;
		m->input[m->input_len] = '\0';
		return 0;
	}
	if (key == HY_KEY_CTRL('u')) {
		m->input_len = 0;
		m->input[0] = '\0';
		return 0;
	}
	if (key == HY_KEY_ENTER) {
		int which = m->prompt;
		m->prompt = 0;
		return which;
	}
	if (key < 0x20 || key >= 0x110000 || key == 0x7f || (key >= 0x80 && key < 0xA0))
		return 0; /* not text */
	char u[4];
	size_t k = hy_utf8_encode(key, u);
	if (m->input_len + k < sizeof m->input) {
		memcpy(m->input + m->input_len, u, k);
		m->input_len += k;
		m->input[m->input_len] = '\0';
	} else { /* full: a paste as keys, or a long typing */
		prompt_full(m, _("typing"));
	}
	return 0;
}

/* A paste (bracketed): into the prompt as one edit, line breaks and other
 * controls as spaces, cut where the prompt is full, with a message; outside
 * a prompt it is no command (a pasted "q" must not quit). */
void hy_prompt_paste(struct hy_model *m, const struct hy_event *ev)
{
	if (!m->prompt) {
		hy_ui_status(m, 0, _("a paste goes into a prompt: / to search, f to filter"), NULL);
		return;
	}
	int cut = ev->cut;
	for (size_t i = 0; i < ev->len;) {
		uint32_t cp;
		size_t k = hy_utf8_decode(ev->text + i, ev->len - i, &cp);
		i += k;
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xA0))
			cp = ' ';
		char u[4];
		size_t n = hy_utf8_encode(cp, u);
		if (m->input_len + n >= sizeof m->input) {
			cut = 1;
			break;
		}
		memcpy(m->input + m->input_len, u, n);
		m->input_len += n;
	}
	m->input[m->input_len] = '\0';
	if (cut)
		prompt_full(m, _("pasted text"));
}
