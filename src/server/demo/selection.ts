import { eq, inArray } from 'drizzle-orm';
import { finalizeDueNotices } from '../core/notices/finality.js';
import { freezeCut, previewCut } from '../selection/cuts/service.js';
import { publishSelectionNotice } from '../selection/cuts/notices.js';
import { decideApproval } from '../selection/commendation/approvals.js';
import { issueAwardCertificates } from '../selection/commendation/awards.js';
import { listAwards, setBankDetails } from '../selection/commendation/service.js';
import { assignExamNumbers, examList, setExamScores } from '../selection/exam/service.js';
import { addEvidence, candidateView, confirmConsent, nominate, resubmit, verifyCandidate } from '../selection/nominations/service.js';
import { assignCandidates, myReviewing, savePanel, submitSheet } from '../selection/review/service.js';
import { advanceStage, createRound, getRound } from '../selection/rounds/service.js';
import { hashPassword } from '../core/auth/password.js';
import { accounts } from '../core/accounts/tables.js';
import { personValues } from '../core/people/service.js';
import { people, qualificationRecords } from '../core/people/tables.js';
import type { PiiCipher } from '../core/pii/cipher.js';
import { insertUnits } from '../core/units/service.js';
import { units } from '../core/units/tables.js';
import type { Actor, ServiceContext } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { actorOf, DemoClock } from './competition.js';
import { DEMO_UNITS, demoPeople, demoUnitProfile, mulberry32, pick, type DemoPerson } from './data.js';
import {
  demoAbility, demoPdf, SELECTION_ACCOUNTS, SELECTION_ACCOUNTS as A, SELECTION_DISTRICT_UNITS, SELECTION_INDUSTRY_UNITS, SELECTION_ROUND,
  SELECTION_TIMELINE as T, selectionNominees, selectionPeople, type DemoNominee,
} from './selection-data.js';

export interface DemoSelectionWorld {
  tx: Tx;
  clock: DemoClock;
  acting: (actor: Actor) => ServiceContext;
  admin: ServiceContext;
  /** The person id of each nominee (in selectionNominees() order). */
  nomineePersonIds: number[];
  nominees: DemoNominee[];
  /** District and industry unit ids (SELECTION_DISTRICT_UNITS / SELECTION_INDUSTRY_UNITS order). */
  districtUnitIds: number[];
  industryUnitIds: number[];
  accountsByUsername: Map<string, Actor>;
  /** The username of each self-nominating nominee's own account (by nominee index). */
  selfAccounts: Map<number, string>;
  pii: PiiCipher;
  credentials: { username: string; password: string; role: string }[];
}

/**
 * The selection's people and accounts: the district labour bureaus and industry bodies (with their
 * member enterprises), 330 experienced workers with their qualification records, the expert
 * reviewers, the review committee, the finance bureau's payer, and an account for each person who
 * nominates themself. Passwords are hashed once per distinct password (a hash takes most of a second).
 */
