import type { RowIssue } from '../contracts/imports.js';
import { cellText, numberFromCell, RowProblems, type CellValue, type SheetSpec } from '../excel/sheet.js';

/** 考试成绩: theory and practical scores by exam number, as the exam office hands them over. */
export const EXAM_SCORES_SHEET = {
  kind: 'selectionExamScores',
  title: '考试成绩',
  columns: [
    { key: 'examNumber', header: '准考证号', required: true, text: true, width: 14 },
    { key: 'name', header: '姓名', width: 10, note: '仅供核对，不导入' },
    { key: 'theory', header: '理论成绩', width: 10, note: '0–100，最多两位小数；缺考填“缺考”' },
    { key: 'practical', header: '实操成绩', width: 10, note: '0–100，最多两位小数；缺考填“缺考”' },
  ],
} as const satisfies SheetSpec;
export type ExamScoresKey = (typeof EXAM_SCORES_SHEET.columns)[number]['key'];

export const ABSENT = '缺考';
export type ExamPart = 'theory' | 'practical';
export const EXAM_PART_NAMES: Record<ExamPart, string> = { theory: '理论成绩', practical: '实操成绩' };

/** One score given: a value 0–100, or null for 缺考. */
export interface ExamScoreLine { examNumber: string; part: ExamPart; value: number | null; sheetRow?: number }

/** Why a score cannot be taken (0–100, at most two decimals), or null. */
export function examScoreProblem(v: number): string | null {
  if (!Number.isFinite(v) || v < 0 || v > 100) return '成绩须在 0 到 100 之间';
  if (Math.abs(v * 100 - Math.round(v * 100)) > 1e-6) return '成绩最多保留两位小数';
  return null;
}

/** Rows → one line per score given; each bad cell named by row and column (duplicates too). */
export function examScoresFromRows(rows: { row: number; values: Record<ExamScoresKey, CellValue> }[], positions: Record<ExamScoresKey, number | null>): { lines: ExamScoreLine[]; issues: RowIssue[] } {
  const lines: ExamScoreLine[] = [];
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const p = new RowProblems(EXAM_SCORES_SHEET, positions, row);
    const examNumber = cellText(values.examNumber);
    if (!examNumber) p.add('examNumber', '请填写准考证号');
    else if (seen.has(examNumber)) p.add('examNumber', `准考证号与第 ${seen.get(examNumber)} 行重复`);
    else seen.set(examNumber, row);
    const found: ExamScoreLine[] = [];
    for (const part of ['theory', 'practical'] as const) {
      if (cellText(values[part]) === ABSENT) { found.push({ sheetRow: row, examNumber, part, value: null }); continue; }
      const n = numberFromCell(values[part], 2, '成绩');
      if (!n) continue;
      const bad = n.ok ? examScoreProblem(n.value) : n.reason;
      if (bad) p.add(part, bad);
      else if (n.ok) found.push({ sheetRow: row, examNumber, part, value: n.value });
    }
    if (found.length === 0 && p.ok) p.add('theory', '没有成绩（缺考请填“缺考”）');
    if (p.ok) lines.push(...found);
    else issues.push(...p.issues);
  }
  return { lines, issues };
}
