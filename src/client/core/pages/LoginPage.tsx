import { useNavigate } from '@tanstack/react-router';
import { Alert, Button, Card, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../shared/contracts/auth';
import { api, ApiError } from '../../api';
import { applyServerErrors } from '../../components/formErrors';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useLang, useT } from '../../i18n';
import { rememberMe } from '../../session';

type LoginForm = { login: string; password: string };

export function LoginPage() {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const me = await api.post<Me>('/api/auth/login', values);
      rememberMe(me);
      // Back where the sign-in was asked for (a scanned QR: /checkin?c=…), only a path on this site.
      const next = new URLSearchParams(window.location.search).get('next');
      if (!me.mustChangePassword && next && /^\/(?![/\\])/.test(next)) await navigate({ href: next });
      else await navigate({ to: me.mustChangePassword ? '/admin/password' : '/admin' });
    } catch (e) {
      const text = applyServerErrors(form, e);
      if (e instanceof ApiError && e.status === 429) {
        // The server's Chinese text already says how long to wait (and why); English gets its own.
        setError(lang === 'zh' && text ? text : t('login.tooMany', { n: Math.ceil(e.retryAfterSeconds ?? 60) }));
      } else setError(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', padding: 16 }}>
      <Card title={t('login.title')} extra={<LanguageSwitch />} style={{ width: '100%', maxWidth: 380 }}>
        <Form<LoginForm> form={form} name="login" layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form.Item label={t('login.login')} name="login" rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
