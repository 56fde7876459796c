import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { noticePeriod } from '../../../shared/calendar/working-days.js';
import type { Notice, NoticeKind, PublicNotice } from '../../../shared/contracts/notices.js';
import { NOTICE, PENDING_OBJECTION } from '../../../shared/notices/states.js';
import { recordAudit } from '../audit/service.js';
import { loadCalendar } from '../calendar/service.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { conflict, notFound } from '../../http/errors.js';
import { cachedJson } from '../../http/public-cache.js';
import { sweepBeforeRead } from './finality.js';
import { requireNoticeManager, requireObjectionHandler } from './policy.js';
import { presentNotice, presentPublicNotice } from './present.js';
import { invalidateNotice, noticeSubject, PUBLIC_LIST_KEY, publicNoticeKey, type NoticeContent } from './registry.js';
import { noticeObjections, notices } from './tables.js';

type Row = typeof notices.$inferSelect;

async function objectionCounts(db: DbOrTx, ids: number[]) {
  const out = new Map<number, { open: number; total: number }>(ids.map((id) => [id, { open: 0, total: 0 }]));
  if (!ids.length) return out;
  const rows = await db.select({ id: noticeObjections.noticeId, status: noticeObjections.status, n: count() }).from(noticeObjections)
    .where(inArray(noticeObjections.noticeId, ids)).groupBy(noticeObjections.noticeId, noticeObjections.status);
  for (const r of rows) {
    const c = out.get(r.id)!;
    c.total += r.n;
    if (PENDING_OBJECTION.includes(r.status)) c.open += r.n;
  }
  return out;
}

async function insertRound(tx: Tx, ctx: ServiceContext, kind: NoticeKind, subjectId: number, round: number, content: NoticeContent, workingDays: number): Promise<Row> {
  const now = ctx.clock.now();
  const period = noticePeriod(now, workingDays, await loadCalendar(tx));
  const [row] = await tx.insert(notices).values({
    kind, subjectId, round, title: content.title, intro: content.intro, columns: content.columns, rows: content.rows, status: 'open', workingDays,
    startsOn: period.startsOn, endsOn: period.endsOn, endsAt: period.endsAt, publishedBy: ctx.actor!.id, publishedAt: now,
  }).returning();
  await noticeSubject(kind).onPublished(tx, ctx, subjectId);
  await recordAudit(tx, ctx, {
    action: 'notice.publish', entity: 'notice', entityId: row!.id,
    after: { kind, subjectId, round, workingDays, startsOn: period.startsOn, endsOn: period.endsOn, rows: content.rows.length },
  });
  return row!;
}

async function lastRound(tx: DbOrTx, kind: NoticeKind, subjectId: number): Promise<Row | undefined> {
  const [r] = await tx.select().from(notices).where(and(eq(notices.kind, kind), eq(notices.subjectId, subjectId))).orderBy(desc(notices.round)).limit(1);
  return r;
}

/** 发布公示: the subject's list as it is now, for `workingDays` working days from today (or the next working day). */
export async function publishNotice(ctx: ServiceContext, kind: NoticeKind, subjectId: number, input: { workingDays: number; title?: string }): Promise<Notice> {
  requireNoticeManager(ctx);
  const subject = noticeSubject(kind);
  const row = await ctx.db.transaction(async (tx) => {
    const content = await subject.prepare(tx, ctx, subjectId);
    const prev = await lastRound(tx, kind, subjectId);
    if (prev?.status === 'open') throw conflict('该名单正在公示中');
    if (prev?.status === 'final') throw conflict('公示已期满，结果已生效，不能再次公示');
    return insertRound(tx, ctx, kind, subjectId, (prev?.round ?? 0) + 1, { ...content, title: input.title ?? content.title }, input.workingDays);
  });
  invalidateNotice(ctx.db, row);
  return presentNotice(row, { open: 0, total: 0 });
}

/** Reads a notice for a change, under its row lock, at the version the user saw. */
async function claim(tx: Tx, id: number, version: number): Promise<Row> {
  const [n] = await tx.select().from(notices).where(eq(notices.id, id)).for('update');
  if (!n) throw notFound('公示');
  if (n.version !== version) throw conflict('公示已被他人处理，请刷新后重试', 'version');
  return n;
}

