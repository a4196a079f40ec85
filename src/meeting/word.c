/* word.c: the word that names a meeting (会议, or a short name that does
 * without it: 周例会, 调度会, 局务会 …), found in a span of the folded view.
 * name.c, group.c, parse.c and place.c look for it; it depends on none
 * of them. */
#include "parse_int.h"

/* Short names of meetings that do without 会议 (县长周例会, 市长碰头会). */
static const char *const short_meetings[] = {
	"周例会", "月例会", "例会", "碰头会", "办公会", "调度会", "主管月报", "主管周报",
	"主管会报", "业务会报", "县务会议", "动员部署会", "推进部署会", "部署动员会", "务虚研讨会",
	"部署会", "动员会", "工作会", "推进会", "座谈会", "对接会", "专题会", "学习会", "预备会",
	"研讨会", "分析会", "汇报会", "协调会", "务虚会", "评议会", "全委会", "总结会", "联席会",
	"会商会", "主席会", "民主生活会",
	"会办会", /* 筹备工作会办会: a consultation on a matter (Jiangsu) */
	/* 县政府第59次常务会: the executive meeting's short name */
	"常务会", "全体会", /* 区政府召开全体会， */
	"冲刺会", "推进大会", "总河长会", "推进工作会", "现场办公会", "现场会",
	"过堂会", /* 重点部门工作过堂会: each department's work reviewed in turn */
	"主题年会", "年会", /* a joint party committee's yearly meeting */
	/* a court's and a procuratorate's committees meet under their names */
	"审判委员会", "检察委员会", "居民代表大会",
	/* an office's own meeting (局务会, 委务会) */
	"局务会", "委务会", "院务会", "厅务会", "所务会", "校务会", "部务会",
	/* the office's meeting enlarged, as written (局务扩大会) */
	"局务扩大会", "局务(扩大)会", "部务扩大会",
	/* a party committee's standing committee enlarged (县委常委(扩大)会暨…,
	 * 区委常委会扩大会暨…分析会) */
	"常委会扩大会", "常委会(扩大)会", "常委(扩大)会", "常委扩大会",
	/* a party group's meeting enlarged (区政协党组(扩大)会暨…主席会议) */
	"党组(扩大)会", "党组扩大会",
	/* a Taiwan council's sessions (縣議會第二十屆第六次定期會) */
	"定期会", "临时会",
	/* rallies of a type */
	"民主测评大会", "动员大会", "成立大会", "表彰大会", "誓师大会", "党员大会", "干部大会",
	"干部职工大会", "职工大会",
	/* party secretaries report on their year (抓党建工作述职大会) */
	"述职评议大会", "双述双评大会", "述职大会", "述职评议会", "述职会"};

/* 中心组举行2021年度第3次集体学习研讨，…: a study session named without
 * 会, its count or year, then what holds it (举行, 开展, 组织 …, or the
 * study group itself) before them, ending its clause. Its length at i, or
 * 0. */
static size_t study_session(const struct doc *d, size_t from, size_t i, size_t end)
{
	static const char *const studies[] = {"集体学习研讨", "集中交流研讨", "集体学习",
					      "集中学习", "学习研讨"};
	static const char *const hold[] = {"举行", "开展", "进行", "组织", "召开"};
	size_t k = match_any(d, i, end, studies, COUNT(studies), NULL);
	if (!k || !(i + k == end || is_clause_end(d, i + k)))
		return 0;
	size_t j = i;
	/* (a count or a year at least: 举行集体学习 alone may be a headline's,
	 * above the opening that names the session; or the study group
	 * holding it: 区委理论学习中心组开展集体学习研讨) */
	if (!(j > from && (d->cp[j - 1] == 0x6B21 /* 次 */ || d->cp[j - 1] == 0x5E74 /* 年 */ ||
			   match(d, j - 1, end, "度")))) {
		for (size_t h = 0; h < COUNT(hold); h++)
			if (j >= from + 5 && match(d, j - 2, end, hold[h]) &&
			    match(d, j - 5, end, "中心组"))
				return k;
		return 0;
	}
	if (j > from && d->cp[j - 1] == 0x6B21 /* 次 */) { /* 第3次, 2021年度第3次 */
		j--;
		while (j > from && (is_digit(d->cp[j - 1]) || cn_digit(d->cp[j - 1]) >= 0 ||
				    cn_unit(d->cp[j - 1])))
			j--;
		if (j > from && match(d, j - 1, end, "第"))
			j--;
	}
	if (j >= from + 2 && match(d, j - 2, end, "年度"))
		j -= 2;
	else if (j > from && match(d, j - 1, end, "年"))
		j--;
	while (j > from && is_digit(d->cp[j - 1]))
		j--;
	for (size_t h = 0; h < COUNT(hold); h++)
		if (j >= from + 2 && match(d, j - 2, end, hold[h]))
			return k;
	/* 县委理论学习中心组2021年第四次集中学习: the group holds it */
	if (j >= from + 3 && j < i && match(d, j - 3, end, "中心组"))
		return k;
	return 0;
}

