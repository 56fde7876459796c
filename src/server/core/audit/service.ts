import { and, count, desc, gt, inArray, sql } from 'drizzle-orm';
import { auditActionsMatching, auditEntitiesMatching } from '../../../shared/audit/labels.js';
import type { AuditVerifyResult } from '../../../shared/contracts/audit.js';
import type { Actor, Clock } from '../../context.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { GENESIS_HASH, entryHash } from './chain.js';
import { auditLog } from './tables.js';

/** Serializes appends so the chain never forks (a transaction-scoped advisory lock). */
const AUDIT_LOCK_KEY = 7_246_001;

export interface AuditEvent {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** JSON round trip: what jsonb will store is exactly what is hashed. */
function plain(v: unknown): unknown {
  return v === undefined || v === null ? null : JSON.parse(JSON.stringify(v));
}

/**
 * The one entry point for every write that matters. Call it inside the write's transaction so
 * the change and its audit entry commit together.
 */
export async function recordAudit(
  tx: DbOrTx,
  who: { actor: Actor | null; clock: Clock; ip?: string },
  event: AuditEvent,
): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const content = {
    id: (last?.id ?? 0) + 1,
    at: who.clock.now(),
    actorId: who.actor?.id ?? null,
    actorLabel: who.actor ? `${who.actor.username} (${who.actor.role})` : 'system',
    action: event.action,
    entity: event.entity,
    entityId: event.entityId == null ? null : String(event.entityId),
    before: plain(event.before),
    after: plain(event.after),
    ip: who.ip ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...content, prevHash, hash: entryHash(prevHash, content) });
}

/** Recomputes the whole chain and names the first broken link. */
export async function verifyAuditChain(db: Db): Promise<AuditVerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, expectedId - 1)).orderBy(auditLog.id).limit(2000);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.id !== expectedId) return { ok: false, checked, firstBroken: { id: expectedId, reason: `entry ${expectedId} is missing` } };
      if (r.prevHash !== prevHash)
        return { ok: false, checked, firstBroken: { id: r.id, reason: 'prev_hash does not match the previous entry' } };
      const h = entryHash(prevHash, {
        id: r.id, at: r.at, actorId: r.actorId, actorLabel: r.actorLabel, action: r.action, entity: r.entity,
        entityId: r.entityId, before: r.before, after: r.after, ip: r.ip,
      });
      if (h !== r.hash) return { ok: false, checked, firstBroken: { id: r.id, reason: 'content does not match its hash' } };
      prevHash = r.hash;
      expectedId++;
      checked++;
    }
  }
  return { ok: true, checked, firstBroken: null };
}

/**
 * The log, newest first. `action` and `entity` are search texts: a key (certificate.issue) or a word
 * of its Chinese or English label (证书, revoked) finds every action or entity it names.
 */
export async function listAudit(db: Db, q: { action?: string; entity?: string; page: number; pageSize: number }) {
  const keysOf = async (column: typeof auditLog.action | typeof auditLog.entity) => (await db.selectDistinct({ k: column }).from(auditLog)).map((r) => r.k);
  const NONE = ['\u0001'];
  const actions = q.action ? auditActionsMatching(q.action, await keysOf(auditLog.action)) : null;
  const entities = q.entity ? auditEntitiesMatching(q.entity, await keysOf(auditLog.entity)) : null;
  const where = and(
    actions ? inArray(auditLog.action, actions.length ? actions : NONE) : undefined,
    entities ? inArray(auditLog.entity, entities.length ? entities : NONE) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id, at: r.at.toISOString(), actorId: r.actorId, actorLabel: r.actorLabel, action: r.action,
      entity: r.entity, entityId: r.entityId, before: r.before ?? null, after: r.after ?? null, hash: r.hash,
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
