/* organ.c: organs written under a longer name, made the short organ the
 * README's labels use, with their place split off: a youth league
 * committee (共青团某县委员会, 共青团某县 → 团县委 + 某县). place.c calls
 * these before it looks for the place elsewhere. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

int organ_set(struct hy_meeting *m, struct buf *o, const struct doc *b, size_t pa, size_t pe,
	      int rc)
{
	char *place = NULL;
	if (!rc && !m->place && !(place = doc_str(b, pa, pe)))
		rc = HY_ERR_NOMEM;
	if (rc) {
		free(o->s);
		return rc;
	}
	set_str(&m->body, o->s);
	if (place)
		m->place = place;
	return 0;
}

int set_place_body(struct hy_meeting *m, const struct doc *b, size_t pa, size_t pb, size_t ba,
		   size_t bb)
{
	char *place = doc_str(b, pa, pb), *body = doc_str(b, ba, bb);
	if (!place || !body) {
		free(place);
		free(body);
		return HY_ERR_NOMEM;
	}
	free(m->body);
	free(m->place);
	m->body = body;
	m->place = place;
	return 0;
}

/* 共青团靖边县委员会, 共青团某市 (the term and number already gone): the
 * 团县委 (团市委, 团区委, 团旗委) of the place named, in the text's
 * script. Sets m->place when it was unknown. 0 or HY_ERR_NOMEM. */
int league_body(struct hy_meeting *m)
{
	if (!m->body)
		return 0;
	struct doc b;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t p = match(&b, 0, b.n, "共青团");
	size_t e = b.n, tail = 0;
	if (p && ends_with(&b, p, e, "委员会", &tail))
		e -= tail;
	else if (p && ends_with(&b, p, e, "委", &tail))
		e -= tail;
	static const char *const levels[] = {"县", "市", "区", "旗", "州"};
	size_t lv = p && e >= p + 3 ? longest_end(&b, p, e, levels, COUNT(levels)) : 0;
	int rc = 0;
	if (lv && count_han(&b, p, e) == e - p) {
		struct buf o = {0};
		/* 团 of 共青团, the level, 委 (of 委员会 or written alone, else
		 * our own: output, not a pattern) */
		rc = buf_add(&o, b.s + b.off[2], b.off[3] - b.off[2]) ||
		     buf_add(&o, b.s + b.off[e - 1], b.off[e] - b.off[e - 1]);
		if (!rc)
			rc = tail ? buf_add(&o, b.s + b.off[e], b.off[e + 1] - b.off[e])
				  : buf_add(&o, "\xe5\xa7\x94", 3);
		rc = organ_set(m, &o, &b, p, e, rc);
	}
	doc_free(&b);
	return rc;
}

/* 某市某乡妇女代表大会, 某乡党代表大会: a congress of a group (not the
 * people's congress, whose body keeps its level) held in a place: the
 * congress, the place the smallest named before it (某乡). 0 or
 * HY_ERR_NOMEM. */
int congress_body(struct hy_meeting *m)
{
	if (!m->body || m->place)
		return 0;
	struct doc b;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	size_t cl = 0, lv = 0, from = 0;
	int rc = 0;
	if (ends_with(&b, 0, b.n, "代表大会", &cl) && b.n > cl + 3 && b.n <= 24 &&
	    count_han(&b, 0, b.n) == b.n) {
		/* the last level before the congress's name, and the one before it */
		for (size_t i = 1; i + cl < b.n; i++) {
			size_t l =
				match_any(&b, i, b.n - cl, place_levels, COUNT(place_levels), NULL);
			if (l) {
				if (lv)
					from = lv;
				lv = i + l;
				i += l - 1;
			}
		}
	}
	/* the congress: 妇女代表大会, 党代表大会, not 人民代表大会 (人大) */
	if (lv && lv - from >= 2 && b.n - cl - lv >= 1 && b.n - cl - lv <= 3 &&
	    !match(&b, lv, b.n, "人民")) {
		rc = set_place_body(m, &b, from, lv, lv, b.n);
	}
	doc_free(&b);
	return rc;
}

/* 县十六届人大三次会议, 某县人大预备会议, 某市人大代表团召集人会议: the
 * congress in session, its sittings and its delegations' conveners, is the
 * 人民代表大会 (the labels' and most pages' name for it), not the 人大 that
 * also names its standing committee's office; in the text's script.
 * 0 or HY_ERR_NOMEM. */
