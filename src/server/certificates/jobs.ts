import crypto from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { zipSync, type Zippable } from 'fflate';
import type { Certificate, CertificateJob } from '../../shared/contracts/certificates.js';
import type { ServiceContext } from '../context.js';
import { conflict, notFound } from '../http/errors.js';
import { requireActor } from '../policy.js';
import { renderCertificate } from './render.js';
import { certificateFileName, listCertificates } from './service.js';

/**
 * 批量生成: a competition's certificates rendered one by one in the background (yielding between
 * files so requests keep being served), then packed as one ZIP (stored: PDFs barely compress).
 * Progress lives in memory; a job and its file are the starting account's only, and are dropped
 * an hour after they start.
 */
interface Job {
  view: CertificateJob;
  accountId: number;
  startedAt: number;
  fileName: string;
  zip: Uint8Array | null;
}

const JOB_TTL_MS = 60 * 60 * 1000;
const jobs = new Map<string, Job>();

function dropExpired(now: number) {
  for (const [id, j] of jobs) if (now - j.startedAt > JOB_TTL_MS) jobs.delete(id);
}

async function run(job: Job, list: Certificate[], verifyBase: string) {
  try {
    const files: Zippable = {};
    for (const c of list) {
      files[certificateFileName(c)] = [await renderCertificate(c, verifyBase), { level: 0 }];
      job.view.done++;
      await yieldToEventLoop();
    }
    job.zip = zipSync(files, { level: 0 });
    job.view.status = 'done';
  } catch (e) {
    job.view.status = 'failed';
    job.view.error = `生成失败：${(e as Error).message}`;
  }
}

/** Starts rendering every certificate the actor may list for the competition into one ZIP. */
export async function startZipJob(ctx: ServiceContext, competitionId: number, verifyBase: string): Promise<CertificateJob> {
  const list = await listCertificates(ctx, competitionId); // checks who may (organizers; a unit its own)
  if (list.length === 0) throw conflict('该竞赛还没有可打包的证书，请先颁发证书');
  const now = Date.now();
  dropExpired(now);
  const job: Job = {
    view: { id: crypto.randomUUID(), competitionId, total: list.length, done: 0, status: 'running', error: null },
    accountId: ctx.actor!.id, startedAt: now, fileName: `${list[0]!.competitionName}-证书.zip`, zip: null,
  };
  jobs.set(job.view.id, job);
  void run(job, list, verifyBase);
  return { ...job.view };
}

function ownJob(ctx: ServiceContext, jobId: string): Job {
  const actor = requireActor(ctx);
  const job = jobs.get(jobId);
  // Another account's job does not exist for this one.
  if (!job || job.accountId !== actor.id) throw notFound('证书生成任务');
  return job;
}

export function getZipJob(ctx: ServiceContext, jobId: string): CertificateJob {
  return { ...ownJob(ctx, jobId).view };
}

export function zipJobFile(ctx: ServiceContext, jobId: string): { fileName: string; body: Uint8Array } {
  const job = ownJob(ctx, jobId);
  if (job.view.status === 'failed') throw conflict(job.view.error ?? '生成失败');
  if (!job.zip) throw conflict(`证书仍在生成中（${job.view.done}/${job.view.total}），请稍后再下载`);
  return { fileName: job.fileName, body: job.zip };
}

/** For tests: waits until a job is no longer running. */
export async function settledZipJob(jobId: string): Promise<CertificateJob | null> {
  for (;;) {
    const j = jobs.get(jobId);
    if (!j || j.view.status !== 'running') return j ? { ...j.view } : null;
    await new Promise((r) => setTimeout(r, 10));
  }
}
