import { z } from 'zod';
import { Id, Line, Name, Page, pageSizeOf } from './common.js';

/** 单位类别 */
export const UNIT_KINDS = ['enterprise', 'school', 'department', 'district', 'industry'] as const;
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

/** 统一社会信用代码: 18 characters of digits and upper-case letters (no I, O, S, V, Z). */
export const CreditCode = z
  .string()
  .max(40)
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为 18 位数字或大写字母');

export const UnitInput = z.object({
  name: Name.min(2, '单位名称至少 2 个字').max(100),
  kind: UnitKind,
  code: CreditCode.optional().nullable(),
  district: Name.max(50).optional().nullable(),
  contactName: Name.max(50).optional().nullable(),
  contactPhone: Line.max(20).optional().nullable(),
  /** 所属行业组织: an industry body (a unit of kind 'industry') that may nominate this unit's people. */
  industryId: Id.optional().nullable(),
});
export type UnitInput = z.infer<typeof UnitInput>;

export const Unit = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: UnitKind,
  code: z.string().nullable(),
  district: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable(),
  industryId: z.number().int().nullable(),
  peopleCount: z.number().int(),
});
export type Unit = z.infer<typeof Unit>;

export const UnitsQuery = z.object({
  q: Line.max(100).optional(),
  kind: UnitKind.optional(),
  page: Page,
  pageSize: pageSizeOf(50),
});
