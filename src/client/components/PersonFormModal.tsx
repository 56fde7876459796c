import { Alert, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import type { Person } from '../../shared/contracts/people';
import { api } from '../api';
import { useT } from '../i18n';
import { useLabels } from '../i18n/labels';
import { useMe } from '../session';
import { applyServerErrors, blankToUndefined } from './formErrors';
import { useTradeOptions, useUnitOptions } from './referenceData';

type Values = {
  name: string;
  idNumber?: string;
  phone?: string;
  unitId?: number;
  tradeId?: number | null;
  level?: number | null;
  frontLine: boolean;
  yearsInTrade?: number | null;
};

/**
 * Registers a person (person = null) or edits one. The ID number and level are not edited here:
 * the level changes through qualification records. A unit account's people belong to its unit.
 */
export function PersonFormModal({ open, person, onClose, onSaved }: { open: boolean; person: Person | null; onClose: () => void; onSaved: (p: Person) => void }) {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pickUnit = !person && me.role !== 'unit';
  const units = useUnitOptions(open && pickUnit);
  const trades = useTradeOptions();

  const submit = async (raw: Values) => {
    setBusy(true);
    setError(null);
    try {
      const v = blankToUndefined(raw);
      const saved = person
        ? await api.patch<Person>(`/api/people/${person.id}`, {
            name: v.name,
            phone: v.phone,
            tradeId: v.tradeId ?? null,
            frontLine: v.frontLine,
            yearsInTrade: v.yearsInTrade ?? null,
          })
        : await api.post<Person>('/api/people', { ...v, unitId: pickUnit ? v.unitId : undefined });
      onSaved(saved);
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  const initial: Partial<Values> = person
    ? { name: person.name, tradeId: person.tradeId, frontLine: person.frontLine, yearsInTrade: person.yearsInTrade }
    : { frontLine: true };

  return (
    <Modal
      open={open}
      title={t(person ? 'people.editTitle' : 'people.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setError(null)}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} name="person" layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Form.Item label={t('people.name')} name="name" rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        {!person && (
          <Form.Item label={t('people.idNumber')} name="idNumber" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={18} />
          </Form.Item>
        )}
        <Form.Item label={t('people.phone')} name="phone" extra={person?.phoneMasked ? t('people.phoneKeep') : undefined}>
          <Input placeholder={person?.phoneMasked ?? undefined} />
        </Form.Item>
        {pickUnit && (
          <Form.Item label={t('people.unit')} name="unitId" rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={units.isPending} options={units.data ?? []} />
          </Form.Item>
        )}
        <Form.Item label={t('people.trade')} name="tradeId">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={trades} />
        </Form.Item>
        {!person && (
          <Form.Item label={t('people.level')} name="level">
            <Select allowClear options={labels.levelOptions} />
          </Form.Item>
        )}
        <Form.Item label={t('people.frontLine')} name="frontLine" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item label={t('people.yearsInTrade')} name="yearsInTrade">
          <InputNumber min={0} max={60} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
