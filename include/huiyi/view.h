/* view.h: the model drawn into a grid (DESIGN.md §3). Pure: the same model
 * and grid size always give the same cells, so screens are tested by
 * comparing hy_grid_dump() with golden files. */
#ifndef HUIYI_VIEW_H
#define HUIYI_VIEW_H

#include "huiyi/grid.h"
#include "huiyi/model.h"

/* Draw m into g (which must be m->w × m->h). *cy, *cx get where the
 * terminal cursor belongs (the prompt), or -1 when it is hidden. */
void hy_view_render(const struct hy_model *m, struct hy_grid *g, int *cy, int *cx);

#endif
