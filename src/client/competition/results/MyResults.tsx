import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CompetitionStatus } from '../../../shared/competition/states';
import type { Appeal, AppealStatus } from '../../../shared/contracts/appeals';
import type { MyResult } from '../../../shared/contracts/results';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { CompetitionStatusTag } from '../components/common';
import { formatDateTime } from '../../components/dates';
import { QueryResult } from '../../components/QueryResult';
import { APPEAL_COLORS } from './AppealsTab';
import { ExplainDrawer } from './ExplainDrawer';
import { formatScore } from './format';
import { LodgeAppealModal } from './LodgeAppealModal';
import { appealsQuery, myResultsQuery } from './queries';

/** 我的成绩: each competition entered, its result once the marks are locked, and an appeal within the window. */
export function MyResults() {
  const t = useT();
  const query = useQuery(myResultsQuery);
  return (
    <Card title={t('my.results')}>
      <QueryResult query={query}>
        {(list) =>
          list.length === 0 ? (
            <Empty description={t('my.noResults')} />
          ) : (
            <Flex vertical gap={12}>
              {list.map((r) => (
                <MyResultCard key={r.entryId} r={r} />
              ))}
            </Flex>
          )
        }
      </QueryResult>
    </Card>
  );
}

function MyResultCard({ r }: { r: MyResult }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [explaining, setExplaining] = useState(false);
  const [lodging, setLodging] = useState(false);
  const canAppeal = !!r.appealDeadline && Date.now() < Date.parse(r.appealDeadline);
  const row = r.row;
  return (
    <Card
      size="small"
      data-testid={`my-result-${r.competitionId}`}
      title={
        <Space wrap>
          <span>{r.competitionName}</span>
          <CompetitionStatusTag status={r.competitionStatus as CompetitionStatus} />
        </Space>
      }
    >
      {row ? (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'rank', label: t('results.rank'), children: row.rank ?? t('results.unranked') },
            { key: 'total', label: t('results.total'), children: formatScore(row.total) },
            ...row.parts.map((p) => ({ key: p.key, label: labels.part(p.key), children: `${formatScore(p.score)}${p.passed === false ? `（${t('results.fail')}）` : ''}` })),
            ...(row.award ? [{ key: 'award', label: t('results.award'), children: row.award }] : []),
            ...(row.outcomes.length ? [{ key: 'outcomes', label: r.competitionStatus === 'final' ? t('results.outcomesFinal') : t('results.outcomes'), children: row.outcomes.map((o) => o.title).join('、') }] : []),
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('my.noResultYet')}</Typography.Paragraph>
      )}
      <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
        {row && <Button onClick={() => setExplaining(true)}>{t('results.explainTitle')}</Button>}
        {canAppeal && (
          <Button type="primary" onClick={() => setLodging(true)}>
            {t('appeal.lodge')}
          </Button>
        )}
        {r.appealDeadline && (
          <Typography.Text type="secondary">{t(canAppeal ? 'appeal.deadlineLine' : 'appeal.windowClosed', { deadline: formatDateTime(r.appealDeadline) })}</Typography.Text>
        )}
      </Flex>
      {r.appealDeadline && <MyAppeals competitionId={r.competitionId} />}
      <ExplainDrawer competitionId={r.competitionId} entryId={explaining ? r.entryId : null} onClose={() => setExplaining(false)} />
      <LodgeAppealModal
        competitionId={r.competitionId}
        entryId={r.entryId}
        open={lodging}
        deadline={r.appealDeadline ? formatDateTime(r.appealDeadline) : null}
        onClose={() => setLodging(false)}
        onLodged={() => {
          setLodging(false);
          void message.success(t('appeal.lodged'));
          void queryClient.invalidateQueries({ queryKey: appealsQuery(r.competitionId).queryKey });
        }}
      />
    </Card>
  );
}

function MyAppeals({ competitionId }: { competitionId: number }) {
  const t = useT();
  const q = useQuery(appealsQuery(competitionId));
  if (!q.data?.length) return null;
  return (
    <Table<Appeal>
      style={{ marginTop: 12 }}
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={q.data}
      scroll={{ x: 560 }}
      columns={[
        { title: t('appeal.lodgedAt'), dataIndex: 'lodgedAt', width: 150, render: (v: string) => formatDateTime(v) },
        { title: t('appeal.content'), dataIndex: 'content' },
        { title: t('appeal.status'), dataIndex: 'status', width: 90, render: (s: AppealStatus) => <Tag color={APPEAL_COLORS[s]}>{t(`appeal.status.${s}`)}</Tag> },
        { title: t('appeal.decision'), dataIndex: 'decision', width: 160, render: (v: string | null) => v ?? t('common.dash') },
      ]}
    />
  );
}
