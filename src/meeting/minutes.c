/* minutes.c: attendance blocks of formal minutes.
 *
 * Minutes of a council's or a legislature's committee list who was there
 * under a label line of its own, one entry a line:
 *
 *     出席委员 :
 *     某某某议员(主席)
 *     某某议员
 *     缺席委员 :
 *     某某议员
 *     出席公职人员:
 *     某某局副局长
 *     某某某先生
 *     列席秘书 :
 *     某某某女士
 *
 * The text is read again with each block on one line (主席:甲, 出席:乙、丙,
 * 列席:丁, 缺席:戊), which the attendance sentences already read: the entry
 * marked (主席) chairs, a post's line before a name's is dropped, and the
 * honorific after a name (议员, 先生, 女士, 小姐) goes. */
#include "parse_int.h"

#include "huiyi/err.h"

#include <stdlib.h>

/* Which list a label line opens: 1 present, 2 in attendance (列席), 3 absent,
 * 0 none. The label is the line's whole text, spaces and a colon aside. */
static int block_label(const struct doc *d, size_t a, size_t b)
{
	static const char *const opens[] = {"出席", "列席", "缺席", "请假", "因事缺席", "因公缺席"};
	static const char *const whose[] = {
		"",     "委员", "议员", "者",   "人员",     "公职人员", "政府官员", "官员",
		"秘书", "职员", "代表", "嘉宾", "政府代表", "成员",     "同志",     "列席",
	};
	size_t b0 = b;
	while (b0 > a && (is_space(d->cp[b0 - 1]) || d->cp[b0 - 1] == ':'))
		b0--;
	a = skip_spaces(d, a, b0);
	if (b0 <= a || b0 == b) /* a block's label ends with its colon */
		return 0;
	/* 市民代表、媒体等列席情况：, 参会人员：: a form's field naming who
	 * was there (its names on the next line, spaced) */
	static const char *const fields[] = {"出席情况", "出席人员", "参会人员",
					     "参加人员", "列席情况", "列席人员"};
	size_t fw = 0;
	if (b0 - a <= 24 && b0 >= a + 4 && match_any(d, b0 - 4, b0, fields, COUNT(fields), &fw))
		return fw < 4 ? 1 : 2;
	size_t w = 0, m = match_any(d, a, b0, opens, COUNT(opens), &w);
	if (!m)
		return 0;
	size_t p = skip_spaces(d, a + m, b0);
	for (size_t k = 0; k < COUNT(whose); k++)
		if (match(d, p, b0, whose[k]) == b0 - p)
			return w == 0 ? 1 : w == 1 ? 2 : 3;
	return 0;
}

/* An entry's line: short, no sentence in it. */
static int entry_line(const struct doc *d, size_t a, size_t b)
{
	if (b <= a || b - a > 24)
		return 0;
	for (size_t i = a; i < b; i++)
		if (is_clause_end(d, i) && d->cp[i] != ':')
			return 0;
	return 1;
}

static const char *const honorifics[] = {"议员", "先生", "女士", "小姐", "太太", "博士"};

/* A name's line: [a,b) less a role in brackets and an honorific; *chair
 * set when the bracket says 主席. The name's end, or NPOS when the line
 * has no honorific. */
static size_t name_end(const struct doc *d, size_t a, size_t b, int *chair)
{
	*chair = 0;
	while (b > a && is_space(d->cp[b - 1]))
		b--;
	if (b > a && d->cp[b - 1] == ')') {
		size_t o = b - 1;
		while (o > a && d->cp[o - 1] != '(')
			o--;
		if (o > a) {
			*chair = span_eq(d, o, b - 1, "主席");
			b = o - 1;
			while (b > a && is_space(d->cp[b - 1]))
				b--;
		}
	}
	size_t m = longest_end(d, a, b, honorifics, COUNT(honorifics));
	if (!m || b - m <= a)
		return NPOS;
	return b - m;
}

static int add_span(struct buf *re, const struct doc *d, size_t a, size_t b)
{
	return buf_add(re, d->s + d->off[a], d->off[b] - d->off[a]) ? HY_ERR_NOMEM : 0;
}

static int add_lit(struct buf *re, const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return buf_add(re, s, n) ? HY_ERR_NOMEM : 0;
}

/* A line of two names or more set apart by spaces, nothing else: each
 * word two to four Han characters. */
static int spaced_names(const struct doc *d, size_t a, size_t b)
{
	size_t words = 0;
	a = skip_spaces(d, a, b);
	for (size_t k = a; k < b;) {
		size_t e = k;
		while (e < b && !is_space(d->cp[e]))
			e++;
		if (e - k < 2 || e - k > 4 || count_han(d, k, e) != e - k)
			return 0;
		words++;
		k = skip_spaces(d, e, b);
	}
	return words >= 2;
}

