import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spreadExceeded } from '../../shared/competition/marks.js';
import { recusalReason } from '../../shared/competition/recusal.js';
import { checkScheme, schemeTotal } from '../../shared/competition/scheme.js';
import { accounts } from '../core/accounts/tables.js';
import { verifyAuditChain } from '../core/audit/service.js';
import { auditLog } from '../core/audit/tables.js';
import { bootstrap } from '../bootstrap.js';
import { competitions, competitionStaff } from '../competition/competitions/tables.js';
import type { Db } from '../db/client.js';
import { draws } from '../competition/draws/tables.js';
import { entries } from '../competition/entries/tables.js';
import { conflictsOf } from '../competition/judging/panels.js';
import { judgeConflicts } from '../competition/judging/tables.js';
import { verifyMarkChain } from '../competition/marks/chain.js';
import { amendments, markEvents, marks, partScores, signoffs, spreadConfirmations } from '../competition/marks/tables.js';
import { appeals } from '../competition/appeals/tables.js';
import { certificates } from '../core/certificates/tables.js';
import { noticeObjections, notices } from '../core/notices/tables.js';
import { outcomes } from '../competition/outcomes/tables.js';
import { people, qualificationRecords } from '../core/people/tables.js';
import { computeResults } from '../competition/results/compute.js';
import { completionTimes } from '../competition/results/tables.js';
import { markingSchemes, schemeAspects } from '../competition/schemes/tables.js';
import { checkCut } from '../selection/cuts/hash.js';
import { selectionCuts } from '../selection/cuts/tables.js';
import { selectionAwards } from '../selection/commendation/tables.js';
import { selectionCandidates, selectionNominations, selectionVerifications } from '../selection/nominations/tables.js';
import { verifySelectionChainIn } from '../selection/review/chain.js';
import { selectionRounds } from '../selection/rounds/tables.js';
import { login, makeTestEnv, type TestEnv } from '../test/harness.js';
import { trades } from '../core/trades/tables.js';
import { DEMO_COMPETITIONS, DEMO_JUDGE_PASSWORD, DEMO_JUDGES, DEMO_SPREAD, DEMO_TIMELINE, PRACTICAL_SESSIONS } from './competition-data.js';
import { DEMO_PEOPLE_COUNT } from './data.js';
import { trainingAttendance } from '../training/attendance/tables.js';
import { trainingBusinessPlans } from '../training/completion/tables.js';
import { trainingAppraisals, trainingSubsidyClaims, trainingSubsidyLines } from '../training/appraisal/tables.js';
import { trainingEnrolments } from '../training/enrolment/tables.js';
import { trainingClasses, trainingProgrammes, trainingSessions } from '../training/programmes/tables.js';
import { TOWNSHIP_CLASS, TRAINING_ACCOUNTS } from './training-data.js';
import { attended } from '../../shared/training/rules.js';

const ADMIN_PASSWORD = 'Demo-admin-2009';

async function loadedDemo() {
  const env = await makeTestEnv();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillmonth-demo-test-'));
  const started = performance.now();
  const boot = await bootstrap({ db: env.database.db, pii: env.pii, clock: env.clock, demo: true, adminPassword: ADMIN_PASSWORD, dataDir });
  const ms = performance.now() - started;
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { env, boot, ms };
}

/** Every mark keyed by trade, exam number, aspect code and judge (whose seat it is): the marks' content. */
async function markMap(db: Db) {
  const rows = await db.select({ trade: trades.name, exam: entries.examNumber, aspect: schemeAspects.code, judge: accounts.username, value: marks.value })
    .from(marks).innerJoin(entries, eq(entries.id, marks.entryId)).innerJoin(schemeAspects, eq(schemeAspects.id, marks.aspectId))
    .innerJoin(accounts, eq(accounts.id, marks.judgeId)).innerJoin(competitions, eq(competitions.id, marks.competitionId))
    .innerJoin(trades, eq(trades.id, competitions.tradeId));
  return new Map(rows.map((r) => [`${r.trade}|${r.exam}|${r.aspect}|${r.judge}`, r.value]));
}

let env: TestEnv;
let db: Db;
let boot: Awaited<ReturnType<typeof bootstrap>>;

beforeAll(async () => {
  const first = await loadedDemo();
  env = first.env;
  db = env.database.db;
  boot = first.boot;
  console.log(`demo (campaign, people, accounts and competition) loaded in ${Math.round(first.ms)} ms`);
}, 600_000);
afterAll(() => env?.close());

