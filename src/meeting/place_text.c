/* place_text.c: a place the whole text names, when the body, the title
 * and the opening do not: the site's greeting (欢迎访问开鲁县人民政府!), the
 * name most mentioned at the body's level (《通江县…办法》, 启动通江县…),
 * a name glued before the body in the text, the province most mentioned.
 * find_place (place.c) tries them in that order, last of all. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* The site's greeting among the first lines (欢迎访问开鲁县人民政府!)
 * names the place whose site it is; with level, only at that level. */
int place_from_greeting(const char *text, size_t len, const char *level, char **place)
{
	static const char *const greet[] = {"欢迎访问", "欢迎来到", "欢迎进入", "欢迎光临"};
	size_t n = len < 600 ? len : 600;
	for (size_t g = 0; g < COUNT(greet); g++) {
		size_t gl = strlen(greet[g]);
		const char *at = NULL;
		for (size_t i = 0; i + gl <= n && !at; i++)
			if (memcmp(text + i, greet[g], gl) == 0)
				at = text + i;
		if (!at)
			continue;
		const char *from = at + strlen(greet[g]);
		const char *end = memchr(from, '\n', (size_t)(text + len - from));
		size_t l = end ? (size_t)(end - from) : (size_t)(text + len - from);
		return place_in(from, l < 120 ? l : 0, level, 1, 0, place, NULL);
	}
	return 0;
}

/* The page's source line anywhere in the text (来源：某某市融媒体中心, 文章
 * 来源：某某县人民政府): the site that published it is the place's, at the
 * body's level, before the names the text counts (a county-level city's
 * readout relays its prefecture's meetings, named again and again). */
int place_from_source_line(const char *text, size_t len, const char *level, char **place)
{
	static const char *const labels[] = {"来源:", "发布机构:"};
	struct doc t;
	int rc = doc_init_head(&t, text, len);
	if (rc)
		return rc;
	for (size_t i = 0; i < t.n && !rc && !*place; i++) {
		size_t k = match_any(&t, i, t.n, labels, COUNT(labels), NULL);
		if (!k)
			continue;
		size_t a = skip_spaces(&t, i + k, t.n), e = a;
		while (e < t.n && e - a < 40 && t.cp[e] != '\n' && !is_space(t.cp[e]))
			e++;
		if (e > a)
			rc = place_in(t.s + t.off[a], t.off[e] - t.off[a], level, 2, 0, place,
				      NULL);
		i = e;
	}
	doc_free(&t);
	return rc;
}

/* Whether s[0..n) holds the bytes of w. */
static int holds_bytes(const char *s, size_t n, const char *w)
{
	size_t wn = strlen(w);
	for (const char *p = s; wn && (size_t)(s + n - p) >= wn;) {
		p = memchr(p, w[0], (size_t)(s + n - p) - wn + 1);
		if (!p)
			return 0;
		if (memcmp(p, w, wn) == 0)
			return 1;
		p++;
	}
	return 0;
}

/* The site's brand names the place bare when the text names it nowhere
 * else (竹溪新闻网讯, 宜都融媒讯, 《四平日报》, 来源:聊城日报, 掌上张家界讯,
 * 主流日照讯, 云上大冶): its first such brand in the text's first pages. Not
 * a national paper's (人民日报, 光明日报), a region's (中原新闻网) nor a
 * province's (湖北日报). 0 or HY_ERR_NOMEM. */
