import type { ComponentType } from 'react';
import type { Role } from '../../shared/contracts/auth';
import type { MessageKey } from '../i18n';
import { EnrolmentTab } from './tabs/enrolment/EnrolmentTab';
import { NominateTab } from './tabs/enrolment/NominateTab';
import { AppraisalTab } from './tabs/AppraisalTab';
import { CompletionTab } from './completion/CompletionTab';
import { PlansTab } from './completion/PlansTab';
import { AttendanceTab } from './attendance/AttendanceTab';
import { OverviewTab } from './tabs/OverviewTab';
import { SubsidyTab } from './tabs/SubsidyTab';
import { SessionsTab } from './tabs/SessionsTab';

export interface ClassTabProps {
  classId: number;
}

/**
 * A class's console tabs, one per module (sessions, enrolment, attendance, completion, business
 * plans, appraisal, subsidy add theirs here), each shown to the roles that may use it.
 */
export const CLASS_TABS: { key: string; label: MessageKey; roles: readonly Role[]; component: ComponentType<ClassTabProps> }[] = [
  { key: 'overview', label: 'training.tab.overview', roles: ['admin', 'committee', 'unit', 'judge'], component: OverviewTab },
  { key: 'sessions', label: 'training.tab.sessions', roles: ['admin', 'committee', 'unit', 'judge'], component: SessionsTab },
  { key: 'enrolment', label: 'training.tab.enrolment', roles: ['admin', 'committee', 'unit'], component: EnrolmentTab },
  { key: 'nominate', label: 'training.tab.nominate', roles: ['unit'], component: NominateTab },
  { key: 'attendance', label: 'training.attendance.tab', roles: ['admin', 'committee', 'unit', 'judge'], component: AttendanceTab },
  { key: 'completion', label: 'training.tab.completion', roles: ['admin', 'committee', 'unit', 'judge'], component: CompletionTab },
  { key: 'plans', label: 'training.tab.plans', roles: ['admin', 'committee', 'unit', 'judge'], component: PlansTab },
  { key: 'appraisal', label: 'training.subsidy.tab.appraisal', roles: ['admin', 'committee', 'unit'], component: AppraisalTab },
  { key: 'subsidy', label: 'training.subsidy.tab.claim', roles: ['admin', 'committee', 'unit'], component: SubsidyTab },
];
