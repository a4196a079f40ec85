/* i18n.h: the user's language (DESIGN.md §4 Language).
 *
 * Every message, column name, help line and error a person reads is
 * written in English in the source and marked, so GNU gettext can give it
 * in the language of the locale (LC_ALL, else LC_MESSAGES, else LANG; and
 * LANGUAGE, as gettext reads it): po/zh_CN.po, and zh_TW made from it by
 * OpenCC at build time; English where no catalogue fits (C.UTF-8).
 *
 *   _("text")          translated where it is used
 *   N_("text")         marked only, in a table; translated with _() when
 *                      it is shown (the untranslated text stays the key)
 *   P_("1 meeting", "%zu meetings", n)   the plural form for n
 *
 * Never marked: log and trace output, SQL, the names of the configuration
 * file and the command line (bind list …, --sort count), JSON keys, and
 * the words of the readouts (src/meeting: data, not interface). */
#ifndef HUIYI_I18N_H
#define HUIYI_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) s
#define P_(one, many, n) ngettext(one, many, (unsigned long)(n))

/* The text domain: "huiyi". */
#define HY_I18N_DOMAIN "huiyi"

/* Binds the domain to the catalogues in dir (DIR/LANG/LC_MESSAGES/huiyi.mo)
 * and makes it the process's: dir NULL is the build tree's when the program
 * runs from it (a folder "locale" beside the executable, where make puts
 * the .mo files), else the installed ones ($(PREFIX)/share/locale). Call
 * it after setlocale(LC_ALL, ""). 0, or -1 when gettext refused. */
int hy_i18n_init(const char *dir);

#endif