static int brand_place(const char *text, size_t len, char **place)
{
	static const char *const after[] = {"新闻网", "融媒", "日报", "新闻"};
	static const char *const before[] = {"掌上", "云上", "主流"};
	static const char *const national[] = {
		"人民", "光明", "经济", "中国", "法治", "农民", "工人", "科技", "新华", "环球",
		"学习", "今日", "南方", "大众", "北方", "东方", "西部", "华夏", "中华", "国际",
		"参考", "解放", "文汇", "新民", "羊城", "都市", "晚报", "本网", "政府", "新闻",
		/* a region's, no place's (中原新闻网, 齐鲁晚报) */
		"中原", "齐鲁", "荆楚", "三秦", "燕赵", "八桂", "巴渝", "江淮", "岭南", "天山",
		"东北", "西北", "华中", "华南", "华北", "江南", "长江", "黄河", "珠江"};
	/* (most texts hold no brand's word: a look at the bytes first, in
	 * both scripts, before the text is folded) */
	/* (新聞, 日報, 雲上: bytes to look for, no pattern) */
	static const char *const words[] = {"新闻", "新\xe8\x81\x9e", "融媒",
					    "日报", "日\xe5\xa0\xb1", "掌上",
					    "云上", "\xe9\x9b\xb2上", "主流"};
	size_t head = len < 65536 ? len : 65536;
	int any = 0;
	for (size_t w = 0; w < COUNT(words) && !any; w++)
		any = holds_bytes(text, head, words[w]);
	if (!any)
		return 0;
	struct doc t;
	int rc = doc_init_head(&t, text, len);
	if (rc)
		return rc;
	for (size_t i = 1; i + 2 < t.n && !*place && !rc; i++) {
		size_t a = NPOS, e = NPOS, k, which = 0;
		if ((k = match_any(&t, i, t.n, after, COUNT(after), &which)) &&
		    is_han(t.cp[i - 1])) {
			/* (the name alone before it, after a mark or the line's start) */
			size_t j = i;
			while (j > 0 && i - j < 4 && is_han(t.cp[j - 1]))
				j--;
			if (j == 0 || !is_han(t.cp[j - 1]))
				a = j, e = i;
			/* (a dateline's: 某某新闻网讯, 某某融媒讯, 某某日报讯; a
			 * paper's name in title marks, 《某某日报》; not a credit's
			 * (图片来源:某某日报) nor a masthead's (某某日报社出版)) */
			int dateline = match(&t, i + k, t.n, "讯");
			int titled = which == 2 && j > 0 && t.cp[j - 1] == 0x300A && i + k < t.n &&
				     t.cp[i + k] == 0x300B;
			if (which != 0 && !dateline && !titled)
				a = NPOS;
		} else if ((k = match_any(&t, i, t.n, before, COUNT(before), NULL)) &&
			   (i == 0 || !is_han(t.cp[i - 1]))) {
			size_t j = i + k;
			while (j < t.n && j - (i + k) < 4 && is_han(t.cp[j]) &&
			       !match(&t, j, t.n, "讯"))
				j++;
			if (j == t.n || !is_han(t.cp[j]) || match(&t, j, t.n, "讯"))
				a = i + k, e = j;
		}
		if (a == NPOS || e - a < 2 || e - a > 3)
			continue;
		int bad = match_any(&t, a, e, national, COUNT(national), NULL) > 0 ||
			  match_any(&t, a, e, provinces, COUNT(provinces), NULL) == e - a;
		for (size_t q = a; q < e && !bad; q++)
			bad = match_any(&t, q, q + 1, place_levels, COUNT(place_levels), NULL) > 0;
		if (!bad && !(*place = doc_str(&t, a, e)))
			rc = HY_ERR_NOMEM;
	}
	doc_free(&t);
	return rc;
}

int place_from_brand(struct hy_meeting *m, const char *text, size_t len)
{
	if (!m->body || m->place)
		return 0;
	struct doc b;
	if (doc_init(&b, m->body, strlen(m->body)))
		return HY_ERR_NOMEM;
	/* (县政府, 市委, 区人大常委会, 镇党委: a level below the province's) */
	static const char *const levels[] = {"县", "市", "区", "旗",  "州",
					     "盟", "镇", "乡", "街道"};
	int below = match_any(&b, 0, b.n, levels, COUNT(levels), NULL) > 0;
	doc_free(&b);
	return below ? brand_place(text, len, &m->place) : 0;
}

/* A name starts beyond doubt at j: at the text's or a line's start, after
 * 、 or a title's 《 (or the 〈 of a title inside one). */
static int start_beyond_doubt(const struct doc *t, size_t j)
{
	return j == 0 || t->cp[j - 1] == 0x300A /* 《 */ || t->cp[j - 1] == 0x3008 /* 〈 */ ||
	       t->cp[j - 1] == 0x3001 /* 、 */ || t->cp[j - 1] == '\n';
}

/* The place named most often in the text at the body's level, when no
 * line near the top names it: a 县政府's agenda speaks of 《通江县…办法》
 * and 启动通江县第四小学. Each mention counts for every name it may hold
 * (启动通江县: 动通江县, 通江县); the name most mentioned wins, the longest
 * of those, twice at least and with no rival as often. With once, a name
 * mentioned once wins too when it is the only mention at that level and
 * its start is beyond doubt. */
