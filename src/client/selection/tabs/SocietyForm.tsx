import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { applyServerErrors } from '../../components/formErrors';
import { useT } from '../../i18n';
import { nominationRoundsQuery } from '../queries';

type Values = { idNumber: string; name: string; nominatorName: string; nominatorOrg?: string; contact: string; claims?: string[]; description?: string; statement?: string };

/**
 * 社会推荐: a person signed in nominating someone else, or the office keying a paper nomination —
 * the nominee by ID number and name (refused clearly when not in the registry), the nominator's
 * name, body and contact (stored encrypted, shown masked).
 */
export function SocietyNomination({ roundId, onCreated }: { roundId: number; onCreated?: (candidateId: number) => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const rounds = useQuery(nominationRoundsQuery);
  const round = rounds.data?.find((r) => r.id === roundId);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const submit = async (v: Values) => {
    setError(null);
    try {
      const r = await api.post<{ candidateId: number }>(`/api/selection/rounds/${roundId}/nominations`, {
        idNumber: v.idNumber, name: v.name, statement: v.statement ?? '',
        nominator: { name: v.nominatorName, org: v.nominatorOrg ?? '', contact: v.contact },
        claims: (v.claims ?? []).map((conditionKey) => ({ conditionKey, description: v.description ?? '' })),
      });
      void message.success(t('nom.submitted'));
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['selection'] });
      onCreated?.(r.candidateId);
    } catch (e) {
      setError(applyServerErrors(form, e));
    }
  };
  if (!round) return null;
  return (
    <>
      <Button disabled={!round.open} onClick={() => setOpen(true)}>{t('nom.society')}</Button>
      <Modal open={open} title={t('nom.society')} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t('nom.submit')} destroyOnHidden width={640}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="name" label={t('nom.name')} rules={[{ required: true }]}><Input maxLength={40} /></Form.Item>
          <Form.Item name="idNumber" label={t('nom.idNumber')} rules={[{ required: true }]}><Input maxLength={18} /></Form.Item>
          <Form.Item name="nominatorName" label={t('nom.nominatorName')} rules={[{ required: true }]}><Input maxLength={40} /></Form.Item>
          <Form.Item name="nominatorOrg" label={t('nom.nominatorOrg')}><Input maxLength={80} /></Form.Item>
          <Form.Item name="contact" label={t('nom.nominatorContact')} rules={[{ required: true }]}><Input maxLength={20} inputMode="tel" /></Form.Item>
          <Form.Item name="claims" label={t('nom.claims')} extra={t('nom.claimsHint', { n: round.minConditions })}>
            <Select mode="multiple" options={round.conditions.map((c) => ({ value: c.key, label: c.name, title: c.hint }))} />
          </Form.Item>
          <Form.Item name="description" label={t('nom.description')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
          <Form.Item name="statement" label={t('nom.statement')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