/* Rewrite the text into re with each attendance block on one line.
 * 1: rewritten (parse re), 0: no block, or HY_ERR_NOMEM. */
int minutes_blocks(const struct doc *d, const struct span *lines, size_t nl, struct buf *re)
{
	size_t blocks = 0;
	int rc = 0;
	for (size_t i = 0; i < nl && !rc; i++) {
		int which = block_label(d, lines[i].a, lines[i].b);
		/* the names on one line, set apart by spaces (王甲  李乙  赵丙) */
		size_t nx = i + 1;
		while (which && nx < nl && lines[nx].a == lines[nx].b)
			nx++;
		if (which && nx < nl && spaced_names(d, lines[nx].a, lines[nx].b)) {
			blocks++;
			rc = add_lit(re, which == 1 ? "出席:" : which == 2 ? "列席:" : "缺席:");
			size_t a = skip_spaces(d, lines[nx].a, lines[nx].b), b = lines[nx].b;
			for (size_t k = a; !rc && k < b;) {
				size_t e = k;
				while (e < b && !is_space(d->cp[e]))
					e++;
				rc = (k > a && add_lit(re, "、")) || add_span(re, d, k, e);
				k = skip_spaces(d, e, b);
			}
			rc = rc || add_lit(re, "。\n");
			i = nx;
			continue;
		}
		if (which) {
			/* the entries: lines up to the next label or the first
			 * line that is no entry; blank lines between them */
			size_t j = i + 1, last = i, n = 0, named = 0, plain = 1, named_last = i;
			for (; j < nl; j++) {
				size_t a = skip_spaces(d, lines[j].a, lines[j].b), b = lines[j].b;
				if (a == b)
					continue;
				if (block_label(d, a, b) || !entry_line(d, a, b) ||
				    item_marker(d, a, b))
					break;
				int ch;
				if (name_end(d, a, b, &ch) != NPOS) {
					named++;
					named_last = j;
				}
				plain &= b - a >= 2 && b - a <= 4 && count_han(d, a, b) == b - a;
				n++;
				last = j;
			}
			/* a post's line ends no block: a heading after the
			 * last name is no entry */
			if (named)
				last = named_last;
			if (named || (n >= 2 && plain)) {
				blocks++;
				struct buf names = {0};
				for (size_t k = i + 1; k <= last && !rc; k++) {
					size_t a = skip_spaces(d, lines[k].a, lines[k].b),
					       b = lines[k].b;
					while (b > a && is_space(d->cp[b - 1]))
						b--;
					if (a == b)
						continue;
					int ch;
					size_t e = name_end(d, a, b, &ch);
					if (e == NPOS && named)
						continue; /* a post's line: the name is on the next */
					if (e == NPOS)
						e = b;
					if (ch && which == 1) {
						rc = add_lit(re, "主席:") ||
						     add_span(re, d, a, e) || add_lit(re, "\n");
						continue;
					}
					/* the honorific stays: it makes a name of 区礼义 */
					size_t ke = e + match_any(d, e, b, honorifics,
								  COUNT(honorifics), NULL);
					if (names.n)
						rc = add_lit(&names, "、");
					rc = rc || add_span(&names, d, a, ke);
				}
				if (!rc && names.n) {
					rc = add_lit(re, which == 1   ? "出席:"
							 : which == 2 ? "列席:"
								      : "缺席:") ||
					     buf_add(re, names.s, names.n) || add_lit(re, "。\n");
				}
				free(names.s);
				i = last;
				continue;
			}
		}
		rc = add_span(re, d, lines[i].a, lines[i].b) || add_lit(re, "\n");
	}
	if (rc)
		return HY_ERR_NOMEM;
	return blocks > 0;
}

/* A number cell of an agenda table, alone on its line: 1 |, 6a | (the
 * digits' length, else 0). */
size_t number_cell(const struct doc *d, size_t a, size_t b)
{
	a = skip_spaces(d, a, b);
	while (b > a && is_space(d->cp[b - 1]))
		b--;
	size_t i = a;
	while (i < b && i - a < 3 && is_digit(d->cp[i]))
		i++;
	size_t n = i - a;
	if (!n || n > 2)
		return 0;
	if (i < b && d->cp[i] >= 'a' && d->cp[i] <= 'z')
		i++;
	i = skip_spaces(d, i, b);
	return i + 1 == b && d->cp[i] == '|' ? n : 0;
}

/* A cell that only gives the time an item took: (约51分钟) |, or a lone |. */
static int time_cell(const struct doc *d, size_t a, size_t b)
{
	return b == a || (find(d, a, b, "分钟") != NPOS && b - a <= 14 && d->cp[a] == '(');
}

/* An agenda set out as a table, one cell a line (a district council's
 * page): the number on its line ending in |, the item on the next, its
 * paper's number and the time it took below. Read again with each item on
 * one line after its number's (1 | / 通过会议议程 (文件第1号)), the times
 * and empty cells left out; the number's line ends the item before. 1: rewritten, 0: no
 * such table (three numbers at least), or HY_ERR_NOMEM. */
