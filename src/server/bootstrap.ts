import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { accounts } from './core/accounts/tables.js';
import { insertAccount } from './core/accounts/service.js';
import { recordAudit } from './core/audit/service.js';
import { campaigns } from './core/campaign/tables.js';
import type { Clock } from './context.js';
import type { Db } from './db/client.js';
import { loadDemo } from './demo/load.js';
import type { PiiCipher } from './core/pii/cipher.js';

export interface BootstrapResult {
  adminCreated: boolean;
  /** Set in demo mode: the admin password and the demo accounts, to print. */
  demoCredentials: { username: string; password: string; role: string }[] | null;
  demoLoaded: boolean;
}

/**
 * First start: makes the `admin` account (ADMIN_PASSWORD, or in demo mode a generated password
 * kept in DATA_DIR/demo-credentials.json) and, in demo mode on an empty database, the demo campaign.
 */
export async function bootstrap(opts: { db: Db; pii: PiiCipher; clock: Clock; demo: boolean; adminPassword?: string; dataDir: string }): Promise<BootstrapResult> {
  const { db, pii, clock } = opts;
  const credFile = path.join(opts.dataDir, 'demo-credentials.json');
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(accounts).where(eq(accounts.username, 'admin'));
  let adminCreated = false;
  let adminPassword = opts.adminPassword;
  if (n === 0) {
    adminPassword ??= `Admin-${crypto.randomBytes(6).toString('base64url')}9`;
    await db.transaction(async (tx) => {
      const { row } = await insertAccount(tx, { pii, clock }, { username: 'admin', displayName: '系统管理员', role: 'admin', password: adminPassword });
      await recordAudit(tx, { actor: null, clock }, { action: 'account.create', entity: 'account', entityId: row.id, after: { username: 'admin', role: 'admin' } });
    });
    adminCreated = true;
  }
  let demoLoaded = false;
  let demoCredentials: BootstrapResult['demoCredentials'] = null;
  if (opts.demo) {
    const [{ c } = { c: 0 }] = await db.select({ c: count() }).from(campaigns);
    if (c === 0) {
      const others = await loadDemo({ db, pii, clock });
      demoLoaded = true;
      demoCredentials = [{ username: 'admin', password: adminPassword!, role: 'admin' }, ...others];
      fs.mkdirSync(opts.dataDir, { recursive: true });
      fs.writeFileSync(credFile, JSON.stringify(demoCredentials, null, 2), { mode: 0o600 });
    } else if (fs.existsSync(credFile)) {
      demoCredentials = JSON.parse(fs.readFileSync(credFile, 'utf8'));
    }
  }
  return { adminCreated, demoCredentials, demoLoaded };
}
