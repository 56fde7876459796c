import { beijingDate } from '../../../shared/calendar/working-days.js';
import type { Notice, PublicNotice } from '../../../shared/contracts/notices.js';
import type { notices } from './tables.js';

type Row = typeof notices.$inferSelect;

export function presentPublicNotice(r: Row): PublicNotice {
  return {
    id: r.id, kind: r.kind, subjectId: r.subjectId, round: r.round, title: r.title, intro: r.intro, status: r.status,
    workingDays: r.workingDays, startsOn: r.startsOn, endsOn: r.endsOn, endsAt: r.endsAt.toISOString(), publishedAt: r.publishedAt.toISOString(),
    columns: r.columns, rows: r.rows,
  };
}

export function presentNotice(r: Row, objections: { open: number; total: number }): Notice {
  return {
    ...presentPublicNotice(r), objections,
    closedAt: r.closedAt?.toISOString() ?? null, closedReason: r.closedReason, version: r.version,
  };
}

/** A period's end as a clerk writes it: the last working day, 24:00 Beijing time. */
export const endText = (r: Pick<Row, 'endsOn'>) => `${r.endsOn} 24:00（北京时间）`;

/** The Beijing date of the moment just before `d`: a period ending at 24:00 ends on its last day. */
export const beijingDayBefore = (d: Date) => beijingDate(new Date(d.getTime() - 1));
