import crypto from 'node:crypto';
import { and, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { CheckinCode, CheckinResult, CheckinWindow } from '../../../shared/training/checkin-contracts.js';
import {
  CHECKIN_OUTCOME_MESSAGES, checkinStatus, codeExpiresAt, codeTiming, decideCheckin, formatToken, parseToken, signedText, stepAt,
  type CheckinOutcome,
} from '../../../shared/training/checkin.js';
import { recordAudit } from '../../core/audit/service.js';
import type { PiiCipher } from '../../core/pii/cipher.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { requireActor } from '../../policy.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { classRow, lockClass, requireClassStatus, requireTeacher } from '../programmes/policy.js';
import { trainingClasses, trainingSessions, type SessionRow } from '../programmes/tables.js';
import { trainingAttendance, trainingCheckins } from './tables.js';

/**
 * The QR's signing key: HMAC-SHA256 of a fixed label under the server's keyed-hash key (which
 * HKDF derives from SECRET_KEY), so it is the same on every process of one deployment, differs
 * between deployments, and is never stored.
 */
const keys = new WeakMap<PiiCipher, crypto.KeyObject>();
function checkinKey(pii: PiiCipher): crypto.KeyObject {
  let k = keys.get(pii);
  if (!k) {
    k = crypto.createSecretKey(Buffer.from(pii.hash('training.checkin.key', 'v1'), 'base64url'));
    keys.set(pii, k);
  }
  return k;
}

export const signStep = (pii: PiiCipher, sessionId: number, step: number): string =>
  crypto.createHmac('sha256', checkinKey(pii)).update(signedText(sessionId, step)).digest('base64url');

function macOk(pii: PiiCipher, sessionId: number, step: number, mac: string): boolean {
  const want = Buffer.from(signStep(pii, sessionId, step));
  const got = Buffer.from(mac);
  return got.length === want.length && crypto.timingSafeEqual(got, want);
}

/** The device cookie is stored only as a keyed hash. */
export const deviceHash = (pii: PiiCipher, device: string): string => pii.hash('training.device', device);

async function sessionRow(db: DbOrTx, id: number): Promise<SessionRow> {
  const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, id));
  if (!s) throw notFound('课次');
  return s;
}

const isOpen = (s: SessionRow) => s.checkinOpenedAt != null && s.checkinClosedAt == null;
const windowOf = (s: SessionRow): CheckinWindow => ({
  sessionId: s.id, open: isOpen(s), openedAt: s.checkinOpenedAt?.toISOString() ?? null, closedAt: s.checkinClosedAt?.toISOString() ?? null,
});

/** 开始签到 / 结束签到: the teacher opens and closes the QR sign-in window of a session of a running class. */
export async function setCheckinWindow(ctx: ServiceContext, sessionId: number, open: boolean): Promise<CheckinWindow> {
  requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const s0 = await sessionRow(tx, sessionId);
    const c = await lockClass(tx, s0.classId);
    await requireTeacher(ctx, c, tx);
    const [s] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)).for('update');
    if (open) {
      requireClassStatus(c, ['running'], '开始签到');
      if (s!.status === 'cancelled') throw conflict('该课次已取消，不能签到');
      if (isOpen(s!)) return windowOf(s!);
    } else if (!isOpen(s!)) return windowOf(s!);
    const now = ctx.clock.now();
    const values = open ? { checkinOpenedAt: now, checkinClosedAt: null } : { checkinClosedAt: now };
    const [row] = await tx.update(trainingSessions).set(values).where(eq(trainingSessions.id, sessionId)).returning();
    await recordAudit(tx, ctx, { action: open ? 'training.checkin.open' : 'training.checkin.close', entity: 'training_session', entityId: sessionId, before: windowOf(s!), after: windowOf(row!) });
    return windowOf(row!);
  });
}

async function signedInCount(db: DbOrTx, sessionId: number): Promise<number> {
  const [r] = await db.select({ n: count() }).from(trainingAttendance)
    .where(and(eq(trainingAttendance.sessionId, sessionId), inArray(trainingAttendance.status, ['present', 'late'])));
  return r?.n ?? 0;
}

/** The code for the teacher's screen now: only while the window is open. */
export async function checkinCode(ctx: ServiceContext, sessionId: number, origin: string): Promise<CheckinCode> {
  requireActor(ctx);
  const s = await sessionRow(ctx.db, sessionId);
  const c = await classRow(ctx.db, s.classId);
  await requireTeacher(ctx, c);
  requireClassStatus(c, ['running'], '扫码签到');
  if (!isOpen(s)) throw conflict('签到尚未开始，请先点「开始签到」', 'checkin');
  const step = stepAt(ctx.clock.now().getTime());
  const token = formatToken(s.id, step, signStep(ctx.pii, s.id, step));
  const [enrolled] = await ctx.db.select({ n: count() }).from(trainingEnrolments).where(and(eq(trainingEnrolments.classId, c.id), eq(trainingEnrolments.status, 'enrolled')));
  return {
    url: `${origin}/checkin?c=${token}`, token, step, expiresAt: new Date(codeExpiresAt(step)).toISOString(),
    signedIn: await signedInCount(ctx.db, s.id), enrolled: enrolled?.n ?? 0,
  };
}

