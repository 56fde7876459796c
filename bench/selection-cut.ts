// A cut to the top 200 of a Technical Expert selection round of 100,000 candidates, from the
// stored exam scores (theory and practical, 200,000 rows; review marks stored beside them) through
// the path the console uses — cutInputs (candidatesInPlay + stageScores + names) and computeCut —
// against an in-memory baseline doing the same work (combine theory and practical by the weights,
// rank, take 200) on plain arrays, measured in the same run. Goal: within 2× of the baseline.
import { sql } from 'drizzle-orm';
import { computeCut, type CutInput } from '../src/shared/selection/cut.js';
import { defaultSelectionRules, type StageDef } from '../src/shared/selection/rules.js';
import { examScore } from '../src/shared/selection/rubric.js';
import { stageIndex } from '../src/shared/selection/stages.js';
import { createRound } from '../src/server/selection/rounds/service.js';
import { roundRow } from '../src/server/selection/rounds/policy.js';
import { cutInputs } from '../src/server/selection/cuts/service.js';
import { rowsOf } from '../src/server/db/sql-helpers.js';
import { benchDatabase, report, time } from './lib.js';

const CANDIDATES = Number(process.env.BENCH_SELECTION_CANDIDATES ?? 100_000);
const UNITS = 400;
const RUNS = 5;

async function setUp() {
  const { dir, database, db, ctx } = await benchDatabase('sm-bench-cut-');
  const r = await createRound(ctx, { campaignId: 1, name: '基准评选', nominationOpensOn: '2009-05-04', nominationClosesOn: '2009-05-15' });
  const t0 = performance.now();
  await db.execute(sql`set session_replication_role = replica`);
  await db.execute(sql`insert into units (name, kind) select '单位' || g, 'enterprise' from generate_series(1, ${UNITS}) g`);
  await db.execute(sql`insert into accounts (username, display_name, role, password_hash) select 'rev' || g, '评审' || g, 'judge', 'x' from generate_series(1, 3) g`);
  await db.execute(sql`insert into people (name, gender, birth_year, id_number_enc, id_number_hash, id_number_masked, unit_id, level)
    select '候选人' || g, 'M', 1975, 'x', 'h' || g, '110***********' || lpad((g % 10000)::text, 4, '0'), (select min(id) from units) + g % ${UNITS}, 3
    from generate_series(1, ${CANDIDATES}) g`);
  await db.execute(sql`insert into selection_candidates (round_id, person_id, status, exam_number, created_at, updated_at)
    select ${r.id}, p.id, 'eligible', 'K' || lpad(p.id::text, 6, '0'), now(), now() from people p`);
  await db.execute(sql`insert into selection_scores (round_id, candidate_id, stage_key, part, value, version, source, updated_at)
    select ${r.id}, c.id, 'exam', part, round(((c.id * case when part = 'theory' then 37 else 53 end) % 6000) / 100.0 + 40, 1), 1, 'import', now()
    from selection_candidates c cross join (values ('theory'), ('practical')) v(part) where c.round_id = ${r.id}`);
  // Review marks for the first 2,000 (3 reviewers × 3 criteria): stored, not read by a cut on the exam.
  await db.execute(sql`insert into selection_marks (round_id, stage_key, candidate_id, reviewer_id, criterion_code, value, version, updated_at)
    select ${r.id}, 'review', c.id, a.id, k.code, case when k.code = 'C' then c.id % 4 else (c.id * 7 + a.id) % 30 end, 1, now()
    from (select id from selection_candidates where round_id = ${r.id} order by id limit 2000) c
    cross join (select id from accounts where role = 'judge') a cross join (values ('A'), ('B'), ('C')) k(code)`);
  await db.execute(sql`set session_replication_role = default`);
  await db.execute(sql`analyze`);
  const cutAt = r.rules.stages.findIndex((s) => s.key === 'cut200');
  await db.execute(sql`update selection_rounds set stage = ${cutAt} where id = ${r.id}`);
  const [{ n }] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from selection_scores`) as [{ n: number }];
  console.log(`  generated ${CANDIDATES} candidates, ${n} exam scores in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { dir, database, roundId: r.id };
}

export async function benchSelectionCut(): Promise<number> {
  const { database, roundId } = await setUp();
  const db = database.db;
  try {
    const round = await roundRow(db, roundId);
    const def = round.rules.stages[stageIndex(round.rules, 'cut200')] as Extract<StageDef, { kind: 'cut' }>;
    const exam = defaultSelectionRules({ opensOn: '2009-05-04', closesOn: '2009-05-15' }).stages.find((s) => s.key === 'exam') as Extract<StageDef, { kind: 'exam' }>;
    // The same data as plain arrays, read once outside the timing.
    const scoreRows = await rowsOf<{ candidate_id: number; part: 'theory' | 'practical'; value: string }>(db, sql`select candidate_id, part, value from selection_scores where round_id = ${roundId}`);
    const people = await rowsOf<{ id: number; exam_number: string; name: string; unit: string }>(db, sql`select c.id, c.exam_number, p.name, u.name as unit
      from selection_candidates c join people p on p.id = c.person_id join units u on u.id = p.unit_id where c.round_id = ${roundId}`);
    const ids = Int32Array.from(scoreRows, (r) => r.candidate_id);
    const isTheory = Uint8Array.from(scoreRows, (r) => (r.part === 'theory' ? 1 : 0));
    const values = Float64Array.from(scoreRows, (r) => Number(r.value));
    const baseline = () => {
      const theory = new Map<number, number>();
      const practical = new Map<number, number>();
      for (let i = 0; i < ids.length; i++) (isTheory[i] ? theory : practical).set(ids[i]!, values[i]!);
      const inputs: CutInput[] = people.map((p) => ({
        candidateId: p.id, examNumber: p.exam_number, name: p.name, unit: p.unit,
        scores: { exam: examScore(exam.weights, theory.get(p.id) ?? null, practical.get(p.id) ?? null) },
      }));
      return computeCut(def, inputs);
    };
    const stored = async () => computeCut(def, await cutInputs(db, round, def));
    // Warm both paths once, then the best of RUNS.
    const check = await stored();
    const base0 = baseline();
    if (JSON.stringify(check) !== JSON.stringify(base0)) throw new Error('the stored and in-memory cuts differ');
    let best = Infinity;
    let bestBase = Infinity;
    for (let i = 0; i < RUNS; i++) {
      best = Math.min(best, (await time(stored)).ms);
      bestBase = Math.min(bestBase, (await time(async () => baseline())).ms);
    }
    const selected = check.rows.filter((r) => r.selected).length;
    console.log(`  ${check.rows.length} ranked, ${selected} selected (top ${def.size})`);
    return report(`selection cut — ${CANDIDATES} candidates to ${def.size}`, { label: 'stored scores (cutInputs + computeCut)', value: best, unit: 'ms' },
      { label: 'in-memory arrays (same work)', value: bestBase, unit: 'ms' }, '≤ 2×');
  } finally {
    await database.close();
  }
}
