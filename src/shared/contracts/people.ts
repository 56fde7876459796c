import { z } from 'zod';
import { checkIdNumber } from '../idcard.js';
import { isValidPhone, normalizePhone } from '../phone.js';
import { Id, IdText, IsoDate, Line, Name, Page, pageSizeOf } from './common.js';

export const Gender = z.enum(['M', 'F']);
export const LevelNumber = z.number().int().min(1).max(5);

const ID_PROBLEM_MESSAGES = {
  empty: '请填写身份证号',
  length: '身份证号应为 18 位',
  characters: '身份证号只能是数字，最后一位可为 X',
  region: '身份证号地区码无效',
  birthDate: '身份证号中的出生日期无效',
  checkCharacter: '身份证号校验位错误',
} as const;

export function idNumberMessage(problem: keyof typeof ID_PROBLEM_MESSAGES): string {
  return ID_PROBLEM_MESSAGES[problem];
}

/** A resident ID number, normalized, with its GB 11643 check character verified. */
export const IdNumber = z.string().max(40, '身份证号应为 18 位').transform((raw, ctx) => {
  const r = checkIdNumber(raw);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: ID_PROBLEM_MESSAGES[r.problem] });
    return z.NEVER;
  }
  return r.value;
});

export const Phone = z.string().max(40, '手机号应为 11 位数字（或带区号的固定电话）').transform((raw, ctx) => {
  const v = normalizePhone(raw);
  if (!isValidPhone(v)) {
    ctx.addIssue({ code: 'custom', message: '手机号应为 11 位数字（或带区号的固定电话）' });
    return z.NEVER;
  }
  return v;
});

export const PersonInput = z.object({
  name: Name.min(1, '请填写姓名').max(50),
  gender: Gender.optional(),
  idNumber: IdNumber,
  phone: Phone.optional().nullable(),
  unitId: Id.optional(),
  tradeId: Id.optional().nullable(),
  level: LevelNumber.optional().nullable(),
  frontLine: z.boolean().default(true),
  yearsInTrade: z.number().int().min(0).max(60).optional().nullable(),
});
export type PersonInput = z.input<typeof PersonInput>;

export const PersonUpdate = z.object({
  name: Name.min(1, '请填写姓名').max(50).optional(),
  phone: Phone.optional().nullable(),
  tradeId: Id.optional().nullable(),
  frontLine: z.boolean().optional(),
  yearsInTrade: z.number().int().min(0).max(60).optional().nullable(),
});

export const Person = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: Gender,
  birthYear: z.number().int(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  tradeId: z.number().int().nullable(),
  tradeName: z.string().nullable(),
  level: LevelNumber.nullable(),
  frontLine: z.boolean(),
  yearsInTrade: z.number().int().nullable(),
});
export type Person = z.infer<typeof Person>;

export const QualificationRecord = z.object({
  id: z.number().int(),
  level: LevelNumber,
  tradeId: z.number().int().nullable(),
  tradeName: z.string().nullable(),
  obtainedOn: z.string(),
  source: z.string(),
  recordedAt: z.string(),
});

export const QualificationInput = z.object({
  level: LevelNumber,
  tradeId: Id.optional().nullable(),
  obtainedOn: IsoDate,
  source: Line.min(1, '请填写来源').max(200),
});

export const PersonDetail = Person.extend({ qualifications: z.array(QualificationRecord) });

export const PeopleQuery = z.object({
  q: Line.max(50).optional(),
  unitId: IdText.optional(),
  tradeId: IdText.optional(),
  level: z.coerce.number<unknown>({ error: '等级应为 1–5' }).int('等级应为 1–5').min(1, '等级应为 1–5').max(5, '等级应为 1–5').optional(),
  page: Page,
  pageSize: pageSizeOf(20),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const RevealedPerson = z.object({ id: z.number().int(), idNumber: z.string(), phone: z.string().nullable() });