int congress_in_session(struct hy_meeting *m)
{
	if (!m->body || !m->kind)
		return 0;
	struct doc b, k;
	if (doc_init_body_kind(&b, &k, m))
		return HY_ERR_NOMEM;
	static const char *const levels[] = {"县", "市", "区", "旗", "州", "镇", "乡"};
	static const char *const sittings[] = {"人民代表大会会议", "预备会议",
					       "大会预备会议",     "预备会",
					       "召集人会议",       "代表团召集人会议"};
	int short_name = b.n == 3 && match_any(&b, 0, 1, levels, COUNT(levels), NULL) &&
			 match(&b, 1, b.n, "人大");
	/* 县十七届人代会三次会议, 镇十五届人大会七次会议: the session's own
	 * short names, a bare 会议 after them its sitting */
	int session = b.n == 4 && match_any(&b, 0, 1, levels, COUNT(levels), NULL) &&
		      (match(&b, 1, b.n, "人代会") || match(&b, 1, b.n, "人大会"));
	int sitting = session && span_eq(&k, 0, k.n, "会议");
	for (size_t t = 0; t < COUNT(sittings) && !sitting; t++)
		sitting = span_eq(&k, 0, k.n, sittings[t]);
	int rc = 0;
	/* (人民代表大會 on a traditional page: output, no pattern) */
	int trad = traditional(m->body) || traditional(m->kind);
	const char *congress = trad ? "人民代表大\xe6\x9c\x83" : "人民代表大会";
	if (session && sitting && span_eq(&k, 0, k.n, "会议")) {
		/* (its sitting: the congress's 会议) */
		char *kind = str_join(congress, strlen(congress), m->kind);
		if (!kind)
			rc = HY_ERR_NOMEM;
		else
			set_str(&m->kind, kind);
	}
	if (!rc && (short_name || session) && sitting) {
		char *o = str_join(m->body, b.off[1], congress);
		if (!o)
			rc = HY_ERR_NOMEM;
		else
			set_str(&m->body, o);
	}
	doc_free(&k);
	doc_free(&b);
	return rc;
}

/* A body under its formal name: 中国共产党乌审旗委员会 is the 旗委 of 乌审旗,
 * 中国人民政治协商会议某县委员会 the 县政协, in the text's own script. */
