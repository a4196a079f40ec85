/* chrome.c: which lines are a page's chrome, not its text (clean.c's
 * step 6, hy_clean_is_chrome): navigation words, share and print widgets,
 * view counters, breadcrumbs, registration numbers, image captions and
 * bare addresses; a line with a date or byline label is never chrome. */
#include "huiyi/clean.h"
#include "clean_int.h"
#include "huiyi/html.h"

#include "huiyi/utf8.h"

#include <stdint.h>
#include <string.h>

#include <unicode/uchar.h>

enum {
	CHROME_MAX_CPS = 300, /* longer lines are content, not chrome */
};

enum chrome_kind {
	WORD,    /* a line made only of such words is chrome */
	PREFIX,  /* a line starting with it (letters and digits only) */
	LABEL,   /* a line starting with it and a colon */
	REGNUM,  /* anywhere, followed by a registration number */
	CRUMB,   /* a line starting with it and holding a > arrow */
	KEEP_IF, /* a date or byline label: the line is never chrome */
};

#define P(str, k)                                                                                  \
	{                                                                                          \
		str, sizeof(str) - 1, k                                                            \
	}
static const struct chrome_pat {
	const char *s;
	size_t n;
	enum chrome_kind kind;
} chrome[] = {
	/* font size / print / close boxes */
	P("字体", WORD),
	P("字體", WORD),
	P("字号", WORD),
	P("字號", WORD),
	P("大", WORD),
	P("中", WORD),
	P("小", WORD),
	P("默认", WORD),
	P("默認", WORD),
	P("超大", WORD),
	P("打印", WORD),
	P("列印", WORD),
	P("打印本页", WORD),
	P("打印本頁", WORD),
	P("打印此页", WORD),
	P("打印此頁", WORD),
	P("打印文章", WORD),
	P("我要打印", WORD),
	P("关闭", WORD),
	P("關閉", WORD),
	P("关闭窗口", WORD),
	P("關閉窗口", WORD),
	P("关闭本页", WORD),
	P("關閉本頁", WORD),
	P("收藏", WORD),
	P("加入收藏", WORD),
	P("收藏本页", WORD),
	P("收藏本頁", WORD),
	P("纠错", WORD),
	P("糾錯", WORD),
	P("我要纠错", WORD),
	P("我要糾錯", WORD),
	P("视力保护色", WORD),
	P("視力保護色", WORD),
	/* a news app's prompt (打开网易新闻 查看更多图片) */
	P("打开网易新闻", WORD),
	P("打開網易新聞", WORD),
	P("打开客户端", WORD),
	P("打开APP", WORD),
	P("打开App", WORD),
	/* a gallery's link (查看更多图片 under a photo) */
	P("查看更多图片", WORD),
	P("查看更多圖片", WORD),
	P("更多图片", WORD),
	P("更多圖片", WORD),
	/* an advertisement's slot inside the story (廣告 更多內容請繼續往下閱讀) */
	P("广告", WORD),
	P("廣告", WORD),
	P("更多内容请继续往下阅读", WORD),
	P("更多內容請繼續往下閱讀", WORD),
	P("继续阅读", WORD),
	P("繼續閱讀", WORD),
	/* a read-aloud button (文章播报 above the story) */
	P("文章播报", WORD),
	P("文章播報", WORD),
	P("语音播报", WORD),
	P("語音播報", WORD),
	P("播报", WORD),
	P("播報", WORD),
	P("暂停", WORD),
	P("暫停", WORD),
	/* sharing */
	P("分享", WORD),
	P("分享到", WORD),
	P("微信", WORD),
	P("微博", WORD),
	P("新浪微博", WORD),
	P("腾讯微博", WORD),
	P("騰訊微博", WORD),
	P("QQ空间", WORD),
	P("QQ空間", WORD),
	P("QQ好友", WORD),
	P("朋友圈", WORD),
	P("扫一扫", WORD),
	P("掃一掃", WORD),
	P("手机扫一扫", WORD),
	P("手機掃一掃", WORD),
	P("在手机打开当前页", WORD),
	P("在手機打開當前頁", WORD),
	P("关闭此视窗", WORD),
	P("關閉此視窗", WORD),
	P("关闭此窗口", WORD),
	P("關閉此窗口", WORD),
	/* 扫一扫 / 打开 · 手机版 / 关注 · 政务微博: a portal's QR codes */
	P("打开", WORD),
	P("打開", WORD),
	P("手机版", WORD),
	P("手機版", WORD),
	P("关注", WORD),
	P("關注", WORD),
	P("政务微博", WORD),
	P("政務微博", WORD),
	P("政务微信", WORD),
	P("政務微信", WORD),
	/* navigation */
	P("返回", WORD),
	P("返回顶部", WORD),
	P("返回頂部", WORD),
	P("回到顶部", WORD),
	P("回到頂部", WORD),
	P("回到顶端", WORD),
	P("回到頂端", WORD),
	P("我要收藏", WORD),
	P("搜索", WORD), /* a search box's button (搜 索) */
	P("收藏本页", WORD),
	P("收藏本頁", WORD),
	P("返回首页", WORD),
	P("返回首頁", WORD),
	P("返回列表", WORD),
	P("顶部", WORD),
	P("頂部", WORD),
	P("设为首页", WORD),
	P("設為首頁", WORD),
	P("关于我们", WORD),
	P("關於我們", WORD),
	P("网站地图", WORD),
	P("網站地圖", WORD),
	P("联系我们", WORD),
	P("聯繫我們", WORD),
	P("聯系我們", WORD),
	P("网站声明", WORD),
	P("網站聲明", WORD),
	P("使用帮助", WORD),
	P("使用幫助", WORD),
	P("无障碍", WORD),
	P("無障礙", WORD),
	P("长者模式", WORD),
	P("長者模式", WORD),
	P("长者版", WORD),
	P("長者版", WORD),
	P("长辈版", WORD),
	P("長輩版", WORD),
	P("无障碍阅读", WORD),
	P("無障礙閱讀", WORD),
	P("加入收藏", WORD),
	P("用户登录", WORD),
	P("用戶登錄", WORD),
	P("立即注册", WORD),
	P("立即註冊", WORD),
	P("还没有账号", WORD),
	P("還沒有賬號", WORD),
	P("关灯", WORD),
	P("關燈", WORD),
	P("护眼", WORD),
	P("護眼", WORD),
	P("简体", WORD),
	P("簡體", WORD),
	P("繁体", WORD),
	P("繁體", WORD),
	P("简体版", WORD),
	P("簡體版", WORD),
	P("繁体版", WORD),
	P("繁體版", WORD),

	P("上一篇", PREFIX),
	P("下一篇", PREFIX),
	P("上一条", PREFIX),
	P("上一條", PREFIX),
	P("下一条", PREFIX),
	P("下一條", PREFIX),
	P("当前位置", PREFIX),
	P("當前位置", PREFIX),
	P("您的位置", PREFIX),
	P("您现在的位置", PREFIX),
	P("您現在的位置", PREFIX),
	P("您当前的位置", PREFIX),
	P("您當前的位置", PREFIX),
	P("您当前位置", PREFIX),
	P("您當前位置", PREFIX),
	P("您所在的位置", PREFIX),
	P("您所在位置", PREFIX),
	P("按Enter到主内容区", PREFIX), /* an accessibility link */
	P("按Enter到主內容區", PREFIX),
	P("跳到主要内容", PREFIX),
	P("跳到主要內容", PREFIX),
	P("您当前所在位置", PREFIX),
	P("您當前所在位置", PREFIX),
	P("当前所在位置", PREFIX),
	P("當前所在位置", PREFIX),
	P("版权所有", PREFIX),
	P("版權所有", PREFIX),
	P("Copyright", PREFIX),
	P("COPYRIGHT", PREFIX),
	P("网站标识码", PREFIX),
	P("網站標識碼", PREFIX),
	P("分享到", PREFIX),
	P("发表评论", PREFIX),
	P("發表評論", PREFIX),
	P("网友评论", PREFIX),
	P("網友評論", PREFIX),
	P("验证码", PREFIX),
	P("驗證碼", PREFIX),
	/* a news app's prompt under a story cut short */
	P("点击查看全文", PREFIX),
	P("點擊查看全文", PREFIX),
	/* a portal's notice before an outside link opens */
	P("您访问的链接即将离开", PREFIX),
	P("您訪問的鏈接即將離開", PREFIX),
	P("扫一扫在手机打开", PREFIX),
	P("掃一掃在手機打開", PREFIX),
	P("关于我们", PREFIX),
	P("關於我們", PREFIX),
	P("网站地图", PREFIX),
	P("網站地圖", PREFIX),
	P("联系我们", PREFIX),
	P("聯繫我們", PREFIX),
	P("聯系我們", PREFIX),
	P("设为首页", PREFIX),
	P("設為首頁", PREFIX),
	P("友情链接", PREFIX),
	P("友情鏈接", PREFIX),
	P("相关链接", PREFIX),
	P("相關鏈接", PREFIX),
	/* readers' widgets under an article */
	P("文章不错", PREFIX),
	P("文章不錯", PREFIX),
	P("转载是一种动力", PREFIX),
	P("轉載是一種動力", PREFIX),
	P("分享是一种美", PREFIX),
	P("分享是一種美", PREFIX),
	P("打印本页", PREFIX),
	P("打印本頁", PREFIX),
	P("关闭窗口", PREFIX),
	P("關閉窗口", PREFIX),

	/* a newspaper's e-edition: its page widgets (展开通版, 通版阅读请点
	 * 击:), the story's length and page (字数:449, 版次:01) */
	P("展开通版", WORD),
	P("展開通版", WORD),
	P("收缩通版", WORD),
	P("收縮通版", WORD),
	P("数字报首页", WORD),
	P("數字報首頁", WORD),
	P("通版阅读", PREFIX),
	P("通版閱讀", PREFIX),
	/* Taiwan's age gate before a story (限制級: the notice, the
	 * buttons, the rule it cites) */
	P("限制級", WORD),
	P("限制级", WORD),
	P("我同意", WORD),
	P("未滿18歲", PREFIX),
	P("未满18岁", PREFIX),
	P("我已年滿18歲", PREFIX),
	P("我已年满18岁", PREFIX),
	P("您即將進入之", PREFIX),
	P("您即将进入之", PREFIX),
	P("或不同意本條款", PREFIX),
	P("或不同意本条款", PREFIX),
	P("根據電腦網路內容分級", PREFIX),
	P("根据电脑网路内容分级", PREFIX),
	/* a tobacco trade site's notice above every story (本网站含有烟草内容，
	 * 未成年人谢绝访问), and a share widget's instructions (打开微信，点击底部
	 * 的“发现”，使用“扫一扫”…) */
	P("本网站含有烟草内容", PREFIX),
	P("本網站含有煙草內容", PREFIX),
	P("打开微信点击底部的发现", PREFIX),
	P("打開微信點擊底部的發現", PREFIX),
	P("使用扫一扫即可将网页分享至", PREFIX),
	P("使用掃一掃即可將網頁分享至", PREFIX),
	P("电子报阅读机", WORD),
	P("電子報閱讀機", WORD),
	P("版面", LABEL),
	P("当前报纸名称", LABEL),
	P("中文域名", LABEL), /* 中文域名:某某区人民政府.政务 */
	P("中文網域", LABEL),
	P("當前報紙名稱", LABEL),
	P("字数", LABEL),
	P("字數", LABEL),
	P("版次", LABEL),
	P("主办单位", LABEL),
	P("主辦單位", LABEL),
	P("承办单位", LABEL),
	P("承辦單位", LABEL),
	P("协办单位", LABEL),
	P("協辦單位", LABEL),
	P("主管单位", LABEL),
	P("主管單位", LABEL),
	P("主办", LABEL),
	P("主辦", LABEL),
	P("承办", LABEL),
	P("承辦", LABEL),
	P("技术支持", LABEL),
	P("技術支持", LABEL),
	P("网站维护", LABEL),
	P("網站維護", LABEL),
	P("维护单位", LABEL),
	P("維護單位", LABEL),
	P("运维单位", LABEL),
	P("運維單位", LABEL),

	P("ICP备", REGNUM),
	P("ICP備", REGNUM),
	P("ICP证", REGNUM),
	P("ICP證", REGNUM),
	P("公网安备", REGNUM),
	P("公網安備", REGNUM),
	P("网站标识码", REGNUM),
	P("網站標識碼", REGNUM),

	P("首页", CRUMB),
	P("首頁", CRUMB),
	P("网站首页", CRUMB),
	P("網站首頁", CRUMB),
	P("主页", CRUMB),
	P("主頁", CRUMB),

	P("时间", KEEP_IF),
	P("時間", KEEP_IF),
	P("日期", KEEP_IF),
	P("来源", KEEP_IF),
	P("來源", KEEP_IF),
	P("编辑", KEEP_IF),
	P("編輯", KEEP_IF),
	P("作者", KEEP_IF),
	P("发布于", KEEP_IF),
	P("發布於", KEEP_IF),
	P("发表于", KEEP_IF),
	P("發表於", KEEP_IF),
	P("撰稿", KEEP_IF),
	P("摄影", KEEP_IF),
	P("攝影", KEEP_IF),
	P("索引号", KEEP_IF),
	P("索引號", KEEP_IF),
};
#undef P

