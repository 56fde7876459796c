import { and, eq, inArray } from 'drizzle-orm';
import { examScore, rubricScore } from '../../shared/selection/rubric.js';
import type { SelectionRules, StageDef } from '../../shared/selection/rules.js';
import { stageScoresOf } from '../../shared/selection/severity.js';
import type { DbOrTx } from '../db/client.js';
import { selectionScores } from './exam/tables.js';
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

async function examScores(db: DbOrTx, roundId: number, def: Extract<StageDef, { kind: 'exam' }>): Promise<Map<number, number | null>> {
  const rows = await db.select().from(selectionScores).where(and(eq(selectionScores.roundId, roundId), eq(selectionScores.stageKey, def.key)));
  const by = new Map<number, { theory: number | null; practical: number | null; absent: boolean }>();
  for (const r of rows) {
    const x = by.get(r.candidateId) ?? { theory: null, practical: null, absent: false };
    x[r.part] = r.absent ? null : r.value;
    x.absent ||= r.absent;
    by.set(r.candidateId, x);
  }
  return new Map([...by].map(([id, x]) => [id, x.absent ? null : examScore(def.weights, x.theory, x.practical)]));
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
