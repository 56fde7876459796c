import type { MyClass } from '../../../shared/training/checkin-contracts';
import type { ComponentType } from 'react';
import type { MessageKey } from '../../i18n';
import { MyCertificatesSection, MyPlanSection } from '../completion/MySections';

export interface MySectionProps {
  /** The trainee's enrolment in the class shown (their own). */
  classId: number;
}

/**
 * The trainee's phone page (我的培训): per class, one section per module — attendance and
 * sign-in, the business plan, the certificate — each added here with one line.
 */
export const MY_TRAINING_SECTIONS: { key: string; label: MessageKey; component: ComponentType<MySectionProps>; when?: (c: MyClass) => boolean }[] = [
  { key: 'plan', label: 'training.me.plan', component: MyPlanSection, when: (c) => c.businessPlanRequired },
  { key: 'certificates', label: 'training.me.certificates', component: MyCertificatesSection },
];
