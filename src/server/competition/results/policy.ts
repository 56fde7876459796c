import { and, eq } from 'drizzle-orm';
import { isDecoded } from '../../../shared/competition/states.js';
import type { CompetitionResults, DecidedBy, ResultRow } from '../../../shared/contracts/results.js';
import { competitionRow, isOrganizer } from '../competitions/policy.js';
import type { ServiceContext } from '../../context.js';
import { entries } from '../entries/tables.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
import type { Lang } from '../../../shared/lang.js';

/**
 * Before decoding (解密) a code travels alone: a row by code keeps nothing that identifies the entry
 * (entry id, exam number — units and contestants know exam numbers — name, unit, ID number).
 */
export function codeAlone(row: ResultRow): ResultRow {
  return { ...row, entryId: null, examNumber: null, name: null, unitId: null, unitName: null, idNumberMasked: null };
}

/** Before decoding, a contestant's own row without its code (they know their exam number). */
export function withoutCode(row: ResultRow): ResultRow {
  return { ...row, code: null };
}

/** The organizers' view: everything once decoded; before, the ranking by code alone. */
export function sealedUntilDecoded(r: CompetitionResults): CompetitionResults {
  return r.decoded ? r : { ...r, rows: r.rows.map(codeAlone), teams: [], organizations: [] };
}

/** The chief judge's view: the ranking by code, with nothing that names a person or a unit. */
export function byCodeOnly(r: CompetitionResults): CompetitionResults {
  return {
    ...r,
    rows: r.rows.map((x) => ({ ...codeAlone(x), outcomes: [] })),
    teams: [],
    organizations: [],
  };
}

/** A unit's view: its own entrants' rows, its own team and organization standing. */
export function ownUnitOnly(r: CompetitionResults, unitId: number): CompetitionResults {
  return {
    ...r,
    rows: r.rows.filter((x) => x.unitId === unitId),
    teams: r.teams.filter((t) => t.unitId === unitId),
    organizations: r.organizations.filter((o) => o.unitId === unitId),
  };
}

/**
 * Who may read one contestant's explanation: organizers; once decoded, the entry's unit and the
 * contestant themself (role person). Judges' names appear in it only after decoding.
 */
export async function requireEntryReader(ctx: ServiceContext, competitionId: number, entryId: number) {
  const actor = requireRole(ctx, 'admin', 'committee', 'unit', 'person');
  const c = await competitionRow(ctx.db, competitionId);
  const [e] = await ctx.db.select({ unitId: entries.unitId, personId: entries.personId }).from(entries)
    .where(and(eq(entries.id, entryId), eq(entries.competitionId, competitionId)));
  if (!e) throw notFound('参赛选手');
  if (actor.role === 'admin' || actor.role === 'committee') {
    if (!isOrganizer(actor)) throw forbidden('只有组委会可以查看成绩说明');
    return;
  }
  const own = actor.role === 'unit' ? e.unitId === actor.unitId : e.personId === actor.personId;
  if (!own) throw forbidden(actor.role === 'unit' ? '只能查看本单位选手的成绩' : '只能查看本人的成绩');
  if (!isDecoded(c.status)) throw conflict('成绩解密后才能查看');
}

const DECIDED_TEXT: Record<DecidedBy, string> = {
  total: '总成绩低于上一名',
  practical: '与上一名总成绩相同，按实操成绩排定',
  time: '与上一名总成绩相同，按完成用时（用时短者在前）排定',
  theory: '与上一名总成绩相同，按理论成绩排定',
  oral: '与上一名总成绩相同，按答辩成绩排定',
  shared: '与上一名总成绩及各项比较均相同，名次并列',
};

const DECIDED_TEXT_EN: Record<DecidedBy, string> = {
  total: 'a lower total than the place above',
  practical: 'the same total as the place above, placed by the practical score',
  time: 'the same total as the place above, placed by completion time (shorter first)',
  theory: 'the same total as the place above, placed by the theory score',
  oral: 'the same total as the place above, placed by the oral score',
  shared: 'the same total and every comparison as the place above: the place is shared',
};

/** "第3名（共12人参加排名）：与上一名总成绩相同，按实操成绩排定" (or in English). */
export function rankText(row: ResultRow, ranked: number, lang: Lang = 'zh'): string {
  if (lang === 'en') {
    if (row.rank == null) return 'A part score is missing: not ranked';
    return `Place ${row.rank} of ${ranked} ranked: ${row.decidedBy ? DECIDED_TEXT_EN[row.decidedBy] : 'the highest total'}`;
  }
  if (row.rank == null) return '缺少部分成绩，未参加排名';
  const head = `第${row.rank}名（共${ranked}人参加排名）`;
  return `${head}：${row.decidedBy ? DECIDED_TEXT[row.decidedBy] : '总成绩最高'}`;
}
