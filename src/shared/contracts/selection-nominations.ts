import { z } from 'zod';
import { isValidPhone, normalizePhone } from '../phone.js';
import { NominationChannel } from '../selection/rules.js';
import { Id, Line, Name, Text, Version } from './common.js';
import { IdNumber } from './people.js';

/** 推荐与资格审查: what nominators, candidates and verifiers send and see. */

export const ClaimInput = z.object({
  conditionKey: z.string().regex(/^[a-z0-9_]{1,20}$/, '业绩条件代码无效'),
  description: Text.max(500, '说明最多 500 字').default(''),
});
export type ClaimInput = z.infer<typeof ClaimInput>;

const Contact = Line.max(40).transform((raw, ctx) => {
  const v = normalizePhone(raw);
  if (!isValidPhone(v)) ctx.addIssue({ code: 'custom', message: '联系电话格式不正确（手机 11 位或区号-座机）' });
  return v;
});

export const NominationInput = z.object({
  /** Account channels (unit, district, industry) and self-nomination: the person in the registry. */
  personId: Id.optional(),
  /** Society nominations: the nominee found by ID number and name. */
  idNumber: IdNumber.optional(),
  name: Name.max(40).optional(),
  /** Society nominations: who nominates (a body or a person) and how to reach them. */
  nominator: z.object({ name: Name.min(1, '请填写推荐人姓名').max(40), org: Line.max(80).default(''), contact: Contact }).optional(),
  statement: Text.max(2000, '推荐理由最多 2000 字').default(''),
  claims: z.array(ClaimInput).max(20).default([]),
  equivalentSkill: Text.max(1000).optional(),
});
export type NominationInput = z.input<typeof NominationInput>;

export const ClaimsUpdate = z.object({ claims: z.array(ClaimInput).max(20), equivalentSkill: Text.max(1000).nullable().default(null), version: Version });
export const VersionBody = z.object({ version: Version });

export const VerifyInput = z.object({
  decision: z.enum(['eligible', 'returned', 'ineligible']),
  reason: Text.max(500).default(''),
  conditionsAccepted: z.array(z.string()).max(20).default([]),
  equivalentSkillAccepted: z.enum(['yes', 'no']).optional(),
  version: Version,
});
export type VerifyInput = z.input<typeof VerifyInput>;

export const CandidateStatus = z.enum(['submitted', 'returned', 'eligible', 'ineligible', 'withdrawn']);
export type CandidateStatus = z.infer<typeof CandidateStatus>;
export const CANDIDATE_STATUS_NAMES: Record<CandidateStatus, string> = {
  submitted: '待审查', returned: '退回修改', eligible: '审查通过', ineligible: '不符合条件', withdrawn: '已撤回',
};

const CheckItem = z.object({ rule: z.enum(['works_in_city', 'level', 'front_line', 'conditions', 'consent']), passed: z.boolean(), pending: z.boolean().optional(), message: z.string() });
export const EligibilityCheckView = z.object({ ok: z.boolean(), items: z.array(CheckItem) });

export const EvidenceView = z.object({ id: z.number().int(), purpose: z.enum(['condition', 'consent', 'equivalent_skill']), claimId: z.number().int().nullable(), fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() });
export const ClaimView = z.object({ id: z.number().int(), conditionKey: z.string(), conditionName: z.string(), description: z.string() });
export const NominationView = z.object({
  id: z.number().int(), channel: NominationChannel, nominatorUnitName: z.string().nullable(), nominatorName: z.string().nullable(),
  nominatorOrg: z.string().nullable(), nominatorContactMasked: z.string().nullable(), statement: z.string(), createdAt: z.string(), mine: z.boolean(),
});
export const VerificationView = z.object({ decision: z.enum(['eligible', 'returned', 'ineligible']), reason: z.string().nullable(), conditionsAccepted: z.array(z.string()), verifiedAt: z.string(), verifier: z.string() });

export const CandidateView = z.object({
  id: z.number().int(), roundId: z.number().int(), roundName: z.string(), personId: z.number().int(), name: z.string(), idNumberMasked: z.string(),
  unitName: z.string(), level: z.number().int().nullable(), status: CandidateStatus, returnReason: z.string().nullable(),
  consentKind: z.enum(['signed_form', 'self_confirmed']).nullable(), equivalentSkill: z.string().nullable(),
  check: EligibilityCheckView.nullable(), version: z.number().int(), channels: z.array(NominationChannel),
  claims: z.array(ClaimView), evidence: z.array(EvidenceView), nominations: z.array(NominationView), verifications: z.array(VerificationView),
  /** Whether the viewer may still correct and resubmit (returned, within the window). */
  editable: z.boolean(),
  /** 入围情况: each frozen cut so far — whether the candidate is on its list, and their rank. */
  standing: z.array(z.object({ stageKey: z.string(), stageName: z.string(), selected: z.boolean(), rank: z.number().int().nullable() })),
});
export type CandidateView = z.infer<typeof CandidateView>;

export const CandidateRow = z.object({
  id: z.number().int(), personId: z.number().int(), name: z.string(), idNumberMasked: z.string(), unitName: z.string(),
  status: CandidateStatus, channels: z.array(NominationChannel), check: EligibilityCheckView.nullable(), returnReason: z.string().nullable(), version: z.number().int(),
});
export type CandidateRow = z.infer<typeof CandidateRow>;

export const NominationRoundView = z.object({
  id: z.number().int(), name: z.string(), opensOn: z.string(), closesOn: z.string(), open: z.boolean(), stageName: z.string(),
  minConditions: z.number().int(), conditions: z.array(z.object({ key: z.string(), name: z.string(), hint: z.string() })),
  /** The channel the viewer nominates through (null: the viewer cannot nominate). */
  channel: NominationChannel.nullable(),
});
export type NominationRoundView = z.infer<typeof NominationRoundView>;

export const NominablePerson = z.object({ id: z.number().int(), name: z.string(), idNumberMasked: z.string(), unitName: z.string() });
