import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Table, Tabs } from 'antd';
import { useState } from 'react';
import type { Person } from '../../../../shared/contracts/people';
import type { EnrolmentView } from '../../../../shared/training/enrolment';
import { api } from '../../../api';
import { applyServerErrors, blankToUndefined } from '../../../components/formErrors';
import { useUnitOptions, type Page } from '../../../components/referenceData';
import { useT } from '../../../i18n';
import { useLabels } from '../../../i18n/labels';

type NewPerson = { name: string; idNumber: string; phone?: string; unitId: number };

/** 录入学员: pick a person from the registry, or register a new one (an ID number already registered is that person). */
export function AddTraineeModal({ classId, open, enrolled, onClose, onDone }: {
  classId: number; open: boolean; enrolled: Set<number>; onClose: () => void; onDone: () => void;
}) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [q, setQ] = useState<string | undefined>();
  const [busy, setBusy] = useState<number | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<NewPerson>();
  const units = useUnitOptions(open);
  const people = useQuery({
    queryKey: ['people', 'list', { q }, 'training-enrol'],
    queryFn: () => api.get<Page<Person>>('/api/people', { q, pageSize: 10 }),
    placeholderData: keepPreviousData,
    enabled: open,
  });

  const enrol = async (body: { personId: number } | NewPerson, key: number | 'new') => {
    setBusy(key);
    setError(null);
    try {
      const r = await api.post<EnrolmentView>(`/api/training/classes/${classId}/enrolments`, body);
      void message.success(t('training.enrolment.enrolled', { name: r.name }));
      form.resetFields();
      onDone();
    } catch (e) {
      setError(key === 'new' ? applyServerErrors(form, e) : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal open={open} title={t('training.enrolment.addTitle')} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Tabs items={[
        {
          key: 'existing', label: t('training.enrolment.existing'), children: (
            <>
              <Input.Search allowClear placeholder={t('training.enrolment.search')} onSearch={(v) => setQ(v.trim() || undefined)} style={{ maxWidth: 260, marginBottom: 8 }} />
              <Table<Person> size="small" rowKey="id" loading={people.isFetching} dataSource={people.data?.items ?? []} pagination={false} scroll={{ x: 560 }}
                columns={[
                  { title: t('training.enrolment.name'), dataIndex: 'name' },
                  { title: t('training.enrolment.idNumber'), dataIndex: 'idNumberMasked' },
                  { title: t('training.enrolment.unit'), dataIndex: 'unitName' },
                  { title: t('training.enrolment.level'), dataIndex: 'level', render: (l: number | null) => labels.level(l) },
                  {
                    title: '', key: 'pick', render: (_: unknown, p) => (
                      <Button size="small" type="primary" disabled={enrolled.has(p.id)} loading={busy === p.id} onClick={() => void enrol({ personId: p.id }, p.id)}>
                        {t('training.enrolment.pick')}
                      </Button>
                    ),
                  },
                ]} />
            </>
          ),
        },
        {
          key: 'new', label: t('training.enrolment.newPerson'), children: (
            <Form form={form} layout="vertical" onFinish={(v) => void enrol(blankToUndefined(v), 'new')}>
              <Form.Item name="name" label={t('training.enrolment.name')} rules={[{ required: true, whitespace: true }]}><Input maxLength={50} /></Form.Item>
              <Form.Item name="idNumber" label={t('training.enrolment.idNumber')} rules={[{ required: true, whitespace: true }]}><Input maxLength={18} /></Form.Item>
              <Form.Item name="phone" label={t('training.enrolment.phone')}><Input maxLength={20} /></Form.Item>
              <Form.Item name="unitId" label={t('training.enrolment.unit')} rules={[{ required: true }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={units.data ?? []} loading={units.isLoading} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy === 'new'}>{t('training.enrolment.save')}</Button>
            </Form>
          ),
        },
      ]} />
    </Modal>
  );
}