int formal_body(struct hy_meeting *m)
{
	struct doc b;
	int rc = doc_init(&b, m->body, strlen(m->body));
	if (rc)
		return rc;
	/* 政协某县第十三届委员会常务委员会召开第三次会议: the standing
	 * committee of that 县政协, whose meeting is a 常委会会议 */
	static const char *const heads[] = {"中国人民政治协商会议", "政协", "中国共产党"};
	/* (…常务委员会召开第二十四次(扩大)会议: its 常委会(扩大)会议) */
	int enlarged = 0, bare = !m->kind;
	if (m->kind) {
		struct doc k;
		if (doc_init(&k, m->kind, strlen(m->kind))) {
			doc_free(&b);
			return HY_ERR_NOMEM;
		}
		enlarged = span_eq(&k, 0, k.n, "(扩大)会议");
		bare = span_eq(&k, 0, k.n, "会议"); /* 會議 too */
		doc_free(&k);
	}
	if (match_any(&b, 0, b.n, heads, COUNT(heads), NULL) &&
	    ends_with(&b, 0, b.n, "委员会常务委员会", NULL) && (bare || enlarged)) {
		/* (常委會 on a traditional page: output, no pattern) */
		char *k = !enlarged              ? strdup(traditional(m->body)
								  ? "常委\xe6\x9c\x83\xe6\x9c\x83\xe8\xad\xb0"
								  : "常委会会议")
			  : traditional(m->kind) ? str_join("常委\xe6\x9c\x83", 9, m->kind)
						 : str_join("常委会", 9, m->kind);
		if (!k) {
			doc_free(&b);
			return HY_ERR_NOMEM;
		}
		set_str(&m->kind, k);
		m->body[strlen(m->body) - strlen("常务委员会")] = '\0'; /* 3 bytes a character */
		doc_free(&b);
		if ((rc = doc_init(&b, m->body, strlen(m->body))))
			return rc;
	}
	/* 中国共产党某县委员会第十二届委员会 (the term gone): the committee
	 * said twice is one */
	if (b.n > 6 && ends_with(&b, 0, b.n, "委员会委员会", NULL)) {
		m->body[b.off[b.n - 3]] = '\0';
		doc_free(&b);
		if ((rc = doc_init(&b, m->body, strlen(m->body))))
			return rc;
	}
	size_t p = match(&b, 0, b.n, "中国共产党");
	size_t cppcc = p ? 0 : match(&b, 0, b.n, "中国人民政治协商会议");
	size_t cppcc_short = p || cppcc ? 0 : match(&b, 0, b.n, "政协"); /* 政协某县委员会 */
	size_t from = p ? p : cppcc ? cppcc : cppcc_short;
	/* 政协第十三届全国委员会, 中国人民政治协商会议全国委员会: 全国政协 */
	if ((cppcc || cppcc_short) && span_eq(&b, from, b.n, "全国委员会")) {
		struct buf o = {0};
		rc = buf_add(&o, b.s + b.off[from], b.off[from + 2] - b.off[from]) ||
				     (cppcc ? buf_add(&o, b.s + b.off[4], b.off[5] - b.off[4]) ||
						      buf_add(&o, b.s + b.off[6],
							      b.off[7] - b.off[6])
					    : buf_add(&o, b.s, b.off[2]))
			     ? HY_ERR_NOMEM
			     : 0;
		doc_free(&b);
		if (rc) {
			free(o.s);
			return rc;
		}
		set_str(&m->body, o.s);
		return 0;
	}
	/* 政协某某省委员会, 中国共产党某某省委员会: the province's 省政协 or
	 * 省委 (省 is no level of place_levels), the place 某某省 */
	size_t pv = from && b.n >= from + 6 && ends_with(&b, from, b.n, "委员会", NULL)
			    ? match_any(&b, from, b.n, provinces, COUNT(provinces), NULL)
			    : 0;
	if (pv && from + pv + 4 == b.n && match(&b, from + pv, b.n, "省")) {
		struct buf o = {0};
		rc = buf_add(&o, "省", strlen("省"));
		if (!rc)
			rc = buf_add(&o, p ? "委" : "政协", strlen(p ? "委" : "政协"));
		rc = organ_set(m, &o, &b, from, from + pv + 1, rc);
		doc_free(&b);
		return rc;
	}
	size_t ll = 0, e = b.n - 3;
	if (from && b.n >= from + 5 && ends_with(&b, from, b.n, "委员会", NULL))
		ll = longest_end(&b, from, e, place_levels, COUNT(place_levels));
	/* 政协通山县十届十六次常委会议: the short name, the place after it */
	if (!ll && cppcc_short && b.n >= from + 2) {
		e = b.n;
		ll = longest_end(&b, from, e, place_levels, COUNT(place_levels));
	}
	if (ll && e - from > ll) {
		size_t lv = e - ll;
		/* 政协某某自治区委员会: the region's 自治区政协 (a county's
		 * 自治县 is a 县) */
		if (lv >= from + 3 && match(&b, lv, e, "区") && match(&b, lv - 2, e, "自治"))
			lv -= 2;
		struct buf o = {0};
		rc = buf_add(&o, b.s + b.off[lv], b.off[e] - b.off[lv]);
		if (!rc && cppcc) /* 政 and 协 of 政治协商 */
			rc = buf_add(&o, b.s + b.off[4], b.off[5] - b.off[4]) ||
			     buf_add(&o, b.s + b.off[6], b.off[7] - b.off[6]);
		else if (!rc && cppcc_short)
			rc = buf_add(&o, b.s, b.off[2]);
		else if (!rc)
			rc = buf_add(&o, b.s + b.off[e], b.off[e + 1] - b.off[e]); /* 委 */
		/* 重庆市渝中区: the place is the smallest, 渝中区 */
		size_t pf = from;
		for (size_t i = from + 1; i + 2 < lv; i++) {
			size_t l2 = match_any(&b, i, lv, place_levels, COUNT(place_levels), NULL);
			if (l2 && lv - (i + l2) >= 2)
				pf = i + l2;
		}
		rc = organ_set(m, &o, &b, pf, e, rc);
	}
	doc_free(&b);
	return rc;
}

/* Segments of a place chain from i to the end of b, each a name of two to
 * five Han characters and its level; the start of the last, or NPOS. A
 * split is tried before a long last name (陕西某州区某某镇: the 区, then the
 * 镇), the longest first name first (苏州市 before 苏州). */