describe('the demo competition of 22–24 May 2009', () => {
  it('has one competition per trade of the demo people, with the seed dates: three final, the welders decoded', async () => {
    const rows = await db.select({ c: competitions, trade: trades.name }).from(competitions).innerJoin(trades, eq(trades.id, competitions.tradeId)).orderBy(asc(competitions.id));
    expect(rows.map((r) => r.trade)).toEqual(['车工', '维修电工', '工具钳工', '焊工']);
    expect(rows.map((r) => r.c.status)).toEqual(['final', 'final', 'final', 'decoded']);
    for (const { c } of rows) {
      expect(c).toMatchObject({ level: 3, startsOn: '2009-05-22', endsOn: '2009-05-24' });
      expect(c.endedAt!.toISOString()).toBe(DEMO_TIMELINE.signOff.toISOString());
      expect(c.venue).toContain('江川技师学院实训中心');
      expect(c.registrationOpensAt.toISOString() < c.registrationClosesAt.toISOString()).toBe(true);
      expect(c.registrationClosesAt.toISOString().startsWith('2009-05')).toBe(true);
    }
    expect(new Set(rows.map((r) => r.c.codePrefix)).size).toBe(rows.length);
    for (const r of rows) expect(r.c.codePrefix).toMatch(/^[A-Z]{1,3}$/);
    // Weights are configurable: one competition is 20/80.
    expect(rows.map((r) => r.c.parts.map((p) => p.weight).join('/'))).toEqual(['30/70', '20/80', '30/70', '30/70']);
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.action, 'competition.decode'));
    expect(audit).toHaveLength(4);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('enters and approves every demo person, with exam numbers, and a real draw of codes and stations', async () => {
    const list = await db.select({ e: entries, prefix: competitions.codePrefix, stations: competitions.stations }).from(entries)
      .innerJoin(competitions, eq(competitions.id, entries.competitionId));
    expect(list).toHaveLength(DEMO_PEOPLE_COUNT);
    expect(new Set(list.map((r) => r.e.personId)).size).toBe(DEMO_PEOPLE_COUNT);
    for (const { e, prefix, stations } of list) {
      expect(e.status).toBe('approved');
      expect(e.examNumber).toMatch(new RegExp(`^${prefix}\\d{6}$`));
      expect(e.code).toMatch(new RegExp(`^${prefix}\\d{3}$`));
      expect(e.station).toBeGreaterThanOrEqual(1);
      expect(e.station).toBeLessThanOrEqual(stations);
      expect(e.registeredAt.toISOString() < '2009-05-12T09:30:00.000Z').toBe(true);
    }
    const d = await db.select().from(draws);
    expect(d).toHaveLength(4);
    for (const x of d) {
      expect(x.seedCommitment).toMatch(/^[0-9a-f]{64}$/);
      expect(x.drawnAt!.toISOString()).toBe('2009-05-21T23:30:00.000Z');
      expect(x.committedAt < x.drawnAt!).toBe(true);
    }
  });

  it('has a valid scheme of 100 per trade, mixing measurements (some banded) and judgements', async () => {
    const schemes = await db.select().from(markingSchemes);
    expect(schemes).toHaveLength(4);
    for (const s of schemes) {
      expect(checkScheme(s.scheme)).toEqual([]);
      expect(schemeTotal(s.scheme)).toBe(100);
      expect(s.lockedAt).not.toBeNull();
      const aspects = await db.select().from(schemeAspects).where(eq(schemeAspects.schemeId, s.id));
      expect(aspects.length).toBeGreaterThanOrEqual(4);
      expect(aspects.length).toBeLessThanOrEqual(10);
      expect(aspects.some((a) => a.kind === 'judgement' && a.levels?.length === 4)).toBe(true);
      expect(aspects.some((a) => a.kind === 'measurement' && a.bands?.length)).toBe(true);
    }
  });

  it('staffs each competition: a chief judge, substitutes, the admin as decoder, judge01 on 车工', async () => {
    const staff = await db.select({ c: competitionStaff, username: accounts.username, trade: trades.name }).from(competitionStaff)
      .innerJoin(accounts, eq(accounts.id, competitionStaff.accountId)).innerJoin(competitions, eq(competitions.id, competitionStaff.competitionId))
      .innerJoin(trades, eq(trades.id, competitions.tradeId));
    for (const trade of ['车工', '维修电工', '工具钳工', '焊工']) {
      const mine = staff.filter((s) => s.trade === trade);
      expect(mine.filter((s) => s.c.role === 'chief')).toHaveLength(1);
      expect(mine.filter((s) => s.c.role === 'judge').length).toBeGreaterThanOrEqual(6);
      expect(mine.filter((s) => s.c.role === 'substitute').length).toBeGreaterThanOrEqual(1);
      expect(mine.filter((s) => s.c.role === 'decoder').map((s) => s.username)).toEqual(['admin']);
    }
    expect(staff.some((s) => s.trade === '车工' && s.username === 'judge01' && s.c.role === 'judge')).toBe(true);
    const declared = await db.select().from(judgeConflicts);
    expect(declared.map((d) => d.reason).sort()).toEqual(['former_employer', 'master_apprentice', 'relative']);
  });

  it('returns the demo judges with the other demo accounts, and they log in with the published password', async () => {
    const names = boot.demoCredentials!.map((c) => c.username);
    expect(names.slice(0, 4)).toEqual(['admin', 'unit01', 'judge01', 'committee01']);
    for (const j of DEMO_JUDGES) expect(boot.demoCredentials).toContainEqual({ username: j.username, password: DEMO_JUDGE_PASSWORD, role: 'judge' });
    const s = await login(env, 'judge02', DEMO_JUDGE_PASSWORD);
    expect(s.accountId).toBeGreaterThan(0);
  });

  it('keeps an intact hash chain of marks per competition, with theory scores, one confirmation and the sign-offs', async () => {
    const cs = await db.select().from(competitions);
    let total = 0;
    for (const c of cs) {
      const v = await verifyMarkChain(db, c.id);
      expect(v, `competition ${c.id}`).toMatchObject({ ok: true, firstBroken: null });
      const n = await db.$count(marks, eq(marks.competitionId, c.id));
      const parts = await db.$count(partScores, eq(partScores.competitionId, c.id));
      const confirms = await db.$count(spreadConfirmations, eq(spreadConfirmations.competitionId, c.id));
      const signed = await db.select({ code: signoffs.criterionCode }).from(signoffs).where(eq(signoffs.competitionId, c.id));
      expect(signed.map((s) => s.code).sort()).toEqual(['*', 'A', 'B', 'C']);
      const times = await db.$count(completionTimes, eq(completionTimes.competitionId, c.id));
      const amendmentEvents = await db.$count(markEvents, and(eq(markEvents.competitionId, c.id), inArray(markEvents.kind, ['amendment_request', 'amendment_decision'])));
      expect(times).toBe(await db.$count(entries, eq(entries.competitionId, c.id)));
      expect(v.checked).toBe(n + parts + times + confirms + signed.length + amendmentEvents);
      total += n;
    }
    expect(total).toBe(16_000);
    // Marks during the three days, in the practical sessions the draw gave; the chain runs forward in time.
    const rounds = await db.select({ stations: competitions.stations, round: entries.round }).from(entries).innerJoin(competitions, eq(competitions.id, entries.competitionId));
    for (const r of rounds) expect(r.round!).toBeLessThanOrEqual(PRACTICAL_SESSIONS.length);
    const events = await db.select({ competitionId: markEvents.competitionId, kind: markEvents.kind, at: markEvents.at }).from(markEvents).orderBy(asc(markEvents.competitionId), asc(markEvents.seq));
    for (const [i, e] of events.entries()) {
      if (e.kind === 'mark') expect(e.at >= PRACTICAL_SESSIONS[0]!.start && e.at < DEMO_TIMELINE.theoryScores).toBe(true);
      const prev = events[i - 1];
      if (prev?.competitionId === e.competitionId) expect(prev.at <= e.at).toBe(true);
    }
  });

  it('has theory scores for everyone: most pass at 60, some fail', async () => {
    const rows = await db.select({ value: partScores.value }).from(partScores);
    expect(rows).toHaveLength(DEMO_PEOPLE_COUNT);
    const failed = rows.filter((r) => r.value < 60).length;
    expect(failed).toBeGreaterThan(20);
    expect(failed).toBeLessThan(DEMO_PEOPLE_COUNT * 0.2);
    for (const r of rows) expect(r.value >= 0 && r.value <= 100).toBe(true);
  });

  it('has exactly one judgement panel more than one point apart, confirmed by the chief judge with a reason', async () => {
    const rows = await db.select({ entryId: marks.entryId, aspectId: marks.aspectId, value: marks.value }).from(marks)
      .innerJoin(schemeAspects, eq(schemeAspects.id, marks.aspectId)).where(eq(schemeAspects.kind, 'judgement'));
    const panels = new Map<string, number[]>();
    for (const r of rows) panels.set(`${r.entryId}:${r.aspectId}`, [...(panels.get(`${r.entryId}:${r.aspectId}`) ?? []), r.value]);
    for (const v of panels.values()) expect(v).toHaveLength(3);
    const spread = [...panels].filter(([, v]) => spreadExceeded(v));
    expect(spread).toHaveLength(1);
    const confirmations = await db.select({ s: spreadConfirmations, chief: accounts.username, aspect: schemeAspects.code }).from(spreadConfirmations)
      .innerJoin(accounts, eq(accounts.id, spreadConfirmations.confirmedBy)).innerJoin(schemeAspects, eq(schemeAspects.id, spreadConfirmations.aspectId));
    expect(confirmations).toHaveLength(1);
    const [conf] = confirmations;
    expect(`${conf!.s.entryId}:${conf!.s.aspectId}`).toBe(spread[0]![0]);
    expect(Math.max(...spread[0]![1]) - Math.min(...spread[0]![1])).toBeGreaterThan(1);
    expect(conf!.aspect).toBe(DEMO_SPREAD.aspectCode);
    expect(conf!.chief).toBe(DEMO_COMPETITIONS.find((c) => c.tradeCode === DEMO_SPREAD.tradeCode)!.chief);
    expect(conf!.s.reason).toBe(DEMO_SPREAD.reason);
    const logged = await db.select().from(markEvents).where(eq(markEvents.kind, 'spread_confirm'));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ entryId: conf!.s.entryId, aspectId: conf!.s.aspectId, reason: DEMO_SPREAD.reason });
  });

  it('never has a judge mark a contestant of their own unit or a declared conflict — and recusal did happen', async () => {
    const all = await db.select({ judgeId: marks.judgeId, entryId: marks.entryId, personId: entries.personId, unitId: entries.unitId, competitionId: marks.competitionId })
      .from(marks).innerJoin(entries, eq(entries.id, marks.entryId));
    const judgeIds = [...new Set(all.map((m) => m.judgeId))];
    const conflicts = await conflictsOf(db, judgeIds);
    for (const m of all) expect(recusalReason(conflicts.get(m.judgeId)!, m), `judge ${m.judgeId} entry ${m.entryId}`).toBeNull();
    // A team judge whose unit sends contestants left those contestants to others …
    const recusable = await db.select({ competitionId: competitionStaff.competitionId, judgeId: competitionStaff.accountId, unitId: accounts.unitId })
      .from(competitionStaff).innerJoin(accounts, eq(accounts.id, competitionStaff.accountId))
      .where(and(eq(competitionStaff.role, 'judge'), inArray(accounts.unitId, (await db.selectDistinct({ u: entries.unitId }).from(entries)).map((r) => r.u))));
    expect(recusable.length).toBeGreaterThanOrEqual(8);
    const ownUnitEntries = (r: (typeof recusable)[number]) => all.some((m) => m.competitionId === r.competitionId && m.unitId === r.unitId);
    expect(recusable.filter(ownUnitEntries).length).toBeGreaterThanOrEqual(8);
    // … and the substitutes completed those panels.
    const subs = await db.select({ id: competitionStaff.accountId }).from(competitionStaff).where(eq(competitionStaff.role, 'substitute'));
    const bySubs = all.filter((m) => subs.some((s) => s.id === m.judgeId));
    expect(bySubs.length).toBeGreaterThan(100);
    // The declared person conflicts were honoured: those people were marked, but never by the judge who declared.
    const personConflicts = await db.select().from(judgeConflicts).where(eq(judgeConflicts.kind, 'person'));
    for (const c of personConflicts) {
      expect(all.some((m) => m.personId === c.personId)).toBe(true);
      expect(all.some((m) => m.personId === c.personId && m.judgeId === c.judgeId)).toBe(false);
    }
  });

  it('loads the same entries and marks again into a fresh database (only the draw differs)', async () => {
    const second = await loadedDemo();
    try {
      const db2 = second.env.database.db;
      const [a, b] = [await markMap(db), await markMap(db2)];
      expect(b.size).toBe(a.size);
      let same = 0;
      for (const [k, v] of a) if (b.get(k) === v) same++;
      expect(same).toBe(a.size);
      const exams = async (d: Db) => (await d.select({ exam: entries.examNumber, personId: entries.personId }).from(entries).orderBy(asc(entries.examNumber))).map((r) => `${r.exam}:${r.personId}`);
      expect(await exams(db2)).toEqual(await exams(db));
      expect(await db2.$count(markEvents)).toBe(await db.$count(markEvents));
      expect(await db2.$count(partScores)).toBe(await db.$count(partScores));
    } finally {
      await second.env.close();
    }
  }, 600_000);
});

