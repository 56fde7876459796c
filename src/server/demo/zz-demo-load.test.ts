import { expect, it } from 'vitest';
import { bootstrap } from '../bootstrap.js';
import { makeTestEnv } from '../test/harness.js';
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
it('loads', async () => {
  const env = await makeTestEnv();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'd-'));
  const t = performance.now();
  try {
    await bootstrap({ db: env.database.db, pii: env.pii, clock: env.clock, demo: true, adminPassword: 'Demo-admin-2009', dataDir });
  } catch (e) { console.log('FAILED', e); throw e; }
  console.log('demo loaded in', Math.round(performance.now() - t), 'ms');
  await env.close();
}, 900_000);
