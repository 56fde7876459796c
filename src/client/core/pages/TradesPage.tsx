import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import type { Trade } from '../../../shared/contracts/trades';
import { api } from '../../api';
import { applyServerErrors } from '../../components/formErrors';
import { useTrades } from '../../components/referenceData';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';

type Values = { code: string; name: string; category: 'general' | 'industry'; levels: number[] };

/** 工种: the trades competitions and people refer to; a fresh deployment adds its own. */
export function TradesPage() {
  const t = useT();
  const labels = useLabels();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const trades = useTrades();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.post<Trade>('/api/trades', v);
      setOpen(false);
      void message.success(t('common.saved'));
      void qc.invalidateQueries({ queryKey: ['trades'] });
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t('trades.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
          {t('trades.create')}
        </Button>
      }
    >
      <Table<Trade>
        rowKey="id"
        size="small"
        loading={trades.isFetching}
        dataSource={trades.data ?? []}
        pagination={false}
        locale={{ emptyText: t('trades.none') }}
        columns={[
          { title: t('trades.code'), dataIndex: 'code', width: 140 },
          { title: t('trades.name'), dataIndex: 'name' },
          { title: t('trades.category'), dataIndex: 'category', width: 140, render: (c: Trade['category']) => t(`trades.category.${c}`) },
          { title: t('trades.levels'), dataIndex: 'levels', render: (ls: number[]) => ls.map((l) => labels.level(l)).join('、') },
        ]}
      />
      <Modal
        open={open}
        title={t('trades.create')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        afterClose={() => setError(null)}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} name="trade" layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ category: 'general', levels: [5, 4, 3, 2, 1] }}>
          <Form.Item label={t('trades.name')} name="name" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label={t('trades.code')} name="code" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item label={t('trades.category')} name="category">
            <Select options={(['general', 'industry'] as const).map((c) => ({ value: c, label: t(`trades.category.${c}`) }))} />
          </Form.Item>
          <Form.Item label={t('trades.levels')} name="levels" rules={[{ required: true }]}>
            <Select mode="multiple" options={labels.levelOptions} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
