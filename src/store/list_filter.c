/* list_filter.c: what a call of the meeting list resolves before it
 * reads a row: the filter (the bodies and people its substrings name,
 * the date range as bounds) and the position to go on from (a key's
 * sort values, read back by id when the key was cut short). */
#include "list.h"
#include "huiyi/i18n.h"

#include "huiyi/err.h"
#include "huiyi/people.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void hy_store_flt_free(struct flt *f)
{
	for (size_t i = 0; i < f->nnames; i++)
		free(f->names[i]);
	free(f->names);
	f->names = NULL;
	f->nnames = 0;
}

int hy_store_flt_init(struct hy_store *s, const struct hy_store_filter *in, struct flt *f,
		      size_t max_names, char *err, size_t errlen)
{
	static const char bodies_sql[] = "SELECT name FROM bodies"
					 " WHERE instr(name, ?1) > 0 ORDER BY name"
					 " LIMIT ?2";
	/* a piece of the name in either script, with or without spaces:
	 * its key in the names' keys (people.h, schema v13) */
	static const char people_sql[] = "SELECT id FROM people WHERE instr(key, ?1) > 0"
					 " LIMIT ?2";
	static const char people_v12_sql[] = "SELECT id FROM people WHERE instr(name, ?1) > 0"
					     " LIMIT ?2";
	sqlite3_stmt *st;
	int rc;

	memset(f, 0, sizeof *f);
	if (!in)
		return 0;
	if (in->from && in->from[0])
		f->lo = (struct bound){1, 1, in->from, strlen(in->from)};
	if (in->to && in->to[0]) {
		f->hi = (struct bound){1, 1, in->to, strlen(in->to)};
		if (!f->lo.set) /* a bound leaves out unknown dates ('') */
			f->lo = (struct bound){1, 0, "", 0};
	}
	if (in->body && in->body[0]) {
		f->body = in->body;
		f->names = calloc(max_names, sizeof *f->names);
		if (!f->names)
			return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
		rc = hy_store_stmt(s, HY_ST_BODIES_LIKE, bodies_sql, &st, err, errlen);
		if (rc)
			goto fail_free;
		sqlite3_bind_text(st, 1, in->body, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)max_names + 1);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *name = (const char *)sqlite3_column_text(st, 0);
			if (f->nnames == max_names) {
				f->many_names = 1;
				break;
			}
			if (!name || !(f->names[f->nnames] = strdup(name))) {
				rc = SQLITE_NOMEM;
				break;
			}
			f->nnames++;
		}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			goto fail;
		sqlite3_reset(st);
		if (f->nnames == 0) {
			hy_store_flt_free(f);
			return 1;
		}
	}
	if (in->person && in->person[0]) {
		f->person = in->person;
		int v13 = s->version >= 13;
		char *key = v13 ? hy_people_key(in->person) : NULL;
		if (v13 && !key) {
			rc = HY_ERR_NOMEM;
			hy_store_flt_free(f);
			return hy_err_set(err, errlen, rc, _("out of memory"));
		}
		if (v13 && !key[0]) { /* only spaces or dots: no name */
			free(key);
			hy_store_flt_free(f);
			return 1;
		}
		rc = v13 ? hy_store_stmt(s, HY_ST_PEOPLE_LIKE, people_sql, &st, err, errlen)
			 : hy_store_stmt(s, HY_ST_PEOPLE_LIKE_V12, people_v12_sql, &st, err,
					 errlen);
		if (rc) {
			free(key);
			goto fail_free;
		}
		if (v13)
			sqlite3_bind_text(st, 1, key, -1, free);
		else
			sqlite3_bind_text(st, 1, in->person, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, MAX_PEOPLE + 1);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (f->npid == MAX_PEOPLE) {
				f->many_people = 1;
				break;
			}
			f->pid[f->npid++] = sqlite3_column_int64(st, 0);
		}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			goto fail;
		sqlite3_reset(st);
		if (f->npid == 0) {
			hy_store_flt_free(f);
			return 1;
		}
	}
	return 0;
fail:
	if (rc == SQLITE_NOMEM)
		rc = hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
	else
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db), N_("reading the filter"),
				   err, errlen);
	sqlite3_reset(st);
fail_free:
	hy_store_flt_free(f);
	return rc;
}

int hy_store_key_sv(struct hy_store *s, const struct hy_store_key *k, struct sv *v, char **own,
		    char *err, size_t errlen)
{
	static const char key_sql[] = "SELECT ifnull(date, ''), body, ifnull(number, 0)"
				      " FROM meetings WHERE id = ?1";
	sqlite3_stmt *st;
	int rc;

	*own = NULL;
	v->date = k->date;
	v->dlen = strnlen(k->date, sizeof k->date);
	v->body = k->flags & KEY_BODY ? k->body : NULL;
	v->blen = v->body ? strnlen(k->body, sizeof k->body) : 0;
	v->num = k->number;
	v->id = k->id;
	if (!(k->flags & KEY_LONG))
		return 0;
	rc = hy_store_stmt(s, HY_ST_KEY_BY_ID, key_sql, &st, err, errlen);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, k->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		size_t dn = (size_t)sqlite3_column_bytes(st, 0);
		const char *d = (const char *)sqlite3_column_text(st, 0);
		const char *b = (const char *)sqlite3_column_text(st, 1);
		size_t bn = (size_t)sqlite3_column_bytes(st, 1);
		*own = malloc(dn + bn + 2);
		if (!*own) {
			sqlite3_reset(st);
			return hy_err_set(err, errlen, HY_ERR_NOMEM, _("out of memory"));
		}
		memcpy(*own, d ? d : "", dn);
		(*own)[dn] = 0;
		v->date = *own;
		v->dlen = dn;
		if (b) {
			memcpy(*own + dn + 1, b, bn);
			(*own)[dn + 1 + bn] = 0;
			v->body = *own + dn + 1;
			v->blen = bn;
		} else {
			v->body = NULL;
			v->blen = 0;
		}
		v->num = sqlite3_column_int64(st, 2);
	} else if (rc != SQLITE_DONE) {
		rc = hy_store_fail(s, sqlite3_extended_errcode(s->db),
				   N_("reading a list position"), err, errlen);
		sqlite3_reset(st);
		return rc;
	}
	/* a row gone since: the values kept, cut short, are near enough */
	sqlite3_reset(st);
	return 0;
}

void hy_store_key_of(const struct hy_store_row *row, enum hy_store_sort sort,
		     struct hy_store_key *k)
{
	size_t n;

	(void)sort;
	memset(k, 0, sizeof *k);
	k->set = 1;
	k->id = row->id;
	k->number = row->number > 0 ? row->number : 0;
	if (row->date) {
		n = strlen(row->date);
		if (n >= sizeof k->date) {
			k->flags |= KEY_LONG;
			n = sizeof k->date - 1;
		}
		memcpy(k->date, row->date, n);
	}
	if (row->body) {
		k->flags |= KEY_BODY;
		n = strlen(row->body);
		if (n >= sizeof k->body) {
			k->flags |= KEY_LONG;
			n = sizeof k->body - 1;
		}
		memcpy(k->body, row->body, n);
	}
}
