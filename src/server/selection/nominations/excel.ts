import { and, eq } from 'drizzle-orm';
import type { RowIssue } from '../../../shared/contracts/imports.js';
import { idNumberFromCell } from '../../../shared/excel/id-cell.js';
import { cellText, columnLetter } from '../../../shared/excel/sheet.js';
import { NOMINATIONS_SHEET, splitConditions } from '../../../shared/selection/nominations-sheet.js';
import { inTx, type ServiceContext } from '../../context.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import { sheetRefusal } from '../../excel/refusal.js';
import { readSheetRows } from '../../excel/sheet-rows.js';
import { buildTemplate } from '../../excel/write.js';
import { AppError, forbidden } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
import { lockRound, roundRow } from '../rounds/policy.js';
import { actorUnit, channelOf, REACH_REFUSAL, reachOf } from './policy.js';
import { nominateIn, requireNominationWindow, type NominationIn } from './service.js';

export const nominationsTemplate = () => buildTemplate(NOMINATIONS_SHEET);

type Key = (typeof NOMINATIONS_SHEET.columns)[number]['key'];
const HEADERS = Object.fromEntries(NOMINATIONS_SHEET.columns.map((c) => [c.key, c.header])) as Record<Key, string>;

/**
 * 批量推荐 from Excel: each row's person found by ID number (the name must agree) and its
 * conditions by name; then every row nominated in one transaction through the same rule as the
 * form. Any refusal names its row and column, and nothing is written.
 */
export async function importNominations(ctx: ServiceContext, roundId: number, buf: Buffer) {
  const actor = requireRole(ctx, 'unit');
  const unit = await actorUnit(ctx.db, actor);
  const channel = unit ? channelOf(actor, unit, false) : null;
  if (!unit || !channel) throw forbidden('此账号不能推荐');
  const round = await roundRow(ctx.db, roundId);
  const { positions, rows } = await readSheetRows(NOMINATIONS_SHEET, buf);
  const col = (k: Key) => (positions[k] == null ? '-' : columnLetter(positions[k]!));
  const issue = (row: number, k: Key, reason: string): RowIssue => ({ row, column: col(k), header: HEADERS[k], reason });
  const issues: RowIssue[] = [];
  const planned: { row: number; input: NominationIn }[] = [];
  const byName = new Map(round.rules.conditions.flatMap((c) => [[c.name, c.key], [c.key, c.key]] as const));
  for (const { row, values } of rows) {
    const id = idNumberFromCell(values.idNumber, ctx.clock.now());
    const idNumber = id.ok ? id.value : id.suspect;
    if (!idNumber) { issues.push(issue(row, 'idNumber', (id as { reason: string }).reason)); continue; }
    const [p] = await ctx.db.select({ id: people.id, name: people.name }).from(people).where(eq(people.idNumberHash, ctx.pii.hash('idNumber', idNumber)));
    if (!p) { issues.push(issue(row, 'idNumber', id.ok ? '人员库中没有此人，请先登记人员' : id.reason)); continue; }
    if (cellText(values.name) !== p.name) { issues.push(issue(row, 'name', `与人员库登记的姓名「${p.name}」不一致`)); continue; }
    const [reached] = await ctx.db.select({ id: people.id }).from(people).innerJoin(units, eq(units.id, people.unitId)).where(and(eq(people.id, p.id), reachOf(channel, unit)));
    if (!reached) { issues.push(issue(row, 'idNumber', REACH_REFUSAL[channel] ?? '无权推荐此人')); continue; }
    const names = splitConditions(cellText(values.conditions));
    const unknown = names.filter((n) => !byName.has(n));
    if (unknown.length) { issues.push(issue(row, 'conditions', `「${unknown.join('、')}」不是本次评选的业绩条件`)); continue; }
    if (planned.some((x) => x.input.personId === p.id)) { issues.push(issue(row, 'idNumber', '与前面的行重复')); continue; }
    const description = cellText(values.description);
    planned.push({ row, input: {
      personId: p.id, statement: cellText(values.statement), equivalentSkill: cellText(values.equivalentSkill) || undefined,
      claims: [...new Set(names.map((n) => byName.get(n)!))].map((conditionKey) => ({ conditionKey, description })),
    } });
  }
  if (issues.length) throw sheetRefusal(issues);
  const fieldColumn = (field: string): Key => (field.startsWith('claims') ? 'conditions' : field === 'name' ? 'name' : 'idNumber');
  return ctx.db.transaction(async (tx) => {
    const r = await lockRound(tx, roundId);
    requireNominationWindow(ctx, r);
    const c = inTx(ctx, tx);
    const done: number[] = [];
    for (const { row, input } of planned) {
      try {
        done.push((await nominateIn(tx, c, r, actor, input)).candidateId);
      } catch (e) {
        if (!(e instanceof AppError) || e.status >= 500) throw e;
        issues.push(issue(row, fieldColumn(e.issues?.[0]?.field ?? ''), e.message));
      }
    }
    if (issues.length) throw sheetRefusal(issues);
    return { nominated: done.length, candidateIds: done };
  });
}
