import { and, asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { checkPartScore } from '../../shared/competition/marks.js';
import { CompetitionInput } from '../../shared/contracts/competitions.js';
import { accounts } from '../core/accounts/tables.js';
import { recordAudit } from '../core/audit/service.js';
import { competitionRow } from '../competition/competitions/policy.js';
import { addStaff, changeRegistration, createCompetition } from '../competition/competitions/service.js';
import type { Actor, Clock, ServiceContext } from '../context.js';
import type { Db, Tx } from '../db/client.js';
import { rowsOf } from '../db/sql-helpers.js';
import { commitDrawSeed, runDraw } from '../competition/draws/service.js';
import { examNumberOf } from '../competition/entries/service.js';
import { entries } from '../competition/entries/tables.js';
import { loadPanels } from '../competition/judging/panels.js';
import { assignJudges, declareConflict } from '../competition/judging/service.js';
import { buildMarkEvents, lastMarkEvent, lockMarkChain, type MarkEvent } from '../competition/marks/chain.js';
import { WHOLE } from '../competition/marks/policy.js';
import { confirmSpread, signOff, startMarking } from '../competition/marks/progress.js';
import { markEvents, marks, partScores } from '../competition/marks/tables.js';
import { completionTimes } from '../competition/results/tables.js';
import type { PiiCipher } from '../core/pii/cipher.js';
import { currentScheme, saveScheme } from '../competition/schemes/service.js';
import {
  competitionName, DEMO_COMPETITIONS, DEMO_CONFLICTS, DEMO_JUDGE_PASSWORD, DEMO_JUDGES, DEMO_SPREAD, DEMO_TIMELINE, findPerson,
  generateMarks, markTime, type DemoCompetitionSpec,
} from './competition-data.js';
import type { DemoPerson } from './data.js';

/** The demo's clock: set to each step's moment in May 2009 (see DEMO_TIMELINE). */
export class DemoClock implements Clock {
  constructor(private t: Date) {}
  now() {
    return new Date(this.t);
  }
  set(t: Date | number) {
    this.t = new Date(t);
  }
}

export const actorOf = (a: typeof accounts.$inferSelect): Actor => ({
  id: a.id, username: a.username, displayName: a.displayName, role: a.role, unitId: a.unitId, personId: a.personId, committeeBody: a.committeeBody,
});

const HOUR = 3_600_000;
const CHUNK = 5000;

/**
 * Inserts many rows in one statement with one parameter (the rows as a JSON array): a statement
 * costs PGlite about a millisecond whatever its size, and a multi-row VALUES with a parameter per
 * field is slower still. Dates go as ISO strings; every row names the same fields.
 */
async function insertRows<T extends PgTable>(tx: Tx, table: T, rows: readonly T['$inferInsert'][], returning?: SQL) {
  if (rows.length === 0) return [];
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(([key]) => key in rows[0]!);
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(columns.map(([key]) => {
    const v = (r as Record<string, unknown>)[key];
    return [key, v instanceof Date ? v.toISOString() : v];
  }))));
  const list = (f: (c: [string, PgColumn]) => SQL) => sql.join(columns.map(f), sql`, `);
  return rowsOf<Record<string, unknown>>(tx, sql`insert into ${table} (${list(([, c]) => sql`${sql.identifier(c.name)}`)})
    select ${list(([key]) => sql`${sql.identifier(key)}`)}
    from json_to_recordset(${json}::json) as x(${list(([key, c]) => sql`${sql.identifier(key)} ${sql.raw(c.getSQLType())}`)})
    ${returning ? sql`returning ${returning}` : sql``}`);
}

export interface DemoCompetitionSummary {
  competitions: number;
  entries: number;
  judges: number;
  marks: number;
  events: number;
}

/**
 * The 2009 competition, 22–24 May, loaded into the demo's transaction after the people and the
 * demo accounts: per trade of the demo people a competition with its scheme, every person entered
 * and approved, judge accounts with declared conflicts, teams and substitutes, a real draw, the
 * marks of every panel seat and the theory scores, one spread confirmed by the chief judge, and the
 * sign-offs that lock it. Nothing is decoded: decoding is a person's audited act.
 *
 * The steps go through the services — set-up, schemes, registration status, staff, conflicts,
 * teams, the draw (its seed committed, so codes and stations are real), the start of marking, the
 * spread confirmation and the sign-offs — as the admin, the judges and the chief judges; their
 * transactions are savepoints of `tx`. What comes per contestant goes in bulk, because PGlite
 * spends about a millisecond a statement and the services take a few per row: the entries (as
 * registered and approved, with the services' exam numbers and audit entries), the marks and the
 * theory scores (with their hash-chained events, exactly what submitMark and setPartScores write).
 */
