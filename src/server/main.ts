import path from 'node:path';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { systemClock } from './context.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError, lockDataDir } from './db/lock.js';
import { loadMasterKey, PiiCipher } from './core/pii/cipher.js';

async function main() {
  const started = performance.now();
  const config = loadConfig();
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const database = await openDatabase({ url: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pgdata'), waitMs: config.dbWaitMs });
  const pii = new PiiCipher(loadMasterKey({ secretKey: config.secretKey, dataDir: config.dataDir }));
  const boot = await bootstrap({ db: database.db, pii, clock: systemClock, demo: config.demo, adminPassword: config.adminPassword, dataDir: config.dataDir });
  const app = await buildApp({ database, pii, cookieSecure: config.cookieSecure, trustProxy: config.trustProxy, logger: { level: config.logLevel } });

  // Background work (certificate ZIPs, the sweep that makes due notices final) runs in the app's
  // job worker, on the database's job queue: see src/server/core/jobs.

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal}: closing…`);
    // Should closing hang (a stuck request), still release the lock and go within 10 s.
    setTimeout(() => {
      console.error('skillmonth: closing took over 10 s, exiting anyway');
      unlock();
      process.exit(1);
    }, 10_000).unref();
    try {
      await app.close();
      await database.close();
    } finally {
      unlock();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP')); // a closed terminal or a service manager's stop

  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  const lines = [
    '',
    `技能月 skillmonth is running at ${url}`,
    `  public site  ${url}/`,
    `  console      ${url}/admin`,
    `  API docs     ${url}/api/docs`,
    `  database     ${database.kind === 'pglite' ? `PGlite in ${path.join(config.dataDir, 'pgdata')}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  ready in ${Math.round(performance.now() - started)} ms`,
  ];
  if (boot.demoLoaded) lines.push('  demo campaign loaded (2009 技能月)');
  if (boot.demoCredentials) {
    lines.push('  demo accounts (username / password):');
    for (const c of boot.demoCredentials) lines.push(`    ${c.role.padEnd(10)} ${c.username} / ${c.password}`);
  } else if (boot.adminCreated) lines.push('  admin account created with ADMIN_PASSWORD');
  console.log(lines.join('\n') + '\n');
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(`skillmonth: ${e.message}`);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