static size_t chain_rest(const struct doc *b, size_t i, int segs)
{
	size_t last = NPOS;
	for (size_t q = i + 5 < b->n ? i + 5 : b->n - 1; q >= i + 2; q--) {
		size_t l = match_any(b, q, b->n, place_levels, COUNT(place_levels), NULL);
		if (!l)
			continue;
		if (q + l == b->n) {
			if (segs >= 1)
				last = i;
			continue;
		}
		size_t r = chain_rest(b, q + l, segs + 1);
		if (r != NPOS)
			return r;
	}
	return last;
}

/* A place named after the places it lies in (苏州市北桥街道, 某某区某某街道,
 * 陕西某某区某某镇: a province's short name first, then a name and its level,
 * twice or more): the start of the smallest, the last, or NPOS. */
size_t place_chain(const struct doc *b)
{
	if (b->n < 6 || count_han(b, 0, b->n) != b->n)
		return NPOS;
	size_t i = match_any(b, 0, b->n, provinces, COUNT(provinces), NULL);
	int segs = i > 0;
	if (i && (match(b, i, b->n, "省") || match(b, i, b->n, "市"))) /* 上海市宝山区 */
		i++;
	return chain_rest(b, i, segs);
}

/* 某镇召开党委扩大会: a town convening its party committee's meeting names
 * the organ in the kind: the 镇党委 (乡党委), the level in the place's
 * script; 某街道召开党工委(扩大)会议 the 街道党工委. 0 or HY_ERR_NOMEM. */
int town_party(struct hy_meeting *m)
{
	struct doc p, k;
	if (doc_init(&p, m->place, strlen(m->place)))
		return HY_ERR_NOMEM;
	if (doc_init(&k, m->kind, strlen(m->kind))) {
		doc_free(&p);
		return HY_ERR_NOMEM;
	}
	static const char *const towns[] = {"镇", "乡", "街道"};
	int rc = 0;
	size_t tl = p.n >= 3 ? longest_end(&p, 0, p.n, towns, COUNT(towns)) : 0;
	size_t ol = tl == 2 ? match(&k, 0, k.n, "党工委") : tl ? match(&k, 0, k.n, "党委") : 0;
	if (ol) {
		struct buf o = {0};
		if (buf_add(&o, p.s + p.off[p.n - tl], p.off[p.n] - p.off[p.n - tl]) ||
		    buf_add(&o, k.s, k.off[ol])) {
			free(o.s);
			rc = HY_ERR_NOMEM;
		} else {
			free(m->body); /* 街道: the street's office, now its party's */
			m->body = o.s;
		}
	}
	doc_free(&p);
	doc_free(&k);
	return rc;
}

/* 曲沃经济技术开发区召开管委会扩大会议: a zone convening its management
 * committee's (or party working committee's) meeting: the zone is the
 * place, the organ the kind names the body. 0 or HY_ERR_NOMEM. */
int zone_organ(struct hy_meeting *m)
{
	if (!m->body || m->place || !m->kind)
		return 0;
	struct doc b, k;
	if (doc_init_body_kind(&b, &k, m))
		return HY_ERR_NOMEM;
	static const char *const zones[] = {"开发区", "高新区", "园区", "新区", "试验区", "合作区"};
	static const char *const organs[] = {"管委会", "党工委"};
	size_t ol = b.n >= 5 && longest_end(&b, 0, b.n, zones, COUNT(zones))
			    ? match_any(&k, 0, k.n, organs, COUNT(organs), NULL)
			    : 0;
	char *organ = ol && k.n > ol ? strndup(k.s, k.off[ol]) : NULL;
	int rc = ol && k.n > ol && !organ ? HY_ERR_NOMEM : 0;
	doc_free(&b);
	doc_free(&k);
	if (organ) {
		m->place = m->body;
		m->body = organ;
	}
	return rc;
}

/* 厅长某某主持召开第14次厅务会: a department's own meeting, the sentence
 * naming only 厅; a provincial department's full name elsewhere in the text
 * (某某省自然资源厅, in a document approved) is the body, 省自然资源厅, and its
 * province the place. Only when no body is known. 0 or HY_ERR_NOMEM. */
