import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SelectionRules } from '../../../shared/selection/rules.js';
import { campaigns } from '../../core/campaign/tables.js';
import { buildPerson, buildUnit, call, makeTestEnv, sessionAs, type Session, type TestEnv } from '../../test/harness.js';
import { selectionCandidates } from '../nominations/tables.js';
import { selectionScores } from '../exam/tables.js';
import { selectionRounds } from '../rounds/tables.js';
import { selectionAwards } from '../commendation/tables.js';
import { verifyCutFile } from '../../cli/cut-verify.js';
import { readCutWorkbook } from './excel.js';
import { checkCut } from './hash.js';

// The commendation module writes the awards; here we check the final notice hands it the list.

/**
 * 入围名单: frozen cuts, the committee's approval and the public notices of a small round:
 * 8 candidates → top 5 by the exam (published) → top 3 by exam and re-test → approved by 2
 * members → public notice → final (awards written). An upheld objection changes the list.
 */
const RULES: SelectionRules = {
  minLevel: 3, minConditions: 1, conditions: [{ key: 'prize', name: '竞赛获奖', hint: '' }],
  stages: [
    { key: 'nomination', name: '推荐报名', kind: 'nomination', opensOn: '2009-05-04', closesOn: '2009-05-15' },
    { key: 'eligibility', name: '资格审查', kind: 'eligibility' },
    { key: 'exam', name: '统一考试', kind: 'exam', weights: { theory: 40, practical: 60 } },
    { key: 'cut5', name: '择优5名', kind: 'cut', size: 5, basis: { exam: 100 }, tie: { kind: 'take_all' }, publish: true },
    { key: 'retest', name: '复试', kind: 'exam', weights: { theory: 0, practical: 100 } },
    { key: 'cut3', name: '择优3名', kind: 'cut', size: 3, basis: { exam: 50, retest: 50 }, tie: { kind: 'chain', chain: ['retest'] }, publish: false },
    { key: 'approval', name: '评审委员会审定', kind: 'approval', approvalsRequired: 2 },
    { key: 'notice', name: '公示', kind: 'notice', workingDays: 5 },
    { key: 'commendation', name: '表彰', kind: 'commendation', title: '市技术能手', award: 2000 },
  ],
};

let env: TestEnv;
let admin: Session;
let members: Session[];
let others: Record<'unit' | 'judge' | 'person', Session>;
let roundId: number;
const cands: { id: number; name: string; idNumber: string }[] = [];
// exam (theory, practical) and retest (practical): candidate 6 is tied with 5 on the exam (take_all takes both).
const EXAM: [number, number][] = [[90, 90], [80, 85], [85, 80], [70, 75], [60, 70], [70, 62.5], [50, 50], [40, 40]];
const RETEST = [60, 95, 90, 85, 80, 70];

beforeAll(async () => {
  env = await makeTestEnv();
  admin = await sessionAs(env, 'admin');
  members = [await sessionAs(env, 'committee'), await sessionAs(env, 'committee'), await sessionAs(env, 'committee')];
  others = { unit: await sessionAs(env, 'unit'), judge: await sessionAs(env, 'judge'), person: await sessionAs(env, 'person') };
  const [c] = await env.database.db.insert(campaigns).values({
    name: '2009年技能月', theme: '技能成才', startsOn: '2009-05-01', endsOn: '2009-05-31', organizer: '江川市劳动和社会保障局', coOrganizers: [], committeeBodies: [], contentAreas: [],
  }).returning();
  const res = await call(env, admin, 'POST', '/api/selection/rounds', { campaignId: c!.id, name: '2009年市技术能手评选', nominationOpensOn: '2009-05-04', nominationClosesOn: '2009-05-15', rules: RULES });
  expect(res.statusCode, res.body).toBe(200);
  roundId = res.json().id;
  const unit = await buildUnit(env, { name: '江川机床厂' });
  const now = new Date();
  for (let i = 0; i < EXAM.length; i++) {
    const p = await buildPerson(env, unit.id, { name: `候选人${i + 1}` });
    const [row] = await env.database.db.insert(selectionCandidates).values({
      roundId, personId: p.id, status: 'eligible', examNumber: `2009${String(i + 1).padStart(3, '0')}`, createdAt: now, updatedAt: now,
    }).returning();
    cands.push({ id: row!.id, name: p.name, idNumber: p.idNumber });
    const [t, pr] = EXAM[i]!;
    await env.database.db.insert(selectionScores).values([
      { roundId, candidateId: row!.id, stageKey: 'exam', part: 'theory', value: t, version: 1, source: 'import', updatedAt: now },
      { roundId, candidateId: row!.id, stageKey: 'exam', part: 'practical', value: pr, version: 1, source: 'import', updatedAt: now },
      ...(i < RETEST.length ? [{ roundId, candidateId: row!.id, stageKey: 'retest', part: 'practical' as const, value: RETEST[i]!, version: 1, source: 'import' as const, updatedAt: now }] : []),
    ]);
  }
});
afterAll(() => env.close());

