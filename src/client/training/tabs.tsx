import type { ComponentType } from 'react';
import type { Role } from '../../shared/contracts/auth';
import type { MessageKey } from '../i18n';
import { CompletionTab } from './completion/CompletionTab';
import { PlansTab } from './completion/PlansTab';
import { OverviewTab } from './tabs/OverviewTab';

export interface ClassTabProps {
  classId: number;
}

/**
 * A class's console tabs, one per module (sessions, enrolment, attendance, completion, business
 * plans, appraisal, subsidy add theirs here), each shown to the roles that may use it.
 */
export const CLASS_TABS: { key: string; label: MessageKey; roles: readonly Role[]; component: ComponentType<ClassTabProps> }[] = [
  { key: 'overview', label: 'training.tab.overview', roles: ['admin', 'committee', 'unit', 'judge'], component: OverviewTab },
  { key: 'completion', label: 'training.tab.completion', roles: ['admin', 'committee', 'unit', 'judge'], component: CompletionTab },
  { key: 'plans', label: 'training.tab.plans', roles: ['admin', 'committee', 'unit', 'judge'], component: PlansTab },
];
