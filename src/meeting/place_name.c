/* place_name.c: reading a place's name in text — where a name before a
 * level (县, 区, 市, 镇, 街道 …) begins, and a place with the organ after
 * it (柏溪县政府 → 柏溪县 + 县政府). place.c and place_text.c find the
 * meeting's place with them. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>
#include <string.h>

/* What follows a level in a body: the organ. */
static const char *const organs[] = {
	"人民政府",     "政府",       "党工委", "党委",   "委", /* proper */
	"联合党工委", /* 某街道联合党工委: a street's and its units' joint committee */
	"人民代表大会", "代表大会",   "市长",   "县长",   "区长",     "旗长",
	"人代会",       "人大",       "政协",   "办事处", "长办公会", "常务会",
	"党组",         "纪委",       "监委",   "安委会", "政法委",   "防指",
	"人民法院",     "人民检察院", "法院",   "检察院", "公所",     "中级人民法院",
	"高级人民法院", "总工会",     "妇联",   "工商联", "科协",     "残联",
	"文联",         "议会", /* a Taiwan county's council (南投县议会) */
	"代表团"};              /* a place's delegation to a session (某州代表团) */

/* Words a place name cannot hold: verbs, pronouns and numbers before a
 * body (主持召开县政府, 全县, 十六届县人民政府). */
static const char *const not_place[] = {
	"年度", /* 2026年度县安委会: before 年 */
	/* 结合县委实施…, 围绕市委部署, 负责县政府常务工作: a verb before the
	 * level */
	"结合",
	"负责",
	"围绕",
	"按照",
	"根据",
	"落实",
	"贯彻",
	"召开",
	"主持",
	"举行",
	"召集",
	"出席",
	"参加",
	"列席",
	"全",
	"本",
	"我",
	"该",
	"各",
	"了",
	"在",
	"的",
	"和",
	"及",
	"与",
	"日",
	"年",
	"届",
	"次",
	"第",
	"由",
	"为",
	"对",
	"副",
	"长",
	"记",
	"任",
	"员",
	"委",
	"府",
	"会",
	"议",
	"上午",
	"下午",
	"午",
	/* 会前, 随后, 日前 (but 衙前镇, 后湖乡 are names) */
	"会前",
	"会后",
	"日前",
	"此前",
	"随后",
	"然后",
	"之前",
	"之后",
	"以前",
	"以后",
	"最后",
	"事前",
	"事后",
	"节前",
	"节后",
	"年前",
	"年后",
	"提前",
	"目前",
	"当前",
	"前夕",
	"向",
	"以",
	"经",
	"按",
	"将",
	"把",
	"从",
	"到",
	"给",
	"请",
	"同",
	"并",
	"使",
	"报",
	"是",
	"就",
	"等",
	"听取",
	"研究",
	"审议",
	"传达",
	"学习",
	"讨论",
	"部署",
	"推进",
	"加强",
	"落实",
	"贯彻",
	"提交",
	"印发",
	"通过",
	"要求",
	"强调",
	"指出",
	"政协",
	"中共",
	"中国共产党",
	"基层",
	"名",
	"我",
	"全",
	"欢迎",
	"访问",
	"进入",
	"来到",
	"光临",
	"来源",
	"关于",
	"部分",
	"开展",
	"围绕",
	"做好",
	"深化",
	"实施",
	"完善",
	"助力",
	"服务",
	"支持",
	"打造",
	"建设",
	"农业",
	"依法治", /* 建设农业强县, 全面依法治县: slogans */
	"赴",     /* 代表团赴重庆市考察: a journey's verb */
	"划拨",
	"移交",
	"用地", /* 医疗用地土地划拨县卫生健康局: land handed to a bureau */
	"根据",
	"依据", /* 根据市委、市政府…的通知 */
	"决定", /* 研究决定市人大常委会…: a decision's verb */
	"确定",
	"提请", /* 确定市政协常委会议程, 提请县人大常委会审议: verbs */
	"代表", /* 会上，某某代表市政府通报…: speaking for */
	"昨天",
	"今天",
	"前天",
	"安排", /* 昨天安排鄉公所…: a day and a verb */
	"整",
	"强",
	"每", /* 整县推进, 工业强县, 每县 */
	"提升",
	"推动",
	"促进",
	"加快",
	"实现",
	"创建",
	"争创", /* 提升城市品位: verbs */
	"征求",
	"听取意见", /* 征求县人大、政协的意见 */
	"抓好",
	"重在",
	"办好",
	"搞好",
	/* 创建全国禁毒示范城市, 文明城市: a title a city strives for */
	"示范",
	"文明",
	"卫生",
	/* 撤县设市, 撤乡并镇: a division changed, never a name */
	"撤",
	"设",
	/* 〔2020〕4号某县人民政府…纪要: a document's number before the name */
	"号",
};

