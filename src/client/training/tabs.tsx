import type { ComponentType } from 'react';
import type { Role } from '../../shared/contracts/auth';
import type { MessageKey } from '../i18n';
import { AttendanceTab } from './attendance/AttendanceTab';
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
  { key: 'attendance', label: 'training.attendance.tab', roles: ['admin', 'committee', 'unit', 'judge'], component: AttendanceTab },
];
