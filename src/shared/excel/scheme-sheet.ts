import type { RowIssue } from '../contracts/imports.js';
import type { Aspect, MarkingSchemeDraft } from '../competition/scheme.js';
import { cellText, numberFromCell, RowProblems, type CellValue, type SheetSpec } from './sheet.js';

/**
 * 评分标准 as a spreadsheet: one row per aspect (评分细则), its criterion and sub-criterion repeated
 * on every row, so experts can write a scheme in Excel and the platform read it back unchanged.
 */
export const SCHEME_SHEET = {
  kind: 'scheme',
  title: '评分标准',
  columns: [
    { key: 'criterionCode', header: '模块编号', required: true, width: 10 },
    { key: 'criterionName', header: '评分模块', required: true, width: 18 },
    { key: 'subCode', header: '分项编号', required: true, width: 10 },
    { key: 'subName', header: '评分分项', required: true, width: 18 },
    { key: 'code', header: '细则编号', required: true, width: 10 },
    { key: 'description', header: '评分细则', required: true, width: 36 },
    { key: 'kind', header: '类型', required: true, list: ['测量', '评价'], note: '测量：客观测量，按分值或分档给分；评价：三名裁判按 0–3 分评价' },
    { key: 'maxMark', header: '分值', required: true, width: 8 },
    { key: 'bands', header: '分档', width: 24, note: '仅测量类可填，如「合格:30;超差:15;不合格:0」' },
    { key: 'level0', header: '0分说明', width: 16 },
    { key: 'level1', header: '1分说明', width: 16 },
    { key: 'level2', header: '2分说明', width: 16 },
    { key: 'level3', header: '3分说明', width: 16 },
  ],
} as const satisfies SheetSpec;
export type SchemeKey = (typeof SCHEME_SHEET.columns)[number]['key'];

const KIND_TEXT = { 测量: 'measurement', 评价: 'judgement', measurement: 'measurement', judgement: 'judgement' } as const;

/** Rows (with their Excel row numbers) → a draft scheme, or every problem with row and column. */
export function schemeFromRows(rows: { row: number; values: Record<SchemeKey, CellValue> }[], positions: Record<SchemeKey, number | null>): { scheme: MarkingSchemeDraft; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const scheme: MarkingSchemeDraft = { criteria: [] };
  for (const { row, values } of rows) {
    const p = new RowProblems(SCHEME_SHEET, positions, row);
    const t = (k: SchemeKey) => cellText(values[k]);
    for (const c of SCHEME_SHEET.columns) if ('required' in c && c.required && !t(c.key)) p.add(c.key, `请填写${c.header}`);
    const kind = KIND_TEXT[t('kind') as keyof typeof KIND_TEXT];
    if (t('kind') && !kind) p.add('kind', '类型应为「测量」或「评价」');
    const mm = numberFromCell(values.maxMark, 2, '分值');
    const maxMark = mm?.ok ? mm.value : NaN;
    if (mm && !mm.ok) p.add('maxMark', mm.reason);
    else if (mm && !(maxMark > 0)) p.add('maxMark', '分值应为大于 0 的数字');
    let bands: Aspect['bands'];
    if (t('bands')) {
      bands = t('bands').split(/[;；]/).filter(Boolean).map((part) => {
        const [label, mark] = part.split(/[:：]/);
        return { label: (label ?? '').trim(), mark: Number(mark) };
      });
      if (bands.some((b) => !b.label || !Number.isFinite(b.mark))) p.add('bands', '分档格式应为「名称:分值;名称:分值」');
    }
    const levels = (['level0', 'level1', 'level2', 'level3'] as const).map(t);
    if (!p.ok) {
      issues.push(...p.issues);
      continue;
    }
    let crit = scheme.criteria.find((c) => c.code === t('criterionCode'));
    if (!crit) scheme.criteria.push((crit = { code: t('criterionCode'), name: t('criterionName'), subCriteria: [] }));
    let sub = crit.subCriteria.find((s) => s.code === t('subCode'));
    if (!sub) crit.subCriteria.push((sub = { code: t('subCode'), name: t('subName'), aspects: [] }));
    sub.aspects.push({
      code: t('code'), description: t('description'), kind: kind!, maxMark,
      ...(bands ? { bands } : {}),
      ...(levels.some(Boolean) ? { levels: levels as [string, string, string, string] } : {}),
    });
  }
  return { scheme, issues };
}

/** A scheme → rows in the sheet's column order (for the export, which imports back unchanged). */
export function schemeToRows(scheme: MarkingSchemeDraft): (string | number)[][] {
  return scheme.criteria.flatMap((c) => c.subCriteria.flatMap((s) => s.aspects.map((a) => [
    c.code, c.name, s.code, s.name, a.code, a.description, a.kind === 'judgement' ? '评价' : '测量', a.maxMark,
    a.bands ? a.bands.map((b) => `${b.label}:${b.mark}`).join(';') : '',
    ...(a.levels ?? ['', '', '', '']),
  ])));
}
