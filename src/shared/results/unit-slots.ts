import type { ScoreColumns } from './types.js';

/**
 * Each contestant's unit as a dense slot 0 … units-1 (in order of first appearance), computed once
 * per set of columns and kept with them: the team and organization standings then count in typed
 * arrays instead of looking units up in a map for each of 100,000 contestants.
 */
export interface UnitSlots {
  /** slot of contestant i */
  slot: Int32Array;
  /** unit id of each slot */
  unitIds: Int32Array;
}

const known = new WeakMap<ScoreColumns, UnitSlots>();

export function unitSlots(cols: ScoreColumns): UnitSlots {
  const hit = known.get(cols);
  if (hit) return hit;
  const slotOf = new Map<number, number>();
  const slot = new Int32Array(cols.n);
  const ids: number[] = [];
  for (let i = 0; i < cols.n; i++) {
    const u = cols.unitId[i]!;
    let s = slotOf.get(u);
    if (s === undefined) {
      s = ids.length;
      slotOf.set(u, s);
      ids.push(u);
    }
    slot[i] = s;
  }
  const out = { slot, unitIds: Int32Array.from(ids) };
  known.set(cols, out);
  return out;
}
