import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CampaignSummary } from '../../../shared/contracts/campaign';
import type { Round, RoundListItem } from '../../../shared/contracts/selection';
import { api } from '../../api';
import { applyServerErrors } from '../../components/formErrors';
import { useT } from '../../i18n';
import { useMe } from '../../session';
import { roundsQuery } from '../queries';

type Values = { campaignId: number; name: string; window: [Dayjs, Dayjs] };

/** 技术能手评选: the rounds; the office creates one per campaign (the default stages: 200 → 50 → 20). */
export function SelectionRoundsPage() {
  const t = useT();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery(roundsQuery);
  const staff = me.role === 'admin' || me.role === 'committee';
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: () => api.get<CampaignSummary[]>('/api/campaigns'), enabled: staff });
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    setError(null);
    try {
      const r = await api.post<Round>('/api/selection/rounds', {
        campaignId: v.campaignId, name: v.name,
        nominationOpensOn: v.window[0].format('YYYY-MM-DD'), nominationClosesOn: v.window[1].format('YYYY-MM-DD'),
      });
      setOpen(false);
      void qc.invalidateQueries({ queryKey: ['selection'] });
      void navigate({ to: '/admin/selection/$id', params: { id: String(r.id) } });
    } catch (e) {
      setError(applyServerErrors(form, e));
    }
  };
  return (
    <Card title={t('selection.title')} extra={staff && <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>{t('selection.create')}</Button>}>
      <Table<RoundListItem>
        rowKey="id" size="small" loading={list.isFetching} dataSource={list.data ?? []} pagination={false}
        locale={{ emptyText: t('selection.none') }}
        columns={[
          { title: t('selection.name'), dataIndex: 'name', render: (n: string, r) => <Link to="/admin/selection/$id" params={{ id: String(r.id) }}>{n}</Link> },
          { title: t('selection.stage'), dataIndex: 'stageName', render: (s: string, r) => <Tag color={r.status === 'finished' ? 'green' : 'blue'}>{s}</Tag> },
          ...(staff ? [{ title: t('selection.candidates'), dataIndex: 'candidates' }] : []),
        ]}
      />
      <Modal open={open} title={t('selection.create')} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="campaignId" label={t('selection.campaign')} rules={[{ required: true }]}>
            <Select options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item name="name" label={t('selection.name')} rules={[{ required: true }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="window" label={t('selection.window')} rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
