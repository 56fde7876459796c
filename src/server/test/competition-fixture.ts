import type { MarkingSchemeDraft } from '../../shared/competition/scheme.js';
import { campaigns } from '../core/campaign/tables.js';
import { buildAccount, buildPerson, buildTrade, buildUnit, call, login, sessionAs, type Session, type TestEnv } from './harness.js';

/** A scheme of two criteria: A measured (60), B judged by panels of three (40). Totals 100. */
export const TEST_SCHEME: MarkingSchemeDraft = {
  criteria: [
    {
      code: 'A', name: '尺寸精度', subCriteria: [{
        code: 'A1', name: '外圆', aspects: [
          { code: 'A1.1', description: '外圆直径 Φ40±0.02', kind: 'measurement', maxMark: 30 },
          { code: 'A1.2', description: '长度 80±0.05', kind: 'measurement', maxMark: 30, bands: [{ label: '合格', mark: 30 }, { label: '超差', mark: 15 }, { label: '不合格', mark: 0 }] },
        ],
      }],
    },
    {
      code: 'B', name: '工艺与规范', subCriteria: [{
        code: 'B1', name: '表面与操作', aspects: [
          { code: 'B1.1', description: '表面粗糙度', kind: 'judgement', maxMark: 20, levels: ['明显缺陷', '基本达到', '达到要求', '优秀'] },
          { code: 'B1.2', description: '安全文明生产', kind: 'judgement', maxMark: 20, levels: ['违规', '基本规范', '规范', '非常规范'] },
        ],
      }],
    },
  ],
};

export interface CompetitionWorld {
  admin: Session;
  competitionId: number;
  unitA: { id: number; session: Session };
  unitB: { id: number; session: Session };
  /** judges[0..2] mark every aspect; judges[0] belongs to unit A; `substitute` fills in for them. */
  judges: { id: number; session: Session }[];
  substitute: { id: number; session: Session };
  chief: { id: number; session: Session };
  aspects: { id: number; code: string; kind: string; criterionCode: string }[];
  /** Entry ids of unit A's and unit B's contestants. */
  entriesA: number[];
  entriesB: number[];
  tradeId: number;
}

