import { z } from 'zod';

export const CommitteeBodyInfo = z.object({ key: z.string(), name: z.string(), duties: z.string() });

/** 活动: one of the campaign's planned activities, with the plan's targets (plan and actual are kept apart). */
export const Activity = z.object({
  id: z.number().int(),
  key: z.string(),
  name: z.string(),
  area: z.string(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  venue: z.string().nullable(),
  target: z.string().nullable(),
  description: z.string(),
});

/** 文件: an official document such as the launching notice, numbered like 〔2009〕28号. */
export const CampaignDocument = z.object({
  id: z.number().int(),
  title: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string(),
  body: z.string(),
});

export const Campaign = z.object({
  id: z.number().int(),
  name: z.string(),
  theme: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  organizer: z.string(),
  coOrganizers: z.array(z.string()),
  committeeBodies: z.array(CommitteeBodyInfo),
  contentAreas: z.array(z.string()),
  activities: z.array(Activity),
  documents: z.array(CampaignDocument),
});
export type Campaign = z.infer<typeof Campaign>;

export const Dashboard = z.object({
  campaign: z.object({ id: z.number().int(), name: z.string(), startsOn: z.string(), endsOn: z.string() }).nullable(),
  unitsByKind: z.record(z.string(), z.number().int()),
  people: z.number().int(),
  peopleByTradeAndLevel: z.array(
    z.object({ tradeId: z.number().int().nullable(), tradeName: z.string(), level: z.number().int().nullable(), count: z.number().int() }),
  ),
});
export type Dashboard = z.infer<typeof Dashboard>;
