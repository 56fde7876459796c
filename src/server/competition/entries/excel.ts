import { and, eq } from 'drizzle-orm';
import type { RowIssue } from '../../../shared/contracts/imports.js';
import { ENTRIES_SHEET } from '../../../shared/excel/entries-sheet.js';
import { cellText, columnLetter } from '../../../shared/excel/sheet.js';
import { idNumberFromCell } from '../../../shared/excel/id-cell.js';
import type { ServiceContext } from '../../context.js';
import { sheetRefusal } from '../../excel/refusal.js';
import { readSheetRows } from '../../excel/sheet-rows.js';
import { buildTemplate } from '../../excel/write.js';
import { AppError } from '../../http/errors.js';
import { people } from '../../core/people/tables.js';
import { requireRole } from '../../policy.js';
import { registerEntries } from './service.js';

export const entriesTemplate = () => buildTemplate(ENTRIES_SHEET);

/**
 * 报名 from Excel: each row's ID number is checked and found in the registry (a unit account
 * finds only its own people), the name must agree; then the same all-or-none registration as on
 * screen, each refusal traced back to its row.
 */
export async function importEntries(ctx: ServiceContext, competitionId: number, buf: Buffer) {
  const actor = requireRole(ctx, 'admin', 'committee', 'unit');
  const { positions, rows } = await readSheetRows(ENTRIES_SHEET, buf);
  const col = (k: 'idNumber' | 'name') => (positions[k] == null ? '-' : columnLetter(positions[k]!));
  const issues: RowIssue[] = [];
  const found: { row: number; personId: number }[] = [];
  for (const { row, values } of rows) {
    // The same reading of the cell as the people import; a number ending in 000 that passes its
    // check is taken only if the registry already holds exactly that number (see id-cell.ts).
    const id = idNumberFromCell(values.idNumber, ctx.clock.now());
    const idNumber = id.ok ? id.value : id.suspect;
    if (!idNumber) { issues.push({ row, column: col('idNumber'), header: '身份证号', reason: (id as { reason: string }).reason }); continue; }
    const [p] = await ctx.db.select({ id: people.id, name: people.name }).from(people)
      .where(and(eq(people.idNumberHash, ctx.pii.hash('idNumber', idNumber)), actor.role === 'unit' ? eq(people.unitId, actor.unitId ?? -1) : undefined));
    if (!p && !id.ok) { issues.push({ row, column: col('idNumber'), header: '身份证号', reason: id.reason }); continue; }
    if (!p) { issues.push({ row, column: col('idNumber'), header: '身份证号', reason: actor.role === 'unit' ? '本单位没有登记此人，请先导入人员' : '人员库中没有此人，请先导入人员' }); continue; }
    const name = cellText(values.name);
    if (name && name !== p.name) { issues.push({ row, column: col('name'), header: '姓名', reason: `与登记的姓名「${p.name}」不一致` }); continue; }
    if (found.some((f) => f.personId === p.id)) { issues.push({ row, column: col('idNumber'), header: '身份证号', reason: '与前面的行重复' }); continue; }
    found.push({ row, personId: p.id });
  }
  if (issues.length) throw sheetRefusal(issues);
  try {
    return await registerEntries(ctx, competitionId, found.map((f) => f.personId));
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'VALIDATION' || !e.issues) throw e;
    throw sheetRefusal(e.issues.map((i) => {
      const at = /^personIds\[(\d+)\]$/.exec(i.field);
      const row = at ? found[Number(at[1])]?.row : undefined;
      return { row: row ?? 0, column: row ? col('idNumber') : '-', header: '身份证号', reason: i.message };
    }));
  }
}
