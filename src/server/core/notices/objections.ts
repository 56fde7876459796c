import { and, asc, eq } from 'drizzle-orm';
import type { Objection, ObjectionStatus } from '../../../shared/contracts/notices.js';
import { mask } from '../../../shared/mask.js';
import { NOTICE, OBJECTION } from '../../../shared/notices/states.js';
import { recordAudit } from '../audit/service.js';
import type { ServiceContext } from '../../context.js';
import { conflict, notFound } from '../../http/errors.js';
import type { PerIpLimit } from './limit.js';
import { requireObjectionHandler } from './policy.js';
import { endText } from './present.js';
import { sweepBeforeRead } from './finality.js';
import { invalidateNotice, noticeSubject } from './registry.js';
import { noticeObjections, notices } from './tables.js';

type Row = typeof noticeObjections.$inferSelect;

const presentObjection = (r: Row): Objection => ({
  id: r.id, noticeId: r.noticeId, name: r.name, contactMasked: r.contactMasked, content: r.content, lodgedAt: r.lodgedAt.toISOString(),
  status: r.status, resolution: r.resolution, handledAt: r.handledAt?.toISOString() ?? null,
});

/** The reference a lodger quotes when they ask about their objection. */
export const objectionReference = (id: number) => `YY${String(id).padStart(6, '0')}`;

/**
 * 提出异议: anyone, by real name with a phone or e-mail, while the period runs. The contact is
 * kept encrypted (with its masked form for the handlers' list); nothing of it is ever public.
 */
export async function lodgeObjection(ctx: ServiceContext, noticeId: number, input: { name: string; contact: string; content: string }, limit: PerIpLimit) {
  limit.take(ctx.ip ?? 'unknown', ctx.clock.now().getTime());
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [n] = await tx.select().from(notices).where(eq(notices.id, noticeId)).for('update');
    if (!n || n.status === 'withdrawn') throw notFound('公示');
    if (n.status === 'suspended') throw conflict('该公示已中止，正在复核，不再受理异议');
    if (n.status !== 'open' || now >= n.endsAt) throw conflict(`公示期已于 ${endText(n)} 结束，不再受理异议`);
    const [o] = await tx.insert(noticeObjections).values({
      noticeId, name: input.name, contactEnc: ctx.pii.encrypt(input.contact), contactMasked: mask('phone', input.contact)!, content: input.content, lodgedAt: now,
    }).returning({ id: noticeObjections.id });
    // The audit names the objection, not who lodged it or how to reach them (confidential).
    await recordAudit(tx, ctx, { action: 'notice.objection.lodge', entity: 'notice_objection', entityId: o!.id, after: { noticeId } });
    return { ok: true as const, reference: objectionReference(o!.id) };
  });
}

export async function listObjections(ctx: ServiceContext, noticeId: number): Promise<Objection[]> {
  requireObjectionHandler(ctx);
  const [n] = await ctx.db.select({ id: notices.id }).from(notices).where(eq(notices.id, noticeId));
  if (!n) throw notFound('公示');
  const rows = await ctx.db.select().from(noticeObjections).where(eq(noticeObjections.noticeId, noticeId)).orderBy(asc(noticeObjections.id));
  return rows.map(presentObjection);
}

/**
 * 处理异议: under investigation, dismissed, or upheld. Upheld means the list is wrong: the notice
 * is suspended (the subject goes back to before publication, to be corrected and restarted).
 * A dismissal may be the last thing holding a finished period back: the sweep runs after it.
 */
export async function resolveObjection(ctx: ServiceContext, noticeId: number, objectionId: number, input: { status: Exclude<ObjectionStatus, 'open'>; resolution: string }): Promise<Objection> {
  const actor = requireObjectionHandler(ctx);
  const now = ctx.clock.now();
  const { row, notice } = await ctx.db.transaction(async (tx) => {
    const [n] = await tx.select().from(notices).where(eq(notices.id, noticeId)).for('update');
    if (!n) throw notFound('公示');
    const [o] = await tx.select().from(noticeObjections).where(and(eq(noticeObjections.id, objectionId), eq(noticeObjections.noticeId, noticeId)));
    if (!o) throw notFound('异议');
    OBJECTION.assert(o.status, input.status);
    const [after] = await tx.update(noticeObjections).set({ status: input.status, resolution: input.resolution, handledBy: actor.id, handledAt: now })
      .where(eq(noticeObjections.id, o.id)).returning();
    await recordAudit(tx, ctx, { action: `notice.objection.${input.status}`, entity: 'notice_objection', entityId: o.id, before: { status: o.status }, after: { status: input.status, resolution: input.resolution } });
    if (input.status === 'upheld' && n.status === 'open') {
      NOTICE.assert(n.status, 'suspended');
      await tx.update(notices).set({ status: 'suspended', closedAt: now, closedReason: `异议成立（${objectionReference(o.id)}）：${input.resolution}`, version: n.version + 1 })
        .where(eq(notices.id, n.id));
      await noticeSubject(n.kind).onSuspended(tx, ctx, n.subjectId);
      await recordAudit(tx, ctx, { action: 'notice.suspend', entity: 'notice', entityId: n.id, before: { status: 'open' }, after: { status: 'suspended', objectionId: o.id } });
    }
    return { row: after!, notice: n };
  });
  invalidateNotice(ctx.db, notice);
  if (input.status === 'dismissed') await sweepBeforeRead(ctx);
  return presentObjection(row);
}
