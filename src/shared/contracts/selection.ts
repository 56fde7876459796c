import { z } from 'zod';
import { SelectionRules, STAGE_KIND_NAMES, type StageKind } from '../selection/rules.js';
import { Id, IsoDate, IsoDateTime, Name, Version } from './common.js';

export { STAGE_KIND_NAMES, type StageKind };

export const RoundInput = z.object({
  campaignId: Id,
  name: Name.min(1, '请填写名称').max(60),
  /** Without rules, the default round (defaultSelectionRules) with this nomination window. */
  nominationOpensOn: IsoDate,
  nominationClosesOn: IsoDate,
  rules: SelectionRules.optional(),
});
export type RoundInput = z.infer<typeof RoundInput>;

export const RulesUpdate = z.object({ rules: SelectionRules, version: Version });
export const AdvanceInput = z.object({ version: Version, expectStage: z.string() });

export const StageView = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.string(),
  state: z.enum(['done', 'open', 'pending']),
  openedAt: IsoDateTime.nullable(),
  closedAt: IsoDateTime.nullable(),
  /** How many candidates the stage holds (nominated, eligible, examined, marked, in the cut…). */
  count: z.number().int().nullable(),
  /** What the stage still waits for before it can close (empty when it can). */
  blockers: z.array(z.string()),
});
export type StageView = z.infer<typeof StageView>;

export const Round = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  name: z.string(),
  rules: SelectionRules,
  stage: z.number().int(),
  status: z.enum(['running', 'finished']),
  version: z.number().int(),
  stages: z.array(StageView),
});
export type Round = z.infer<typeof Round>;

export const RoundListItem = z.object({
  id: z.number().int(), campaignId: z.number().int(), name: z.string(), status: z.enum(['running', 'finished']),
  stageName: z.string(), candidates: z.number().int(),
});
export type RoundListItem = z.infer<typeof RoundListItem>;
