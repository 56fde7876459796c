import type { ComponentType } from 'react';
import type { Role } from '../../shared/contracts/auth';
import type { MessageKey } from '../i18n';
import { MineTab } from './tabs/MineTab';
import { NominateTab } from './tabs/NominateTab';
import { CommendationTab } from './tabs/CommendationTab';
import { ApprovalTab } from './cuts/ApprovalTab';
import { CutsTab } from './cuts/CutsTab';
import { NoticesTab } from './cuts/NoticesTab';
import { OverviewTab } from './tabs/OverviewTab';
import { CandidatesTab, QueueTab } from './tabs/QueueTab';
import { ExamTab } from './tabs/ExamTab';
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
  { key: 'nominate', label: 'selection.tab.nominate', roles: ['unit'], component: NominateTab },
  { key: 'mine', label: 'selection.tab.mine', roles: ['person'], component: MineTab },
  { key: 'queue', label: 'selection.tab.queue', roles: ['admin', 'committee'], component: QueueTab },
  { key: 'candidates', label: 'selection.tab.candidates', roles: ['admin', 'committee'], component: CandidatesTab },
  { key: 'exam', label: 'selection.tab.exam', roles: ['admin', 'committee'], component: ExamTab },
  { key: 'panels', label: 'selection.tab.panels', roles: ['admin', 'committee'], component: PanelsTab },
  { key: 'cuts', label: 'selection.tab.cuts', roles: ['admin', 'committee'], component: CutsTab },
  { key: 'approval', label: 'selection.tab.approval', roles: ['admin', 'committee'], component: ApprovalTab },
  { key: 'notices', label: 'selection.tab.notices', roles: ['admin', 'committee'], component: NoticesTab },
  { key: 'commendation', label: 'selection.tab.commendation', roles: ['admin', 'committee', 'unit'], component: CommendationTab },
];
