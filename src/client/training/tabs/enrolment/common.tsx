import { queryOptions } from '@tanstack/react-query';
import { Form, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../../shared/contracts/auth';
import type { EnrolmentView } from '../../../../shared/training/enrolment';
import { ENROLMENT_SOURCE_NAMES, ENROLMENT_STATUS_NAMES } from '../../../../shared/training/enrolment';
import type { EnrolmentSource, EnrolmentStatus } from '../../../../shared/training/rules';
import { api } from '../../../api';
import { useLang, useT } from '../../../i18n';

export const enrolmentsQuery = (classId: number) =>
  queryOptions({ queryKey: ['training', 'enrolments', classId], queryFn: () => api.get<EnrolmentView[]>(`/api/training/classes/${classId}/enrolments`) });

/** The same rule as the server's isTrainingStaff: administrators and the committee's training department (and office). */
export const isTrainingStaff = (me: Me) => me.role === 'admin' || (me.role === 'committee' && (me.committeeBody === 'training' || me.committeeBody === 'office'));

const STATUS_COLORS: Record<EnrolmentStatus, string> = { nominated: 'gold', enrolled: 'green', rejected: 'red', withdrawn: 'default' };

export function EnrolmentStatusTag({ status }: { status: EnrolmentStatus }) {
  const { lang } = useLang();
  return <Tag color={STATUS_COLORS[status]}>{ENROLMENT_STATUS_NAMES[status][lang]}</Tag>;
}

export function useSourceName() {
  const { lang } = useLang();
  return (s: EnrolmentSource) => ENROLMENT_SOURCE_NAMES[s][lang];
}

/** Asks for a reason (refusal, withdrawal) and hands it over; the server's refusal shows in place. */
export function ReasonModal({ title, label, open, onCancel, onSubmit }: {
  title: string; label: string; open: boolean; onCancel: () => void; onSubmit: (reason: string) => Promise<void>;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await onSubmit(reason.trim());
      form.resetFields();
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={title} onCancel={onCancel} onOk={() => void submit()} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: t('training.enrolment.reasonRequired') }]}
          validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
          <Input.TextArea rows={3} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
