import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Card, Space, Tabs, Typography } from 'antd';
import { ApiError } from '../../api';
import { ChiefPanel } from '../components/ChiefPanel';
import { CompetitionStatusTag, competitionQuery, progressQuery, sheetQuery } from '../components/common';
import { MarkingPanel } from '../components/MarkingPanel';
import type { Competition } from '../components/types';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';

const route = getRouteApi('/admin/marking/$id');

/** A judge's marking screen for one competition; the chief judge also gets the spread and sign-off view. */
export function MarkingPage() {
  const { id } = route.useParams();
  const query = useQuery(competitionQuery(Number(id)));
  return <QueryResult query={query}>{(c) => <MarkingView c={c} />}</QueryResult>;
}

function MarkingView({ c }: { c: Competition }) {
  const t = useT();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // The progress view answers the chief judge only; anyone else is refused (403), which is how we know.
  const progress = useQuery({ ...progressQuery(c.id), retry: false, refetchInterval: c.status === 'marking' ? 20_000 : false });
  const isChief = progress.isSuccess;
  // A chief judge who marks nothing themselves opens on the chief's view.
  const sheet = useQuery(sheetQuery(c.id));
  const view = search.view ?? (sheet.data && sheet.data.aspects.length === 0 ? 'chief' : 'mark');
  const notChief = progress.isError && progress.error instanceof ApiError && progress.error.status === 403;

  const title = (
    <Space size={8} wrap>
      <Link to="/admin/marking" aria-label={t('marking.back')}>
        <ArrowLeftOutlined aria-hidden />
      </Link>
      <span style={{ whiteSpace: 'normal' }}>{c.name}</span>
      <CompetitionStatusTag status={c.status} />
    </Space>
  );
  const marking = <MarkingPanel c={c} />;

  return (
    <Card title={title} styles={{ body: { padding: 12 } }}>
      {isChief ? (
        <Tabs
          activeKey={view}
          onChange={(view) => void navigate({ search: (s) => ({ ...s, view: view as 'mark' | 'chief' }), replace: true })}
          items={[
            { key: 'mark', label: t('marking.tabMark'), children: marking },
            { key: 'chief', label: t('marking.tabChief'), children: <ChiefPanel c={c} progress={progress.data} refresh={() => void progress.refetch()} /> },
          ]}
        />
      ) : (
        <>
          {progress.isError && !notChief && <Typography.Text type="danger">{progress.error.message}</Typography.Text>}
          {marking}
        </>
      )}
    </Card>
  );
}
