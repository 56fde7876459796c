import type { TieRule } from './rules.js';
import { canonicalJson } from '../canonical-json.js';

/**
 * 择优入围: a cut ranks the candidates still in by the weighted stage scores of its basis and takes
 * the first `size`. Ties at the line: a chain of stage scores decides (candidates equal on every key
 * share the rank and are all taken), or every tied candidate is taken ('take_all'); either way the
 * list may exceed `size` only by candidates tied at the line, and says so. Everything a cut needs is
 * in CutRules and the rows' scores, so the cut — and its hash — can be recomputed from its export.
 */

export interface CutRules {
  roundId: number;
  roundName: string;
  stageKey: string;
  stageName: string;
  size: number;
  /** Stage key → weight (percent, summing to 100). */
  basis: Record<string, number>;
  tie: TieRule;
  /** The hash of the cut this one is drawn from (null for the first cut). */
  fromCutHash: string | null;
}

export interface CutRow {
  candidateId: number;
  examNumber: string | null;
  name: string;
  unit: string;
  /** Each basis stage's score (0–100, two decimals), null when missing. */
  scores: Record<string, number | null>;
  /** Weighted total in points (two decimals), null when a basis score is missing. */
  total: number | null;
  rank: number | null;
  selected: boolean;
}

export interface CutRanking {
  rows: CutRow[];
}

/** What a cut is computed from: a candidate and their basis (and tie-chain) stage scores. */
export type CutInput = Pick<CutRow, 'candidateId' | 'examNumber' | 'name' | 'unit' | 'scores'>;

/** Every stage key a cut reads: the basis, then the tie chain. */
export function cutKeys(rules: Pick<CutRules, 'basis' | 'tie'>): string[] {
  return [...new Set([...Object.keys(rules.basis).sort(), ...(rules.tie.kind === 'chain' ? rules.tie.chain : [])])];
}

const hundredths = (v: number) => Math.round(v * 100);

/**
 * The weighted total in hundredths of a point: each score in hundredths times its weight (percent),
 * summed as integers, then rounded half-up once — so a re-check anywhere gives the same number.
 * Null when a basis score is missing.
 */
export function totalHundredths(basis: Record<string, number>, scores: Record<string, number | null>): number | null {
  let sum = 0;
  for (const [key, weight] of Object.entries(basis)) {
    const s = scores[key];
    if (s == null || !Number.isFinite(s)) return null;
    sum += hundredths(s) * weight;
  }
  return Math.floor((sum + 50) / 100);
}

/**
 * Ranks the candidates in play. Higher total first; with the 'chain' rule, candidates equal on the
 * total are ordered by each chain key in turn (a missing chain score counts lowest). Candidates
 * equal on everything the rule looks at share the rank (1, 2, 2, 4); the first `size` ranks are
 * taken, so ties at the line are all taken. A candidate missing a basis score is listed last,
 * unranked and not taken. The output order does not depend on the input order.
 */
export function computeCut(rules: Pick<CutRules, 'size' | 'basis' | 'tie'>, input: readonly CutInput[]): CutRanking {
  const keys = cutKeys(rules);
  const chain = rules.tie.kind === 'chain' ? rules.tie.chain : [];
  const rows = input.map((r) => {
    const scores: Record<string, number | null> = {};
    for (const k of keys) {
      const v = r.scores[k];
      scores[k] = v == null || !Number.isFinite(v) ? null : hundredths(v) / 100;
    }
    const t = totalHundredths(rules.basis, scores);
    const sortKey = t == null ? null : [t, ...chain.map((k) => (scores[k] == null ? -1 : hundredths(scores[k]!)))];
    return { row: { candidateId: r.candidateId, examNumber: r.examNumber, name: r.name, unit: r.unit, scores }, t, sortKey };
  });
  const cmpKey = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i]! - a[i]!;
    return 0;
  };
  const ranked = rows.filter((r) => r.sortKey).sort((a, b) => cmpKey(a.sortKey!, b.sortKey!) || a.row.candidateId - b.row.candidateId);
  const missing = rows.filter((r) => !r.sortKey).sort((a, b) => a.row.candidateId - b.row.candidateId);
  const out: CutRow[] = [];
  let rank = 0;
  ranked.forEach((r, i) => {
    if (i === 0 || cmpKey(ranked[i - 1]!.sortKey!, r.sortKey!) !== 0) rank = i + 1;
    out.push({ ...r.row, total: r.t! / 100, rank, selected: rank <= rules.size });
  });
  for (const r of missing) out.push({ ...r.row, total: null, rank: null, selected: false });
  return { rows: out };
}

export const selectedCount = (ranking: CutRanking): number => ranking.rows.reduce((n, r) => n + (r.selected ? 1 : 0), 0);

/** The text a cut's hash is taken over: the rules in force and the ranked list, canonical JSON. */
export function cutHashText(rules: CutRules, ranking: CutRanking): string {
  return canonicalJson({ rules, ranking });
}

/** SHA-256 (hex) of the cut; the hash function is given by the caller (node:crypto on the server, SubtleCrypto in a browser). */
export function cutHash(rules: CutRules, ranking: CutRanking, sha256: (text: string) => string): string {
  return sha256(cutHashText(rules, ranking));
}

/**
 * Re-checks a cut from its export: recomputes the ranking from the rows' scores and the rules, and
 * the hash; returns null when everything agrees, else the first discrepancy, in words.
 */
export function cutDiscrepancy(rules: CutRules, ranking: CutRanking, hash: string, sha256: (text: string) => string): string | null {
  const again = computeCut(rules, ranking.rows);
  const label = (r: CutRow) => `${r.examNumber ?? `#${r.candidateId}`} ${r.name}`;
  const byId = new Map(again.rows.map((r) => [r.candidateId, r]));
  if (byId.size !== ranking.rows.length) return `名单行数不符或候选人重复：导出 ${ranking.rows.length} 行，其中不同候选人 ${byId.size} 名`;
  // Each row's own total first (a changed score names its row), then the ranks that follow from all of them.
  for (const fields of [['total'], ['rank', 'selected']] as const) {
    for (let i = 0; i < ranking.rows.length; i++) {
      const a = ranking.rows[i]!;
      const b = byId.get(a.candidateId)!;
      for (const f of fields) {
        if (a[f] !== b[f]) return `第 ${i + 1} 行（${label(a)}）：${FIELD_NAMES[f]}按规则重算应为 ${String(b[f])}，导出为 ${String(a[f])}`;
      }
    }
  }
  for (let i = 0; i < ranking.rows.length; i++) {
    const a = ranking.rows[i]!;
    if (canonicalJson(a) !== canonicalJson(byId.get(a.candidateId))) return `第 ${i + 1} 行（${label(a)}）：成绩与重算不符`;
  }
  for (let i = 0; i < again.rows.length; i++) {
    if (again.rows[i]!.candidateId !== ranking.rows[i]!.candidateId) return `第 ${i + 1} 行：排序应为 ${label(again.rows[i]!)}，导出为 ${label(ranking.rows[i]!)}`;
  }
  const h = cutHash(rules, ranking, sha256);
  if (h !== hash) return `校验值不符：记录为 ${hash}，重算为 ${h}（名单或规则被改动）`;
  return null;
}

const FIELD_NAMES = { total: '总成绩', rank: '名次', selected: '是否入围' } as const;
