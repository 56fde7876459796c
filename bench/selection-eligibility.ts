// The machine eligibility check (资格审查 机器初审) of 100,000 nominations, from stored data — people,
// their units, qualification records, claims and evidence counts — as the service runs it for a
// whole round (machineChecks: three queries), beside the same check on plain in-memory arrays
// (the same rows, joined with Maps, then checkEligibility), measured in the same run.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { checkEligibility, type EligibilityCheck } from '../src/shared/selection/eligibility.js';
import { defaultSelectionRules } from '../src/shared/selection/rules.js';
import { rowsOf } from '../src/server/db/sql-helpers.js';
import { machineChecks, ofRound } from '../src/server/selection/nominations/checks.js';
import { benchDatabase, report, time } from './lib.js';

const N = Number(process.env.BENCH_ELIGIBILITY_CANDIDATES ?? 100_000);
const UNITS = 400;

async function setUp() {
  const { dir, database, db, trade } = await benchDatabase('sm-bench-eligibility-');
  const rules = defaultSelectionRules({ opensOn: '2009-05-04', closesOn: '2009-05-15' });
  const t0 = performance.now();
  // Generated in SQL, consistent by construction (foreign-key triggers off while loading): units (a few
  // districts among them), people with a level or none, qualification records for a third, two claims
  // for two thirds of the candidates with evidence for most, consent for nine in ten.
  await db.execute(sql`set session_replication_role = replica`);
  await db.execute(sql`insert into units (name, kind) select '单位' || g, case when g % 50 = 0 then 'district' else 'enterprise' end from generate_series(1, ${UNITS}) g`);
  await db.execute(sql`insert into people (name, gender, birth_year, id_number_enc, id_number_hash, id_number_masked, unit_id, trade_id, level, front_line)
    select '候选' || g, 'M', 1975, 'x', 'h' || g, '110***********0000', (select min(id) from units) + g % ${UNITS}, ${trade.id},
      case when g % 10 = 0 then null else 2 + g % 4 end, g % 17 <> 0
    from generate_series(1, ${N}) g`);
  await db.execute(sql`insert into qualification_records (person_id, level, obtained_on, source) select id, 2 + id % 3, '2005-06-01', '鉴定' from people where id % 3 = 0`);
  const [round] = await rowsOf<{ id: number }>(db, sql`insert into selection_rounds (campaign_id, name, rules, created_at, updated_at)
    values ((select min(id) from campaigns), '基准评选', ${JSON.stringify(rules)}::jsonb, now(), now()) returning id`);
  const roundId = Number(round!.id);
  await db.execute(sql`insert into selection_candidates (round_id, person_id, status, consent_kind, equivalent_skill, created_at, updated_at)
    select ${roundId}, id, 'submitted', case when id % 10 = 0 then null else 'self_confirmed' end, case when id % 20 = 0 then '同等技能' end, now(), now() from people`);
  await db.execute(sql`insert into selection_claims (candidate_id, condition_key, description, created_at)
    select c.id, k.key, '', now() from selection_candidates c cross join (values ('prize'), ('patent')) k(key) where c.id % 3 <> 0`);
  await db.execute(sql`insert into stored_files (owner, file_name, mime, size, sha256, body, uploaded_at) values ('selection.condition', 'x.pdf', 'application/pdf', 5, 'x', '\\x255044462d'::bytea, now())`);
  await db.execute(sql`insert into selection_evidence (candidate_id, claim_id, purpose, file_id, uploaded_at)
    select candidate_id, id, 'condition', (select min(id) from stored_files), now() from selection_claims where id % 4 <> 0`);
  await db.execute(sql`set session_replication_role = default`);
  await db.execute(sql`analyze`);
  console.log(`  generated ${N} candidates with their people, records, claims and evidence in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { database, dir, db, roundId, rules };
}

export async function benchSelectionEligibility() {
  const { database, dir, db, roundId, rules } = await setUp();
  try {
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    const ours: number[] = [];
    let checks = new Map<number, EligibilityCheck>();
    for (let i = 0; i < 3; i++) {
      const r = await time(() => machineChecks(db, rules, ofRound(roundId)));
      ours.push(r.ms);
      checks = r.result;
    }
    // The baseline: the same rows as plain arrays (read once, untimed), joined in memory and checked.
    const cands = await rowsOf<{ id: number; person_id: number; equivalent_skill: string | null; consent_kind: string | null }>(db, sql`select id, person_id, equivalent_skill, consent_kind from selection_candidates where round_id = ${roundId}`);
    const ppl = await rowsOf<{ id: number; unit_id: number; level: number | null; front_line: boolean }>(db, sql`select id, unit_id, level, front_line from people`);
    const unitRows = await rowsOf<{ id: number; kind: string }>(db, sql`select id, kind from units`);
    const recs = await rowsOf<{ person_id: number; level: number }>(db, sql`select person_id, level from qualification_records`);
    const claimRows = await rowsOf<{ id: number; candidate_id: number; condition_key: string }>(db, sql`select id, candidate_id, condition_key from selection_claims`);
    const evRows = await rowsOf<{ claim_id: number }>(db, sql`select claim_id from selection_evidence`);
    const base: number[] = [];
    let baseline = new Map<number, EligibilityCheck>();
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const personById = new Map(ppl.map((p) => [p.id, p]));
      const kindById = new Map(unitRows.map((u) => [u.id, u.kind]));
      const best = new Map<number, number>();
      for (const r of recs) best.set(r.person_id, Math.min(best.get(r.person_id) ?? 9, r.level));
      const evidence = new Map<number, number>();
      for (const e of evRows) evidence.set(e.claim_id, (evidence.get(e.claim_id) ?? 0) + 1);
      const claims = new Map<number, { conditionKey: string; evidence: number }[]>();
      for (const c of claimRows) {
        const list = claims.get(c.candidate_id) ?? [];
        list.push({ conditionKey: c.condition_key, evidence: evidence.get(c.id) ?? 0 });
        claims.set(c.candidate_id, list);
      }
      const out = new Map<number, EligibilityCheck>();
      for (const c of cands) {
        const p = personById.get(c.person_id)!;
        const q = best.get(p.id) ?? null;
        const level = p.level == null ? q : q == null ? p.level : Math.min(p.level, q);
        out.set(c.id, checkEligibility({ unitKind: kindById.get(p.unit_id) ?? null, level, equivalentSkill: !!c.equivalent_skill, frontLine: p.front_line, claims: claims.get(c.id) ?? [], consent: c.consent_kind != null }, rules));
      }
      base.push(performance.now() - t);
      baseline = out;
    }
    // Both give the same answers.
    let same = 0;
    for (const [id, c] of baseline) if (JSON.stringify(checks.get(id)) === JSON.stringify(c)) same++;
    const ok = [...checks.values()].filter((c) => c.ok).length;
    console.log(`  ${checks.size} checked (${ok} pass the machine check); agree with the baseline: ${same}/${baseline.size}`);
    if (same !== baseline.size) throw new Error('the service and the baseline disagree');
    return report(`Machine eligibility check of ${N} nominations`,
      { label: 'skillmonth machineChecks from the database (median of 3)', value: med(ours), unit: 'ms' },
      { label: 'same check on plain arrays in memory (median of 5)', value: med(base), unit: 'ms' }, 'ratio ≤ 2');
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
