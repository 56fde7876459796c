import { Link } from '@tanstack/react-router';
import { Button, Card, Empty, Space, Table, Tag } from 'antd';
import type { ClassListItem, Programme } from '../../../shared/contracts/training';
import { formatRange } from '../../components/dates';
import { useT } from '../../i18n';
import { useTrainingNames } from '../names';
import { ClassStatusTag } from './ClassStatusTag';

const opened = (c: ClassListItem) => c.status === 'running' || c.status === 'finished';

/**
 * A programme: its plan beside what happened (trainees, classes, completions, dates — e.g.
 * 计划 50 人 / 实际开班 83 人) and its classes with their own plan and actual.
 */
export function ProgrammeCard({ programme: p, classes, staff, onEdit, onAddClass }: {
  programme: Programme; classes: ClassListItem[]; staff: boolean; onEdit: () => void; onAddClass: () => void;
}) {
  const t = useT();
  const names = useTrainingNames();
  const dash = t('common.dash');
  const pa = p.planActual;
  const openedClasses = classes.filter(opened);
  const openedTrainees = openedClasses.reduce((a, c) => a + c.planActual.enrolled, 0);
  const rows = [
    {
      key: 'trainees', label: t('training.pa.trainees'),
      planned: t('training.pa.plannedSummary', { n: p.plannedTrainees ?? pa.plannedSize }) + (p.plannedTrainees != null && pa.plannedSize ? `（${t('training.pa.classesPlanned', { n: pa.plannedSize })}）` : ''),
      actual: openedClasses.length ? t('training.pa.actualSummary', { n: openedTrainees }) : `${t('training.pa.notOpened')}（${t('training.pa.enrolledOf', { n: pa.enrolled })}）`,
    },
    { key: 'classes', label: t('training.pa.classes'), planned: p.plannedClasses ?? dash, actual: `${t('training.pa.classesOpened')} ${openedClasses.length} / ${p.classes}` },
    { key: 'completed', label: t('training.pa.completed'), planned: dash, actual: pa.completed ?? t('training.pa.notYet') },
    { key: 'dates', label: t('training.pa.dates'), planned: formatRange(pa.plannedStartOn, pa.plannedEndOn) || dash, actual: formatRange(pa.actualStartOn, pa.actualEndOn) || dash },
  ];
  return (
    <Card
      title={<Space wrap><span>{p.name}</span><Tag color={p.kind === 'new-technician' ? 'geekblue' : 'orange'}>{names.kind(p.kind)}</Tag></Space>}
      extra={staff && <Space wrap><Button size="small" onClick={onEdit}>{t('common.edit')}</Button><Button size="small" type="primary" onClick={onAddClass}>{t('training.class.create')}</Button></Space>}
      data-testid={`programme-${p.id}`}
      // On a phone the name wraps and the buttons go under it rather than cutting the name off.
      styles={{ header: { flexWrap: 'wrap', rowGap: 8, paddingBlock: 8 }, title: { whiteSpace: 'normal' } }}
    >
      <Table size="small" bordered pagination={false} dataSource={rows} style={{ maxWidth: 640, marginBottom: 16 }} data-testid="programme-plan-actual"
        columns={[{ title: '', dataIndex: 'label', width: 90 }, { title: t('training.pa.planned'), dataIndex: 'planned' }, { title: t('training.pa.actual'), dataIndex: 'actual' }]} />
      {classes.length === 0 ? <Empty description={t('training.programme.noClasses')} /> : (
        <Table<ClassListItem>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={classes}
          columns={[
            { title: t('training.class.name'), key: 'name', render: (_, c) => <Link to="/admin/training/classes/$id" params={{ id: String(c.id) }}>{c.name}</Link> },
            { title: t('training.class.targetGroup'), key: 'group', render: (_, c) => names.group(c.targetGroup) },
            { title: t('training.class.curriculum'), key: 'curriculum', render: (_, c) => (c.curriculum === 'syllabus' && c.tradeNames.length ? c.tradeNames.join('、') : names.curriculum(c.curriculum)) },
            { title: t('training.class.collegeVenue'), key: 'college', render: (_, c) => [c.collegeName, c.venue].filter(Boolean).join(' · ') || dash },
            { title: t('training.class.status'), key: 'status', render: (_, c) => <ClassStatusTag status={c.status} /> },
            { title: t('training.class.plannedDates'), key: 'planned', render: (_, c) => formatRange(c.planActual.plannedStartOn, c.planActual.plannedEndOn) },
            { title: t('training.class.actualDates'), key: 'actual', render: (_, c) => formatRange(c.planActual.actualStartOn, c.planActual.actualEndOn) || dash },
            {
              title: `${t('training.class.plannedSize')} / ${t('training.pa.enrolled')} / ${t('training.pa.completed')}`, key: 'size',
              render: (_, c) => `${c.planActual.plannedSize} / ${c.planActual.enrolled} / ${c.planActual.completed ?? dash}`,
            },
          ]}
        />
      )}
    </Card>
  );
}
