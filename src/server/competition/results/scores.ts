import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { inJsonList, rowsOf } from '../../db/sql-helpers.js';

/**
 * Keeps `entry_scores` current with the mark chain. The practical is aggregated in SQL — per entry
 * and aspect the sum and count of the panel's values, then the aspect's mark by the rule of
 * src/shared/competition/marks.ts (a measurement: its one value; a judgement: maxMark × Σ ÷ (3n),
 * half-up, on integer hundredths), then the sum — so 9M marks never cross the wire. An aspect
 * whose panel is incomplete (not 1 measurement / 3 judgement values) leaves the practical empty.
 *
 * Only the entries touched by chain events after `score_computations.chain_seq` are recomputed;
 * the first time, all of them. Refreshes are serialized on the competition's score_computations
 * row, and each reads the chain's last seq before the marks, so a stored seq never claims more
 * than the stored scores include.
 */

/** Events that change what an entry scores. */
const SCORING_KINDS = ['mark', 'part_score', 'completion_time', 'amendment_decision'];

/** The practical (hundredths) of the entries in `only` (null = all), as SQL over marks and the current scheme. */
function practicalSql(competitionId: number, only: SQL | null): SQL {
  return sql`
    with asp as (
      select a.id, a.kind, round(a.max_mark * 100)::bigint as max_h
      from scheme_aspects a
      where a.scheme_id = (select s.id from marking_schemes s where s.competition_id = ${competitionId} order by s.version desc limit 1)
    ),
    per as (
      select m.entry_id, m.aspect_id, sum(round(m.value * 100)::bigint)::bigint as s_h, count(*)::bigint as n
      from marks m
      where m.competition_id = ${competitionId} ${only ? sql`and ${only}` : sql``}
      group by m.entry_id, m.aspect_id
    ),
    am as ( -- bigint operands: integer division, so (2x + y) / 2y is x / y rounded half-up
      select per.entry_id,
        case when asp.kind = 'judgement' then (2 * asp.max_h * (per.s_h / 100) + 3 * per.n) / (6 * per.n) else per.s_h end as mark_h,
        case when asp.kind = 'judgement' then per.n = 3 else per.n = 1 end as complete
      from per join asp on asp.id = per.aspect_id
    )
    select am.entry_id, sum(am.mark_h)::bigint as practical_h
    from am
    group by am.entry_id
    having bool_and(am.complete) and count(*) = (select count(*) from asp)`;
}

/** `column in (ids)` with the list as one JSON parameter, compared as integers (so indexes apply). */
const inIntList = (column: SQL, ids: readonly number[]) => sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::int)`;

/** Recomputes and upserts the stored scores of the approved entries (all, or those listed). */
async function writeScores(db: DbOrTx, competitionId: number, entryIds: number[] | null) {
  const onlyMarks = entryIds ? inIntList(sql`m.entry_id`, entryIds) : null;
  const onlyEntries = entryIds ? sql`and ${inIntList(sql`e.id`, entryIds)}` : sql``;
  await db.execute(sql`
    with p as (${practicalSql(competitionId, onlyMarks)})
    insert into entry_scores (competition_id, entry_id, practical, theory, oral, seconds)
    select e.competition_id, e.id, p.practical_h / 100.0, t.value, o.value, ct.seconds
    from entries e
      left join p on p.entry_id = e.id
      left join part_scores t on t.entry_id = e.id and t.part = 'theory'
      left join part_scores o on o.entry_id = e.id and o.part = 'oral'
      left join completion_times ct on ct.entry_id = e.id
    where e.competition_id = ${competitionId} and e.status = 'approved' ${onlyEntries}
    on conflict (entry_id) do update set practical = excluded.practical, theory = excluded.theory, oral = excluded.oral, seconds = excluded.seconds`);
}

async function chainState(db: DbOrTx, competitionId: number, lock: boolean) {
  const [r] = await rowsOf<{ last: number | null; done: number | null }>(db, sql`
    select (select max(seq) from mark_events where competition_id = ${competitionId}) as last,
      (select chain_seq from score_computations where competition_id = ${competitionId} ${lock ? sql`for update` : sql``}) as done`);
  return { last: Number(r?.last ?? 0), done: r?.done == null ? null : Number(r.done) };
}

/** Brings the competition's entry_scores up to its chain's last event; returns that seq. */
export async function refreshEntryScores(db: DbOrTx, competitionId: number, now: Date): Promise<number> {
  const seen = await chainState(db, competitionId, false);
  if (seen.done !== null && seen.done >= seen.last) return seen.done;
  return db.transaction(async (tx) => {
    await tx.execute(sql`insert into score_computations (competition_id, chain_seq, computed_at) values (${competitionId}, -1, ${now}) on conflict do nothing`);
    const s = await chainState(tx, competitionId, true);
    if (s.done !== null && s.done >= s.last) return s.done;
    if (s.done === null || s.done < 0) {
      await writeScores(tx, competitionId, null);
    } else {
      const touched = await rowsOf<{ entry_id: number }>(tx, sql`
        select distinct entry_id from mark_events
        where competition_id = ${competitionId} and seq > ${s.done} and seq <= ${s.last} and entry_id is not null
          and ${inJsonList(sql`kind`, SCORING_KINDS)}`);
      if (touched.length) await writeScores(tx, competitionId, touched.map((t) => Number(t.entry_id)));
    }
    await tx.execute(sql`update score_computations set chain_seq = ${s.last}, computed_at = ${now} where competition_id = ${competitionId}`);
    return s.last;
  });
}

/** Forgets the stored scores (the next refresh recomputes every entry): for tests and repairs. */
export async function resetEntryScores(db: DbOrTx, competitionId: number) {
  await db.execute(sql`delete from score_computations where competition_id = ${competitionId}`);
}

export interface StoredScore {
  entryId: number;
  unitId: number;
  personId: number;
  code: string | null;
  examNumber: string | null;
  practical: number | null;
  theory: number | null;
  oral: number | null;
  seconds: number | null;
}

/** The stored scores of the approved entries, by code (entries without a code last). */
export async function readEntryScores(db: DbOrTx, competitionId: number): Promise<StoredScore[]> {
  const rows = await rowsOf<{ e: number; u: number; p: number; c: string | null; x: string | null; pr: string | null; th: string | null; o: string | null; s: number | null }>(db, sql`
    select e.id as e, e.unit_id as u, e.person_id as p, e.code as c, e.exam_number as x, s.practical as pr, s.theory as th, s.oral as o, s.seconds as s
    from entries e left join entry_scores s on s.entry_id = e.id
    where e.competition_id = ${competitionId} and e.status = 'approved'
    order by e.code nulls last, e.id`);
  const num = (v: string | number | null) => (v == null ? null : Number(v));
  return rows.map((r) => ({
    entryId: Number(r.e), unitId: Number(r.u), personId: Number(r.p), code: r.c, examNumber: r.x,
    practical: num(r.pr), theory: num(r.th), oral: num(r.o), seconds: num(r.s),
  }));
}
