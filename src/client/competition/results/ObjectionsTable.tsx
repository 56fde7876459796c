import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Notice, Objection, ObjectionStatus } from '../../../shared/contracts/notices';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useCompetitionAction } from '../components/common';
import type { Competition } from '../components/types';
import { formatDateTime } from '../../components/dates';
import { objectionsQuery } from './queries';

const COLORS: Record<ObjectionStatus, string> = { open: 'gold', investigating: 'blue', upheld: 'red', dismissed: 'default' };
type Values = { status: 'investigating' | 'upheld' | 'dismissed'; resolution: string };

/** 异议: lodged by real name during the notice, handled confidentially (never shown publicly). */
export function ObjectionsTable({ c, n }: { c: Competition; n: Notice }) {
  const t = useT();
  return <NoticeObjections n={n} queryKey={objectionsQuery(c.id, n.id).queryKey} action={useCompetitionAction(c.id)} upheldHelp={t('objection.upheldHelp')} />;
}

type Action = { run: <T>(key: string, action: () => Promise<T>, success?: string) => Promise<T | undefined>; busy: string | null };

/** The objections of any notice (competition results, selection lists): the subject's page says what upholding means. */
export function NoticeObjections({ n, queryKey, action, upheldHelp }: { n: Notice; queryKey: readonly unknown[]; action: Action; upheldHelp: string }) {
  const t = useT();
  const list = useQuery({ queryKey, queryFn: () => api.get<Objection[]>(`/api/notices/${n.id}/objections`) });
  const { run, busy } = action;
  const [handling, setHandling] = useState<Objection | null>(null);
  const [form] = Form.useForm<Values>();

  const resolve = async (v: Values) => {
    if (!handling) return;
    const ok = await run(
      `resolve-${handling.id}`,
      async () => {
        await api.post(`/api/notices/${n.id}/objections/${handling.id}/resolve`, { status: v.status, resolution: v.resolution.trim() });
        return true;
      },
      t('common.saved'),
    );
    if (ok) setHandling(null);
  };

  return (
    <div data-testid="objections-table">
      <Table<Objection>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: list.isError ? list.error.message : t('objection.none') }}
        columns={[
          { title: t('objection.name'), dataIndex: 'name', width: 90 },
          { title: t('objection.contact'), dataIndex: 'contactMasked', width: 140 },
          { title: t('objection.content'), dataIndex: 'content' },
          { title: t('objection.lodgedAt'), dataIndex: 'lodgedAt', width: 160, render: (v: string) => formatDateTime(v) },
          { title: t('objection.status'), dataIndex: 'status', width: 100, render: (s: ObjectionStatus) => <Tag color={COLORS[s]}>{t(`objection.status.${s}`)}</Tag> },
          { title: t('objection.resolution'), dataIndex: 'resolution', width: 200, render: (v: string | null) => v ?? t('common.dash') },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_, o) =>
              (o.status === 'open' || o.status === 'investigating') && (
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    form.setFieldsValue({ status: o.status === 'open' ? 'investigating' : 'dismissed', resolution: '' });
                    setHandling(o);
                  }}
                >
                  {t('objection.handle')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!handling}
        title={t('objection.handleTitle')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={!!handling && busy === `resolve-${handling.id}`}
        onOk={() => form.submit()}
        onCancel={() => setHandling(null)}
        forceRender
      >
        {handling && <Typography.Paragraph>{handling.content}</Typography.Paragraph>}
        <Typography.Paragraph type="secondary">{upheldHelp}</Typography.Paragraph>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void resolve(v)}>
          <Form.Item name="status" label={t('objection.status')} rules={[{ required: true }]}>
            <Select options={(['investigating', 'upheld', 'dismissed'] as const).map((s) => ({ value: s, label: t(`objection.status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="resolution" label={t('objection.resolution')} rules={[{ required: true, whitespace: true, min: 4, message: t('objection.resolutionRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
