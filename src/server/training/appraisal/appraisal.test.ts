import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/audit/tables.js';
import { people, qualificationRecords } from '../../core/people/tables.js';
import ExcelJS from '../../excel/exceljs.js';
import { buildUnit, call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { makeXlsx, multipart } from '../../test/xlsx.js';
import { committeeSession, traineeSession, trainingWorld, unitSession } from '../fixture.js';
import { trainingAppraisals } from './tables.js';
import { insertTrainees, runningNewTechClass } from './fixture.js';

/** 技师鉴定: import by exam number, refusals by row and column, a pass writes the 技师 record once. */
let env: TestEnv;
let w: Awaited<ReturnType<typeof trainingWorld>>;
const HEAD = ['准考证号', '姓名', '理论成绩', '实操成绩', '缺考', '鉴定日期'];

beforeAll(async () => {
  env = await makeTestEnv();
  w = await trainingWorld(env);
});
afterAll(() => env.close());

function upload(s: Session | null, classId: number, buf: Buffer) {
  const body = multipart(buf);
  return env.app.inject({
    method: 'POST', url: `/api/training/classes/${classId}/appraisals/import`, payload: body.payload,
    headers: { 'content-type': body.contentType, ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}) },
  });
}
const stored = (classId: number) => env.database.db.select().from(trainingAppraisals).where(eq(trainingAppraisals.classId, classId));

