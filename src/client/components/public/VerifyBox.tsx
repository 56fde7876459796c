import { Button, Card, Form, Input, Typography } from 'antd';
import { useT } from '../../i18n';

/**
 * 证书查询: the verification page is served by the server (/verify/<serial>, readable without
 * scripts), so this leaves the app for it.
 */
export function VerifyBox() {
  const t = useT();
  const go = ({ serial }: { serial: string }) => {
    const s = serial.trim().toUpperCase();
    if (s) window.location.assign(`/verify/${encodeURIComponent(s)}`);
  };
  return (
    <Card size="small" title={t('public.verifyTitle')} style={{ marginTop: 24 }}>
      <Typography.Paragraph type="secondary">{t('public.verifyHelp')}</Typography.Paragraph>
      <Form layout="inline" onFinish={go} style={{ rowGap: 8 }}>
        <Form.Item name="serial" rules={[{ required: true, whitespace: true, message: t('public.verifyRequired') }]} style={{ flex: '1 1 220px', marginInlineEnd: 8 }}>
          <Input aria-label={t('public.verifySerial')} placeholder={t('public.verifyPlaceholder')} autoCapitalize="characters" spellCheck={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('public.verify')}
        </Button>
      </Form>
    </Card>
  );
}