static int count_places(const char *text, size_t len, const char *level, char **place,
			size_t *times, int once)
{
	/* 烟花爆竹区域, 突出市场: the level begins a word */
	static const char *const words[] = {"域", "场", "民", "级", "城", "划",
					    "间", "县", "块", "长", "容", "委书记"};
	/* 对标先进地区, 老旧小区, 全国文明城市: the level ends a common noun
	 * (not those that end place names too: 青山区, 龙湾区, 晋城市, 成都市) */
	static const char *const nouns[] = {
		"地区",     "小区",     "园区",     "社区",     "景区",     "辖区",     "片区",
		"灾区",     "牧区",     "库区",     "老区",     "校区",     "厂区",     "营区",
		"商区",     "合作区",   "示范区",   "试验区",   "功能区",   "保税区",   "自贸区",
		"聚集区",   "集聚区",   "超市",     "股市",     "楼市",     "夜市",     "集市",
		"上市",     "入市",     "主城区",   "中心城区", "文明城区", "文明城市", "卫生城市",
		"园林城市", "中心城市", "旅游城市", "宜居城市", "智慧城市", "海绵城市", "贫困山区",
		"特大城市", "超大城市", "大城市",   "小城市",   "偏远山区", "协作区",   "生态区",
		"经济区",   "核心区",   "先行区",   "引领区",   "承载区",   "工业区",   "院区"};
	/* a readout says it in its first pages (a 16 MiB line costs no more
	 * than a short one) */
	struct doc t;
	int rc = doc_init_head(&t, text, len);
	if (rc)
		return rc;
	struct doc lv;
	if ((rc = doc_init(&lv, level, strlen(level)))) {
		doc_free(&t);
		return rc;
	}
	enum { MAXC = 64 };
	size_t ca[MAXC], ce[MAXC], cn[MAXC], nc = 0;
	/* the mentions that named a place, and the last one's name when its
	 * start is beyond doubt: place_start's, after 《 or 、 or at a line's
	 * start */
	size_t mentions = 0, once_a = NPOS, once_e = NPOS;
	for (size_t i = 2; i + lv.n <= t.n; i++) {
		if (t.cp[i] != lv.cp[0] || !match(&t, i, t.n, level) ||
		    match_any(&t, i + lv.n, t.n, words, COUNT(words), NULL) ||
		    (lv.n == 1 && longest_end(&t, 0, i + 1, nouns, COUNT(nouns))))
			continue;
		/* the mention's longest name: up to four Han characters, but
		 * before an organ (提高区政府议事…) only a bounded one */
		if (match(&t, i - 1, i, "省")) /* 全国省市两级 */
			continue;
		if (handed_to(&t, i))
			continue;
		size_t e = i + lv.n, j = place_start(&t, i);
		size_t named = j < i ? j : NPOS; /* a start place_start vouches for */
		if (j == i && !organ_at(&t, e, t.n))
			while (j > 0 && i - j < 4 && is_han(t.cp[j - 1]))
				j--;
		/* 《户县2013年…》: a one-character county, alone after a mark
		 * (not 两县, 邻县, 市县, 三县) */
		int one = j + 1 == i && (j == 0 || !is_han(t.cp[j - 1])) && county_of_one(&t, j);
		/* (商贸兴市: nor any name inside a slogan, 贸兴市) */
		if (no_name_before_level(&t, j, i))
			continue;
		/* 传达学习省、某市…会议精神, 中央、省委和某市委精神, 省委某全会、
		 * 某市委某全会精神: the levels above, listed after the province,
		 * are not the place's own (place_name.c) */
		if (relayed_after_province(&t, j))
			continue;
		int bounded = named == j && i - j >= 2 && !match(&t, i - 1, i + 1, "城市") &&
			      start_beyond_doubt(&t, j);
		size_t counted = 0;
		for (size_t q = j; q + (one ? 1 : 2) <= i && nc <= MAXC; q++) {
			int bad = 0;
			/* nor the tail of such a word (法治县 of 依法治县) */
			for (size_t r = q >= j + 2 ? q - 2 : j; r < q && !bad; r++)
				bad = r + not_place_at(&t, r, i) > q;
			/* (白川市城市, 珠海市斗门区: no name holds its own level,
			 * 市 or 省; 梅县区 may hold 县, 杭州市 州) */
			/* (but the start place_start found holds no word: 和田 at
			 * a clause's start, 会同县) */
			for (size_t r = q; r < i && !bad; r++)
				bad = !is_han(t.cp[r]) ||
				      (r != named && not_place_at(&t, r, i) > 0) ||
				      t.cp[r] == lv.cp[0] || t.cp[r] == 0x7701 /* 省 */ ||
				      t.cp[r] == 0x5E02 /* 市 */;
			/* 自治县 is a level, no name; nor 贸易兴市, 驻市 */
			if (bad || (i - q == 2 && match(&t, q, i, "自治")) ||
			    no_name_before_level(&t, q, i))
				continue;
			size_t k = 0;
			for (; k < nc; k++)
				if (t.off[ce[k]] - t.off[ca[k]] == t.off[e] - t.off[q] &&
				    memcmp(t.s + t.off[ca[k]], t.s + t.off[q],
					   t.off[e] - t.off[q]) == 0)
					break;
			if (k == nc) {
				if (nc == MAXC)
					continue;
				ca[nc] = q;
				ce[nc] = e;
				cn[nc++] = 0;
			}
			/* 《眉山市东坡区人民政府…制度》: the name between its city
			 * and the organ's own name is worth two mentions */
			cn[k] += q == j && j < i && after_level_above(&t, j) && organ_at(&t, e, t.n)
					 ? 2
					 : 1;
			counted++;
			if (q == j && bounded)
				once_a = j, once_e = e;
		}
		mentions += counted > 0;
	}
	size_t best = MAXC;
	for (size_t k = 0; k < nc; k++)
		if (best == MAXC || cn[k] > cn[best] ||
		    (cn[k] == cn[best] && ce[k] - ca[k] > ce[best] - ca[best]))
			best = k;
	int alone = best < MAXC && cn[best] >= 2;
	if (alone)
		*times = cn[best];
	for (size_t k = 0; k < nc && alone; k++) {
		/* a rival as often that is no part of the best name */
		size_t lk = t.off[ce[k]] - t.off[ca[k]], lb = t.off[ce[best]] - t.off[ca[best]];
		if (k != best && cn[k] == cn[best] &&
		    !(lk < lb && memcmp(t.s + t.off[ce[best]] - lk, t.s + t.off[ca[k]], lk) == 0))
			alone = 0;
	}
	if (alone && !(*place = doc_str(&t, ca[best], ce[best])))
		rc = HY_ERR_NOMEM;
	/* 审议《某县…办法》 in a 县政府's readout that names no other county:
	 * named once, where its name starts beyond doubt */
	else if (!alone && once && mentions == 1 && once_a != NPOS &&
		 !(*place = doc_str(&t, once_a, once_e)))
		rc = HY_ERR_NOMEM;
	doc_free(&lv);
	doc_free(&t);
	return rc;
}

