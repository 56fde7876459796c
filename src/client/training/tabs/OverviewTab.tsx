import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Descriptions, Flex, Modal, Row, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TrainingClass } from '../../../shared/contracts/training';
import { CLASS_TRANSITIONS, type ClassStatus } from '../../../shared/training/rules';
import { api } from '../../api';
import { QueryResult } from '../../components/QueryResult';
import { useT, type MessageKey } from '../../i18n';
import { useMe } from '../../session';
import { isTrainingStaff } from '../access';
import { ClassFormModal } from '../components/ClassFormModal';
import { PlanActualTable } from '../components/PlanActualTable';
import { useTrainingNames } from '../names';
import { classQuery } from '../queries';
import type { ClassTabProps } from '../tabs';

/** A class at a glance: plan against actual, its details, and (for staff) its status actions and edit. */
export function OverviewTab({ classId }: ClassTabProps) {
  const q = useQuery(classQuery(classId));
  return <QueryResult query={q}>{(c) => <Overview cls={c} />}</QueryResult>;
}

function Overview({ cls }: { cls: TrainingClass }) {
  const t = useT();
  const me = useMe();
  const names = useTrainingNames();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const staff = isTrainingStaff(me);
  const editable = staff && cls.status !== 'finished' && cls.status !== 'cancelled';
  const dash = t('common.dash');
  const rule = cls.completionRule;
  const ruleText = [t('training.class.ruleText', { pct: rule.minAttendancePct }), rule.businessPlanRequired && t('training.class.ruleBusinessPlan'), rule.appraisalRequired && t('training.class.ruleAppraisal')]
    .filter(Boolean).join(' + ');

  return (
    <Flex vertical gap={16}>
      {staff && (
        <Flex gap={8} wrap justify="end">
          {CLASS_TRANSITIONS[cls.status].map((to) => <StatusAction key={to} cls={cls} to={to} />)}
          {editable && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
        </Flex>
      )}
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={10}>
          <Typography.Title level={5}>{t('training.class.planActual')}</Typography.Title>
          <PlanActualTable pa={cls.planActual} />
        </Col>
        <Col xs={24} lg={14}>
          <Typography.Title level={5}>{t('training.class.details')}</Typography.Title>
          <Descriptions column={1} size="small" bordered items={[
            { key: 'programme', label: t('training.public.programme'), children: `${cls.programmeName}（${names.kind(cls.programmeKind)}）` },
            { key: 'group', label: t('training.class.targetGroup'), children: names.group(cls.targetGroup) },
            { key: 'curriculum', label: t('training.class.curriculum'), children: names.curriculum(cls.curriculum) },
            ...(cls.tradeNames.length ? [{ key: 'trades', label: t('training.class.trades'), children: cls.tradeNames.join('、') }] : []),
            ...(cls.syllabus ? [{ key: 'syllabus', label: t('training.class.syllabus'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{cls.syllabus}</span> }] : []),
            { key: 'college', label: t('training.class.collegeVenue'), children: [cls.collegeName, cls.venue].filter(Boolean).join(' · ') || dash },
            { key: 'organizers', label: t('training.class.organizers'), children: cls.organizers.length ? cls.organizers.map((o) => <Tag key={o}>{o}</Tag>) : dash },
            { key: 'teachers', label: t('training.class.teachers'), children: cls.teachers.map((x) => x.displayName).join('、') || dash },
            { key: 'quota', label: t('training.class.quota'), children: cls.unitQuota ? `${cls.quota}（${t('training.class.unitQuota')} ${cls.unitQuota}）` : cls.quota },
            { key: 'rule', label: t('training.class.completionRule'), children: ruleText },
            { key: 'fees', label: t('training.class.fees'), children: t('training.class.feesText', { t: cls.trainingFeeYuan, a: cls.appraisalFeeYuan }) },
            { key: 'graduation', label: t('training.class.graduation'), children: cls.graduationOn ?? dash },
          ]} />
        </Col>
      </Row>
      {editing && (
        <ClassFormModal
          open
          programme={{ id: cls.programmeId, kind: cls.programmeKind, name: cls.programmeName, trainingFeeYuan: cls.trainingFeeYuan, appraisalFeeYuan: cls.appraisalFeeYuan }}
          cls={cls}
          onClose={() => setEditing(false)}
          onSaved={(c) => {
            setEditing(false);
            queryClient.setQueryData(classQuery(cls.id).queryKey, c);
            void queryClient.invalidateQueries({ queryKey: ['training'] });
          }}
        />
      )}
    </Flex>
  );
}

const CONFIRM: Record<ClassStatus, MessageKey> = {
  planned: 'training.action.confirmEnrolling',
  enrolling: 'training.action.confirmEnrolling',
  running: 'training.action.confirmRunning',
  finished: 'training.action.confirmFinished',
  cancelled: 'training.action.confirmCancelled',
};

/** One status change (开始报名 / 开班 / 结业 / 取消), confirmed; opening and finishing take the actual day. */
function StatusAction({ cls, to }: { cls: TrainingClass; to: ClassStatus }) {
  const t = useT();
  const names = useTrainingNames();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState<Dayjs | null>(dayjs());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dated = to === 'running' || to === 'finished';
  const label = t(`training.action.${to}` as MessageKey);

  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      const c = await api.post<TrainingClass>(`/api/training/classes/${cls.id}/status`, { to, version: cls.version, ...(dated && on ? { on: on.format('YYYY-MM-DD') } : {}) });
      queryClient.setQueryData(classQuery(cls.id).queryKey, c);
      void queryClient.invalidateQueries({ queryKey: ['training'] });
      setOpen(false);
      void message.success(t('training.action.done', { s: names.status(c.status) }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type={to === 'cancelled' ? 'default' : 'primary'} danger={to === 'cancelled'} onClick={() => { setError(null); setOpen(true); }}>{label}</Button>
      <Modal open={open} title={`${label} · ${cls.name}`} okText={label} cancelText={t('common.cancel')} okButtonProps={{ danger: to === 'cancelled', disabled: dated && !on }}
        confirmLoading={busy} onOk={() => void go()} onCancel={() => setOpen(false)}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph>{t(CONFIRM[to])}</Typography.Paragraph>
        {dated && (
          <Space>
            {t(to === 'running' ? 'training.pa.start' : 'training.pa.end')}
            <DatePicker value={on} onChange={setOn} allowClear={false} />
          </Space>
        )}
      </Modal>
    </>
  );
}