/* Separators of breadcrumbs and menus: > ＞ » › → / | ｜ */
static const char *const arrows[] = {
	">", "\xEF\xBC\x9E", "\xC2\xBB", "\xE2\x80\xBA", "\xE2\x86\x92", "/", "|", "\xEF\xBD\x9C"};

static const char *find(const char *s, size_t n, const char *w, size_t wn)
{
	if (wn == 0 || wn > n)
		return NULL;
	for (const char *p = s; (size_t)(s + n - p) >= wn; p++) {
		p = memchr(p, w[0], (size_t)(s + n - p) - wn + 1);
		if (!p)
			return NULL;
		if (memcmp(p, w, wn) == 0)
			return p;
	}
	return NULL;
}

static size_t count_cps(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* Skip spaces at s[i..n); returns the new index. */
static size_t skip_spaces(const char *s, size_t i, size_t n)
{
	size_t k;

	while (i < n && (k = hy_clean_space_at(s + i, n - i)) > 0)
		i += k;
	return i;
}

static size_t colon_at(const char *s, size_t n)
{
	if (n >= 1 && s[0] == ':')
		return 1;
	if (n >= 3 && memcmp(s, "\xEF\xBC\x9A", 3) == 0)
		return 3;
	return 0;
}

/* A date or byline label (发布时间：, 来源：, 索引号 ...) anywhere; or a
 * day with its year beside a count of readers (您的位置：… > 正文 |
 * 2022-12-12 阅读量：): the page's publish time, kept for the parser. */
static int has_keep_label(const char *s, size_t n)
{
	static const char *const counts[] = {"阅读", "閱讀", "浏览", "瀏覽", "点击", "點擊"};
	for (size_t c = 0; c < sizeof counts / sizeof *counts; c++)
		if (find(s, n, counts[c], strlen(counts[c])) && hy_html_has_date(s, n))
			return 1;
	for (size_t t = 0; t < sizeof chrome / sizeof chrome[0]; t++) {
		const char *w = chrome[t].s, *p = s;
		size_t wn = chrome[t].n;
		if (chrome[t].kind != KEEP_IF)
			continue;
		while ((p = find(p, (size_t)(s + n - p), w, wn)) != NULL) {
			size_t i = skip_spaces(s, (size_t)(p - s) + wn, n);
			if (strncmp(w, "索引", 6) == 0 || colon_at(s + i, n - i))
				return 1;
			p += wn;
		}
	}
	return 0;
}

/* s[0..n) is the line's letters and digits only: is it a run of WORDs,
 * at least one of them two or more characters long? */
static int all_words(const char *s, size_t n)
{
	/* bit 1: reached; bit 2: reached using a word of 2+ characters */
	unsigned char reach[CHROME_MAX_CPS * 4 + 1];

	if (n == 0 || n >= sizeof reach)
		return 0;
	memset(reach, 0, n + 1);
	reach[0] = 1;
	for (size_t i = 0; i < n; i++) {
		if (!reach[i])
			continue;
		for (size_t t = 0; t < sizeof chrome / sizeof chrome[0]; t++) {
			const char *w = chrome[t].s;
			size_t wn = chrome[t].n;
			if (chrome[t].kind != WORD || w[0] != s[i] || wn > n - i ||
			    memcmp(s + i, w, wn) != 0)
				continue;
			reach[i + wn] |= (unsigned char)(1 | (reach[i] & 2) |
							 (count_cps(w, wn) >= 2 ? 2 : 0));
		}
	}
	return reach[n] == 3;
}

/* Markdown images `![alt](url)`, linked images and empty links `[](url)`
 * separated by spaces, and nothing else. */
static int only_images(const char *s, size_t n)
{
	size_t i = 0;
	int any = 0;

	for (;;) {
		const char *p;
		int linked = 0;
		i = skip_spaces(s, i, n);
		if (i >= n)
			return any;
		if (n - i >= 3 && memcmp(s + i, "[![", 3) == 0) {
			linked = 1;
			i++;
		}
		if (n - i >= 2 && memcmp(s + i, "![", 2) == 0) {
			p = find(s + i, n - i, "](", 2);
		} else if (n - i >= 3 && memcmp(s + i, "[](", 3) == 0) {
			p = s + i + 1;
		} else {
			return 0;
		}
		if (!p)
			return 0;
		p = memchr(p, ')', (size_t)(s + n - p));
		if (!p)
			return 0;
		i = (size_t)(p - s) + 1;
		if (linked) {
			if (n - i < 2 || memcmp(s + i, "](", 2) != 0)
				return 0;
			p = memchr(s + i, ')', n - i);
			if (!p)
				return 0;
			i = (size_t)(p - s) + 1;
		}
		any = 1;
	}
}

static int ascii_prefix_ci(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; w[i]; i++) {
		char a = i < n ? s[i] : '\0', b = w[i];
		if (a >= 'A' && a <= 'Z')
			a = (char)(a + 32);
		if (a != b)
			return 0;
	}
	return 1;
}

