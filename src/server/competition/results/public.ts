import { sql } from 'drizzle-orm';
import type { CompetitionStatus } from '../../../shared/contracts/competitions.js';
import type { OrganizationRow, TeamRow } from '../../../shared/contracts/results.js';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/sql-helpers.js';
import { notFound } from '../../http/errors.js';
import { computeResults } from './compute.js';

export interface PublicRankings {
  competitionName: string;
  tradeName: string;
  status: CompetitionStatus;
  teams: TeamRow[];
  organizations: OrganizationRow[];
}

/**
 * 团体与组织奖排名 for the public site, once the results are on notice (公示) or final: units and
 * contestants' names only — no ID, phone, or exam number. Any other status is "not found".
 */
export async function publicRankings(db: DbOrTx, competitionId: number): Promise<PublicRankings> {
  const [c] = await rowsOf<{ status: CompetitionStatus }>(db, sql`select status from competitions where id = ${competitionId}`);
  if (!c || !['notice', 'final'].includes(c.status)) throw notFound('公示的竞赛成绩');
  const r = await computeResults(db, competitionId);
  return {
    competitionName: r.competitionName, tradeName: r.tradeName, status: c.status,
    teams: r.teams.map((t) => ({ ...t, counted: t.counted.map((x) => ({ entryId: x.entryId, code: x.code, name: x.name, total: x.total })) })),
    organizations: r.organizations,
  };
}
