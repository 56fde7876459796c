import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { RubricCriterion } from '../../../shared/selection/rules';
import type { BusinessPlan, PlanPanel } from '../../../shared/training/completion-contracts';
import { api } from '../../api';
import { applyServerErrors } from '../../components/formErrors';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { useMe } from '../../session';
import { classQuery } from '../queries';
import type { ClassTabProps } from '../tabs';

/** The rubric a new panel starts with (the engine is the selection's: points 0–10 in halves). */
const DEFAULT_RUBRIC: RubricCriterion[] = [
  { code: 'F', name: '项目可行性', weight: 40, kind: 'points', max: 10 },
  { code: 'M', name: '市场分析', weight: 30, kind: 'points', max: 10 },
  { code: 'C', name: '财务测算', weight: 30, kind: 'points', max: 10 },
];

/** 创业计划书: the class's plans, the programme's panel (set-up, assignment with recusal, chain check), progress, scores, commendation. */
export function PlansTab({ classId }: ClassTabProps) {
  const t = useT();
  const me = useMe();
  const staff = me.role === 'admin' || me.role === 'committee';
  const plans = useQuery({ queryKey: ['training', 'plans', classId], queryFn: () => api.get<BusinessPlan[]>(`/api/training/classes/${classId}/plans`) });
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {staff && <PanelCard classId={classId} plans={plans.data ?? []} />}
      <QueryResult query={plans}>
        {(list) => list.length === 0 ? <Empty description={t('training.plans.none')} /> : (
          <Table<BusinessPlan> rowKey="id" size="small" dataSource={list} pagination={false} scroll={{ x: 720 }}
            columns={[
              { title: t('training.completion.trainee'), dataIndex: 'personName' },
              { title: t('training.plans.title'), dataIndex: 'title' },
              { title: t('training.plans.file'), render: (_, p) => p.fileName ? <a href={`/api/training/plans/${p.id}/file`}>{p.fileName}</a> : '—' },
              { title: t('training.plans.reviewers'), render: (_, p) => p.reviewers.map((r) => `${r.name}${r.score != null ? `（${r.score}）` : ''}`).join('、') || '—' },
              { title: t('training.plans.score'), dataIndex: 'score', render: (s: number | null) => s ?? '—' },
              { title: t('training.plans.commended'), render: (_, p) => p.commended ? <Tag color="gold">{t('training.plans.commended')} {p.commendedOn}</Tag> : null },
            ]} />
        )}
      </QueryResult>
    </Space>
  );
}

function PanelCard({ classId, plans }: { classId: number; plans: BusinessPlan[] }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const cls = useQuery(classQuery(classId));
  const programmeId = cls.data?.programmeId;
  const panels = useQuery({ queryKey: ['training', 'plan-panels', programmeId], enabled: !!programmeId, queryFn: () => api.get<PlanPanel[]>('/api/training/plan-panels', { programmeId: programmeId! }) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['training'] });
  const onError = (e: Error) => message.error(e.message);
  const panel = panels.data?.[0];
  const assign = useMutation({
    mutationFn: () => api.post<{ assigned: number; recused: unknown[] }>(`/api/training/plan-panels/${panel!.id}/assign`, { classId }),
    onSuccess: (r) => { message.success(t('training.plans.assigned', { n: r.assigned, r: r.recused.length })); void refresh(); }, onError,
  });
  const verify = useMutation({
    mutationFn: () => api.get<{ ok: boolean; checked: number; firstBroken: { seq: number; reason: string } | null }>(`/api/training/plan-panels/${panel!.id}/verify`),
    onSuccess: (v) => (v.ok ? message.success(t('training.plans.chainOk', { n: v.checked })) : message.error(t('training.plans.chainBroken', { seq: v.firstBroken!.seq, reason: v.firstBroken!.reason }))), onError,
  });
  const commend = useMutation({
    mutationFn: () => api.post<{ commended: number; commendedOn: string }>(`/api/training/classes/${classId}/commend`),
    onSuccess: (r) => { message.success(t('training.plans.commendDone', { n: r.commended, on: r.commendedOn })); void refresh(); }, onError,
  });
  const scored = plans.filter((p) => p.score != null).length;
  return (
    <Card size="small" title={t('training.plans.panel')} loading={panels.isPending && !!programmeId}>
      {panel ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{panel.name}</Typography.Text>
          <Typography.Text>{panel.members.map((m) => m.name).join('、')}</Typography.Text>
          <Typography.Text type="secondary">{t('training.plans.rubric', { rubric: panel.rubric.map((c) => `${c.name} ${c.weight}`).join('、') })}</Typography.Text>
          <Typography.Text data-testid="plans-progress">{t('training.plans.progress', { done: scored, total: plans.length })}</Typography.Text>
          <Space wrap>
            <Button onClick={() => assign.mutate()} loading={assign.isPending} data-testid="assign-plans">{t('training.plans.assign')}</Button>
            <Button onClick={() => verify.mutate()} loading={verify.isPending}>{t('training.plans.verify')}</Button>
            <Button type="primary" onClick={() => commend.mutate()} loading={commend.isPending} data-testid="commend-plans">{t('training.plans.commend')}</Button>
          </Space>
        </Space>
      ) : programmeId ? <NewPanel programmeId={programmeId} onDone={() => void refresh()} /> : null}
    </Card>
  );
}

function NewPanel({ programmeId, onDone }: { programmeId: number; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const judges = useQuery({ queryKey: ['training', 'plan-reviewers'], queryFn: () => api.get<{ accountId: number; name: string; unitName: string | null }[]>('/api/training/plan-panels/reviewers') });
  const create = useMutation({
    mutationFn: (v: { name: string; members: number[]; commendCount?: number; commendMinScore?: number }) => api.post('/api/training/plan-panels', {
      programmeId, name: v.name, rubric: DEFAULT_RUBRIC, commendCount: v.commendCount ?? null, commendMinScore: v.commendMinScore ?? null,
      members: v.members.map((accountId, i) => ({ accountId, chair: i === 0 })),
    }),
    onSuccess: onDone,
    onError: (e) => message.error(applyServerErrors(form, e)),
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} style={{ maxWidth: 520 }}>
      <Typography.Paragraph type="secondary">{t('training.plans.noPanel')}。{t('training.plans.rubric', { rubric: t('training.plans.defaultRubric') })}</Typography.Paragraph>
      <Form.Item name="name" label={t('training.plans.panelName')} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>
      <Form.Item name="members" label={t('training.plans.members')} rules={[{ required: true }]}>
        <Select mode="multiple" options={(judges.data ?? []).map((j) => ({ value: j.accountId, label: `${j.name}${j.unitName ? `（${j.unitName}）` : ''}` }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="commendCount" label={t('training.plans.commendCount')}><InputNumber min={1} max={1000} /></Form.Item>
        <Form.Item name="commendMinScore" label={t('training.plans.commendMinScore')}><InputNumber min={0} max={100} /></Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" loading={create.isPending}>{t('training.plans.createPanel')}</Button>
    </Form>
  );
}
