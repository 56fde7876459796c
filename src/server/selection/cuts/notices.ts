import type { Notice } from '../../../shared/contracts/notices.js';
import { listNotices, publishNotice } from '../../core/notices/service.js';
import type { ServiceContext } from '../../context.js';
import { requireSelectionStaff, roundRow } from '../rounds/policy.js';

const KINDS = { shortlist: 'selection-shortlist', experts: 'selection-experts' } as const;

/** 发布公示: the published cut (shortlist) or the approved final list (experts), for the notice stage's working days. */
export async function publishSelectionNotice(ctx: ServiceContext, roundId: number, which: keyof typeof KINDS, input: { workingDays?: number }): Promise<Notice> {
  requireSelectionStaff(ctx);
  const round = await roundRow(ctx.db, roundId);
  const stage = round.rules.stages.find((s) => s.kind === 'notice');
  const workingDays = input.workingDays ?? (stage?.kind === 'notice' ? stage.workingDays : 5);
  return publishNotice(ctx, KINDS[which], roundId, { workingDays });
}

/** The round's notices (both kinds, every round of each), newest first, with their objection counts. */
export async function roundNotices(ctx: ServiceContext, roundId: number): Promise<Notice[]> {
  requireSelectionStaff(ctx);
  await roundRow(ctx.db, roundId);
  const lists = await Promise.all(Object.values(KINDS).map((kind) => listNotices(ctx, { kind, subjectId: roundId })));
  return lists.flat().sort((a, b) => b.id - a.id);
}
