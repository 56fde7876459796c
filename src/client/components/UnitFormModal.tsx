import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { UNIT_KINDS, type Unit, type UnitInput } from '../../shared/contracts/units';
import { api } from '../api';
import { useT } from '../i18n';
import { useLabels } from '../i18n/labels';
import { applyServerErrors, blankToUndefined } from './formErrors';

/** Create (unit = null) or edit a unit. The contact phone is masked in lists, so a blank one keeps the old. */
export function UnitFormModal({ open, unit, onClose, onSaved }: { open: boolean; unit: Unit | null; onClose: () => void; onSaved: (u: Unit) => void }) {
  const t = useT();
  const labels = useLabels();
  const [form] = Form.useForm<UnitInput>();
  const kind = Form.useWatch('kind', form);
  // 行业组织: the industry bodies a unit may belong to (they nominate its people for the selection).
  const bodies = useQuery({
    queryKey: ['units', 'industry-bodies'],
    queryFn: () => api.get<{ items: Unit[] }>('/api/units', { kind: 'industry', page: 1, pageSize: 100 }),
    enabled: open,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: UnitInput) => {
    setBusy(true);
    setError(null);
    try {
      const body = blankToUndefined(values);
      onSaved(unit ? await api.put<Unit>(`/api/units/${unit.id}`, body) : await api.post<Unit>('/api/units', body));
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t(unit ? 'units.editTitle' : 'units.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setError(null)}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<UnitInput>
        form={form}
        name="unit"
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={unit ? { name: unit.name, kind: unit.kind, code: unit.code, district: unit.district, contactName: unit.contactName, industryId: unit.industryId } : { kind: 'enterprise' }}
      >
        <Form.Item label={t('units.name')} name="name" rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('units.kind')} name="kind" rules={[{ required: true }]}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: labels.unitKind(k) }))} />
        </Form.Item>
        <Form.Item label={t('units.code')} name="code">
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item label={t('units.district')} name="district">
          <Input />
        </Form.Item>
        {kind !== 'industry' && (
          <Form.Item label={t('units.industry')} name="industryId" extra={t('units.industryHint')}>
            <Select allowClear options={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        )}
        <Form.Item label={t('units.contactName')} name="contactName">
          <Input />
        </Form.Item>
        <Form.Item label={t('units.contactPhone')} name="contactPhone" extra={unit?.contactPhoneMasked ? t('people.phoneKeep') : undefined}>
          <Input placeholder={unit?.contactPhoneMasked ?? undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
