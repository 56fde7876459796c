import { z } from 'zod';
import { CONTROL_MESSAGE, Name } from './common.js';

export const ROLES = ['admin', 'committee', 'unit', 'judge', 'person'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** 组委会下设机构: a committee account is scoped to one of these. */
export const COMMITTEE_BODIES = ['office', 'publicity', 'supervision', 'competition', 'expertReview', 'finance', 'training'] as const;
export const CommitteeBody = z.enum(COMMITTEE_BODIES);
export type CommitteeBody = z.infer<typeof CommitteeBody>;

export const LoginBody = z.object({
  login: Name.min(1, '请输入用户名或手机号').max(64),
  password: z.string().min(1, '请输入密码').max(256).refine((s) => !s.includes('\u0000'), CONTROL_MESSAGE),
});

export const Me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  unitId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
  committeeBody: CommitteeBody.nullable(),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

/** At least 8 characters with a letter and a digit. */
export const NewPassword = z
  .string()
  .min(8, '密码至少 8 位')
  .max(128)
  .regex(/[A-Za-z]/, '密码须包含字母')
  .regex(/\d/, '密码须包含数字');

export const ChangePasswordBody = z.object({ currentPassword: z.string().min(1).max(256), newPassword: NewPassword });