async function ok(res: { statusCode: number; body: string; json(): any }, what: string) {
  if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const judgeSession = async (env: TestEnv, unitId?: number) => {
  const a = await buildAccount(env, 'judge', { unitId });
  return { id: a.id, session: await login(env, a.username) };
};

/**
 * A competition taken through set-up, registration and approval (and, with `stage`, the draw and
 * the start of marking), through the API as the users would.
 */
export async function buildCompetition(env: TestEnv, stage: 'registration' | 'approved' | 'marking' = 'marking', perUnit = 3): Promise<CompetitionWorld> {
  const admin = await sessionAs(env, 'admin');
  const [existing] = await env.database.db.select({ id: campaigns.id }).from(campaigns).limit(1);
  if (!existing) {
    await env.database.db.insert(campaigns).values({
      name: '测试技能月', theme: '技能创造财富，技能改变人生', startsOn: '2009-05-01', endsOn: '2009-05-31', organizer: '市劳动和社会保障局',
      coOrganizers: [], committeeBodies: [], contentAreas: [],
    });
  }
  const trade = await buildTrade(env);
  const uA = await buildUnit(env);
  const uB = await buildUnit(env);
  const now = env.clock.now().getTime();
  const c = await ok(await call(env, admin, 'POST', '/api/competitions', {
    tradeId: trade.id, name: `${trade.name}竞赛`, startsOn: '2009-05-22', endsOn: '2009-05-24', venue: '市技师学院实训中心', stations: 4, codePrefix: 'C',
    registrationOpensAt: new Date(now - 86_400_000).toISOString(), registrationClosesAt: new Date(now + 86_400_000).toISOString(), defaultQuota: Math.max(10, perUnit),
  }), 'create competition');
  const competitionId = c.id as number;
  await ok(await call(env, admin, 'POST', `/api/competitions/${competitionId}/registration`, { to: 'registration', version: c.version }), 'open registration');
  const scheme = await ok(await call(env, admin, 'PUT', `/api/competitions/${competitionId}/scheme`, TEST_SCHEME), 'scheme');

  const unitA = { id: uA.id, session: await sessionAs(env, 'unit', { unitId: uA.id }) };
  const unitB = { id: uB.id, session: await sessionAs(env, 'unit', { unitId: uB.id }) };
  const entriesA: number[] = [];
  const entriesB: number[] = [];
  for (const [u, list] of [[unitA, entriesA], [unitB, entriesB]] as const) {
    const ids = [];
    for (let i = 0; i < perUnit; i++) ids.push((await buildPerson(env, u.id, { tradeId: trade.id, name: `选手${u.id}-${i}` })).id);
    const r = await ok(await call(env, u.session, 'POST', `/api/competitions/${competitionId}/entries`, { personIds: ids }), 'register');
    list.push(...(r.entryIds as number[]));
  }
  const world: CompetitionWorld = {
    admin, competitionId, unitA, unitB, judges: [], substitute: null as never, chief: null as never,
    aspects: scheme.aspects, entriesA, entriesB, tradeId: trade.id,
  };
  if (stage === 'registration') return world;
  await ok(await call(env, admin, 'POST', `/api/competitions/${competitionId}/entries/decide`, { entryIds: [...entriesA, ...entriesB], decision: 'approved' }), 'approve');
  const judgeUnit = await buildUnit(env);
  world.judges = [await judgeSession(env, uA.id), await judgeSession(env, judgeUnit.id), await judgeSession(env, judgeUnit.id)];
  world.substitute = await judgeSession(env, judgeUnit.id);
  world.chief = await judgeSession(env, judgeUnit.id);
  for (const j of world.judges) await ok(await call(env, admin, 'POST', `/api/competitions/${competitionId}/staff`, { accountId: j.id, role: 'judge' }), 'staff');
  await ok(await call(env, admin, 'POST', `/api/competitions/${competitionId}/staff`, { accountId: world.substitute.id, role: 'substitute' }), 'staff');
  await ok(await call(env, admin, 'POST', `/api/competitions/${competitionId}/staff`, { accountId: world.chief.id, role: 'chief' }), 'staff');
  await ok(await call(env, admin, 'POST', `/api/competitions/${competitionId}/staff`, { accountId: admin.accountId, role: 'decoder' }), 'staff');
  await ok(await call(env, admin, 'PUT', `/api/competitions/${competitionId}/assignments`, { aspectIds: world.aspects.map((a) => a.id), judgeIds: world.judges.map((j) => j.id) }), 'assign');
  if (stage === 'approved') return world;
  const cur = await ok(await call(env, admin, 'GET', `/api/competitions/${competitionId}`), 'get');
  await ok(await call(env, admin, 'POST', `/api/competitions/${competitionId}/registration`, { to: 'closed', version: cur.version }), 'close');
  await ok(await call(env, admin, 'POST', `/api/competitions/${competitionId}/draw/commit`), 'commit');
  await ok(await call(env, admin, 'POST', `/api/competitions/${competitionId}/draw/run`), 'draw');
  await ok(await call(env, admin, 'POST', `/api/competitions/${competitionId}/marking/start`), 'start');
  return world;
}

/** The contestant codes a judge sees for an aspect on their sheet. */
export async function sheetCodes(env: TestEnv, judge: Session, competitionId: number, aspectId: number): Promise<string[]> {
  const sheet = await ok(await call(env, judge, 'GET', `/api/competitions/${competitionId}/marking/sheet`), 'sheet');
  return (sheet.aspects.find((a: { aspectId: number }) => a.aspectId === aspectId)?.contestants ?? []).map((c: { code: string }) => c.code);
}

/** Every judge enters every mark on their sheet (the same score per aspect, so no spread), through the API. */
export async function fillAllMarks(env: TestEnv, w: CompetitionWorld, valueFor: (kind: string, maxMark: number) => number = (k, max) => (k === 'judgement' ? 2 : max)) {
  let n = 0;
  for (const j of [...w.judges, w.substitute]) {
    const sheet = await ok(await call(env, j.session, 'GET', `/api/competitions/${w.competitionId}/marking/sheet`), 'sheet');
    for (const a of sheet.aspects) {
      for (const c of a.contestants) {
        if (c.version > 0) continue;
        await ok(await call(env, j.session, 'POST', `/api/competitions/${w.competitionId}/marks`, { code: c.code, aspectId: a.aspectId, value: valueFor(a.kind, a.maxMark), expectedVersion: 0 }), 'mark');
        n++;
      }
    }
  }
  return n;
}

/** Theory scores for every approved entry, by exam number. */
export async function enterTheory(env: TestEnv, w: CompetitionWorld, score = (i: number) => 60 + (i % 40)) {
  const list = await ok(await call(env, w.admin, 'GET', `/api/competitions/${w.competitionId}/entries?status=approved`), 'entries');
  const rows = list.map((e: { examNumber: string }, i: number) => ({ examNumber: e.examNumber, part: 'theory', value: score(i) }));
  return ok(await call(env, w.admin, 'PUT', `/api/competitions/${w.competitionId}/part-scores`, { rows }), 'theory');
}
