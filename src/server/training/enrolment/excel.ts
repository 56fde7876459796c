import type { RowIssue } from '../../../shared/contracts/imports.js';
import { ENROLMENT_SHEET } from '../../../shared/excel/enrolment-sheet.js';
import { idNumberFromCell } from '../../../shared/excel/id-cell.js';
import { validatePersonRow, type PeopleKey } from '../../../shared/excel/people-sheet.js';
import { cellText, columnLetter, RowProblems, type CellValue } from '../../../shared/excel/sheet.js';
import { personValues } from '../../core/people/service.js';
import { units } from '../../core/units/tables.js';
import type { ServiceContext } from '../../context.js';
import { sheetRefusal } from '../../excel/refusal.js';
import { readSheetRows } from '../../excel/sheet-rows.js';
import { buildTemplate } from '../../excel/write.js';
import { lockClass, requireClassStatus, requireTrainingStaff } from '../programmes/policy.js';
import { enrolMany, personByHash, personByIdNumber, registerPerson, sameName } from './service.js';

export const enrolmentTemplate = () => buildTemplate(ENROLMENT_SHEET);

const NO_CELLS: Record<PeopleKey, CellValue> = { name: null, gender: null, idNumber: null, phone: null, unit: null, trade: null, level: null, frontLine: null, yearsInTrade: null };

type Found = { row: number; person: { id: number; name: string; unitId: number } } | { row: number; fresh: ReturnType<typeof personValues> };

/**
 * 学员名单 from Excel (source 'excel'), all or none: a registered ID number is that person (the
 * name must agree); a new one is checked as the people import checks a row and registered; then
 * each is placed as on screen (duplicates, overlapping classes, the quota). Every refusal names
 * its row and column; on any refusal nothing is written (one transaction).
 */
export async function importEnrolments(ctx: ServiceContext, classId: number, buf: Buffer) {
  requireTrainingStaff(ctx);
  const { positions, rows } = await readSheetRows(ENROLMENT_SHEET, buf);
  const allPositions = { ...Object.fromEntries(Object.keys(NO_CELLS).map((k) => [k, null])), ...positions } as Record<PeopleKey, number | null>;
  const col = (k: 'idNumber' | 'name') => (positions[k] == null ? '-' : columnLetter(positions[k]!));
  const unitRows = await ctx.db.select({ id: units.id, name: units.name, code: units.code }).from(units);
  const unitByName = new Map(unitRows.flatMap((u) => [[u.name, u.id] as const, ...(u.code ? [[u.code, u.id] as const] : [])]));
  const lk = { unitByName, tradeByName: new Map<string, number>(), forcedUnitId: null, today: ctx.clock.now() };
  const issues: RowIssue[] = [];
  const found: Found[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const id = idNumberFromCell(values.idNumber, ctx.clock.now());
    const idNumber = id.ok ? id.value : id.suspect;
    const earlier = idNumber ? seen.get(idNumber) : undefined;
    if (earlier) { issues.push({ row, column: col('idNumber'), header: '身份证号', reason: `与第 ${earlier} 行重复` }); continue; }
    if (idNumber) seen.set(idNumber, row);
    const registered = idNumber ? await personByIdNumber(ctx.db, ctx, idNumber) : undefined;
    if (registered) {
      const mismatch = sameName(registered, cellText(values.name));
      if (mismatch) issues.push({ row, column: col('name'), header: '姓名', reason: mismatch });
      else found.push({ row, person: registered });
      continue;
    }
    const p = new RowProblems<PeopleKey>(ENROLMENT_SHEET, allPositions, row);
    const v = validatePersonRow({ ...NO_CELLS, ...values }, p, lk);
    issues.push(...p.issues);
    if (v) found.push({ row, fresh: personValues(ctx, v) });
  }
  if (issues.length) throw sheetRefusal(issues);
  return ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, classId);
    requireClassStatus(c, ['enrolling', 'running'], '导入学员');
    const persons = [];
    for (const f of found) {
      // Registered since the check above (by another clerk)? Then that person, never a second one.
      const person = 'person' in f ? f.person : ((await personByHash(tx, f.fresh.idNumberHash)) ?? (await registerPerson(tx, ctx, f.fresh)));
      persons.push(person);
    }
    const refused = await enrolMany(tx, ctx, c, persons);
    if (refused.length) {
      throw sheetRefusal(refused.map((r) => ({ row: found[r.index]!.row, column: col('idNumber'), header: '身份证号', reason: r.reason })));
    }
    return { enrolled: persons.length, created: found.filter((f) => 'fresh' in f).length };
  });
}