export async function loadDemoCompetitions(opts: {
  tx: Tx;
  pii: PiiCipher;
  people: readonly DemoPerson[];
  /** The people's, units' and trades' database ids, in demo order. */
  personIds: readonly number[];
  unitIds: readonly number[];
  tradeIds: ReadonlyMap<string, number>;
}): Promise<{ credentials: { username: string; password: string; role: string }[]; summary: DemoCompetitionSummary; competitionIds: Map<string, number> }> {
  const { tx, pii, people, personIds, unitIds, tradeIds } = opts;
  // Every service call runs on the demo's transaction: PGlite has a single connection.
  const db = tx as unknown as Db;
  const clock = new DemoClock(DEMO_TIMELINE.setUp);
  const acting = (actor: Actor): ServiceContext => ({ db, pii, clock, actor });
  const account = async (username: string) => {
    const [a] = await tx.select().from(accounts).where(eq(accounts.username, username));
    if (!a) throw new Error(`the demo competition needs the account ${username}`);
    return a;
  };
  const admin = acting(actorOf(await account('admin')));
  const unit01 = acting(actorOf(await account('unit01')));
  const judge01 = await account('judge01');

  const specs = DEMO_COMPETITIONS.filter((s) => people.some((p) => p.tradeCode === s.tradeCode));
  const missing = [...new Set(people.map((p) => p.tradeCode))].filter((t) => !specs.some((s) => s.tradeCode === t));
  if (missing.length) throw new Error(`no demo competition for the trades ${missing.join(', ')}`);

  // --- Set-up (28 April – 4 May): the competitions, their schemes, registration opened ------------
  const ids = new Map<DemoCompetitionSpec, number>();
  for (const s of specs) {
    clock.set(DEMO_TIMELINE.setUp);
    const c = await createCompetition(admin, CompetitionInput.parse({
      tradeId: tradeIds.get(s.tradeCode), level: 3, name: competitionName(s.tradeName), startsOn: '2009-05-22', endsOn: '2009-05-24',
      venue: s.venue, stations: s.stations, codePrefix: s.codePrefix,
      registrationOpensAt: DEMO_TIMELINE.registrationOpens.toISOString(), registrationClosesAt: DEMO_TIMELINE.registrationCloses.toISOString(),
      parts: s.parts.map((p) => ({ ...p })),
    }));
    ids.set(s, c.id);
    clock.set(DEMO_TIMELINE.schemes);
    await saveScheme(admin, c.id, s.scheme);
  }
  clock.set(DEMO_TIMELINE.registrationOpens);
  for (const id of ids.values()) await changeRegistration(admin, id, 'registration', (await competitionRow(tx, id)).version);

  // --- Registration (5–11 May) and approval (13 May) ---------------------------------------------
  // unit01 registers its own people; the other units send lists that the committee enters in one
  // batch a day (代为报名), seven units a day. Everyone is approved; exam numbers in the people's order.
  const unitOrder = [...new Set(people.map((p) => p.unitIndex))];
  const dayOf = new Map(unitOrder.map((u, k) => [u, Math.floor(k / 7)]));
  const registered = (unitIndex: number) => {
    const day = DEMO_TIMELINE.registrationFrom.getTime() + dayOf.get(unitIndex)! * 24 * HOUR;
    return unitIndex === 0 ? { by: unit01, at: new Date(day) } : { by: admin, at: new Date(day + 7 * HOUR) };
  };
  const entryRows: (typeof entries.$inferInsert)[] = [];
  for (const s of specs) {
    const id = ids.get(s)!;
    let n = 0;
    people.forEach((p, i) => {
      if (p.tradeCode !== s.tradeCode) return;
      const r = registered(p.unitIndex);
      entryRows.push({
        competitionId: id, personId: personIds[i]!, unitId: unitIds[p.unitIndex]!, status: 'approved', registeredBy: r.by.actor!.id, registeredAt: r.at,
        decidedBy: admin.actor!.id, decidedAt: DEMO_TIMELINE.approval, examNumber: examNumberOf(s.codePrefix, id, ++n),
      });
    });
  }
  const inserted = await insertRows(tx, entries, entryRows, sql`id, person_id as "personId"`);
  const entryOf = new Map(inserted.map((r) => [r.personId as number, r.id as number]));
  // The audit trail the services leave: each batch registered, then closed and approved.
  const batches = new Map<string, { ctx: ServiceContext; at: Date; competitionId: number; entryIds: number[]; personIds: number[] }>();
  for (const e of entryRows) {
    const unitIndex = unitIds.indexOf(e.unitId);
    const r = registered(unitIndex);
    const key = `${r.at.getTime()}:${r.by.actor!.id}:${e.competitionId}`;
    const b = batches.get(key) ?? { ctx: r.by, at: r.at, competitionId: e.competitionId, entryIds: [], personIds: [] };
    b.entryIds.push(entryOf.get(e.personId)!);
    b.personIds.push(e.personId);
    batches.set(key, b);
  }
  for (const b of [...batches.values()].sort((x, y) => x.at.getTime() - y.at.getTime() || x.competitionId - y.competitionId)) {
    clock.set(b.at);
    await recordAudit(tx, b.ctx, { action: 'entry.register', entity: 'competition', entityId: b.competitionId, after: { entryIds: b.entryIds, personIds: b.personIds } });
  }
  clock.set(DEMO_TIMELINE.registrationCloses);
  for (const id of ids.values()) await changeRegistration(admin, id, 'closed', (await competitionRow(tx, id)).version);
  clock.set(DEMO_TIMELINE.approval);
  for (const id of ids.values()) {
    const entryIds = entryRows.filter((e) => e.competitionId === id).map((e) => entryOf.get(e.personId)!);
    await recordAudit(tx, admin, { action: 'entry.approved', entity: 'competition', entityId: id, after: { entryIds, decision: 'approved' } });
  }

  // --- Judges (14–18 May): accounts, staff, declared conflicts, marking teams ---------------------
  clock.set(DEMO_TIMELINE.judgeAccounts);
  // The demo judges share judge01's (published) password, so they share its argon2 hash too: a
  // hash takes most of a second, and the demo's first start should not wait for thirty of them.
  const judgeRows = await tx.insert(accounts).values(DEMO_JUDGES.map((j) => ({
    username: j.username, displayName: j.displayName, role: 'judge' as const, unitId: unitIds[j.unitIndex]!,
    passwordHash: judge01.passwordHash, createdAt: clock.now(), updatedAt: clock.now(),
  }))).returning();
  const judges = new Map([judge01, ...judgeRows].map((a) => [a.username, actorOf(a)]));
  const judgeId = (username: string) => {
    const j = judges.get(username);
    if (!j) throw new Error(`unknown demo judge ${username}`);
    return j.id;
  };
  clock.set(DEMO_TIMELINE.staff);
  for (const s of specs) {
    const id = ids.get(s)!;
    for (const t of s.teams) for (const j of t.judges) await addStaff(admin, id, { accountId: judgeId(j), role: 'judge' });
    await addStaff(admin, id, { accountId: judgeId(s.chief), role: 'chief' });
    for (const j of s.substitutes) await addStaff(admin, id, { accountId: judgeId(j), role: 'substitute' });
    await addStaff(admin, id, { accountId: admin.actor!.id, role: 'decoder' });
  }
  clock.set(DEMO_TIMELINE.conflicts);
  for (const c of DEMO_CONFLICTS) {
    const j = judges.get(c.username)!;
    await declareConflict(acting(j), j.id, c.kind === 'unit'
      ? { kind: 'unit', unitId: unitIds[c.unitIndex]!, reason: c.reason, note: c.note }
      : { kind: 'person', personId: personIds[findPerson(people, c.person)]!, reason: c.reason, note: c.note });
  }
  clock.set(DEMO_TIMELINE.assignments);
  for (const s of specs) {
    const id = ids.get(s)!;
    const scheme = (await currentScheme(tx, id))!;
    for (const t of s.teams) {
      const aspectIds = scheme.aspects.filter((a) => t.criteria.includes(a.criterionCode)).map((a) => a.id);
      await assignJudges(admin, id, { aspectIds, judgeIds: t.judges.map(judgeId) });
    }
  }

  // --- The draw: the seed committed on the 20th, drawn on the 22nd; marking starts -----------------
  clock.set(DEMO_TIMELINE.drawCommit);
  for (const id of ids.values()) await commitDrawSeed(admin, id);
  for (const id of ids.values()) {
    clock.set(DEMO_TIMELINE.draw);
    await runDraw(admin, id);
    clock.set(DEMO_TIMELINE.markingStarts);
    await startMarking(admin, id);
  }

  // --- Marks (22–24 May) and theory scores, in bulk; the spread confirmation; the sign-offs --------
  const personIndex = new Map(personIds.map((id, i) => [id, i]));
  let markCount = 0;
  let eventCount = 0;
  let entryCount = 0;
  for (const s of specs) {
    const id = ids.get(s)!;
    const scheme = (await currentScheme(tx, id))!;
    const panels = await loadPanels(tx, id, scheme);
    const list = await tx.select({ id: entries.id, personId: entries.personId, examNumber: entries.examNumber, code: entries.code, station: entries.station, round: entries.round })
      .from(entries).where(and(eq(entries.competitionId, id), eq(entries.status, 'approved'))).orderBy(asc(entries.examNumber));
    entryCount += list.length;
    const generated = generateMarks(s, list.map((e) => people[personIndex.get(e.personId)!]!));

    const markRows: (typeof marks.$inferInsert)[] = [];
    const events: { event: MarkEvent; at: Date; actorId: number; order: number }[] = [];
    list.forEach((e, i) => {
      for (const a of scheme.aspects) {
        const panel = panels.panel(e.id, a.id)!;
        if (panel.short) throw new Error(`demo panel short: ${s.tradeName} ${e.examNumber} ${a.code}`);
        const values = generated[i]!.aspects.get(a.code)!;
        panel.panel.forEach((judge, seat) => {
          const at = markTime(e.round!, e.station!, a, seat);
          const value = values[seat]!;
          markRows.push({ competitionId: id, entryId: e.id, aspectId: a.id, judgeId: judge, value, version: 1, source: 'judge', updatedAt: at });
          events.push({
            event: { kind: 'mark', entryId: e.id, aspectId: a.id, judgeId: judge, value, previousValue: null, version: 1, source: 'judge' },
            at, actorId: judge, order: events.length,
          });
        });
      }
    });
    // The chain in the order the marks came in, then the theory scores keyed in on the last evening.
    events.sort((x, y) => x.at.getTime() - y.at.getTime() || x.order - y.order);
    const theoryRows: (typeof partScores.$inferInsert)[] = list.map((e, i) => {
      const value = generated[i]!.theory;
      const bad = checkPartScore(value);
      if (bad) throw new Error(`demo theory score ${e.examNumber} = ${value}: ${bad}`);
      return { competitionId: id, entryId: e.id, part: 'theory', value, version: 1, source: 'entry', updatedAt: DEMO_TIMELINE.theoryScores };
    });
    for (const r of theoryRows) {
      events.push({
        event: { kind: 'part_score', entryId: r.entryId, part: r.part, value: r.value, previousValue: null, version: 1, source: r.source },
        at: DEMO_TIMELINE.theoryScores, actorId: admin.actor!.id, order: events.length,
      });
    }
    // The completion times, keyed in by the station staff at each session's end.
    const timeRows: (typeof completionTimes.$inferInsert)[] = list.map((e, i) => ({
      competitionId: id, entryId: e.id, seconds: generated[i]!.seconds, version: 1, recordedBy: admin.actor!.id, updatedAt: DEMO_TIMELINE.theoryScores,
    }));
    for (const r of timeRows) {
      events.push({
        event: { kind: 'completion_time', entryId: r.entryId, value: r.seconds, previousValue: null, version: 1, source: 'entry' },
        at: DEMO_TIMELINE.theoryScores, actorId: admin.actor!.id, order: events.length,
      });
    }
    await lockMarkChain(tx, id);
    const eventRows = buildMarkEvents(id, await lastMarkEvent(tx, id), events);
    for (let i = 0; i < markRows.length; i += CHUNK) await insertRows(tx, marks, markRows.slice(i, i + CHUNK));
    await insertRows(tx, partScores, theoryRows);
    await insertRows(tx, completionTimes, timeRows);
    for (let i = 0; i < eventRows.length; i += CHUNK) await insertRows(tx, markEvents, eventRows.slice(i, i + CHUNK));
    clock.set(DEMO_TIMELINE.theoryScores);
    await recordAudit(tx, admin, { action: 'marks.part_scores', entity: 'competition', entityId: id, after: { rows: theoryRows.length, changed: theoryRows.length, source: 'entry' } });
    markCount += markRows.length;

    const chief = acting(judges.get(s.chief)!);
    if (s.tradeCode === DEMO_SPREAD.tradeCode) {
      clock.set(DEMO_TIMELINE.spreadConfirmation);
      const aspect = scheme.aspects.find((a) => a.code === DEMO_SPREAD.aspectCode)!;
      await confirmSpread(chief, id, { code: list[DEMO_SPREAD.entryIndex]!.code!, aspectId: aspect.id, reason: DEMO_SPREAD.reason });
    }
    // The whole competition at once: every criterion is signed (a row and an event each), then the
    // whole, which locks the marks. (One call: each sign-off recomputes the progress twice.)
    clock.set(DEMO_TIMELINE.signOff);
    await signOff(chief, id, WHOLE);
    eventCount += (await lastMarkEvent(tx, id))?.seq ?? 0;
  }

  return {
    credentials: DEMO_JUDGES.map((j) => ({ username: j.username, password: DEMO_JUDGE_PASSWORD, role: 'judge' })),
    summary: { competitions: specs.length, entries: entryCount, judges: judges.size, marks: markCount, events: eventCount },
    competitionIds: new Map([...ids].map(([s, id]) => [s.tradeCode, id])),
  };
}
