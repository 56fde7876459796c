import { zipJobHandler, ZIP_KIND } from '../certificates/jobs.js';
import type { App, Deps } from '../../http/types.js';
import { finalizeDueNotices } from '../notices/finality.js';
import { JobWorker, type JobHandler, type WorkerOptions } from './worker.js';

export const NOTICE_SWEEP_KIND = 'notices.finalize';

export interface JobsOptions extends Omit<WorkerOptions, 'schedules'> {
  /** How often due notices are made final (once per period across instances). Default 60 s. */
  noticeSweepMs?: number;
}

/**
 * Gives the app its job worker (started when the app is ready, stopped when it closes): certificate
 * ZIPs, and the scheduled sweep that makes notices final when their period ends even if nobody
 * reads them (every read also sweeps first).
 */
export function installJobWorker(app: App, deps: Deps, opts: JobsOptions = {}): JobWorker {
  const db = deps.database.db;
  const handlers: Record<string, JobHandler> = {
    [ZIP_KIND]: zipJobHandler(db),
    [NOTICE_SWEEP_KIND]: { run: async () => ({ result: { finalized: await finalizeDueNotices(db, deps.clock, deps.pii) } }) },
  };
  const worker = new JobWorker(db, handlers, {
    log: { error: (obj, msg) => app.log.error(obj, msg) },
    ...opts,
    schedules: [{ kind: NOTICE_SWEEP_KIND, everyMs: opts.noticeSweepMs ?? 60_000 }],
  });
  app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());
  return worker;
}
