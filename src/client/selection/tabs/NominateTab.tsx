import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { NominationRoundView } from '../../../shared/contracts/selection-nominations';
import { CHANNEL_NAMES } from '../../../shared/selection/rules';
import { api } from '../../api';
import { applyServerErrors } from '../../components/formErrors';
import { ExcelImport } from '../../competition/components/ExcelImport';
import { useT } from '../../i18n';
import { myNominationsQuery, nominationRoundsQuery } from '../queries';
import type { SelectionTabProps } from '../tabs';
import { CandidateDrawer } from './CandidateDrawer';
import { CandidateTable } from './CandidateTable';

/** 推荐报名 for a unit, district or industry account: the window, its nominations with status and reasons, the form and the Excel upload. */
export function NominateTab({ roundId }: SelectionTabProps) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const rounds = useQuery(nominationRoundsQuery);
  const round = rounds.data?.find((r) => r.id === roundId);
  const mine = useQuery(myNominationsQuery(roundId));
  const [formOpen, setFormOpen] = useState(false);
  const [opened, setOpened] = useState<number | null>(null);
  if (!round) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <WindowNote round={round} />
      {round.channel ? (
        <Space wrap>
          <Tag color="blue">{CHANNEL_NAMES[round.channel]}</Tag>
          <Button type="primary" disabled={!round.open} onClick={() => setFormOpen(true)}>{t('nom.new')}</Button>
          <ExcelImport<{ nominated: number }>
            path={`/api/selection/rounds/${roundId}/nominations/import`} templatePath="/api/selection/nominations/template" templateName="技术能手推荐模板.xlsx"
            label={t('nom.import')} disabled={!round.open}
            onImported={(r) => { void message.success(t('nom.imported', { n: r.nominated })); void qc.invalidateQueries({ queryKey: ['selection'] }); }}
          />
        </Space>
      ) : <Alert type="info" message={t('nom.cannotNominate')} />}
      <Card size="small" title={t('nom.mine')}>
        <CandidateTable rows={mine.data ?? []} loading={mine.isFetching} onOpen={setOpened} />
      </Card>
      <NominationForm round={round} open={formOpen} onClose={() => setFormOpen(false)} onCreated={(id) => { setFormOpen(false); setOpened(id); }} />
      <CandidateDrawer candidateId={opened} mode="nominator" onClose={() => setOpened(null)} />
    </Space>
  );
}

export function WindowNote({ round }: { round: NominationRoundView }) {
  const t = useT();
  return <Alert type={round.open ? 'success' : 'info'} showIcon message={t('nom.window', { from: round.opensOn, to: round.closesOn })} description={round.open ? t('nom.windowOpen') : t('nom.windowClosed')} />;
}

type Values = { personId: number; claims: string[]; description: string; statement: string; equivalentSkill?: string };

/** The nomination form: one of the account's people, the conditions claimed, the statement. Evidence follows in the candidate's file. */
function NominationForm({ round, open, onClose, onCreated }: { round: NominationRoundView; open: boolean; onClose: () => void; onCreated: (candidateId: number) => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | null>(null);
  const people = useQuery({ queryKey: ['selection', 'nominable', q], queryFn: () => api.get<{ id: number; name: string; idNumberMasked: string; unitName: string }[]>('/api/selection/nominable', { q }), enabled: open });
  const submit = async (v: Values) => {
    setError(null);
    try {
      const r = await api.post<{ candidateId: number }>(`/api/selection/rounds/${round.id}/nominations`, {
        personId: v.personId, statement: v.statement ?? '', equivalentSkill: v.equivalentSkill || undefined,
        claims: (v.claims ?? []).map((conditionKey) => ({ conditionKey, description: v.description ?? '' })),
      });
      void message.success(t('nom.submitted'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['selection'] });
      onCreated(r.candidateId);
    } catch (e) {
      setError(applyServerErrors(form, e));
    }
  };
  return (
    <Modal open={open} title={t('nom.new')} onCancel={onClose} onOk={() => form.submit()} okText={t('nom.submit')} destroyOnHidden width={640}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="personId" label={t('nom.person')} rules={[{ required: true }]}>
          <Select showSearch filterOption={false} onSearch={setQ} placeholder={t('nom.personSearch')} loading={people.isFetching} data-testid="nominee"
            options={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.name} ${p.idNumberMasked} ${p.unitName}` }))} />
        </Form.Item>
        <Form.Item name="claims" label={t('nom.claims')} extra={t('nom.claimsHint', { n: round.minConditions })}>
          <Select mode="multiple" data-testid="claims" options={round.conditions.map((c) => ({ value: c.key, label: c.name, title: c.hint }))} />
        </Form.Item>
        <Form.Item name="description" label={t('nom.description')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        <Form.Item name="statement" label={t('nom.statement')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="equivalentSkill" label={t('nom.equivalentSkill')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}
