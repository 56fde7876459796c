import crypto from 'node:crypto';
import os from 'node:os';
import type { Db } from '../../db/client.js';
import { heavyWork, type Semaphore } from './heavy.js';
import {
  claimJobs, completeJob, deleteExpiredJobs, failAbandoned, failJob, onJobAdded, releaseJob, renewLease, scheduleOnce, setProgress,
  type JobFile, type JobRow,
} from './service.js';

export interface RunningJob {
  row: JobRow;
  /** Records progress (throttled: at most a few writes a second). */
  progress(done: number): Promise<void>;
  /** Aborted when the worker stops: finish the current step and throw (the job is given back). */
  signal: AbortSignal;
}

export interface JobOutcome {
  result?: unknown;
  file?: JobFile;
}

export interface JobHandler {
  /** Heavy jobs also need a slot of the process's heavy-work semaphore (shared with large exports). */
  heavy?: boolean;
  run(job: RunningJob): Promise<JobOutcome | void>;
}

/** A failure retrying will not cure (bad payload, the subject gone): the job fails at once with this message. */
export class PermanentJobError extends Error {}

export interface Schedule {
  kind: string;
  everyMs: number;
}

export interface WorkerOptions {
  /** How often the queue is polled when nothing wakes the worker. */
  pollMs?: number;
  leaseMs?: number;
  /** Light jobs (e.g. the notice sweep) run at once per instance, besides heavy ones. */
  concurrency?: number;
  schedules?: Schedule[];
  heavy?: Semaphore;
  retryInMs?: number;
  log?: { error(obj: unknown, msg: string): void };
}

/**
 * One instance's worker: polls the jobs table (and is woken at once by a job added in this
 * process), runs what it claims with bounded concurrency, renews the lease of running jobs, adds
 * each scheduled run once per period (whichever instance gets there first), and deletes expired
 * jobs. Every instance runs one; the database decides who runs what.
 */
export class JobWorker {
  readonly id = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly schedules: Schedule[];
  private readonly heavy: Semaphore;
  private readonly retryInMs: number;
  private readonly log: { error(obj: unknown, msg: string): void };
  private readonly running = new Set<Promise<void>>();
  private lightRunning = 0;
  private stopping = false;
  private abort = new AbortController();
  private loopDone: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  private nextHousekeeping = 0;
  private nextSchedule = new Map<string, number>();
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly db: Db, private readonly handlers: Record<string, JobHandler>, opts: WorkerOptions = {}) {
    this.pollMs = opts.pollMs ?? 1_000;
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.concurrency = opts.concurrency ?? 2;
    this.schedules = opts.schedules ?? [];
    this.heavy = opts.heavy ?? heavyWork;
    this.retryInMs = opts.retryInMs ?? 10_000;
    this.log = opts.log ?? { error: (obj, msg) => console.error(msg, obj) };
  }

  start(): void {
    if (this.loopDone) return;
    this.unsubscribe = onJobAdded(this.db, () => this.wake());
    this.loopDone = this.loop();
  }

  /** Stops claiming, asks running jobs to give up at their next step, and waits for them. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.abort.abort();
    this.wake();
    await this.loopDone;
    await Promise.allSettled([...this.running]);
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.tick();
      } catch (e) {
        if (!this.stopping) this.log.error({ err: e }, 'jobs: worker tick failed');
      }
      if (this.stopping) break;
      if (!this.woken) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, this.pollMs);
          this.wakeUp = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
      this.wakeUp = null;
      this.woken = false;
    }
  }

  private kinds(heavy: boolean): string[] {
    return Object.entries(this.handlers).filter(([, h]) => !!h.heavy === heavy).map(([k]) => k);
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    for (const s of this.schedules) {
      if (now < (this.nextSchedule.get(s.kind) ?? 0)) continue;
      this.nextSchedule.set(s.kind, now + Math.min(s.everyMs / 2, 5_000));
      await scheduleOnce(this.db, s.kind, s.everyMs);
    }
    if (now >= this.nextHousekeeping) {
      this.nextHousekeeping = now + 60_000;
      await failAbandoned(this.db);
      await deleteExpiredJobs(this.db);
    }
    const light = await claimJobs(this.db, this.id, this.kinds(false), this.concurrency - this.lightRunning, this.leaseMs);
    for (const row of light) this.launch(row, null);
    const heavyKinds = this.kinds(true);
    while (heavyKinds.length > 0 && !this.stopping) {
      const release = this.heavy.tryAcquire();
      if (!release) break;
      const [row] = await claimJobs(this.db, this.id, heavyKinds, 1, this.leaseMs);
      if (!row) {
        release();
        break;
      }
      this.launch(row, release);
    }
  }

  private launch(row: JobRow, release: (() => void) | null) {
    if (!release) this.lightRunning++;
    const p = this.execute(row).finally(() => {
      if (release) release();
      else this.lightRunning--;
      this.running.delete(p);
      if (!this.stopping) this.wake();
    });
    this.running.add(p);
  }

  private async execute(row: JobRow): Promise<void> {
    const handler = this.handlers[row.kind]!;
    const beat = setInterval(() => {
      renewLease(this.db, row.id, this.id, this.leaseMs).catch((e: unknown) => this.log.error({ err: e, job: row.id }, 'jobs: lease renewal failed'));
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    let lastProgress = 0;
    const progress = async (done: number) => {
      const t = Date.now();
      if (t - lastProgress < 250 && done < row.total) return;
      lastProgress = t;
      await setProgress(this.db, row.id, this.id, done);
    };
    try {
      const outcome = (await handler.run({ row, progress, signal: this.abort.signal })) ?? {};
      await completeJob(this.db, row.id, this.id, outcome.result ?? null, outcome.file);
    } catch (e) {
      if (this.abort.signal.aborted) {
        await releaseJob(this.db, row.id, this.id).catch(() => {});
        return;
      }
      const message = e instanceof PermanentJobError ? e.message : `生成失败：${(e as Error).message}`;
      if (!(e instanceof PermanentJobError)) this.log.error({ err: e, job: row.id, kind: row.kind }, 'jobs: attempt failed');
      await failJob(this.db, row.id, this.id, message, { retry: !(e instanceof PermanentJobError), retryInMs: this.retryInMs })
        .catch((err: unknown) => this.log.error({ err, job: row.id }, 'jobs: recording the failure failed'));
    } finally {
      clearInterval(beat);
    }
  }
}