export async function prepareDemoSelection(opts: {
  tx: Tx; pii: PiiCipher; unitIds: number[]; tradeIds: ReadonlyMap<string, number>; existingPersonIds: number[];
}): Promise<DemoSelectionWorld> {
  const { tx, pii, unitIds, tradeIds, existingPersonIds } = opts;
  const db = tx as unknown as Db;
  const clock = new DemoClock(T.created);
  const ctx = { pii, clock };
  const acting = (actor: Actor): ServiceContext => ({ db, pii, clock, actor, ip: '127.0.0.1' });

  const districtRows = await insertUnits(tx, ctx, SELECTION_DISTRICT_UNITS.map((u) => ({ name: u.name, kind: u.kind, district: u.district })));
  const industryRows = await insertUnits(tx, ctx, SELECTION_INDUSTRY_UNITS.map((u) => ({ name: u.name, kind: u.kind, district: u.district })));
  for (const [i, body] of SELECTION_INDUSTRY_UNITS.entries()) {
    const members = DEMO_UNITS.flatMap((u, j) => (u.kind === 'enterprise' && body.profiles.includes(demoUnitProfile(j)) ? [unitIds[j]!] : []));
    if (members.length) await tx.update(units).set({ industryId: industryRows[i]!.id }).where(inArray(units.id, members));
  }

  const fresh = selectionPeople();
  const freshIds = await insertPeople(tx, pii, clock, fresh, unitIds, tradeIds);
  const nominees = selectionNominees();
  const nomineePersonIds = nominees.map((n) => (n.from === 'existing' ? existingPersonIds[n.index]! : freshIds[n.index]!));

  const hashes = new Map<string, string>();
  const hashOf = async (password: string) => {
    if (!hashes.has(password)) hashes.set(password, await hashPassword(password));
    return hashes.get(password)!;
  };
  const now = clock.now();
  const rows: (typeof accounts.$inferInsert)[] = [
    ...await Promise.all(districtRows.map(async (u, i) => ({ username: districtUsernameAt(i), displayName: u.name, role: 'unit' as const, unitId: u.id, passwordHash: await hashOf(A.district.password) }))),
    ...await Promise.all(industryRows.map(async (u, i) => ({ username: industryUsernameAt(i), displayName: u.name, role: 'unit' as const, unitId: u.id, passwordHash: await hashOf(A.industry.password) }))),
    ...await Promise.all(A.reviewCommittee.map(async (m) => ({ username: m.username, displayName: m.displayName, role: 'committee' as const, committeeBody: 'expertReview', passwordHash: await hashOf(m.password) }))),
    { username: A.finance.username, displayName: A.finance.displayName, role: 'committee' as const, committeeBody: 'finance', passwordHash: await hashOf(A.finance.password) },
    // Experts from the technician college and the big enterprises: some must recuse for their own unit's candidates.
    ...await Promise.all(A.experts.map(async (e, i) => ({ username: e.username, displayName: e.displayName, role: 'judge' as const, unitId: unitIds[expertUnitIndex(i)]!, passwordHash: await hashOf(e.password) }))),
  ];
  const existing = demoPeople();
  const selfNominated = nominees.flatMap((n, i) => (n.channels.includes('self') ? [i] : []));
  const selfAccounts = new Map<number, string>();
  for (const [k, i] of selfNominated.entries()) {
    const p = n2p(nominees[i]!, existing, fresh);
    selfAccounts.set(i, k === 0 ? A.candidate.username : `candidate${String(k + 1).padStart(2, '0')}`);
    rows.push({
      username: selfAccounts.get(i)!, displayName: p.name, role: 'person',
      personId: nomineePersonIds[i]!, unitId: null, passwordHash: await hashOf(A.candidate.password),
    });
  }
  const inserted = await tx.insert(accounts).values(rows.map((r) => ({ ...r, createdAt: now, updatedAt: now }))).returning();
  const accountsByUsername = new Map(inserted.map((a) => [a.username, actorOf(a)]));
  const [adminRow] = await tx.select().from(accounts).where(eq(accounts.username, 'admin'));
  accountsByUsername.set('admin', actorOf(adminRow!));

  const credentials = [
    { username: districtUsernameAt(0), password: A.district.password, role: 'unit' },
    { username: industryUsernameAt(0), password: A.industry.password, role: 'unit' },
    ...A.reviewCommittee.map((m) => ({ username: m.username, password: m.password, role: 'committee' })),
    { username: A.finance.username, password: A.finance.password, role: 'committee' },
    ...A.experts.map((e) => ({ username: e.username, password: e.password, role: 'judge' })),
    { username: A.candidate.username, password: A.candidate.password, role: 'person' },
  ];
  return {
    tx, clock, acting, admin: acting(actorOf(adminRow!)), nomineePersonIds, nominees,
    districtUnitIds: districtRows.map((r) => r.id), industryUnitIds: industryRows.map((r) => r.id), accountsByUsername, selfAccounts, pii, credentials,
  };
}

const districtUsernameAt = (i: number) => `district${String(i + 1).padStart(2, '0')}`;
const industryUsernameAt = (i: number) => `industry${String(i + 1).padStart(2, '0')}`;

function districtUsername(w: DemoSelectionWorld, district: string | null): string {
  const i = SELECTION_DISTRICT_UNITS.findIndex((d) => d.district === district);
  if (i < 0) throw new Error(`no demo district account for ${district}`);
  return districtUsernameAt(i);
}

