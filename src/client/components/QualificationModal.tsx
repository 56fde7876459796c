import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';
import { useLabels } from '../i18n/labels';
import { applyServerErrors } from './formErrors';
import { useTradeOptions } from './referenceData';

type Values = { level: number; tradeId?: number; obtainedOn: Dayjs; source: string };

/** 添加资格记录: a qualification a person obtained (level, trade, date, where it came from). */
export function QualificationModal<T>({ personId, open, onClose, onSaved }: { personId: number; open: boolean; onClose: () => void; onSaved: (detail: T) => void }) {
  const t = useT();
  const labels = useLabels();
  const trades = useTradeOptions();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const body = { level: v.level, tradeId: v.tradeId ?? null, obtainedOn: v.obtainedOn.format('YYYY-MM-DD'), source: v.source };
      onSaved(await api.post<T>(`/api/people/${personId}/qualifications`, body));
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('people.addQualification')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setError(null)}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name="qualification" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label={t('people.level')} name="level" rules={[{ required: true }]}>
          <Select options={labels.levelOptions} />
        </Form.Item>
        <Form.Item label={t('people.trade')} name="tradeId">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={trades} />
        </Form.Item>
        <Form.Item label={t('people.obtainedOn')} name="obtainedOn" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('people.source')} name="source" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
