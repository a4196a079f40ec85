/* docplace.c: a place named only in the titles of the documents the
 * meeting took up, or right after the verb of an item (研究某县…).
 *
 * 旗委审计委员会 approves 《某某旗审计局2023年工作计划》: the banner is named
 * nowhere else, yet a reader takes it as the committee's own (README:
 * a place named only in the agenda is the body's). The name stands first
 * in a document's title (after 关于 at most), at the level the body
 * begins with; one such name only, or none is taken. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* 我县召开…: the place convening itself, by its level (县), at the head
 * of the text; which into *which. 0 when the text says no such thing. */
static size_t own_level(const struct doc *t, size_t *which)
{
	static const char *const convene[] = {"召开", "举行"};
	for (size_t i = 0; i + 3 < t->n && i < 400; i++) {
		size_t ll;
		if (t->cp[i] == 0x6211 /* 我 */ &&
		    (ll = match_any(t, i + 1, t->n, place_levels, COUNT(place_levels), which)) &&
		    match_any(t, i + 1 + ll, t->n, convene, COUNT(convene), NULL))
			return ll;
	}
	return 0;
}

int place_from_documents(struct hy_meeting *m, const char *text, size_t len)
{
	if (m->place)
		return 0;
	struct doc t;
	if (doc_init_head(&t, text, len))
		return HY_ERR_NOMEM;
	size_t which = 0, ll = 0;
	if (m->body) {
		struct doc b;
		if (doc_init(&b, m->body, strlen(m->body))) {
			doc_free(&t);
			return HY_ERR_NOMEM;
		}
		ll = match_any(&b, 0, b.n, place_levels, COUNT(place_levels), &which);
		doc_free(&b);
	} else {
		ll = own_level(&t, &which);
		/* 政府县长某某主持召开…: no organ named, the chair heads a
		 * county (区, 市, 旗) */
		struct doc r;
		if (!ll && m->chair_role) {
			if (doc_init(&r, m->chair_role, strlen(m->chair_role))) {
				doc_free(&t);
				return HY_ERR_NOMEM;
			}
			if (r.n >= 2 && ends_with(&r, 0, r.n, "长", NULL) &&
			    match_any(&r, r.n - 2, r.n - 1, head_levels, COUNT(head_levels), NULL))
				ll = match_any(&r, r.n - 2, r.n, place_levels, COUNT(place_levels),
					       &which);
			doc_free(&r);
		}
	}
	if (!ll) {
		doc_free(&t);
		return 0;
	}
	/* a level's first character inside the name: 某市某县 is two places */
	static const char *const inner[] = {"省", "市", "县", "区", "旗", "州", "盟",
					    "镇", "乡", "届", "年", "第", "次"};
	/* 《全旗…》, 《本县…》, 《我区…》: no name */
	static const char *const no_name[] = {"全", "本", "我", "各", "该", "两"};
	/* 《关于调整县人民政府党组成员的请示》: a verb before the level (讨论
	 * 即将提交市人代会的…: a document the city's congress will take up) */
	static const char *const verbs[] = {
		"调整", "请求", "设立", "成立", "印发", "加强", "做好", "推进", "支持", "开展",
		"组织", "建立", "完善", "同意", "召开", "表彰", "命名", "撤销", "增补", "任免",
		"聘任", "申请", "确定", "下达", "拨付", "追加", "提请", "批准", "报送", "恢复",
		"变更", "划转", "明确", "规范", "深化", "促进", "即将", "提交", "报请"};
	/* 《南湖片区…》, 某某园区, 景区, 社区, 开发区: an area, not the body's
	 * level (a district's only: 通城县 is a county) */
	int is_district = strcmp(place_levels[which], "区") == 0;
	static const char *const areas[] = {"片", "园",   "景",   "社",   "城",  "街",
					    "辖", "校",   "库",   "灾",   "牧",  "发",
					    "小", "保税", "功能", "聚集", "集聚"}; /* 小区 */
	size_t fa = 0, fe = 0;
	int many = 0;
	/* words no name holds: 通过了市…, 并安排我区… */
	/* (听取了某某作的州人民政府关于…: who reported, no name) */
	static const char *const glue[] = {"了", "并", "和", "及", "与", "在", "为",   "我",  "的",
					   "全", "本", "各", "该", "对", "把", "部署", "通过"};
	/* 研究云霄縣脫貧攻堅…: the name may also open what an item took up */
	static const char *const took[] = {"研究了", "研究",   "审议了", "审议",    "听取了",
					   "听取",   "讨论了", "讨论",   "研究关于"};
	for (size_t i = 0; i + 1 < t.n && !many; i++) {
		size_t j = i + 1, n = 0, tk;
		if (t.cp[i] == 0x300A) { /* 《 */
			/* 《<某区…>的通知》, 《〈…〉》: a title inside a title */
			while (j < t.n &&
			       (t.cp[j] == '<' || t.cp[j] == 0x3008 || t.cp[j] == 0xFF1C))
				j++;
		} else if ((i == 0 || !is_han(t.cp[i - 1]) ||
			    (i >= 2 && match(&t, i - 2, t.n, "会议")) ||
			    match(&t, i - 1, t.n, "在")) && /* 在听取某市…时 */
			   (tk = match_any(&t, i, t.n, took, COUNT(took), NULL))) {
			j = i + tk;
		} else {
			continue;
		}
		/* (讨论审议了…, 研究部署…: one verb after another) */
		static const char *const then[] = {"部署", "安排", "审定", "推进",
						   "通过", "并",   "决定"};
		while (t.cp[i] != 0x300A &&
		       ((tk = match_any(&t, j, t.n, took, COUNT(took), NULL)) ||
			(tk = match_any(&t, j, t.n, then, COUNT(then), NULL))))
			j += tk;
		j += match(&t, j, t.n, "关于") ? 2 : 0; /* 《关于某旗…的报告》 */
		/* 《2017 年度某市…考核办法》: the year the document is for */
		size_t y = j;
		while (y < t.n && y - j < 4 && is_digit(t.cp[y]))
			y++;
		if (y - j == 4) {
			while (y < t.n && t.cp[y] == ' ')
				y++;
			if (match(&t, y, t.n, "年"))
				j = y + 1 + match(&t, y + 1, t.n, "度");
		}
		/* 《中国共产党某县第十三届委员会…》, 《中共某市委…》 */
		j += match(&t, j, t.n, "中国共产党") ? 5 : match(&t, j, t.n, "中共") ? 2 : 0;
		/* 《关于珠海市斗门区2023年…》: the city above a district or a
		 * county is no part of its name */
		if (strcmp(place_levels[which], "区") == 0 ||
		    strcmp(place_levels[which], "县") == 0) {
			size_t c = j;
			while (c < t.n && c - j < 4 && is_han(t.cp[c]) &&
			       t.cp[c] != 0x5E02 /* 市 */)
				c++;
			if (c >= j + 2 && c < t.n && t.cp[c] == 0x5E02 && c + 1 < t.n &&
			    is_han(t.cp[c + 1]))
				j = c + 1;
		}
		/* (but 霸州市, 梅州市: a city's name may hold 州) */
		while (n < 4 && j + n < t.n && is_han(t.cp[j + n]) &&
		       (!match_any(&t, j + n, t.n, inner, COUNT(inner), NULL) ||
			(match(&t, j + n, t.n, "州") &&
			 !match(&t, j + n, t.n, place_levels[which]))))
			n++;
		/* 《攸县…》: a county of one character, right after the mark */
		/* (or right after the verb: 研究讨论了绛县经济开发区…) */
		int one = n >= 1 && strcmp(place_levels[which], "县") == 0 && county_of_one(&t, j);
		for (size_t k = one ? 1 : 2; k <= n; k++) {
			size_t e = j + k + ll;
			/* (《某区“三线一单”…》: a quotation may follow) */
			if (!match(&t, j + k, t.n, place_levels[which]) || e >= t.n ||
			    !(is_han(t.cp[e]) || is_digit(t.cp[e]) || t.cp[e] == 0x201C) ||
			    match_any(&t, j, t.n, no_name, COUNT(no_name), NULL) ||
			    has_any(&t, j, j + k, glue, COUNT(glue)) ||
			    match_any(&t, j, t.n, verbs, COUNT(verbs), NULL) ||
			    (k == 2 && match(&t, j, t.n, "自治")) || /* 《自治县…》: no name */
			    handed_to(&t, j + k) ||
			    no_name_before_level(&t, j, j + k) || /* 关于贸易兴市行动… */
			    (is_district &&
			     (match_any(&t, j + k - 1, j + k, areas, COUNT(areas), NULL) ||
			      match_any(&t, j + k - 2, j + k, areas, COUNT(areas), NULL) == 2)))
				continue;
			if (fe && (e - j != fe - fa ||
				   memcmp(t.cp + j, t.cp + fa, (e - j) * sizeof *t.cp) != 0))
				many = 1;
			fa = j;
			fe = e;
			break;
		}
	}
	int rc = 0;
	if (fe && !many && !(m->place = doc_str(&t, fa, fe)))
		rc = HY_ERR_NOMEM;
	doc_free(&t);
	return rc;
}
