import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { UNIT_KINDS, type Unit, type UnitKind } from '../../../shared/contracts/units';
import { api } from '../../api';
import { DownloadButton } from '../../components/DownloadButton';
import { ImportButtons } from '../../components/ImportButtons';
import type { Page } from '../../components/referenceData';
import { UnitFormModal } from '../../components/UnitFormModal';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMe } from '../../session';

/** 单位: the registry of enterprises, schools, departments, districts and industry bodies. */
export function UnitsPage() {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isAdmin = me.role === 'admin';
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<UnitKind | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [modal, setModal] = useState<{ open: boolean; unit: Unit | null }>({ open: false, unit: null });

  const filters = { q: q || undefined, kind };
  const list = useQuery({
    queryKey: ['units', 'list', filters, page],
    queryFn: () => api.get<Page<Unit>>('/api/units', { ...filters, ...page }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['units'] });
  const dash = t('common.dash');

  return (
    <Card title={t('nav.units')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('units.searchPlaceholder')}
          enterButton={t('common.search')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage((p) => ({ ...p, page: 1 }));
          }}
          style={{ width: 300 }}
        />
        <Select<UnitKind>
          allowClear
          placeholder={t('units.allKinds')}
          style={{ width: 160 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={UNIT_KINDS.map((k) => ({ value: k, label: labels.unitKind(k) }))}
        />
        {isAdmin && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setModal({ open: true, unit: null })}>
            {t('common.create')}
          </Button>
        )}
        {isAdmin && <ImportButtons kind="units" onImported={refresh} />}
        <DownloadButton path="/api/units/export" fileName={t('units.exportName')} query={filters}>
          {t('common.export')}
        </DownloadButton>
      </Space>
      <Table<Unit>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('units.name'), dataIndex: 'name' },
          { title: t('units.kind'), dataIndex: 'kind', width: 110, render: (k: UnitKind) => labels.unitKind(k) },
          { title: t('units.code'), dataIndex: 'code', width: 200, render: (v: string | null) => v ?? dash },
          { title: t('units.district'), dataIndex: 'district', width: 110, render: (v: string | null) => v ?? dash },
          { title: t('units.contactName'), dataIndex: 'contactName', width: 100, render: (v: string | null) => v ?? dash },
          { title: t('units.contactPhone'), dataIndex: 'contactPhoneMasked', width: 140, render: (v: string | null) => v ?? dash },
          { title: t('units.peopleCount'), dataIndex: 'peopleCount', width: 80, align: 'right' },
          ...(isAdmin
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, u: Unit) => (
                    <Button type="link" size="small" onClick={() => setModal({ open: true, unit: u })}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <UnitFormModal
        open={modal.open}
        unit={modal.unit}
        onClose={() => setModal((m) => ({ ...m, open: false }))}
        onSaved={() => {
          setModal((m) => ({ ...m, open: false }));
          void message.success(t('common.saved'));
          refresh();
        }}
      />
    </Card>
  );
}