/* Bare URLs separated by spaces, and nothing else. */
static int only_urls(const char *s, size_t n)
{
	size_t i = 0;
	int any = 0;

	for (;;) {
		size_t k;
		i = skip_spaces(s, i, n);
		if (i >= n)
			return any;
		if (s[i] == '<')
			i++;
		if (!ascii_prefix_ci(s + i, n - i, "http://") &&
		    !ascii_prefix_ci(s + i, n - i, "https://") &&
		    !ascii_prefix_ci(s + i, n - i, "www."))
			return 0;
		while (i < n && (k = hy_clean_space_at(s + i, n - i)) == 0)
			i++;
		any = 1;
	}
}

/* A site's menu: items parted by bars (新浪山东|资讯|同城|旅游, or 欢迎
 *光临某某网 加入收藏|繁體版|广告服务|网站地图: at least four, each after
 * the first at most 8 characters), or by spaces (政府机构 信息公开 办事服务
 * 互动交流 走进某市: at least five of 2 to 6 letters, half of them four or
 * more, none a unit's or a place's name (列席 units listed with spaces
 * end in 局, 委, 办 …) and none about a meeting). No sentence in it. */
static int is_menu(const char *s, size_t n)
{
	size_t items = 0, long_items = 0, len = 0, i = 0;
	int bars = 0, bad = 0;
	uint32_t last = 0;
	static const uint32_t units[] = {
		0x5C40 /* 局 */, 0x59D4 /* 委 */, 0x529E /* 办 */, 0x9662 /* 院 */, 0x90E8 /* 部 */,
		0x5385 /* 厅 */, 0x961F /* 队 */, 0x6240 /* 所 */, 0x7AD9 /* 站 */, 0x7EC4 /* 组 */,
		0x9547 /* 镇 */, 0x4E61 /* 乡 */, 0x53BF /* 县 */, 0x533A /* 区 */, 0x5E02 /* 市 */,
		0x53F8 /* 司 */, 0x5904 /* 处 */, 0x79D1 /* 科 */};

	for (size_t k = 0; k < n; k++)
		bars += s[k] == '|' || (k + 2 < n && memcmp(s + k, "ï½", 3) == 0);
	while (i <= n) {
		uint32_t c = 0;
		size_t k = i < n ? hy_utf8_decode(s + i, n - i, &c) : 1;
		size_t sp = i < n ? hy_clean_space_at(s + i, n - i) : 1;
		int sep = i == n || c == '|' || c == 0xFF5C || (!bars && sp);
		if (sep) {
			if (len) {
				items++;
				if (bars ? items > 1 && len > 8 : len < 2 || len > 6)
					return 0;
				long_items += len >= 4;
				for (size_t u = 0; u < sizeof units / sizeof *units; u++)
					bad |= !bars && last == units[u];
			}
			len = 0;
			i += sp ? sp : k;
			continue;
		}
		if (c == 0x3002 || c == 0xFF0C || c == ',' || c == 0x4F1A /* 会 */ ||
		    (!bars && !u_isalnum((UChar32)c)))
			return 0;
		if (!(bars && sp))
			len++;
		last = c;
		i += k;
	}
	return !bad && (bars ? bars >= 3 && items >= 4 : items >= 5 && 2 * long_items >= items);
}

