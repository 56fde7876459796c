import { Table } from 'antd';
import type { PlanActual } from '../../../shared/contracts/training';
import { useT } from '../../i18n';

/** 计划与实际: a two-column table, the plan beside what happened (size, dates, sessions, completions). */
export function PlanActualTable({ pa }: { pa: PlanActual }) {
  const t = useT();
  const dash = t('common.dash');
  const rows = [
    { key: 'size', label: t('training.pa.size'), planned: t('training.pa.plannedSize', { n: pa.plannedSize }), actual: t('training.pa.enrolledOf', { n: pa.enrolled }) },
    { key: 'start', label: t('training.pa.start'), planned: pa.plannedStartOn ?? dash, actual: pa.actualStartOn ?? t('training.pa.notOpened') },
    { key: 'end', label: t('training.pa.end'), planned: pa.plannedEndOn ?? dash, actual: pa.actualEndOn ?? t('training.pa.notYet') },
    { key: 'sessions', label: t('training.pa.sessions'), planned: String(pa.sessionsPlanned), actual: t('training.pa.sessionsHeld', { held: pa.sessionsHeld, n: pa.sessionsPlanned }) },
    { key: 'completions', label: t('training.pa.completions'), planned: String(pa.plannedSize), actual: pa.completed == null ? t('training.pa.notYet') : String(pa.completed) },
  ];
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      dataSource={rows}
      data-testid="plan-actual"
      columns={[
        { title: '', dataIndex: 'label', width: 84 },
        { title: t('training.pa.planned'), dataIndex: 'planned' },
        { title: t('training.pa.actual'), dataIndex: 'actual' },
      ]}
    />
  );
}