function industryUsername(w: DemoSelectionWorld, industryId: number | null): string {
  const i = w.industryUnitIds.indexOf(industryId ?? -1);
  if (i < 0) throw new Error('the nominee\'s employer belongs to no industry body');
  return industryUsernameAt(i);
}

function selfUsername(w: DemoSelectionWorld, nominee: number): string {
  const u = w.selfAccounts.get(nominee);
  if (!u) throw new Error(`nominee ${nominee} has no account of their own`);
  return u;
}

/**
 * Each nominating enterprise's unit account: unit01 exists; the others are made here, sharing
 * unit01's published password (and so its hash).
 */
async function unitAccounts(w: DemoSelectionWorld): Promise<Map<number, string>> {
  const existing = await w.tx.select().from(accounts).where(eq(accounts.role, 'unit'));
  const byUnit = new Map(existing.filter((a) => a.unitId != null).map((a) => [a.unitId!, a.username]));
  const unit01 = existing.find((a) => a.username === 'unit01')!;
  const needed = new Set<number>();
  const personUnit = new Map((await w.tx.select({ id: people.id, unitId: people.unitId }).from(people).where(inArray(people.id, w.nomineePersonIds))).map((p) => [p.id, p.unitId]));
  for (const [i, n] of w.nominees.entries()) if (n.channels.includes('unit')) needed.add(personUnit.get(w.nomineePersonIds[i]!)!);
  const missing = [...needed].filter((u) => !byUnit.has(u)).sort((a, b) => a - b);
  if (missing.length) {
    const names = new Map((await w.tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, missing))).map((u) => [u.id, u.name]));
    const now = w.clock.now();
    const rows = await w.tx.insert(accounts).values(missing.map((unitId) => ({
      username: `unit${String(unitId).padStart(3, '0')}`, displayName: names.get(unitId)!, role: 'unit' as const, unitId,
      passwordHash: unit01.passwordHash, createdAt: now, updatedAt: now,
    }))).returning();
    for (const a of rows) {
      byUnit.set(a.unitId!, a.username);
      w.accountsByUsername.set(a.username, actorOf(a));
    }
  }
  for (const a of existing) w.accountsByUsername.set(a.username, actorOf(a));
  return byUnit;
}

/** Closes the open stage and opens the next, as the office would on the console. */
async function advance(ctx: ServiceContext, roundId: number): Promise<void> {
  const r = await getRound(ctx, roundId);
  const open = r.stages.find((s) => s.state === 'open');
  if (!open) throw new Error('the demo round has no open stage');
  await advanceStage(ctx, roundId, { version: r.version, expectStage: open.key });
}

const n2p = (n: DemoNominee, existing: DemoPerson[], fresh: DemoPerson[]) => (n.from === 'existing' ? existing[n.index]! : fresh[n.index]!);

/** Experts' employers: the technician college for most, a few big enterprises (so recusal shows). */
function expertUnitIndex(i: number): number {
  const school = DEMO_UNITS.findIndex((u) => u.name === '江川技师学院');
  const enterprises = DEMO_UNITS.flatMap((u, j) => (u.kind === 'enterprise' ? [j] : []));
  return i % 3 === 2 ? enterprises[i % enterprises.length]! : school;
}

async function insertPeople(tx: Tx, pii: PiiCipher, clock: DemoClock, list: DemoPerson[], unitIds: number[], tradeIds: ReadonlyMap<string, number>) {
  const ctx = { pii };
  const ids: number[] = [];
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500).map((p) => personValues(ctx, {
      name: p.name, gender: p.gender, idNumber: p.idNumber, phone: p.phone, unitId: unitIds[p.unitIndex]!,
      tradeId: tradeIds.get(p.tradeCode) ?? null, level: p.level, frontLine: p.frontLine, yearsInTrade: p.yearsInTrade,
    }));
    ids.push(...(await tx.insert(people).values(chunk).returning({ id: people.id })).map((r) => r.id));
  }
  const quals = list.flatMap((p, i) => p.qualifications.map((q) => ({
    personId: ids[i]!, level: q.level, tradeId: tradeIds.get(q.tradeCode) ?? null, obtainedOn: q.obtainedOn, source: q.source, recordedAt: clock.now(),
  })));
  for (let i = 0; i < quals.length; i += 1000) await tx.insert(qualificationRecords).values(quals.slice(i, i + 1000));
  return ids;
}

