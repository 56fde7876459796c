import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, Space, Tag, Typography } from 'antd';
import type { PublicNotice } from '../../../shared/contracts/notices';
import type { OrganizationRow, TeamRow } from '../../../shared/contracts/results';
import { api, ApiError } from '../../api';
import { NoticeList } from '../../components/public/NoticeList';
import { ObjectionForm } from '../../components/public/ObjectionForm';
import { PublicPage } from '../../components/public/PublicHeader';
import { QueryResult } from '../../components/QueryResult';
import { formatBeijingEnd } from '../../competition/results/format';
import { OrganizationTable, TeamTable } from '../../competition/results/RankingTables';
import { useT } from '../../i18n';
import { PUBLIC_NOTICE_COLORS } from '../../competition/pages/PublicResultsPage';

const route = getRouteApi('/results/$noticeId');

type Rankings = { competitionName: string; tradeName: string; status: string; teams: TeamRow[]; organizations: OrganizationRow[] };

/** One notice: its period, the masked list, the team and organization rankings, and the objection form. */
export function PublicNoticePage() {
  const { noticeId } = route.useParams();
  const notice = useQuery({ queryKey: ['public', 'notice', noticeId], queryFn: () => api.get<PublicNotice>(`/api/public/notices/${noticeId}`) });
  return (
    <PublicPage>
      <QueryResult query={notice}>{(n) => <NoticeView n={n} />}</QueryResult>
    </PublicPage>
  );
}

function NoticeView({ n }: { n: PublicNotice }) {
  const t = useT();
  const open = n.status === 'open' && Date.now() < Date.parse(n.endsAt);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', marginTop: 16 }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 8 }}>
          {n.title}
        </Typography.Title>
        <Space wrap size={4}>
          <Tag color={PUBLIC_NOTICE_COLORS[n.status]}>{t(`notice.status.${n.status}`)}</Tag>
          {n.round > 1 && <Tag>{t('notice.roundN', { n: n.round })}</Tag>}
        </Space>
      </div>
      <Typography.Paragraph data-testid="notice-period" style={{ marginBottom: 0 }}>
        {t('public.period', { startsOn: n.startsOn, endsOn: n.endsOn, days: n.workingDays, endsAt: formatBeijingEnd(n.endsAt) })}
      </Typography.Paragraph>
      {n.intro && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{n.intro}</Typography.Paragraph>}
      <NoticeList columns={n.columns} rows={n.rows} final={n.status === 'final'} />
      {n.kind === 'competition-results' && <CompetitionRankings competitionId={n.subjectId} />}
      <Typography.Title level={4}>{t('objection.title')}</Typography.Title>
      {open ? (
        <ObjectionForm noticeId={n.id} />
      ) : (
        <Alert type="info" showIcon title={n.status === 'open' || n.status === 'final' ? t('objection.closed', { endsAt: formatBeijingEnd(n.endsAt) }) : t(`public.noticeClosed.${n.status}`)} />
      )}
    </Space>
  );
}

/** 团体排名 and 组织奖 of the competition, once its results are on notice or final (else nothing). */
function CompetitionRankings({ competitionId }: { competitionId: number }) {
  const t = useT();
  const q = useQuery({
    queryKey: ['public', 'rankings', competitionId],
    queryFn: () =>
      api.get<Rankings>(`/api/public/competitions/${competitionId}/rankings`).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
  });
  if (!q.data) return null;
  return (
    <>
      <Typography.Title level={4}>{t('results.teams')}</Typography.Title>
      <TeamTable rows={q.data.teams} />
      <Typography.Title level={4}>{t('results.organizations')}</Typography.Title>
      <OrganizationTable rows={q.data.organizations} />
    </>
  );
}