int province_office(struct hy_meeting *m, const char *text, size_t len)
{
	if (m->body || !m->kind || m->place)
		return 0;
	struct doc k;
	if (doc_init(&k, m->kind, strlen(m->kind)))
		return HY_ERR_NOMEM;
	int own = match(&k, 0, k.n, "厅务会") != 0;
	doc_free(&k);
	if (!own)
		return 0;
	if (len > 8192) {
		len = 8192;
		while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
			len--;
	}
	struct doc t;
	if (doc_init(&t, text, len))
		return HY_ERR_NOMEM;
	int rc = 0;
	for (size_t i = 0; i + 4 < t.n && !m->body; i++) {
		size_t pv = match_any(&t, i, t.n, provinces, COUNT(provinces), NULL);
		if (!pv || !match(&t, i + pv, t.n, "省") || (i > 0 && is_han(t.cp[i - 1])))
			continue;
		size_t s = i + pv, e = s + 1;
		while (e < t.n && e - s <= 9 && is_han(t.cp[e]) && !match(&t, e, t.n, "厅"))
			e++;
		if (e < t.n && e - s >= 3 && match(&t, e, t.n, "厅") && is_unit(&t, s, e + 1)) {
			if (!(m->body = doc_str(&t, s, e + 1)) ||
			    !(m->place = doc_str(&t, i, s + 1)))
				rc = HY_ERR_NOMEM;
		}
	}
	doc_free(&t);
	return rc;
}

/* Is [a, a+k) of t a bare place name a frame may hold: two or three Han
 * characters, none a pronoun, a scope or a common word (结合自身实际, 在基层
 * 落实, 结合工作实际), nor a province (a county's organ is not the
 * province's)? */
static int bare_name_ok(const struct doc *t, size_t a, size_t k)
{
	static const char *const no[] = {
		"本", "我", "全", "各", "自", "该", "当", "工作", "部门", "单位", "基层", "实际",
		/* 结合人大实际, 结合政协工作实际: an organ's own work */
		"人大", "政协", "机关", "行业", "发展", "经济", "社会", "城市", "农村", "乡村",
		"具体", "一线", "项目", "政府", "首页",
		/* a site's columns (>要闻动态) */
		"要闻", "图片", "政务", "时政", "综合", "热点", "视频", "专题", "信息", "媒体",
		"招商", "党建", "教育", "文化", "旅游", "科技", "人事", "乡镇", "县区", "区县",
		"领导", "最新", "通知", "公告", "民生", "环保", "交通", "生态", "安全", "廉政",
		/* news brands (中旅网, 中新网) */
		"中旅", "中新", "中国", "新华", "人民",
		/* a column or a platform (今日头条, > 国内要闻, > 部门动态) */
		"头条", "关注", "推荐", "聚焦", "看点", "焦点", "话题", "国内", "国际", "省内",
		"本地", "镇街", "街镇", "会议", "党务", "新闻", "区块",
		/* 今日上午，…: a time of day, no paper's name */
		"上午", "下午", "中午", "晚上", "凌晨", "早上", "傍晚", "晚间",
		/* a spam mirror's advertising in the place's stead (某某彩票网) */
		"彩票", "体育", "娱乐", "博彩", "棋牌", "官网", "平台",
		/* 打开某某新闻 查看精彩图片: an app's prompt; 上海热线新闻网: a
		 * portal's name */
		"打开", "下载", "查看", "热线",
		/* 重在抓好落实: a verb in the frame 在…落实 */
		"抓好", "狠抓", "推动", "推进", "确保", "加快", "做好", "全力", "切实", "真正",
		/* 要在责任落实上下功夫: the frame holds a word */
		"责任", "工作", "制度", "任务", "措施", "政策",
		/* 推动县域高质量发展: an area, no name */
		"县域", "区域", "市域", "全域", "新区", "园区", "城区", "老城",
		/* 推动工业高质量发展: a sector or a quality, no name */
		"工业", "农业", "产业", "企业", "制造", "服务", "城乡", "民营", "外贸", "消费",
		"投资", "金融", "能源", "水利", "林业", "商贸", "物流", "数字", "创新", "绿色",
		"开放", "健康", "事业",
		/* 推动长江经济带, 闽西南协同发展: a river's or a region's, no
		 * county's */
		"长江", "黄河", "淮河", "珠江", "长三角", "珠三角", "京津冀", "成渝", "粤港澳",
		"闽西南", "西部", "东部", "中部", "东北", "大湾区", "沿黄",
		/* 推进高原经济高质量发展, 海洋经济, 山区经济: a kind of land */
		"高原", "海洋", "山区", "沿海", "沿江", "沿边", "边境", "湾区", "平原", "流域",
		/* 为实现高质量发展: a verb in the frame */
		"实现", "促进", "全面", "持续", "奋力", "着力", "助力", "加速",
		/* 支撑高质量发展, 推动明年经济工作: a quality, a year */
		"高质量", "明年", "今年", "去年", "全年", "年度"};
	if (a + k > t->n || count_han(t, a, a + k) != k)
		return 0;
	for (size_t i = a; i < a + k; i++)
		if (match_any(t, i, a + k, no, COUNT(no), NULL) || t->cp[i] == 0x7684 /* 的 */)
			return 0;
	return !match_any(t, a, a + k, provinces, COUNT(provinces), NULL);
}

