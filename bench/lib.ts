import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MarkingSchemeDraft } from '../src/shared/competition/scheme.js';
import { accounts } from '../src/server/core/accounts/tables.js';
import { campaigns } from '../src/server/core/campaign/tables.js';
import { systemClock, type ServiceContext } from '../src/server/context.js';
import { openDatabase } from '../src/server/db/client.js';
import { PiiCipher } from '../src/server/core/pii/cipher.js';
import { trades } from '../src/server/core/trades/tables.js';
/** Prints a benchmark line: our figure beside its baseline from the same run, and the ratio. */
export function report(name: string, ours: { label: string; value: number; unit: string }, base: { label: string; value: number; unit: string }, goal: string) {
  const ratio = ours.value / base.value;
  console.log(`\n## ${name}`);
  console.log(`  ${ours.label.padEnd(44)} ${ours.value.toFixed(1).padStart(12)} ${ours.unit}`);
  console.log(`  ${base.label.padEnd(44)} ${base.value.toFixed(1).padStart(12)} ${base.unit}`);
  console.log(`  ratio (ours / baseline)                      ${ratio.toFixed(2).padStart(12)}    goal: ${goal}`);
  return ratio;
}

export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t = performance.now();
  const result = await fn();
  return { ms: performance.now() - t, result };
}

/** A marking scheme of `aspects` judgement aspects (0–3 by three judges), each worth `each` except the last, which makes up 100. */
export function judgementScheme(aspects: number, each: number): MarkingSchemeDraft {
  const marks = Array.from({ length: aspects }, (_, i) => (i < aspects - 1 ? each : Math.round((100 - each * (aspects - 1)) * 100) / 100));
  return {
    criteria: [{
      code: 'J', name: '评价', subCriteria: [{
        code: 'J1', name: '工艺评价',
        aspects: marks.map((maxMark, i) => ({ code: `J1.${i + 1}`, description: `评价细则 ${i + 1}`, kind: 'judgement' as const, maxMark, levels: ['差', '中', '良', '优'] as [string, string, string, string] })),
      }],
    }],
  };
}

/** A fresh database in a temporary folder with a campaign, a trade (车工) and an admin acting. */
export async function benchDatabase(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const database = await openDatabase({ pgliteDir: path.join(dir, 'pgdata') });
  const db = database.db;
  const pii = new PiiCipher(crypto.randomBytes(32));
  await db.insert(campaigns).values({ name: '基准', theme: '基准', startsOn: '2009-05-01', endsOn: '2009-05-31', organizer: '局', coOrganizers: [], committeeBodies: [], contentAreas: [] });
  const [trade] = await db.insert(trades).values({ code: '车工', name: '车工', levels: [5, 4, 3, 2, 1] }).returning();
  const [admin] = await db.insert(accounts).values({ username: 'admin', displayName: 'admin', role: 'admin', passwordHash: 'x' }).returning();
  const ctx: ServiceContext = { db, pii, clock: systemClock, actor: { id: admin!.id, username: 'admin', displayName: 'admin', role: 'admin', unitId: null, personId: null, committeeBody: null } };
  return { dir, database, db, pii, trade: trade!, ctx };
}