/* What stands before 区 in a zone's name, no place's: 开发区党工委 is a
 * development zone's committee, the zone itself unnamed. */
static const char *const zone_words[] = {"开发", "高新", "经开", "保税", "示范", "合作",
					 "园",   "新",   "景",   "城",   "辖",   "社",
					 "片",   "试验", "实验", "产业"};

/* The organ after a level at i (县|政府), and a word a place cannot begin
 * with at i (召开, 的, 全 …): their lengths, or 0 (place_text.c's too). */
size_t organ_at(const struct doc *t, size_t i, size_t e)
{
	return match_any(t, i, e, organs, COUNT(organs), NULL);
}

size_t not_place_at(const struct doc *t, size_t i, size_t e)
{
	return match_any(t, i, e, not_place, COUNT(not_place), NULL);
}

/* A level above a county's (省, 市, 州) ends right before j: 山西省|运城市|
 * 盐湖区, 眉山市|东坡区, the place at j is inside it. */
int after_level_above(const struct doc *t, size_t j)
{
	static const char *const above[] = {"省", "市", "州"};
	return j > 0 && match_any(t, j - 1, j, above, COUNT(above), NULL) > 0;
}

/* The level at i follows a verb that hands a document to the organ
 * (议案交市人民政府办理, 材料呈县政府): no place's name ends so. */
int handed_to(const struct doc *t, size_t i)
{
	static const char *const handed[] = {"交", "呈", "送", "转"};
	return i > 0 && match_any(t, i - 1, i, handed, COUNT(handed), NULL) > 0;
}

/* The character at j names a county alone before its level (息县, 攸县):
 * a Han character that is no count (两县), no pronoun or quantifier
 * (全县, 本县, 每县, 邻县) and no level (市县, 区县). */
int county_of_one(const struct doc *t, size_t j)
{
	static const char *const not_one[] = {
		"全", "本", "我", "各", "该", "两", "邻", "外", "每", "分", "郊", "此", "其", "某",
		"他", "跨", "省", "市", "区", "县", "州", "镇", "乡", "旗", "盟", "诸",
		"城" /* ，城市入城口: the city as a word */, "整", "强", "大", "小", "新",
		/* 受县委书记某某委托, 经县政府同意, 标 题县政府召开…: a verb, a
		 * preposition or a label's end before the organ */
		"受", "经", "由", "向", "对", "在", "为", "据", "按", "请", "报", "将", "把", "被",
		"给", "与", "及", "暨", "并", "从", "自", "至", "到", "赴", "题", "即", "召", "开",
		"是", "的", "了"};
	return j < t->n && is_han(t->cp[j]) && cn_digit(t->cp[j]) < 0 && !cn_unit(t->cp[j]) &&
	       !match_any(t, j, j + 1, not_one, COUNT(not_one), NULL);
}

/* The name at j follows the province's organs in a list of meetings
 * relayed (传达学习省委十届九次全会、某市委十一届十次全会精神, 省十二届人大
 * 二次会议、某市三届人大四次会议): the levels above, not the place's own. */
