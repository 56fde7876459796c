import { and, eq } from 'drizzle-orm';
import { CHINA_2009_DAYS } from '../../shared/calendar/china-2009.js';
import { insertAccount } from '../core/accounts/service.js';
import { accounts } from '../core/accounts/tables.js';
import { decideAppeal, lodgeAppeal } from '../competition/appeals/service.js';
import { seedCalendarDays } from '../core/calendar/service.js';
import { issueCertificates } from '../core/certificates/service.js';
import type { Actor, ServiceContext } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { decode } from '../competition/draws/service.js';
import { entries } from '../competition/entries/tables.js';
import { people } from '../core/people/tables.js';
import { decideAmendment } from '../competition/marks/amendments.js';
import { marks } from '../competition/marks/tables.js';
import { finalizeDueNotices } from '../core/notices/finality.js';
import { PerIpLimit } from '../core/notices/limit.js';
import { lodgeObjection, resolveObjection } from '../core/notices/objections.js';
import { publishNotice } from '../core/notices/service.js';
import { noticeObjections } from '../core/notices/tables.js';
import type { PiiCipher } from '../core/pii/cipher.js';
import { computeResults } from '../competition/results/compute.js';
import { currentScheme } from '../competition/schemes/service.js';
import { actorOf, DemoClock } from './competition.js';
import { DEMO_COMPETITIONS } from './competition-data.js';
import { DEMO_APPEALS, DEMO_CONTESTANT, DEMO_NOTICE_TRADES, DEMO_OBJECTION, RESULTS_TIMELINE as T } from './results-data.js';

/**
 * From locked marks to certificates, through the services as the people who did it: the appeals
 * (one upheld → an amendment approved by the chief judge → re-ranked; one dismissed), decoding,
 * the public notice on the 2009 working-day calendar, an objection investigated and dismissed, the
 * sweep that makes results final (writing outcomes and qualification records), certificates.
 */
