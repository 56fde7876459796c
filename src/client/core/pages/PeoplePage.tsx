import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { Person } from '../../../shared/contracts/people';
import { api } from '../../api';
import { DownloadButton } from '../../components/DownloadButton';
import { ImportButtons } from '../../components/ImportButtons';
import { PersonDrawer } from '../../components/PersonDrawer';
import { PersonFormModal } from '../../components/PersonFormModal';
import { useTradeOptions, useUnitOptions, type Page } from '../../components/referenceData';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMe } from '../../session';

type Filters = { q?: string; unitId?: number; tradeId?: number; level?: number };

/** 人员: the people units registered; a unit account sees and registers only its own. */
export function PeoplePage() {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = me.role === 'admin' || me.role === 'unit';
  const seesAllUnits = me.role !== 'unit';
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const units = useUnitOptions(seesAllUnits);
  const trades = useTradeOptions();

  const list = useQuery({
    queryKey: ['people', 'list', filters, page],
    queryFn: () => api.get<Page<Person>>('/api/people', { ...filters, ...page }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['people'] });
  const filter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const dash = t('common.dash');

  return (
    <Card title={t('nav.people')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('people.searchPlaceholder')} enterButton={t('common.search')} onSearch={(v) => filter({ q: v.trim() || undefined })} style={{ width: 240 }} />
        {seesAllUnits && (
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('people.allUnits')}
            style={{ width: 220 }}
            options={units.data ?? []}
            value={filters.unitId}
            onChange={(unitId) => filter({ unitId })}
          />
        )}
        <Select<number> allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('people.allTrades')} style={{ width: 160 }} options={trades} value={filters.tradeId} onChange={(tradeId) => filter({ tradeId })} />
        <Select<number> allowClear placeholder={t('people.allLevels')} style={{ width: 160 }} options={labels.levelOptions} value={filters.level} onChange={(level) => filter({ level })} />
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('common.create')}
          </Button>
        )}
        {canWrite && <ImportButtons kind="people" onImported={refresh} />}
        <DownloadButton path="/api/people/export" fileName={t('people.exportName')} query={filters}>
          {t('common.export')}
        </DownloadButton>
      </Space>
      <div data-testid="people-table">
        <Table<Person>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          onRow={(p) => ({ onClick: () => setSelected(p.id), style: { cursor: 'pointer' } })}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: t('people.name'), dataIndex: 'name', width: 100 },
            { title: t('people.gender'), dataIndex: 'gender', width: 70, render: (g: Person['gender']) => labels.gender(g) },
            { title: t('people.idNumber'), dataIndex: 'idNumberMasked', width: 190 },
            { title: t('people.phone'), dataIndex: 'phoneMasked', width: 130, render: (v: string | null) => v ?? dash },
            { title: t('people.unit'), dataIndex: 'unitName' },
            { title: t('people.trade'), dataIndex: 'tradeName', width: 110, render: (v: string | null) => v ?? dash },
            { title: t('people.level'), dataIndex: 'level', width: 110, render: (l: number | null) => labels.level(l) },
            { title: t('people.frontLine'), dataIndex: 'frontLine', width: 70, render: (v: boolean) => t(v ? 'common.yes' : 'common.no') },
          ]}
        />
      </div>
      <PersonFormModal
        open={creating}
        person={null}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          void message.success(t('common.saved'));
          refresh();
        }}
      />
      <PersonDrawer personId={selected} onClose={() => setSelected(null)} onChanged={refresh} />
    </Card>
  );
}
