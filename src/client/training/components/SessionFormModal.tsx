import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import type { SessionInput, TrainingClass, TrainingSession } from '../../../shared/contracts/training';
import { api } from '../../api';
import { applyServerErrors } from '../../components/formErrors';
import { useT } from '../../i18n';
import { dateField } from './dateField';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Add (session = null, optionally on a day picked in the calendar) or edit one session of a class. */
export function SessionFormModal({ open, cls, session, day, onClose, onSaved }: {
  open: boolean; cls: TrainingClass; session: TrainingSession | null; day?: string; onClose: () => void; onSaved: (s: TrainingSession) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<SessionInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: SessionInput) => {
    setBusy(true);
    setError(null);
    try {
      const body = { ...v, room: v.room ?? '', teacherName: v.teacherName ?? '', teacherAccountId: v.teacherAccountId ?? null };
      onSaved(session
        ? await api.put<TrainingSession>(`/api/training/sessions/${session.id}`, { ...body, version: session.version })
        : await api.post<TrainingSession>(`/api/training/classes/${cls.id}/sessions`, body));
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  const timeRule = { pattern: TIME, message: t('training.session.timeFormat') };
  // Picking a teacher account fills the name shown on the timetable (it can still be changed).
  const onTeacher = (id: number | undefined) => {
    const x = cls.teachers.find((y) => y.accountId === id);
    if (x && !form.getFieldValue('teacherName')) form.setFieldValue('teacherName', x.displayName);
  };

  return (
    <Modal open={open} title={`${t(session ? 'training.session.edit' : 'training.session.add')} · ${cls.name}`} okText={t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} afterClose={() => setError(null)} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<SessionInput> form={form} name="session" layout="vertical" onFinish={(v) => void submit(v)}
        initialValues={session ?? { day: day ?? cls.planActual.plannedStartOn ?? undefined, startsAt: '08:30', endsAt: '11:30' }}>
        <Form.Item label={t('training.session.day')} name="day" rules={[{ required: true }]} {...dateField}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label={t('training.session.startsAt')} name="startsAt" rules={[{ required: true }, timeRule]}>
              <Input placeholder="08:30" maxLength={5} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('training.session.endsAt')} name="endsAt" rules={[{ required: true }, timeRule]}>
              <Input placeholder="11:30" maxLength={5} inputMode="numeric" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('training.session.topic')} name="topic" rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('training.session.room')} name="room">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t('training.session.teacherAccount')} name="teacherAccountId">
          <Select allowClear onChange={onTeacher} options={cls.teachers.map((x) => ({ value: x.accountId, label: x.displayName }))} />
        </Form.Item>
        <Form.Item label={t('training.session.teacher')} name="teacherName">
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