/** Each refusal's HTTP status and code: a stranger to the class hears 404 and nothing about it. */
const REFUSALS: Record<Exclude<CheckinOutcome, 'accepted'>, [number, string]> = {
  forged: [400, 'VALIDATION'], expired: [409, 'CONFLICT'], early: [409, 'CONFLICT'], closed: [409, 'CONFLICT'], 'not-trainee': [403, 'FORBIDDEN'],
  'not-enrolled': [404, 'NOT_FOUND'], replayed: [409, 'CONFLICT'], 'other-device': [403, 'FORBIDDEN'],
};
const refusal = (o: Exclude<CheckinOutcome, 'accepted'>) =>
  new AppError(REFUSALS[o][0], REFUSALS[o][1], CHECKIN_OUTCOME_MESSAGES[o].zh, [{ field: 'code', message: CHECKIN_OUTCOME_MESSAGES[o].zh }]);

/**
 * 扫码签到 by a trainee's own phone. Every attempt whose session exists is kept in
 * training_checkins with its outcome; an accepted one writes the attendance (扫码, present or
 * late) in the same transaction. A per-device lock makes the device rule hold under concurrent
 * scans; the attendance row's unique key makes a double scan a replay.
 */
export async function checkIn(ctx: ServiceContext, code: string, device: string): Promise<CheckinResult> {
  const a = requireActor(ctx);
  const t = parseToken(code.includes('c=') ? (new URLSearchParams(code.slice(code.indexOf('?') + 1)).get('c') ?? '') : code);
  if (!t) throw refusal('forged');
  const now = ctx.clock.now();
  const dHash = deviceHash(ctx.pii, device);
  const trainee = a.role === 'person' && a.personId != null;

  type Done = { outcome: CheckinOutcome; s?: SessionRow; className?: string; status?: 'present' | 'late' };
  const done = await ctx.db.transaction(async (tx): Promise<Done> => {
    // The session, its class, the actor's enrolment in it and any record so far: one query.
    const [f] = await tx.select({ s: trainingSessions, classStatus: trainingClasses.status, className: trainingClasses.name, enrolmentId: trainingEnrolments.id, prior: trainingAttendance.status })
      .from(trainingSessions).innerJoin(trainingClasses, eq(trainingClasses.id, trainingSessions.classId))
      .leftJoin(trainingEnrolments, and(eq(trainingEnrolments.classId, trainingClasses.id), eq(trainingEnrolments.personId, trainee ? a.personId! : -1), eq(trainingEnrolments.status, 'enrolled')))
      .leftJoin(trainingAttendance, and(eq(trainingAttendance.sessionId, trainingSessions.id), eq(trainingAttendance.enrolmentId, trainingEnrolments.id)))
      .where(eq(trainingSessions.id, t.sessionId));
    if (!f) return { outcome: 'forged' };
    const { s } = f;
    const enrolmentId = f.enrolmentId;
    const log = (outcome: CheckinOutcome) => tx.insert(trainingCheckins).values({
      sessionId: s.id, accountId: a.id, enrolmentId, step: t.step, deviceHash: dHash, outcome, at: now,
    });
    const facts = {
      signatureOk: macOk(ctx.pii, s.id, t.step, t.mac), timing: codeTiming(t.step, now.getTime()),
      open: isOpen(s) && f.classStatus === 'running' && s.status === 'scheduled', trainee, enrolled: enrolmentId != null,
      alreadySignedIn: f.prior === 'present' || f.prior === 'late', deviceUsedByOther: false,
    };
    const first = decideCheckin(facts);
    if (first !== 'accepted') {
      await log(first);
      return { outcome: first };
    }
    // One phone, one trainee per session: concurrent scans from one device queue here.
    await tx.execute(sql`select pg_advisory_xact_lock(${s.id}, hashtext(${dHash}))`);
    const [other] = await tx.select({ id: trainingCheckins.id }).from(trainingCheckins)
      .where(and(eq(trainingCheckins.sessionId, s.id), eq(trainingCheckins.deviceHash, dHash), eq(trainingCheckins.outcome, 'accepted'), ne(trainingCheckins.accountId, a.id))).limit(1);
    if (other) {
      await log('other-device');
      return { outcome: 'other-device' };
    }
    const status = checkinStatus(s.day, s.startsAt, now.getTime());
    const values = { status, method: 'qr' as const, recordedBy: a.id, recordedAt: now, note: null };
    const [row] = await tx.insert(trainingAttendance).values({ sessionId: s.id, enrolmentId: enrolmentId!, ...values })
      .onConflictDoUpdate({
        target: [trainingAttendance.sessionId, trainingAttendance.enrolmentId], set: { ...values, version: sql`${trainingAttendance.version} + 1` },
        setWhere: sql`${trainingAttendance.status} not in ('present', 'late')`,
      }).returning({ version: trainingAttendance.version });
    if (!row) {
      await log('replayed');
      return { outcome: 'replayed' };
    }
    await log('accepted');
    await recordAudit(tx, ctx, { action: 'training.attendance.checkin', entity: 'training_attendance', entityId: `${s.id}:${enrolmentId}`, before: f.prior ? { status: f.prior } : null, after: { status, method: 'qr' } });
    return { outcome: 'accepted', s, className: f.className, status };
  });
  if (done.outcome !== 'accepted') throw refusal(done.outcome);
  const s = done.s!;
  return { status: done.status!, sessionId: s.id, className: done.className!, topic: s.topic, day: s.day, startsAt: s.startsAt, at: now.toISOString() };
}
