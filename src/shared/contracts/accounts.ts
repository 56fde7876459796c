import { z } from 'zod';
import { Id, Line, Name, Page, pageSizeOf } from './common.js';
import { CommitteeBody, NewPassword, Role } from './auth.js';

export const Username = z
  .string()
  .trim()
  .min(3, '用户名至少 3 个字符')
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符');

export const CreateAccountBody = z
  .object({
    username: Username,
    displayName: Name.min(1, '请填写姓名或名称').max(64),
    role: Role,
    phone: Line.max(20).optional(),
    unitId: Id.optional(),
    personId: Id.optional(),
    committeeBody: CommitteeBody.optional(),
    password: NewPassword.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'unit' && !v.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: '单位账号须指定单位' });
    if (v.role === 'committee' && !v.committeeBody)
      ctx.addIssue({ code: 'custom', path: ['committeeBody'], message: '组委会成员须指定所属机构' });
  });
export type CreateAccountBody = z.infer<typeof CreateAccountBody>;

export const Account = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  phoneMasked: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  personId: z.number().int().nullable(),
  committeeBody: CommitteeBody.nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof Account>;

export const AccountsQuery = z.object({
  q: Line.max(64).optional(),
  role: Role.optional(),
  page: Page,
  pageSize: pageSizeOf(20),
});

/** A one-time password: shown once to the admin, must be changed at first login. */
export const OneTimePassword = z.object({ username: z.string(), oneTimePassword: z.string() });
