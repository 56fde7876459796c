import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { lockDataDir } from '../db/lock.js';

/** Opens the configured database for a command-line tool (the embedded one only while no server holds it). */
export async function openConfigured() {
  const config = loadConfig({ ...process.env, DEMO: process.env.DEMO ?? '1' });
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const database = await openDatabase({ url: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pgdata'), waitMs: config.dbWaitMs });
  return {
    config,
    database,
    close: async () => {
      await database.close();
      unlock();
    },
  };
}
