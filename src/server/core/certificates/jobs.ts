import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { zipSync, type Zippable } from 'fflate';
import type { CertificateJob } from '../../../shared/contracts/certificates.js';
import type { ServiceContext } from '../../context.js';
import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { enqueueJob, findJob, HOUR_MS, jobFile, settledJob, type JobRow } from '../jobs/service.js';
import { jobs } from '../jobs/tables.js';
import { PermanentJobError, type JobHandler } from '../jobs/worker.js';
import { requireActor } from '../../policy.js';
import { presentCertificate, selectCertificates } from './queries.js';
import { renderCertificate } from './render.js';
import { certificateFileName, listCertificates } from './service.js';
import { certificates } from './tables.js';

/**
 * 批量生成: a competition's certificates rendered one by one by a job worker (yielding between
 * files so requests keep being served), then packed as one ZIP (stored: PDFs barely compress).
 * The job, its progress and its ZIP live in the database (jobs, job_files), so whichever instance
 * runs it, the starting account follows and downloads it from any instance, after a restart too.
 * A job and its file are the starting account's only and are deleted an hour after they start;
 * an account has at most ZIP_ACTIVE_LIMIT jobs waiting or running and keeps ZIP_KEPT_LIMIT.
 */
export const ZIP_KIND = 'certificates.zip';
export const ZIP_TTL_MS = HOUR_MS;
export const ZIP_ACTIVE_LIMIT = 2;
export const ZIP_KEPT_LIMIT = 5;

interface ZipPayload {
  competitionId: number;
  certificateIds: number[];
  verifyBase: string;
  fileName: string;
}

function view(row: JobRow): CertificateJob {
  const p = row.payload as unknown as ZipPayload;
  return {
    id: row.id, competitionId: p.competitionId, total: row.total, done: row.done,
    status: row.status === 'done' ? 'done' : row.status === 'failed' ? 'failed' : 'running',
    error: row.status === 'failed' ? (row.error ?? '生成失败') : null,
  };
}

/** Starts rendering every certificate the actor may list for the competition into one ZIP. */
export async function startZipJob(ctx: ServiceContext, competitionId: number, verifyBase: string): Promise<CertificateJob> {
  const list = await listCertificates(ctx, competitionId); // checks who may (organizers; a unit its own)
  if (list.length === 0) throw conflict('该竞赛还没有可打包的证书，请先颁发证书');
  const accountId = ctx.actor!.id;
  const mine = and(eq(jobs.kind, ZIP_KIND), eq(jobs.accountId, accountId));
  const [active] = await ctx.db.select({ n: count() }).from(jobs).where(and(mine, inArray(jobs.status, ['queued', 'running'])));
  if (active!.n >= ZIP_ACTIVE_LIMIT) {
    throw new AppError(429, 'TOO_MANY_JOBS', `已有 ${active!.n} 个证书压缩包正在生成，请等其完成后再开始新的`, undefined, 30);
  }
  // Keep the newest finished ones only: an account cannot fill the database with ZIPs.
  const finished = await ctx.db.select({ id: jobs.id }).from(jobs).where(and(mine, inArray(jobs.status, ['done', 'failed'])))
    .orderBy(asc(jobs.createdAt));
  const drop = finished.slice(0, Math.max(0, finished.length - (ZIP_KEPT_LIMIT - 1))).map((r) => r.id);
  if (drop.length > 0) await ctx.db.delete(jobs).where(inArray(jobs.id, drop));
  const payload: ZipPayload = { competitionId, certificateIds: list.map((c) => c.id), verifyBase, fileName: `${list[0]!.eventName}-证书.zip` };
  const row = await enqueueJob(ctx.db, { kind: ZIP_KIND, payload: payload as unknown as Record<string, unknown>, accountId, total: list.length, ttlMs: ZIP_TTL_MS, maxAttempts: 2 });
  return view(row!);
}

/** The worker's side: renders the listed certificates (as they read now) and stores the ZIP. */
export function zipJobHandler(db: Db): JobHandler {
  return {
    heavy: true,
    async run({ row, progress, signal }) {
      const p = row.payload as unknown as ZipPayload;
      if (!Array.isArray(p.certificateIds) || p.certificateIds.length === 0) throw new PermanentJobError('任务内容无效');
      const rows = await selectCertificates(db, and(eq(certificates.competitionId, p.competitionId), inArray(certificates.id, p.certificateIds)));
      const files: Zippable = {};
      let done = 0;
      for (const r of rows) {
        if (signal.aborted) throw new Error('worker stopping');
        const c = presentCertificate(r);
        files[certificateFileName(c)] = [await renderCertificate(c, p.verifyBase), { level: 0 }];
        await progress(++done);
        await yieldToEventLoop();
      }
      return { result: { files: done }, file: { fileName: p.fileName, contentType: 'application/zip', body: zipSync(files, { level: 0 }) } };
    },
  };
}

async function ownJob(ctx: ServiceContext, jobId: string): Promise<JobRow> {
  const actor = requireActor(ctx);
  const job = await findJob(ctx.db, jobId);
  // Another account's job does not exist for this one.
  if (!job || job.kind !== ZIP_KIND || job.accountId !== actor.id) throw notFound('证书生成任务');
  return job;
}

export async function getZipJob(ctx: ServiceContext, jobId: string): Promise<CertificateJob> {
  return view(await ownJob(ctx, jobId));
}

export async function zipJobFile(ctx: ServiceContext, jobId: string): Promise<{ fileName: string; body: Uint8Array }> {
  const job = await ownJob(ctx, jobId);
  const v = view(job);
  if (v.status === 'failed') throw conflict(v.error ?? '生成失败');
  const file = v.status === 'done' ? await jobFile(ctx.db, jobId) : null;
  if (!file) throw conflict(`证书仍在生成中（${v.done}/${v.total}），请稍后再下载`);
  return { fileName: file.fileName, body: file.body };
}

/** For tests: waits until a job is no longer running. */
export async function settledZipJob(db: Db, jobId: string): Promise<CertificateJob | null> {
  const row = await settledJob(db, jobId);
  return row ? view(row) : null;
}
