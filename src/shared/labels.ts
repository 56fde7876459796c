import type { Role } from './contracts/auth.js';
import type { UnitKind } from './contracts/units.js';

/** Chinese names of enumerations, as clerks write them in spreadsheets and read them on screen. */
export const UNIT_KIND_NAMES: Record<UnitKind, string> = {
  enterprise: '企业',
  school: '职业院校',
  department: '局属部门',
  district: '区县',
  industry: '行业协会',
};

export const ROLE_NAMES: Record<Role, string> = {
  admin: '管理员',
  committee: '组委会成员',
  unit: '单位',
  judge: '裁判',
  person: '个人',
};

export const COMMITTEE_BODY_NAMES = {
  office: '组委会办公室',
  publicity: '宣传策划部',
  supervision: '活动督导部',
  competition: '技能竞赛组委会',
  expertReview: '技术能手评审委员会',
  /** 财务组: pays the cash awards (the only committee body that downloads the payment list). */
  finance: '财务组',
  /** 培训组: runs the training programmes (classes, enrolment, completion, subsidy claims). */
  training: '培训组',
} as const;

/** Reverse look-up of a label map: '企业' → 'enterprise'; the key itself is accepted too. */
export function keyOfLabel<K extends string>(labels: Record<K, string>, text: string): K | null {
  const t = text.trim();
  for (const [k, v] of Object.entries(labels) as [K, string][]) if (v === t || k === t) return k;
  return null;
}