describe('the demo results: appeals, notice, outcomes, certificates', () => {
  const idOf = async (trade: string) => (await db.select({ id: competitions.id }).from(competitions).innerJoin(trades, eq(trades.id, competitions.tradeId)).where(eq(trades.name, trade)))[0]!.id;

  it('has a few ties the chain decided: by the practical and by the time in 车工, a shared rank in 维修电工', async () => {
    const lathe = await computeResults(db, await idOf('车工'));
    const decided = new Set(lathe.rows.map((r) => r.decidedBy));
    expect(decided.has('practical')).toBe(true);
    expect(decided.has('time')).toBe(true);
    const electric = await computeResults(db, await idOf('维修电工'));
    const shared = electric.rows.filter((r) => r.decidedBy === 'shared');
    expect(shared.length).toBeGreaterThan(0);
    for (const r of shared) expect(electric.rows.filter((x) => x.rank === r.rank).length).toBeGreaterThan(1);
    // Six honoured per trade; the welders' results are decoded with names.
    expect(lathe.rows.filter((r) => r.award).length).toBe(6);
    expect((await computeResults(db, await idOf('焊工'))).rows.every((r) => r.name)).toBe(true);
  });

  it('has one upheld appeal (its amendment approved by the chief judge) and one dismissed, in the window', async () => {
    const list = await db.select().from(appeals).orderBy(asc(appeals.id));
    expect(list.map((a) => a.status).sort()).toEqual(['dismissed', 'upheld']);
    const upheld = list.find((a) => a.status === 'upheld')!;
    const [am] = await db.select().from(amendments).where(eq(amendments.id, upheld.amendmentId!));
    expect(am).toMatchObject({ status: 'approved', part: 'practical' });
    expect(am!.newValue).toBeGreaterThan(am!.oldValue);
    const [mark] = await db.select().from(marks).where(and(eq(marks.entryId, am!.entryId), eq(marks.aspectId, am!.aspectId!), eq(marks.judgeId, am!.judgeId!)));
    expect(mark).toMatchObject({ value: am!.newValue, source: 'amendment' });
    for (const a of list) expect(a.lodgedAt.getTime() - DEMO_TIMELINE.signOff.getTime()).toBeLessThan(2 * 3_600_000);
  });

  it('ran three notices to final on the 2009 calendar (端午 skipped, the make-up Sunday counted), one objection dismissed', async () => {
    const list = await db.select().from(notices).where(eq(notices.kind, 'competition-results')).orderBy(asc(notices.id));
    expect(list.map((n) => [n.status, n.startsOn, n.endsOn])).toEqual(Array(3).fill(['final', '2009-05-26', '2009-06-02']));
    const objections = await db.select().from(noticeObjections);
    expect(objections.map((o) => o.status)).toEqual(['dismissed']);
    expect(objections[0]!.contactMasked).toBe('139****0123');
    expect(JSON.stringify(list.map((n) => n.rows))).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
  });

  it('wrote the outcomes into qualification records and issued a certificate for each', async () => {
    const out = await db.select().from(outcomes);
    const kinds = new Set(out.map((o) => o.kind));
    for (const k of ['award', 'title', 'level', 'team', 'organization']) expect(kinds.has(k as never)).toBe(true);
    expect(out.filter((o) => o.kind === 'award')).toHaveLength(18);
    const levels = out.filter((o) => o.kind === 'level' || o.kind === 'promotion');
    expect(levels.length).toBeGreaterThan(100);
    for (const o of levels) expect(o.qualificationRecordId).not.toBeNull();
    const records = await db.select().from(qualificationRecords).where(inArray(qualificationRecords.id, levels.map((o) => o.qualificationRecordId!)));
    for (const r of records) expect(r.source).toMatch(/职业技能大赛（.+）：/);
    const certs = await db.select().from(certificates).where(eq(certificates.sourceKind, 'competition-outcome'));
    expect(certs).toHaveLength(out.length);
    expect(new Set(certs.map((c) => c.serial)).size).toBe(certs.length);
    for (const c of certs) expect(c.issuedOn).toBe('2009-06-05');
  });
});

