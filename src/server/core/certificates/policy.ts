import type { CertificateSource } from '../../../shared/contracts/certificates.js';
import type { Actor, ServiceContext } from '../../context.js';
import { isOrganizer } from '../../competition/competitions/policy.js';
import { forbidden } from '../../http/errors.js';
import { isTrainingStaff } from '../../training/programmes/policy.js';
import { requireRole } from '../../policy.js';

/** Who holds a certificate: the person (individual outcomes) and the unit they entered for, or the unit (team, organization). */
export interface Holder {
  personId: number | null;
  unitId: number | null;
  source: CertificateSource;
}

/**
 * Who issues and revokes a certificate of this source: a competition's organizers (the office, the
 * competition committee), for a selection award the selection's office (admin, any committee member), for
 * a training certificate the training department (培训组).
 */
export function isCertificateStaff(actor: Actor, source: CertificateSource): boolean {
  if (source === 'training-completion' || source === 'training-plan') return isTrainingStaff(actor);
  return source === 'selection-award' ? actor.role === 'admin' || actor.role === 'committee' : isOrganizer(actor);
}

/** Roles that reach certificate routes at all; the object check follows. */
export const CERTIFICATE_READERS = ['admin', 'committee', 'unit', 'person'] as const;
export const CERTIFICATE_LISTERS = ['admin', 'committee', 'unit'] as const;

/** A certificate is the organizers', its holder's (the person), and the holder's unit's to read. */
export function mayReadCertificate(actor: Actor, holder: Holder): boolean {
  if (isCertificateStaff(actor, holder.source)) return true;
  if (actor.role === 'person') return actor.personId != null && actor.personId === holder.personId;
  if (actor.role === 'unit') return actor.unitId != null && actor.unitId === holder.unitId;
  return false;
}

/**
 * Lists by competition: organizers see all, a unit account its own holders' (the scope returned),
 * anyone else is refused.
 */
export function requireLister(ctx: ServiceContext): { actor: Actor; unitId: number | null } {
  const actor = requireRole(ctx, ...CERTIFICATE_LISTERS);
  if (isOrganizer(actor)) return { actor, unitId: null };
  if (actor.role === 'unit' && actor.unitId != null) return { actor, unitId: actor.unitId };
  throw forbidden('只有组委会或本单位可以查看证书');
}
