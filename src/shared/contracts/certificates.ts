import { z } from 'zod';
import { Text } from './common.js';
import { OutcomeKind } from './results.js';

export const CertificateStatus = z.enum(['valid', 'revoked']);
export type CertificateStatus = z.infer<typeof CertificateStatus>;

/**
 * What a certificate attests: a competition's outcome, a selection's award (市技术能手), a training
 * class completed (结业证书), or a business plan commended at a graduation (优秀创业计划书).
 */
export const CertificateSource = z.enum(['competition-outcome', 'selection-award', 'training-completion', 'training-plan']);
export type CertificateSource = z.infer<typeof CertificateSource>;

export const Certificate = z.object({
  id: z.number().int(),
  serial: z.string(),
  source: CertificateSource,
  /** The outcome's kind (a selection award prints as a title: 荣誉证书). */
  kind: OutcomeKind,
  holderName: z.string(),
  holderIdMasked: z.string().nullable(),
  unitName: z.string(),
  tradeName: z.string(),
  /** The competition's or the selection round's name, as printed. */
  eventName: z.string(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  status: CertificateStatus,
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type Certificate = z.infer<typeof Certificate>;

/** What /verify/<serial> shows anyone: the holder masked, the award, the issuer, the date, valid or revoked. */
export const CertificateVerification = Certificate.omit({ id: true });
export type CertificateVerification = z.infer<typeof CertificateVerification>;

export const RevokeInput = z.object({ reason: Text.min(4, '请写明撤销理由').max(500) });

export const CertificateJob = z.object({
  id: z.string(),
  competitionId: z.number().int(),
  total: z.number().int(),
  done: z.number().int(),
  status: z.enum(['running', 'done', 'failed']),
  error: z.string().nullable(),
});
export type CertificateJob = z.infer<typeof CertificateJob>;
