import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Person } from '../../../shared/contracts/people';
import { api, ApiError } from '../../api';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMe } from '../../session';
import { useUnitOptions, type Page } from '../../components/referenceData';
import { competitionKeys } from './common';
import type { Competition } from './types';

/**
 * Picks people of the competition's trade (a unit: its own; an organizer: any unit's) and
 * registers them, all or none; each refusal names the person and the reason.
 */
export function RegisterModal({ open, c, entered, onClose }: { open: boolean; c: Competition; entered: Set<number>; onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const pickUnit = me.role !== 'unit';
  const units = useUnitOptions(open && pickUnit);
  const [q, setQ] = useState<string | undefined>();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; lines: string[] } | null>(null);

  const people = useQuery({
    queryKey: ['people', 'list', { tradeId: c.tradeId, q, unitId }, page],
    queryFn: () => api.get<Page<Person>>('/api/people', { tradeId: c.tradeId, q, unitId, ...page }),
    placeholderData: keepPreviousData,
    enabled: open,
  });

  const close = () => {
    setSelected([]);
    setError(null);
    onClose();
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ registered: number }>(`/api/competitions/${c.id}/entries`, { personIds: selected });
      void message.success(t('entries.registered', { n: r.registered }));
      void queryClient.invalidateQueries({ queryKey: competitionKeys.one(c.id) });
      void queryClient.invalidateQueries({ queryKey: competitionKeys.list });
      close();
    } catch (e) {
      const lines = e instanceof ApiError ? [...new Set(e.issues.map((i) => i.message))] : [];
      setError({ message: e instanceof Error ? e.message : String(e), lines: lines.length > 1 ? lines : [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      width={820}
      title={t('entries.registerTitle', { trade: c.tradeName })}
      okText={t('entries.registerSelected', { n: selected.length })}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: selected.length === 0 }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('entries.registerHelp', { trade: c.tradeName })}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.message}
          description={error.lines.length ? <ul style={{ margin: 0, paddingLeft: 20 }}>{error.lines.map((l) => <li key={l}>{l}</li>)}</ul> : undefined}
          style={{ marginBottom: 12 }}
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('people.searchPlaceholder')}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: 200 }}
        />
        {pickUnit && (
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('people.allUnits')}
            style={{ width: 240 }}
            options={units.data ?? []}
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              setPage((p) => ({ ...p, page: 1 }));
            }}
          />
        )}
      </Space>
      <Table<Person>
        rowKey="id"
        size="small"
        loading={people.isFetching}
        dataSource={people.data?.items ?? []}
        scroll={{ x: 600 }}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys as number[]),
          getCheckboxProps: (p) => ({ disabled: entered.has(p.id) }),
        }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: people.data?.total ?? 0,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('people.name'), dataIndex: 'name', width: 100, render: (v: string, p) => (entered.has(p.id) ? <Space size={4}>{v}<Tag>{t('entries.alreadyEntered')}</Tag></Space> : v) },
          { title: t('people.idNumber'), dataIndex: 'idNumberMasked', width: 180 },
          ...(pickUnit ? [{ title: t('people.unit'), dataIndex: 'unitName' }] : []),
          { title: t('people.level'), dataIndex: 'level', width: 90, render: (l: number | null) => labels.level(l) },
        ]}
      />
    </Modal>
  );
}