export async function loadDemoResults(opts: { tx: Tx; pii: PiiCipher; competitionIds: ReadonlyMap<string, number> }) {
  const { tx, pii, competitionIds } = opts;
  const db = tx as unknown as Db;
  const clock = new DemoClock(T.upheldAppealLodged);
  const acting = (actor: Actor): ServiceContext => ({ db, pii, clock, actor, ip: '127.0.0.1' });
  const account = async (username: string) => {
    const [a] = await tx.select().from(accounts).where(eq(accounts.username, username));
    if (!a) throw new Error(`the demo results need the account ${username}`);
    return acting(actorOf(a));
  };
  const admin = await account('admin');
  const committee = await account('committee01');
  const unit01 = await account('unit01');
  await seedCalendarDays(tx, CHINA_2009_DAYS);

  // --- Appeals (车工), the evening of 24 May --------------------------------------------------------
  const lathe = DEMO_COMPETITIONS.find((s) => s.tradeCode === 'T01')!;
  const latheId = competitionIds.get('T01')!;
  const before = await computeResults(tx, latheId);
  const ranked = before.rows.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const [unit01Row] = await tx.select({ unitId: accounts.unitId }).from(accounts).where(eq(accounts.id, unit01.actor!.id));
  const unitEntries = new Set((await tx.select({ id: entries.id }).from(entries)
    .where(and(eq(entries.competitionId, latheId), eq(entries.unitId, unit01Row!.unitId!)))).map((e) => e.id));
  // unit01's best contestant outside the honoured six, and the measurement mark furthest below its maximum.
  const appellant = ranked.find((r) => r.rank! > 6 && unitEntries.has(r.entryId)) ?? ranked.find((r) => unitEntries.has(r.entryId))!;
  const scheme = (await currentScheme(tx, latheId))!;
  const measured = new Map(scheme.aspects.filter((a) => a.kind === 'measurement').map((a) => [a.id, a]));
  const gaps = (await tx.select().from(marks).where(eq(marks.entryId, appellant.entryId)))
    .filter((m) => measured.has(m.aspectId) && m.value < measured.get(m.aspectId)!.maxMark)
    .sort((a, b) => (measured.get(b.aspectId)!.maxMark - b.value) - (measured.get(a.aspectId)!.maxMark - a.value));
  const corrected = gaps[0]!;
  const up = await lodgeAppeal(unit01, latheId, { entryId: appellant.entryId, content: DEMO_APPEALS.upheld.content });

  // The contestant of the dismissed appeal gets an account (role person) to see results and certificates.
  // A contestant who passed both parts below the senior-worker level: the results give them 高级工 and a certificate.
  const levels = new Map((await tx.select({ id: entries.id, level: people.level }).from(entries).innerJoin(people, eq(people.id, entries.personId))
    .where(eq(entries.competitionId, latheId))).map((e) => [e.id, e.level]));
  const other = ranked.find((r) => r.rank! > 10 && r.passedAll && !unitEntries.has(r.entryId) && (levels.get(r.entryId) ?? 5) > 3)!;
  const [otherEntry] = await tx.select({ personId: entries.personId, name: people.name }).from(entries).innerJoin(people, eq(people.id, entries.personId)).where(eq(entries.id, other.entryId));
  // Their own name, as on every account of a person (the page said "参赛选手" instead).
  const created = await insertAccount(tx, { pii, clock }, {
    username: DEMO_CONTESTANT.username, displayName: otherEntry!.name, role: 'person', personId: otherEntry!.personId, password: DEMO_CONTESTANT.password,
  });
  const contestant = acting(actorOf(created.row));
  clock.set(T.dismissedAppealLodged);
  const down = await lodgeAppeal(contestant, latheId, { entryId: other.entryId, content: DEMO_APPEALS.dismissed.content });

  clock.set(T.upheldAppealDecided);
  const decided = await decideAppeal(admin, latheId, up.id, {
    outcome: 'upheld', reason: DEMO_APPEALS.upheld.reason,
    amendment: { part: 'practical', aspectId: corrected.aspectId, judgeId: corrected.judgeId, newValue: measured.get(corrected.aspectId)!.maxMark },
  });
  clock.set(T.amendmentApproved);
  await decideAmendment(await account(lathe.chief), latheId, decided.amendmentId!, { approve: true, note: DEMO_APPEALS.upheld.approvalNote });
  clock.set(T.dismissedAppealDecided);
  await decideAppeal(committee, latheId, down.id, { outcome: 'dismissed', reason: DEMO_APPEALS.dismissed.reason });

  // --- Decoding (25 May), the notice (26 May – 1 June), an objection, finality (2 June) --------------
  clock.set(T.decoding);
  for (const id of competitionIds.values()) await decode(admin, id);
  clock.set(T.noticePublished);
  const noticeIds: number[] = [];
  for (const trade of DEMO_NOTICE_TRADES) {
    const id = competitionIds.get(trade);
    if (id) noticeIds.push((await publishNotice(admin, 'competition-results', id, { workingDays: 5 })).id);
  }
  clock.set(T.objectionLodged);
  await lodgeObjection({ db, pii, clock, actor: null, ip: '127.0.0.1' }, noticeIds[0]!, DEMO_OBJECTION, new PerIpLimit());
  const [objection] = await tx.select({ id: noticeObjections.id }).from(noticeObjections).where(eq(noticeObjections.noticeId, noticeIds[0]!));
  clock.set(T.objectionInvestigating);
  await resolveObjection(admin, noticeIds[0]!, objection!.id, { status: 'investigating', resolution: DEMO_OBJECTION.investigating });
  clock.set(T.objectionDismissed);
  await resolveObjection(admin, noticeIds[0]!, objection!.id, { status: 'dismissed', resolution: DEMO_OBJECTION.dismissed });
  clock.set(T.finality);
  const finals = await finalizeDueNotices(db, clock, pii);
  if (finals.length !== noticeIds.length) throw new Error(`demo: ${finals.length} of ${noticeIds.length} notices became final`);

  // --- Certificates (5 June) ------------------------------------------------------------------------
  clock.set(T.certificates);
  let certificates = 0;
  for (const trade of DEMO_NOTICE_TRADES) {
    const id = competitionIds.get(trade);
    if (id) certificates += (await issueCertificates(admin, id, { issuedOn: '2009-06-05' })).issued;
  }
  return {
    credentials: [{ username: DEMO_CONTESTANT.username, password: DEMO_CONTESTANT.password, role: 'person' }],
    summary: { appeals: 2, notices: noticeIds.length, certificates },
  };
}
