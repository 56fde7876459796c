import type { Me } from '../../shared/contracts/auth';

/** 培训组: administrators and the committee's training department (and its office) — the server's isTrainingStaff. */
export const isTrainingStaff = (me: Pick<Me, 'role' | 'committeeBody'>): boolean =>
  me.role === 'admin' || (me.role === 'committee' && (me.committeeBody === 'training' || me.committeeBody === 'office'));
