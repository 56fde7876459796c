import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Tag } from 'antd';
import type { Campaign } from '../../shared/contracts/campaign';
import { api } from '../api';
import { CampaignDocuments } from '../components/CampaignDocuments';
import { formatRange } from '../components/dates';
import { QueryResult } from '../components/QueryResult';
import { useT } from '../i18n';

/** 活动: the campaign plan — content areas, activities, committee bodies, documents. */
export function CampaignPage() {
  const query = useQuery({ queryKey: ['campaign'], queryFn: () => api.get<Campaign>('/api/campaign') });
  return <QueryResult query={query}>{(c) => <CampaignView c={c} />}</QueryResult>;
}

type ActivityRow = Campaign['activities'][number];

function CampaignView({ c }: { c: Campaign }) {
  const t = useT();
  const dash = t('common.dash');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={c.name}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'theme', label: t('campaign.theme'), children: c.theme },
            { key: 'period', label: t('campaign.period'), children: formatRange(c.startsOn, c.endsOn) },
            { key: 'organizer', label: t('campaign.organizer'), children: c.organizer },
            { key: 'co', label: t('campaign.coOrganizers'), children: c.coOrganizers.join('、') || dash },
            {
              key: 'areas',
              label: t('campaign.contentAreas'),
              span: 'filled',
              children: c.contentAreas.map((a) => <Tag key={a}>{a}</Tag>),
            },
          ]}
        />
      </Card>
      <Card title={t('campaign.activities')}>
        <Table<ActivityRow>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 800 }}
          dataSource={c.activities}
          columns={[
            { title: t('campaign.activity'), dataIndex: 'name' },
            { title: t('campaign.area'), dataIndex: 'area', width: 120 },
            { title: t('campaign.dates'), key: 'dates', width: 220, render: (_, a) => formatRange(a.plannedStart, a.plannedEnd) || dash },
            { title: t('campaign.venue'), dataIndex: 'venue', render: (v: string | null) => v ?? dash },
            { title: t('campaign.target'), dataIndex: 'target', render: (v: string | null) => v ?? dash },
          ]}
          expandable={{ expandedRowRender: (a) => a.description, rowExpandable: (a) => !!a.description }}
        />
      </Card>
      <Card title={t('campaign.committee')}>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={c.committeeBodies}
          columns={[
            { title: t('campaign.bodyName'), dataIndex: 'name', width: 220 },
            { title: t('campaign.duties'), dataIndex: 'duties' },
          ]}
        />
      </Card>
      <Card title={t('campaign.documents')}>
        <CampaignDocuments documents={c.documents} />
      </Card>
    </Space>
  );
}
