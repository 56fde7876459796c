import { and, asc, eq, inArray } from 'drizzle-orm';
import { PART_SCORES_SHEET, partScoresFromRows } from '../../../shared/excel/part-scores-sheet.js';
import { sheetRefusal } from '../../excel/refusal.js';
import { readSheetRows } from '../../excel/sheet-rows.js';
import { exportRows } from '../../excel/write.js';
import { people } from '../../core/people/tables.js';
import { checkPartScore } from '../../../shared/competition/marks.js';
import { recordAudit } from '../../core/audit/service.js';
import { competitionRow, isOrganizer, requireStaff } from '../competitions/policy.js';
import type { ServiceContext } from '../../context.js';
import { entries } from '../entries/tables.js';
import { AppError, conflict } from '../../http/errors.js';
import { appendMarkEvent, lockMarkChain } from './chain.js';
import { requireNotSignedOff } from './policy.js';
import { partScores } from './tables.js';

export interface PartScoreRow {
  examNumber: string;
  part: 'theory' | 'oral';
  value: number;
  /** The spreadsheet row it came from, for the messages (else its place in the list). */
  sheetRow?: number;
}

/**
 * 理论成绩: part scores out of 100 by exam number (keyed or imported from Excel), all or none,
 * each refused row named. Entered by organizers or the competition's operators; each change is a
 * chained event; locked by the whole competition's sign-off.
 */
export async function setPartScores(ctx: ServiceContext, competitionId: number, rows: PartScoreRow[], source: 'entry' | 'import' = 'entry') {
  if (!(ctx.actor && isOrganizer(ctx.actor))) await requireStaff(ctx, competitionId, 'operator');
  return ctx.db.transaction(async (tx) => {
    await lockMarkChain(tx, competitionId);
    const c = await competitionRow(tx, competitionId);
    if (!['drawn', 'marking'].includes(c.status)) throw conflict('抽签后、锁定前才能录入理论成绩');
    await requireNotSignedOff(tx, competitionId, null);
    const parts = new Set(c.parts.map((p) => p.key));
    const list = await tx.select({ id: entries.id, examNumber: entries.examNumber }).from(entries)
      .where(and(eq(entries.competitionId, competitionId), eq(entries.status, 'approved'), inArray(entries.examNumber, [...new Set(rows.map((r) => r.examNumber)), ''])));
    const byExam = new Map(list.map((e) => [e.examNumber!, e.id]));
    const problems: { field: string; message: string }[] = [];
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const field = r.sheetRow ? `A${r.sheetRow}` : `rows[${i}]`;
      const at = `第 ${r.sheetRow ?? i + 1} 行`;
      if (!byExam.has(r.examNumber)) problems.push({ field, message: `${at}：准考证号 ${r.examNumber} 不存在或报名未通过` });
      else if (!parts.has(r.part)) problems.push({ field, message: `${at}：该竞赛没有「${r.part === 'theory' ? '理论' : '答辩'}」部分` });
      else if (seen.has(`${r.examNumber}:${r.part}`)) problems.push({ field, message: `${at}：准考证号 ${r.examNumber} 重复` });
      const bad = checkPartScore(r.value);
      if (bad) problems.push({ field, message: `${at}：${bad}` });
      seen.add(`${r.examNumber}:${r.part}`);
    });
    if (problems.length) throw new AppError(400, 'VALIDATION', problems[0]!.message, problems);
    const now = ctx.clock.now();
    let changed = 0;
    for (const r of rows) {
      const entryId = byExam.get(r.examNumber)!;
      const [prev] = await tx.select().from(partScores).where(and(eq(partScores.entryId, entryId), eq(partScores.part, r.part)));
      if (prev?.value === r.value) continue;
      const version = (prev?.version ?? 0) + 1;
      if (prev) await tx.update(partScores).set({ value: r.value, version, source, updatedAt: now }).where(and(eq(partScores.entryId, entryId), eq(partScores.part, r.part)));
      else await tx.insert(partScores).values({ competitionId, entryId, part: r.part, value: r.value, version, source, updatedAt: now });
      await appendMarkEvent(tx, ctx, competitionId, { kind: 'part_score', entryId, part: r.part, value: r.value, previousValue: prev?.value ?? null, version, source });
      changed++;
    }
    await recordAudit(tx, ctx, { action: 'marks.part_scores', entity: 'competition', entityId: competitionId, after: { rows: rows.length, changed, source } });
    return { rows: rows.length, changed };
  });
}

/** The saved theory/oral scores by exam number (what the console shows in its table). */
export async function listPartScores(ctx: ServiceContext, competitionId: number): Promise<PartScoreRow[]> {
  if (!(ctx.actor && isOrganizer(ctx.actor))) await requireStaff(ctx, competitionId, 'operator');
  await competitionRow(ctx.db, competitionId);
  const list = await ctx.db.select({ examNumber: entries.examNumber, part: partScores.part, value: partScores.value }).from(partScores)
    .innerJoin(entries, eq(entries.id, partScores.entryId))
    .where(eq(partScores.competitionId, competitionId)).orderBy(asc(entries.examNumber), asc(partScores.part));
  return list.filter((r): r is PartScoreRow => r.examNumber !== null);
}

/** The exam office's sheet: every approved entry's exam number and name, scores to fill in. */
export async function partScoresTemplate(ctx: ServiceContext, competitionId: number) {
  if (!(ctx.actor && isOrganizer(ctx.actor))) await requireStaff(ctx, competitionId, 'operator');
  await competitionRow(ctx.db, competitionId);
  const list = await ctx.db.select({ examNumber: entries.examNumber, name: people.name, theory: partScores.value }).from(entries)
    .innerJoin(people, eq(people.id, entries.personId))
    .leftJoin(partScores, and(eq(partScores.entryId, entries.id), eq(partScores.part, 'theory')))
    .where(and(eq(entries.competitionId, competitionId), eq(entries.status, 'approved'))).orderBy(asc(entries.examNumber));
  return exportRows<(typeof list)[number]>('理论成绩', [
    { header: '准考证号', width: 14, value: (r) => r.examNumber },
    { header: '姓名', width: 10, value: (r) => r.name },
    { header: '理论成绩', width: 10, value: (r) => r.theory },
    { header: '答辩成绩', width: 10, value: () => null },
  ], [list]);
}

/** Part scores from Excel: every bad cell named by row and column, then all or none. */
export async function importPartScores(ctx: ServiceContext, competitionId: number, buf: Buffer) {
  if (!(ctx.actor && isOrganizer(ctx.actor))) await requireStaff(ctx, competitionId, 'operator');
  const { positions, rows } = await readSheetRows(PART_SCORES_SHEET, buf);
  const { lines, issues } = partScoresFromRows(rows, positions);
  if (issues.length) throw sheetRefusal(issues);
  return setPartScores(ctx, competitionId, lines, 'import');
}