int place_by_count(const char *text, size_t len, const char *level, char **place)
{
	size_t times = 0;
	return count_places(text, len, level, place, &times, 1);
}

/* A meeting whose organ the text never names (中共某市第八届委员会…全会,
 * 某县…联席会议 with no convener): the place it names most often, at the
 * level of the chair's last title (县委书记, 镇长) twice at least, or at
 * any level three times at least and twice as often as any other
 * level's. 0 or HY_ERR_NOMEM. */
int place_most_named(struct hy_meeting *m, const char *text, size_t len)
{
	if (m->body || m->place)
		return 0;
	size_t from = 0, to = COUNT(place_levels);
	if (m->chair_role) { /* the chair's level alone, when the role gives one */
		struct doc r;
		if (doc_init(&r, m->chair_role, strlen(m->chair_role)))
			return HY_ERR_NOMEM;
		size_t r0 = last_title(&r, r.n), which = 0;
		size_t l =
			r0 < r.n ? match_any(&r, r0, r.n, place_levels, COUNT(place_levels), &which)
				 : 0;
		doc_free(&r);
		if (l)
			from = which, to = which + 1;
	}
	char *best = NULL;
	size_t most = 0, next = 0;
	for (size_t w = from; w < to; w++) {
		char *p = NULL;
		size_t times = 0;
		if (count_places(text, len, place_levels[w], &p, &times, 0)) {
			free(best);
			return HY_ERR_NOMEM;
		}
		if (p && times > most) {
			next = most;
			most = times;
			free(best);
			best = p;
		} else {
			next = times > next ? times : next;
			free(p);
		}
	}
	if (best && (to - from == 1 || (most >= 3 && most >= 2 * next)))
		m->place = best;
	else
		free(best);
	return 0;
}

