import { useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../shared/contracts/auth';
import { api } from '../../api';
import { applyServerErrors } from '../../components/formErrors';
import { useT } from '../../i18n';
import { meQuery, rememberMe } from '../../session';
import { useQueryClient } from '@tanstack/react-query';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** 修改密码; a first login or a reset password comes here before anything else. */
export function PasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ currentPassword, newPassword }: Values) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<Me | { ok: true }>('/api/auth/password', { currentPassword, newPassword });
      // The server rotates the session on a password change; it answers with the new Me (or just ok).
      if ('csrfToken' in r) rememberMe(r);
      else await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      void message.success(t('password.done'));
      form.resetFields();
      await navigate({ to: '/admin' });
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('nav.password')} style={{ maxWidth: 480 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name="password" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('password.new')}
          name="newPassword"
          extra={t('password.rule')}
          rules={[{ required: true }, { min: 8, message: t('password.rule') }, { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: t('password.rule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('password.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
