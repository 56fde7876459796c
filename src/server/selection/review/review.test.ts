import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeConflicts } from '../../competition/judging/tables.js';
import { buildUnit, call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { addCandidates, advanceTo, buildRound } from './fixture.js';
import type { SelectionRules } from '../../../shared/selection/rules.js';
import { stageScores } from '../scores.js';
import { canReviewerSeeCandidate } from './policy.js';

/**
 * 专家评审: panels of judge accounts, assignment with recusal, reviewers' sheets (own assignments
 * only, peers after their own), refusals by stage, assignment and recusal, progress with severity.
 */
let env: TestEnv;
let admin: Session;
let roundId: number;
let cands: Awaited<ReturnType<typeof addCandidates>>;
let units: { id: number }[];
const judges: Session[] = [];
let outsider: Session;
const url = (p = '') => `/api/selection/rounds/${roundId}/panels/review${p}`;
type Row = { candidateId: number; panelId: number; reviewers: { reviewerId: number; submitted: boolean }[]; recused: { reviewerId: number; message: string }[] };

const sheet = (s: Session, candidateId: number, marks: Record<string, number>, reason?: string, stage = 'review') =>
  call(env, s, 'PUT', `/api/selection/rounds/${roundId}/panels/${stage}/sheets/${candidateId}`, { marks, ...(reason ? { reason } : {}) });
const progress = async () => (await call(env, admin, 'GET', url('/progress'))).json() as { rows: Row[]; reviewers: { reviewerId: number; assigned: number; submitted: number; severity: { severity: number } | null }[]; stage: { counts: string } };
const assignedTo = async (candidateId: number) => (await progress()).rows.find((r) => r.candidateId === candidateId)!.reviewers.map((x) => x.reviewerId);
const judgeOf = (id: number) => judges.find((j) => j.accountId === id)!;

beforeAll(async () => {
  env = await makeTestEnv();
  admin = await sessionAs(env, 'admin');
  units = [await buildUnit(env), await buildUnit(env), await buildUnit(env)];
  roundId = (await buildRound(env, admin)).id;
  cands = await addCandidates(env, roundId, [
    { unitId: units[0]!.id, name: '张三' }, { unitId: units[1]!.id, name: '李四' }, { unitId: units[2]!.id, name: '王五' },
    { unitId: units[0]!.id, name: '赵六' }, { unitId: units[1]!.id, name: '陈七' }, { unitId: units[2]!.id, name: '刘八' },
  ]);
  // j0 works at unit 0, j1 at unit 1; j2–j5 at units of their own; j3 declares a relative among the candidates (王五).
  judges.push(await sessionAs(env, 'judge', { unitId: units[0]!.id }), await sessionAs(env, 'judge', { unitId: units[1]!.id }));
  for (let i = 0; i < 4; i++) judges.push(await sessionAs(env, 'judge'));
  outsider = await sessionAs(env, 'judge');
  await env.database.db.insert(judgeConflicts).values({ judgeId: judges[3]!.accountId, kind: 'person', personId: cands[2]!.personId, reason: 'relative' });
  await advanceTo(env, admin, roundId, 'exam');
  await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/exam/exam/numbers`, { roomSize: 30 });
  for (let i = 1; i <= cands.length; i++) await call(env, admin, 'PUT', `/api/selection/rounds/${roundId}/exam/exam/scores`, { examNumber: `2009J000${i}`, theory: 80, practical: 70 + i });
});
afterAll(() => env.close());

describe('panels and assignment', () => {
  it('sets up panels before the stage opens; refuses a non-judge member, two chairs, a member on two panels', async () => {
    const members = (ids: number[]) => ids.map((i, n) => ({ accountId: judges[i]!.accountId, chair: n === 0 }));
    const a = await call(env, admin, 'POST', url(), { name: '第一组', members: members([0, 1, 2]) });
    expect(a.statusCode, a.body).toBe(200);
    const notJudge = await call(env, admin, 'POST', url(), { name: '第二组', members: [{ accountId: admin.accountId, chair: true }] });
    expect(notJudge.statusCode).toBe(400);
    expect(notJudge.json().error.issues[0].field).toBe('members');
    const twoChairs = await call(env, admin, 'POST', url(), { name: '第二组', members: [{ accountId: judges[3]!.accountId, chair: true }, { accountId: judges[4]!.accountId, chair: true }] });
    expect(twoChairs.statusCode).toBe(400);
    const twice = await call(env, admin, 'POST', url(), { name: '第二组', members: members([3, 0]) });
    expect(twice.statusCode).toBe(400);
    expect((await call(env, admin, 'POST', url(), { name: '第二组', members: members([3, 4, 5]) })).statusCode).toBe(200);
    const list = (await call(env, admin, 'GET', url())).json();
    expect(list.panels.map((p: { name: string; members: unknown[] }) => [p.name, p.members.length])).toEqual([['第一组', 3], ['第二组', 3]]);
    expect(list.stage.state).toBe('pending');
  });

  it('refuses assignment and marks before the stage opens, naming the open stage', async () => {
    const res = await call(env, admin, 'POST', url('/assign'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('统一考试');
  });

  it('assigns every candidate to two members who need not recuse, balanced and the same on a re-run', async () => {
    await advanceTo(env, admin, roundId, 'review');
    const res = await call(env, admin, 'POST', url('/assign'));
    expect(res.json()).toEqual({ assigned: 6, unassigned: 0, short: 0 });
    const first = (await progress()).rows;
    await call(env, admin, 'POST', url('/assign'));
    const again = (await progress()).rows;
    expect(again.map((r) => [r.candidateId, r.panelId, r.reviewers.map((x) => x.reviewerId)])).toEqual(first.map((r) => [r.candidateId, r.panelId, r.reviewers.map((x) => x.reviewerId)]));
    const loads = new Map<number, number>();
    for (const r of first) {
      expect(r.reviewers).toHaveLength(2);
      loads.set(r.panelId, (loads.get(r.panelId) ?? 0) + 1);
      const c = cands.find((x) => x.id === r.candidateId)!;
      if (c.unitId === units[0]!.id) expect(r.reviewers.map((x) => x.reviewerId)).not.toContain(judges[0]!.accountId);
      if (c.unitId === units[1]!.id) expect(r.reviewers.map((x) => x.reviewerId)).not.toContain(judges[1]!.accountId);
    }
    expect([...loads.values()].sort()).toEqual([3, 3]);
    // Each row lists exactly its panel's members who must recuse, with the reason; at least one does.
    const panels = (await call(env, admin, 'GET', url())).json().panels as { id: number; members: { accountId: number }[] }[];
    let recusals = 0;
    for (const r of first) {
      const c = cands.find((x) => x.id === r.candidateId)!;
      const expected = panels.find((p) => p.id === r.panelId)!.members.flatMap((m) => {
        if ((m.accountId === judges[0]!.accountId && c.unitId === units[0]!.id) || (m.accountId === judges[1]!.accountId && c.unitId === units[1]!.id)) return [{ reviewerId: m.accountId, message: '评审专家与候选人同属一个单位，须回避' }];
        if (m.accountId === judges[3]!.accountId && c.id === cands[2]!.id) return [{ reviewerId: m.accountId, message: '评审专家申报与该候选人有亲属关系，须回避' }];
        return [];
      });
      expect(r.recused.map((x) => ({ reviewerId: x.reviewerId, message: x.message }))).toEqual(expected);
      recusals += expected.length;
    }
    expect(recusals).toBeGreaterThan(0);
  });
});

describe('the reviewer', () => {
  it('sees only their own assignments, and no peer marks before submitting their own', async () => {
    for (const j of judges) {
      const mine = (await call(env, j, 'GET', '/api/selection/reviewing')).json();
      const expected = (await progress()).rows.filter((r) => r.reviewers.some((x) => x.reviewerId === j.accountId)).map((r) => r.candidateId).sort();
      const got = (mine[0]?.candidates ?? []).map((c: { candidateId: number }) => c.candidateId).sort();
      expect(got).toEqual(expected);
      for (const c of mine[0]?.candidates ?? []) expect(c.peers).toBeNull();
    }
    expect((await call(env, outsider, 'GET', '/api/selection/reviewing')).json()).toEqual([]);
  });

  it('refuses a candidate not assigned, a mark outside the rubric, and the stage not open', async () => {
    const target = cands[0]!.id;
    const reviewers = await assignedTo(target);
    const other = judges.find((j) => !reviewers.includes(j.accountId))!;
    const notMine = await sheet(other, target, { A: 30, B: 20, C: 2 });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.message).toContain('未分配给您');
    const j = judgeOf(reviewers[0]!);
    const half = await sheet(j, target, { A: 30, B: 20, C: 2.5 });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.issues[0].field).toBe('marks.C');
    const missing = await sheet(j, target, { A: 30, B: 20 });
    expect(missing.json().error.issues[0].field).toBe('marks.C');
    const wrongStage = await sheet(j, target, { A: 30, B: 2, C: 2 }, undefined, 'interview');
    expect(wrongStage.statusCode).toBe(409);
    expect(wrongStage.json().error.message).toContain('当前阶段为「材料评审」');
  });

  it('after submitting, sees peers\' marks; a change to a submitted sheet needs a reason', async () => {
    const target = cands[1]!.id;
    const [a, b] = (await assignedTo(target)).map(judgeOf);
    const res = await sheet(a!, target, { A: 36, B: 24, C: 3 });
    expect(res.json()).toEqual({ changed: 3, score: 90 });
    const mineA = (await call(env, a!, 'GET', '/api/selection/reviewing')).json()[0].candidates.find((c: { candidateId: number }) => c.candidateId === target);
    expect(mineA.submitted).toBe(true);
    expect(mineA.peers).toEqual([{ name: expect.any(String), marks: null, score: null }]);
    const mineB = (await call(env, b!, 'GET', '/api/selection/reviewing')).json()[0].candidates.find((c: { candidateId: number }) => c.candidateId === target);
    expect(mineB.peers).toBeNull();
    expect(mineB.marks).toBeNull();
    await sheet(b!, target, { A: 20, B: 15, C: 1 });
    const afterA = (await call(env, a!, 'GET', '/api/selection/reviewing')).json()[0].candidates.find((c: { candidateId: number }) => c.candidateId === target);
    expect(afterA.peers[0].marks).toEqual({ A: 20, B: 15, C: 1 });
    const noReason = await sheet(a!, target, { A: 38, B: 24, C: 3 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.issues[0].field).toBe('reason');
    expect((await sheet(a!, target, { A: 38, B: 24, C: 3 }, '复核材料后调整')).json().changed).toBe(1);
    const log = (await call(env, admin, 'GET', `/api/selection/rounds/${roundId}/mark-log/verify`)).json();
    expect(log.ok).toBe(true);
  });

  it('refuses a candidate the reviewer must recuse from, saying why', async () => {
    const target = cands[4]!.id;
    const j = judgeOf((await assignedTo(target))[0]!);
    await env.database.db.insert(judgeConflicts).values({ judgeId: j.accountId, kind: 'person', personId: cands[4]!.personId, reason: 'master_apprentice' });
    const res = await sheet(j, target, { A: 30, B: 20, C: 2 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('评审专家申报与该候选人有师徒关系，须回避');
  });

  it('lets an assigned reviewer see the candidate\'s materials, no one else', async () => {
    const target = cands[1]!.id;
    const [a] = await assignedTo(target);
    expect(await canReviewerSeeCandidate(env.database.db, a!, target)).toBe(true);
    expect(await canReviewerSeeCandidate(env.database.db, outsider.accountId, target)).toBe(false);
  });
});

describe('progress, severity and the gate', () => {
  it('shows raw and normalised scores, which counts, and each reviewer\'s severity', async () => {
    const p = await progress();
    expect(p.stage.counts).toBe('raw');
    const row = p.rows.find((r) => r.candidateId === cands[1]!.id) as unknown as { raw: number; normalised: number; complete: boolean };
    expect(row.complete).toBe(true);
    // A 38/40·40 + B 24/30·30 + C 3/3·30 = 92 and 20 + 15 + 1/3·30 = 45: raw (92 + 45) / 2, severities ±23.5.
    expect(row.raw).toBe((92 + 45) / 2);
    expect(typeof row.normalised).toBe('number');
    // The cuts read the same numbers: stageScores gives raw here, normalised when the rule says so.
    const rules = (await call(env, admin, 'GET', `/api/selection/rounds/${roundId}`)).json().rules as SelectionRules;
    expect((await stageScores(env.database.db, roundId, rules, ['review'])).get(cands[1]!.id)).toEqual({ review: row.raw });
    const normalisedRules = { ...rules, stages: rules.stages.map((s) => (s.key === 'review' && s.kind === 'panel' ? { ...s, counts: 'normalised' as const } : s)) };
    expect((await stageScores(env.database.db, roundId, normalisedRules, ['review'])).get(cands[1]!.id)).toEqual({ review: row.normalised });
    const withSeverity = p.reviewers.filter((r) => r.severity);
    expect(withSeverity).toHaveLength(2);
    expect(withSeverity.map((r) => r.severity!.severity).sort((x, y) => x - y)).toEqual([-23.5, 23.5]);
  });

  it('keeps the stage open while sheets are missing, and counts the candidates fully marked', async () => {
    const r = (await call(env, admin, 'GET', `/api/selection/rounds/${roundId}`)).json();
    const review = r.stages.find((s: { key: string }) => s.key === 'review');
    expect(review.count).toBe(1);
    expect(review.blockers).toEqual(['评审 10 份评分表未提交']);
  });

  it('lets only the office set up and watch panels, only judges mark', async () => {
    for (const role of ['unit', 'person'] as const) {
      const s = await sessionAs(env, role);
      expect((await call(env, s, 'GET', url())).statusCode).toBe(403);
      expect((await call(env, s, 'POST', url('/assign'))).statusCode).toBe(403);
      expect((await call(env, s, 'GET', '/api/selection/reviewing')).statusCode).toBe(403);
      expect((await sheet(s, cands[0]!.id, { A: 1, B: 1, C: 1 })).statusCode).toBe(403);
    }
    expect((await call(env, judges[0]!, 'GET', url('/progress'))).statusCode).toBe(403);
    expect((await call(env, judges[0]!, 'POST', url(), { name: 'x', members: [{ accountId: judges[0]!.accountId, chair: true }] })).statusCode).toBe(403);
    expect((await call(env, admin, 'GET', '/api/selection/reviewing')).statusCode).toBe(403);
    expect((await sheet(admin, cands[0]!.id, { A: 1, B: 1, C: 1 })).statusCode).toBe(403);
    expect((await call(env, null, 'GET', url())).statusCode).toBe(401);
    expect((await call(env, null, 'GET', '/api/selection/reviewing')).statusCode).toBe(401);
    const committee = await sessionAs(env, 'committee');
    expect((await call(env, committee, 'GET', url('/progress'))).statusCode).toBe(200);
    const reviewers = await call(env, committee, 'GET', '/api/selection/reviewers');
    expect(reviewers.json().map((r: { accountId: number }) => r.accountId)).toEqual(expect.arrayContaining(judges.map((j) => j.accountId)));
    expect((await call(env, judges[0]!, 'GET', '/api/selection/reviewers')).statusCode).toBe(403);
    const late = await call(env, admin, 'POST', url(), { name: '第三组', members: [{ accountId: outsider.accountId, chair: true }] });
    expect(late.statusCode).toBe(409);
  });
});
