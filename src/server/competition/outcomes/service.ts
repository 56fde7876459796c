import { and, asc, count, desc, eq, gt, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { CompetitionRules } from '../../../shared/contracts/competitions.js';
import { OutcomeKind } from '../../../shared/contracts/results.js';
import { isLevel } from '../../../shared/levels.js';
import { recordAudit } from '../../core/audit/service.js';
import { competitionRow, requireOrganizer } from '../competitions/policy.js';
import type { ServiceContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { entries } from '../entries/tables.js';
import { notices } from '../../core/notices/tables.js';
import { beijingDayBefore } from '../../core/notices/present.js';
import { people, qualificationRecords } from '../../core/people/tables.js';
import { computeResults } from '../results/compute.js';
import { units } from '../../core/units/tables.js';
import { outcomes } from './tables.js';

/** One final outcome as the organizers' list shows it. */
export const OutcomeRow = z.object({
  id: z.number().int(),
  kind: OutcomeKind,
  entryId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
  personName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  rank: z.number().int().nullable(),
  level: z.number().int().nullable(),
  title: z.string(),
  qualificationRecordId: z.number().int().nullable(),
  decidedOn: z.string(),
});
export type OutcomeRow = z.infer<typeof OutcomeRow>;

/** The day the competition's results became final: its final notice's end, else today (Beijing). */
async function finalDay(tx: Tx, ctx: ServiceContext, competitionId: number): Promise<string> {
  const [n] = await tx.select({ closedAt: notices.closedAt }).from(notices)
    .where(and(eq(notices.kind, 'competition-results'), eq(notices.subjectId, competitionId), eq(notices.status, 'final'))).orderBy(desc(notices.round)).limit(1);
  const at = n?.closedAt ?? ctx.clock.now();
  return beijingDayBefore(at);
}

/**
 * 结果认定: the final results' proposals become outcomes — individual awards, promotions, titles,
 * levels, eligibilities, and the team and organization awards. A level given becomes a
 * qualification record (with the competition as its source) and raises the person's level,
 * never lowers it. Written once: a second call finds them and does nothing. No access check:
 * only the notice's finality (inside its transaction) calls this.
 */
export async function writeOutcomes(tx: Tx, ctx: ServiceContext, competitionId: number, decidedOn?: string): Promise<{ written: number }> {
  const [done] = await tx.select({ n: count() }).from(outcomes).where(eq(outcomes.competitionId, competitionId));
  if (done!.n > 0) return { written: 0 };
  const c = await competitionRow(tx, competitionId);
  const day = decidedOn ?? (await finalDay(tx, ctx, competitionId));
  const results = await computeResults(tx, competitionId);
  const entryRows = await tx.select({ id: entries.id, personId: entries.personId, unitId: entries.unitId }).from(entries).where(eq(entries.competitionId, competitionId));
  const entryOf = new Map(entryRows.map((e) => [e.id, e]));
  const createdAt = ctx.clock.now();
  let written = 0;
  for (const row of results.rows) {
    const e = entryOf.get(row.entryId);
    if (!e) continue;
    for (const p of row.outcomes) {
      let qualificationRecordId: number | null = null;
      if ((p.kind === 'promotion' || p.kind === 'level') && p.level != null && isLevel(p.level)) {
        const [q] = await tx.insert(qualificationRecords).values({
          personId: e.personId, level: p.level, tradeId: c.tradeId, obtainedOn: day, source: `${c.name}：${p.reason}`, recordedAt: createdAt,
        }).returning({ id: qualificationRecords.id });
        qualificationRecordId = q!.id;
        // 1 is the highest level: raise only when the new one is higher (a smaller number).
        await tx.update(people).set({ level: p.level, updatedAt: createdAt })
          .where(and(eq(people.id, e.personId), or(isNull(people.level), gt(people.level, p.level))));
      }
      await tx.insert(outcomes).values({
        competitionId, kind: p.kind, entryId: e.id, personId: e.personId, unitId: e.unitId, rank: row.rank, level: p.level, title: p.title,
        qualificationRecordId, decidedOn: day, createdAt,
      });
      written++;
    }
  }
  const { teamAwards } = CompetitionRules.parse(c.rules);
  for (const t of results.teams) {
    if (t.rank == null || t.rank > teamAwards) continue;
    await tx.insert(outcomes).values({ competitionId, kind: 'team', unitId: t.unitId, rank: t.rank, title: `团体第${t.rank}名`, decidedOn: day, createdAt });
    written++;
  }
  for (const o of results.organizations) {
    if (!o.award) continue;
    await tx.insert(outcomes).values({ competitionId, kind: 'organization', unitId: o.unitId, rank: o.rank, title: '组织奖', decidedOn: day, createdAt });
    written++;
  }
  await recordAudit(tx, ctx, { action: 'outcomes.write', entity: 'competition', entityId: competitionId, after: { written, decidedOn: day, chainSeq: results.chainSeq } });
  return { written };
}

/** 认定结果: the organizers' list, with names. */
export async function listOutcomes(ctx: ServiceContext, competitionId: number): Promise<OutcomeRow[]> {
  requireOrganizer(ctx);
  await competitionRow(ctx.db, competitionId);
  const rows = await ctx.db.select({ o: outcomes, personName: people.name, unitName: units.name }).from(outcomes)
    .leftJoin(people, eq(people.id, outcomes.personId)).leftJoin(units, eq(units.id, outcomes.unitId))
    .where(eq(outcomes.competitionId, competitionId)).orderBy(asc(outcomes.id));
  return rows.map(({ o, personName, unitName }) => ({
    id: o.id, kind: o.kind, entryId: o.entryId, personId: o.personId, personName, unitId: o.unitId, unitName, rank: o.rank, level: o.level, title: o.title,
    qualificationRecordId: o.qualificationRecordId, decidedOn: o.decidedOn,
  }));
}
