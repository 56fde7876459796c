#!/usr/bin/env bash
# Makes the office-suite corpus of src/server/excel/corpus/ with LibreOffice, as clerks make such
# files: sources written here (CSV, and flat ODS for what CSV cannot say: merged cells, formulas,
# several sheets, number formats), then opened and saved by LibreOffice headless as .xlsx (and
# .xls/.ods/.csv). The generated files are committed; CI only reads them (office-corpus.test.ts).
# Needs soffice (apt-get install libreoffice-calc-nogui) and python3. Run from the repo root:
#   scripts/make-office-corpus.sh
set -euo pipefail
OUT="$(cd "$(dirname "$0")/.." && pwd)/src/server/excel/corpus"
SRC="$(mktemp -d)"
trap 'rm -rf "$SRC"' EXIT
mkdir -p "$OUT"

python3 - "$SRC" <<'PY'
import sys, os
src = sys.argv[1]
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def check(d17): return '10X98765432'[sum(int(c) * w for c, w in zip(d17, W)) % 11]
def ident(region, birth, seq):
    d = f'{region}{birth}{seq:03d}'
    return d + check(d)

UNIT, TRADE = '江川重型机械有限公司', '车工'
# Valid IDs whose last three characters are not 000 (so that the truncation shows).
ids = [ident('330102', f'1985{m:02d}{d:02d}', 101 + 2 * i) for i, (m, d) in enumerate([(1, 15), (3, 7), (5, 21), (8, 2), (11, 30)])]
ids = [i for i in ids if not i.endswith('000')]
# An 18-digit text ending in 000 whose check character passes (what 1 truncated number in 11 gives),
# and one whose check character fails (the other 10).
passing = next(f'330102{y}0{m}1{d}{s}' + '000' for y in range(1970, 2000) for m in range(1, 10) for d in range(0, 10) for s in range(0, 10)
               if check(f'330102{y}0{m}1{d}{s}00') == '0')
failing = next(f'330102{y}0612{s}' + '000' for y in range(1970, 2000) for s in range(0, 10) if check(f'330102{y}0612{s}00') != '0')

HEAD = ['姓名', '性别', '身份证号', '手机号', '单位', '工种', '等级', '是否一线', '本工种年限']
def person(name, idn): return [name, '', idn, '13800001234', UNIT, TRADE, '高级工', '是', '5']

