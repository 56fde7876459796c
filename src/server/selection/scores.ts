import { and, eq, inArray, sql } from 'drizzle-orm';
import { examScore, rubricScore } from '../../shared/selection/rubric.js';
import type { SelectionRules, StageDef } from '../../shared/selection/rules.js';
import { stageScoresOf } from '../../shared/selection/severity.js';
import type { DbOrTx } from '../db/client.js';
import { rowsOf } from '../db/sql-helpers.js';
import { selectionMarks } from './review/tables.js';

/**
 * Each candidate's score (0–100) in each of the given exam or panel stages, from the stored
 * scores and marks: the exam by its weights (absent: null); a panel stage from each reviewer's
 * rubric score — the mean of the raw scores, or of the normalised ones, as the stage's `counts`
 * rule says (fixed before the stage opened). The one place cuts, exports and screens read a stage
 * score from, so they always agree.
 */
export type StageScores = Map<number, Record<string, number | null>>;

export async function stageScores(db: DbOrTx, roundId: number, rules: SelectionRules, stageKeys: readonly string[]): Promise<StageScores> {
  const out: StageScores = new Map();
  const put = (candidateId: number, key: string, v: number | null) => {
    let r = out.get(candidateId);
    if (!r) out.set(candidateId, (r = {}));
    r[key] = v;
  };
  for (const key of stageKeys) {
    const def = rules.stages.find((s) => s.key === key);
    if (!def) continue;
    if (def.kind === 'exam') for (const [id, v] of await examScores(db, roundId, def)) put(id, key, v);
    if (def.kind === 'panel') for (const [id, v] of await panelScores(db, roundId, def)) put(id, key, v);
  }
  return out;
}

/**
 * Theory and practical are paired in SQL (one row per candidate, in hundredths), so a round of
 * 100 000 candidates reads 100 000 small rows, not 200 000 full ones; the weighting stays
 * examScore's, the one rule.
 */
async function examScores(db: DbOrTx, roundId: number, def: Extract<StageDef, { kind: 'exam' }>): Promise<Map<number, number | null>> {
  // One row of JSON rather than a row per candidate: the driver's per-row cost dominates at 100k.
  const [row] = await rowsOf<{ j: [number, boolean, number | null, number | null][] | null }>(db, sql`
    select json_agg(json_build_array(id, absent, t, p)) as j from (
      select candidate_id as id, bool_or(absent) as absent,
        max(round(value * 100)) filter (where part = 'theory')::int as t,
        max(round(value * 100)) filter (where part = 'practical')::int as p
      from selection_scores where round_id = ${roundId} and stage_key = ${def.key} group by candidate_id) x`);
  const out = new Map<number, number | null>();
  for (const [id, absent, t, p] of row?.j ?? []) out.set(id, absent ? null : examScore(def.weights, t == null ? null : t / 100, p == null ? null : p / 100));
  return out;
}

/** Each reviewer's rubric score per candidate (complete sheets only). */
export async function reviewerScores(db: DbOrTx, roundId: number, def: Extract<StageDef, { kind: 'panel' }>, candidateIds?: number[]) {
  const rows = await db.select().from(selectionMarks).where(and(eq(selectionMarks.roundId, roundId), eq(selectionMarks.stageKey, def.key),
    ...(candidateIds ? [inArray(selectionMarks.candidateId, candidateIds)] : [])));
  const sheets = new Map<string, { candidateId: number; reviewerId: number; marks: Record<string, number> }>();
  for (const r of rows) {
    const k = `${r.candidateId}:${r.reviewerId}`;
    const s = sheets.get(k) ?? { candidateId: r.candidateId, reviewerId: r.reviewerId, marks: {} };
    s.marks[r.criterionCode] = r.value;
    sheets.set(k, s);
  }
  const out: { candidateId: number; reviewerId: number; score: number }[] = [];
  for (const s of sheets.values()) {
    const score = rubricScore(def.rubric, s.marks);
    if (score != null) out.push({ candidateId: s.candidateId, reviewerId: s.reviewerId, score });
  }
  return out;
}

/**
 * The stage score per candidate: the mean of the reviewers' scores (raw), or the score with each
 * reviewer's severity taken out (normalised: shared/selection/severity.ts), as the stage's `counts`
 * rule says.
 */
async function panelScores(db: DbOrTx, roundId: number, def: Extract<StageDef, { kind: 'panel' }>): Promise<Map<number, number | null>> {
  return stageScoresOf(await reviewerScores(db, roundId, def), def.counts);
}
