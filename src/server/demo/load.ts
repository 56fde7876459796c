import { insertAccount } from '../core/accounts/service.js';
import { recordAudit } from '../core/audit/service.js';
import { campaignActivities, campaignDocuments, campaigns } from '../core/campaign/tables.js';
import type { Clock } from '../context.js';
import type { Db } from '../db/client.js';
import { personValues } from '../core/people/service.js';
import { people, qualificationRecords } from '../core/people/tables.js';
import type { PiiCipher } from '../core/pii/cipher.js';
import { trades } from '../core/trades/tables.js';
import { insertUnits } from '../core/units/service.js';
import { loadDemoCompetitions } from './competition.js';
import { loadDemoResults } from './results.js';
import { loadDemoSelection, prepareDemoSelection } from './selection.js';
import { selectionPeople } from './selection-data.js';
import { loadDemoTraining, prepareDemoTraining } from './training.js';
import { DEMO_ACCOUNTS, DEMO_CAMPAIGN, DEMO_TRADES, DEMO_UNITS, demoPeople } from './data.js';

/**
 * Loads the 2009 Skills Month into an empty database, in one transaction: the campaign with its
 * plan and documents, trades, units, 980 people with qualification records, demo accounts, and
 * the skills competition of 22–24 May (competition.ts: entries, judges, the draw, marks, locked),
 * the Technical Expert selection (selection.ts) and the training programmes (training.ts: classes,
 * 1,292 trainees, sessions, attendance, business plans).
 * The data is deterministic; only the encryption (random IVs) and the draw's seed differ between runs.
 * Needs the `admin` account (bootstrap makes it first).
 */
export async function loadDemo(opts: { db: Db; pii: PiiCipher; clock: Clock }) {
  const { db, pii, clock } = opts;
  const ctx = { pii, clock };
  return db.transaction(async (tx) => {
    const { activities, documents, ...c } = DEMO_CAMPAIGN;
    const [campaign] = await tx.insert(campaigns).values(c).returning();
    await tx.insert(campaignActivities).values(activities.map((a, i) => ({ ...a, campaignId: campaign!.id, position: i })));
    await tx.insert(campaignDocuments).values(documents.map((d) => ({ ...d, campaignId: campaign!.id })));

    const tradeRows = await tx.insert(trades).values(DEMO_TRADES).returning();
    const tradeId = new Map(tradeRows.map((t) => [t.code, t.id]));
    const unitRows = await insertUnits(tx, ctx, DEMO_UNITS);

    const list = demoPeople();
    const ids: number[] = [];
    for (let i = 0; i < list.length; i += 500) {
      const chunk = list.slice(i, i + 500).map((p) => personValues(ctx, {
        name: p.name, gender: p.gender, idNumber: p.idNumber, phone: p.phone, unitId: unitRows[p.unitIndex]!.id,
        tradeId: tradeId.get(p.tradeCode) ?? null, level: p.level, frontLine: p.frontLine, yearsInTrade: p.yearsInTrade,
      }));
      const rows = await tx.insert(people).values(chunk).returning({ id: people.id });
      ids.push(...rows.map((r) => r.id));
    }
    const quals = list.flatMap((p, i) => p.qualifications.map((q) => ({
      personId: ids[i]!, level: q.level, tradeId: tradeId.get(q.tradeCode) ?? null, obtainedOn: q.obtainedOn, source: q.source, recordedAt: clock.now(),
    })));
    for (let i = 0; i < quals.length; i += 1000) await tx.insert(qualificationRecords).values(quals.slice(i, i + 1000));

    const credentials: { username: string; password: string; role: string }[] = [];
    for (const a of DEMO_ACCOUNTS) {
      if (a.role === 'admin') continue;
      await insertAccount(tx, ctx, {
        username: a.username, displayName: a.displayName, role: a.role, password: a.password,
        unitId: a.unitIndex !== undefined ? unitRows[a.unitIndex]!.id : undefined,
        committeeBody: a.committeeBody as never,
      });
      credentials.push({ username: a.username, password: a.password, role: a.role });
    }
    const competition = await loadDemoCompetitions({ tx, pii, people: list, personIds: ids, unitIds: unitRows.map((u) => u.id), tradeIds: tradeId });
    credentials.push(...competition.credentials);
    const results = await loadDemoResults({ tx, pii, competitionIds: competition.competitionIds });
    credentials.push(...results.credentials);
    const world = await prepareDemoSelection({ tx, pii, unitIds: unitRows.map((u) => u.id), tradeIds: tradeId, existingPersonIds: ids });
    const selection = await loadDemoSelection(world, campaign!.id);
    credentials.push(...world.credentials);
    const t0 = performance.now();
    const taken = [...list, ...selectionPeople()];
    const trainingWorld = await prepareDemoTraining({
      tx, pii, tradeIds: tradeId, taken: { ids: taken.map((p) => p.idNumber), phones: [...taken.map((p) => p.phone), ...DEMO_UNITS.map((u) => u.contactPhone)] },
    });
    if (process.env.DEMO_TIMING) console.log(`demo training: units, trainees and accounts ${Math.round(performance.now() - t0)} ms`);
    const training = await loadDemoTraining(trainingWorld, campaign!.id);
    credentials.push(...trainingWorld.credentials);
    await recordAudit(tx, { actor: null, clock }, {
      action: 'demo.load', entity: 'campaign', entityId: campaign!.id,
      after: { units: unitRows.length, people: ids.length, trades: tradeRows.length, accounts: credentials.length, ...competition.summary, ...results.summary, ...selection.summary, ...training.summary },
    });
    return credentials;
  });
}
