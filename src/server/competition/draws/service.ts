import { isDecoded, marksLocked } from '../../../shared/competition/states.js';
import crypto from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import { DRAW_ALGORITHM, drawLots, newSeedHex, seedCommitment } from '../../../shared/competition/draw.js';
import { recordAudit } from '../../core/audit/service.js';
import { competitionRow, requireOrganizer, requireStaff } from '../competitions/policy.js';
import { setStatus } from '../competitions/service.js';
import type { ServiceContext } from '../../context.js';
import { entries } from '../entries/tables.js';
import { conflict, forbidden } from '../../http/errors.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import { draws } from './tables.js';

/**
 * Step 1 of the draw (抽签): a crypto-random seed is made and sealed; only its SHA-256 is shown.
 * Registration must be closed, so the input of the draw can no longer change.
 */
export async function commitDrawSeed(ctx: ServiceContext, competitionId: number) {
  requireOrganizer(ctx);
  await ctx.db.transaction(async (tx) => {
    const c = await competitionRow(tx, competitionId);
    if (c.status !== 'closed') throw conflict('请先截止报名，再生成抽签种子');
    const [existing] = await tx.select({ c: draws.seedCommitment }).from(draws).where(eq(draws.competitionId, competitionId));
    if (existing) throw conflict('抽签种子已生成，不能更换');
    const seed = newSeedHex(crypto.randomBytes(32));
    const commitment = seedCommitment(seed);
    await tx.insert(draws).values({ competitionId, seedCommitment: commitment, seedEnc: ctx.pii.encrypt(seed), committedBy: ctx.actor!.id, committedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'draw.commit', entity: 'competition', entityId: competitionId, after: { seedCommitment: commitment } });
  });
  return getDraw(ctx, competitionId);
}

/** Step 2: the approved entries are drawn into codes, stations and rounds; the competition is 'drawn'. */
export async function runDraw(ctx: ServiceContext, competitionId: number) {
  requireOrganizer(ctx);
  await ctx.db.transaction(async (tx) => {
    const c = await competitionRow(tx, competitionId);
    const [d] = await tx.select().from(draws).where(eq(draws.competitionId, competitionId)).for('update');
    if (!d) throw conflict('请先生成抽签种子');
    if (d.drawnAt) throw conflict('已经抽签');
    if (c.status !== 'closed') throw conflict('报名未截止，不能抽签');
    const pending = await tx.select({ n: count() }).from(entries).where(and(eq(entries.competitionId, competitionId), eq(entries.status, 'submitted')));
    if (pending[0]?.n) throw conflict(`还有 ${pending[0].n} 份报名未审核`);
    const approved = (await tx.select({ id: entries.id }).from(entries).where(and(eq(entries.competitionId, competitionId), eq(entries.status, 'approved')))).map((r) => r.id);
    if (approved.length === 0) throw conflict('没有已通过的报名，不能抽签');
    const seed = ctx.pii.decrypt(d.seedEnc);
    const lots = drawLots({ entryIds: approved, seedHex: seed, stations: c.stations, codePrefix: c.codePrefix });
    for (const l of lots) await tx.update(entries).set({ code: l.code, station: l.station, round: l.round }).where(eq(entries.id, l.entryId));
    const entryIds = [...approved].sort((a, b) => a - b);
    await tx.update(draws).set({ seed, entryIds, result: lots, drawnBy: ctx.actor!.id, drawnAt: ctx.clock.now() }).where(eq(draws.competitionId, competitionId));
    await setStatus(tx, ctx, competitionId, 'drawn');
    // The audit entry names the draw, not the mapping: that stays sealed until decoding.
    await recordAudit(tx, ctx, { action: 'draw.run', entity: 'competition', entityId: competitionId, after: { seedCommitment: d.seedCommitment, entries: lots.length, algorithm: DRAW_ALGORITHM } });
  });
  return getDraw(ctx, competitionId);
}

/**
 * The draw as each may see it. Organizers and judges: the commitment and the code → station
 * list. The seed and the input list reproduce the code → person mapping, so they are shown only
 * once the competition is decoded (the decoder's audited 解密 comes first).
 */
export async function getDraw(ctx: ServiceContext, competitionId: number) {
  const actor = ctx.actor;
  const c = await competitionRow(ctx.db, competitionId);
  if (actor?.role === 'judge') await requireStaff(ctx, competitionId, 'judge', 'chief', 'substitute');
  else requireOrganizer(ctx);
  const [d] = await ctx.db.select().from(draws).where(eq(draws.competitionId, competitionId));
  if (!d) return { algorithm: DRAW_ALGORITHM, seedCommitment: null, committedAt: null, drawnAt: null, stations: c.stations, codePrefix: c.codePrefix, lots: [], verification: null };
  const lots = (d.result ?? []).map(({ code, station, round }) => ({ code, station, round })).sort((a, b) => a.code.localeCompare(b.code));
  // Revealed with the decoding only: before it even the decoder sees codes alone (decoding itself is
  // POST /decode, audited, which moves the competition to 'decoded').
  const open = isDecoded(c.status);
  return {
    algorithm: DRAW_ALGORITHM, seedCommitment: d.seedCommitment, committedAt: d.committedAt.toISOString(), drawnAt: d.drawnAt?.toISOString() ?? null,
    stations: c.stations, codePrefix: c.codePrefix, lots,
    verification: open && d.seed ? { seed: d.seed, entryIds: d.entryIds ?? [], result: d.result ?? [] } : null,
  };
}

/**
 * 解密: the code → person mapping, for a decoder (an admin granted it on this competition) once the
 * marks are locked. The first decoding moves the competition to 'decoded'; every look is audited.
 */
export async function decode(ctx: ServiceContext, competitionId: number) {
  const { actor } = await requireStaff(ctx, competitionId, 'decoder');
  if (actor.role !== 'admin') throw forbidden('只有被授权的管理员可以解密');
  return ctx.db.transaction(async (tx) => {
    const c = await competitionRow(tx, competitionId);
    if (!marksLocked(c.status)) throw conflict('成绩锁定后才能解密');
    if (c.status === 'locked') await setStatus(tx, ctx, competitionId, 'decoded');
    const rows = await tx.select({
      entryId: entries.id, code: entries.code, station: entries.station, round: entries.round, examNumber: entries.examNumber,
      name: people.name, idNumberMasked: people.idNumberMasked, unitName: units.name,
    }).from(entries).innerJoin(people, eq(people.id, entries.personId)).innerJoin(units, eq(units.id, entries.unitId))
      .where(and(eq(entries.competitionId, competitionId), eq(entries.status, 'approved'))).orderBy(asc(entries.code));
    await recordAudit(tx, ctx, { action: 'competition.decode', entity: 'competition', entityId: competitionId, after: { entries: rows.length } });
    return rows;
  });
}