/* The word naming a meeting: 会议 (not 会议室, 会议厅, 会议中心, nor
 * 召开会议), or one of short_meetings not followed by 议. Returns its
 * start and its length in *len, or NPOS. */
size_t find_meeting_word(const struct doc *d, size_t from, size_t end, size_t *len)
{
	/* 会议室, 会议精神, 在…会议上的讲话: no meeting of this readout */
	/* (本会议事堂: the council's chamber, 本会 + 议事堂) */
	static const char *const rooms[] = {"室",   "厅", "中心", "楼",  "大厅",
					    "精神", "上", "事堂", "事录"};
	static const char *const verbs[] = {"主持", "出席", "列席", "参加", "参会",
					    "召开", "举行", "学习", "传达"};
	for (size_t i = from; i + 1 < end; i++) {
		size_t k;
		if (match(d, i, end, "会议事录") && i > from && d->cp[i - 1] == 0x5927 /* 大 */) {
			*len = 2; /* 临时大会议事录: the 大会's record, 大会 + 议事录 */
			return i - 1;
		} else if (match(d, i, end, "会议") && i >= from + 4 &&
			   match(d, i - 4, end, "政治协商")) {
			continue; /* 中国人民政治协商会议: a body's name */
		} else if (match(d, i, end, "会议员")) {
			continue; /* 立法会议员, 区议会议员: a council's members */
		} else if (match(d, i, end, "学习(扩大)会") &&
			   (i + 7 == end || is_clause_end(d, i + 7) || match(d, i + 7, end, "议") ||
			    match(d, i + 7, end, "召开") || match(d, i + 7, end, "举行") ||
			    match(d, i + 7, end, "在"))) {
			/* 党组第四次政治理论学习(扩大)会在…举行, 中心组第17次集体学
			 * 习(扩大)会召开: a study session enlarged */
			*len = 7 + match(d, i + 7, end, "议");
			return i;
		} else if (match(d, i, end, "定期大会") && !match(d, i + 4, end, "第")) {
			/* 县议会第7届第7次定期大会: a council's regular session (定期
			 * 大会第二次会议 is a sitting of it, read below) */
			*len = 4;
			return i;
		} else if (match(d, i, end, "会议") && i > from &&
			   d->cp[i - 1] == 0x8BAE /* 议 */ && !match(d, i + 2, end, "会")) {
			continue; /* 县议会议案审查: the council's 会, then 议案 */
		} else if (match(d, i, end, "会议")) {
			int bare_verb = 0;
			for (size_t v = 0; v < COUNT(verbs) && i >= from + 2; v++)
				bare_verb |= match(d, i - 2, end, verbs[v]) == 2;
			/* 中心组(扩大)学习会议 is a meeting's name */
			static const char *const study_kinds[] = {"集中", "专题", "集体"};
			if (bare_verb && i >= from + 3 && match(d, i - 2, end, "学习") &&
			    (d->cp[i - 3] == ')' || match(d, i - 3, end, "组") ||
			     match(d, i - 3, end, "次") || /* 第4次集中学习会议 */
			     (i >= from + 4 &&
			      match_any(d, i - 4, end, study_kinds, COUNT(study_kinds), NULL))))
				bare_verb = 0;
			/* 召开某县第十五次代表大会第三次会议、…“三会”筹备工作部署会:
			 * a meeting in a list is one the meeting prepares */
			/* (but 召开市政府党组会议、常务会议和学习会: meetings held
			 * together, the first the readout's) */
			int listed = i + 2 < end && d->cp[i + 2] == 0x3001;
			if (listed) {
				/* (…一次会议、某政协…一次会议的党员会议: the list
				 * says which meetings the readout's is about) */
				static const char *const prepares[] = {"筹备", "准备", "的"};
				size_t ce = clause_end(d, i + 3, end, 0);
				listed = find_any(d, i + 3, ce, prepares, COUNT(prepares), NULL) !=
					 NPOS;
			}
			/* 在镇政府会议一室召开: a numbered room */
			size_t r = i + 2;
			while (r < end && r - i < 5 &&
			       (cn_digit(d->cp[r]) >= 0 || is_digit(d->cp[r])))
				r++;
			if (r > i + 2 && match_any(d, r, end, rooms, 2, NULL))
				listed = 1;
			if (!match_any(d, i + 2, end, rooms, COUNT(rooms), NULL) && !bare_verb &&
			    !listed) {
				*len = 2;
				return i;
			}
		} else if ((k = match_any(d, i, end, short_meetings, COUNT(short_meetings),
					  NULL)) &&
			   !match(d, i + k, end, "议") &&
			   /* 审判委员会委员某某: a member, no meeting */
			   !match(d, i + k, end, "委员") && !match(d, i + k, end, "成员") &&
			   !match(d, i + k, end, "报") && /* 局务会报 */
			   /* 筹备工作会办会: the 会 opens the 会办会 */
			   !match(d, i + k - 1, end, "会办会") &&
			   /* 部务会理论学习中心组…学习会: the group's meeting */
			   !match(d, i + k, end, "理论学习") && !match(d, i + k, end, "中心组")) {
			/* 院长办公会扩大会议: the meeting enlarged; 审判委员会会议 */
			static const char *const enlarged[] = {"扩大会议", "(扩大)会议", "会议"};
			size_t x = match_any(d, i + k, end, enlarged, COUNT(enlarged), NULL);
			if (x == 2 && !match(d, i + k - 3, end, "委员会"))
				x = 0;
			*len = k + x;
			return i;
		} else if ((match(d, i, end, "常委(扩大)会") || match(d, i, end, "党委(扩大)会")) &&
			   (i + 7 == end || d->cp[i + 7] == ',' || is_sent_end(d, i + 7))) {
			*len = 7; /* 主持召开县委常委(扩大)会，…, 第6次党委(扩大)会， */
			return i;
		} else if ((match(d, i, end, "常委会") || match(d, i, end, "党委会")) &&
			   (i + 3 == end || d->cp[i + 3] == ',' || is_sent_end(d, i + 3) ||
			    /* 县政协十一届十九次常委会、…专题协商会召开: the first of
			     * meetings held together, counted */
			    (i > from && d->cp[i - 1] == 0x6B21 /* 次 */ &&
			     (d->cp[i + 3] == 0x3001 || match(d, i + 3, end, "暨"))) ||
			    ((match(d, i + 3, end, "召开") || match(d, i + 3, end, "举行")) &&
			     (i + 5 == end || d->cp[i + 5] == ',' || is_sent_end(d, i + 5))))) {
			/* 主持召开区委常委会，…, 召开第二十一次党委会，, 州政协十一届
			 * 二十九次常委会召开。 */
			*len = 3;
			return i;
		} else if (match(d, i, end, "全会") && i > from &&
			   d->cp[i - 1] == 0x6B21 /* 次 */ &&
			   (i + 2 == end || is_clause_end(d, i + 2) || match(d, i + 2, end, "暨") ||
			    /* 市委三届十三次全会召开 */
			    match(d, i + 2, end, "召开") || match(d, i + 2, end, "举行"))) {
			*len = 2; /* 区政府第三次全会暨…调度会: a numbered plenary (三中全会
				   * is a party's, no 次 before it) */
			return i;
		} else if (match(d, i, end, "大会") && i > from &&
			   d->cp[i - 1] == 0x6B21 /* 次 */ &&
			   (i + 2 == end || is_clause_end(d, i + 2))) {
			*len = 2; /* 召开新一届任期首次大会，, 第三次大会: a council's
				   * numbered sitting */
			return i;
		} else if (match(d, i, end, "党代会") && i > from &&
			   d->cp[i - 1] == 0x6B21 /* 次 */ &&
			   (i + 3 == end || is_clause_end(d, i + 3) ||
			    match(d, i + 3, end, "召开") || match(d, i + 3, end, "胜利召开"))) {
			*len = 3; /* 召开了第一次党代会，: a party congress named short */
			return i;
		} else if (match(d, i, end, "大会") && i >= from + 2 &&
			   (i + 2 == end || is_clause_end(d, i + 2)) &&
			   !match(d, i - 2, end, "代表") && match(d, i - 2, end, "精神")) {
			*len = 2; /* 召开学习贯彻…会议精神大会, */
			return i;
		} else if ((k = match(d, i, end, "党委会") ? 3 : match(d, i, end, "党委扩大会")) &&
			   i >= from + 2 &&
			   (match(d, i - 2, end, "召开") ||
			    (i >= from + 3 && match(d, i - 3, end, "召开")))) {
			/* 市局召开党委会传达学习…, 某镇召开党委扩大会传达…: the
			 * meeting, then what it did */
			static const char *const did[] = {"传达", "学习", "研究", "审议",
							  "听取", "专题", "部署"};
			if (match_any(d, i + k, end, did, COUNT(did), NULL)) {
				*len = k;
				return i;
			}
		} else if ((k = study_session(d, from, i, end))) {
			*len = k;
			return i;
		}
	}
	return NPOS;
}

size_t ends_short_meeting(const struct doc *d, size_t a, size_t b)
{
	size_t k = 0;
	for (size_t t = 0; t < COUNT(short_meetings) && !k; t++)
		ends_with(d, a, b, short_meetings[t], &k);
	return k;
}
