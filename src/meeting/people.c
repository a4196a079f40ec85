/* people.c: who was there.
 *
 * Reads attendance sentences (X出席会议, 出席会议的有：X, 应邀参加) into
 * attendees, observers and units; each list in them is read item by item
 * in people_list.c (县委副书记、县长刘锐 → 刘锐). The chair in the chairing
 * clause (…主持召开, 会议由…主持, 受…委托) is chair.c's. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The observers from n0 on are 应邀 guests. */
static int note_guests(struct people *pp, size_t n0)
{
	for (size_t i = n0; i < pp->obs.n; i++) {
		char *g = strdup(pp->obs.v[i]);
		int rc = strv_push(&pp->guests, g);
		if (rc)
			return rc;
	}
	return 0;
}

/* The role noted for name (roles: "name\trole"), a copy; NULL when none
 * (*oom set when out of memory). */
static char *role_of(const struct strv *roles, const char *name, int *oom)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < roles->n; i++)
		if (strncmp(roles->v[i], name, n) == 0 && roles->v[i][n] == '\t') {
			char *r = strdup(roles->v[i] + n + 1);
			*oom |= !r;
			return r;
		}
	return NULL;
}

static void strv_free(struct strv *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Roles parallel to names, or NULL when none has one. */
static char **roles_for(const struct strv *roles, const struct strv *names, int *oom)
{
	char **v = NULL;
	int any = 0;
	if (!roles->n || !names->n)
		return NULL;
	v = calloc(names->n, sizeof *v);
	if (!v) {
		*oom = 1;
		return NULL;
	}
	for (size_t i = 0; i < names->n; i++)
		any |= (v[i] = role_of(roles, names->v[i], oom)) != NULL;
	if (!any || *oom) {
		for (size_t i = 0; i < names->n; i++)
			free(v[i]);
		free(v);
		return NULL;
	}
	return v;
}

int people_finish(struct people *pp, struct hy_meeting *m)
{
	int oom = 0;
	m->attendees = pp->att.v;
	m->n_attendees = pp->att.n;
	m->observers = pp->obs.v;
	m->n_observers = pp->obs.n;
	m->units = pp->units.v;
	m->n_units = pp->units.n;
	m->attendee_roles = roles_for(&pp->roles, &pp->att, &oom);
	m->observer_roles = roles_for(&pp->roles, &pp->obs, &oom);
	if (pp->guests.n && pp->obs.n && !oom) {
		m->observer_invited = calloc(pp->obs.n, 1);
		oom |= !m->observer_invited;
		for (size_t i = 0; m->observer_invited && i < pp->obs.n; i++)
			for (size_t g = 0; g < pp->guests.n; g++)
				if (strcmp(pp->obs.v[i], pp->guests.v[g]) == 0)
					m->observer_invited[i] = 1;
	}
	strv_free(&pp->roles);
	strv_free(&pp->guests);
	memset(&pp->att, 0, sizeof pp->att);
	memset(&pp->obs, 0, sizeof pp->obs);
	memset(&pp->units, 0, sizeof pp->units);
	return oom ? HY_ERR_NOMEM : 0;
}

/* 由甲、乙等八位议员联合质询: the councillors who question at a council's
 * sitting are there, attendees. */
static int questioners(const struct doc *d, size_t a, size_t b, struct people *pp)
{
	static const char *const who[] = {"位议员", "名议员"};
	size_t m;
	for (size_t i = find_any(d, a, b, who, COUNT(who), &m); i != NPOS;
	     i = find_any(d, i + m, b, who, COUNT(who), &m)) {
		size_t q = i + m, e = q + 6 < b ? q + 6 : b;
		if (find(d, q, e, "质询") == NPOS)
			continue;
		size_t g = i;
		while (g > a && (is_digit(d->cp[g - 1]) || cn_digit(d->cp[g - 1]) >= 0))
			g--;
		if (g == i || g == a || !match(d, g - 1, b, "等"))
			continue;
		size_t s = g - 1; /* back to the clause's start or its 由 */
		while (s > a && d->cp[s - 1] != ',' && !is_sent_end(d, s - 1) &&
		       !match(d, s - 1, b, "由"))
			s--;
		int rc = add_people_list(d, s, g - 1, &pp->att, &pp->units, &pp->roles);
		if (rc)
			return rc;
	}
	return 0;
}

/* A seat on the rostrum at i: (在)主席台(前排)就座, 主席台执行主席席就座,
 * (在)前排就座 (the front row of the hall, the rostrum's short form), 就坐
 * alike, and 主席 台 wrapped by a PDF's line. Its length, or 0. Both
 * people_in_sentence and is_attendance read seats through here. */
static size_t seat_at(const struct doc *d, size_t i, size_t b)
{
	static const char *const places[] = {"主席台前排", "主席台执行主席席", "主席台", "前排"};
	static const char *const sit[] = {"就座", "就坐"};
	size_t k = i + match(d, i, b, "在");
	size_t p = match_any(d, k, b, places, COUNT(places), NULL);
	if (!p && match(d, k, b, "主席") && k + 3 < b && is_space(d->cp[k + 2]) &&
	    match(d, k + 3, b, "台")) { /* 主席 台就座: wrapped */
		k += 4;
		p = match(d, k, b, "前排");
	}
	k += p;
	size_t s = (p || k > i + 3) ? match_any(d, k, b, sit, COUNT(sit), NULL) : 0;
	return s ? k + s - i : 0;
}

/* After 出席 at j: (这次)会议并在主席台(前排)就座的(领导)有; after a seat
 * (seated): 的(市领导)还有: the words that bring on the list of who
 * attended and sat on the rostrum, however they are put together. Their
 * length, or 0. */
static size_t seated_list_intro(const struct doc *d, size_t j, size_t b, int seated)
{
	static const char *const which[] = {"这次", "此次", "本次"};
	static const char *const what[] = {"会议", "大会"};
	static const char *const levels[] = {"省", "市", "县", "区", "旗", "州", "镇", "乡"};
	static const char *const who[] = {"领导同志", "领导", "同志", "人员"};
	static const char *const have[] = {"还有", "有"};
	size_t k = j;
	if (!seated) {
		k += match_any(d, k, b, which, COUNT(which), NULL);
		size_t w = match_any(d, k, b, what, COUNT(what), NULL);
		if (!w || !match(d, k + w, b, "并"))
			return 0;
		k += w + 1;
		size_t seat = seat_at(d, k, b);
		if (!seat)
			return 0;
		k += seat;
	}
	if (!match(d, k, b, "的"))
		return 0;
	k++;
	size_t lv = match_any(d, k, b, levels, COUNT(levels), NULL);
	size_t wl = match_any(d, k + lv, b, who, COUNT(who), NULL);
	k += wl ? lv + wl : 0;
	size_t h = match_any(d, k, b, have, COUNT(have), NULL);
	return h ? k + h - j : 0;
}

/* The first seat (seat_at) in [a, b), or NPOS. */
static size_t find_seat(const struct doc *d, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		if (seat_at(d, i, b))
			return i;
	return NPOS;
}

int people_in_sentence(const struct doc *d, size_t a, size_t b, struct people *pp)
{
	{
		int rc = questioners(d, a, b, pp);
		if (rc)
			return rc;
	}
	static const char *const keys[] = {
		"出席", "列席", "参加", "参会", "收听收看", /* 在分会场收听收看会议 */
		"收看收听", "与会", "到会指导", "到会祝贺", "到会",
		/* (seats on the rostrum: seat_at) */
		"聆听", /* 区领导甲、乙等聆听讲座 */
		"旁听", /* 市人大代表甲、乙应邀旁听会议 */
		"执行主席" /* 大会执行主席是甲、乙: the session's presiding members */};
	size_t from = a;
	size_t i = a;
	while (i < b) {
		size_t which = 0, m = match_any(d, i, b, keys, COUNT(keys), &which);
		/* 大会主席团执行主席甲、乙在主席台执行主席席就座: a seat */
		size_t seated = m ? 0 : seat_at(d, i, b);
		if (seated) {
			m = seated;
			which = COUNT(keys);
		}
		if (!m) {
			i++;
			continue;
		}
		/* 以及固定列席单位主要领导参加了会议: the units that always
		 * attend, a name of a kind of unit, no verb */
		if (which == 1 && i >= a + 2 && match(d, i - 2, b, "固定") &&
		    match(d, i + m, b, "单位")) {
			i += m;
			continue;
		}
		/* 引起与会人员共鸣, 向与会代表介绍: 与会 before who attends is
		 * those people (a noun), no one's attending verb */
		static const char *const attendees_noun[] = {"人员", "同志", "代表", "者",
							     "领导", "嘉宾", "委员"};
		if (match(d, i, b, "与会") &&
		    match_any(d, i + m, b, attendees_noun, COUNT(attendees_noun), NULL)) {
			i += m;
			continue;
		}
		/* 区长某某参加并主持会议: who chaired, not who attended */
		if (match(d, i + m, b, "并主持")) {
			i += m + 3;
			from = i;
			continue;
		}
		/* 应邀参加 / 应邀列席: a guest, with the observers; 常务列席 */
		/* 特邀列席, 受邀参加: a guest too */
		int invited =
			i >= a + 2 && (match(d, i - 2, b, "应邀") || match(d, i - 2, b, "特邀") ||
				       match(d, i - 2, b, "受邀"));
		size_t lead = invited || (i >= a + 2 && match(d, i - 2, b, "常务")) ? 2 : 0;
		/* 到会祝贺: a guest who came to congratulate, with the observers */
		/* (甲、乙等在主席台就座，祝贺大会召开: guests seated, likewise) */
		int greets = match(d, i, b, "到会祝贺") == 4 ||
			     (seated && find(d, i + m, b, "祝贺") != NPOS);
		int hears = which == COUNT(keys) - 2; /* 旁听, who sits in: with the observers */
		int presiding = which == COUNT(keys) - 1;
		struct strv *dst = which == 1 || greets || invited || hears ? &pp->obs : &pp->att;
		size_t j = i + m;
		size_t k;
		/* 出席会议的有: / 出席人员: / 出席: → the list follows */
		static const char *const after[] = {
			"并在主席台就座的还有", "并在主席台就坐的还有",
			/* (出席会议并在主席台就座的领导有…: seated_list_intro) */
			"会议的领导有", "会议的人员有", "的还有",
			"此次会议的有", /* 参加此次会议的有:(1)市领导:… */
			"本次会议的有", "会议的有", "的有", "人员",
			"人",   /* 出席人:甲、乙 (numbered minutes) */
			"情况", /* 列席情况 | 县领导甲…: a form's field */
			"会议人员", "领导", "单位", "会议",
			"范围" /* 参加范围:甲、乙, a form's field */};
		size_t am = seated_list_intro(d, j, b, seated > 0);
		if (!am)
			am = match_any(d, j, b, after, COUNT(after), NULL);
		size_t j2 = skip_spaces(d, j + am, b);
		int guest = invited;
		size_t n0 = dst->n;
		/* 出席者包括甲、乙及丙: the list follows without a colon */
		static const char *const include[] = {"者包括", "人员包括", "者有"};
		size_t il = match_any(d, j, b, include, COUNT(include), NULL);
		/* 执行主席是甲、乙 / 执行主席为甲、乙 */
		if (presiding && !il && (match(d, j, b, "是") || match(d, j, b, "为")))
			il = 1 + (j + 1 < b && d->cp[j + 1] == ':'); /* 执行主席是:甲 */
		/* 出席投票的委员包括: 甲、乙: who attended, a short clause, then
		 * 包括 and the list */
		if (!il) {
			size_t ie = j + 12 < b ? j + 12 : b, inc = find(d, j, ie, "包括");
			if (inc != NPOS && clause_end(d, j, inc, 0) == inc) {
				il = inc + 2 - j;
				if (j + il < b && d->cp[j + il] == ':')
					il++;
			}
		}
		/* (…就座的领导有县委书记甲，…, 出席会议的有甲、乙, 就座的还有甲、乙: a list after 有 needs
		 * no colon) */
		if (!il && am >= 3 && match(d, j + am - 1, b, "有") && j2 < b && d->cp[j2] != ':')
			il = am;
		if (il) {
			j2 = j + il - 1;
			while (j2 + 1 < b && is_space(d->cp[j2 + 1]))
				j2++;
		}
		if (j2 < b && (d->cp[j2] == ':' || il)) {
			size_t e = b;
			int rc = add_people_list(d, j2 + 1, e, dst, &pp->units, &pp->roles);
			return rc ? rc : guest ? note_guests(pp, n0) : 0;
		}
		/* 执行主席由甲、乙担任: the names between; no list before the
		 * title (开幕会执行主席…: the sitting's name) */
		if (presiding) {
			size_t by = match(d, j, b, "由") ? j + 1 : NPOS,
			       to = by != NPOS ? find(d, by, b, "担任") : NPOS;
			if (to != NPOS && to > by + 1)
				return add_people_list(d, by, to, dst, &pp->units, &pp->roles);
			i = j;
			from = i;
			continue;
		}
		/* the list is before the keyword, back to the last clause that
		 * holds no chairing verb and no earlier keyword */
		size_t s = from;
		for (size_t q = i; q > from;) {
			size_t c = q; /* the comma before q */
			while (c > from && d->cp[c - 1] != ',')
				c--;
			if (c == from)
				break;
			size_t c0 = c - 1; /* the clause before that comma */
			while (c0 > from && d->cp[c0 - 1] != ',')
				c0--;
			/* 刘某请假，吴某列席会议: the absent are no list */
			static const char *const absent[] = {"请假", "缺席"};
			/* 由甲、乙等议员质询, 许县长偕…列席: another verb's agents */
			/* 学习中央、省、市相关会议精神，县领导甲、乙出席: what the
			 * meeting did, a clause of its own */
			static const char *const did[] = {"学习", "传达", "研究", "听取",
							  "审议", "部署", "通报", "贯彻"};
			if (has_any(d, c0, c - 1, chair_verbs, COUNT(chair_verbs)) ||
			    match_any(d, skip_spaces(d, c0, c - 1), c - 1, did, COUNT(did), NULL) ||
			    find(d, c0, c - 1, "由") != NPOS ||
			    has_any(d, c0, c - 1, absent, COUNT(absent)) ||
			    find_date(d, c0, c - 1, &(struct ymd){0}, 0) != NPOS) {
				s = c;
				break;
			}
			q = c - 1;
		}
		/* 决定了大会列席人员: who may attend, the object of a clause that
		 * opens with an agenda verb, no list */
		size_t lc = i; /* the keyword's own clause */
		while (lc > s && d->cp[lc - 1] != ',' && !is_sent_end(d, lc - 1))
			lc--;
		int rc = agenda_verb_at(d, skip_spaces(d, lc, i), i, NULL) != NPOS
				 ? 0
				 : add_people_list(d, s, i - lead, dst, &pp->units, &pp->roles);
		if (rc == 0 && guest)
			rc = note_guests(pp, n0);
		if (rc)
			return rc;
		/* skip 会议 (出席活动: the event) after the keyword and a separator */
		k = j;
		if (match(d, k, b, "了"))
			k++;
		if (match(d, k, b, "会议") || match(d, k, b, "活动"))
			k += 2;
		/* 部分公众代表列席会议(甲、乙、丙): the names in brackets after it */
		if (k < b && d->cp[k] == '(') {
			size_t c = k + 1;
			while (c < b && c - k <= 60 && d->cp[c] != ')')
				c++;
			if (c < b && d->cp[c] == ')' && c > k + 2) {
				int rc2 = add_people_list(d, k + 1, c, dst, &pp->units, &pp->roles);
				if (rc2)
					return rc2;
				k = c + 1;
			}
		}
		/* 参加会议并讲话: what the listed did, no one's name */
		if (match(d, k, b, "并")) {
			size_t ke = k;
			while (ke < b && d->cp[ke] != ',' && !is_sent_end(d, ke))
				ke++;
			if (!has_any(d, k, ke, keys, COUNT(keys)) && find_seat(d, k, ke) == NPOS)
				k = ke;
		}
		while (k < b && (d->cp[k] == ',' || is_space(d->cp[k])))
			k++;
		from = k;
		i = k > i ? k : i + 1;
	}
	return 0;
}

/* 王某指出，…: a paragraph that opens with someone's remarks (its first
 * clause a short subject and a verb of saying) or with the background
 * (近年来), whatever it mentions */
int speaker_remark(const struct doc *d, size_t a, size_t b)
{
	static const char *const say[] = {"指出", "强调", "表示", "要求", "认为", "说"};
	/* 近年来，两院…邀请检察长列席审委会: the background, no one there */
	static const char *const since[] = {"近年来", "多年来", "长期以来", "一直以来", "近年"};
	a = skip_spaces(d, a, b);
	if (match_any(d, a, b, since, COUNT(since), NULL))
		return 1;
	size_t e = a;
	while (e < b && d->cp[e] != ',' && d->cp[e] != ':' && !is_sent_end(d, e))
		e++;
	return e < b && e - a <= 16 && longest_end(d, a, e, say, COUNT(say)) > 0;
}

int leaders_cut_off(const struct doc *d, size_t a, size_t b, struct people *pp)
{
	static const char *const leaders[] = {"县领导", "市领导", "区领导", "旗领导", "州领导"};
	a = skip_spaces(d, a, b);
	size_t l = match_any(d, a, b, leaders, COUNT(leaders), NULL);
	size_t first = find(d, a, b, "、");
	/* 自治区政协副主席甲、乙、丙、: a title before the first name will do */
	if (!l && first != NPOS && first <= a + 24) {
		size_t p = split_role_name(d, a, first, 0);
		if (p != NPOS && p > a && is_title_only(d, a, p))
			l = p - a;
	}
	/* 县委常委、常务副县长甲，副县长乙、丙、: titles, then a name, ending
	 * its clause: the list is read whole, each name after its titles */
	int whole = 0;
	if (!l && first != NPOS) {
		size_t c = a;
		while (c < b && d->cp[c] != ',' && c - a <= 24)
			c++;
		size_t p = c < b && d->cp[c] == ',' ? split_role_name(d, a, c, 0) : NPOS;
		whole = p != NPOS && p > a + 1 && c - p >= 2;
	}
	if ((!l && !whole) || b <= a + l + 2 || first == NPOS)
		return 0;
	for (size_t i = a; i < b; i++)
		if (is_sent_end(d, i))
			return 0;
	/* up to the last 、 and the name after it, at most 4 characters: what
	 * follows (县高新区管委会主任…) was cut with the verb */
	size_t e = b, last = a + l;
	for (size_t i = a + l; i < b; i++)
		if (d->cp[i] == 0x3001)
			last = i;
	for (e = last + 1; e < b && e - last <= 4 && is_han(d->cp[e]); e++)
		;
	return add_people_list(d, a + l, last + 1 + (e - last - 1 <= 3 ? e - last - 1 : 0),
			       &pp->att, &pp->units, &pp->roles);
}

/* Does [a,b) tell someone to attend (各位常委要…参加会议, 务必按时出席)
 * rather than say who did? 要 as a modal: not of 主要, 重要, 需要 … */
static int instruction(const struct doc *d, size_t a, size_t b)
{
	static const char *const modals[] = {"务必", "必须", "应当", "须按时"};
	static const char *const words[] = {"主", "重", "需", "纲", "摘", "概", "简", "只", "必"};
	if (has_any(d, a, b, modals, COUNT(modals)))
		return 1;
	for (size_t p = find(d, a, b, "要"); p != NPOS; p = find(d, p + 1, b, "要"))
		if (p == a || !match_any(d, p - 1, p, words, COUNT(words), NULL))
			return 1;
	return 0;
}

/* People named in a clause of a later paragraph: 局党委委员某某到会并
 * 讲话, 甲、乙等人与会 (a clause that ends with the attending), 会议还特邀
 * 某某院士作讲座 (a guest, with the observers). The opening and the
 * attendance paragraphs are read whole elsewhere. */
int people_in_clauses(const struct doc *d, size_t a, size_t b, struct people *pp)
{
	static const char *const ends[] = {"出席会议", "列席会议", "参加会议", "与会",
					   "到会",     "出席",     "列席"};
	static const char *const then[] = {"并讲话", "并作讲话",     "并发表讲话", "并致辞",
					   "并发言", "并作重要讲话", "并指导"};
	static const char *const invite[] = {"特邀", "邀请"};
	static const char *const does[] = {"进行", "作", "做", "就", "为"};
	/* 县政协主席某某，县委常委，…负责同志参加。: a whole sentence of who
	 * attended, its names in the clauses before the verb */
	static const char *const sentence_ends[] = {
		"参加", "参加会议", "出席会议", "列席会议", "参加学习", "参加调度会", "参加推进会"};
	size_t se = a; /* the end of the sentence i is in (one per sentence) */
	for (size_t i = a; i < b;) {
		size_t e = clause_end(d, i, b, 0), k = e, l;
		i = skip_spaces(d, i, e);
		if (i >= se) {
			se = clause_end(d, i, b, 1);
			/* 大会由某某主持。10日大会的执行主席是:甲、乙。: the
			 * presiding members after the chair's sentence */
			if (presiding_list_at(d, i, se)) {
				int rc = people_in_sentence(d, i, se, pp);
				if (rc)
					return rc;
				i = se + 1;
				continue;
			}
		}
		if (se > e && se - i <= 150 &&
		    longest_end(d, i, se, sentence_ends, COUNT(sentence_ends)) &&
		    !has_any(d, i, se, chair_verbs, COUNT(chair_verbs)) &&
		    !has_any(d, i, se, remark_verbs, COUNT(remark_verbs)) &&
		    agenda_verb_at(d, i, se, NULL) == NPOS && !instruction(d, i, se)) {
			int rc = people_in_sentence(d, i, se, pp);
			if (rc)
				return rc;
			i = se + 1;
			continue;
		}
		if ((l = longest_end(d, i, k, then, COUNT(then))))
			k -= l;
		if (k - i <= 60 && longest_end(d, i, k, ends, COUNT(ends)) &&
		    !has_any(d, i, k, chair_verbs, COUNT(chair_verbs)) && !instruction(d, i, k)) {
			int rc = people_in_sentence(d, i, k, pp);
			if (rc)
				return rc;
		}
		/* (a guest is invited in the clause's first words) */
		size_t v = find_any(d, i, e < i + 10 ? e : i + 10, invite, COUNT(invite), &l);
		if (v != NPOS && v < i + 8) {
			size_t s = v + l, w = find_any(d, s, e, does, COUNT(does), NULL);
			size_t n0 = pp->obs.n;
			/* 定期邀请专家进行指导: a practice to come, and guests of a
			 * kind, no one named */
			static const char *const plan[] = {"定期", "要", "将", "适时", "经常"};
			static const char *const kinds_of[] = {"专家", "学者", "律师",
							       "老师", "嘉宾", "专家学者"};
			int generic =
				w != NPOS && w > s &&
				(match_any(d, s, w, kinds_of, COUNT(kinds_of), NULL) == w - s ||
				 (v >= i + 1 && longest_end(d, i, v, plan, COUNT(plan)) > 0));
			if (w != NPOS && w > s + 1 && w - s <= 12 && !generic) {
				int rc = add_person(d, s, w, &pp->obs, &pp->units, &pp->roles);
				if (!rc)
					rc = note_guests(pp, n0);
				if (rc)
					return rc;
			}
		}
		i = e + 1;
	}
	return 0;
}

/* Does [a,b) open with a list of offices and titles (甲成员、乙书记、丙委员
 * …: four items or more in its first clause, none longer than 10, two in
 * three ending as a unit or a title does)? */
int listed_offices(const struct doc *d, size_t a, size_t b)
{
	size_t e = clause_end(d, a, b, 0), n = 0, good = 0, s = a;
	for (size_t i = a; i <= e; i++) {
		if (i < e && d->cp[i] != 0x3001)
			continue;
		if (i - s > 10 || i == s)
			return 0;
		size_t ts = s, te = i;
		trim(d, &ts, &te);
		good += is_unit(d, ts, te) || longest_end(d, ts, te, title_ends, COUNT(title_ends));
		n++;
		s = i + 1;
	}
	return n >= 4 && good * 3 >= n * 2;
}

/* Does a list of a session's presiding members open at i: 大会执行主席是
 * 甲、乙, 10日大会的执行主席是:甲、乙 (the sitting's day before it)? */
int presiding_list_at(const struct doc *d, size_t i, size_t b)
{
	static const char *const presiding[] = {"执行主席是", "执行主席为",
						"执行主席:", "执行主席由"};
	size_t k = i;
	while (k < b && k < i + 3 && is_digit(d->cp[k]))
		k++;
	if (k > i && !match(d, k, b, "日"))
		return 0;
	k += k > i;
	/* (本次会议的执行主席是: a sitting's) */
	static const char *const whose[] = {"本次会议", "本次大会", "这次会议", "这次大会",
					    "此次会议", "此次大会", "大会",     "会议"};
	k += match_any(d, k, b, whose, COUNT(whose), NULL);
	k += match(d, k, b, "的");
	return match_any(d, k, b, presiding, COUNT(presiding), NULL) > 0;
}

/* 县领导甲、乙等参加各代表团的讨论, 市领导甲、乙参加了经济界联组讨论:
 * leaders who sat in on a session's groups, in the paragraph's first
 * sentence: 参加, then 讨论 or 审议 in the same clause. */
static int joins_discussion(const struct doc *d, size_t a, size_t b)
{
	size_t e = a;
	while (e < b && !is_sent_end(d, e))
		e++;
	size_t k = find(d, a, e, "参加");
	if (k == NPOS || k < a + 4)
		return 0;
	size_t ce = clause_end(d, k, e, 0);
	size_t t = find(d, k + 2, ce, "讨论");
	if (t == NPOS)
		t = find(d, k + 2, ce, "审议");
	return t != NPOS && t - k <= 16 && agenda_verb_at(d, a, k, NULL) == NPOS;
}

/* Is paragraph [a,b) about attendance only? */
int is_attendance(const struct doc *d, size_t a, size_t b)
{
	static const char *const keys[] = {
		"出席", "列席", "参加会议", "参会", "到会祝贺", "参加此次会议", "参加本次会议",
		/* (and seats on the rostrum: seat_at) */
		"到会指导", /* 督查组组长甲，成员乙、丙到会指导 */
		"参加了会议", "参加了座谈会", "参加座谈会", "参加学习",
		"参加了学习", /* a study session's */
		"参加调度会", "参加推进会", "参加专题会",
		/* a delegation's plenary (代表甲、乙等参加审议), a lecture's
		 * audience (区领导甲、乙等聆听讲座) */
		"参加审议", "参加讨论", "聆听",
		/* minutes' fields: 参加人员:甲、乙 */
		"参加人员:", "参会人员:",
		/* 各部门负责人在主会场参加会商 */
		"在主会场参加", "在分会场参加", "收听收看", "收看收听",
		"参加范围" /* a form's field: 参加范围:副区长甲、乙 */};
	if (speaker_remark(d, a, b))
		return 0;
	/* (…参加各代表团的审议: the leaders' list, whatever verb ends it) */
	if (b - a < 200 && joins_discussion(d, a, b))
		return 1;
	if (agenda_verb_at(d, a, b, NULL) != NPOS)
		return 0;
	size_t i = skip_spaces(d, a, b);
	i += item_marker(d, i, b); /* 三、出席:… in numbered minutes */
	if (match_any(d, i, b, keys, COUNT(keys), NULL) || seat_at(d, i, b))
		return 1;
	if (presiding_list_at(d, i, b))
		return 1;
	/* 组织参会人员学习了…, 随后,参会人员围绕…交流, 某局参会领导进行了交流
	 * 发言: 参会人员 as who did something, no list of who attended
	 * (参会人员有:, 参会人员包括 are) */
	static const char *const doers[] = {"参会人员", "参会领导", "参会同志",
					    "参会代表", "参会常委", "参会委员"};
	int keyed = 0;
	size_t seat = find_seat(d, a, b);
	keyed = seat != NPOS;
	for (size_t k = find_any(d, a, b, keys, COUNT(keys), NULL), m; k != NPOS && !keyed;
	     k = find_any(d, k + 1, b, keys, COUNT(keys), NULL)) {
		static const char *const lists[] = {"有", "包括", ":", "为"};
		m = match_any(d, k, b, doers, COUNT(doers), NULL);
		keyed = !m || match_any(d, k + m, b, lists, COUNT(lists), NULL);
	}
	/* 会议还对…工作进行了部署。会上…参加了会议。: an item first, the
	 * people after it */
	size_t s1 = a;
	while (s1 < b && !is_sent_end(d, s1))
		s1++;
	int item_first = s1 < b && match(d, i, b, "会议") &&
			 !has_any(d, i, s1, keys, COUNT(keys)) && !(seat != NPOS && seat < s1) &&
			 find(d, i, s1, "主持") == NPOS;
	if (b - a < 200 && keyed && !item_first &&
	    !has_any(d, a, b, remark_verbs, COUNT(remark_verbs)))
		return 1;
	/* 主任某、副主任某…出席会议。then the long list of offices that
	 * 列席: the first sentence says what the paragraph is */
	size_t e = a;
	while (e < b && !is_sent_end(d, e))
		e++;
	static const char *const ends[] = {"出席会议",   "列席会议",     "参加会议",
					   "出席",       "列席",         "参加",
					   "参加了会议", "参加了座谈会", "参加座谈会"};
	int said = 0;
	for (size_t t = 0; t < COUNT(ends) && !said; t++)
		said = ends_with(d, a, e, ends[t], NULL);
	for (size_t k = e > a + 14 ? e - 14 : a; k < e && !said; k++)
		said = seat_at(d, k, e) == e - k; /* …在主席台前排就座。 */
	/* 甲、乙等县领导参加预备会议。: the key, then the sitting's short
	 * name (a 会 or 会议 at most eight characters on) */
	static const char *const joined[] = {"出席", "列席", "参加"};
	for (size_t k = e > a + 12 ? e - 12 : a; k + 2 < e && !said; k++) {
		if (!match_any(d, k, e, joined, COUNT(joined), NULL))
			continue;
		size_t q = k + 2 + match(d, k + 2, e, "了");
		said = q + 1 < e && e - q <= 8 && count_han(d, q, e) == e - q &&
		       (ends_with(d, q, e, "会议", NULL) || ends_with(d, q, e, "会", NULL));
	}
	/* 大会由某某主持。12日大会的执行主席是:甲、乙。: who presided, then the
	 * session's presiding members */
	if (e < b && e - a <= 40 &&
	    (ends_with(d, a, e, "主持", NULL) || ends_with(d, a, e, "主持会议", NULL) ||
	     ends_with(d, a, e, "主持大会", NULL)) &&
	    (presiding_list_at(d, skip_spaces(d, e + 1, b), b) ||
	     match(d, skip_spaces(d, e + 1, b), b, "大会主席团执行主席")))
		return 1;
	/* 市委书记某某主持并讲话。市长某某，…参加。: who chaired, then who
	 * attended, a paragraph of people */
	{
		static const char *const chaired[] = {"主持并讲话", "主持会议并讲话", "主持",
						      "主持会议"};
		int ch = 0;
		for (size_t t = 0; t < COUNT(chaired) && !ch; t++)
			ch = ends_with(d, a, e, chaired[t], NULL);
		size_t n1 = e < b ? skip_spaces(d, e + 1, b) : b;
		if (ch && e - a <= 30 && n1 < b &&
		    !has_any(d, a, e, remark_verbs, COUNT(remark_verbs)) && is_attendance(d, n1, b))
			return 1;
	}
	/* 上午9时,大会在国歌声中开幕。甲、乙在主席台前排就座。…: the sitting
	 * opens, then who sat on the rostrum */
	{
		size_t n1 = e < b ? skip_spaces(d, e + 1, b) : b;
		if (e - a <= 40 && ends_with(d, a, e, "开幕", NULL) && n1 < b &&
		    !has_any(d, a, e, remark_verbs, COUNT(remark_verbs)) && is_attendance(d, n1, b))
			return 1;
	}
	/* 李某讲话,王某主持会议。: a short line of who spoke and who chaired */
	if (e - a <= 30 && skip_spaces(d, e + 1, b) >= b && ends_with(d, a, e, "主持会议", NULL) &&
	    !has_any(d, a, e, remark_verbs, COUNT(remark_verbs)))
		return 1;
	return e < b && e - a < 200 && said &&
	       !has_any(d, a, e, remark_verbs, COUNT(remark_verbs)) &&
	       !has_any(d, e, b, remark_verbs, COUNT(remark_verbs));
}
