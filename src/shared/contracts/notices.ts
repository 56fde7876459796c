import { z } from 'zod';
import { IsoDate, Name, Text } from './common.js';

/** Kinds of list that go through public notice (公示). Later selections add theirs. */
export const NOTICE_KINDS = ['competition-results', 'selection-shortlist', 'selection-experts'] as const;
export const NoticeKind = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof NoticeKind>;

/**
 * open (公示中) → final (公示期满，结果生效) when the period ends with no open objection;
 * open → suspended (中止) when an objection is upheld, then a new round restarts the notice;
 * open → withdrawn (撤回) by the organizer.
 */
export const NoticeStatus = z.enum(['open', 'suspended', 'final', 'withdrawn']);
export type NoticeStatus = z.infer<typeof NoticeStatus>;
export const NOTICE_STATUS_NAMES: Record<NoticeStatus, string> = { open: '公示中', suspended: '已中止', final: '公示期满', withdrawn: '已撤回' };

export const ObjectionStatus = z.enum(['open', 'investigating', 'upheld', 'dismissed']);
export type ObjectionStatus = z.infer<typeof ObjectionStatus>;
export const OBJECTION_STATUS_NAMES: Record<ObjectionStatus, string> = { open: '待处理', investigating: '调查中', upheld: '异议成立', dismissed: '异议不成立' };

/** A column of the published list; rows carry only these keys, already masked. */
export const NoticeColumn = z.object({ key: z.string(), title: z.string() });
export type NoticeColumn = z.infer<typeof NoticeColumn>;

export const PublishNoticeInput = z.object({
  workingDays: z.number().int().min(1, '公示期至少 1 个工作日').max(30).default(5),
  title: Name.min(1, '请填写标题').max(200).optional(),
});

/** The public face of a notice. */
export const PublicNotice = z.object({
  id: z.number().int(),
  kind: NoticeKind,
  subjectId: z.number().int(),
  round: z.number().int(),
  title: z.string(),
  intro: z.string(),
  status: NoticeStatus,
  workingDays: z.number().int(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  endsAt: z.string(),
  publishedAt: z.string(),
  columns: z.array(NoticeColumn),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
export type PublicNotice = z.infer<typeof PublicNotice>;

/** The organizers' view adds the objection counts. */
export const Notice = PublicNotice.extend({
  objections: z.object({ open: z.number().int(), total: z.number().int() }),
  closedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  version: z.number().int(),
});
export type Notice = z.infer<typeof Notice>;

export const ObjectionInput = z.object({
  name: Name.min(2, '请填写真实姓名').max(50),
  contact: Name.regex(/^(1[3-9]\d{9}|[^\s@]+@[^\s@]+\.[^\s@]+)$/, '请填写手机号或电子邮箱').max(100),
  content: Text.min(10, '请写明异议事项和理由（至少 10 个字）').max(4000),
});

export const Objection = z.object({
  id: z.number().int(),
  noticeId: z.number().int(),
  name: z.string(),
  contactMasked: z.string(),
  content: z.string(),
  lodgedAt: z.string(),
  status: ObjectionStatus,
  resolution: z.string().nullable(),
  handledAt: z.string().nullable(),
});
export type Objection = z.infer<typeof Objection>;

export const ResolveObjectionInput = z.object({
  status: z.enum(['investigating', 'upheld', 'dismissed']),
  resolution: Text.min(4, '请写明处理意见').max(2000),
});
