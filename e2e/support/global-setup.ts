import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.js';

/**
 * Loads the demo once for the whole browser run: a server starts on an empty template directory
 * (building the client if needed), loads the demo, and stops (checkpointing the database and
 * releasing the directory). Every demo server of the run then starts from a copy of it.
 */
export async function setup(): Promise<() => void> {
  const template = fs.mkdtempSync(path.join(os.tmpdir(), 'skillmonth-e2e-demo-'));
  const started = performance.now();
  const server = await startServer({ dataDir: template, fresh: true, keepDataDir: true });
  await server.stop();
  console.log(`e2e: the demo loaded once into a template in ${Math.round((performance.now() - started) / 1000)} s`);
  process.env.SKILLMONTH_E2E_DEMO_TEMPLATE = template;
  return () => fs.rmSync(template, { recursive: true, force: true });
}