int relayed_after_province(const struct doc *t, size_t j)
{
	static const char *const joins[] = {"、", "和", "及"};
	if (j < 3 || !match_any(t, j - 1, j, joins, COUNT(joins), NULL))
		return 0;
	for (size_t q = j - 1; q > 0 && j - q < 40; q--) {
		uint32_t c = t->cp[q - 1];
		if (c == ',' || is_sent_end(t, q - 1) || c == ';' || c == ':')
			return 0;
		if (c == 0x7701 /* 省 */ &&
		    (q < 2 || !is_han(t->cp[q - 2]) || match(t, q - 2, t->n, "全省") == 0))
			return 1;
	}
	return 0;
}

/* 全州县, 全椒县, 全南县: 全 at i opens a county's name of two (全县 is a
 * pronoun, 全州县市 runs on to 市, 全体县领导 and 全国县域 are words). */
int county_of_quan(const struct doc *t, size_t i)
{
	static const char *const whole[] = {"体", "国", "省", "市", "区", "县",
					    "镇", "乡", "部", "面", "力", "旗"};
	return i + 2 < t->n && match(t, i, t->n, "全") && is_han(t->cp[i + 1]) &&
	       match(t, i + 2, t->n, "县") && !match(t, i + 3, t->n, "市") &&
	       !match(t, i + 3, t->n, "区") &&
	       !match_any(t, i + 1, i + 2, whole, COUNT(whole), NULL) &&
	       !match_any(t, i + 1, t->n, not_place, COUNT(not_place), NULL);
}

/* A place name ending at [.., e) of t: 1 to 4 Han characters before the
 * level, after a boundary (not Han, the start, or a word a place cannot
 * hold: 主持召开柏溪县政府). Returns its start, or e when there is none. */