/* A site's name at the start of a token (a line, after 来源: or a
 * breadcrumb's >): an optional province, 今日, the bare name and 网,
 * 新闻, 新闻网, 发布, 动态, 政府网, 融媒体中心 or 要闻 (重庆某某网, 某某新闻,
 * 来源:某某发布, 今日某某网消息, 来源:某某政府网). The body's level may
 * stand between name and site (来源:某某县融媒体中心, > 泾县要闻, where a
 * name of one is enough), and must before 要闻 (> 供热要闻 is a topic's
 * column). A paper's dateline (某某新闻网讯) is no site's name: a city's
 * paper reports its counties. The name's length, or 0. */
static size_t site_name(const struct doc *t, size_t i, uint32_t level, size_t *at)
{
	/* (首页>某某县人民政府>政府信息公开: the government's own site) */
	static const char *const sites[] = {"新闻网", "新闻中心", "新闻", "人民政府网", "人民政府",
					    "政府网", "网", "发布", "动态", "融媒体中心", "融媒",
					    "要闻", "日报", "晚报", "频道",
					    "时报", /* 来源:某某时报: a county-level city's paper */
					    "论坛", /* 某某论坛: a city's own forum */
					    "在线", /* 某某在线讯: a county's portal */
					    /* 来源:某某宣传 (and “上海某某”官方微信, below): the
		 * publicity office's accounts */
					    "宣传"};
	static const char *const accounts[] = {"官方微信", "微信公众号"};
	i += match_any(t, i, t->n, provinces, COUNT(provinces), NULL);
	i += match(t, i, t->n, "中国"); /* 来源: 中国某某网 */
	size_t today = match(t, i, t->n, "今日");
	i += today;
	/* (首页 > 某某要闻: the site's first column is its own place's news) */
	size_t h = i;
	while (h > 0 && (is_space(t->cp[h - 1]) || t->cp[h - 1] == '>' || t->cp[h - 1] == '/'))
		h--;
	int first_column = h < i && h >= 2 && match(t, h - 2, t->n, "首页");
	/* 云上某某讯, 某某在线讯: a county's app and portal own their
	 * dateline (a paper's, 某某新闻网讯, does not: below) */
	size_t cloud = match(t, i, t->n, "云上");
	i += cloud;
	for (size_t k = 1; k <= 4 && i + k <= t->n; k++) {
		size_t lv = i + k < t->n && t->cp[i + k] == level;
		if (k == 1 && !lv)
			continue;
		size_t l = match_any(t, i + k + lv, t->n, sites, COUNT(sites), NULL);
		/* (“上海某某”官方微信: the account's name in quotes) */
		size_t q = i + k + lv;
		if (!l && q + 1 < t->n && (t->cp[q] == 0x201D || t->cp[q] == '"') &&
		    (l = match_any(t, q + 1, t->n, accounts, COUNT(accounts), NULL)))
			l++;
		size_t e = i + k + lv + l;
		if (!lv && match(t, i + k, t->n, "要闻") && !first_column)
			continue;
		/* 来源:今日某某, 首页/今日某某/: a county's paper, the name alone */
		int paper = today && !l && (e == t->n || !is_han(t->cp[e]));
		/* (成都日报记者…): a city's paper names its city, never a
		 * county's (a city paper reports its counties too) */
		if ((match(t, i + k + lv, t->n, "日报") || match(t, i + k + lv, t->n, "晚报")) &&
		    level != 0x5E02 /* 市 */)
			continue;
		/* (某某日报讯, 某某日报记者: a city's paper in its dateline names
		 * its city, as its credit does) */
		int city_paper = level == 0x5E02 /* 市 */ &&
				 (match(t, i + k + lv, t->n, "日报") ||
				  match(t, i + k + lv, t->n, "晚报")) &&
				 (match(t, e, t->n, "讯") || match(t, e, t->n, "记者"));
		int own_dateline =
			city_paper || (match(t, e, t->n, "讯") &&
				       ((cloud && !l) || match(t, i + k + lv, t->n, "在线")));
		/* (主办单位：白川市融媒体中心 for a 县政府: another level's
		 * site, no bare name; but 澄州日报 is 澄州's) */
		static const char *const levels[] = {"市", "县", "区", "旗", "镇", "乡", "街道"};
		if (longest_end(t, i, i + k, levels, COUNT(levels)))
			continue;
		if ((l || own_dateline || paper) &&
		    /* (a county of one, 息县; never a pronoun, 本市要闻) */
		    (bare_name_ok(t, i, k) ||
		     (k == 1 && count_han(t, i, i + 1) == 1 && county_of_one(t, i))) &&
		    (e == t->n || !is_han(t->cp[e]) || t->cp[e] == 0x4E28 /* 丨, a bar */ ||
		     match(t, e, t->n, "消息") || own_dateline)) {
			*at = i;
			return k;
		}
	}
	return 0;
}

