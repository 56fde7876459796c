import type { NoticeColumn, NoticeKind } from '../../../shared/contracts/notices.js';
import { invalidatePublic } from '../../http/public-cache.js';
import type { ServiceContext } from '../../context.js';
import type { Tx } from '../../db/client.js';

/** The list a notice publishes, already masked: rows carry only the columns' keys. */
export interface NoticeContent {
  title: string;
  intro: string;
  columns: NoticeColumn[];
  rows: Record<string, string | number | null>[];
}

/**
 * What a kind of list (competition results, later Technical Experts, trainees) tells the one
 * notice mechanism. Each hook runs inside the notice's transaction (use `tx` only) and may refuse
 * with an AppError; `ctx.actor` is null when the finality sweep acts.
 */
export interface NoticeSubject {
  /** Refuses when the subject may not be published now; otherwise the list to publish. */
  prepare(tx: Tx, ctx: ServiceContext, subjectId: number): Promise<NoticeContent>;
  onPublished(tx: Tx, ctx: ServiceContext, subjectId: number): Promise<void>;
  /** An objection was upheld: the list is wrong and the notice stops (a new round follows). */
  onSuspended(tx: Tx, ctx: ServiceContext, subjectId: number): Promise<void>;
  onWithdrawn(tx: Tx, ctx: ServiceContext, subjectId: number): Promise<void>;
  /** The period ended with no pending objection: the list takes effect. */
  onFinal(tx: Tx, ctx: ServiceContext, subjectId: number, finalOn: string): Promise<void>;
  /** Prefix of the public cache keys that show the subject (dropped on every change of its notice). */
  publicCachePrefix(subjectId: number): string;
}

const subjects = new Map<NoticeKind, NoticeSubject>();

export function registerNoticeSubject(kind: NoticeKind, subject: NoticeSubject): void {
  subjects.set(kind, subject);
}

export function noticeSubject(kind: NoticeKind): NoticeSubject {
  const s = subjects.get(kind);
  if (!s) throw new Error(`no notice subject registered for ${kind}`);
  return s;
}

export const PUBLIC_LIST_KEY = 'notices:public';

/** The public cache key of one notice: under its subject's prefix, so a change of the subject drops it too. */
export const publicNoticeKey = (r: { id: number; kind: NoticeKind; subjectId: number }) => `${noticeSubject(r.kind).publicCachePrefix(r.subjectId)}notice:${r.id}`;

/** Drops every public answer a change of this notice alters (call after the commit). */
export function invalidateNotice(db: object, r: { kind: NoticeKind; subjectId: number }): void {
  invalidatePublic(db, noticeSubject(r.kind).publicCachePrefix(r.subjectId));
  invalidatePublic(db, PUBLIC_LIST_KEY);
}
