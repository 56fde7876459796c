import fc from 'fast-check';
import { PARTS_20_80, PARTS_25_55_20, PARTS_30_70, type CompetitionPart } from '../competition/parts.js';
import { CompetitionRules } from '../contracts/competitions.js';
import type { ScoreColumns } from './types.js';

/** Test data for the results rules: contestants as plain rows, and arbitraries that make many ties. */

export interface Row {
  unitId: number;
  practical?: number | null;
  theory?: number | null;
  oral?: number | null;
  seconds?: number | null;
}

export function columns(rows: readonly Row[]): ScoreColumns {
  const f = (k: 'practical' | 'theory' | 'oral' | 'seconds') => Float64Array.from(rows, (r) => r[k] ?? NaN);
  return {
    n: rows.length,
    entryId: Int32Array.from(rows, (_, i) => 1000 + i),
    unitId: Int32Array.from(rows, (r) => r.unitId),
    practical: f('practical'),
    theory: f('theory'),
    oral: f('oral'),
    seconds: f('seconds'),
  };
}

export const rulesWith = (over: Partial<CompetitionRules> = {}) => CompetitionRules.parse({ ...over });

/** Scores from a small set (ties everywhere), sometimes missing. */
const score = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(0, 55.5, 60, 72.25, 80, 90, 100) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 10000 }).map((h) => h / 100) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const seconds = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(3600, 3601, 4000, 5400) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(3600.5, 1e12) }, // not packable: the chain falls back to comparing
);

export const rowArb: fc.Arbitrary<Row> = fc.record({
  unitId: fc.integer({ min: 1, max: 5 }),
  practical: score,
  theory: score,
  oral: score,
  seconds,
});

export const partsArb: fc.Arbitrary<readonly CompetitionPart[]> = fc.oneof(
  fc.constantFrom(PARTS_30_70, PARTS_20_80, PARTS_25_55_20),
  fc.constant([{ key: 'practical', weight: 100, passMark: 60 }] as const),
);

export const rulesArb: fc.Arbitrary<CompetitionRules> = fc
  .record({
    tieBreak: fc.shuffledSubarray(['practical', 'time', 'theory', 'oral'] as const),
    topN: fc.integer({ min: 1, max: 8 }),
    minEntrantsForAwards: fc.integer({ min: 1, max: 8 }),
    teamBestK: fc.integer({ min: 1, max: 4 }),
    organizationAward: fc.record({
      perEntrant: fc.constantFrom(0, 0.1, 1, 2.5),
      perTopN: fc.constantFrom(0, 0.2, 5),
      count: fc.integer({ min: 0, max: 4 }),
    }),
  })
  .map((r) => rulesWith(r));
