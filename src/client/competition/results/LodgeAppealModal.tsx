import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n';
import { applyServerErrors } from '../../components/formErrors';

type Values = { entryId: number; content: string };

/**
 * 提出申诉: a contestant for their own entry (entryId fixed) or a unit for one of its entrants
 * (chosen from `entries`). A late appeal is refused by the server with the deadline in its message.
 */
export function LodgeAppealModal({
  competitionId,
  open,
  entryId,
  entries,
  deadline,
  onClose,
  onLodged,
}: {
  competitionId: number;
  open: boolean;
  entryId?: number;
  entries?: { value: number; label: string }[];
  deadline?: string | null;
  onClose: () => void;
  onLodged: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/competitions/${competitionId}/appeals`, { entryId: entryId ?? v.entryId, content: v.content.trim() });
      form.resetFields();
      onLodged();
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('appeal.lodge')} okText={t('appeal.submit')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {deadline && <Typography.Paragraph type="secondary">{t('appeal.deadlineLine', { deadline })}</Typography.Paragraph>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        {entryId == null && (
          <Form.Item label={t('appeal.entrant')} name="entryId" rules={[{ required: true, message: t('appeal.entrantRequired') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={entries ?? []} />
          </Form.Item>
        )}
        <Form.Item label={t('appeal.content')} name="content" rules={[{ required: true, whitespace: true, min: 10, message: t('appeal.contentRequired') }]} extra={t('appeal.contentHelp')}>
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
