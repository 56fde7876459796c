import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { Account, CreateAccountBody } from '../../shared/contracts/accounts';
import { COMMITTEE_BODIES, ROLES } from '../../shared/contracts/auth';
import { api } from '../api';
import { useT } from '../i18n';
import { useLabels } from '../i18n/labels';
import { applyServerErrors, blankToUndefined } from './formErrors';
import { useUnitOptions } from './referenceData';

export type CreatedAccount = { account: Account; oneTimePassword: string | null };

/** 新增账号: a unit account names its unit, a committee account its body; no password means a one-time one. */
export function AccountFormModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (r: CreatedAccount) => void }) {
  const t = useT();
  const labels = useLabels();
  const [form] = Form.useForm<CreateAccountBody>();
  const role = Form.useWatch('role', form);
  const units = useUnitOptions(open);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (raw: CreateAccountBody) => {
    setBusy(true);
    setError(null);
    try {
      const v = blankToUndefined(raw);
      const body = { ...v, unitId: v.role === 'unit' ? v.unitId : undefined, committeeBody: v.role === 'committee' ? v.committeeBody : undefined };
      onCreated(await api.post<CreatedAccount>('/api/accounts', body));
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('accounts.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setError(null)}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<CreateAccountBody> form={form} name="account" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label={t('accounts.username')} name="username" rules={[{ required: true, whitespace: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('accounts.displayName')} name="displayName" rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('accounts.role')} name="role" rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: labels.role(r) }))} />
        </Form.Item>
        {role === 'unit' && (
          <Form.Item label={t('accounts.unit')} name="unitId" rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={units.isPending} options={units.data ?? []} />
          </Form.Item>
        )}
        {role === 'committee' && (
          <Form.Item label={t('accounts.committeeBody')} name="committeeBody" rules={[{ required: true }]}>
            <Select options={COMMITTEE_BODIES.map((b) => ({ value: b, label: labels.committeeBody(b) }))} />
          </Form.Item>
        )}
        <Form.Item label={t('accounts.phone')} name="phone">
          <Input />
        </Form.Item>
        <Form.Item label={t('accounts.password')} name="password" extra={t('accounts.passwordHelp')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
