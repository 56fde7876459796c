import type { ComponentType } from 'react';
import type { Role } from '../../shared/contracts/auth';
import type { MessageKey } from '../i18n';
import { ExamTab } from './tabs/ExamTab';
import { OverviewTab } from './tabs/OverviewTab';
import { PanelsTab } from './tabs/PanelsTab';

export interface SelectionTabProps {
  roundId: number;
}

/**
 * The round console's tabs, one per module (nominations, eligibility, exam, panels, cuts,
 * approval and commendation add theirs here), each shown to the roles that may use it.
 */
export const SELECTION_TABS: { key: string; label: MessageKey; roles: readonly Role[]; component: ComponentType<SelectionTabProps> }[] = [
  { key: 'overview', label: 'selection.tab.overview', roles: ['admin', 'committee'], component: OverviewTab },
  { key: 'exam', label: 'selection.tab.exam', roles: ['admin', 'committee'], component: ExamTab },
  { key: 'panels', label: 'selection.tab.panels', roles: ['admin', 'committee'], component: PanelsTab },
];
