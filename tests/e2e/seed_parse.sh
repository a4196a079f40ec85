#!/usr/bin/env bash
# The seed readout (../shared/seed, beside the repository in CI) imports and
# shows exactly the fields issue 2 lists. Skipped (77) when ../shared is absent:
# the rest of the suite uses only our own fixtures.
set -euo pipefail
seed=$HUIYI_ROOT/../shared/seed/000_c826b94477de96a0.txt
[ -f "$seed" ] || { echo "skip: $seed not present"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=$tmp/h.db
"$HUIYI_BIN" -d "$db" import "$seed" 2>"$tmp/report"
grep -q 'imported 1' "$tmp/report"
"$HUIYI_BIN" -d "$db" show 1 --json >"$tmp/show.json"
python3 - "$tmp/show.json" "$seed" <<'PY'
import json, re, sys
m = json.load(open(sys.argv[1]))
want = {
    "title": "縣委副書記、縣長劉銳主持召開縣政府第26次常務會議",
    "published": "2024-05-13 09:02", "date": "2024-05-11",
    "body": "縣政府", "kind": "常務會議", "number": 26,
    "chair": {"name": "劉銳", "role": "縣委副書記、縣長"},
    "attendees": ["楊道剛", "王子寧", "袁紀彬", "王相卿", "李繼忠"],
    "observers": ["許建勛", "黃德慶"],
    "units": ["縣紀委監委", "縣政府辦", "縣督查局", "縣發改委"],
}
bad = [(k, m.get(k), v) for k, v in want.items() if m.get(k) != v]
heads = ["習近平總書記在新時代推動西部大開發座談會上的重要講話精神",
         "省紀委關于我省部分地區長期存在統計數據不實問題的通報",
         "我縣城鎮燃氣等領域23個安全生產標準導則起草情況以及近期安全生產工作",
         "2024年度重點民生實事推進情況",
         "縣財政局負責同志匯報的4月份財政重點支出和5月份財政支出計劃",
         "其他事項"]
got = [(s["n"], s["heading"]) for s in m["sections"]]
if got != list(enumerate(heads, 1)):
    bad.append(("sections", got, heads))
if not re.match(r"5月11日[,，]縣委副書記、縣長劉銳主持召開", m["summary"]) or not m["summary"].endswith("列席會議。"):
    bad.append(("summary", m["summary"], "the opening paragraph"))
text = json.dumps(m, ensure_ascii=False)
pinyin = re.findall(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]", text)
if pinyin:
    bad.append(("pinyin left", pinyin[:5], []))
# kept as it is no gloss (made full-width among Chinese since issue 15)
if "各鄉鎮(辦)" not in text and "各鄉鎮（辦）" not in text:
    bad.append(("(辦) kept", None, "各鄉鎮（辦）"))
if m["source"] != sys.argv[2] and not m["source"].endswith("000_c826b94477de96a0.txt"):
    bad.append(("source", m["source"], sys.argv[2]))
if not re.fullmatch(r"[0-9a-f]{64}", m["sha256"] or ""):
    bad.append(("sha256", m["sha256"], "64 hex"))
for k, g, w in bad:
    print(f"{k}:\n  got  {g}\n  want {w}")
sys.exit(1 if bad else 0)
PY
echo "seed: all fields as issue 2 lists"
