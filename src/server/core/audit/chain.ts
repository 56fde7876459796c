import crypto from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  id: number;
  at: Date;
  actorId: number | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** hash = SHA-256(previous hash ‖ canonical JSON of the entry's content). */
export function entryHash(prevHash: string, c: AuditContent): string {
  const body = canonicalJson({ ...c, at: c.at.toISOString() });
  return crypto.createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
