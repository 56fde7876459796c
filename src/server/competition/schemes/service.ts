import { MARKING_STARTED } from '../../../shared/competition/states.js';
import { and, asc, desc, eq } from 'drizzle-orm';
import { checkScheme, flattenAspects, type MarkingSchemeDraft } from '../../../shared/competition/scheme.js';
import { recordAudit } from '../../core/audit/service.js';
import { competitionRow, requireOrganizer, requireStaff } from '../competitions/policy.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, conflict } from '../../http/errors.js';
import { aspectJudges } from '../judging/tables.js';
import { markingSchemes, schemeAspects } from './tables.js';

/** The competition's current scheme (latest version) with its aspect rows, or null. */
export async function currentScheme(db: DbOrTx, competitionId: number) {
  const [s] = await db.select().from(markingSchemes).where(eq(markingSchemes.competitionId, competitionId)).orderBy(desc(markingSchemes.version)).limit(1);
  if (!s) return null;
  const aspects = await db.select().from(schemeAspects).where(eq(schemeAspects.schemeId, s.id)).orderBy(asc(schemeAspects.position));
  return { ...s, aspects };
}
export type CurrentScheme = NonNullable<Awaited<ReturnType<typeof currentScheme>>>;

function presentScheme(s: CurrentScheme | null) {
  if (!s) return null;
  return {
    id: s.id, version: s.version, lockedAt: s.lockedAt?.toISOString() ?? null, createdAt: s.createdAt.toISOString(), scheme: s.scheme,
    aspects: s.aspects.map((a) => ({
      id: a.id, position: a.position, code: a.code, criterionCode: a.criterionCode, criterionName: a.criterionName,
      subCriterionCode: a.subCriterionCode, subCriterionName: a.subCriterionName, description: a.description, kind: a.kind,
      maxMark: a.maxMark, bands: a.bands ?? null, levels: a.levels ?? null,
    })),
  };
}

/** Organizers and the competition's judges read the scheme (judges mark by it). */
export async function getScheme(ctx: ServiceContext, competitionId: number) {
  if (ctx.actor?.role === 'judge') await requireStaff(ctx, competitionId, 'judge', 'chief', 'substitute');
  else requireOrganizer(ctx);
  await competitionRow(ctx.db, competitionId);
  return presentScheme(await currentScheme(ctx.db, competitionId));
}

/**
 * Saves a new version of the scheme (versions are kept; the latest is in force). Refused with
 * every issue named when it does not total 100 or breaks a rule; refused once marking started.
 * Judges assigned to an aspect stay assigned to the aspect of the same code in the new version.
 */
export async function saveScheme(ctx: ServiceContext, competitionId: number, draft: MarkingSchemeDraft) {
  requireOrganizer(ctx);
  const issues = checkScheme(draft);
  if (issues.length) throw new AppError(400, 'VALIDATION', issues[0]!.message, issues.map((i) => ({ field: i.path || 'scheme', message: i.message })));
  return ctx.db.transaction(async (tx) => {
    const c = await competitionRow(tx, competitionId);
    const prev = await currentScheme(tx, competitionId);
    if (prev?.lockedAt || MARKING_STARTED.includes(c.status)) throw conflict('评分已开始，评分标准已锁定，不能修改');
    const [s] = await tx.insert(markingSchemes).values({
      competitionId, version: (prev?.version ?? 0) + 1, scheme: draft, createdBy: ctx.actor!.id, createdAt: ctx.clock.now(),
    }).returning();
    const rows = await tx.insert(schemeAspects).values(flattenAspects(draft).map((a) => ({
      schemeId: s!.id, competitionId, position: a.position, code: a.code, criterionCode: a.criterionCode, criterionName: a.criterionName,
      subCriterionCode: a.subCriterionCode, subCriterionName: a.subCriterionName, description: a.description, kind: a.kind,
      maxMark: a.maxMark, bands: a.bands ?? null, levels: a.levels ?? null,
    }))).returning({ id: schemeAspects.id, code: schemeAspects.code });
    if (prev) {
      const newId = new Map(rows.map((r) => [r.code, r.id]));
      const oldCode = new Map(prev.aspects.map((a) => [a.id, a.code]));
      const teams = await tx.select().from(aspectJudges).where(eq(aspectJudges.competitionId, competitionId));
      const carried = teams.filter((t) => newId.has(oldCode.get(t.aspectId) ?? '')).map((t) => ({ ...t, aspectId: newId.get(oldCode.get(t.aspectId)!)! }));
      await tx.delete(aspectJudges).where(eq(aspectJudges.competitionId, competitionId));
      if (carried.length) await tx.insert(aspectJudges).values(carried);
    }
    await recordAudit(tx, ctx, { action: 'scheme.save', entity: 'competition', entityId: competitionId, after: { version: s!.version, aspects: rows.length } });
    return presentScheme(await currentScheme(tx, competitionId));
  });
}

/** Locks the scheme in force (when marking starts). */
export async function lockScheme(tx: DbOrTx, ctx: ServiceContext, competitionId: number) {
  const s = await currentScheme(tx, competitionId);
  if (!s) throw conflict('还没有评分标准');
  await tx.update(markingSchemes).set({ lockedAt: ctx.clock.now() }).where(and(eq(markingSchemes.id, s.id)));
  return s;
}