/* A news-by-SMS offer (订阅《某某手机报》 移动用户编辑短信 XX 发送到
 * 10658…): 短信 and a service number of six digits or more. */
static int sms_offer(const char *s, size_t n)
{
	size_t run = 0, most = 0;
	if (!find(s, n, "短信", strlen("短信")))
		return 0;
	for (size_t i = 0; i < n; i++) {
		run = s[i] >= '0' && s[i] <= '9' ? run + 1 : 0;
		most = run > most ? run : most;
	}
	return most >= 6;
}

/* The line's letters and digits (Han included), in sk; returns length. */
static size_t skeleton(const char *s, size_t n, char *sk)
{
	size_t i = 0, m = 0;

	while (i < n) {
		uint32_t c;
		size_t k = hy_utf8_decode(s + i, n - i, &c);
		if (c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9')
			     : u_isalnum((UChar32)c)) {
			memcpy(sk + m, s + i, k);
			m += k;
		}
		i += k;
	}
	return m;
}

/* (function(){try{if(document.getElementById…: a page's script saved as
 * text, whatever its length: a script's words, its punctuation dense, next
 * to no Chinese. */
static int is_script(const char *s, size_t n)
{
	static const char *const words[] = {"function(", "document.", "window.", "var ", "});"};
	if (!memchr(s, '(', n) || !memchr(s, ';', n))
		return 0; /* (a script has both; prose in Chinese has neither) */
	size_t punct = 0, high = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		punct += c == ';' || c == '{' || c == '}' || c == '(' || c == ')' || c == '=';
		high += c >= 0x80;
	}
	if (punct < 6 || punct * 12 < n || high * 10 > n)
		return 0; /* (most lines end here: prose, or too few of a script's marks) */
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		size_t k = strlen(words[w]);
		for (size_t i = 0; i + k <= n; i++)
			if (s[i] == words[w][0] && memcmp(s + i, words[w], k) == 0)
				return 1;
	}
	return 0;
}

