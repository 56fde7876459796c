import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import type { Programme, ProgrammeInput } from '../../../shared/contracts/training';
import { PROGRAMME_KINDS } from '../../../shared/training/rules';
import { api } from '../../api';
import { applyServerErrors } from '../../components/formErrors';
import { useT } from '../../i18n';
import { useTrainingNames } from '../names';

type Values = Omit<ProgrammeInput, 'campaignId'>;

/** Create (programme = null) or edit a programme: its kind, name, plan and standard fees. */
export function ProgrammeFormModal({ open, programme, onClose, onSaved }: { open: boolean; programme: Programme | null; onClose: () => void; onSaved: (p: Programme) => void }) {
  const t = useT();
  const names = useTrainingNames();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = { ...v, description: v.description ?? '', plannedTrainees: v.plannedTrainees ?? null, plannedClasses: v.plannedClasses ?? null };
      onSaved(programme
        ? await api.put<Programme>(`/api/training/programmes/${programme.id}`, { ...body, kind: undefined, campaignId: programme.campaignId, version: programme.version })
        : await api.post<Programme>('/api/training/programmes', body));
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t(programme ? 'training.programme.edit' : 'training.programme.create')} okText={t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} afterClose={() => setError(null)} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name="programme" layout="vertical" onFinish={(v) => void submit(v)}
        initialValues={programme ?? { kind: 'entrepreneurship', trainingFeeYuan: 0, appraisalFeeYuan: 0 }}>
        <Form.Item label={t('training.programme.kind')} name="kind" rules={[{ required: true }]}>
          <Select disabled={!!programme} options={PROGRAMME_KINDS.map((k) => ({ value: k, label: names.kind(k) }))} />
        </Form.Item>
        <Form.Item label={t('training.programme.name')} name="name" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t('training.programme.description')} name="description">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('training.programme.plannedTrainees')} name="plannedTrainees">
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('training.programme.plannedClasses')} name="plannedClasses">
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('training.programme.trainingFee')} name="trainingFeeYuan" extra={t('training.programme.feeHint')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('training.programme.appraisalFee')} name="appraisalFeeYuan">
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