size_t place_start(const struct doc *t, size_t e)
{
	/* 松桃苗族自治县, 黔东南苗族侗族自治州: an autonomous place's name
	 * is long */
	size_t most = e >= 2 && match(t, e - 2, e, "自治") ? 12 : 5;
	/* 金安经济开发区, 某某经济技术开发区: a zone's name holds its kind */
	if (most == 5 && e >= 2 && match(t, e - 2, e, "开发"))
		most = e >= 4 && match(t, e - 4, e, "技术开发") ? 12 : 10;
	/* 全国省市两级, 省市县三级: levels in a row name no place */
	if (e >= 1 && match(t, e - 1, e, "省"))
		return e;
	size_t j = e;
	while (j > 0 && e - j < most && is_han(t->cp[j - 1]))
		j--;
	/* (山西省运城市盐湖区: a chain of places longer than a name, cut
	 * after a level above, is bounded there too) */
	int bounded = j == 0 || !is_han(t->cp[j - 1]) || (j >= 3 && after_level_above(t, j));
	for (size_t i = j; i < e; i++) {
		size_t k = match_any(t, i, e, not_place, COUNT(not_place), NULL);
		/* 本溪县: 本 opens a name of two when a name's character follows
		 * (本县 is a pronoun, 本级县, 本辖区 no names) */
		static const char *const own[] = {"级", "辖", "地", "部"};
		if (k == 1 && i == j && i + 2 == e && match(t, i, e, "本") &&
		    is_han(t->cp[i + 1]) &&
		    !match_any(t, i + 1, e, place_levels, COUNT(place_levels), NULL) &&
		    !match_any(t, i + 1, e, not_place, COUNT(not_place), NULL) &&
		    !match_any(t, i + 1, e, own, COUNT(own), NULL))
			k = 0;
		/* 会泽县, 会理市, 会昌县: 会 opens a name at a clause's start
		 * when a name's character follows (not 会同: with, a verb; nor
		 * 会上, 会后 …: the meeting's) */
		static const char *const meeting_after[] = {"上", "后", "前", "议", "见", "商",
							    "同", "中", "期", "场", "谈"};
		/* (but 会同县第十八届人民政府, 会同县人民政府召开…: the county
		 * of that name, its term or its government after it) */
		int county = match(t, i, t->n, "会同县") &&
			     (match(t, i + 3, t->n, "第") || match(t, i + 3, t->n, "人民政府"));
		if (k == 1 && i == j && (i == 0 || !is_han(t->cp[i - 1])) && match(t, i, e, "会") &&
		    i + 1 < e && is_han(t->cp[i + 1]) &&
		    !match_any(t, i + 1, i + 2, meeting_after, COUNT(meeting_after), NULL) &&
		    !match_any(t, i + 1, e, place_levels, COUNT(place_levels), NULL) &&
		    !match_any(t, i + 1, e, not_place, COUNT(not_place), NULL))
			k = 0;
		if (k == 1 && i == j && county && (i == 0 || !is_han(t->cp[i - 1])) && e == i + 2)
			k = 0, i++; /* (同 too: no preposition there) */
		/* 和平区, 和田市, 和龙市: 和 opens a name at a clause's start
		 * (，和平区政府召开…) as 会 does; inside a clause it joins. 府谷县
		 * likewise: 府 alone opens no clause (it ends 政府 inside one) */
		/* (凤阳县府城镇: after its county, 府 opens a town's name) */
		static const char *const towns[] = {"镇", "乡", "街道"};
		if (k == 1 && i > 0 && match(t, i, e, "府") && i + 1 < e &&
		    match_any(t, i - 1, i, county_levels, COUNT(county_levels), NULL) &&
		    match_any(t, e, t->n, towns, COUNT(towns), NULL) &&
		    !match_any(t, i + 1, e, not_place, COUNT(not_place), NULL))
			k = 0;
		static const char *const clause_openers[] = {"和", "府"};
		if (k == 1 && i == j && (i == 0 || !is_han(t->cp[i - 1])) &&
		    match_any(t, i, i + 1, clause_openers, COUNT(clause_openers), NULL) &&
		    i + 1 < e && is_han(t->cp[i + 1]) &&
		    !match_any(t, i + 1, e, place_levels, COUNT(place_levels), NULL) &&
		    !match_any(t, i + 1, e, not_place, COUNT(not_place), NULL))
			k = 0;
		/* 呼和浩特市: 和 second in a name of four after a boundary joins
		 * nothing (人大和南宁市 runs past the window, unbounded) */
		if (k == 1 && bounded && i == j + 1 && e == j + 4 && match(t, i, e, "和") &&
		    is_han(t->cp[i + 1]) && is_han(t->cp[i + 2]) &&
		    !match_any(t, i + 1, e, place_levels, COUNT(place_levels), NULL) &&
		    !match_any(t, i + 1, e, not_place, COUNT(not_place), NULL) &&
		    !match_any(t, i + 2, e, not_place, COUNT(not_place), NULL))
			k = 0;
		/* 太和县, 平和县: 和 second in a name of two after a boundary,
		 * its level right after it (not 市和县: two levels) */
		if (k == 1 && bounded && i == j + 1 && e == j + 2 && match(t, i, e, "和") &&
		    !match_any(t, j, i, place_levels, COUNT(place_levels), NULL) &&
		    !match_any(t, j, i, not_place, COUNT(not_place), NULL))
			k = 0;
		if (k == 1 && i == j && (i == 0 || !is_han(t->cp[i - 1])) && e == i + 2 &&
		    county_of_quan(t, i))
			k = 0;
		/* 金安经济开发区: 经 of a zone's kind, no preposition */
		if (k == 1 && (match(t, i, e, "经济开发") || match(t, i, e, "经济技术开发")))
			k = 0;
		/* 向阳街道, 向阳区: 向阳 is a name, 向 no preposition there */
		if (k == 1 && i == j && match(t, i, e, "向阳"))
			k = 0;
		/* 长岭县, 长兴县: 长 opens a name, unless a level before it
		 * makes it a title's (县长, 市长, 镇长) */
		static const char *const heads[] = {"县", "市", "区", "镇", "乡", "旗", "州",
						    "省", "盟", "团", "所", "院", "站", "局"};
		/* (南溪区长兴镇: a place before the level, 长兴镇 after it, two
		 * places in a chain, no 区长) */
		int chain = i >= 3 && match_any(t, i - 1, i, heads, COUNT(heads), NULL) &&
			    match_any(t, i - 1, i, place_levels, COUNT(place_levels), NULL) &&
			    place_start(t, i - 1) + 2 <= i - 1;
		if (k == 1 && (i == j || chain) && i + 2 <= e && match(t, i, e, "长") &&
		    is_han(t->cp[i + 1]) &&
		    !match_any(t, i + 1, e, place_levels, COUNT(place_levels), NULL) &&
		    !match_any(t, i + 1, e, not_place, COUNT(not_place), NULL) &&
		    (chain || !(i > 0 && match_any(t, i - 1, i, heads, COUNT(heads), NULL))))
			k = 0;
		/* 延长县, 永长乡: 长 ends a name right before its level, after a
		 * name's character (县长, 乡长: a level's title, no name) */
		if (k == 1 && i > j && i + 1 == e && match(t, i, e, "长") && is_han(t->cp[i - 1]) &&
		    !match_any(t, i - 1, i, heads, COUNT(heads), NULL) &&
		    !match_any(t, i - 1, i, not_place, COUNT(not_place), NULL))
			k = 0;
		if (k) {
			j = i + k;
			bounded = 1;
			i = j - 1;
		}
	}
	/* 2026年2月县人民政府: a month's 月 after its digits opens no name */
	if (j < e && j > 0 && t->cp[j] == 0x6708 /* 月 */ && is_digit(t->cp[j - 1]))
		j++;
	/* 河南驻马店市: the province before the city is no part of it */
	size_t pv = bounded ? match_any(t, j, e, provinces, COUNT(provinces), NULL) : 0;
	/* but 广西壮族自治区 is the region itself */
	int region = most > 5 && match(t, e, t->n, "区");
	/* (but 四川北路街道, 南京东路街道: a street named after its road) */
	if (pv && e < t->n && match(t, e, t->n, "街道") && e >= 1 && match(t, e - 1, e, "路"))
		pv = 0;
	if (pv && e - (j + pv) >= 2 && !match(t, j + pv, e, "省") && !region)
		j += pv + (e - (j + pv) >= 3 && match(t, j + pv, e, "市")); /* 上海市宝山区 */
	/* 洛阳市偃师区, 花莲县吉安乡: the place is the smallest */
	static const char *const higher[] = {"省", "市", "州", "县", "区"};
	/* (中共青岛市黄岛区委: a chain longer than the window is bounded by
	 * the level inside it) */
	for (size_t i = j + 2; !bounded && i + 2 < e; i++)
		bounded = match_any(t, i, e, higher, COUNT(higher), NULL) > 0;
	for (size_t i = j + 2; bounded && i + 2 < e; i++)
		if (match_any(t, i, e, higher, COUNT(higher), NULL))
			j = i + 1;
	/* 墨竹工卡县县委: a name of four with its level, then the level again */
	size_t lim = (most > 5 ? 11 : 4) +
		     (e > j + 1 && match_any(t, e - 1, e, place_levels, COUNT(place_levels), NULL));
	if (!bounded || e - j > lim || (e - j == 2 && match(t, j, e, "自治")))
		return e; /* 自治区政协: the region's, unnamed */
	if (no_name_before_level(t, j, e))
		return e;
	return j;
}

