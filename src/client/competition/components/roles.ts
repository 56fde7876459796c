import type { Me } from '../../../shared/contracts/auth';

/**
 * Who runs competitions on the client's side: admins, the committee office and the competition
 * committee (the server's isOrganizer in src/server/competition/competitions/policy.ts; it refuses everyone else).
 */
export function isOrganizer(me: Pick<Me, 'role' | 'committeeBody'>): boolean {
  return me.role === 'admin' || (me.role === 'committee' && (me.committeeBody === 'competition' || me.committeeBody === 'office'));
}
