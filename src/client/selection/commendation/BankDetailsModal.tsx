import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Award } from '../../../shared/selection/commendation';
import { api } from '../../api';
import { applyServerErrors } from '../../components/formErrors';
import { useT } from '../../i18n';

/**
 * 银行账户: the expert, their unit or the office enters the bank and account for the cash award.
 * The full number is typed here and never shown again (the list shows it masked).
 */
export function BankDetailsModal({ award, onClose }: { award: Award | null; onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ bankName: string; bankAccount: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/selection/awards/${award!.id}/bank`, v);
      void message.success(t('commend.bankSaved'));
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['selection'] });
      onClose();
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={award != null}
      title={award ? t('commend.bankTitle', { name: award.name }) : ''}
      okText={t('commend.save')}
      cancelText={t('commend.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={() => { form.resetFields(); setError(null); onClose(); }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ bankName: award?.bankName ?? '' }}>
        <Form.Item name="bankName" label={t('commend.bankName')} rules={[{ required: true, min: 2, max: 60 }]}>
          <Input placeholder={t('commend.bankNamePlaceholder')} maxLength={60} />
        </Form.Item>
        <Form.Item
          name="bankAccount"
          label={t('commend.bankAccount')}
          extra={t('commend.bankAccountHint')}
          rules={[{ required: true }, { pattern: /^[\d\s-]{12,40}$/, message: t('commend.bankAccountHint') }]}
        >
          <Input inputMode="numeric" autoComplete="off" maxLength={40} placeholder={award?.bankAccountMasked ?? ''} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
