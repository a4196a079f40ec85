/* draw.c: drawing helpers the screens' views share (screen.h). */
#include "layout.h"
#include "huiyi/i18n.h"
#include "screen.h"

#include "huiyi/width.h"

#include <stdio.h>
#include <string.h>

int hy_draw_put(struct hy_grid *g, int y, int x, const char *s, int role, int maxw)
{
	if (!s || maxw <= 0)
		return 0;
	return hy_grid_put(g, y, x, s, strlen(s), role, maxw);
}

/* s truncated with … into exactly w columns (padded with spaces). */
int hy_draw_col(struct hy_grid *g, int y, int x, const char *s, int role, int w)
{
	char buf[512];
	if (w <= 0)
		return 0;
	if (!s || !*s)
		s = "-";
	hy_width_truncate(s, strlen(s), (size_t)w, buf, sizeof buf);
	hy_grid_fill(g, y, x, w, role);
	hy_draw_put(g, y, x, buf, role, w);
	return w;
}

void hy_draw_thousands(size_t n, char *out, size_t len)
{
	char tmp[32];
	snprintf(tmp, sizeof tmp, "%zu", n);
	size_t l = strlen(tmp), o = 0;
	for (size_t i = 0; i < l && o + 2 < len; i++) {
		if (i && (l - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = tmp[i];
	}
	out[o] = '\0';
}

/* The bottom line: the prompt, or a message, or position and hints. */
void hy_draw_status(const struct hy_model *m, struct hy_grid *g, const char *left,
		    const char *hints, int *cy, int *cx)
{
	struct hy_rect st = hy_layout_status(g->w, g->h);
	int y = st.y;
	if (!st.h)
		return;
	hy_grid_fill(g, y, 0, g->w, HY_ROLE_STATUS);
	if (m->prompt) {
		const char *p = m->prompt == '/'   ? "/"
				: m->prompt == 's' ? _("search: ")
						   : _("filter: ");
		int x = hy_draw_put(g, y, 0, p, HY_ROLE_STATUS, g->w);
		/* a message while typing (a paste cut): at the right end */
		int room = g->w;
		if (m->status[0]) {
			int mw = (int)hy_width_str(m->status, strlen(m->status));
			if (mw + x + 8 <= g->w) {
				hy_draw_put(g, y, g->w - mw, m->status,
					    m->status_error ? HY_ROLE_ERROR : HY_ROLE_STATUS, mw);
				room = g->w - mw - 1;
			}
		}
		/* show the end of a long input */
		size_t iw = hy_width_str(m->input, m->input_len);
		const char *in = m->input;
		while (iw + (size_t)x + 1 > (size_t)room && *in) {
			uint32_t c;
			size_t k = 1;
			while (((unsigned char)in[k] & 0xC0) == 0x80)
				k++;
			(void)c;
			iw -= hy_width_str(in, k);
			in += k;
		}
		x += hy_draw_put(g, y, x, in, HY_ROLE_STATUS, room - x);
		*cy = y;
		*cx = x < g->w ? x : g->w - 1;
		return;
	}
	int x = 0;
	if (m->status[0]) {
		x = hy_draw_put(g, y, 0, " ", HY_ROLE_STATUS, g->w);
		x += hy_draw_put(g, y, x, m->status,
				 m->status_error ? HY_ROLE_ERROR : HY_ROLE_STATUS, g->w - x);
	} else {
		x = hy_draw_put(g, y, 0, left, HY_ROLE_STATUS, g->w);
	}
	int hw = hints ? (int)hy_width_str(hints, strlen(hints)) : 0;
	if (hints && x + 2 + hw <= g->w)
		hy_draw_put(g, y, g->w - hw, hints, HY_ROLE_STATUS, hw);
}