int hy_clean_is_chrome(const char *s, size_t n)
{
	char sk[CHROME_MAX_CPS * 4 + 4];
	size_t skn, lead;

	if (!s || n == 0)
		return 0;
	if (only_images(s, n) || only_urls(s, n) || is_script(s, n))
		return 1;
	size_t cps = count_cps(s, n);
	if (cps > CHROME_MAX_CPS)
		return 0;
	/* a longer line with two full stops is prose: most lines of a
	 * readout end here, before the table below is walked */
	if (cps > 60) {
		int stops = 0; /* 。 is E3 80 82 */
		for (size_t i = 0; i + 2 < n && stops < 2; i++)
			stops += (unsigned char)s[i] == 0xE3 && (unsigned char)s[i + 1] == 0x80 &&
				 (unsigned char)s[i + 2] == 0x82;
		if (stops >= 2)
			return 0;
	}
	skn = skeleton(s, n, sk);
	for (lead = 0; lead < n && (unsigned char)s[lead] < 0x80; lead++)
		;
	if (lead == n) /* ASCII only: of the patterns, only Copyright */
		return ascii_prefix_ci(sk, skn, "copyright");
	if (all_words(sk, skn))
		return 1;
	if (has_keep_label(s, n))
		return 0;
	if (!hy_html_has_date(s, n) && is_menu(s, n))
		return 1;
	if (sms_offer(s, n))
		return 1;
	/* Hi!读懂某某，请点上方“某某日报”关注: an account's prompt to follow
	 * it, short, above or below the story */
	if (cps <= 60 &&
	    (find(s, n, "点上方", strlen("点上方")) || find(s, n, "點上方", strlen("點上方")) ||
	     find(s, n, "点击上方", strlen("点击上方")) ||
	     find(s, n, "點擊上方", strlen("點擊上方"))))
		return 1;
	/* 政协要闻 位置: 首页>政协要闻: a column's name, then the
	 * breadcrumb behind its label */
	if (cps <= 60) {
		static const char *const here[] = {"位置:", "位置：", "位置 :"};
		for (size_t h = 0; h < sizeof here / sizeof here[0]; h++) {
			const char *at = find(s, n, here[h], strlen(here[h]));
			if (!at || at == s || at[-1] != ' ') /* (after the column's name) */
				continue;
			size_t i = (size_t)(at - s) + strlen(here[h]);
			while (i < n && s[i] == ' ')
				i++;
			if (n - i >= 6 &&
			    (memcmp(s + i, "首页", 6) == 0 || memcmp(s + i, "首頁", 6) == 0))
				return 1;
		}
	}
	/* where the text starts, after brackets and the like: 【上一篇】 */
	lead = 0;
	while (lead < n) {
		uint32_t c;
		size_t k = hy_utf8_decode(s + lead, n - lead, &c);
		if (u_isalnum((UChar32)c))
			break;
		lead += k;
	}
	for (size_t t = 0; t < sizeof chrome / sizeof chrome[0]; t++) {
		const char *w = chrome[t].s, *p;
		size_t wn = chrome[t].n, i;
		switch (chrome[t].kind) {
		case PREFIX:
			if (skn >= wn && sk[0] == w[0] && memcmp(sk, w, wn) == 0)
				return 1;
			break;
		case LABEL:
			if (n - lead >= wn && s[lead] == w[0] && memcmp(s + lead, w, wn) == 0) {
				i = skip_spaces(s, lead + wn, n);
				if (colon_at(s + i, n - i))
					return 1;
			}
			break;
		case REGNUM:
			for (p = s; (p = find(p, (size_t)(s + n - p), w, wn)); p += wn) {
				i = (size_t)(p - s) + wn;
				while (i < n) {
					size_t k = s[i] == ':' || s[i] == '-'
							   ? 1
							   : hy_clean_space_at(s + i, n - i);
					if (!k)
						k = colon_at(s + i, n - i);
					if (!k)
						break;
					i += k;
				}
				if (i < n && ((s[i] >= '0' && s[i] <= '9') ||
					      ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z')))
					return 1;
			}
			break;
		case CRUMB:
			/* (首页 alone on its line: the site's first menu item) */
			if (n - lead == wn && memcmp(s + lead, w, wn) == 0)
				return 1;
			if (n - lead >= wn && s[lead] == w[0] && memcmp(s + lead, w, wn) == 0) {
				for (size_t a = 0; a < sizeof arrows / sizeof arrows[0]; a++)
					if (find(s + lead + wn, n - lead - wn, arrows[a],
						 strlen(arrows[a])))
						return 1;
			}
			break;
		case WORD:
		case KEEP_IF:
			break;
		}
	}
	return 0;
}
