import crypto from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical-json.js';
import { GENESIS_HASH } from '../audit/chain.js';

/**
 * An append-only, hash-chained event log (the competition's mark log, the selection's score
 * log): each event carries its sequence number (1, 2, …), the previous event's hash (the first:
 * GENESIS_HASH) and its own hash = SHA-256(previous hash ‖ "\n" ‖ canonical JSON of its content).
 * Editing, removing or reordering a stored event breaks the chain at that event.
 */
export { GENESIS_HASH };

export interface ChainLink {
  seq: number;
  hash: string;
}

/** hash = SHA-256(previous hash ‖ canonical JSON of the event's content). */
export function linkHash(prevHash: string, content: unknown): string {
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/**
 * The next links after `last` (null: an empty chain) for these contents, in order: each one's seq,
 * prevHash and hash. `content(seq)` builds the hashed content of the event given its seq.
 */
export function chainLinks<T>(last: ChainLink | null, contents: readonly ((seq: number) => T)[]): { seq: number; content: T; prevHash: string; hash: string }[] {
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  return contents.map((make) => {
    const content = make(++seq);
    const hash = linkHash(prevHash, content);
    const link = { seq, content, prevHash, hash };
    prevHash = hash;
    return link;
  });
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
}

/**
 * Recomputes a chain from its stored rows (ordered by seq) and names the first broken event: a
 * missing seq, a prev_hash that is not the previous event's hash, or content that does not match
 * its hash. `content(row)` rebuilds what was hashed from the stored row.
 */
export function verifyLinks<R extends { seq: number; prevHash: string; hash: string }>(rows: readonly R[], content: (row: R) => unknown): ChainVerdict {
  let prev = GENESIS_HASH;
  for (const [i, r] of rows.entries()) {
    if (r.seq !== i + 1) return { ok: false, checked: i, firstBroken: { seq: i + 1, reason: `event ${i + 1} is missing` } };
    if (r.prevHash !== prev) return { ok: false, checked: i, firstBroken: { seq: r.seq, reason: 'prev_hash does not match the previous event' } };
    if (linkHash(prev, content(r)) !== r.hash) return { ok: false, checked: i, firstBroken: { seq: r.seq, reason: 'content does not match its hash' } };
    prev = r.hash;
  }
  return { ok: true, checked: rows.length, firstBroken: null };
}
