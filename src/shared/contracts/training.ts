import { z } from 'zod';
import {
  CLASS_STATUSES, ClassStatus, CompletionRule, Curriculum, PROGRAMME_CURRICULA, PROGRAMME_TARGET_GROUPS, ProgrammeKind, TargetGroup,
} from '../training/rules.js';
import { Id, IdText, IsoDate, Line, Name, Text, Version } from './common.js';

const Yuan = z.number({ error: '金额应为数字' }).min(0, '金额不能为负').max(1_000_000, '金额过大')
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, '金额最多两位小数');
const Count = (what: string) => z.number({ error: `${what}应为整数` }).int(`${what}应为整数`).min(0, `${what}不能为负`).max(100_000, `${what}过大`);
const Size = (what: string) => z.number({ error: `${what}应为整数` }).int(`${what}应为整数`).min(1, `${what}至少为 1`).max(100_000, `${what}过大`);
/** A wall-clock time "HH:MM" (Beijing time). */
export const ClockTime = z.string({ error: '时间格式应为 HH:MM' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM（如 08:30）');

export const ProgrammeInput = z.object({
  campaignId: Id.nullable().optional(),
  kind: ProgrammeKind,
  name: Name.min(1, '请填写名称').max(60, '名称最多 60 字'),
  description: Text.max(2000, '说明最多 2000 字').default(''),
  plannedTrainees: Count('计划培训人数').nullable().optional(),
  plannedClasses: Count('计划班数').nullable().optional(),
  trainingFeeYuan: Yuan.default(0),
  appraisalFeeYuan: Yuan.default(0),
});
export type ProgrammeInput = z.input<typeof ProgrammeInput>;
export type ProgrammeData = z.output<typeof ProgrammeInput>;
export const ProgrammeUpdate = ProgrammeInput.omit({ kind: true }).extend({ version: Version });
export type ProgrammeUpdateData = z.output<typeof ProgrammeUpdate>;

/** Plan against actual, for a class or a whole programme. */
export const PlanActual = z.object({
  plannedSize: z.number().int(),
  /** Enrolled (accepted) trainees. */
  enrolled: z.number().int(),
  /** Completions written when the class finished (null until then). */
  completed: z.number().int().nullable(),
  plannedStartOn: IsoDate.nullable(),
  plannedEndOn: IsoDate.nullable(),
  actualStartOn: IsoDate.nullable(),
  actualEndOn: IsoDate.nullable(),
  sessionsPlanned: z.number().int(),
  sessionsHeld: z.number().int(),
});
export type PlanActual = z.infer<typeof PlanActual>;

export const Programme = z.object({
  id: z.number().int(),
  campaignId: z.number().int().nullable(),
  kind: ProgrammeKind,
  name: z.string(),
  description: z.string(),
  plannedTrainees: z.number().int().nullable(),
  plannedClasses: z.number().int().nullable(),
  trainingFeeYuan: z.number(),
  appraisalFeeYuan: z.number(),
  version: z.number().int(),
  classes: z.number().int(),
  /** Summed over its classes (cancelled ones excluded). */
  planActual: PlanActual,
});
export type Programme = z.infer<typeof Programme>;

const ClassFields = z.object({
  name: Name.min(1, '请填写班级名称').max(60, '班级名称最多 60 字'),
  targetGroup: TargetGroup,
  curriculum: Curriculum,
  syllabus: Text.max(4000, '大纲最多 4000 字').default(''),
  tradeIds: z.array(Id).max(20, '工种最多 20 个').default([]),
  collegeUnitId: Id.nullable().optional(),
  venue: Line.max(120, '地点最多 120 字').default(''),
  organizers: z.array(Name.min(1).max(40, '主办单位名称最多 40 字')).max(10, '主办单位最多 10 个').default([]),
  plannedStartOn: IsoDate,
  plannedEndOn: IsoDate,
  graduationOn: IsoDate.nullable().optional(),
  plannedSize: Size('计划人数'),
  quota: Size('名额'),
  unitQuota: Size('每单位名额').nullable().optional(),
  completionRule: CompletionRule.optional(),
  trainingFeeYuan: Yuan.optional(),
  appraisalFeeYuan: Yuan.optional(),
  teacherAccountIds: z.array(Id).max(50, '教师最多 50 人').default([]),
});

const classChecks = <T extends z.ZodType<{ plannedStartOn: string; plannedEndOn: string; plannedSize: number; quota: number }>>(s: T) =>
  s.superRefine((v, ctx) => {
    if (v.plannedEndOn < v.plannedStartOn) ctx.addIssue({ code: 'custom', path: ['plannedEndOn'], message: '计划结束日期不能早于开始日期' });
  });

export const ClassInput = classChecks(ClassFields.extend({ programmeId: Id }));
export type ClassInput = z.input<typeof ClassInput>;
export type ClassData = z.output<typeof ClassInput>;
export const ClassUpdate = classChecks(ClassFields.extend({ version: Version }));
export type ClassUpdate = z.input<typeof ClassUpdate>;
export type ClassUpdateData = z.output<typeof ClassUpdate>;

/** Whether a class's target group and curriculum belong to its programme's kind (null: they do). */
export function classKindProblem(kind: ProgrammeKind, v: { targetGroup: TargetGroup; curriculum: Curriculum }): { field: string; message: string } | null {
  if (!PROGRAMME_TARGET_GROUPS[kind].includes(v.targetGroup)) return { field: 'targetGroup', message: '培训对象与培训项目不符' };
  if (!PROGRAMME_CURRICULA[kind].includes(v.curriculum)) return { field: 'curriculum', message: '课程体系与培训项目不符' };
  return null;
}

export const ClassStatusChange = z.object({
  to: ClassStatus,
  version: Version,
  /** The actual first or last day (defaults to today, Beijing time). */
  on: IsoDate.optional(),
});
export type ClassStatusChange = z.infer<typeof ClassStatusChange>;

export const Teacher = z.object({ accountId: z.number().int(), displayName: z.string(), role: z.string() });

export const TrainingClass = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  programmeKind: ProgrammeKind,
  programmeName: z.string(),
  name: z.string(),
  targetGroup: TargetGroup,
  curriculum: Curriculum,
  syllabus: z.string(),
  tradeIds: z.array(z.number().int()),
  tradeNames: z.array(z.string()),
  collegeUnitId: z.number().int().nullable(),
  collegeName: z.string().nullable(),
  venue: z.string(),
  organizers: z.array(z.string()),
  graduationOn: IsoDate.nullable(),
  quota: z.number().int(),
  unitQuota: z.number().int().nullable(),
  completionRule: CompletionRule,
  trainingFeeYuan: z.number(),
  appraisalFeeYuan: z.number(),
  status: z.enum(CLASS_STATUSES),
  version: z.number().int(),
  teachers: z.array(Teacher),
  planActual: PlanActual,
});
export type TrainingClass = z.infer<typeof TrainingClass>;

