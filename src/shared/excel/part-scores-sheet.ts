import type { RowIssue } from '../contracts/imports.js';
import { checkPartScore } from '../competition/marks.js';
import { cellText, numberFromCell, RowProblems, type CellValue, type SheetSpec } from './sheet.js';

/** 理论成绩 (and 答辩成绩) by exam number, as the exam office hands them over. */
export const PART_SCORES_SHEET = {
  kind: 'partScores',
  title: '理论成绩',
  columns: [
    { key: 'examNumber', header: '准考证号', required: true, text: true, width: 14 },
    { key: 'name', header: '姓名', width: 10, note: '仅供核对，不导入' },
    { key: 'theory', header: '理论成绩', width: 10 },
    { key: 'oral', header: '答辩成绩', width: 10 },
  ],
} as const satisfies SheetSpec;
export type PartScoresKey = (typeof PART_SCORES_SHEET.columns)[number]['key'];

export interface PartScoreLine { sheetRow: number; examNumber: string; part: 'theory' | 'oral'; value: number }

/** Rows → one line per score given; each bad cell named by row and column. */
export function partScoresFromRows(rows: { row: number; values: Record<PartScoresKey, CellValue> }[], positions: Record<PartScoresKey, number | null>): { lines: PartScoreLine[]; issues: RowIssue[] } {
  const lines: PartScoreLine[] = [];
  const issues: RowIssue[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const p = new RowProblems(PART_SCORES_SHEET, positions, row);
    const examNumber = cellText(values.examNumber);
    if (!examNumber) p.add('examNumber', '请填写准考证号');
    else if (seen.has(examNumber)) p.add('examNumber', `准考证号与第 ${seen.get(examNumber)} 行重复`);
    else seen.set(examNumber, row);
    const found: PartScoreLine[] = [];
    for (const part of ['theory', 'oral'] as const) {
      const n = numberFromCell(values[part], 2, '成绩');
      if (!n) continue;
      const bad = n.ok ? checkPartScore(n.value) : n.reason;
      if (bad || !n.ok) p.add(part, bad!);
      else found.push({ sheetRow: row, examNumber, part, value: n.value });
    }
    if (found.length === 0 && p.ok) p.add('theory', '没有成绩');
    if (p.ok) lines.push(...found);
    else issues.push(...p.issues);
  }
  return { lines, issues };
}