describe('appraisal import', () => {
  it('refuses unknown exam numbers, wrong names, bad scores and repeats, each by row and column, and writes nothing', async () => {
    const cls = await runningNewTechClass(env, w, '鉴定-拒绝');
    const t = await insertTrainees(env, w, cls.id, ['王强', '李明', '赵亮'], 'RJ');
    const buf = await makeXlsx([
      HEAD,
      [t[0]!.examNumber, '王强', 85, 90, '否', '2009-06-25'], // fine: but the file is refused as a whole
      ['NT999', '王强', 85, 90, '', '2009-06-25'], // A3 unknown
      [t[1]!.examNumber, '李四', 85, 90, '', '2009-06-25'], // B4 name
      [t[2]!.examNumber, '赵亮', 101, 'abc', '', '2009-06-25'], // C5, D5
      [t[0]!.examNumber, '王强', 70, 70, '', '2009-06-25'], // A6 repeated
    ]);
    const r = await upload(w.staff, cls.id, buf);
    expect(r.statusCode).toBe(400);
    const fields = r.json().error.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['C5', 'D5', 'A6']));
    expect(r.json().error.issues.find((i: { field: string }) => i.field === 'C5').message).toContain('0–100');
    expect(r.json().error.issues.find((i: { field: string }) => i.field === 'A6').message).toContain('第 2 行重复');
    // The class's checks come after the cells are clean: unknown number and wrong name, by row and column.
    const r2 = await upload(w.staff, cls.id, await makeXlsx([HEAD,
      [t[0]!.examNumber, '王强', 85, 90, '否', '2009-06-25'], ['NT999', '王强', 85, 90, '', '2009-06-25'], [t[1]!.examNumber, '李四', 85, 90, '', '2009-06-25']]));
    expect(r2.statusCode).toBe(400);
    const issues = r2.json().error.issues as { field: string; message: string }[];
    expect(issues.map((i) => i.field)).toEqual(['A3', 'B4']);
    expect(issues[0]!.message).toContain('不是本班学员');
    expect(issues[1]!.message).toContain('「李明」');
    expect(await stored(cls.id)).toEqual([]);
    // A missing score of a sitter and a score of an absentee.
    const r3 = await upload(w.staff, cls.id, await makeXlsx([HEAD, [t[0]!.examNumber, '王强', 85, null, '', '2009-06-25'], [t[1]!.examNumber, '李明', 50, null, '是', '2009/6/25']]));
    expect(r3.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['D2', 'C3']);
    expect(await stored(cls.id)).toEqual([]);
  });

  it('a pass writes the 技师 record (trainee trade or the class first trade, appraisal date, source) once; re-import is a no-op; a change is refused', async () => {
    const cls = await runningNewTechClass(env, w, '鉴定-写入');
    const [a] = await insertTrainees(env, w, cls.id, ['钱进'], 'WR', w.trades.fitter.id);
    const [b, c] = await insertTrainees(env, w, cls.id, ['孙立', '周成'], 'WX');
    await env.database.db.update(people).set({ level: 3 }).where(eq(people.id, a!.personId));
    const file = await makeXlsx([HEAD,
      [a!.examNumber, '钱进', 88.5, 92, '否', '2009-06-25'],
      [b!.examNumber, '孙立', 59.5, 90, '', '2009-06-25'],
      [c!.examNumber, '周成', null, null, '是', '2009-06-25']]);
    const r = await upload(w.collegeSession, cls.id, file);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ rows: 3, written: 3, unchanged: 0, passed: 1 });
    const quals = await env.database.db.select().from(qualificationRecords).where(eq(qualificationRecords.personId, a!.personId));
    expect(quals).toHaveLength(1);
    expect(quals[0]).toMatchObject({ level: 2, tradeId: w.trades.fitter.id, obtainedOn: '2009-06-25', source: `新技师培养带动计划 鉴定-写入 技师鉴定（准考证号 ${a!.examNumber}）` });
    const [pa] = await env.database.db.select({ level: people.level }).from(people).where(eq(people.id, a!.personId));
    expect(pa!.level).toBe(2); // the registry's current level rises to 技师
    expect(await env.database.db.select().from(qualificationRecords).where(eq(qualificationRecords.personId, b!.personId))).toEqual([]);
    const [bq] = await env.database.db.select({ level: people.level }).from(people).where(eq(people.id, b!.personId));
    expect(bq!.level).toBeNull(); // a fail changes nothing of the person

    const list = (await call(env, w.staff, 'GET', `/api/training/classes/${cls.id}/appraisals`)).json();
    expect(list).toMatchObject({ trainees: 3, appraised: 3, passed: 1, pending: [] });
    const rowA = list.rows.find((x: { examNumber: string }) => x.examNumber === a!.examNumber);
    expect(rowA.qualification).toMatchObject({ level: 2, tradeName: w.trades.fitter.name, obtainedOn: '2009-06-25' });
    expect(rowA.idNumberMasked).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    expect(JSON.stringify(list)).not.toContain(a!.idNumber);
    // the class's first trade when the trainee's own is not trained here
    expect(list.rows.find((x: { examNumber: string }) => x.examNumber === c!.examNumber)).toMatchObject({ absent: true, passed: false, qualification: null });

    const again = await upload(w.staff, cls.id, file);
    expect(again.json()).toEqual({ rows: 3, written: 0, unchanged: 3, passed: 0 });
    expect(await env.database.db.select().from(qualificationRecords).where(eq(qualificationRecords.personId, a!.personId))).toHaveLength(1);

    const changed = await upload(w.staff, cls.id, await makeXlsx([HEAD, [b!.examNumber, '孙立', 60, 90, '', '2009-06-25']]));
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.issues[0]).toMatchObject({ field: 'C2' });
    expect(changed.json().error.issues[0].message).toContain('已记录');
    expect((await stored(cls.id)).find((x) => x.enrolmentId === b!.enrolmentId)!.theory).toBe(59.5);

    // The correction: training staff only, with a reason; a fail corrected to a pass writes the record.
    const url = `/api/training/classes/${cls.id}/appraisals/${b!.enrolmentId}/correct`;
    const body = { theory: 60, practical: 90, absent: false, reason: '复核试卷，漏计一题 0.5 分' };
    expect((await call(env, w.collegeSession, 'POST', url, body)).statusCode).toBe(403);
    expect((await call(env, w.staff, 'POST', url, { ...body, reason: '' })).statusCode).toBe(400);
    const fixed = await call(env, w.staff, 'POST', url, body);
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ passed: true, theory: 60, qualification: { level: 2, tradeName: w.trades.electrician.name } });
    expect((await call(env, w.staff, 'POST', url, body)).statusCode).toBe(409);
    expect((await call(env, w.staff, 'POST', url, { ...body, theory: 40 })).statusCode).toBe(409); // a pass is not undone here
    const audit = await env.database.db.select().from(auditLog).where(eq(auditLog.action, 'training.appraisal.correct'));
    expect(audit.at(-1)!.after).toMatchObject({ reason: body.reason });
    expect(audit.at(-1)!.before).toMatchObject({ theory: 59.5, passed: false });
  });

  it('the template lists the class trainees by exam number and reads back', async () => {
    const cls = await runningNewTechClass(env, w, '鉴定-模板');
    await insertTrainees(env, w, cls.id, ['吴刚', '郑华'], 'TP');
    const r = await call(env, w.staff, 'GET', `/api/training/classes/${cls.id}/appraisals/template`);
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...HEAD]);
    expect([ws.getCell('A2').value, ws.getCell('B2').value, ws.getCell('A3').value]).toEqual(['TP001', '吴刚', 'TP002']);
  });

  it('is for running or finished new-technician classes only', async () => {
    const file = await makeXlsx([HEAD, ['X1', '某', 80, 80, '', '2009-06-25']]);
    const planned = await upload(w.staff, w.newTechClass.id, file);
    expect(planned.statusCode).toBe(409);
    expect(planned.json().error.message).toContain('尚未开班');
    await w.post(`/api/training/classes/${w.gradClass.id}/status`, { to: 'enrolling', version: 1 });
    await w.post(`/api/training/classes/${w.gradClass.id}/status`, { to: 'running', version: 2, on: '2009-03-28' });
    const other = await upload(w.staff, w.gradClass.id, file);
    expect(other.statusCode).toBe(409);
    expect(other.json().error.message).toContain('不是新技师培养班');
  });

  it('lets each role do only what it may', async () => {
    const cls = await runningNewTechClass(env, w, '鉴定-权限');
    const [t] = await insertTrainees(env, w, cls.id, ['冯军'], 'AC');
    const file = await makeXlsx([HEAD, [t!.examNumber, '冯军', 70, 70, '', '2009-06-25']]);
    const otherCollege = await unitSession(env, (await buildUnit(env, { kind: 'school' })).id);
    const roles: [string, Session | null, number, number][] = [
      // who, session, GET list, import
      ['admin', await sessionAs(env, 'admin'), 200, 400],
      ['finance', await committeeSession(env, 'finance'), 200, 403],
      ['publicity', await committeeSession(env, 'publicity'), 200, 403],
      ['another college', otherCollege, 404, 404],
      ['employer', w.employerSession, 404, 404],
      ['judge', w.teacher, 403, 403],
      ['person', (await traineeSession(env, w.employer.id)).session, 403, 403],
      ['anonymous', null, 401, 401],
    ];
    const bad = await makeXlsx([HEAD, ['NOPE', '冯军', 70, 70, '', '2009-06-25']]);
    for (const [who, s, list, imp] of roles) {
      expect((await call(env, s, 'GET', `/api/training/classes/${cls.id}/appraisals`)).statusCode, who).toBe(list);
      const r = await upload(s, cls.id, bad);
      expect([r.statusCode, who]).toEqual([imp, who]);
    }
    expect(await stored(cls.id)).toEqual([]);
    expect((await upload(w.collegeSession, cls.id, file)).statusCode).toBe(200);
    expect((await call(env, w.collegeSession, 'GET', `/api/training/classes/${cls.id}/appraisals`)).json().passed).toBe(1);
  });
});
