/* meeting.h: a parsed meeting readout.
 *
 * hy_meeting_parse() turns clean text (see clean.h) into metadata and agenda
 * sections. It is a pure function: no I/O, no globals, same input → same
 * output. Every string it returns is UTF-8 owned by the struct; a field that
 * cannot be known from the text is NULL (or 0 / empty), never a guess. */
#ifndef HUIYI_MEETING_H
#define HUIYI_MEETING_H

#include <stddef.h>

struct hy_section {
	int n;         /* 1-based position in the agenda */
	char *heading; /* what the item is about, never NULL */
	char *text;    /* the paragraph(s), never NULL */
};

/* Where the year of hy_meeting.date came from, most trusted first
 * (DESIGN.md §2 dates). */
enum hy_date_basis {
	HY_DATE_BASIS_NONE = 0,  /* no date */
	HY_DATE_BASIS_TEXT,      /* the meeting's own sentence, or the title */
	HY_DATE_BASIS_PUBLISH,   /* the publish time in the text */
	HY_DATE_BASIS_PATH,      /* a date in the source path or address */
	HY_DATE_BASIS_GIVEN,     /* huiyi import --year */
	HY_DATE_BASIS_FILE_TIME, /* the file's modification time: a guess */
};

/* hy_meeting.guessed: fields that were not read from the text. */
#define HY_GUESSED_YEAR 1u  /* date's year from the file time */
#define HY_GUESSED_TITLE 2u /* title composed from the other fields */

struct hy_meeting {
	char *title;     /* the title line, or one composed (HY_GUESSED_TITLE) */
	char *published; /* "YYYY-MM-DD HH:MM" or "YYYY-MM-DD", or NULL */
	char *date;      /* meeting date "YYYY-MM-DD", or NULL */
	char *month_day; /* "MM-DD" whenever the text gives them, or NULL */
	enum hy_date_basis date_basis;
	unsigned guessed; /* HY_GUESSED_* */
	char *place;      /* the body's place (张家川县, 喀喇沁旗), or NULL */
	char *body;       /* 县政府, 市政府, 县委 ..., or NULL */
	char *kind;       /* 常务会议, 县长办公会议, 党组会议 ..., or NULL */
	int number;       /* 26 for 第26次; 0 when none */
	char *chair;      /* chair's name, or NULL */
	char *chair_role; /* 县委副书记、县长, or NULL */
	char **attendees; /* 出席: people's names in text order */
	size_t n_attendees;
	char **observers; /* 列席, and guests (应邀参加) */
	size_t n_observers;
	/* The role written before each name (县委常委、副县长), parallel to
	 * attendees and observers, NULL where none; the arrays are NULL when
	 * no name has one. observer_invited[i] is 1 for a guest (应邀);
	 * NULL when none is. */
	char **attendee_roles;
	char **observer_roles;
	unsigned char *observer_invited;
	char **units; /* offices listed with the people (县财政局) */
	size_t n_units;
	char *summary; /* opening paragraph, or NULL */
	struct hy_section *sections;
	size_t n_sections;
	/* The text is no meeting's readout (0: it is one): one of
	 * enum hy_not_readout, which hy_not_readout_why() puts in words. */
	int not_readout;
};

enum hy_not_readout {
	HY_READOUT = 0,
	HY_NOT_READOUT_NOTHING, /* no meeting word, date, chair or item: a script */
	HY_NOT_READOUT_NOVEL,   /* a novel's chapter about a meeting */
	HY_NOT_READOUT_GENRE,   /* a digest of events, a speech, a list of meetings */
	HY_NOT_READOUT_RULES,   /* rules for meetings, no meeting of its own */
};

/* Why a text is no readout, in a few words (for the import report). */
const char *hy_not_readout_why(int not_readout);

/* What may place a readout in time when its text gives no year
 * (hy_meeting_complete_date). Zeroed: nothing known. */
struct hy_date_hints {
	const char *source; /* file path or page address, or NULL */
	int year;           /* huiyi import --year, or 0 */
	long long mtime;    /* the file's modification time (Unix s), or 0 */
};

/* Parse clean UTF-8 text of length len into *m (zeroed first).
 * Returns 0, or HY_ERR_NOMEM (m is then freed and zeroed), or HY_ERR_INVALID
 * when the text holds nothing at all to store (empty after cleaning). */
int hy_meeting_parse(const char *text, size_t len, struct hy_meeting *m);

/* Give m the place named only in the furniture of page[0..len), the text
 * before cleaning, when its text named none: a breadcrumb (当前位置：首页 >
 * 某县人民政府 > …), a footer (主办单位：某县融媒体中心, 版权所有©某市人民政府网)
 * or a credit (文章来源：某区), at the level m's body begins with; none when
 * two such lines name different places. Returns 0 or HY_ERR_NOMEM. */
int hy_meeting_place_from_page(struct hy_meeting *m, const char *page, size_t len);

/* Give m a year from outside its text when it has a month and day but
 * no date: a date in h->source (/2024/05/, 202405, t20240513_), then
 * h->year, then h->mtime (marked HY_GUESSED_YEAR). The meeting precedes
 * the date it is placed by: a December meeting placed by January falls in
 * the year before. Returns 0 or HY_ERR_NOMEM. */
int hy_meeting_complete_date(struct hy_meeting *m, const struct hy_date_hints *h);

/* "day" (year known), "month-day" (year unknown or guessed) or "none". */
const char *hy_meeting_date_precision(const struct hy_meeting *m);

/* "text", "publish", "path", "given", "file-time", or NULL for none. */
const char *hy_date_basis_name(enum hy_date_basis b);
enum hy_date_basis hy_date_basis_from_name(const char *name);

/* The names of the HY_GUESSED_* bits in g ("year,title") into buf, ""
 * when none; and back (unknown names are ignored). */
void hy_meeting_guessed_names(unsigned g, char *buf, size_t len);
unsigned hy_meeting_guessed_from(const char *names);

/* The date as lists show it, into buf (at least 16 bytes): "2024-03-08";
 * "2024-03-08?" when the year is a guess; "3月8日" when only the month
 * and day are known; "" when nothing is. */
void hy_meeting_date_label(const char *date, const char *month_day, int year_guessed, char *buf,
			   size_t len);

/* The meeting's date as a reader is told it, into buf: "2024-03-08", with
 * where a year not in the text came from ("2024-03-08（年份据来源路径）",
 * "…（年份按文件时间猜测）"), or "03-08（年份不详）"; "" when no date. */
void hy_meeting_date_text(const struct hy_meeting *m, char *buf, size_t len);

/* Free everything m owns and zero it. Safe on a zeroed struct. */
void hy_meeting_free(struct hy_meeting *m);

#endif
