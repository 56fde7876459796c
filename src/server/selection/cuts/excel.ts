import { canonicalJson } from '../../../shared/canonical-json.js';
import { CutExport, CutRulesSchema } from '../../../shared/contracts/selection-cuts.js';
import type { CellValue } from '../../../shared/excel/sheet.js';
import { cutKeys, type CutRow } from '../../../shared/selection/cut.js';
import { addTextSafeRow } from '../../excel/write.js';
import { readTable } from '../../excel/read.js';

/**
 * A frozen cut as Excel: the ranked list (sheet 1) and the rules with the hash (sheet 2, also as
 * canonical JSON so the cut can be re-checked from the file alone: `npm run cut:verify`).
 */

const RANKING_SHEET = '入围名单';
const RULES_SHEET = '规则与校验值';
const FIXED = ['候选人编号', '准考证号', '姓名', '单位'] as const;
const TAIL = ['总成绩', '名次', '是否入围'] as const;
const scoreHeader = (key: string) => `成绩 [${key}]`;

const tieText = (x: CutExport) => (x.rules.tie.kind === 'take_all' ? '线上同分者全部入围' : `同分依次比较：${x.rules.tie.chain.join(' → ') || '（无）'}；仍相同者名次并列，全部入围`);

export async function cutWorkbook(x: CutExport): Promise<Buffer> {
  const { default: ExcelJS } = await import('../../excel/exceljs.js');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'skillmonth';
  const keys = cutKeys(x.rules);
  const ws = wb.addWorksheet(RANKING_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [...FIXED, ...keys.map(scoreHeader), ...TAIL].map((h) => ({ header: h, width: h === '单位' ? 30 : 14 }));
  ws.getRow(1).font = { bold: true };
  for (const r of x.ranking.rows) {
    addTextSafeRow(ws, [r.candidateId, r.examNumber, r.name, r.unit, ...keys.map((k) => r.scores[k] ?? null), r.total, r.rank, r.selected ? '是' : '否']);
  }
  const rs = wb.addWorksheet(RULES_SHEET);
  rs.columns = [{ header: '项目', width: 16 }, { header: '内容', width: 100 }];
  rs.getRow(1).font = { bold: true };
  const lines: [string, string | number][] = [
    ['评选', x.rules.roundName], ['阶段', `${x.rules.stageName}（${x.rules.stageKey}）`], ['入围人数', x.rules.size],
    ['计入成绩', Object.entries(x.rules.basis).map(([k, w]) => `${k} ${w}%`).join('，')], ['同分规则', tieText(x)],
    ['上一轮名单校验值', x.rules.fromCutHash ?? '（无）'], ['名单编号', x.cutId], ['状态', x.status === 'frozen' ? '有效' : '已被更正名单取代'],
    ['冻结时间', x.frozenAt], ['规则JSON', canonicalJson(x.rules)], ['校验值', x.hash],
  ];
  for (const l of lines) addTextSafeRow(rs, l);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const has = (names: readonly string[]) => (cells: readonly CellValue[]) => {
  const present = new Set(cells.map((c) => (typeof c === 'string' ? c.trim() : '')));
  const missing = names.filter((n) => !present.has(n));
  return { found: names.length - missing.length, missing };
};

const num = (v: CellValue | undefined): number | null => (v == null || v === '' ? null : typeof v === 'number' ? v : Number(v));

/** Reads a cut back from its Excel export (the hardened reader), for re-checking. */
export async function readCutWorkbook(buf: Buffer): Promise<CutExport> {
  const info = new Map<string, string>();
  let first = true;
  for await (const row of readTable(buf, has(['项目', '内容']))) {
    if (first) {
      first = false;
      continue;
    }
    const k = row.cells[0];
    if (typeof k === 'string') info.set(k, String(row.cells[1] ?? ''));
  }
  const rules = CutRulesSchema.parse(JSON.parse(info.get('规则JSON') ?? 'null'));
  const keys = cutKeys(rules);
  const rows: CutRow[] = [];
  let cols: Map<string, number> | null = null;
  for await (const row of readTable(buf, has([...FIXED, ...TAIL]))) {
    if (!cols) {
      cols = new Map(row.cells.map((c, i) => [String(c ?? '').trim(), i]));
      continue;
    }
    const at = (h: string) => row.cells[cols!.get(h) ?? -1] ?? null;
    const headerOf = scoreHeader;
    const exam = at('准考证号');
    rows.push({
      candidateId: num(at('候选人编号'))!, examNumber: exam == null ? null : String(exam), name: String(at('姓名') ?? ''), unit: String(at('单位') ?? ''),
      scores: Object.fromEntries(keys.map((k) => [k, num(at(headerOf(k)))])),
      total: num(at('总成绩')), rank: num(at('名次')), selected: at('是否入围') === '是',
    });
  }
  return CutExport.parse({
    format: 'skillmonth-cut/1', cutId: Number(info.get('名单编号')), status: info.get('状态') === '有效' ? 'frozen' : 'superseded',
    frozenAt: info.get('冻结时间') ?? '', rules, ranking: { rows }, hash: info.get('校验值') ?? '',
  });
}
