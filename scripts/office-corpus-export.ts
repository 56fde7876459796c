/**
 * For scripts/make-office-corpus.sh: the platform's own scheme export, with texts that start with
 * = + - @, written to the path given; LibreOffice then opens and re-saves it, as a clerk editing
 * an export would, and the import tests read it back.
 */
import { writeFileSync } from 'node:fs';
import { SCHEME_SHEET, schemeToRows } from '../src/shared/excel/scheme-sheet.js';
import type { Column } from '../src/shared/excel/sheet.js';
import { exportRows } from '../src/server/excel/write.js';
import type { MarkingSchemeDraft } from '../src/shared/competition/scheme.js';

const FORMULA_LOOKING_SCHEME: MarkingSchemeDraft = {
  criteria: [
    {
      code: 'A', name: '尺寸精度', subCriteria: [{
        code: 'A1', name: '外圆', aspects: [
          { code: 'A1.1', description: '-0.02 以内得满分', kind: 'measurement', maxMark: 30 },
          { code: 'A1.2', description: '+0.05 以内合格', kind: 'measurement', maxMark: 30, bands: [{ label: '合格', mark: 30 }, { label: '超差', mark: 15 }, { label: '不合格', mark: 0 }] },
        ],
      }],
    },
    {
      code: 'B', name: '工艺与规范', subCriteria: [{
        code: 'B1', name: '表面与操作', aspects: [
          { code: 'B1.1', description: '=Ra1.6 以下', kind: 'judgement', maxMark: 20, levels: ['明显缺陷', '基本达到', '达到要求', '优秀'] },
          { code: 'B1.2', description: '@现场 安全文明生产', kind: 'judgement', maxMark: 20, levels: ['违规', '基本规范', '规范', '非常规范'] },
        ],
      }],
    },
  ],
};

const out = process.argv[2];
if (out) {
  const columns = (SCHEME_SHEET.columns as readonly Column[]).map((c, i) => ({ header: c.header, width: c.width, value: (r: (string | number)[]) => r[i] ?? null }));
  writeFileSync(out, await exportRows<(string | number)[]>('评分标准', columns, [schemeToRows(FORMULA_LOOKING_SCHEME)]));
}
