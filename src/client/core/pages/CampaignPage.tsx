import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Drawer, Empty, Flex, Grid, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../shared/contracts/auth';
import type { Campaign, CampaignSummary } from '../../../shared/contracts/campaign';
import { api } from '../../api';
import { CampaignDocuments } from '../../components/CampaignDocuments';
import { CampaignForm } from '../../components/CampaignForm';
import { formatRange } from '../../components/dates';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { useMe } from '../../session';

/** Who sets up the campaign: administrators and the committee office (the server's isCampaignOrganizer). */
const isCampaignOrganizer = (me: Pick<Me, 'role' | 'committeeBody'>) => me.role === 'admin' || (me.role === 'committee' && me.committeeBody === 'office');

/**
 * 技能月活动: the campaigns, the current one first (a bureau runs one a year; past ones stay
 * readable), and the chosen one's plan — content areas, activities, committee bodies, documents.
 * Organizers create a campaign (a fresh deployment starts here) and edit any of them.
 */
export function CampaignPage() {
  const t = useT();
  const me = useMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const canEdit = isCampaignOrganizer(me);
  const [chosen, setChosen] = useState<number | null>(null);
  const [editing, setEditing] = useState<'new' | Campaign | null>(null);
  const list = useQuery({ queryKey: ['campaigns'], queryFn: () => api.get<CampaignSummary[]>('/api/campaigns') });
  const id = chosen ?? list.data?.find((c) => c.current)?.id ?? null;
  const detail = useQuery({ queryKey: ['campaigns', id], queryFn: () => api.get<Campaign>(`/api/campaigns/${id}`), enabled: id !== null });

  const saved = (c: Campaign) => {
    setEditing(null);
    setChosen(c.id);
    void message.success(t('common.saved'));
    qc.setQueryData(['campaigns', c.id], c);
    void qc.invalidateQueries({ queryKey: ['campaigns'] });
    void qc.invalidateQueries({ queryKey: ['campaign'] });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <QueryResult query={list}>
        {(campaigns) =>
          campaigns.length === 0 ? (
            <Card title={t('nav.campaign')}>
              <Empty description={t('campaign.none')}>
                {canEdit && (
                  <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
                    {t('campaign.create')}
                  </Button>
                )}
              </Empty>
            </Card>
          ) : (
            <Card size="small">
              <Flex wrap gap={8} align="center" justify="space-between">
                <Select<number>
                  aria-label={t('campaign.choose')}
                  value={id ?? undefined}
                  onChange={setChosen}
                  style={{ minWidth: 260, maxWidth: '100%', flex: screens.md ? '0 1 420px' : '1 1 100%' }}
                  options={campaigns.map((c) => ({
                    value: c.id,
                    label: (
                      <span>
                        {c.name} <Typography.Text type="secondary">{formatRange(c.startsOn, c.endsOn)}</Typography.Text>
                        {c.current && <Tag color="blue" style={{ marginInlineStart: 8 }}>{t('campaign.current')}</Tag>}
                      </span>
                    ),
                  }))}
                />
                {canEdit && (
                  <Space wrap>
                    {detail.data && (
                      <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(detail.data)}>
                        {t('campaign.edit')}
                      </Button>
                    )}
                    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
                      {t('campaign.create')}
                    </Button>
                  </Space>
                )}
              </Flex>
            </Card>
          )
        }
      </QueryResult>
      {id !== null && <QueryResult query={detail}>{(c) => <CampaignView c={c} />}</QueryResult>}
      <Drawer
        open={editing !== null}
        size={screens.md ? 900 : '100%'}
        title={editing === 'new' ? t('campaign.create') : t('campaign.edit')}
        onClose={() => setEditing(null)}
        destroyOnHidden
      >
        {editing !== null && <CampaignForm campaign={editing === 'new' ? null : editing} onSaved={saved} />}
      </Drawer>
    </Space>
  );
}

type ActivityRow = Campaign['activities'][number];
type BodyRow = Campaign['committeeBodies'][number];

/** On a phone: one block per row (title, then label: value lines), instead of a table scrolled sideways. */
function Blocks({ items, empty }: { items: { key: string | number; title: string; lines: [string, string | null | undefined][] }[]; empty: string }) {
  if (!items.length) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Flex vertical gap={12}>
      {items.map((it) => (
        <div key={it.key} style={{ borderBottom: '1px solid rgba(5,5,5,0.06)', paddingBottom: 8 }}>
          <Typography.Text strong>{it.title}</Typography.Text>
          {it.lines.filter(([, v]) => v).map(([label, v]) => (
            <div key={label}>
              <Typography.Text type="secondary">{label}：</Typography.Text>
              {v}
            </div>
          ))}
        </div>
      ))}
    </Flex>
  );
}

