import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { ConflictReason } from '../../../shared/competition/recusal';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { formatDateTime } from '../../components/dates';
import { applyServerErrors } from '../../components/formErrors';
import { useUnitOptions } from '../../components/referenceData';
import { competitionKeys } from './common';
import type { StaffMember } from './types';

type Declared = { id: number; kind: 'unit' | 'person' | 'entry'; unitName: string | null; personName: string | null; code: string | null; reason: ConflictReason; note: string | null; declaredAt: string };
type Values = { unitId?: number; reason?: ConflictReason; note?: string };

/**
 * 回避申报: a judge's declared conflicts, and a new one with a unit, recorded by the organizer —
 * before the draw only (after it a new one would name that unit's codes); a conflict a judge
 * reported on a code while marking (认识该选手) is listed by the code alone.
 */
export function ConflictsModal({ judge, competitionId, drawn, onClose }: { judge: StaffMember | null; competitionId: number; drawn: boolean; onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const units = useUnitOptions(!!judge);
  const list = useQuery({
    queryKey: ['judge-conflicts', judge?.accountId],
    queryFn: () => api.get<Declared[]>(`/api/judges/${judge!.accountId}/conflicts`),
    enabled: !!judge,
  });

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/judges/${judge!.accountId}/conflicts`, { kind: 'unit', unitId: v.unitId, reason: v.reason, note: v.note?.trim() || undefined });
      form.resetFields();
      void message.success(t('common.saved'));
      void list.refetch();
      void queryClient.invalidateQueries({ queryKey: competitionKeys.part(competitionId, 'assignments') });
    } catch (e) {
      setError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={!!judge} width={720} title={t('conflicts.title', { name: judge?.displayName ?? '' })} footer={null} onCancel={onClose} destroyOnHidden>
      <Table<Declared>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('conflicts.none') }}
        style={{ marginBottom: 16 }}
        columns={[
          { title: t('conflicts.with'), key: 'with', render: (_, d) => (d.kind === 'entry' ? (d.code ? t('conflicts.byCode', { code: d.code }) : t('assign.reportedWhileMarking')) : (d.unitName ?? d.personName ?? t('common.dash'))) },
          { title: t('conflicts.reason'), key: 'reason', width: 140, render: (_, d) => (d.kind === 'entry' ? t('conflicts.recognised') : labels.conflictReason(d.reason)) },
          { title: t('conflicts.note'), dataIndex: 'note', render: (v: string | null) => v ?? t('common.dash') },
          { title: t('conflicts.declaredAt'), dataIndex: 'declaredAt', width: 170, render: (v: string) => formatDateTime(v) },
        ]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {drawn ? (
        <Alert type="info" showIcon title={t('conflicts.fixedAfterDraw')} description={t('conflicts.fixedAfterDrawHelp')} data-testid="conflicts-fixed" />
      ) : (
        <Form<Values> form={form} layout="inline" onFinish={(v) => void submit(v)}>
          <Form.Item name="unitId" rules={[{ required: true, message: t('conflicts.pickUnit') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('conflicts.unit')} style={{ width: 220 }} options={units.data ?? []} />
          </Form.Item>
          <Form.Item name="reason" rules={[{ required: true, message: t('conflicts.pickReason') }]}>
            <Select placeholder={t('conflicts.reason')} style={{ width: 150 }} options={ConflictReason.options.map((r) => ({ value: r, label: labels.conflictReason(r) }))} />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder={t('conflicts.note')} maxLength={200} style={{ width: 160 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('conflicts.declare')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}