// ---------------------------------------------------------------------------------------------
// The round, stage by stage, through the services as the people who did it
// ---------------------------------------------------------------------------------------------

const DESCRIPTIONS: Record<string, string> = {
  prize: '2007年江川市职业技能竞赛获奖', innovation: '主持技术革新，年节约成本二十余万元', patent: '获实用新型专利一项',
  key_problem: '攻克生产线关键工序质量难题', apprentices: '带徒多名，其中数人取得高级工证书', standard: '参与编写企业工艺标准',
  unique_skill: '精密加工绝活，现场演示合格', method: '总结推广先进操作法', quality: '产品合格率创本单位最好水平', honour: '获市级劳动模范称号',
};

/** Deterministic marks: ability, a reviewer's own leaning, and a little noise. */
function sheetFor(rubric: { code: string; kind: 'points' | 'judgement'; max: number }[], ability: number, lean: number, rng: () => number) {
  const marks: Record<string, number> = {};
  for (const c of rubric) {
    const x = Math.min(1, Math.max(0, ability + lean + (rng() - 0.5) * 0.12));
    marks[c.code] = c.kind === 'judgement' ? Math.round(x * 3) : Math.round(x * c.max * 2) / 2;
  }
  return marks;
}

export async function loadDemoSelection(w: DemoSelectionWorld, campaignId: number): Promise<{ roundId: number; summary: Record<string, number> }> {
  const { tx, clock, acting, admin, nominees, nomineePersonIds } = w;
  const rng = mulberry32(0x20090527);
  const as = (username: string) => {
    const a = w.accountsByUsername.get(username);
    if (!a) throw new Error(`the demo selection needs the account ${username}`);
    return acting(a);
  };
  const timing = process.env.DEMO_TIMING ? (label: string) => console.log(`demo selection: ${label} ${Math.round(performance.now() - t0)} ms`) : () => {};
  const t0 = performance.now();
  clock.set(T.created);
  const round = await createRound(admin, { campaignId, ...SELECTION_ROUND });
  const roundId = round.id;

  // --- Nominations (4–12 May) ---------------------------------------------------------------------
  const unitAccount = await unitAccounts(w);
  const personUnit = new Map((await tx.select({ id: people.id, unitId: people.unitId }).from(people).where(inArray(people.id, nomineePersonIds))).map((p) => [p.id, p.unitId]));
  const unitRows = new Map((await tx.select().from(units)).map((u) => [u.id, u]));
  const candidateOf = new Map<number, number>();
  const days = ['2009-05-04', '2009-05-05', '2009-05-06', '2009-05-07', '2009-05-08', '2009-05-11', '2009-05-12'];
  let fileNo = 0;
  const pdf = (what: string) => ({ fileName: `${what}-${++fileNo}.pdf`, buf: demoPdf(`${what} ${fileNo}`) });
  for (const [i, n] of nominees.entries()) {
    clock.set(new Date(`${days[i % days.length]}T${String(9 + (i % 8)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00+08:00`));
    const personId = nomineePersonIds[i]!;
    const unit = unitRows.get(personUnit.get(personId)!)!;
    const claims = n.story === 'no_evidence' || n.story === 'eligible' || n.story === 'returned' || n.story.startsWith('equivalent') || n.story === 'level' || n.story === 'front_line'
      ? n.conditions.map((k) => ({ conditionKey: k, description: DESCRIPTIONS[k] ?? '' })) : [];
    const equivalentSkill = n.story.startsWith('equivalent') ? '长期从事本工种关键岗位操作，技能水平相当于高级工，有单位技术鉴定意见' : undefined;
    let candidateId = 0;
    for (const channel of n.channels) {
      const actorCtx = channel === 'unit' ? as(unitAccount.get(unit.id)!)
        : channel === 'district' ? as(districtUsername(w, unit.district))
          : channel === 'industry' ? as(industryUsername(w, unit.industryId))
            : channel === 'self' ? as(selfUsername(w, i)) : admin;
      const p = (await tx.select({ name: people.name, idNumberEnc: people.idNumberEnc }).from(people).where(eq(people.id, personId)))[0]!;
      const input = channel === 'society'
        ? { idNumber: w.pii.decrypt(p.idNumberEnc), name: p.name, nominator: { name: pick(rng, ['江川市职工技协', '江川日报社', '江川市总工会', '江川市科学技术协会']), org: '', contact: `0571-8${String(6000000 + i).slice(-7)}` } }
        : { personId };
      const r = await nominate(actorCtx, roundId, { ...input, statement: '该同志长期扎根生产一线，技术精湛，业绩突出。', claims, equivalentSkill });
      candidateId = r.candidateId;
    }
    candidateOf.set(i, candidateId);
    const nominator = n.channels[0] === 'self' ? as(selfUsername(w, i)) : n.channels[0] === 'society' ? admin : n.channels[0] === 'unit' ? as(unitAccount.get(unit.id)!) : admin;
    if (n.story !== 'no_evidence') {
      for (const k of n.conditions) await addEvidence(nominator, candidateId, { purpose: 'condition', condition: k }, pdf(k));
    }
    if (equivalentSkill) await addEvidence(nominator, candidateId, { purpose: 'equivalent_skill' }, pdf('equivalent'));
    if (n.channels.includes('self')) await confirmConsent(as(selfUsername(w, i)), candidateId);
    else if (n.story !== 'returned') await addEvidence(nominator, candidateId, { purpose: 'consent' }, pdf('consent'));
  }

  timing('nominations');
  // --- Eligibility (13–14 May): the office verifies everyone; the returned correct and resubmit ---------
  clock.set(T.eligibilityOpens);
  await advance(admin, roundId);
  clock.set(T.verified);
  const decide = async (i: number) => {
    const n = nominees[i]!;
    const c = await candidateView(admin, candidateOf.get(i)!);
    const accepted = c.claims.map((x) => x.conditionKey);
    const [decision, reason] = n.story === 'level' ? ['ineligible', '未取得高级工（国家职业资格三级）及以上证书，且未申报同等技能水平']
      : n.story === 'front_line' ? ['ineligible', '不在生产一线岗位']
        : n.story === 'no_evidence' ? ['ineligible', '申报的业绩条件均无证明材料']
          : n.story === 'equivalent_no' ? ['ineligible', '同等技能水平的证明不足：单位鉴定意见未附操作考核记录']
            : n.story === 'returned' && c.status === 'submitted' && !c.consentKind ? ['returned', '缺少本人签字的同意推荐表，请补充后重新提交']
              : ['eligible', ''];
    await verifyCandidate(admin, c.id, {
      decision: decision as 'eligible', reason, conditionsAccepted: decision === 'eligible' ? accepted : [], version: c.version,
      ...(n.story.startsWith('equivalent') ? { equivalentSkillAccepted: n.story === 'equivalent_yes' ? 'yes' as const : 'no' as const } : {}),
    });
  };
  for (const i of nominees.keys()) await decide(i);
  clock.set(T.corrected);
  for (const [i, n] of nominees.entries()) {
    if (n.story !== 'returned') continue;
    const unit = unitRows.get(personUnit.get(nomineePersonIds[i]!)!)!;
    const nominator = n.channels[0] === 'unit' ? as(unitAccount.get(unit.id)!) : admin;
    const id = candidateOf.get(i)!;
    await addEvidence(nominator, id, { purpose: 'consent' }, pdf('consent'));
    await resubmit(nominator, id, (await candidateView(admin, id)).version);
  }
  clock.set(T.reverified);
  for (const [i, n] of nominees.entries()) if (n.story === 'returned') await decide(i);

  timing('eligibility');
  // --- Exam (16 May) ----------------------------------------------------------------------------------
  clock.set(T.examOpens);
  await advance(admin, roundId);
  await assignExamNumbers(admin, roundId, 'exam', { roomSize: 30 });
  const ability = new Map<number, number>();
  const exam = await examList(admin, roundId, 'exam');
  const lines: { examNumber: string; part: 'theory' | 'practical'; value: number | null }[] = [];
  // candidate01 (the first self-nominee, who signs in to the demo) is among the strongest: their page shows the title.
  const showcase = candidateOf.get([...w.selfAccounts].find(([, u]) => u === SELECTION_ACCOUNTS.candidate.username)![0]);
  for (const [k, row] of exam.rows.entries()) {
    const drawn = demoAbility(rng);
    const a = row.candidateId === showcase ? 0.97 : drawn;
    ability.set(row.candidateId, a);
    const absent = k % 97 === 41 && row.candidateId !== showcase;
    lines.push({ examNumber: row.examNumber!, part: 'theory', value: absent ? null : Math.round(Math.min(99, 100 * a + (rng() - 0.5) * 16) * 2) / 2 });
    lines.push({ examNumber: row.examNumber!, part: 'practical', value: absent ? null : Math.round(Math.min(99, 100 * a + (rng() - 0.5) * 10) * 2) / 2 });
  }
  clock.set(T.scoresImported);
  await setExamScores(admin, roundId, 'exam', lines, { source: 'import' });

  timing('exam');
  // --- Top 200, published; review, re-test and interview; 50; 20 ---------------------------------------
  const cut = async (key: string, at: Date) => {
    clock.set(at);
    await advance(admin, roundId);
    const preview = await previewCut(admin, roundId, key);
    return freezeCut(admin, roundId, key, { hash: preview.hash });
  };
  const top200 = await cut('cut200', T.cut200);
  await publishSelectionNotice(admin, roundId, 'shortlist', {});
  const experts = SELECTION_ACCOUNTS.experts.map((e) => e.username);
  for (const [key, at] of [['review', T.review], ['retest', T.retest], ['interview', T.interview]] as const) {
    clock.set(at);
    await advance(admin, roundId);
    for (let p = 0; p < 3; p++) {
      const members = experts.slice(p * 4, p * 4 + 4).map((u, j) => ({ accountId: w.accountsByUsername.get(u)!.id, chair: j === 0 }));
      await savePanel(admin, roundId, key, { name: `第${'一二三'[p]}评审组`, members });
    }
    await assignCandidates(admin, roundId, key);
    const def = round.rules.stages.find((x) => x.key === key);
    if (def?.kind !== 'panel') throw new Error(`the demo round has no panel stage ${key}`);
    for (const u of experts) {
      const reviewer = as(u);
      const lean = (experts.indexOf(u) % 5 - 2) * 0.025;
      const mine = (await myReviewing(reviewer)).find((x) => x.roundId === roundId && x.stage.key === key)?.candidates ?? [];
      for (const item of mine) {
        if (item.submitted) continue;
        await submitSheet(reviewer, roundId, key, item.candidateId, { marks: sheetFor(def.rubric, ability.get(item.candidateId) ?? 0.7, lean, rng) });
      }
    }
  }
  timing('panels');
  const top50 = await cut('cut50', T.cut50);
  const top20 = await cut('cut20', T.cut20);

  timing('cuts');
  // --- Committee approval, the notice over 端午, final; commendation --------------------------------------
  clock.set(T.approval);
  await advance(admin, roundId);
  for (const m of SELECTION_ACCOUNTS.reviewCommittee.slice(0, 6)) await decideApproval(as(m.username), roundId, { cutId: top20.id, decision: 'approve' });
  clock.set(T.notice);
  await advance(admin, roundId);
  await publishSelectionNotice(admin, roundId, 'experts', {});
  clock.set(T.final);
  await finalizeDueNotices(tx as unknown as Db, clock, w.pii);
  await advance(admin, roundId);
  clock.set(T.commendation);
  const awards = await listAwards(admin, roundId);
  for (const [k, a] of awards.awards.entries()) {
    if (k === awards.awards.length - 1) continue; // one expert's bank details are still awaited
    await setBankDetails(admin, a.id, { bankName: pick(rng, ['中国工商银行江川分行', '中国农业银行江川分行', '中国建设银行江川分行', '江川市农村信用合作联社']), bankAccount: `622202${String(1000000000000 + k * 7919 + 13).slice(-13)}` });
  }
  await issueAwardCertificates(admin, roundId, {});
  await advance(admin, roundId); // the commendation done: the round is finished
  timing('commendation');
  return {
    roundId,
    summary: {
      selectionCandidates: nominees.length, selectionNominations: nominees.reduce((a, n) => a + n.channels.length, 0),
      selectionTop200: top200.selected, selectionTop50: top50.selected, selectionTop20: top20.selected, selectionAwards: awards.awards.length,
    },
  };
}
