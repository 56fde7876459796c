import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/audit/tables.js';
import ExcelJS from '../../excel/exceljs.js';
import { buildUnit, call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { trainingAttendance } from '../attendance/tables.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { committeeSession, traineeSession, trainingWorld, unitSession } from '../fixture.js';
import { finishClass, insertAttendance, insertSessions, insertTrainees, marks, runningNewTechClass } from './fixture.js';
import { trainingAppraisals } from './tables.js';

/** 培训补贴申请: reproducible from attendance and appraisal, reviewed, exported as the payment list. */
let env: TestEnv;
let w: Awaited<ReturnType<typeof trainingWorld>>;
let finance: Session;

beforeAll(async () => {
  env = await makeTestEnv();
  w = await trainingWorld(env);
  finance = await committeeSession(env, 'finance');
});
afterAll(() => env.close());

/**
 * The hand-computed class: fees 2450.50 + 620.30 yuan, rule 80 %, 10 sessions held (and one
 * cancelled, which does not count).
 *   A 10/10, passed            2450.50 + 620.30 = 3070.80
 *   B  8/10 (2 absent), failed 2450.50 + 620.30 = 3070.80 (sat the appraisal)
 *   C  8/10 (one late), 缺考    2450.50          = 2450.50
 *   D  7/10 (+1 excused), sat  0 (70 % < 80 %)
 *   E  9/10, no result         2450.50          = 2450.50
 *   F  withdrawn               not in the claim
 * total 11 042.60 yuan (training 4 × 2450.50 = 9802.00, appraisal 2 × 620.30 = 1240.60), 5 trainees, 4 eligible.
 */
async function handClass(name: string) {
  const cls = await runningNewTechClass(env, w, name, { trainingFeeYuan: 2450.5, appraisalFeeYuan: 620.3 });
  const sessions = await insertSessions(env, cls.id, 10, 1);
  const [A, B, C, D, E, F] = await insertTrainees(env, w, cls.id, ['甲', '乙', '丙', '丁', '戊', '己'], `${name}-`);
  await env.database.db.update(trainingEnrolments).set({ status: 'withdrawn' }).where(eq(trainingEnrolments.id, F!.enrolmentId));
  await insertAttendance(env, sessions, A!.enrolmentId, marks('PPPPPPPPPPA')); // the cancelled session's mark does not count
  await insertAttendance(env, sessions, B!.enrolmentId, marks('PPAPPPPAPP'));
  await insertAttendance(env, sessions, C!.enrolmentId, marks('PLPPPPPPAA'));
  await insertAttendance(env, sessions, D!.enrolmentId, marks('PPPPPPPAEA'));
  await insertAttendance(env, sessions, E!.enrolmentId, marks('PPPPPPPPPA'));
  await insertAttendance(env, sessions, F!.enrolmentId, marks('PPPPPPPPPP'));
  const now = new Date();
  const appraisal = (t: typeof A, theory: number | null, practical: number | null, absent: boolean) => ({
    enrolmentId: t!.enrolmentId, classId: cls.id, examNumber: t!.examNumber, theory, practical, absent, passed: !absent && theory! >= 60 && practical! >= 60, appraisedOn: '2009-06-25', importedAt: now,
  });
  await env.database.db.insert(trainingAppraisals).values([appraisal(A, 80, 85, false), appraisal(B, 50, 70, false), appraisal(C, null, null, true), appraisal(D, 75, 75, false)]);
  return { cls, sessions, A: A!, B: B!, C: C!, D: D!, E: E!, F: F! };
}
const compute = (s: Session | null, classId: number, version?: number) => call(env, s, 'POST', `/api/training/classes/${classId}/claim/compute`, version ? { version } : {});

describe('subsidy claim', () => {
  it('equals the hand-computed example, line by line', async () => {
    const h = await handClass('补贴-手算');
    const r = await compute(w.collegeSession, h.cls.id);
    expect(r.statusCode, r.body).toBe(200);
    const claim = r.json();
    expect(claim).toMatchObject({
      status: 'draft', trainees: 5, eligible: 4, trainingTotalYuan: 9802, appraisalTotalYuan: 1240.6, totalYuan: 11042.6, stale: false, currentTotalYuan: 11042.6, version: 1,
      trainingFeeYuan: 2450.5, appraisalFeeYuan: 620.3, minAttendancePct: 80,
    });
    expect(claim.linesHash).toMatch(/^[0-9a-f]{64}$/);
    const by = (n: string) => claim.lines.find((l: { name: string }) => l.name === n);
    expect(by('甲')).toMatchObject({ sessionsHeld: 10, sessionsAttended: 10, attendancePct: 100, eligible: true, trainingFeeYuan: 2450.5, appraisalFeeYuan: 620.3, totalYuan: 3070.8, reason: null });
    expect(by('乙')).toMatchObject({ sessionsAttended: 8, attendancePct: 80, eligible: true, totalYuan: 3070.8 });
    expect(by('丙')).toMatchObject({ sessionsAttended: 8, appraised: false, totalYuan: 2450.5, reason: '未参加鉴定（缺考或无成绩），不计鉴定费' });
    expect(by('丁')).toMatchObject({ sessionsAttended: 7, eligible: false, totalYuan: 0, reason: '出勤 7/10 次（70%），未达到 80%' });
    expect(by('戊')).toMatchObject({ sessionsAttended: 9, appraised: false, totalYuan: 2450.5 });
    expect(by('己')).toBeUndefined();
    expect(by('甲').idNumberMasked).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    expect(JSON.stringify(claim)).not.toContain(h.A.idNumber);
    // reproducible: recomputing the same records gives the same hash
    const again = (await compute(w.staff, h.cls.id, 1)).json();
    expect([again.linesHash, again.totalYuan, again.version]).toEqual([claim.linesHash, 11042.6, 2]);
  });

  it('changing one attendance record makes the claim stale, and the recomputation pays it', async () => {
    const h = await handClass('补贴-变动');
    const first = (await compute(w.staff, h.cls.id)).json();
    expect(first.totalYuan).toBe(11042.6);
    await env.database.db.update(trainingAttendance).set({ status: 'late', method: 'sheet' })
      .where(and(eq(trainingAttendance.enrolmentId, h.D.enrolmentId), eq(trainingAttendance.sessionId, h.sessions[7]!)));
    const seen = (await call(env, finance, 'GET', `/api/training/classes/${h.cls.id}/claim`)).json();
    expect(seen).toMatchObject({ stale: true, totalYuan: 11042.6, currentTotalYuan: 14113.4 });
    expect(seen.lines.find((l: { name: string }) => l.name === '丁').eligible).toBe(false); // the stored lines are what was computed
    await finishClass(env, w, h.cls.id);
    const stale = await call(env, w.collegeSession, 'POST', `/api/training/claims/${first.id}/submit`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('重新计算');
    const re = (await compute(w.collegeSession, h.cls.id, 1)).json();
    expect(re).toMatchObject({ stale: false, totalYuan: 14113.4, eligible: 5, version: 2 });
    expect(re.linesHash).not.toBe(first.linesHash);
    expect(re.lines.find((l: { name: string }) => l.name === '丁')).toMatchObject({ sessionsAttended: 8, eligible: true, totalYuan: 3070.8, reason: null });
    // and an appraisal recorded after the computation too
    await env.database.db.update(trainingAppraisals).set({ absent: false, theory: 61, practical: 61, passed: true }).where(eq(trainingAppraisals.enrolmentId, h.C.enrolmentId));
    expect((await call(env, w.staff, 'GET', `/api/training/classes/${h.cls.id}/claim`)).json()).toMatchObject({ stale: true, currentTotalYuan: 14733.7 });
  });

  it('moves draft → submitted → returned → draft → submitted → approved, frozen; versions and states checked', async () => {
    const h = await handClass('补贴-状态');
    const url = (id: number, what: string) => `/api/training/claims/${id}/${what}`;
    // Two first computations at once: the class lock lets one through, the other is told to refresh.
    const both = await Promise.all([compute(w.collegeSession, h.cls.id), compute(w.staff, h.cls.id)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const c1 = both.find((r) => r.statusCode === 200)!.json();
    expect(c1.version).toBe(1);
    expect((await compute(w.collegeSession, h.cls.id)).statusCode).toBe(409); // no version
    expect((await call(env, w.collegeSession, 'POST', url(c1.id, 'submit'), { version: 1 })).json().error.message).toContain('尚未结业');
    await finishClass(env, w, h.cls.id);
    expect((await call(env, finance, 'POST', url(c1.id, 'review'), { version: 1, decision: 'approve' })).json().error.message).toContain('草稿');
    expect((await call(env, w.collegeSession, 'POST', url(c1.id, 'submit'), { version: 9 })).statusCode).toBe(409);
    const sub = await call(env, w.collegeSession, 'POST', url(c1.id, 'submit'), { version: 1 });
    expect(sub.json()).toMatchObject({ status: 'submitted', version: 2 });
    expect((await compute(w.staff, h.cls.id, 2)).json().error.message).toContain('已提交');
    expect((await call(env, w.collegeSession, 'POST', url(c1.id, 'review'), { version: 2, decision: 'approve' })).statusCode).toBe(403);
    expect((await call(env, w.staff, 'POST', url(c1.id, 'review'), { version: 2, decision: 'approve' })).statusCode).toBe(403);
    const noNote = await call(env, finance, 'POST', url(c1.id, 'review'), { version: 2, decision: 'return' });
    expect([noNote.statusCode, noNote.json().error.issues[0].field]).toEqual([400, 'note']);
    const ret = await call(env, finance, 'POST', url(c1.id, 'review'), { version: 2, decision: 'return', note: '丁的出勤请核实' });
    expect(ret.json()).toMatchObject({ status: 'returned', reviewNote: '丁的出勤请核实', version: 3 });
    expect((await compute(w.collegeSession, h.cls.id, 3)).json()).toMatchObject({ status: 'draft', version: 4 });
    expect((await call(env, w.staff, 'POST', url(c1.id, 'submit'), { version: 4 })).json().status).toBe('submitted');
    const admin = await sessionAs(env, 'admin');
    const ok = await call(env, admin, 'POST', url(c1.id, 'review'), { version: 5, decision: 'approve' });
    expect(ok.json()).toMatchObject({ status: 'approved', version: 6 });
    expect((await compute(w.staff, h.cls.id, 6)).json().error.message).toContain('已核准');
    expect((await call(env, w.staff, 'POST', url(c1.id, 'submit'), { version: 6 })).statusCode).toBe(409);
    expect((await call(env, finance, 'POST', url(c1.id, 'review'), { version: 6, decision: 'return', note: 'x' })).statusCode).toBe(409);
    const actions = (await env.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, String(c1.id))).orderBy(asc(auditLog.id)))
      .map((a) => a.action).filter((a) => a.startsWith('training.subsidy'));
    expect(actions).toEqual(['training.subsidy.compute', 'training.subsidy.submit', 'training.subsidy.return', 'training.subsidy.compute', 'training.subsidy.submit', 'training.subsidy.approve']);
    // a class not running: nothing to compute
    expect((await compute(w.staff, w.newTechClass.id)).json().error.message).toContain('尚未开班');
  });

  it('exports the payment list: title, masked ID numbers, a totals row that adds up, status and hash in the footer', async () => {
    const h = await handClass('补贴-导出');
    const claim = (await compute(w.staff, h.cls.id)).json();
    const r = await call(env, finance, 'GET', `/api/training/claims/${claim.id}/export.xlsx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const text = rows.map((x) => x.join('|')).join('\n');
    expect(text).toContain('项目：新技师培养带动计划');
    expect(text).toContain('班级：补贴-导出');
    expect(text).toContain(`承训院校：${w.newTechClass.collegeName}`);
    expect(text).toContain('培训日期：2009-05-13 至 2009-06-21');
    expect(text).not.toContain(h.A.idNumber);
    const header = rows.findIndex((x) => x[0] === '序号');
    expect(rows[header]).toEqual(['序号', '姓名', '身份证号', '单位', '应到', '实到', '出勤率', '是否符合', '培训费', '鉴定费', '合计', '说明']);
    const lines = rows.slice(header + 1, header + 6);
    expect(lines.map((x) => x[1])).toEqual(['甲', '乙', '丙', '丁', '戊']);
    expect(lines[3]!.slice(4, 11)).toEqual([10, 7, '70%', '否', 0, 0, 0]);
    const totals = rows[header + 6]!;
    expect(totals[0]).toBe('合计');
    expect(totals.slice(8, 11)).toEqual([9802, 1240.6, 11042.6]);
    const sumFen = lines.reduce((s, x) => s + Math.round((x[10] as number) * 100), 0);
    expect(sumFen).toBe(1_104_260);
    expect(text).toContain('申请状态：草稿');
    expect(text).toContain(claim.linesHash);
  });

  it('lets each role see or do only what it may', async () => {
    const h = await handClass('补贴-权限');
    const claim = (await compute(w.staff, h.cls.id)).json();
    const otherCollege = await unitSession(env, (await buildUnit(env, { kind: 'school' })).id);
    const roles: [string, Session | null, { get: number; compute: number; export: number; review: number }][] = [
      ['admin', await sessionAs(env, 'admin'), { get: 200, compute: 409, export: 200, review: 409 }],
      ['training staff', w.staff, { get: 200, compute: 409, export: 200, review: 403 }],
      ['finance', finance, { get: 200, compute: 403, export: 200, review: 409 }],
      ['other committee', await committeeSession(env, 'publicity'), { get: 403, compute: 403, export: 403, review: 403 }],
      ['college', w.collegeSession, { get: 200, compute: 409, export: 200, review: 403 }],
      ['another college', otherCollege, { get: 404, compute: 404, export: 404, review: 403 }],
      ['employer', w.employerSession, { get: 404, compute: 404, export: 404, review: 403 }],
      ['judge', w.teacher, { get: 403, compute: 403, export: 403, review: 403 }],
      ['person', (await traineeSession(env, w.employer.id)).session, { get: 403, compute: 403, export: 403, review: 403 }],
      ['anonymous', null, { get: 401, compute: 401, export: 401, review: 401 }],
    ];
    for (const [who, s, want] of roles) {
      const got = {
        get: (await call(env, s, 'GET', `/api/training/classes/${h.cls.id}/claim`)).statusCode,
        compute: (await compute(s, h.cls.id, 99)).statusCode, // a stale version: the allowed are refused by 409, after access
        export: (await call(env, s, 'GET', `/api/training/claims/${claim.id}/export.xlsx`)).statusCode,
        review: (await call(env, s, 'POST', `/api/training/claims/${claim.id}/review`, { version: 1, decision: 'approve' })).statusCode,
      };
      expect([who, got]).toEqual([who, want]);
    }
    expect((await call(env, w.staff, 'GET', `/api/training/classes/${h.cls.id}/claim`)).json()).toMatchObject({ status: 'draft', version: 1 });
    // The lists: finance and staff every claim, a college its own, another college none.
    const listed = (s: Session | null, q = '') => call(env, s, 'GET', `/api/training/claims${q}`);
    expect((await listed(finance)).json().map((c: { id: number }) => c.id)).toContain(claim.id);
    expect((await listed(finance, '?status=submitted')).json().map((c: { id: number }) => c.id)).not.toContain(claim.id);
    expect((await listed(w.collegeSession)).json().map((c: { id: number }) => c.id)).toContain(claim.id);
    expect((await listed(otherCollege)).json()).toEqual([]);
    const otherBody = await listed(roles[3]![1]);
    expect(otherBody.statusCode).toBe(200);
    expect(otherBody.json()).toEqual([]); // another committee body has no claims to review
    expect((await listed(w.teacher)).statusCode).toBe(403);
    expect((await listed(null)).statusCode).toBe(401);
    expect((await call(env, w.staff, 'GET', `/api/training/classes/${w.newTechClass.id}/claim`)).json()).toBeNull();
  });
});
