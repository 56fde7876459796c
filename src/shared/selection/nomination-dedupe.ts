import { CHANNEL_NAMES, type NominationChannel } from './rules.js';

/**
 * 同一人多渠道推荐: one candidate per person per round, every channel listed. A nominator may not
 * nominate the same person twice: who the nominator is depends on the channel (a unit account by
 * its unit, a person by their account, a paper society nomination by the nominator's name and body).
 */
export interface NominationLike {
  personId: number;
  channel: NominationChannel;
  nominatorAccountId: number | null;
  nominatorUnitId: number | null;
  nominatorName: string | null;
  nominatorOrg: string | null;
  /** Whether the society nomination was entered by the nominating person's own account. */
  byPersonAccount?: boolean;
}

const norm = (s: string | null) => (s ?? '').replace(/[\s\u3000]+/g, '').toLowerCase();

export function nominatorKey(n: NominationLike): string {
  switch (n.channel) {
    case 'unit': case 'district': case 'industry': return `${n.channel}:u${n.nominatorUnitId ?? 0}`;
    case 'self': return 'self';
    case 'society': return n.byPersonAccount ? `society:a${n.nominatorAccountId ?? 0}` : `society:n:${norm(n.nominatorName)}|${norm(n.nominatorOrg)}`;
  }
}

/** Why `next` repeats one of `existing` (same person, same nominator), or null when it does not. */
export function duplicateReason(existing: readonly NominationLike[], next: NominationLike): string | null {
  const key = nominatorKey(next);
  const same = existing.find((e) => e.personId === next.personId && nominatorKey(e) === key);
  if (!same) return null;
  return same.channel === 'self' ? '本人已自荐，不能重复自荐' : `已以「${CHANNEL_NAMES[same.channel]}」推荐过此人，不能重复推荐`;
}

/**
 * Nominations, in order, folded into candidates: each person once, with the channels that
 * nominated them; a repeat by the same nominator is refused with the reason (its index kept).
 */
export function foldNominations<T extends NominationLike>(items: readonly T[], existing: readonly NominationLike[] = []) {
  const seen: NominationLike[] = [...existing];
  const candidates = new Map<number, Set<NominationChannel>>();
  for (const e of existing) candidates.set(e.personId, (candidates.get(e.personId) ?? new Set()).add(e.channel));
  const refused: { index: number; reason: string }[] = [];
  items.forEach((n, index) => {
    const reason = duplicateReason(seen, n);
    if (reason) return void refused.push({ index, reason });
    seen.push(n);
    candidates.set(n.personId, (candidates.get(n.personId) ?? new Set()).add(n.channel));
  });
  return { candidates, refused };
}
