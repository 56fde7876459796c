import { z } from 'zod';
import { Id, Line, Name, Text, Version } from '../contracts/common.js';
import { Gender, IdNumber, LevelNumber, Phone } from '../contracts/people.js';
import { higherLevel, LEVEL_NAMES, type Level } from '../levels.js';
import { EnrolmentSource, EnrolmentStatus, NEW_TECHNICIAN_MIN_LEVEL, type EnrolmentStatus as Status } from './rules.js';

/**
 * 学员报名的规则 (pure): who holds a place, which dates clash, what level a new technician needs,
 * and how 准考证号 are numbered.
 */

/** A place that counts: nominated (awaiting the college) or enrolled. Rejected and withdrawn rows may be reused. */
export const HOLDS_PLACE: readonly Status[] = ['nominated', 'enrolled'];
export const holdsPlace = (s: Status): boolean => HOLDS_PLACE.includes(s);

export const ENROLMENT_STATUS_NAMES: Record<Status, { zh: string; en: string }> = {
  nominated: { zh: '已推荐（待院校确认）', en: 'Nominated (awaiting the college)' },
  enrolled: { zh: '已录取', en: 'Enrolled' },
  rejected: { zh: '未录取', en: 'Refused' },
  withdrawn: { zh: '已退出', en: 'Withdrawn' },
};
export const ENROLMENT_SOURCE_NAMES: Record<EnrolmentSource, { zh: string; en: string }> = {
  organizer: { zh: '组织方录入', en: 'Entered by the organizer' },
  excel: { zh: 'Excel 导入', en: 'Imported from Excel' },
  employer: { zh: '单位推荐', en: 'Nominated by the employer' },
};

/** Two closed date ranges (yyyy-mm-dd, inclusive) share at least one day. */
export function datesOverlap(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The best (highest: smallest number) of the levels on record; null when none is known. */
export function bestLevel(levels: readonly (Level | null | undefined)[]): Level | null {
  return levels.reduce<Level | null>((best, l) => higherLevel(best, l ?? null), null);
}

/**
 * 新技师: why a nomination is refused on level, or null. The employer must confirm 高级工 or higher;
 * a level on record (the person's, their qualification records: the best of them) that is lower
 * refuses it whatever the employer confirms. No level on record: the employer's confirmation stands.
 */
export function newTechnicianLevelProblem(recorded: Level | null, confirmed: Level): { on: 'confirmed' | 'recorded'; reason: string } | null {
  const min = LEVEL_NAMES[NEW_TECHNICIAN_MIN_LEVEL as Level].zh;
  if (confirmed > NEW_TECHNICIAN_MIN_LEVEL) return { on: 'confirmed', reason: `确认的等级为${LEVEL_NAMES[confirmed].zh}，新技师培养对象须为${min}或以上` };
  if (recorded != null && recorded > NEW_TECHNICIAN_MIN_LEVEL) return { on: 'recorded', reason: `登记的职业资格等级为${LEVEL_NAMES[recorded].zh}，低于${min}，不能推荐` };
  return null;
}

/** 准考证号: JC<year>-<class id>-<sequence, 3 digits or more>. */
export function examNumber(year: string, classId: number, seq: number): string {
  return `JC${year}-${classId}-${String(seq).padStart(3, '0')}`;
}

/** The sequence of an exam number of this class and year, or null for any other text. */
export function examSequence(year: string, classId: number, value: string | null): number | null {
  const m = value ? new RegExp(`^JC${year}-${classId}-(\\d{3,})$`).exec(value) : null;
  return m ? Number(m[1]) : null;
}

/** Numbers the trainees without one, in order, after the highest sequence already given. */
export function nextExamNumbers(year: string, classId: number, existing: readonly (string | null)[], count: number): string[] {
  const top = Math.max(0, ...existing.map((e) => examSequence(year, classId, e) ?? 0));
  return Array.from({ length: count }, (_, i) => examNumber(year, classId, top + i + 1));
}

// ---- contracts ----

/** 组织方录入: an existing person, or a new one (an ID number already registered is that person). */
export const EnrolInput = z.object({
  personId: Id.optional(),
  name: Name.min(1, '请填写姓名').max(50).optional(),
  gender: Gender.optional(),
  idNumber: IdNumber.optional(),
  phone: Phone.optional().nullable(),
  unitId: Id.optional(),
}).superRefine((v, ctx) => {
  if (v.personId != null) return;
  if (!v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '请选择人员，或填写新人员的姓名' });
  if (!v.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '请填写新人员的身份证号' });
  if (!v.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: '请选择新人员的单位' });
});
export type EnrolInput = z.input<typeof EnrolInput>;

export const NominationInput = z.object({
  personId: Id,
  confirmedLevel: LevelNumber,
});
export const Decision = z.object({
  decision: z.enum(['accept', 'reject']),
  reason: Text.max(500).optional(),
  version: Version,
});
export const VersionBody = z.object({ version: Version });
export const WithdrawInput = z.object({ reason: Line.min(1, '请填写退出原因').max(500), version: Version });

export const EnrolmentView = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  gender: Gender,
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  level: LevelNumber.nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  status: EnrolmentStatus,
  source: EnrolmentSource,
  confirmedLevel: LevelNumber.nullable(),
  examNumber: z.string().nullable(),
  reason: z.string().nullable(),
  version: z.number().int(),
  hasAccount: z.boolean(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type EnrolmentView = z.infer<typeof EnrolmentView>;

export const IssuedAccount = z.object({ personId: z.number().int(), name: z.string(), username: z.string(), oneTimePassword: z.string() });
export const IssuedAccounts = z.object({ created: z.array(IssuedAccount), kept: z.number().int() });
export const ExamNumbersResult = z.object({ assigned: z.number().int() });
export const ImportResult = z.object({ enrolled: z.number().int(), created: z.number().int() });