/** Opens a stage directly (the earlier stages' own gates are other modules' business). */
async function jumpTo(key: string) {
  const i = RULES.stages.findIndex((s) => s.key === key);
  await env.database.db.update(selectionRounds).set({ stage: i }).where(eq(selectionRounds.id, roundId));
}
const round = async () => {
  const res = await call(env, admin, 'GET', `/api/selection/rounds/${roundId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const advance = async (s: Session = admin) => {
  const r = await round();
  return call(env, s, 'POST', `/api/selection/rounds/${roundId}/advance`, { version: r.version, expectStage: r.rules.stages[r.stage].key });
};
const preview = (key: string, s: Session = admin) => call(env, s, 'GET', `/api/selection/rounds/${roundId}/cuts/${key}/preview`);
const freeze = async (key: string, s: Session = admin) => {
  const p = (await preview(key, s)).json();
  return call(env, s, 'POST', `/api/selection/rounds/${roundId}/cuts/${key}/freeze`, { hash: p.hash });
};
const names = (rows: { name: string; selected: boolean }[]) => rows.filter((r) => r.selected).map((r) => r.name);

describe('cuts', () => {
  it('refuses units, persons, judges and the public on every staff route; only members decide approvals', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/selection/rounds/${roundId}/cuts`], ['GET', `/api/selection/rounds/${roundId}/cuts/cut5/preview`],
      ['POST', `/api/selection/rounds/${roundId}/cuts/cut5/freeze`, { hash: 'a'.repeat(64) }], ['GET', '/api/selection/cuts/1'],
      ['GET', '/api/selection/cuts/1/export.json'], ['GET', '/api/selection/cuts/1/export.xlsx'],
      ['POST', `/api/selection/rounds/${roundId}/exclusions`, { candidateId: 1, reason: '经查不符合条件' }],
      ['GET', `/api/selection/rounds/${roundId}/notices`], ['POST', `/api/selection/rounds/${roundId}/notices/shortlist`, {}],
      ['GET', `/api/selection/rounds/${roundId}/approvals`], ['POST', `/api/selection/rounds/${roundId}/approvals`, { cutId: 1, decision: 'approve' }],
    ];
    for (const [method, url, body] of routes) {
      for (const [role, s] of Object.entries(others)) expect((await call(env, s, method as 'GET', url, body)).statusCode, `${role} ${method} ${url}`).toBe(403);
      expect((await call(env, null, method as 'GET', url, body)).statusCode, `anonymous ${url}`).toBe(401);
    }
    const approve = await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/approvals`, { cutId: 1, decision: 'approve' });
    expect(approve.statusCode).toBe(403);
  });

  it('refuses to preview a cut stage not yet reached, naming it, and a stage key that is not a cut', async () => {
    const a = await preview('cut5');
    expect(a.statusCode).toBe(409);
    expect(a.json().error.message).toContain('择优5名');
    expect((await preview('exam')).statusCode).toBe(404);
    expect((await preview('Bad-Key')).statusCode).toBe(400);
  });

  it('ranks by the exam, takes everyone tied at the line, freezes what was previewed, and blocks the stage until then', async () => {
    await jumpTo('cut5');
    const blocked = await advance();
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toContain('尚未冻结');
    const p = (await preview('cut5')).json();
    // exam = 40% theory + 60% practical: 90, 83, 82, 73, 66, then candidate 6: 70×0.4 + 62.5×0.6 = 65.5
    expect(p.ranking.rows.map((r: { total: number }) => r.total)).toEqual([90, 83, 82, 73, 66, 65.5, 50, 40]);
    expect(p.selected).toBe(5);
    expect(p.canFreeze).toBe(true);
    const stale = await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/cuts/cut5/freeze`, { hash: 'b'.repeat(64) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.issues[0].field).toBe('hash');
    const bad = await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/cuts/cut5/freeze`, { hash: 'nothex' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].field).toBe('hash');
    const f = await call(env, members[0]!, 'POST', `/api/selection/rounds/${roundId}/cuts/cut5/freeze`, { hash: p.hash });
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json()).toMatchObject({ selected: 5, hash: p.hash, status: 'frozen', supersedes: null });
    const again = await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/cuts/cut5/freeze`, { hash: p.hash });
    expect(again.statusCode).toBe(409);
    const r = await round();
    expect(r.stages.find((s: { key: string }) => s.key === 'cut5')).toMatchObject({ count: 5, blockers: [] });
  });

  it('ties at the line: a 6th candidate equal to the 5th is taken too (take_all)', async () => {
    const now = new Date();
    // Candidate 6's practical amended 62.5 → 63.33: 70×0.4+63.33×0.6 = 65.998 → 66.00, equal to the 5th.
    await env.database.db.update(selectionScores).set({ value: 63.33, updatedAt: now }).where(and(eq(selectionScores.candidateId, cands[5]!.id), eq(selectionScores.stageKey, 'exam'), eq(selectionScores.part, 'practical')));
    const p = (await preview('cut5')).json();
    expect(p.selected).toBe(6);
    expect(p.ranking.rows.slice(4, 6).map((r: { rank: number; selected: boolean }) => [r.rank, r.selected])).toEqual([[5, true], [5, true]]);
    const f = await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/cuts/cut5/freeze`, { hash: p.hash });
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json()).toMatchObject({ selected: 6, status: 'frozen' });
    const cuts = (await call(env, admin, 'GET', `/api/selection/rounds/${roundId}/cuts`)).json();
    expect(cuts.map((c: { status: string }) => c.status)).toEqual(['superseded', 'frozen']);
    expect(cuts[1].supersedes).toBe(cuts[0].id);
  });

  it('is reproduced from its JSON and Excel exports and their hash; a changed row is caught', async () => {
    const cuts = (await call(env, admin, 'GET', `/api/selection/rounds/${roundId}/cuts`)).json();
    const id = cuts[1].id;
    const json = await call(env, admin, 'GET', `/api/selection/cuts/${id}/export.json`);
    expect(json.statusCode).toBe(200);
    const x = JSON.parse(json.body);
    expect(x.hash).toBe(cuts[1].hash);
    expect(checkCut(x.rules, x.ranking, x.hash)).toBeNull();
    const changed = structuredClone(x);
    changed.ranking.rows[2].scores.exam = 95;
    expect(checkCut(changed.rules, changed.ranking, changed.hash)).toContain('第 3 行');
    const renamed = structuredClone(x);
    renamed.ranking.rows[0].name = '冒名';
    expect(checkCut(renamed.rules, renamed.ranking, renamed.hash)).toContain('校验值不符');
    const xlsx = await call(env, admin, 'GET', `/api/selection/cuts/${id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const back = await readCutWorkbook(xlsx.rawPayload);
    expect(back.ranking).toEqual(x.ranking);
    expect(back.rules).toEqual(x.rules);
    expect(checkCut(back.rules, back.ranking, back.hash)).toBeNull();
    // The CLI (npm run cut:verify) on the files as downloaded, and on a file with a changed row.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cut-'));
    fs.writeFileSync(path.join(dir, 'cut.json'), json.body);
    fs.writeFileSync(path.join(dir, 'cut.xlsx'), xlsx.rawPayload);
    fs.writeFileSync(path.join(dir, 'changed.json'), JSON.stringify(changed));
    expect((await verifyCutFile(path.join(dir, 'cut.json'))).problem).toBeNull();
    expect((await verifyCutFile(path.join(dir, 'cut.xlsx'))).problem).toBeNull();
    expect((await verifyCutFile(path.join(dir, 'changed.json'))).problem).toContain('候选人3');
    fs.rmSync(dir, { recursive: true });
  });

  it('publishes the shortlist for the public: names, masked ID numbers, scores, ranks and the hash', async () => {
    const res = await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/notices/shortlist`, {});
    expect(res.statusCode, res.body).toBe(200);
    const pub = await call(env, null, 'GET', `/api/public/notices/${res.json().id}`);
    expect(pub.statusCode).toBe(200);
    const n = pub.json();
    const cuts = (await call(env, admin, 'GET', `/api/selection/rounds/${roundId}/cuts`)).json();
    expect(n.intro).toContain(cuts[1].hash);
    expect(n.title).toContain('入围名单公示');
    expect(n.rows).toHaveLength(6);
    expect(n.rows[0]).toMatchObject({ rank: 1, name: '候选人1', examNumber: '2009001', total: 90 });
    expect(n.rows[0].idNumber).not.toBe(cands[0]!.idNumber);
    expect(n.rows[0].idNumber).toMatch(/\*/);
    expect(JSON.stringify(n)).not.toContain(cands[0]!.idNumber);
    // While under notice the list cannot be re-frozen.
    const p = (await preview('cut5')).json();
    expect(p.canFreeze).toBe(false);
  });

  it('the final list: cut to 3 by the chain, committee approval (admin may not), objection blocks until withdrawn', async () => {
    expect((await advance()).statusCode).toBe(200); // cut5 → retest
    expect((await advance()).statusCode).toBe(200); // retest → cut3 (no gate of its own here)
    const p = (await preview('cut3')).json();
    // in play: the 6 of cut5; total = exam/2 + retest/2: 75, 89, 86, 79, 73, 68 → 2, 3, 4 taken.
    expect(names(p.ranking.rows)).toEqual(['候选人2', '候选人3', '候选人4']);
    expect(p.rules.fromCutHash).toBe((await call(env, admin, 'GET', `/api/selection/rounds/${roundId}/cuts`)).json()[1].hash);
    expect((await freeze('cut3')).statusCode).toBe(200);
    expect((await advance()).statusCode).toBe(200); // → approval
    const ap = (await call(env, admin, 'GET', `/api/selection/rounds/${roundId}/approvals`)).json();
    expect(ap).toMatchObject({ required: 2, approved: 0, open: true });
    const cutId = ap.cut.id;
    const dec = (s: Session, body: object) => call(env, s, 'POST', `/api/selection/rounds/${roundId}/approvals`, { cutId, ...body });
    expect((await dec(members[0]!, { decision: 'approve' })).statusCode).toBe(200);
    expect((await dec(members[0]!, { decision: 'approve' })).statusCode).toBe(409);
    const noNote = await dec(members[1]!, { decision: 'object' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.issues[0].field).toBe('note');
    expect((await dec(members[1]!, { decision: 'object', note: '候选人4的业绩材料需核实' })).statusCode).toBe(200);
    const blocked = await advance();
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toContain('候选人4的业绩材料需核实');
    expect((await dec(members[1]!, { decision: 'approve', note: '已核实' })).statusCode).toBe(200);
    const seen = (await call(env, admin, 'GET', `/api/selection/rounds/${roundId}/approvals`)).json();
    expect(seen.approvals.map((a: { decision: string }) => a.decision)).toEqual(['approve', 'approve']);
    expect((await dec(members[2]!, { cutId: cutId + 999, decision: 'approve' })).statusCode).toBe(409);
    expect((await advance()).statusCode).toBe(200); // → notice
  });

  it('an upheld objection suspends the notice; the corrected list is a new cut, re-approved and re-published; final hands the list to the awards', async () => {
    const blocked = await advance();
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toContain('尚未发布');
    const pub = await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/notices/experts`, {});
    expect(pub.statusCode, pub.body).toBe(200);
    const notice = pub.json();
    expect(notice.workingDays).toBe(5);
    expect(notice.rows.map((r: { name: string }) => r.name)).toEqual(['候选人2', '候选人3', '候选人4']);
    const lodged = await call(env, null, 'POST', `/api/public/notices/${notice.id}/objections`, { name: '李四', contact: '13900001111', content: '候选人4的获奖证书系伪造，请核查。' });
    expect(lodged.statusCode, lodged.body).toBe(200);
    const [o] = (await call(env, admin, 'GET', `/api/notices/${notice.id}/objections`)).json();
    const up = await call(env, admin, 'POST', `/api/notices/${notice.id}/objections/${o.id}/resolve`, { status: 'upheld', resolution: '经核查证书伪造，异议成立' });
    expect(up.statusCode, up.body).toBe(200);
    const suspended = await advance();
    expect(suspended.json().error.message, suspended.body).toContain('中止');
    // Correct the list: candidate 4 out, with the reason; a new cut supersedes the old one.
    const ex = await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/exclusions`, { candidateId: cands[3]!.id, reason: '获奖证书伪造，取消资格' });
    expect(ex.statusCode, ex.body).toBe(200);
    const p = (await preview('cut3')).json();
    expect(p.canFreeze).toBe(true);
    expect(names(p.ranking.rows)).toEqual(['候选人2', '候选人3', '候选人1']);
    const f = await freeze('cut3');
    expect(f.statusCode, f.body).toBe(200);
    const cuts = (await call(env, admin, 'GET', `/api/selection/rounds/${roundId}/cuts`)).json().filter((c: { stageKey: string }) => c.stageKey === 'cut3');
    expect(cuts.map((c: { status: string }) => c.status)).toEqual(['superseded', 'frozen']);
    expect(cuts[1].supersedes).toBe(cuts[0].id);
    // The new list needs the committee again before the notice restarts.
    const seen = (await call(env, admin, 'GET', `/api/notices/${notice.id}`)).json();
    expect(seen.status).toBe('suspended');
    const early = await call(env, admin, 'POST', `/api/notices/${notice.id}/restart`, { version: seen.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('审定');
    for (const m of members.slice(0, 2)) expect((await call(env, m, 'POST', `/api/selection/rounds/${roundId}/approvals`, { cutId: f.json().id, decision: 'approve' })).statusCode).toBe(200);
    const current = (await call(env, admin, 'GET', `/api/notices/${notice.id}`)).json();
    const again = await call(env, admin, 'POST', `/api/notices/${notice.id}/restart`, { version: current.version });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().round).toBe(2);
    expect(again.json().rows.map((r: { name: string }) => r.name)).toEqual(['候选人2', '候选人3', '候选人1']);
    expect(again.json().intro).toContain(cuts[1].hash);
    // The period ends with no objection: final, the awards are written for the corrected list.
    env.clock.advance(30 * 86400_000);
    const read = await call(env, null, 'GET', `/api/public/notices/${again.json().id}`);
    expect(read.json().status).toBe('final');
    const awarded = await env.database.db.select({ candidateId: selectionAwards.candidateId }).from(selectionAwards).where(eq(selectionAwards.roundId, roundId));
    expect(awarded.map((a) => a.candidateId).sort((a, b) => a - b)).toEqual([cands[0]!.id, cands[1]!.id, cands[2]!.id].sort((a, b) => a - b));
    admin = await sessionAs(env, 'admin'); // the session expired with the clock
    expect((await advance()).statusCode).toBe(200); // notice → commendation
  });
});

