import type { Role } from '../../shared/contracts/auth';
import type { MessageKey } from '../i18n';

export type NavItem = { path: string; label: MessageKey; roles: readonly Role[] };

/** The console's menu; each role sees only what it may open. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/admin', label: 'nav.dashboard', roles: ['admin', 'committee'] },
  { path: '/admin/campaign', label: 'nav.campaign', roles: ['admin', 'committee', 'unit'] },
  { path: '/admin/competitions', label: 'nav.competitions', roles: ['admin', 'committee', 'unit'] },
  { path: '/admin/selection', label: 'nav.selection', roles: ['admin', 'committee', 'unit', 'judge', 'person'] },
  { path: '/admin/training', label: 'nav.training', roles: ['admin', 'committee', 'unit', 'judge'] },
  { path: '/admin/training/my', label: 'training.attendance.my', roles: ['person'] },
  { path: '/admin/calendar', label: 'nav.calendar', roles: ['admin', 'committee'] },
  { path: '/admin/marking', label: 'nav.marking', roles: ['judge'] },
  { path: '/admin/reviewing', label: 'nav.reviewing', roles: ['judge'] },
  { path: '/admin/training/plans-review', label: 'nav.plansReview', roles: ['judge'] },
  { path: '/admin/units', label: 'nav.units', roles: ['admin', 'committee'] },
  { path: '/admin/trades', label: 'nav.trades', roles: ['admin'] },
  { path: '/admin/people', label: 'nav.people', roles: ['admin', 'committee', 'unit'] },
  { path: '/admin/accounts', label: 'nav.accounts', roles: ['admin'] },
  { path: '/admin/audit', label: 'nav.audit', roles: ['admin'] },
  { path: '/admin/me', label: 'nav.me', roles: ['judge', 'person'] },
  { path: '/admin/password', label: 'nav.password', roles: ['admin', 'committee', 'unit', 'judge', 'person'] },
];
