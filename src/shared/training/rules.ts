import { z } from 'zod';

/**
 * 培训平台: one model for both programmes. A programme (创业培训; 新技师培养带动计划) has classes;
 * a class has its target group, curriculum, college or venue, teachers, planned and actual dates,
 * planned size and quota, its sessions, and the rule that says who completed it.
 */
export const PROGRAMME_KINDS = ['entrepreneurship', 'new-technician'] as const;
export const ProgrammeKind = z.enum(PROGRAMME_KINDS);
export type ProgrammeKind = z.infer<typeof ProgrammeKind>;
export const PROGRAMME_KIND_NAMES: Record<ProgrammeKind, { zh: string; en: string }> = {
  entrepreneurship: { zh: '创业培训', en: 'Entrepreneurship training' },
  'new-technician': { zh: '新技师培养带动计划', en: 'New-technician programme' },
};

export const TARGET_GROUPS = ['migrant-workers', 'graduates', 'students', 'new-technicians'] as const;
export const TargetGroup = z.enum(TARGET_GROUPS);
export type TargetGroup = z.infer<typeof TargetGroup>;
export const TARGET_GROUP_NAMES: Record<TargetGroup, { zh: string; en: string }> = {
  'migrant-workers': { zh: '返乡农民工', en: 'Returning migrant workers' },
  graduates: { zh: '高校毕业生', en: 'College graduates' },
  students: { zh: '在校大学生（创业意识培训）', en: 'University students (awareness course)' },
  'new-technicians': { zh: '新技师培养对象', en: 'New-technician trainees' },
};

/** GYB 产生你的企业想法, SYB 创办你的企业, IYB 改善你的企业; 创业意识; a trade's syllabus (新技师). */
export const CURRICULA = ['GYB', 'SYB', 'IYB', 'awareness', 'syllabus'] as const;
export const Curriculum = z.enum(CURRICULA);
export type Curriculum = z.infer<typeof Curriculum>;
export const CURRICULUM_NAMES: Record<Curriculum, { zh: string; en: string }> = {
  GYB: { zh: 'GYB（产生你的企业想法）', en: 'GYB (Generate Your Business idea)' },
  SYB: { zh: 'SYB（创办你的企业）', en: 'SYB (Start Your Business)' },
  IYB: { zh: 'IYB（改善你的企业）', en: 'IYB (Improve Your Business)' },
  awareness: { zh: '创业意识培训', en: 'Entrepreneurship awareness' },
  syllabus: { zh: '职业（工种）培训大纲', en: "The trade's syllabus" },
};

/** Which target groups and curricula a programme's classes may have. */
export const PROGRAMME_TARGET_GROUPS: Record<ProgrammeKind, readonly TargetGroup[]> = {
  entrepreneurship: ['migrant-workers', 'graduates', 'students'],
  'new-technician': ['new-technicians'],
};
export const PROGRAMME_CURRICULA: Record<ProgrammeKind, readonly Curriculum[]> = {
  entrepreneurship: ['GYB', 'SYB', 'IYB', 'awareness'],
  'new-technician': ['syllabus'],
};

/**
 * 结业条件: at least `minAttendancePct` % of the class's held sessions attended (present or late),
 * and, where required, a business plan submitted (创业计划书) or the appraisal passed (鉴定合格).
 */
export const CompletionRule = z.object({
  minAttendancePct: z.number({ error: '出勤率应为 0–100 的数' }).min(0, '出勤率应为 0–100 的数').max(100, '出勤率应为 0–100 的数'),
  businessPlanRequired: z.boolean(),
  appraisalRequired: z.boolean(),
});
export type CompletionRule = z.infer<typeof CompletionRule>;

export function defaultCompletionRule(kind: ProgrammeKind, group: TargetGroup): CompletionRule {
  if (kind === 'new-technician') return { minAttendancePct: 80, businessPlanRequired: false, appraisalRequired: false };
  return { minAttendancePct: 80, businessPlanRequired: group !== 'students', appraisalRequired: false };
}

/**
 * A class's life: planned (计划) → enrolling (报名) → running (开班) → finished (结业) ; cancelled
 * from planned or enrolling. Sessions and enrolment are edited until it finishes; completions are
 * written once, when it finishes.
 */
export const CLASS_STATUSES = ['planned', 'enrolling', 'running', 'finished', 'cancelled'] as const;
export const ClassStatus = z.enum(CLASS_STATUSES);
export type ClassStatus = z.infer<typeof ClassStatus>;
export const CLASS_STATUS_NAMES: Record<ClassStatus, { zh: string; en: string }> = {
  planned: { zh: '计划中', en: 'Planned' },
  enrolling: { zh: '报名中', en: 'Enrolling' },
  running: { zh: '培训中', en: 'Running' },
  finished: { zh: '已结业', en: 'Finished' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};
export const CLASS_TRANSITIONS: Record<ClassStatus, readonly ClassStatus[]> = {
  planned: ['enrolling', 'cancelled'],
  enrolling: ['running', 'cancelled'],
  running: ['finished'],
  finished: [],
  cancelled: [],
};
export function canMoveClass(from: ClassStatus, to: ClassStatus): boolean {
  return CLASS_TRANSITIONS[from].includes(to);
}

/** How an attendance record was taken: 扫码 by the trainee, 点名 by the teacher, 签到表 keyed back. */
export const ATTENDANCE_METHODS = ['qr', 'roster', 'sheet'] as const;
export const AttendanceMethod = z.enum(ATTENDANCE_METHODS);
export type AttendanceMethod = z.infer<typeof AttendanceMethod>;
export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;
/** Present and late count as attended; absent and excused (请假) do not. */
export const attended = (s: AttendanceStatus): boolean => s === 'present' || s === 'late';

export const ENROLMENT_STATUSES = ['nominated', 'enrolled', 'rejected', 'withdrawn'] as const;
export const EnrolmentStatus = z.enum(ENROLMENT_STATUSES);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;
export const ENROLMENT_SOURCES = ['organizer', 'excel', 'employer'] as const;
export const EnrolmentSource = z.enum(ENROLMENT_SOURCES);
export type EnrolmentSource = z.infer<typeof EnrolmentSource>;

/** 新技师: an employer nominates only a worker who holds 高级工 (level 3) or higher. */
export const NEW_TECHNICIAN_MIN_LEVEL = 3;
/** Passing the appraisal makes the trainee a 技师 (level 2). */
export const NEW_TECHNICIAN_AWARDED_LEVEL = 2;