/* The place of m's body: from the body itself (柏溪县政府: the body is
 * then 县政府), else from the title, the opening or the text. */
/* The body written with its place glued on anywhere in the text: a
 * source in brackets (淮南市纪委监委) for a 市纪委 names 淮南市. Sets *place
 * to the first such place. 0 or HY_ERR_NOMEM. */
int place_glued_to_body(const char *body, const char *text, size_t len, char **place)
{
	struct doc t, b;
	if (doc_init(&b, body, strlen(body)))
		return HY_ERR_NOMEM;
	size_t l = match_any(&b, 0, b.n, place_levels, COUNT(place_levels), NULL);
	int rc = 0;
	if (l && b.n >= l + 2 && !(rc = doc_init(&t, text, len))) {
		for (size_t i = 1; i + b.n <= t.n && !*place && !rc; i++) {
			size_t k = 0;
			while (k < b.n && t.cp[i + k] == b.cp[k])
				k++;
			if (k < b.n)
				continue;
			/* after a bracket, a line's start or a label, not
			 * inside a phrase (还有县委…, 开好市政协…) */
			size_t j = place_start(&t, i);
			if (j < i && i - j >= 2 && j > 0 &&
			    (is_open_bracket(t.cp[j - 1]) || t.cp[j - 1] == '\n' ||
			     t.cp[j - 1] == ':') &&
			    !(*place = doc_str(&t, j, i + l)))
				rc = HY_ERR_NOMEM;
		}
		doc_free(&t);
	}
	doc_free(&b);
	return rc;
}

/* A provincial organ's province (省检察院): the province the text names
 * most often by its short name (海南检察机关, 平安海南), twice at least
 * and with no rival as often. 0 or HY_ERR_NOMEM. */
int province_by_count(const char *text, size_t len, char **place)
{
	struct doc t;
	if (doc_init_head(&t, text, len))
		return HY_ERR_NOMEM;
	size_t cnt[COUNT(provinces)] = {0}, at[COUNT(provinces)] = {0};
	int sheng[COUNT(provinces)] = {0}; /* written 甘肃省 once at least */
	for (size_t i = 0; i < t.n; i++) {
		/* but not in a paper's or a site's name (湖北日报讯) */
		static const char *const media[] = {"日报", "新闻", "网", "电视", "广播", "卫视"};
		size_t w = 0, k = match_any(&t, i, t.n, provinces, COUNT(provinces), &w);
		if (k && match_any(&t, i + k, t.n, media, COUNT(media), NULL)) {
			i += k - 1;
		} else if (k) {
			if (!cnt[w]++ || (!sheng[w] && match(&t, i + k, t.n, "省")))
				at[w] = i;
			sheng[w] |= match(&t, i + k, t.n, "省") != 0;
			i += k - 1;
		}
	}
	size_t best = 0;
	for (size_t w = 1; w < COUNT(provinces); w++)
		if (cnt[w] > cnt[best])
			best = w;
	/* twice, or once in full (政协浙江省委员会) with no other named */
	size_t named = 0;
	for (size_t w = 0; w < COUNT(provinces); w++)
		named += cnt[w] > 0;
	int alone = cnt[best] >= 2 || (cnt[best] == 1 && sheng[best] && named == 1);
	for (size_t w = 0; w < COUNT(provinces) && alone; w++)
		if (w != best && cnt[w] == cnt[best])
			alone = 0;
	int rc = 0;
	if (alone) {
		size_t k = match(&t, at[best], t.n, provinces[best]) + (size_t)sheng[best];
		if (!(*place = doc_str(&t, at[best], at[best] + k)))
			rc = HY_ERR_NOMEM;
	}
	doc_free(&t);
	return rc;
}