int no_name_before_level(const struct doc *t, size_t j, size_t e)
{
	/* 贸易兴市, 生态立县, 产业富区: a slogan's "make the place thrive
	 * by", no name (the names that end so are two long: 宜兴市, 新兴县) */
	static const char *const thrive[] = {"兴", "立", "富", "强"};
	if (e - j >= 3 && match_any(t, e - 1, e, thrive, COUNT(thrive), NULL))
		return 1;
	/* 市直(驻市)单位: no city's name is one character long; 市区人大代表:
	 * the city's and the districts', no district named 市 */
	return e - j == 1 &&
	       (match(t, e, t->n, "市") || (match(t, j, e, "市") && match(t, e, t->n, "区")));
}

/* In s: a place and the body after it, as 柏溪县政府 → 柏溪县 + 县政府.
 * With want_level, only that level. 0 and *place set (or left NULL), or
 * HY_ERR_NOMEM. */
int place_in(const char *s, size_t slen, const char *want_level, size_t min_len, int bodiless,
	     char **place, size_t *body_at)
{
	struct doc t;
	int rc = doc_init(&t, s, slen);
	if (rc)
		return rc;
	for (size_t i = 1; i < t.n && !*place; i++) {
		/* the first characters of the levels: 街 县 区 市 旗 镇 乡 州 盟 苏(木) */
		uint32_t c = t.cp[i];
		if (c != 0x8857 && c != 0x53BF && c != 0x533A && c != 0x5E02 && c != 0x65D7 &&
		    c != 0x9547 && c != 0x4E61 && c != 0x5DDE && c != 0x76DF && c != 0x82CF)
			continue;
		size_t which, l = match_any(&t, i, t.n, place_levels, COUNT(place_levels), &which);
		if (!l || (want_level && *want_level && !match(&t, i, t.n, want_level)))
			continue;
		/* 柏溪县政府, or 东垣区召开区政府… when the level is wanted */
		static const char *const verbs[] = {"召开",     "召集",     "举行",     "胜利召开",
						    "隆重召开", "及时召开", "随即召开", "紧急召开",
						    "组织",     "第",       "在"};
		/* outside the title only the organs proper: 提交县人大 is no place */
		/* 来源：兴县新闻网: a site of the place */
		static const char *const sites[] = {"新闻网",   "融媒体",    "门户网",
						    "政府网",   "信息中心",  "新闻传媒",
						    "传媒中心", "广播电视台"};
		int site = want_level && *want_level &&
			   match_any(&t, i + l, t.n, sites, COUNT(sites), NULL);
		/* 老爷庙乡:召开…推进会, a title's place before a colon */
		size_t colon = i + l < t.n && t.cp[i + l] == ':' ? 1 : 0;
		/* in a body, any office after the level: 青岚县公安局, 某市卫生健康
		 * 委员会 (README: 市教育局 + 灯塔市) */
		static const char *const offices[] = {"局", "委员会", "委",   "厅",    "办公室",
						      "院", "指挥部", "分部", "管理所"};
		int office = !want_level && t.n - (i + l) >= 3 && t.n - (i + l) <= 12 &&
			     count_han(&t, i + l, t.n) == t.n - (i + l) &&
			     longest_end(&t, i + l, t.n, offices, COUNT(offices)) &&
			     is_unit(&t, i + l, t.n);
		/* 青岛市黄岛区委: a place inside the office's words, its own
		 * level and organ after it, is the body's (黄岛区 + 区委) */
		for (size_t k = i + l + 2; office && k + 1 < t.n; k++) {
			size_t kl = match_any(&t, k, t.n, place_levels, COUNT(place_levels), NULL);
			if (kl && (match_any(&t, k + kl, t.n, organs, COUNT(organs), NULL) ==
					   t.n - (k + kl) ||
				   span_eq(&t, k + kl, t.n, "委员会")))
				office = 0;
		}
		/* 莲湖区局: a bureau by its level alone (区局, 市局), the place
		 * before it */
		if (!want_level && t.n == i + l + 1 && match(&t, i + l, t.n, "局") &&
		    count_han(&t, 0, t.n) == t.n && (c == 0x533A || c == 0x5E02 || c == 0x53BF))
			office = 1;
		/* 全州县十七届人民政府, 会同县第十八届人民政府: the term between
		 * the place and its organ */
		size_t term = i + l + match(&t, i + l, t.n, "第"), te = term;
		while (te < t.n && te - term < 4 && (cn_digit(t.cp[te]) >= 0 || cn_unit(t.cp[te])))
			te++;
		te = te > term && match(&t, te, t.n, "届") ? te + 1 : i + l;
		if (!match_any(&t, i + l, t.n, organs, COUNT(organs), NULL) &&
		    !(te > i + l && match_any(&t, te, t.n, organs, COUNT(organs), NULL)) &&
		    !office &&
		    !(want_level && match_any(&t, i + l, t.n, verbs, COUNT(verbs), NULL)) &&
		    !(colon && min_len == 1 &&
		      match_any(&t, i + l + 1, t.n, verbs, COUNT(verbs), NULL)) &&
		    !site)
			continue;
		size_t j = place_start(&t, i);
		/* ，泾县人大常委会主任某某主持召开…: a county of one character
		 * opening a clause, its organ after it */
		int one = i - j == 1 && c == 0x53BF /* 县 */ && (j == 0 || !is_han(t.cp[j - 1])) &&
			  county_of_one(&t, j) && organ_at(&t, i + l, t.n) &&
			  !not_place_at(&t, j, i);
		if (j == i || (i - j < min_len && !site && !one))
			continue;
		/* 常务会议暨县政府…: a conjunction before the level names no
		 * county of one character (和县 is one: 和 is left to the name) */
		static const char *const joins[] = {"暨", "及", "与", "并"};
		if (i - j == 1 && match_any(&t, j, i, joins, COUNT(joins), NULL))
			continue;
		/* outside the title: 新罗区委书记某某 is a leader's title, not the
		 * place of the meeting he attends (传达衡阳市委书记某某讲话精神
		 * in a county-level city's readout) */
		static const char *const leaders[] = {"书记", "副书记", "常委", "委员"};
		size_t ol = match_any(&t, i + l, t.n, organs, COUNT(organs), NULL);
		size_t ll = ol ? match_any(&t, i + l + ol, t.n, leaders, COUNT(leaders), NULL) : 0;
		/* (某市委常委会 is a meeting, no leader) */
		if ((bodiless || min_len > 1) && ll && match(&t, i + l + ol - 1, t.n, "委") &&
		    !match(&t, i + l + ol + ll, t.n, "会")) {
			/* but the one who convenes (某区委副书记、区长某某主持
			 * 召开…) names his own place */
			size_t ce = i + l;
			while (ce < t.n && t.cp[ce] != ',' && !is_sent_end(&t, ce))
				ce++;
			if (find(&t, i + l, ce, "主持") == NPOS &&
			    find(&t, i + l, ce, "召开") == NPOS &&
			    find(&t, i + l, ce, "召集") == NPOS)
				continue;
		}
		/* (经开区: nor the tail of such a word, 开区, when its head was
		 * taken for a verb) */
		if (match(&t, i, t.n, "区") &&
		    (match_any(&t, j, i, zone_words, COUNT(zone_words), NULL) == i - j ||
		     (j >= 1 &&
		      match_any(&t, j - 1, i, zone_words, COUNT(zone_words), NULL) == i - j + 1)))
			continue;
		/* an office alone after the level: a name of two at least, no
		 * zone's (东片区关工委, 区市场监管局) */
		if (office && !match_any(&t, i + l, t.n, organs, COUNT(organs), NULL)) {
			int zone = i - j < 2;
			for (size_t q = j; q < i && !zone; q++)
				zone = match_any(&t, q, i, zone_words, COUNT(zone_words), NULL) >
					       0 ||
				       match_any(&t, q, i, place_levels, COUNT(place_levels), NULL);
			if (zone)
				continue;
		}
		if (min_len > 1 && relayed_after_province(&t, j))
			continue;
		/* outside the title a place opens a clause (，清水县政府县长…),
		 * or follows the places above it (山西省某市盐湖区委…) */
		if (min_len > 1 && j > 0 && is_han(t.cp[j - 1]) &&
		    !(j >= 3 && after_level_above(&t, j)))
			continue;
		/* 兴县县委: the county 兴县 names its level itself (but 牛镇镇
		 * is the town 牛镇镇); 县县委 (县十五届县委 without its term)
		 * names no place */
		size_t pe = i + l;
		if (t.cp[i - 1] == c) {
			if (i - j < 2)
				continue;
			/* 兴县, 石桥县县委, 某区区委, 某市市委: no county,
			 * district or city repeats its level */
			if (c == 0x53BF || c == 0x533A || c == 0x5E02) /* 县 区 市 */
				pe = i;
		}
		*place = doc_str(&t, j, pe);
		if (!*place)
			rc = HY_ERR_NOMEM;
		if (body_at) /* 广西壮族自治区人民政府: the 自治区人民政府 */
			*body_at = t.off[i >= j + 2 && match(&t, i - 2, i, "自治") && c == 0x533A
						 ? i - 2
						 : i];
	}
	doc_free(&t);
	return rc;
}
