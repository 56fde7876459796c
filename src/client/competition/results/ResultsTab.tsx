import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CompetitionResults, DecidedBy, ResultRow } from '../../../shared/contracts/results';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMe } from '../../session';
import { DownloadButton } from '../../components/DownloadButton';
import { QueryResult } from '../../components/QueryResult';
import { isOrganizer } from '../components/roles';
import type { Competition } from '../components/types';
import { ExplainDrawer } from './ExplainDrawer';
import { formatScore, formatSeconds } from './format';
import { resultsQuery } from './queries';
import { OrganizationTable, TeamTable } from './RankingTables';

const DECIDED_COLORS: Record<DecidedBy, string> = { total: 'default', practical: 'blue', time: 'purple', theory: 'cyan', oral: 'geekblue', shared: 'orange' };
const EXPORTS = [
  { file: 'results.xlsx', label: 'results.export.resultsXlsx' },
  { file: 'results.pdf', label: 'results.export.resultsPdf' },
  { file: 'rankings.xlsx', label: 'results.export.rankingsXlsx' },
  { file: 'rankings.pdf', label: 'results.export.rankingsPdf' },
  { file: 'draw.xlsx', label: 'results.export.drawXlsx' },
  { file: 'draw.pdf', label: 'results.export.drawPdf' },
  { file: 'score-sheets.xlsx', label: 'results.export.sheetsXlsx' },
  { file: 'score-sheets.pdf', label: 'results.export.sheetsPdf' },
] as const;

/**
 * 成绩: the ranked results under the competition's rules, the team and organization rankings,
 * and the formulas used, printed under the tables so every figure can be checked by hand.
 */
export function ResultsTab({ c }: { c: Competition }) {
  const query = useQuery(resultsQuery(c.id));
  return <QueryResult query={query}>{(r) => <ResultsView c={c} r={r} />}</QueryResult>;
}

function ResultsView({ c, r }: { c: Competition; r: CompetitionResults }) {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  const [explaining, setExplaining] = useState<number | null>(null);
  const showTime = r.rows.some((x) => x.completionSeconds != null);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" wrap gap={8}>
        <Space wrap>
          <Tag color={r.status === 'final' ? 'success' : r.status === 'notice' ? 'gold' : 'default'}>{t(`results.status.${r.status}`)}</Tag>
          {!r.decoded && <Tag>{t('results.byCode')}</Tag>}
        </Space>
        {isOrganizer(me) && (
          <Space wrap>
            {EXPORTS.map((x) => (
              <DownloadButton key={x.file} path={`/api/competitions/${c.id}/exports/${x.file}`} fileName={`${c.name}-${x.file}`}>
                {t(x.label)}
              </DownloadButton>
            ))}
          </Space>
        )}
      </Flex>
      {r.awardsWithheld && <Alert type="warning" showIcon title={r.awardsWithheld} />}
      <div data-testid="results-table">
        <Table<ResultRow>
          rowKey={(row) => row.entryId ?? row.code ?? ''}
          size="small"
          dataSource={r.rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
          scroll={{ x: 1250 }}
          columns={[
            { title: t('results.rank'), dataIndex: 'rank', width: 64, fixed: 'left', render: (v: number | null) => v ?? t('results.unranked') },
            { title: t('draw.code'), dataIndex: 'code', width: 80, render: (v: string | null) => v ?? t('common.dash') },
            ...(r.decoded
              ? [
                  { title: t('people.name'), dataIndex: 'name', width: 90, render: (v: string | null) => v ?? t('common.dash') },
                  { title: t('results.unit'), dataIndex: 'unitName', width: 160, render: (v: string | null) => v ?? t('common.dash') },
                ]
              : []),
            ...c.parts.map((p) => ({
              title: `${labels.part(p.key)} ${p.weight}%`,
              key: `part-${p.key}`,
              width: 110,
              render: (_: unknown, row: ResultRow) => {
                const part = row.parts.find((x) => x.key === p.key);
                if (!part || part.score == null) return t('common.dash');
                return <Typography.Text type={part.passed === false ? 'danger' : undefined}>{formatScore(part.score)}</Typography.Text>;
              },
            })),
            ...(showTime ? [{ title: t('results.time'), dataIndex: 'completionSeconds', width: 80, render: (s: number | null) => formatSeconds(s) }] : []),
            { title: t('results.total'), dataIndex: 'total', width: 80, render: (v: number | null) => <strong>{formatScore(v)}</strong> },
            { title: t('results.standardized'), dataIndex: 'standardized', width: 80, render: (v: number | null) => v ?? t('common.dash') },
            { title: t('results.award'), dataIndex: 'award', width: 80, render: (a: string | null) => (a ? <Tag color="gold">{a}</Tag> : t('common.dash')) },
            {
              title: t('results.decidedBy'),
              dataIndex: 'decidedBy',
              width: 100,
              render: (d: DecidedBy | null) => (d ? <Tag color={DECIDED_COLORS[d]}>{t(`results.decidedBy.${d}`)}</Tag> : t('common.dash')),
            },
            {
              // 拟认定 (proposed) until the results are final, then 认定; kept in view beside the actions.
              title: r.status === 'final' ? t('results.outcomesFinal') : t('results.outcomes'),
              key: 'outcomes',
              width: 190,
              fixed: 'right',
              render: (_, row) => (row.outcomes.length ? row.outcomes.map((o, i) => <Tag key={i} title={o.reason}>{o.title}</Tag>) : t('common.dash')),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 80,
              fixed: 'right',
              // Before decoding a row is a code alone; the explanation (asked by entry) comes with the decoding.
              render: (_, row) =>
                row.entryId == null ? (
                  <Typography.Text type="secondary" title={t('results.explainAfterDecoding')}>
                    {t('common.dash')}
                  </Typography.Text>
                ) : (
                  <Button type="link" size="small" onClick={() => setExplaining(row.entryId)}>
                    {t('results.explain')}
                  </Button>
                ),
            },
          ]}
        />
      </div>
      <Typography.Title level={5}>{t('results.teams')}</Typography.Title>
      <TeamTable rows={r.teams} />
      <Typography.Title level={5}>{t('results.organizations')}</Typography.Title>
      <OrganizationTable rows={r.organizations} />
      <Formulas f={r.formulas} />
      <ExplainDrawer competitionId={c.id} entryId={explaining} onClose={() => setExplaining(null)} />
    </Space>
  );
}

/** The rules as text, under the tables (as they would be printed under a results list). */
function Formulas({ f }: { f: CompetitionResults['formulas'] }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      title={t('results.formulas')}
      items={(['total', 'tieBreak', 'standardized', 'team', 'organization', 'outcomes'] as const).map((k) => ({ key: k, label: t(`results.formula.${k}`), children: f[k] }))}
    />
  );
}
