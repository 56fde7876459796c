import { z } from 'zod';
import { IsoDate } from './common.js';

/** 成员: a member of a committee body, as the plan lists them (name, post, unit); free text. */
export const CommitteeMember = z.object({ name: z.string(), title: z.string(), unit: z.string() });

export const CommitteeBodyInfo = z.object({ key: z.string(), name: z.string(), duties: z.string(), members: z.array(CommitteeMember) });

/** 活动: one of the campaign's planned activities, with the plan's targets (plan and actual are kept apart). */
export const Activity = z.object({
  id: z.number().int(),
  key: z.string(),
  name: z.string(),
  area: z.string(),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  venue: z.string().nullable(),
  /** 负责单位: who runs it. */
  owner: z.string().nullable(),
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
  /** The campaign new competitions join by default: the one that starts latest. */
  current: z.boolean(),
  version: z.number().int(),
});
export type Campaign = z.infer<typeof Campaign>;

/** One line of the list of campaigns (a bureau runs one a year; past ones stay readable). */
export const CampaignSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  theme: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  organizer: z.string(),
  current: z.boolean(),
  competitions: z.number().int(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

// ---- input: what organizers type in the console ----

/** Control characters (except tab and line breaks in long texts), bidi overrides and zero-width characters. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const HIDDEN_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const LINE_BREAKS = /[\r\n\t]/;

/** A one-line text: trimmed, required unless `optional`, refusing hidden characters and line breaks. */
const line = (label: string, max: number) =>
  z.string().trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`)
    .refine((s) => !HIDDEN_CHARS.test(s) && !LINE_BREAKS.test(s), `${label}含有不可见字符或换行`);
const optionalLine = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`)
    .refine((s) => !HIDDEN_CHARS.test(s) && !LINE_BREAKS.test(s), `${label}含有不可见字符或换行`)
    .nullish()
    .transform((s) => (s ? s : null));
const longText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).refine((s) => !HIDDEN_CHARS.test(s), `${label}含有不可见字符`).default('');

/** A real calendar date (2009-02-30 is refused). */
export const CalendarDate = IsoDate.refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, '日期不存在');

export const CommitteeMemberInput = z.object({
  name: line('成员姓名', 50),
  title: optionalLine('职务', 100).transform((s) => s ?? ''),
  unit: optionalLine('单位', 100).transform((s) => s ?? ''),
});

export const CommitteeBodyInput = z.object({
  /** A stable key; the standing bodies use the account committee keys (office, competition …). */
  key: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, '机构标识应为字母开头的字母、数字').optional(),
  name: line('机构名称', 50),
  duties: longText('职责', 1000),
  members: z.array(CommitteeMemberInput).max(100, '成员不能超过 100 人').default([]),
});

export const ActivityInput = z.object({
  /** Present when the activity already exists (it keeps its id). */
  id: z.number().int().positive().optional(),
  key: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, '活动标识应为字母开头的字母、数字').optional(),
  name: line('活动名称', 100),
  area: line('所属内容', 50),
  plannedStart: CalendarDate.nullish().transform((s) => s ?? null),
  plannedEnd: CalendarDate.nullish().transform((s) => s ?? null),
  venue: optionalLine('地点', 200),
  owner: optionalLine('负责单位', 200),
  target: optionalLine('目标', 500),
  description: longText('说明', 5000),
}).refine((a) => !a.plannedStart || !a.plannedEnd || a.plannedStart <= a.plannedEnd, { path: ['plannedEnd'], message: '结束日期不能早于开始日期' });

export const DocumentInput = z.object({
  id: z.number().int().positive().optional(),
  title: line('文件标题', 200),
  number: optionalLine('文号', 100),
  issuedOn: CalendarDate,
  body: longText('正文', 50_000),
});

export const CampaignInput = z.object({
  name: line('活动名称', 100),
  theme: optionalLine('活动主题', 200).transform((s) => s ?? ''),
  startsOn: CalendarDate,
  endsOn: CalendarDate,
  organizer: line('主办单位', 100),
  coOrganizers: z.array(line('协办单位', 100)).max(50).default([]),
  committeeBodies: z.array(CommitteeBodyInput).max(30).default([]),
  contentAreas: z.array(line('活动内容', 50)).max(30).default([]),
  activities: z.array(ActivityInput).max(300).default([]),
  documents: z.array(DocumentInput).max(100).default([]),
}).superRefine((c, ctx) => {
  if (c.startsOn && c.endsOn && c.endsOn < c.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '结束日期不能早于开始日期' });
  const dup = <T>(xs: T[], key: (x: T) => string, path: string, what: string) => {
    const seen = new Set<string>();
    xs.forEach((x, i) => {
      const k = key(x);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [path, i], message: `${what}「${k}」重复` });
      seen.add(k);
    });
  };
  dup(c.coOrganizers, (s) => s, 'coOrganizers', '协办单位');
  dup(c.contentAreas, (s) => s, 'contentAreas', '活动内容');
  dup(c.committeeBodies, (b) => b.name, 'committeeBodies', '机构');
  dup(c.committeeBodies.filter((b) => b.key), (b) => b.key!, 'committeeBodies', '机构标识');
  dup(c.activities.filter((a) => a.id), (a) => String(a.id), 'activities', '活动');
  dup(c.documents.filter((d) => d.id), (d) => String(d.id), 'documents', '文件');
});
export type CampaignInput = z.infer<typeof CampaignInput>;
export const CampaignUpdate = CampaignInput.and(z.object({ version: z.number().int() }));

export const Dashboard = z.object({
  campaign: z.object({ id: z.number().int(), name: z.string(), startsOn: z.string(), endsOn: z.string() }).nullable(),
  unitsByKind: z.record(z.string(), z.number().int()),
  people: z.number().int(),
  peopleByTradeAndLevel: z.array(
    z.object({ tradeId: z.number().int().nullable(), tradeName: z.string(), level: z.number().int().nullable(), count: z.number().int() }),
  ),
});
export type Dashboard = z.infer<typeof Dashboard>;