export const ClassListItem = TrainingClass.omit({ syllabus: true, teachers: true, completionRule: true });
export type ClassListItem = z.infer<typeof ClassListItem>;

export const SessionInput = z.object({
  day: IsoDate,
  startsAt: ClockTime,
  endsAt: ClockTime,
  room: Line.max(60, '教室最多 60 字').default(''),
  topic: Name.min(1, '请填写课程内容').max(100, '课程内容最多 100 字'),
  teacherName: Name.max(40, '教师姓名最多 40 字').default(''),
  teacherAccountId: Id.nullable().optional(),
}).superRefine((v, ctx) => {
  if (v.endsAt <= v.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间须晚于开始时间' });
});
export type SessionInput = z.input<typeof SessionInput>;
export type SessionData = z.output<typeof SessionInput>;
export const SessionUpdate = z.object({ version: Version }).and(SessionInput);
export const SessionCancel = z.object({ version: Version, cancelled: z.boolean() });

export const TrainingSession = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  day: IsoDate,
  startsAt: z.string(),
  endsAt: z.string(),
  room: z.string(),
  topic: z.string(),
  teacherName: z.string(),
  teacherAccountId: z.number().int().nullable(),
  status: z.enum(['scheduled', 'cancelled']),
  checkinOpen: z.boolean(),
  version: z.number().int(),
});
export type TrainingSession = z.infer<typeof TrainingSession>;

/** 开班课表: a class's schedule as the public sees it (no trainee data). */
export const PublicClass = z.object({
  id: z.number().int(),
  programmeName: z.string(),
  programmeKind: ProgrammeKind,
  name: z.string(),
  targetGroup: TargetGroup,
  curriculum: Curriculum,
  collegeName: z.string().nullable(),
  venue: z.string(),
  organizers: z.array(z.string()),
  plannedStartOn: IsoDate,
  plannedEndOn: IsoDate,
  actualStartOn: IsoDate.nullable(),
  status: z.enum(CLASS_STATUSES),
  sessions: z.array(TrainingSession.pick({ day: true, startsAt: true, endsAt: true, room: true, topic: true, teacherName: true, status: true })),
});
export type PublicClass = z.infer<typeof PublicClass>;

/** 课程日历: sessions across a programme's classes (or all classes) between two days. */
export const SessionsCalendarQuery = z.object({
  from: IsoDate,
  to: IsoDate,
  programmeId: IdText.optional(),
}).superRefine((v, ctx) => {
  if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' });
  else if (Date.parse(v.to) - Date.parse(v.from) > 92 * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: '一次最多查询 92 天' });
});
export const CalendarSession = TrainingSession.extend({ className: z.string(), programmeId: z.number().int(), classStatus: z.enum(CLASS_STATUSES) });
export type CalendarSession = z.infer<typeof CalendarSession>;

/** An account the training staff may name as a class's teacher (an expert's or a college's account). */
export const TeacherOption = Teacher.extend({ unitName: z.string().nullable() });
export type TeacherOption = z.infer<typeof TeacherOption>;
