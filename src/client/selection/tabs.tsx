import type { ComponentType } from 'react';
import type { Role } from '../../shared/contracts/auth';
import type { MessageKey } from '../i18n';
import { ApprovalTab } from './cuts/ApprovalTab';
import { CutsTab } from './cuts/CutsTab';
import { NoticesTab } from './cuts/NoticesTab';
import { OverviewTab } from './tabs/OverviewTab';

export interface SelectionTabProps {
  roundId: number;
}

/**
 * The round console's tabs, one per module (nominations, eligibility, exam, panels, cuts,
 * approval and commendation add theirs here), each shown to the roles that may use it.
 */
export const SELECTION_TABS: { key: string; label: MessageKey; roles: readonly Role[]; component: ComponentType<SelectionTabProps> }[] = [
  { key: 'overview', label: 'selection.tab.overview', roles: ['admin', 'committee'], component: OverviewTab },
  { key: 'cuts', label: 'selection.tab.cuts', roles: ['admin', 'committee'], component: CutsTab },
  { key: 'approval', label: 'selection.tab.approval', roles: ['admin', 'committee'], component: ApprovalTab },
  { key: 'notices', label: 'selection.tab.notices', roles: ['admin', 'committee'], component: NoticesTab },
];