/** 撤回公示: the organizer takes the list down (the subject goes back to before publication). */
export async function withdrawNotice(ctx: ServiceContext, id: number, input: { reason: string; version: number }): Promise<Notice> {
  requireNoticeManager(ctx);
  const row = await ctx.db.transaction(async (tx) => {
    const n = await claim(tx, id, input.version);
    NOTICE.assert(n.status, 'withdrawn');
    const [after] = await tx.update(notices).set({ status: 'withdrawn', closedAt: ctx.clock.now(), closedReason: input.reason, version: n.version + 1 })
      .where(eq(notices.id, id)).returning();
    await noticeSubject(n.kind).onWithdrawn(tx, ctx, n.subjectId);
    await recordAudit(tx, ctx, { action: 'notice.withdraw', entity: 'notice', entityId: id, before: { status: n.status }, after: { status: 'withdrawn', reason: input.reason } });
    return after!;
  });
  invalidateNotice(ctx.db, row);
  return presentNotice(row, (await objectionCounts(ctx.db, [id])).get(id)!);
}

/** 重新公示: after an upheld objection, the corrected list as the next round, with a new period. */
export async function restartNotice(ctx: ServiceContext, id: number, input: { version: number; workingDays?: number }): Promise<Notice> {
  requireNoticeManager(ctx);
  const row = await ctx.db.transaction(async (tx) => {
    const n = await claim(tx, id, input.version);
    if (n.status !== 'suspended') throw conflict('只有已中止的公示可以重新公示');
    const latest = await lastRound(tx, n.kind, n.subjectId);
    if (latest!.id !== n.id) throw conflict(`该名单已进入第 ${latest!.round} 轮公示`);
    await tx.update(notices).set({ version: n.version + 1 }).where(eq(notices.id, id));
    const content = await noticeSubject(n.kind).prepare(tx, ctx, n.subjectId);
    return insertRound(tx, ctx, n.kind, n.subjectId, n.round + 1, { ...content, title: n.title }, input.workingDays ?? n.workingDays);
  });
  invalidateNotice(ctx.db, row);
  return presentNotice(row, { open: 0, total: 0 });
}

export async function listNotices(ctx: ServiceContext, q: { kind?: NoticeKind; subjectId?: number }): Promise<Notice[]> {
  requireObjectionHandler(ctx);
  await sweepBeforeRead(ctx);
  const rows = await ctx.db.select().from(notices)
    .where(and(q.kind ? eq(notices.kind, q.kind) : undefined, q.subjectId ? eq(notices.subjectId, q.subjectId) : undefined)).orderBy(desc(notices.id));
  const counts = await objectionCounts(ctx.db, rows.map((r) => r.id));
  return rows.map((r) => presentNotice(r, counts.get(r.id)!));
}

export async function getNotice(ctx: ServiceContext, id: number): Promise<Notice> {
  requireObjectionHandler(ctx);
  await sweepBeforeRead(ctx);
  const [r] = await ctx.db.select().from(notices).where(eq(notices.id, id));
  if (!r) throw notFound('公示');
  return presentNotice(r, (await objectionCounts(ctx.db, [id])).get(id)!);
}

type Head = { id: number; kind: NoticeKind; subjectId: number };
/** A notice's kind and subject never change: read once per process (the cache key needs them). */
const heads = new WeakMap<object, Map<number, Head>>();
async function noticeHead(db: ServiceContext['db'], id: number): Promise<Head> {
  let mine = heads.get(db);
  if (!mine) heads.set(db, (mine = new Map()));
  const known = mine.get(id);
  if (known) return known;
  const [head] = await db.select({ id: notices.id, kind: notices.kind, subjectId: notices.subjectId }).from(notices).where(eq(notices.id, id));
  if (!head) throw notFound('公示');
  mine.set(id, head);
  return head;
}

/** What the public may see: notices open now, and final ones. Withdrawn and suspended lists are taken down. */
const PUBLIC_STATUSES = ['open', 'final'] as const;

/** 公示栏: the public list, newest first, without the rows (JSON text from the public cache). */
export function publicNoticeList(ctx: Pick<ServiceContext, 'db' | 'clock' | 'pii'>): Promise<string> {
  return cachedJson(ctx.db, PUBLIC_LIST_KEY, async () => {
    await sweepBeforeRead(ctx);
    const rows = await ctx.db.select().from(notices).where(inArray(notices.status, [...PUBLIC_STATUSES])).orderBy(desc(notices.publishedAt), desc(notices.id));
    return rows.map((r) => {
      const { columns: _c, rows: _r, ...rest } = presentPublicNotice(r);
      return rest;
    });
  });
}

/** One public notice with its (masked) list, as JSON text; 404 when it is not public. */
export async function publicNotice(ctx: Pick<ServiceContext, 'db' | 'clock' | 'pii'>, id: number): Promise<string> {
  const head = await noticeHead(ctx.db, id);
  return cachedJson(ctx.db, publicNoticeKey(head), async () => {
    await sweepBeforeRead(ctx);
    const [r] = await ctx.db.select().from(notices).where(and(eq(notices.id, id), inArray(notices.status, [...PUBLIC_STATUSES])));
    if (!r) throw notFound('公示');
    return presentPublicNotice(r) satisfies PublicNotice;
  });
}
