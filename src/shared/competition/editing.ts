import type { CompetitionStatus } from './states.js';

/**
 * What a competition's state lets its set-up change (修改竞赛信息). The draw is made on the trade,
 * level, stations, code prefix and the parts there are, so those are fixed from the draw on. The
 * rules (tie-break, awards, outcomes, appeal window) and the parts' weights and pass marks rank the
 * results, which recompute per version, so they can change until the results go on notice (公示).
 * Once the results are final (成绩已确定) nothing changes: notices and certificates quote it.
 */

/** Fixed from the draw on. `parts` here means which parts there are (their keys). */
export const DRAW_FIXED = ['campaignId', 'tradeId', 'level', 'stations', 'codePrefix', 'parts'] as const;
const SETUP_OPEN: readonly CompetitionStatus[] = ['draft', 'registration', 'closed'];

export type Editable = {
  campaignId: number; tradeId: number; level: number; name: string; startsOn: string; endsOn: string; venue: string;
  stations: number; codePrefix: string; registrationOpensAt: string; registrationClosesAt: string;
  defaultQuota: number | null; unitQuotas: Record<string, number>;
  parts: { key: string }[]; rules: unknown;
};

export type LockedChange = { field: string; message: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const instant = (s: string) => new Date(s).getTime();
const partKeys = (ps: { key: string }[]) => ps.map((p) => p.key).sort();

/** The fields that differ between two set-ups (timestamps compared as instants, part keys as sets). */
export function changedFields(before: Editable, after: Editable): (keyof Editable)[] {
  return (Object.keys(before) as (keyof Editable)[]).filter((k) => {
    if (k === 'registrationOpensAt' || k === 'registrationClosesAt') return instant(before[k]) !== instant(after[k]);
    return !same(before[k], after[k]);
  });
}

/**
 * The changes a competition in `status` refuses, each with its reason; empty when the change is
 * allowed. (A change of weights or pass marks shows as `parts`, a change of which parts as well.)
 */
export function lockedChanges(status: CompetitionStatus, before: Editable, after: Editable): LockedChange[] {
  const changed = changedFields(before, after);
  if (changed.length === 0) return [];
  if (status === 'final') return changed.map((field) => ({ field, message: '成绩已确定，不能再修改' }));
  const out: LockedChange[] = [];
  if (!SETUP_OPEN.includes(status)) {
    for (const f of DRAW_FIXED) {
      const differs = f === 'parts' ? !same(partKeys(before.parts), partKeys(after.parts)) : changed.includes(f);
      if (differs) out.push({ field: f, message: '抽签后不能再修改' });
    }
  }
  if (status === 'notice') {
    for (const f of ['rules', 'parts'] as const) {
      if (changed.includes(f) && !out.some((o) => o.field === f)) out.push({ field: f, message: '公示期间不能修改规则' });
    }
  }
  return out;
}
