import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, Line, MAX_ID, Name, Version } from './common.js';

import { CompetitionPart, CompetitionParts, PARTS_30_70 } from '../competition/parts.js';
import { AmendmentStatus, CompetitionStatus, EntryStatus } from '../competition/states.js';

export { AmendmentStatus, CompetitionStatus, EntryStatus };

export { PartKey } from '../competition/parts.js';

/**
 * The competition's rules as data, stored at set-up and applied when results are computed:
 * the tie-break chain, how many are honoured, the team and organization awards, the outcomes.
 */
export const CompetitionRules = z.object({
  /** 并列名次: compared in order; 'time' = shorter completion time first. */
  tieBreak: z.array(z.enum(['practical', 'time', 'theory', 'oral'])).max(4).default(['practical', 'time', 'theory']),
  topN: z.number().int().min(1).max(100).default(6),
  /** Individual awards need at least this many entrants in the trade. */
  minEntrantsForAwards: z.number().int().min(1).max(1000).default(6),
  /** 团体奖: units ranked by the sum of their best k totals. */
  teamBestK: z.number().int().min(1).max(20).default(3),
  /**
   * A unit with fewer than k contestants holding a total: left out of the team ranking
   * ('excluded', as before this rule existed) or ranked on the sum of what it has ('ranked').
   */
  teamBelowK: z.enum(['excluded', 'ranked']).default('excluded'),
  /** How many teams are honoured (团体第1名 …). */
  teamAwards: z.number().int().min(0).max(20).default(3),
  /** 组织奖: units scored by entrants × a + awards × b (configurable weights); the best `count` win. */
  organizationAward: z.object({
    perEntrant: z.number().min(0).max(100).default(1),
    perTopN: z.number().min(0).max(100).default(5),
    count: z.number().int().min(0).max(50).default(5),
  }).default({ perEntrant: 1, perTopN: 5, count: 5 }),
  outcomes: z.object({
    winnerLevel: z.number().int().min(1).max(5).default(2),
    winnerTitle: Name.max(50).default('市技术能手'),
    passBothLevel: z.number().int().min(1).max(5).default(3),
  }).default({ winnerLevel: 2, winnerTitle: '市技术能手', passBothLevel: 3 }),
  /** 申诉: hours after the competition ends in which appeals are taken. */
  appealWindowHours: z.number().int().min(0).max(240).default(2),
});
export type CompetitionRules = z.infer<typeof CompetitionRules>;
export type TeamBelowK = CompetitionRules['teamBelowK'];

/** The fields of a competition's set-up, without defaults (a partial update leaves out what it does not change). */
const competitionFields = {
  /** The campaign it belongs to; left out on creation, the current campaign. */
  campaignId: Id,
  tradeId: Id,
  level: z.number().int().min(1).max(5),
  name: Name.min(1, '请填写竞赛名称').max(100),
  startsOn: IsoDate,
  endsOn: IsoDate,
  venue: Line.min(1, '请填写竞赛地点').max(200),
  stations: z.number().int().min(1, '工位数至少为 1').max(1000),
  codePrefix: z.string().trim().regex(/^[A-Z]{1,3}$/, '编号前缀应为 1–3 个大写字母'),
  registrationOpensAt: IsoDateTime,
  registrationClosesAt: IsoDateTime,
  defaultQuota: z.number().int().min(1).max(1000).nullable(),
  unitQuotas: z.record(z.string().regex(/^[1-9]\d{0,9}$/, '单位编号无效').refine((k) => Number(k) <= MAX_ID, '单位编号无效'), z.number().int().min(0).max(1000)),
  parts: CompetitionParts,
  rules: CompetitionRules,
};

export const CompetitionInput = z.object({
  ...competitionFields,
  campaignId: competitionFields.campaignId.optional(),
  level: competitionFields.level.default(3),
  codePrefix: competitionFields.codePrefix.default('A'),
  defaultQuota: competitionFields.defaultQuota.default(null),
  unitQuotas: competitionFields.unitQuotas.default({}),
  parts: CompetitionParts.default(() => PARTS_30_70.map((p) => ({ ...p }))),
  rules: CompetitionRules.default(CompetitionRules.parse({})),
}).refine((c) => c.startsOn <= c.endsOn, { path: ['endsOn'], message: '结束日期不能早于开始日期' })
  .refine((c) => c.registrationOpensAt < c.registrationClosesAt, { path: ['registrationClosesAt'], message: '报名截止时间须晚于开始时间' });
export type CompetitionInput = z.infer<typeof CompetitionInput>;

/** Rules in a partial update: only the rules named change, the others stay as they are. */
const RulesPatch = z.object(Object.fromEntries(Object.entries(CompetitionRules.shape).map(([k, v]) => [k, (v as z.ZodDefault<z.ZodType>).unwrap().optional()])) as {
  [K in keyof typeof CompetitionRules.shape]: z.ZodOptional<ReturnType<(typeof CompetitionRules.shape)[K]['unwrap']>>
});

/**
 * 修改竞赛规则 PATCH: any subset of the set-up, with the version read. What the competition's state
 * does not allow to change is refused with a 409 naming the fields (shared/competition/editing.ts).
 */
export const CompetitionPatch = z.strictObject(
  {
    ...(Object.fromEntries(Object.entries(competitionFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof competitionFields]: z.ZodOptional<(typeof competitionFields)[K]> }),
    rules: RulesPatch.optional(),
    version: Version,
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? `不是可修改的竞赛字段：${iss.keys.join('、')}（状态请用开放报名、抽签等操作改变）` : undefined) },
);
export type CompetitionPatch = z.infer<typeof CompetitionPatch>;

export const Competition = z.object({
  id: z.number().int(),
  campaignId: z.number().int(),
  tradeId: z.number().int(),
  tradeName: z.string(),
  level: z.number().int(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  venue: z.string(),
  stations: z.number().int(),
  codePrefix: z.string(),
  registrationOpensAt: z.string(),
  registrationClosesAt: z.string(),
  defaultQuota: z.number().int().nullable(),
  unitQuotas: z.record(z.string(), z.number()),
  parts: z.array(CompetitionPart),
  rules: CompetitionRules,
  status: CompetitionStatus,
  /** When the marks were locked (the competition ended): the appeal window runs from here. */
  endedAt: z.string().nullable(),
  version: z.number().int(),
  entryCounts: z.record(z.string(), z.number().int()),
});
export type Competition = z.infer<typeof Competition>;

export const StatusChange = z.object({ to: CompetitionStatus, version: Version });

export const StaffRole = z.enum(['judge', 'chief', 'substitute', 'decoder', 'operator']);
export type StaffRole = z.infer<typeof StaffRole>;
export const StaffInput = z.object({ accountId: Id, role: StaffRole });
export const StaffMember = z.object({
  accountId: z.number().int(), username: z.string(), displayName: z.string(), accountRole: z.string(),
  unitId: z.number().int().nullable(), unitName: z.string().nullable(), role: StaffRole,
});
