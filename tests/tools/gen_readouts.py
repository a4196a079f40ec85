#!/usr/bin/env python3
"""Write N small, distinct, invented meeting readouts into DIR.

Usage: gen_readouts.py DIR N [PER_FOLDER] [--manifest FILE]

Deterministic: the same N gives the same bytes. Files go into
DIR/000/, DIR/001/ ... (PER_FOLDER files each, default 500) so the import
walks folders. Every readout has an opening paragraph and 2–5 agenda
paragraphs, so every stored meeting has sections. The text is our own
template, not real data.

--manifest FILE also writes one line per readout to FILE: its absolute
path (as the importer records it), a TAB, and the number of agenda
sections it holds (what a stored meeting must have to be whole). The
readouts themselves are the same with or without it.
"""
import os
import sys

PLACES = ["青石", "白河", "云岭", "临川", "丰泽", "松涛", "梅溪", "金沙",
          "南屏", "北塘", "东湖", "西岗", "石门", "柳岸", "竹溪", "桃源"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = ["建国", "志强", "海燕", "晓明", "丽华", "文博", "国平", "春生",
         "秀英", "立新", "振华", "家骏", "守义", "慧敏", "卫东", "志远"]
ROLES = ["县委副书记、县长", "县长", "常务副县长", "副县长"]
UNITS = ["县发改局", "县财政局", "县住建局", "县水利局", "县教育局",
         "县卫健局", "县应急局", "县市场监管局", "县自然资源局"]
VERBS = ["听取了", "审议了", "研究了", "讨论了", "传达学习了"]
TOPICS = ["城镇燃气管道老化更新改造", "秋粮收购", "防汛救灾", "农村饮水安全",
          "中小学校舍维修", "老旧小区改造", "财政预算执行", "安全生产大检查",
          "集贸市场提升", "乡村道路养护", "森林防火", "医疗服务能力提升"]
ASKS = ["会议强调，要压实责任，倒排工期，确保按时完成。",
        "会议要求，相关部门要加强协作，形成工作合力。",
        "会议指出，要坚持问题导向，切实解决群众急难愁盼问题。",
        "会议原则同意该方案，要求修改完善后按程序印发实施。"]


def person(i):
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i // len(SURNAMES)) % len(GIVEN)]


def n_items(i):
    return 2 + i % 4


def readout(i):
    place = PLACES[i % len(PLACES)] + "县"
    year = 2015 + (i // 4000) % 10
    month = 1 + (i // 300) % 12
    day = 1 + (i * 7) % 28
    number = 1 + i % 97
    chair = person(i)
    role = ROLES[i % len(ROLES)]
    others = "、".join(person(i * 3 + k + 1) for k in range(3))
    units = "、".join(UNITS[(i + k) % len(UNITS)] for k in range(2))
    lines = [
        f"{place}召开县政府{year}年第{number}次常务会议",
        f"发布时间：{year}-{month:02d}-{day:02d} 17:{i % 60:02d}",
        "",
        f"{month}月{day}日，{role}{chair}主持召开县政府{year}年第{number}次"
        f"常务会议。县领导{others}出席会议。{units}等部门负责同志列席会议。"
        f"（编号{i}）",
    ]
    for k in range(n_items(i)):
        topic = TOPICS[(i + k * 5) % len(TOPICS)]
        verb = VERBS[(i + k) % len(VERBS)]
        ask = ASKS[(i + k) % len(ASKS)]
        lines += ["", f"会议{verb}关于{topic}工作的汇报（第{k + 1}项）。{ask}"]
    return "\n".join(lines) + "\n"


def main():
    args = sys.argv[1:]
    manifest = None
    if "--manifest" in args:
        k = args.index("--manifest")
        if k + 1 >= len(args):
            sys.exit(__doc__)
        manifest = open(args[k + 1], "w", encoding="utf-8")
        del args[k:k + 2]
    if len(args) < 2:
        sys.exit(__doc__)
    out, n = args[0], int(args[1])
    per = int(args[2]) if len(args) > 2 else 500
    for i in range(n):
        d = os.path.join(out, f"{i // per:03d}")
        if i % per == 0:
            os.makedirs(d, exist_ok=True)
        path = os.path.join(d, f"{i:06d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(readout(i))
        if manifest:
            manifest.write(f"{os.path.realpath(path)}\t{n_items(i)}\n")
    if manifest:
        manifest.close()


if __name__ == "__main__":
    main()
