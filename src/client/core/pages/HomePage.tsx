import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Empty, Tag, Timeline, Typography } from 'antd';
import type { Campaign } from '../../../shared/contracts/campaign';
import { api, ApiError } from '../../api';
import { CampaignDocuments } from '../../components/CampaignDocuments';
import { formatRange } from '../../components/dates';
import { PublicHeader } from '../../components/public/PublicHeader';
import { VerifyBox } from '../../components/public/VerifyBox';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';

const { Title, Paragraph, Text } = Typography;

/** The public page: what the campaign is, when, who runs it, its documents, the published results and 证书查询. */
export function HomePage() {
  const t = useT();
  const campaign = useQuery({
    queryKey: ['public', 'campaign'],
    // No campaign published yet is a 404, not a failure.
    queryFn: () =>
      api.get<Campaign>('/api/public/campaign').catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
  });
  return (
    <div style={{ maxWidth: 860, margin: '0 auto', padding: '12px 16px 48px' }}>
      <PublicHeader />
      <QueryResult query={campaign}>{(c) => (c ? <CampaignView c={c} /> : <Empty description={t('home.empty')} />)}</QueryResult>
      <Card size="small" title={t('public.results')} style={{ marginTop: 24 }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('public.resultsHelp')}
        </Typography.Paragraph>
        <Link to="/results">{t('public.resultsLink')}</Link>
      </Card>
      <Card size="small" title={t('training.public.title')} style={{ marginTop: 24 }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('training.public.homeHelp')}
        </Typography.Paragraph>
        <Link to="/training">{t('training.public.link')}</Link>
      </Card>
      <VerifyBox />
    </div>
  );
}

function CampaignView({ c }: { c: Campaign }) {
  const t = useT();
  return (
    <>
      <Title level={2} style={{ marginTop: 24 }}>
        {c.name}
      </Title>
      <Paragraph style={{ fontSize: 'clamp(24px, 7vw, 40px)', fontWeight: 700, color: '#c41d1d', lineHeight: 1.3 }}>{c.theme}</Paragraph>
      <Paragraph>
        <Text type="secondary">{t('home.period')}：</Text>
        {formatRange(c.startsOn, c.endsOn)}
      </Paragraph>
      <Paragraph>
        <Text type="secondary">{t('home.organizer')}：</Text>
        {c.organizer}
      </Paragraph>
      {c.coOrganizers.length > 0 && (
        <Paragraph>
          <Text type="secondary">{t('home.coOrganizers')}：</Text>
          {c.coOrganizers.map((o) => (
            <Tag key={o} style={{ marginBlock: 2 }}>
              {o}
            </Tag>
          ))}
        </Paragraph>
      )}
      <Title level={3}>{t('home.activities')}</Title>
      <Timeline
        items={c.activities.map((a) => ({
          key: a.id,
          content: (
            <>
              <Text strong>{a.name}</Text>
              <div>
                <Text type="secondary">{formatRange(a.plannedStart, a.plannedEnd)}</Text>
                {a.venue && <Text type="secondary"> · {a.venue}</Text>}
              </div>
              {a.description && <div>{a.description}</div>}
            </>
          ),
        }))}
      />
      {c.documents.length > 0 && (
        <>
          <Title level={3}>{t('home.documents')}</Title>
          <CampaignDocuments documents={c.documents} />
        </>
      )}
    </>
  );
}
