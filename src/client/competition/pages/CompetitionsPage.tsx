import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { App, Button, Card, Drawer, Popconfirm, Space, Table, Tag } from 'antd';
import { api } from '../../api';
import { useState } from 'react';
import { ENTRY_STATUSES } from '../../../shared/competition/states';
import { CompetitionStatusTag, competitionsQuery } from '../components/common';
import { isOrganizer } from '../components/roles';
import { SetupForm } from '../components/SetupForm';
import type { Competition } from '../components/types';
import { formatRange } from '../../components/dates';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMe } from '../../session';

/** 技能竞赛: every competition of the campaign, by trade, with its status and entries. */
export function CompetitionsPage() {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const list = useQuery(competitionsQuery);
  const canCreate = isOrganizer(me);

  return (
    <Card
      title={t('nav.competitions')}
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('comp.create')}
          </Button>
        )
      }
    >
      <div data-testid="competitions-table">
        <Table<Competition>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data ?? []}
          scroll={{ x: 900 }}
          locale={{ emptyText: list.isError ? list.error.message : t('comp.none') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
          onRow={(c) => ({ onClick: () => void navigate({ to: '/admin/competitions/$id', params: { id: String(c.id) } }), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('comp.trade'), dataIndex: 'tradeName', width: 120 },
            {
              title: t('comp.name'),
              dataIndex: 'name',
              render: (name: string, c) => (
                <Link to="/admin/competitions/$id" params={{ id: String(c.id) }} onClick={(e) => e.stopPropagation()}>
                  {name}
                </Link>
              ),
            },
            { title: t('comp.level'), dataIndex: 'level', width: 90, render: (l: number) => labels.level(l) },
            { title: t('comp.dates'), key: 'dates', width: 210, render: (_, c) => formatRange(c.startsOn, c.endsOn) },
            { title: t('comp.status'), dataIndex: 'status', width: 110, render: (s: Competition['status']) => <CompetitionStatusTag status={s} /> },
            {
              title: t('comp.entries'),
              key: 'entries',
              width: 260,
              render: (_, c) => (
                <Space size={4} wrap>
                  {ENTRY_STATUSES.filter((s) => c.entryCounts[s]).map((s) => (
                    <Tag key={s}>
                      {labels.entryStatus(s)} {c.entryCounts[s]}
                    </Tag>
                  ))}
                  {!ENTRY_STATUSES.some((s) => c.entryCounts[s]) && t('common.dash')}
                </Space>
              ),
            },
            ...(canCreate
              ? [{
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, c: Competition) =>
                    c.status === 'draft' && (
                      <span onClick={(e) => e.stopPropagation()}>
                        <Popconfirm
                          title={t('comp.deleteConfirm', { name: c.name })}
                          okButtonProps={{ danger: true }}
                          onConfirm={async () => {
                            try {
                              await api.delete(`/api/competitions/${c.id}?version=${c.version}`);
                              void message.success(t('comp.deleted'));
                            } catch (e) {
                              void message.error(e instanceof Error ? e.message : String(e));
                            }
                            void list.refetch();
                          }}
                        >
                          <Button size="small" danger>
                            {t('comp.delete')}
                          </Button>
                        </Popconfirm>
                      </span>
                    ),
                }]
              : []),
          ]}
        />
      </div>
      <Drawer open={creating} size={760} title={t('comp.create')} onClose={() => setCreating(false)} destroyOnHidden>
        <SetupForm
          competition={null}
          onSaved={(c) => {
            setCreating(false);
            void message.success(t('common.saved'));
            void list.refetch();
            void navigate({ to: '/admin/competitions/$id', params: { id: String(c.id) } });
          }}
        />
      </Drawer>
    </Card>
  );
}