describe('the demo Technical Expert selection (技术能手评选)', () => {
  it('nominates through all five channels; people nominated twice are one candidate; the ineligible carry their reasons', async () => {
    const [round] = await db.select().from(selectionRounds);
    expect(round!.status).toBe('finished');
    const noms = await db.select().from(selectionNominations).where(eq(selectionNominations.roundId, round!.id));
    expect(new Set(noms.map((n) => n.channel))).toEqual(new Set(['unit', 'district', 'industry', 'society', 'self']));
    const cands = await db.select().from(selectionCandidates).where(eq(selectionCandidates.roundId, round!.id));
    expect(cands.length).toBeGreaterThanOrEqual(400);
    expect(noms.length).toBeGreaterThan(cands.length);
    const perCandidate = new Map<number, number>();
    for (const n of noms) perCandidate.set(n.candidateId, (perCandidate.get(n.candidateId) ?? 0) + 1);
    expect([...perCandidate.values()].filter((k) => k > 1).length).toBeGreaterThan(10);
    const ineligible = cands.filter((c) => c.status === 'ineligible');
    expect(ineligible.length).toBeGreaterThan(20);
    const decisions = await db.select().from(selectionVerifications).where(inArray(selectionVerifications.candidateId, ineligible.map((c) => c.id)));
    for (const c of ineligible) expect(decisions.find((d) => d.candidateId === c.id && d.decision === 'ineligible')?.reason, String(c.id)).toBeTruthy();
    const returned = await db.select().from(selectionVerifications).where(eq(selectionVerifications.decision, 'returned'));
    expect(returned.length).toBeGreaterThan(5);
    for (const r of returned) expect(cands.find((c) => c.id === r.candidateId)!.status).toBe('eligible');
  });

  it('freezes 200, 50 and 20, each re-checkable from its stored list and rules; the top 200 and the 20 were noticed', async () => {
    const cuts = await db.select().from(selectionCuts).orderBy(asc(selectionCuts.id));
    expect(cuts.map((c) => [c.stageKey, c.selected, c.status])).toEqual([['cut200', 200, 'frozen'], ['cut50', 50, 'frozen'], ['cut20', 20, 'frozen']]);
    for (const c of cuts) expect(checkCut(c.rules, c.ranking, c.hash), c.stageKey).toBeNull();
    expect(cuts[1]!.rules.fromCutHash).toBe(cuts[0]!.hash);
    const kinds = await db.select({ kind: notices.kind, status: notices.status, rows: notices.rows }).from(notices).where(inArray(notices.kind, ['selection-shortlist', 'selection-experts']));
    expect(kinds.find((n) => n.kind === 'selection-shortlist')!.rows).toHaveLength(200);
    expect(kinds.find((n) => n.kind === 'selection-experts')).toMatchObject({ status: 'final' });
    const [round] = await db.select().from(selectionRounds);
    expect((await verifySelectionChainIn(db, round!.id)).ok).toBe(true);
  });

  it('commends the 20: 2000 yuan each (40,000), promotions written into the records, certificates issued', async () => {
    const awards = await db.select().from(selectionAwards);
    expect(awards).toHaveLength(20);
    expect(awards.reduce((s, a) => s + a.amount, 0)).toBe(40000);
    const promoted = awards.filter((a) => a.promotion === 'to_technician');
    expect(promoted.length).toBeGreaterThan(0);
    const records = await db.select().from(qualificationRecords).where(inArray(qualificationRecords.id, promoted.map((a) => a.qualificationRecordId!)));
    expect(records.every((r) => r.level === 2)).toBe(true);
    const certs = await db.select().from(certificates).where(eq(certificates.sourceKind, 'selection-award'));
    expect(certs).toHaveLength(20);
    expect(awards.filter((a) => a.bankAccountEnc == null)).toHaveLength(1);
  });

  it('lets the self-nominated candidate sign in to their status', async () => {
    const s = await login(env, 'candidate01', 'Person2009demo');
    const res = await env.app.inject({ method: 'GET', url: '/api/selection/my-candidacies', headers: { cookie: s.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()[0].status).toBe('eligible');
    // Their page follows them through each cut to the 20.
    expect(res.json()[0].standing.map((x: { stageKey: string; selected: boolean }) => [x.stageKey, x.selected])).toEqual([['cut200', true], ['cut50', true], ['cut20', true]]);
  });
});

describe('the demo training programmes of 2009', () => {
  const classesOf = async (group: string) => {
    const rows = await db.select().from(trainingClasses).where(eq(trainingClasses.targetGroup, group as never)).orderBy(asc(trainingClasses.id));
    const enrolled = await db.select({ classId: trainingEnrolments.classId, n: count() }).from(trainingEnrolments)
      .where(and(inArray(trainingEnrolments.classId, rows.map((r) => r.id)), eq(trainingEnrolments.status, 'enrolled'))).groupBy(trainingEnrolments.classId);
    return { rows, enrolled: enrolled.reduce((a, r) => a + r.n, 0), byClass: new Map(enrolled.map((r) => [r.classId, r.n])) };
  };

  it('has both programmes with their plan: 200 new technicians a year in two batches, full subsidy per trainee', async () => {
    const ps = await db.select().from(trainingProgrammes).orderBy(asc(trainingProgrammes.id));
    expect(ps.map((p) => p.kind)).toEqual(['entrepreneurship', 'new-technician']);
    expect(ps[1]).toMatchObject({ plannedTrainees: 200, plannedClasses: 2, trainingFeeYuan: 2400, appraisalFeeYuan: 600 });
    const [campaign] = await db.select({ id: trainingProgrammes.campaignId }).from(trainingProgrammes).limit(1);
    expect(campaign!.id).not.toBeNull();
  });

  it('trained 500+ returning migrant workers, one class opened on 18 May 2009 in a township by three bureaus together', async () => {
    const m = await classesOf('migrant-workers');
    expect(m.enrolled).toBeGreaterThanOrEqual(500);
    expect(m.rows.every((c) => c.status === 'finished')).toBe(true);
    const township = m.rows.filter((c) => c.actualStartOn === '2009-05-18');
    expect(township).toHaveLength(1);
    expect(township[0]).toMatchObject({ collegeUnitId: null, venue: TOWNSHIP_CLASS.venue, curriculum: 'SYB' });
    expect(township[0]!.venue).toMatch(/镇/);
    expect(township[0]!.organizers).toEqual(['江川市人力资源和社会保障局', '江川市农业办公室', '江川市财政局']);
  });

  it('trained 381 college graduates in 11 classes from 28 March, two months, and commended 60+ plans at the graduation on 27 May', async () => {
    const g = await classesOf('graduates');
    expect(g.rows).toHaveLength(11);
    expect(g.enrolled).toBe(381);
    for (const c of g.rows) {
      expect(c).toMatchObject({ plannedStartOn: '2009-03-28', actualStartOn: '2009-03-28', graduationOn: '2009-05-27', actualEndOn: '2009-05-27', status: 'finished' });
    }
    const plans = await db.select().from(trainingBusinessPlans).where(inArray(trainingBusinessPlans.classId, g.rows.map((c) => c.id)));
    const commended = plans.filter((p) => p.commended);
    expect(commended.length).toBeGreaterThanOrEqual(60);
    expect(commended.every((p) => p.commendedOn === '2009-05-27' && p.score != null && p.title.endsWith('创业计划书'))).toBe(true);
    // The commended are the best: none left out scores above the lowest commended.
    const line = Math.min(...commended.map((p) => p.score!));
    expect(plans.filter((p) => !p.commended && p.score! > line)).toHaveLength(0);
    expect(plans.length).toBeGreaterThan(g.enrolled * 0.9);
  });

  it('gave the awareness course to 300 university students', async () => {
    const s = await classesOf('students');
    expect(s.enrolled).toBe(300);
    expect(s.rows.every((c) => c.curriculum === 'awareness' && c.status === 'finished')).toBe(true);
  });

  it('opened the first new-technician batch on 13 May 2009, planned at 50 electricians and fitters, with 80+ nominated by their employers', async () => {
    const t = await classesOf('new-technicians');
    expect(t.rows).toHaveLength(2);
    const [first, second] = t.rows;
    expect(first).toMatchObject({ plannedSize: 50, actualStartOn: '2009-05-13', status: 'finished', trainingFeeYuan: 2400, appraisalFeeYuan: 600 });
    expect(t.byClass.get(first!.id)).toBe(83);
    expect(second).toMatchObject({ status: 'planned', plannedSize: 100 });
    expect(second!.plannedStartOn > '2009-07-01').toBe(true);
    expect(new Set([first!.collegeUnitId, second!.collegeUnitId]).size).toBe(2);
    const tradeNames = (await db.select({ name: trades.name }).from(trades).where(inArray(trades.id, first!.tradeIds))).map((r) => r.name);
    expect(tradeNames.sort()).toEqual(['工具钳工', '维修电工']);
    const sessions = await db.select().from(trainingSessions).where(eq(trainingSessions.classId, first!.id)).orderBy(asc(trainingSessions.day));
    expect(sessions).toHaveLength(40);
    expect(new Set(sessions.map((s) => s.day)).size).toBe(40);
    expect(sessions[0]!.day).toBe('2009-05-13');
    // Nominated by each trainee's employer (a unit account of their unit), 高级工 or higher in the registry, with exam numbers.
    const es = await db.select({ e: trainingEnrolments, level: people.level, unitId: people.unitId, by: accounts.unitId, role: accounts.role })
      .from(trainingEnrolments).innerJoin(people, eq(people.id, trainingEnrolments.personId)).innerJoin(accounts, eq(accounts.id, trainingEnrolments.nominatedBy))
      .where(eq(trainingEnrolments.classId, first!.id));
    expect(es).toHaveLength(83);
    for (const r of es) {
      expect(r.e).toMatchObject({ source: 'employer', status: 'enrolled' });
      expect(r.e.confirmedLevel).toBeLessThanOrEqual(3);
      expect(r.level).toBeLessThanOrEqual(3);
      expect([r.role, r.by]).toEqual(['unit', r.unitId]);
    }
    expect(new Set(es.map((r) => r.e.examNumber)).size).toBe(83);
    const perUnit = new Map<number, number>();
    for (const r of es) perUnit.set(r.unitId, (perUnit.get(r.unitId) ?? 0) + 1);
    expect(Math.max(...perUnit.values())).toBeLessThanOrEqual(first!.unitQuota!);
  });

  it('records attendance for every held session of every class, each row saying how it was taken; a handful of new technicians fall under 80 %', async () => {
    const classes = await db.select().from(trainingClasses).where(eq(trainingClasses.status, 'finished'));
    const perClass = await db.select({ classId: trainingSessions.classId, n: count() }).from(trainingSessions).groupBy(trainingSessions.classId);
    const enrolledIn = new Map((await db.select({ classId: trainingEnrolments.classId, n: count() }).from(trainingEnrolments)
      .where(eq(trainingEnrolments.status, 'enrolled')).groupBy(trainingEnrolments.classId)).map((r) => [r.classId, r.n]));
    const [{ n }] = (await db.select({ n: count() }).from(trainingAttendance)) as [{ n: number }];
    expect(n).toBe(perClass.reduce((a, r) => a + r.n * (enrolledIn.get(r.classId) ?? 0), 0));
    expect(n).toBeGreaterThan(15_000);
    const sessionless = await db.select({ id: trainingClasses.id }).from(trainingClasses)
      .where(and(inArray(trainingClasses.id, classes.map((c) => c.id)), sql`not exists (select 1 from training_sessions s where s.class_id = ${trainingClasses.id})`));
    expect(sessionless).toHaveLength(0);
    const methods = await db.select({ method: trainingAttendance.method, n: count() }).from(trainingAttendance).groupBy(trainingAttendance.method);
    expect(methods.map((m) => m.method).sort()).toEqual(['qr', 'roster', 'sheet']);
    const [first] = (await classesOf('new-technicians')).rows;
    const rows = await db.select({ e: trainingAttendance.enrolmentId, status: trainingAttendance.status }).from(trainingAttendance)
      .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingAttendance.enrolmentId)).where(eq(trainingEnrolments.classId, first!.id));
    const attendedBy = new Map<number, number>();
    for (const r of rows) attendedBy.set(r.e, (attendedBy.get(r.e) ?? 0) + (attended(r.status) ? 1 : 0));
    expect(attendedBy.size).toBe(83);
    const under = [...attendedBy.values()].filter((k) => k / 40 < 0.8);
    expect(under.length).toBeGreaterThanOrEqual(3);
    expect(under.length).toBeLessThanOrEqual(8);
  });

  it('appraised the first batch: the passes became 技师 in the qualification records, with the appraisal as their source', async () => {
    const [first] = (await classesOf('new-technicians')).rows;
    const results = await db.select().from(trainingAppraisals).where(eq(trainingAppraisals.classId, first!.id));
    expect(results).toHaveLength(83);
    const passed = results.filter((r) => r.passed);
    expect(passed.length).toBeGreaterThanOrEqual(70);
    expect(results.filter((r) => r.absent).length).toBe(2);
    const records = await db.select().from(qualificationRecords).where(inArray(qualificationRecords.id, passed.map((r) => r.qualificationRecordId!)));
    expect(records).toHaveLength(passed.length);
    expect(records.every((q) => q.level === 2 && q.source.includes('技师鉴定') && q.obtainedOn === '2009-07-04')).toBe(true);
  });

  it("claimed the first batch's subsidy from attendance and appraisal: 2,400 + 600 yuan per trainee who met the attendance rule, approved by the finance bureau", async () => {
    const [first] = (await classesOf('new-technicians')).rows;
    const [claim] = await db.select().from(trainingSubsidyClaims).where(eq(trainingSubsidyClaims.classId, first!.id));
    expect(claim).toMatchObject({ status: 'approved', trainees: 83, trainingFeeYuan: 2400, appraisalFeeYuan: 600 });
    const lines = await db.select().from(trainingSubsidyLines).where(eq(trainingSubsidyLines.claimId, claim!.id));
    const eligible = lines.filter((l) => l.eligible);
    expect(claim!.eligible).toBe(eligible.length);
    expect(eligible.length).toBeLessThan(83);
    const appraisedEligible = eligible.filter((l) => l.appraised).length;
    expect(claim!.totalYuan).toBe(eligible.length * 2400 + appraisedEligible * 600);
    expect(lines.filter((l) => !l.eligible).every((l) => l.trainingFeeYuan === 0 && l.appraisalFeeYuan === 0 && l.reason)).toBe(true);
  });

  it('adds the training accounts to the printed demo accounts; trainee01 signs in and sees their class and its 40 sessions', async () => {
    const names = boot.demoCredentials!.map((c) => c.username);
    for (const u of ['train01', 'college01', 'college02', 'teacher01', 'teacher02', 'teacher03', 'teacher04', 'trainee01']) expect(names).toContain(u);
    const [staff] = await db.select().from(accounts).where(eq(accounts.username, 'train01'));
    expect(staff).toMatchObject({ role: 'committee', committeeBody: 'training' });
    const s = await login(env, TRAINING_ACCOUNTS.trainee.username, TRAINING_ACCOUNTS.trainee.password);
    const res = await env.app.inject({ method: 'GET', url: '/api/training/classes', headers: { cookie: s.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json() as { id: number; targetGroup: string; planActual: { plannedSize: number; enrolled: number } }[];
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ targetGroup: 'new-technicians', planActual: { plannedSize: 50, enrolled: 83 } });
    const sessions = await env.app.inject({ method: 'GET', url: `/api/training/classes/${mine[0]!.id}/sessions`, headers: { cookie: s.cookie } });
    expect(sessions.statusCode, sessions.body).toBe(200);
    expect(sessions.json()).toHaveLength(40);
    const own = await db.select({ status: trainingAttendance.status }).from(trainingAttendance).innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingAttendance.enrolmentId))
      .innerJoin(accounts, eq(accounts.personId, trainingEnrolments.personId)).where(eq(accounts.username, 'trainee01'));
    expect(own).toHaveLength(40);
    expect(own.every((a) => a.status === 'present')).toBe(true);
  });
});
