import type { AttendanceStatus } from './rules.js';

/**
 * 扫码签到: the teacher's screen shows a QR that changes every CHECKIN_PERIOD_MS. Time is cut into
 * steps (step = ⌊ms / period⌋); the code of step s is signed by the server over (session, s) and is
 * valid during step s and the next one only — a photo of the screen sent on to a friend at home
 * expires within two periods. A code from the future (a forged clock) is refused as well.
 */
export const CHECKIN_PERIOD_MS = 10_000;
/** A code is valid in its own step and this many after it. */
export const CHECKIN_GRACE_STEPS = 1;
/** Signed in more than this many minutes after the session's start: 迟到. */
export const LATE_AFTER_MINUTES = 15;

export const stepAt = (ms: number, period = CHECKIN_PERIOD_MS): number => Math.floor(ms / period);

/** When the code of `step` stops being accepted (ms since the epoch). */
export const codeExpiresAt = (step: number, period = CHECKIN_PERIOD_MS): number => (step + 1 + CHECKIN_GRACE_STEPS) * period;

export type CodeTiming = 'valid' | 'expired' | 'early';

/** Whether the code of `step` is accepted at `nowMs`: in its step or the next, never before, never after. */
export function codeTiming(step: number, nowMs: number, period = CHECKIN_PERIOD_MS): CodeTiming {
  const now = stepAt(nowMs, period);
  if (step > now) return 'early';
  if (now - step > CHECKIN_GRACE_STEPS) return 'expired';
  return 'valid';
}

/** The token in the QR: `<sessionId>.<step>.<mac>`, the MAC base64url (URL-safe as it is). */
export const formatToken = (sessionId: number, step: number, mac: string): string => `${sessionId}.${step}.${mac}`;

const TOKEN = /^([1-9][0-9]{0,9})\.([0-9]{1,15})\.([A-Za-z0-9_-]{16,128})$/;
export function parseToken(token: string): { sessionId: number; step: number; mac: string } | null {
  const m = TOKEN.exec(token.trim());
  if (!m) return null;
  const sessionId = Number(m[1]);
  const step = Number(m[2]);
  if (sessionId > 2_147_483_647 || !Number.isSafeInteger(step)) return null;
  return { sessionId, step, mac: m[3]! };
}

/** The message a code is signed over: (session, step), separated so no two pairs give one text. */
export const signedText = (sessionId: number, step: number): string => `training-checkin\u0000${sessionId}\u0000${step}`;

/** A session's start as a moment: `day` and `startsAt` ("HH:MM") are Beijing wall-clock time (UTC+8). */
export function beijingMoment(day: string, hhmm: string): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  return Date.UTC(y, mo - 1, d, h - 8, mi);
}

/** Present, or late when signed in more than LATE_AFTER_MINUTES after the session's start. */
export function checkinStatus(day: string, startsAt: string, atMs: number): Extract<AttendanceStatus, 'present' | 'late'> {
  return atMs > beijingMoment(day, startsAt) + LATE_AFTER_MINUTES * 60_000 ? 'late' : 'present';
}

/** Every outcome of a sign-in attempt, kept in training_checkins. */
export const CHECKIN_OUTCOMES = ['accepted', 'forged', 'expired', 'early', 'closed', 'not-trainee', 'not-enrolled', 'replayed', 'other-device'] as const;
export type CheckinOutcome = (typeof CHECKIN_OUTCOMES)[number];

export const CHECKIN_OUTCOME_MESSAGES: Record<CheckinOutcome, { zh: string; en: string }> = {
  accepted: { zh: '已签到', en: 'Signed in' },
  forged: { zh: '二维码无效，请扫描老师屏幕上的二维码', en: "Invalid code: scan the QR on the teacher's screen" },
  expired: { zh: '二维码已过期，请重新扫描老师屏幕上的二维码', en: "The code has expired: scan the teacher's screen again" },
  early: { zh: '二维码无效（时间不符），请重新扫描', en: 'The code is not valid yet: scan again' },
  closed: { zh: '本课次签到未开放或已结束，请联系老师点名', en: 'Sign-in for this session is not open: ask the teacher to mark you' },
  'not-trainee': { zh: '请用学员账号登录后扫码签到', en: 'Sign in with your trainee account to check in' },
  'not-enrolled': { zh: '未找到您在该课次的学员记录（非本班学员不能签到）', en: 'You are not a trainee of this session' },
  replayed: { zh: '已签到', en: 'Already signed in' },
  'other-device': { zh: '本手机已为其他学员签到，请用自己的手机签到', en: 'This phone already signed in another trainee: use your own phone' },
};

/** What the server knows about one attempt, in the order it finds it out. */
export interface CheckinFacts {
  signatureOk: boolean;
  /** The sign-in window of the code's session is open (and the class is running). */
  open: boolean;
  timing: CodeTiming;
  /** The actor is a trainee account (role person, with a person). */
  trainee: boolean;
  /** Enrolled (status enrolled) in the session's class. */
  enrolled: boolean;
  /** Already attended this session (present or late). */
  alreadySignedIn: boolean;
  /** This browser's device cookie already signed in another account to this session. */
  deviceUsedByOther: boolean;
}

/**
 * The verdict on one attempt. A forged or mistimed code is refused before anything about the
 * trainee is looked at; a replay wins over the device rule (the trainee's own second scan says
 * 已签到, not "another trainee").
 */
export function decideCheckin(f: CheckinFacts): CheckinOutcome {
  if (!f.signatureOk) return 'forged';
  if (f.timing !== 'valid') return f.timing;
  if (!f.open) return 'closed';
  if (!f.trainee) return 'not-trainee';
  if (!f.enrolled) return 'not-enrolled';
  if (f.alreadySignedIn) return 'replayed';
  if (f.deviceUsedByOther) return 'other-device';
  return 'accepted';
}
