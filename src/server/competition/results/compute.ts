import { sql } from 'drizzle-orm';
import type { CompetitionPart } from '../../../shared/competition/parts.js';
import { isDecoded } from '../../../shared/competition/states.js';
import { CompetitionRules, type CompetitionStatus } from '../../../shared/contracts/competitions.js';
import type { CompetitionResults, OrganizationRow, ResultRow, ResultsStatus, TeamRow } from '../../../shared/contracts/results.js';
import { isLevel, higherLevel, type Level } from '../../../shared/levels.js';
import { awardName, individualAwards } from '../../../shared/results/awards.js';
import { resultFormulas } from '../../../shared/results/formulas.js';
import { organizationStandings } from '../../../shared/results/organization.js';
import { proposeOutcomes } from '../../../shared/results/outcomes.js';
import { rankContestants } from '../../../shared/results/ranking.js';
import { teamStandings } from '../../../shared/results/teams.js';
import { DECIDED_BY_CODES, type Ranking, type ScoreColumns } from '../../../shared/results/types.js';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/sql-helpers.js';
import { notFound } from '../../http/errors.js';
import { readEntryScores, refreshEntryScores, type StoredScore } from './scores.js';

/** A row as computed, always with its entry id (views before decoding drop it: see policy.ts). */
export type RankedRow = Omit<ResultRow, 'entryId'> & { entryId: number };
export type RankedResults = Omit<CompetitionResults, 'rows'> & { rows: RankedRow[] };

/** A competition's results with what they were ranked from (for explanations and exports). */
export interface Computed {
  results: RankedResults;
  status: CompetitionStatus;
  parts: CompetitionPart[];
  rules: CompetitionRules;
  cols: ScoreColumns;
  ranking: Ranking;
  /** Column index by entry id; the row of each entry; the person behind each entry. */
  indexOf: Map<number, number>;
  rowOf: Map<number, RankedRow>;
  scores: StoredScore[];
  endedAt: Date | null;
}

interface Cached { seq: number; version: number; value: Promise<Computed> }
/** Per database handle (a process may hold several, as tests do), per competition. */
const cache = new WeakMap<object, Map<number, Cached>>();

/**
 * What the ranking is computed from — the stored scores as columns, and (once decoded) who is
 * behind each entry — kept per chain seq: a rule change (a new version, the same seq) ranks again
 * without reading 100,000 rows again.
 */
interface Basis { seq: number; decoded: boolean; value: Promise<{ scores: StoredScore[]; cols: ScoreColumns; who: Map<number, Identity> }> }
const bases = new WeakMap<object, Map<number, Basis>>();

function basisOf(db: DbOrTx, competitionId: number, seq: number, decoded: boolean) {
  let mine = bases.get(db);
  if (!mine) bases.set(db, (mine = new Map()));
  const hit = mine.get(competitionId);
  if (hit && hit.seq === seq && hit.decoded === decoded) return hit.value;
  const value = (async () => {
    const scores = await readEntryScores(db, competitionId);
    const who = decoded ? await identities(db, competitionId) : new Map<number, Identity>();
    return { scores, cols: columnsOf(scores), who };
  })();
  const entry = { seq, decoded, value };
  mine.set(competitionId, entry);
  value.catch(() => { if (mine.get(competitionId) === entry) mine.delete(competitionId); });
  return value;
}

/**
 * The results of a competition from its stored marks under its current rules. No access check:
 * callers check. Ranked once per (chain seq, competition version): any score event moves the
 * chain, and any rule, status or decoding change bumps the version.
 */
export async function computeResults(db: DbOrTx, competitionId: number): Promise<RankedResults> {
  return (await computeRanked(db, competitionId)).results;
}

export async function computeRanked(db: DbOrTx, competitionId: number): Promise<Computed> {
  const [c] = await rowsOf<{ name: string; status: CompetitionStatus; version: number; parts: CompetitionPart[]; rules: unknown; trade_name: string; ended_at: Date | string | null }>(db, sql`
    select c.name, c.status, c.version, c.parts, c.rules, c.ended_at, t.name as trade_name
    from competitions c join trades t on t.id = c.trade_id where c.id = ${competitionId}`);
  if (!c) throw notFound('竞赛');
  const seq = await refreshEntryScores(db, competitionId, new Date());
  let mine = cache.get(db);
  if (!mine) cache.set(db, (mine = new Map()));
  const hit = mine.get(competitionId);
  if (hit && hit.seq === seq && hit.version === c.version) return hit.value;
  const value = rank(db, competitionId, seq, c);
  const entry = { seq, version: c.version, value };
  mine.set(competitionId, entry);
  value.catch(() => { if (mine.get(competitionId) === entry) mine.delete(competitionId); });
  return value;
}

/** Drops a competition's cached ranking and what it was ranked from (the next read reads again). */
export function forgetResults(db: DbOrTx, competitionId: number) {
  cache.get(db)?.delete(competitionId);
  bases.get(db)?.delete(competitionId);
}

const orNull = (v: number) => (Number.isNaN(v) ? null : v);

export function columnsOf(scores: StoredScore[]): ScoreColumns {
  const n = scores.length;
  const cols: ScoreColumns = {
    n, entryId: new Int32Array(n), unitId: new Int32Array(n),
    practical: new Float64Array(n), theory: new Float64Array(n), oral: new Float64Array(n), seconds: new Float64Array(n),
  };
  scores.forEach((s, i) => {
    cols.entryId[i] = s.entryId;
    cols.unitId[i] = s.unitId;
    cols.practical[i] = s.practical ?? NaN;
    cols.theory[i] = s.theory ?? NaN;
    cols.oral[i] = s.oral ?? NaN;
    cols.seconds[i] = s.seconds ?? NaN;
  });
  return cols;
}

