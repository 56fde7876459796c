import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { rowsOf } from '../db/sql-helpers.js';
import { cutBefore } from '../../shared/selection/stages.js';
import { selectionCuts } from './cuts/tables.js';
import { selectionCandidates } from './nominations/tables.js';
import type { RoundRow } from './rounds/policy.js';

/**
 * The candidates a stage works on: those the last cut before it selected (its frozen, not
 * superseded list), or — before any cut — every candidate found eligible. The one rule every
 * stage uses, so the funnel never grows.
 */
export async function candidatesInPlay(db: DbOrTx, round: RoundRow, stageIndex: number): Promise<number[]> {
  const cut = cutBefore(round.rules, stageIndex);
  if (!cut) {
    // One row of JSON, not a row per candidate: a round of 100 000 reads in a fraction of the time.
    const [row] = await rowsOf<{ j: number[] | null }>(db, sql`select json_agg(id) as j from ${selectionCandidates}
      where round_id = ${round.id} and status = 'eligible'`);
    return row?.j ?? [];
  }
  const [frozen] = await db.select({ ranking: selectionCuts.ranking }).from(selectionCuts)
    .where(and(eq(selectionCuts.roundId, round.id), eq(selectionCuts.stageKey, cut.key), eq(selectionCuts.status, 'frozen')))
    .orderBy(desc(selectionCuts.id)).limit(1);
  return frozen ? frozen.ranking.rows.filter((r) => r.selected).map((r) => r.candidateId) : [];
}
