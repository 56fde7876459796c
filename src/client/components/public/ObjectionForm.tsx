import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n';
import { applyServerErrors } from '../formErrors';

type Values = { name: string; contact: string; content: string };

/** 提出异议: by real name with a phone or e-mail, during the notice period; handled confidentially. */
export function ObjectionForm({ noticeId }: { noticeId: number }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reference, setReference] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ ok: true; reference: string }>(`/api/public/notices/${noticeId}/objections`, { name: v.name.trim(), contact: v.contact.trim(), content: v.content.trim() });
      setReference(r.reference);
      form.resetFields();
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  if (reference)
    return <Result status="success" title={t('objection.received')} subTitle={t('objection.reference', { reference })} data-testid="objection-received" />;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('objection.help')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="name" label={t('objection.realName')} rules={[{ required: true, whitespace: true, min: 2, message: t('objection.nameRequired') }]}>
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item name="contact" label={t('objection.contactLabel')} rules={[{ required: true, whitespace: true, message: t('objection.contactRequired') }]}>
          <Input maxLength={100} autoComplete="tel" inputMode="email" />
        </Form.Item>
        <Form.Item name="content" label={t('objection.content')} rules={[{ required: true, whitespace: true, min: 10, message: t('objection.contentRequired') }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('objection.submit')}
        </Button>
      </Form>
    </>
  );
}