interface Identity { name: string; idNumberMasked: string; unitName: string; level: Level | null }

/**
 * Names, masked IDs, units and each person's level before this competition: the highest of
 * people.level and their qualification records, leaving out what this competition's own final
 * outcomes wrote (so final results propose what was decided, not the level it gave).
 */
async function identities(db: DbOrTx, competitionId: number): Promise<Map<number, Identity>> {
  // Joins rather than per-row subqueries: one hash join each at 100k entries.
  const rows = await rowsOf<{ e: number; name: string; idm: string; unit: string; plevel: number | null; qlevel: number | null }>(db, sql`
    with mine as (select e.id, e.person_id, e.unit_id from entries e where e.competition_id = ${competitionId} and e.status = 'approved'),
    given as (select o.person_id, o.qualification_record_id as rid from outcomes o where o.competition_id = ${competitionId} and o.qualification_record_id is not null),
    q as (
      select q.person_id, min(q.level) as lvl from qualification_records q join mine on mine.person_id = q.person_id
      where q.id not in (select rid from given) group by q.person_id
    ),
    gp as (select distinct person_id from given)
    select mine.id as e, p.name, p.id_number_masked as idm, u.name as unit,
      case when gp.person_id is not null then null else p.level end as plevel, q.lvl as qlevel
    from mine join people p on p.id = mine.person_id join units u on u.id = mine.unit_id left join q on q.person_id = p.id left join gp on gp.person_id = p.id`);
  const lv = (v: number | null) => { const n = v == null ? null : Number(v); return isLevel(n) ? n : null; };
  return new Map(rows.map((r) => [Number(r.e), { name: r.name, idNumberMasked: r.idm, unitName: r.unit, level: higherLevel(lv(r.plevel), lv(r.qlevel)) }]));
}

const RESULTS_STATUS: Partial<Record<CompetitionStatus, ResultsStatus>> = { notice: 'notice', final: 'final' };

async function rank(db: DbOrTx, competitionId: number, seq: number, c: { name: string; status: CompetitionStatus; version: number; parts: CompetitionPart[]; rules: unknown; trade_name: string; ended_at: Date | string | null }): Promise<Computed> {
  const rules = CompetitionRules.parse(c.rules ?? {});
  const parts = c.parts;
  const decoded = isDecoded(c.status);
  const { scores, cols, who } = await basisOf(db, competitionId, seq, decoded);
  const ranking = rankContestants({ cols, parts, rules });
  const awards = individualAwards(ranking, rules);
  const honoured = new Set(awards.honoured);

  const rowOf = new Map<number, RankedRow>();
  const indexOf = new Map<number, number>();
  const rows: RankedRow[] = [];
  for (const i of ranking.order) {
    const s = scores[i]!;
    const id = who.get(s.entryId);
    const rankNo = ranking.rank[i]! > 0 ? ranking.rank[i]! : null;
    const award = honoured.has(i) && rankNo ? awardName(rankNo) : null;
    const passedAll = ranking.passedAll[i] === 2 ? null : ranking.passedAll[i] === 1;
    const partScore = (key: string) => (key === 'practical' ? s.practical : key === 'theory' ? s.theory : s.oral);
    const row: RankedRow = {
      entryId: s.entryId, code: s.code, examNumber: s.examNumber,
      name: id?.name ?? null, unitId: decoded ? s.unitId : null, unitName: id?.unitName ?? null, idNumberMasked: id?.idNumberMasked ?? null,
      parts: parts.map((p) => {
        const score = partScore(p.key);
        return { key: p.key, score, weight: p.weight, passMark: p.passMark, passed: score == null ? null : score >= p.passMark };
      }),
      completionSeconds: s.seconds,
      total: orNull(ranking.total[i]!),
      passedAll,
      rank: rankNo,
      decidedBy: ranking.decidedBy[i]! < 0 ? null : DECIDED_BY_CODES[ranking.decidedBy[i]!] ?? null,
      standardized: orNull(ranking.standardized[i]!),
      award,
      outcomes: id ? proposeOutcomes({ rank: rankNo, award, passedAll, currentLevel: id.level, rules }) : [],
    };
    rows.push(row);
    rowOf.set(s.entryId, row);
    indexOf.set(s.entryId, i);
  }

  let teams: TeamRow[] = [];
  let organizations: OrganizationRow[] = [];
  if (decoded) {
    const unitName = new Map(scores.map((s) => [s.unitId, who.get(s.entryId)?.unitName ?? null]));
    teams = teamStandings(cols, ranking, rules.teamBestK, rules.teamBelowK).map((t) => ({
      unitId: t.unitId, unitName: unitName.get(t.unitId) ?? null, sum: t.sum, entrants: t.entrants, rank: t.rank,
      counted: t.counted.map((i) => ({ entryId: scores[i]!.entryId, code: scores[i]!.code, name: who.get(scores[i]!.entryId)?.name ?? null, total: ranking.total[i]! })),
      award: t.rank != null && t.rank <= rules.teamAwards ? `团体第${t.rank}名` : null,
    }));
    organizations = organizationStandings(cols, ranking, awards.honoured, rules).map((o) => ({ ...o, unitName: unitName.get(o.unitId) ?? null }));
  }

  const results: RankedResults = {
    competitionId, competitionName: c.name, tradeName: c.trade_name, status: RESULTS_STATUS[c.status] ?? 'provisional', decoded,
    chainSeq: seq, competitionVersion: c.version, formulas: resultFormulas(parts, rules), awardsWithheld: awards.withheld,
    rows, teams, organizations,
  };
  const endedAt = c.ended_at == null ? null : new Date(c.ended_at);
  return { results, status: c.status, parts, rules, cols, ranking, indexOf, rowOf, scores, endedAt };
}
