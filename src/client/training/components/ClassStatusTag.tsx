import { Tag } from 'antd';
import type { ClassStatus } from '../../../shared/training/rules';
import { CLASS_STATUS_COLORS, useTrainingNames } from '../names';

export function ClassStatusTag({ status }: { status: ClassStatus }) {
  const names = useTrainingNames();
  return <Tag color={CLASS_STATUS_COLORS[status]} data-testid="class-status">{names.status(status)}</Tag>;
}
