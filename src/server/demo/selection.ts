import { eq, inArray } from 'drizzle-orm';
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
import { DEMO_UNITS, demoPeople, demoUnitProfile, type DemoPerson } from './data.js';
import {
  SELECTION_ACCOUNTS as A, SELECTION_DISTRICT_UNITS, SELECTION_INDUSTRY_UNITS, SELECTION_TIMELINE as T, selectionNominees, selectionPeople,
  type DemoNominee,
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
    { username: A.district.username, displayName: A.district.unitName, role: 'unit', unitId: districtRows[0]!.id, passwordHash: await hashOf(A.district.password) },
    { username: A.industry.username, displayName: A.industry.unitName, role: 'unit', unitId: industryRows[0]!.id, passwordHash: await hashOf(A.industry.password) },
    ...await Promise.all(A.reviewCommittee.map(async (m) => ({ username: m.username, displayName: m.displayName, role: 'committee' as const, committeeBody: 'expertReview', passwordHash: await hashOf(m.password) }))),
    // Experts from the technician college and the big enterprises: some must recuse for their own unit's candidates.
    ...await Promise.all(A.experts.map(async (e, i) => ({ username: e.username, displayName: e.displayName, role: 'judge' as const, unitId: unitIds[expertUnitIndex(i)]!, passwordHash: await hashOf(e.password) }))),
  ];
  const existing = demoPeople();
  const selfNominated = nominees.flatMap((n, i) => (n.channels.includes('self') ? [i] : []));
  for (const [k, i] of selfNominated.entries()) {
    const p = n2p(nominees[i]!, existing, fresh);
    rows.push({
      username: k === 0 ? A.candidate.username : `candidate${String(k + 1).padStart(2, '0')}`, displayName: p.name, role: 'person',
      personId: nomineePersonIds[i]!, unitId: null, passwordHash: await hashOf(A.candidate.password),
    });
  }
  const inserted = await tx.insert(accounts).values(rows.map((r) => ({ ...r, createdAt: now, updatedAt: now }))).returning();
  const accountsByUsername = new Map(inserted.map((a) => [a.username, actorOf(a)]));
  const [adminRow] = await tx.select().from(accounts).where(eq(accounts.username, 'admin'));
  accountsByUsername.set('admin', actorOf(adminRow!));

  const credentials = [
    { username: A.district.username, password: A.district.password, role: 'unit' },
    { username: A.industry.username, password: A.industry.password, role: 'unit' },
    ...A.reviewCommittee.map((m) => ({ username: m.username, password: m.password, role: 'committee' })),
    ...A.experts.map((e) => ({ username: e.username, password: e.password, role: 'judge' })),
    { username: A.candidate.username, password: A.candidate.password, role: 'person' },
  ];
  return {
    tx, clock, acting, admin: acting(actorOf(adminRow!)), nomineePersonIds, nominees,
    districtUnitIds: districtRows.map((r) => r.id), industryUnitIds: industryRows.map((r) => r.id), accountsByUsername, credentials,
  };
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