int table_agenda(const struct doc *d, const struct span *lines, size_t nl, struct buf *re)
{
	size_t cells = 0;
	for (size_t i = 0; i < nl; i++)
		cells += number_cell(d, lines[i].a, lines[i].b) > 0;
	if (cells < 3)
		return 0;
	int rc = 0;
	size_t changed = 0; /* cells dropped or joined: read again only then */
	for (size_t i = 0; i < nl && !rc; i++) {
		size_t n = number_cell(d, lines[i].a, lines[i].b);
		if (!n) {
			rc = add_span(re, d, lines[i].a, lines[i].b) || add_lit(re, "\n");
			continue;
		}
		/* the number's cell stays on its line: the scorer of a page, and
		 * a reader, find the item's words as the page has them */
		rc = add_span(re, d, lines[i].a, lines[i].b) || add_lit(re, "\n");
		size_t j = i + 1, texts = 0;
		for (; j < nl && !rc; j++) {
			size_t a = skip_spaces(d, lines[j].a, lines[j].b), b = lines[j].b;
			if (number_cell(d, a, b))
				break;
			if (a == b)
				continue; /* a blank line: no change */
			int cell = 0;
			while (b > a && (is_space(d->cp[b - 1]) || d->cp[b - 1] == '|')) {
				cell |= d->cp[b - 1] == '|';
				b--;
			}
			changed += cell;
			if (time_cell(d, a, b)) {
				changed++;
				continue;
			}
			/* the item's line, then its paper's cell (…第1号) |;
			 * any other line ends the table */
			if (texts && !cell)
				break;
			rc = (texts && add_lit(re, " ")) || add_span(re, d, a, b);
			texts++;
		}
		rc = rc || add_lit(re, "\n");
		i = j - 1;
	}
	return rc ? HY_ERR_NOMEM : changed > 0;
}

/* Minutes set out as labels, each on its line with its value on the next
 * (主席 / 柯某某, 出席 / 甲、乙, 開會日期 / 2020-12-22): the text again
 * with each label and its value on one line (主席:柯某某) into re.
 * 1: two pairs or more rewritten, 0: not so, or HY_ERR_NOMEM. */
int label_lines(const struct doc *d, const struct span *lines, const enum line_kind *kind,
		size_t nl, struct buf *re_out)
{
	int rc = 0;
	{
		static const char *const mlabels[] = {
			"主席", "主持人", "出席", "出席人员", "列席", "列席人员", "纪录", "记录",
			"开会日期", "开会时间", "开会地点", "会议日期", "会议时间", "会议地点",
			"发文机关", "请假", "缺席",
			/* (a city's minutes: 時間 / 民國109年…, 出列席人員) */
			"时间", "地点", "出列席人员"};
		size_t pairs = 0;
		struct buf re = {0};
		for (size_t i = 0; i < nl && !rc; i++) {
			size_t a0 = skip_spaces(d, lines[i].a, lines[i].b), b0 = lines[i].b;
			while (b0 > a0 && (is_space(d->cp[b0 - 1]) || d->cp[b0 - 1] == ':'))
				b0--;
			size_t j = i + 1;
			while (j < nl && kind[j] == L_BLANK)
				j++;
			int label = i < 60 && b0 > a0 && j < nl &&
				    match_any(d, a0, b0, mlabels, COUNT(mlabels), NULL) == b0 - a0;
			if (label) {
				size_t a1 = skip_spaces(d, lines[j].a, lines[j].b);
				size_t b1 = lines[j].b;
				while (b1 > a1 && is_space(d->cp[b1 - 1]))
					b1--;
				/* the value is no label itself */
				label = b1 > a1 && match_any(d, a1, b1, mlabels, COUNT(mlabels),
							     NULL) != b1 - a1;
				if (label) {
					pairs++;
					rc = buf_add(&re, d->s + d->off[a0],
						     d->off[b0] - d->off[a0]) ||
							     buf_add(&re, ":", 1) ||
							     buf_add(&re, d->s + d->off[a1],
								     d->off[b1] - d->off[a1]) ||
							     buf_add(&re, "\n", 1)
						     ? HY_ERR_NOMEM
						     : 0;
					i = j;
					continue;
				}
			}
			if (lines[i].b > lines[i].a)
				rc = buf_add(&re, d->s + d->off[lines[i].a],
					     d->off[lines[i].b] - d->off[lines[i].a]) ||
						     buf_add(&re, "\n", 1)
					     ? HY_ERR_NOMEM
					     : 0;
			else
				rc = buf_add(&re, "\n", 1) ? HY_ERR_NOMEM : 0;
		}
		if (!rc && pairs >= 2) {
			*re_out = re;
			return 1;
		}
		free(re.s);
		return rc;
	}
}
