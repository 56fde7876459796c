import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { PanelProgress } from '../../../shared/selection/review-contracts';
import { api, ApiError } from '../../api';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { roundQuery } from '../queries';
import type { SelectionTabProps } from '../tabs';

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));
type Reviewer = { accountId: number; name: string; unitName: string | null };

/**
 * 专家评审 (材料评审, 复试, 面试答辩): panels and members, assignment, progress per candidate and
 * reviewer, the severity table; raw and normalised side by side, saying which one counts.
 */
export function PanelsTab({ roundId }: SelectionTabProps) {
  const round = useQuery(roundQuery(roundId));
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <QueryResult query={round}>
      {(r) => {
        const stages = r.rules.stages.filter((s) => s.kind === 'panel');
        const open = r.stages.find((s) => s.state === 'open' && stages.some((p) => p.key === s.key));
        const key = picked ?? open?.key ?? stages[0]?.key;
        return (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Segmented value={key} options={stages.map((s) => ({ value: s.key, label: s.name }))} onChange={(v) => setPicked(String(v))} />
            {key && <PanelStage key={key} roundId={roundId} stageKey={key} />}
          </Space>
        );
      }}
    </QueryResult>
  );
}

function PanelStage({ roundId, stageKey }: { roundId: number; stageKey: string }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const base = `/api/selection/rounds/${roundId}/panels/${stageKey}`;
  const progress = useQuery({ queryKey: ['selection', 'panels', roundId, stageKey], queryFn: () => api.get<PanelProgress>(`${base}/progress`) });
  const [busy, setBusy] = useState(false);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['selection'] });
  const assign = async () => {
    setBusy(true);
    try {
      const res = await api.post<{ assigned: number; unassigned: number; short: number }>(`${base}/assign`);
      void message.success(t('selPanel.assigned', { n: res.assigned, u: res.unassigned, s: res.short }));
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <QueryResult query={progress}>
      {(p) => {
        const counts = p.stage.counts;
        const names = new Map(p.reviewers.map((r) => [r.reviewerId, r.name]));
        return (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="info" showIcon title={t('selPanel.counts', { which: t(counts === 'raw' ? 'selPanel.counts.raw' : 'selPanel.counts.normalised') })} />
            <Card size="small" title={t('selPanel.panels')}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                {p.panels.map((panel) => (
                  <div key={panel.id}>
                    <Typography.Text strong>{panel.name}</Typography.Text>{' '}
                    {panel.members.map((m) => <Tag key={m.accountId} color={m.chair ? 'gold' : undefined}>{m.name}{m.chair ? `（${t('selPanel.chair')}）` : ''}</Tag>)}
                  </div>
                ))}
                {p.stage.state !== 'done' && <NewPanel base={base} onSaved={refresh} />}
                <Button type="primary" loading={busy} disabled={p.stage.state !== 'open'} onClick={() => void assign()}>{t('selPanel.assign')}</Button>
              </Space>
            </Card>
            <Card size="small" title={t('selPanel.progress')}>
              <Table
                size="small" rowKey="candidateId" dataSource={p.rows} pagination={{ pageSize: 50 }} scroll={{ x: 900 }}
                columns={[
                  { title: t('selPanel.col.candidate'), key: 'c', width: 160, render: (_, x) => <>{x.name}<br /><Typography.Text type="secondary">{x.unitName}</Typography.Text></> },
                  { title: t('selPanel.col.panel'), dataIndex: 'panelName', width: 90 },
                  {
                    title: t('selPanel.col.reviewers'), key: 'r', render: (_, x) => x.reviewers.map((r) => (
                      <Tag key={r.reviewerId} color={r.submitted ? 'green' : undefined}>{r.name} {r.submitted ? r.score : t('selPanel.pending')}</Tag>
                    )),
                  },
                  {
                    title: t('selPanel.col.recused'), key: 'x', width: 160, render: (_, x) => x.recused.map((r) => (
                      <Tooltip key={r.reviewerId} title={r.message}><Tag color="orange">{r.name}</Tag></Tooltip>
                    )),
                  },
                  { title: <>{t('selPanel.col.raw')}{counts === 'raw' && <Tag color="blue" style={{ marginLeft: 4 }}>{t('selPanel.counting')}</Tag>}</>, dataIndex: 'raw', width: 110 },
                  { title: <>{t('selPanel.col.normalised')}{counts === 'normalised' && <Tag color="blue" style={{ marginLeft: 4 }}>{t('selPanel.counting')}</Tag>}</>, dataIndex: 'normalised', width: 110 },
                ]}
              />
            </Card>
            <Card size="small" title={t('selPanel.severity')}>
              <Typography.Paragraph type="secondary">{t('selPanel.severityHint')}</Typography.Paragraph>
              <Table
                size="small" rowKey="reviewerId" dataSource={p.reviewers} pagination={false}
                columns={[
                  { title: t('selPanel.col.reviewer'), key: 'n', render: (_, r) => names.get(r.reviewerId) },
                  { title: t('selPanel.col.sheets'), key: 's', render: (_, r) => `${r.submitted}/${r.assigned}` },
                  { title: t('selPanel.col.mean'), key: 'm', render: (_, r) => r.severity?.mean ?? '' },
                  { title: t('selPanel.col.panelMean'), key: 'pm', render: (_, r) => r.severity?.panelMean ?? '' },
                  { title: t('selPanel.col.severity'), key: 'sv', render: (_, r) => (r.severity ? (r.severity.severity > 0 ? `+${r.severity.severity}` : r.severity.severity) : '') },
                  { title: t('selPanel.col.bias'), key: 'b', render: (_, r) => r.severity?.bias ?? '' },
                ]}
              />
            </Card>
          </Space>
        );
      }}
    </QueryResult>
  );
}

function NewPanel({ base, onSaved }: { base: string; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; members: number[] }>();
  const reviewers = useQuery({ queryKey: ['selection', 'reviewers'], queryFn: () => api.get<Reviewer[]>('/api/selection/reviewers') });
  const save = async (v: { name: string; members: number[] }) => {
    try {
      await api.post(base, { name: v.name, members: v.members.map((accountId, i) => ({ accountId, chair: i === 0 })) });
      form.resetFields();
      onSaved();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  return (
    <Form form={form} layout="inline" onFinish={(v) => void save(v)}>
      <Form.Item name="name" label={t('selPanel.panelName')} rules={[{ required: true }]}><Input style={{ width: 140 }} /></Form.Item>
      <Form.Item name="members" label={t('selPanel.members')} rules={[{ required: true }]}>
        <Select mode="multiple" style={{ minWidth: 280 }} optionFilterProp="label"
          options={(reviewers.data ?? []).map((r) => ({ value: r.accountId, label: r.unitName ? `${r.name}（${r.unitName}）` : r.name }))} />
      </Form.Item>
      <Button htmlType="submit">{t('selPanel.save')}</Button>
    </Form>
  );
}
