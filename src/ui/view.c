/* view.c: the model drawn into the cell grid (view.h): the screen on top
 * draws itself (its view in src/ui/screen_*.c). */
#include "huiyi/view.h"

#include "screen.h"

void hy_view_render(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx)
{
	*cy = *cx = -1;
	hy_grid_clear(g);
	hy_screen_ops(m->screen)->view(m, g, cy, cx);
}
