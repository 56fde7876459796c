import { z } from 'zod';
import { Name } from '../contracts/common.js';
import { LEVEL_NAMES } from '../levels.js';

/**
 * 表彰 of the Technical Expert selection: what a final expert's qualification becomes. A 高级工
 * (level 3) is promoted to 技师 (level 2); a 技师 may sit the 高级技师 (level 1) evaluation early
 * (破格); a 高级技师 keeps their level. Anyone else (a candidate admitted on equivalent skill, with
 * no level 3 on record) is not promoted by the award: the rule names only the 高级工. A smaller
 * number is a higher level; the rule never lowers one.
 */
export const Promotion = z.enum(['to_technician', 'early_senior_technician', 'none']);
export type Promotion = z.infer<typeof Promotion>;

export interface PromotionOutcome {
  promotion: Promotion;
  /** The level written into the qualification records (to_technician). */
  newLevel: 2 | null;
  /** The level the person may be evaluated for early (early_senior_technician). */
  eligibleLevel: 1 | null;
}

export function promotionFor(level: number | null): PromotionOutcome {
  if (level === 3) return { promotion: 'to_technician', newLevel: 2, eligibleLevel: null };
  if (level === 2) return { promotion: 'early_senior_technician', newLevel: null, eligibleLevel: 1 };
  return { promotion: 'none', newLevel: null, eligibleLevel: null };
}

/** The level a person holds after a promotion: the higher (smaller) of the two; never lower. */
export const raisedLevel = (current: number | null, promoted: number | null): number | null =>
  promoted == null ? current : current == null ? promoted : Math.min(current, promoted);

export const PROMOTION_NAMES: Record<Promotion, { zh: string; en: string }> = {
  to_technician: { zh: `晋升${LEVEL_NAMES[2].zh}`, en: 'Promoted to technician' },
  early_senior_technician: { zh: `可破格参加${LEVEL_NAMES[1].zh}考评`, en: 'May sit the senior technician evaluation early' },
  none: { zh: '不晋升（保持原等级）', en: 'No promotion (level kept)' },
};

/** 银行账号: digits only (spaces and dashes as typed on a card are taken out), 12–30 of them. */
export const BankAccount = z.string({ error: '请填写银行账号' })
  .transform((s) => s.replace(/[\s-]+/g, ''))
  .pipe(z.string().regex(/^\d+$/, '银行账号只能是数字').min(12, '银行账号至少 12 位数字').max(30, '银行账号最多 30 位数字'));

export const BankDetailsInput = z.object({
  bankName: Name.min(2, '请填写开户银行（如 中国工商银行江川分行）').max(60, '开户银行最多 60 个字'),
  bankAccount: BankAccount,
});
export type BankDetailsInput = z.infer<typeof BankDetailsInput>;

export const AwardCertificate = z.object({ id: z.number().int(), serial: z.string(), status: z.enum(['valid', 'revoked']) });

/** One expert's award as the console, the unit and the person see it (the bank account masked). */
export const Award = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  roundName: z.string(),
  candidateId: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  unitName: z.string(),
  idNumberMasked: z.string(),
  tradeName: z.string().nullable(),
  title: z.string(),
  amount: z.number(),
  promotion: Promotion,
  decidedOn: z.string(),
  bankName: z.string().nullable(),
  bankAccountMasked: z.string().nullable(),
  certificate: AwardCertificate.nullable(),
});
export type Award = z.infer<typeof Award>;

/** A round's awards with the payment list's total and what is still missing. */
export const RoundAwards = z.object({
  roundId: z.number().int(),
  roundName: z.string(),
  /** Whether the awards were written (the final list's notice became final). */
  written: z.boolean(),
  awards: z.array(Award),
  total: z.number(),
  missingBank: z.number().int(),
  certificatesIssued: z.number().int(),
  /** May the viewer download the payment list (admin, the committee's finance body)? */
  mayDownloadPayments: z.boolean(),
  /** May the viewer issue certificates now (staff, at or after the commendation stage)? */
  mayIssue: z.boolean(),
});
export type RoundAwards = z.infer<typeof RoundAwards>;