def esc(s): return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
def cell(v):
    if v is None: return '<table:table-cell/>'
    if isinstance(v, dict):  # {'formula': 'of:=511/6', 'value': 85.1666, 'style': 'two'}
        return f'<table:table-cell table:style-name="{v.get("style", "Default")}" table:formula="{esc(v["formula"])}" office:value-type="float" office:value="{v["value"]}"><text:p>{v["value"]}</text:p></table:table-cell>'
    if isinstance(v, tuple):  # ('span', text, n): a merged title
        _, text, n = v
        return f'<table:table-cell table:number-columns-spanned="{n}" office:value-type="string"><text:p>{esc(text)}</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="{n - 1}"/>'
    if isinstance(v, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{esc(v)}</text:p></table:table-cell>'
def sheet(name, rows):
    body = ''.join('<table:table-row>' + ''.join(cell(v) for v in r) + '</table:table-row>' if r else '<table:table-row><table:table-cell/></table:table-row>' for r in rows)
    return f'<table:table table:name="{esc(name)}"><table:table-column table:number-columns-repeated="13"/>{body or "<table:table-row><table:table-cell/></table:table-row>"}</table:table>'
def fods(path, sheets):
    open(os.path.join(src, path), 'w', encoding='utf-8').write(f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>
 <style:style style:name="two" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N2"/>
</office:automatic-styles>
<office:body><office:spreadsheet>{''.join(sheet(n, r) for n, r in sheets)}</office:spreadsheet></office:body></office:document>''')
def csv(path, rows):
    open(os.path.join(src, path), 'w', encoding='utf-8').write(''.join(','.join(r) + '\n' for r in rows))

# 1. IDs typed into a General column: LibreOffice's CSV import, like Excel, makes those ending in a digit
#    numbers (15 digits kept); those ending in X stay text.
csv('people-numeric-id.csv', [HEAD] + [person(f'数字{i}', idn) for i, idn in enumerate(ids)])
# 2. 18-digit texts ending in 000 (a truncated number turned back into text), and one good ID.
fods('people-id-ends-000.fods', [('人员', [HEAD, person('截断甲', passing), person('截断乙', failing), person('正常丙', ids[3])])])
# 3. An empty first sheet; the data on the second.
fods('people-empty-first-sheet.fods', [('Sheet1', []), ('人员', [HEAD, person('第二页', ids[0])])])
# 4. A merged title row above the header.
fods('people-title-row.fods', [('人员', [[('span', '2026 年技能月参赛人员名单', 9)], HEAD, person('标题下', ids[1])])])
# 5. A 填写说明 block above the header, with an empty row.
fods('people-instructions-above.fods', [('人员', [['填写说明：'], ['1. 带 * 的列为必填项'], ['2. 身份证号须为文本格式'], [], HEAD, person('说明下', ids[2])])])
# 6. Invisible and odd spaces: a zero-width space after the unit, NBSP after the name, an ideographic
#    space after the trade, a BOM before the level, a zero-width joiner inside the ID.
fods('people-zero-width.fods', [('人员', [HEAD, ['零宽\u00a0', '', ids[4][:9] + '\u200d' + ids[4][9:], '13800001234', UNIT + '\u200b', TRADE + '\u3000', '\ufeff高级工', '是', '5']])])
# 7. The same people as .xls, .csv and .ods (from one source).
fods('people-formats.fods', [('人员', [HEAD, person('格式', ids[0])])])
# 8. Registration with the IDs stored as numbers (as in 1).
csv('entries-numeric-id.csv', [['身份证号', '姓名']] + [[idn, f'数字{i}'] for i, idn in enumerate(ids)])
# 9. Theory scores: a formula's result shown as 85.17 with two decimals (85.1666…), an exact 85.17 from
#    a formula, and a typed 85.17.
fods('part-scores-float.fods', [('理论成绩', [['准考证号', '姓名', '理论成绩', '答辩成绩'],
  ['T001', '甲', {'formula': 'of:=511/6', 'value': 511 / 6, 'style': 'two'}, None],
  ['T002', '乙', {'formula': 'of:=8517/100', 'value': 85.17, 'style': 'two'}, None],
  ['T003', '丙', 85.17, None]])])
# 10. A scheme whose texts start with = + - @: typed as text, and one with the apostrophe an older
#     export wrote (kept as a character when the file was re-saved).
SH = ['模块编号', '评分模块', '分项编号', '评分分项', '细则编号', '评分细则', '类型', '分值', '分档', '0分说明', '1分说明', '2分说明', '3分说明']
fods('scheme-formula-text.fods', [('评分标准', [SH,
  ['A', '尺寸精度', 'A1', '外圆', 'A1.1', '-0.02 以内得满分', '测量', 30, '', '', '', '', ''],
  ['A', '尺寸精度', 'A1', '外圆', 'A1.2', "'+0.05 以内合格", '测量', 30, '合格:30;超差:15;不合格:0', '', '', '', ''],
  ['B', '工艺与规范', 'B1', '表面与操作', 'B1.1', '=Ra1.6 以下', '评价', 20, '', '明显缺陷', '基本达到', '达到要求', '优秀'],
  ['B', '工艺与规范', 'B1', '表面与操作', 'B1.2', '@现场 安全文明生产', '评价', 20, '', '违规', '基本规范', '规范', '非常规范']])])
open(os.path.join(src, 'ids.txt'), 'w').write('\n'.join(ids + [passing, failing]) + '\n')
PY

# 11. The platform's own scheme export (formula-looking texts), to be re-saved by LibreOffice below.
(cd "$OUT/../../../.." && npx tsx scripts/office-corpus-export.ts "$SRC/scheme-export-resaved.xlsx")

cd "$SRC"
conv() { soffice --headless --norestore --convert-to "$1" --outdir "${OUTDIR:-$SRC/out}" "${@:2}" >/dev/null 2>&1; }
# CSV: UTF-8 (76), comma (44), no quote-as-text, "detect special numbers" on, as a clerk opening it does.
conv 'xlsx:Calc MS Excel 2007 XML' --infilter='CSV:44,34,76,1,,2052,false,true,false,false,true' people-numeric-id.csv entries-numeric-id.csv
conv 'xlsx:Calc MS Excel 2007 XML' people-id-ends-000.fods people-empty-first-sheet.fods people-title-row.fods \
  people-instructions-above.fods people-zero-width.fods part-scores-float.fods scheme-formula-text.fods
OUTDIR="$SRC/resave" conv 'xlsx:Calc MS Excel 2007 XML' scheme-export-resaved.xlsx && mv resave/scheme-export-resaved.xlsx out/
conv 'xls:MS Excel 97' people-formats.fods
conv 'ods:calc8' people-formats.fods
conv 'csv:Text - txt - csv (StarCalc):44,34,76,1' people-formats.fods
for f in out/*; do
  case "$f" in
    out/people-formats.*) cp "$f" "$OUT/people.${f##*.}" ;;
    *) cp "$f" "$OUT/$(basename "$f")" ;;
  esac
done
cp ids.txt "$OUT/ids.txt"
soffice --version | head -1 > "$OUT/MADE-WITH.txt"
ls -l "$OUT"