function CampaignView({ c }: { c: Campaign }) {
  const t = useT();
  const dash = t('common.dash');
  const phone = !Grid.useBreakpoint().md;
  const memberText = (b: BodyRow) => b.members.map((m) => (m.title || m.unit ? `${m.name}（${[m.unit, m.title].filter(Boolean).join(' ')}）` : m.name)).join('、');
  return (
    <>
      <Card
        title={
          <span>
            {c.name}
            {c.current && <Tag color="blue" style={{ marginInlineStart: 8 }}>{t('campaign.current')}</Tag>}
          </span>
        }
      >
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'theme', label: t('campaign.theme'), children: c.theme || dash },
            { key: 'period', label: t('campaign.period'), children: formatRange(c.startsOn, c.endsOn) },
            { key: 'organizer', label: t('campaign.organizer'), children: c.organizer },
            { key: 'co', label: t('campaign.coOrganizers'), children: c.coOrganizers.join('、') || dash },
            {
              key: 'areas',
              label: t('campaign.contentAreas'),
              span: 'filled',
              children: c.contentAreas.length ? c.contentAreas.map((a) => <Tag key={a}>{a}</Tag>) : dash,
            },
          ]}
        />
      </Card>
      <Card title={t('campaign.activities')}>
        {phone ? (
          <Blocks
            empty={t('campaign.noActivities')}
            items={c.activities.map((a) => ({
              key: a.id, title: a.name,
              lines: [[t('campaign.area'), a.area], [t('campaign.dates'), formatRange(a.plannedStart, a.plannedEnd)], [t('campaign.venue'), a.venue],
                [t('campaign.owner'), a.owner], [t('campaign.target'), a.target], [t('campaign.description'), a.description]],
            }))}
          />
        ) : (
          <Table<ActivityRow>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 960 }}
            dataSource={c.activities}
            locale={{ emptyText: t('campaign.noActivities') }}
            columns={[
              { title: t('campaign.activity'), dataIndex: 'name', width: 200 },
              { title: t('campaign.area'), dataIndex: 'area', width: 110 },
              { title: t('campaign.dates'), key: 'dates', width: 200, render: (_, a) => formatRange(a.plannedStart, a.plannedEnd) || dash },
              { title: t('campaign.venue'), dataIndex: 'venue', render: (v: string | null) => v ?? dash },
              { title: t('campaign.owner'), dataIndex: 'owner', width: 140, render: (v: string | null) => v ?? dash },
              { title: t('campaign.target'), dataIndex: 'target', render: (v: string | null) => v ?? dash },
            ]}
            expandable={{ expandedRowRender: (a) => a.description, rowExpandable: (a) => !!a.description }}
          />
        )}
      </Card>
      <Card title={t('campaign.committee')}>
        {phone ? (
          <Blocks
            empty={t('campaign.noBodies')}
            items={c.committeeBodies.map((b) => ({ key: b.key, title: b.name, lines: [[t('campaign.duties'), b.duties], [t('campaign.members'), memberText(b)]] }))}
          />
        ) : (
          <Table<BodyRow>
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: 720 }}
            dataSource={c.committeeBodies}
            locale={{ emptyText: t('campaign.noBodies') }}
            columns={[
              { title: t('campaign.bodyName'), dataIndex: 'name', width: 160 },
              { title: t('campaign.duties'), dataIndex: 'duties' },
              {
                title: t('campaign.members'),
                key: 'members',
                width: 300,
                render: (_, b) =>
                  b.members.length ? (
                    <Flex vertical gap={2}>
                      {b.members.map((m, i) => (
                        <span key={i}>
                          {m.name}
                          {(m.title || m.unit) && <Typography.Text type="secondary">（{[m.unit, m.title].filter(Boolean).join(' ')}）</Typography.Text>}
                        </span>
                      ))}
                    </Flex>
                  ) : (
                    dash
                  ),
              },
            ]}
          />
        )}
      </Card>
      <Card title={t('campaign.documents')}>
        {c.documents.length ? <CampaignDocuments documents={c.documents} /> : <Typography.Text type="secondary">{t('campaign.noDocuments')}</Typography.Text>}
      </Card>
    </>
  );
}
