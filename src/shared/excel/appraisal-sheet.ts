import type { RowIssue } from '../contracts/imports.js';
import { checkAppraisalScore } from '../training/appraisal.js';
import { cellText, numberFromCell, RowProblems, type CellValue, type SheetSpec } from './sheet.js';

/** 技师鉴定成绩 by exam number, as the appraisal centre hands them over. */
export const APPRAISAL_SHEET = {
  kind: 'appraisal',
  title: '技师鉴定成绩',
  columns: [
    { key: 'examNumber', header: '准考证号', required: true, text: true, width: 16 },
    { key: 'name', header: '姓名', required: true, width: 10, note: '须与学员姓名一致' },
    { key: 'theory', header: '理论成绩', width: 10, note: '0–100，缺考可不填' },
    { key: 'practical', header: '实操成绩', width: 10, note: '0–100，缺考可不填' },
    { key: 'absent', header: '缺考', width: 8, list: ['是', '否'], note: '缺考填“是”' },
    { key: 'appraisedOn', header: '鉴定日期', required: true, width: 12, note: '如 2009-06-25' },
  ],
} as const satisfies SheetSpec;
export type AppraisalKey = (typeof APPRAISAL_SHEET.columns)[number]['key'];

export interface AppraisalLine {
  row: number;
  examNumber: string;
  name: string;
  theory: number | null;
  practical: number | null;
  absent: boolean;
  appraisedOn: string;
}

const isRealDay = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const ymd = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A date cell: text 2009-06-25, 2009/6/25, 2009.6.25 or 2009年6月25日, or Excel's serial number. */
export function dateFromCell(v: CellValue): { ok: true; value: string } | { ok: false; reason: string } | null {
  if (v == null || cellText(v) === '') return null;
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 1 || v > 2_958_465) return { ok: false, reason: `“${v}”不是日期` };
    const t = new Date(Date.UTC(1899, 11, 30) + v * 86_400_000);
    return { ok: true, value: t.toISOString().slice(0, 10) };
  }
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(cellText(v));
  if (!m || !isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) return { ok: false, reason: `“${cellText(v)}”不是日期，请写成 2009-06-25` };
  return { ok: true, value: ymd(Number(m[1]), Number(m[2]), Number(m[3])) };
}

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '缺考', '√']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '']);

/**
 * Rows → appraisal lines, every bad cell named by row and column: exam number missing or repeated,
 * a score not a number or outside 0–100, 缺考 not 是/否, a date that is not one, a sitter with a
 * missing score, an absentee with scores. (Whether the exam number and name belong to the class is
 * the service's check, also by row and column.)
 */
export function appraisalLinesFromRows(rows: { row: number; values: Record<AppraisalKey, CellValue> }[], positions: Record<AppraisalKey, number | null>): { lines: AppraisalLine[]; issues: RowIssue[] } {
  const lines: AppraisalLine[] = [];
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const p = new RowProblems(APPRAISAL_SHEET, positions, row);
    const examNumber = cellText(values.examNumber);
    if (!examNumber) p.add('examNumber', '请填写准考证号');
    else if (seen.has(examNumber)) p.add('examNumber', `准考证号与第 ${seen.get(examNumber)} 行重复`);
    else seen.set(examNumber, row);
    const name = cellText(values.name);
    if (!name) p.add('name', '请填写姓名');
    const absentText = typeof values.absent === 'boolean' ? (values.absent ? 'TRUE' : 'FALSE') : cellText(values.absent).toUpperCase();
    const absent = YES.has(absentText);
    if (!absent && !NO.has(absentText)) p.add('absent', `缺考应填“是”或“否”，而不是“${cellText(values.absent)}”`);
    const scores: Record<'theory' | 'practical', number | null> = { theory: null, practical: null };
    for (const part of ['theory', 'practical'] as const) {
      const n = numberFromCell(values[part], 2, '成绩');
      if (!n) {
        if (!absent) p.add(part, '请填写成绩（缺考的在“缺考”列填“是”）');
        continue;
      }
      const bad = n.ok ? checkAppraisalScore(n.value) : n.reason;
      if (bad) p.add(part, bad);
      else if (absent) p.add(part, '缺考的学员不应有成绩');
      else scores[part] = n.ok ? n.value : null;
    }
    const day = dateFromCell(values.appraisedOn);
    if (!day) p.add('appraisedOn', '请填写鉴定日期');
    else if (!day.ok) p.add('appraisedOn', day.reason);
    if (p.ok && day?.ok) lines.push({ row, examNumber, name, theory: scores.theory, practical: scores.practical, absent, appraisedOn: day.value });
    else issues.push(...p.issues);
  }
  return { lines, issues };
}
