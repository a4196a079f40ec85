/* screens.c: the browser's screens (screen.h). A new screen is one line
 * here, a value of enum hy_screen (model.h) and a file of its own. */
#include "screen.h"

static const struct hy_screen_ops *const screens[HY_SCREEN_COUNT] = {
	[HY_SCREEN_LIST] = &hy_screen_list,     [HY_SCREEN_MEETING] = &hy_screen_meeting,
	[HY_SCREEN_HELP] = &hy_screen_help,     [HY_SCREEN_RESULTS] = &hy_screen_results,
	[HY_SCREEN_PEOPLE] = &hy_screen_people, [HY_SCREEN_CAREER] = &hy_screen_career,
	[HY_SCREEN_ATTEND] = &hy_screen_attend, [HY_SCREEN_TREND] = &hy_screen_trend,
};

const struct hy_screen_ops *hy_screen_ops(enum hy_screen s)
{
	return screens[(unsigned)s < HY_SCREEN_COUNT ? s : HY_SCREEN_LIST];
}