/* Does the token at i open a breadcrumb's step (after a > on a line)? */
static int crumb_step(const struct doc *t, size_t i)
{
	size_t k = i;
	while (k > 0 && is_space(t->cp[k - 1]))
		k--;
	return k > 0 && t->cp[k - 1] == '>';
}

/* 县委召开…, the county never named with its level: the bare name the
 * text gives in a frame that holds a place (结合某某实际, 在某某落地落实,
 * 法治某某建设, a site's name: 某某新闻网, 来源:某某发布, > 某某动态), the
 * one found most often, as written (README: short place names as written).
 * Only for a county's, a district's or a city's organ with no place found.
 * 0 or HY_ERR_NOMEM. */
int bare_place(struct hy_meeting *m, const char *text, size_t len)
{
	/* the body's level; with no body, the chair's (县委副书记、县长某某
	 * 主持召开会议: the county's head) */
	const char *of = m->body ? m->body : m->chair_role;
	struct doc b;
	if (!of || m->place || doc_init(&b, of, strlen(of)))
		return of && !m->place ? HY_ERR_NOMEM : 0;
	size_t r0 = 0;
	if (!m->body) { /* the role's last title: 县长, 区委书记 */
		r0 = last_title(&b, b.n);
		static const char *const heads[] = {"长", "委书记"};
		if (!(r0 + 1 < b.n &&
		      match_any(&b, r0 + 1, b.n, heads, COUNT(heads), NULL) == b.n - r0 - 1))
			r0 = b.n;
	}
	/* a county's, a district's, a city's or a banner's; a prefecture's
	 * too (州委, 盟委: 阿坝 and 锡盟 are how its people name it) */
	static const char *const levels[] = {"县", "区", "市", "旗", "州", "盟"};
	int local = r0 < b.n && match_any(&b, r0, b.n, levels, COUNT(levels), NULL) > 0;
	uint32_t level = local ? b.cp[r0] : 0;
	/* 县政协党组副书记、副主席某某: an organ of the level in the role
	 * opens it, whatever the last title */
	static const char *const organs[] = {"委", "政府", "政协", "人大"};
	for (size_t i = 0; !m->body && !local && i + 1 < b.n && i < 4; i++)
		if (match_any(&b, i, i + 1, levels, COUNT(levels), NULL) &&
		    match_any(&b, i + 1, b.n, organs, COUNT(organs), NULL) &&
		    (i == 0 || b.cp[i - 1] == 0x3001 || b.cp[i - 1] == ','))
			local = 1, level = b.cp[i];
	doc_free(&b);
	if (!local)
		return 0;
	struct doc t;
	if (doc_init_head(&t, text, len))
		return HY_ERR_NOMEM;
	/* (谱写某某高质量发展新篇章, 推动美丽某某建设, 为某某经济社会发展,
	 * 开创现代化某某建设新局面, 在某某开花结果; not 跳出某某看…, where
	 * a product may stand: 跳出枸杞看中宁) */
	static const char *const frames[][2] = {
		{"推动", "经济"},       {"推动", "更好"},     {"符合", "发展实际"},
		{"反映", "实际"},       {"现代化", "新篇章"}, {"现代化", "篇章"},
		{"为新", "建设"},       {"结合", "实际"},     {"在", "落地"},
		{"在", "落实"},         {"法治", "建设"},     {"美丽", "建设"},
		{"谱写", "高质量"},     {"推动", "高质量"},   {"推进", "高质量"},
		{"为", "高质量"},       {"为", "经济社会"},   {"服务", "经济社会"},
		{"推动", "改革发展"},   {"符合", "实际"},     {"推动", "经济高质量"},
		{"推进", "经济高质量"}, {"立足", "实际"},     {"现代化", "新篇章"},
		{"建设", "新篇章"},     {"建设", "篇章"},     {"服务", "发展"},
		{"当前,", "正处"},      {"具有", "辨识度"},   {"开创", "改革发展"},
		{"美好", "建设"},       {"现代化", "建设"},   {"在", "开花结果"},
		{"落实到", "经济社会"}, {"把", "打造成"}};
	enum { MAXC = 8 };
	size_t cs[MAXC], ck[MAXC], cn[MAXC], nc = 0;
	/* each frame's first code point, decoded once: most positions open
	 * none */
	uint32_t first[COUNT(frames)];
	unsigned char opens[256] = {0}; /* by the code point's low byte */
	for (size_t f = 0; f < COUNT(frames); f++) {
		const unsigned char *fp = (const unsigned char *)frames[f][0];
		first[f] = pat_next(&fp);
		opens[first[f] & 0xFF] = 1;
	}
	for (size_t i = 0; i < t.n; i++) {
		size_t at = NPOS, k = 0;
		for (size_t f = 0; opens[t.cp[i] & 0xFF] && f < COUNT(frames) && !k; f++) {
			if (t.cp[i] != first[f])
				continue;
			size_t p = match(&t, i, t.n, frames[f][0]);
			/* (结合绛县的实际: 的 between, no part of the name) */
			/* (the frame's end first: it is the cheaper test) */
			for (size_t q = 2; p && q <= 3 && !k && i + p + q <= t.n; q++)
				if (t.cp[i + p + q - 1] != 0x7684 /* 的 */ &&
				    match(&t, i + p + q + (match(&t, i + p + q, t.n, "的") ? 1 : 0),
					  t.n, frames[f][1]) &&
				    bare_name_ok(&t, i + p, q))
					at = i + p, k = q;
		}
		/* a token's start: the text's, a line's, after a space, a
		 * colon or a breadcrumb's > */
		if (!k && (i == 0 || t.cp[i - 1] == '\n' || is_space(t.cp[i - 1]) ||
			   t.cp[i - 1] == ':' || t.cp[i - 1] == '>' || t.cp[i - 1] == '(' ||
			   t.cp[i - 1] == '/' || t.cp[i - 1] == '"' || t.cp[i - 1] == 0x201C))
			k = site_name(&t, i, level, &at);
		if (!k)
			continue;
		size_t c = 0;
		while (c < nc &&
		       !(ck[c] == k && memcmp(t.cp + cs[c], t.cp + at, k * sizeof *t.cp) == 0))
			c++;
		if (c == nc && nc < MAXC) {
			cs[nc] = at, ck[nc] = k, cn[nc] = 0;
			nc++;
		}
		if (c < nc)
			cn[c]++;
	}
	/* (首页 > 看看新闻 > 武隆新闻 > 正文: named as often, the crumb's
	 * later column is the narrower) */
	size_t best = NPOS;
	for (size_t c = 0; c < nc; c++)
		if (best == NPOS || cn[c] > cn[best] ||
		    (cn[c] == cn[best] && cn[c] == 1 && crumb_step(&t, cs[best]) &&
		     crumb_step(&t, cs[c])))
			best = c;
	/* 美丽某某 and 中国共产党某某县委员会: the name with its level,
	 * the body's, where the text gives it so */
	size_t e = best != NPOS ? cs[best] + ck[best] : 0;
	for (size_t i = 0; best != NPOS && i + ck[best] < t.n && e == cs[best] + ck[best]; i++)
		if (memcmp(t.cp + i, t.cp + cs[best], ck[best] * sizeof *t.cp) == 0 &&
		    t.cp[i + ck[best]] == level) {
			cs[best] = i;
			e = i + ck[best] + 1;
		}
	int rc = 0;
	if (best != NPOS && !(m->place = doc_str(&t, cs[best], e)))
		rc = HY_ERR_NOMEM;
	doc_free(&t);
	return rc;
}
