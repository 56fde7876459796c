import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Popconfirm, Space, Table, Typography } from 'antd';
import { api } from '../../api';
import { useT } from '../../i18n';
import { formatDateTime } from '../../components/dates';
import { DownloadButton } from '../../components/DownloadButton';
import { QueryResult } from '../../components/QueryResult';
import { drawQuery, useCompetitionAction } from './common';
import { StageAlert } from './StageAlert';
import type { Competition, DrawLot, DrawView } from './types';

/**
 * 抽签: first the seed is sealed and its SHA-256 shown (anyone can later check the revealed seed
 * against it), then the approved entries are drawn into codes, stations and rounds.
 */
export function DrawTab({ c }: { c: Competition }) {
  const query = useQuery(drawQuery(c.id));
  return <QueryResult query={query}>{(d) => <DrawBody c={c} d={d} />}</QueryResult>;
}

function DrawBody({ c, d }: { c: Competition; d: DrawView }) {
  const t = useT();
  const { run, busy } = useCompetitionAction(c.id);
  const canCommit = c.status === 'closed' && !d.seedCommitment;
  const canRun = c.status === 'closed' && !!d.seedCommitment && !d.drawnAt;
  const approved = c.entryCounts.approved ?? 0;
  const pending = c.entryCounts.submitted ?? 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <StageAlert c={c} tab="draw" />
      {c.status === 'closed' && pending > 0 && <Alert type="warning" showIcon title={t('draw.pending', { n: pending })} />}
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          {
            key: 'commitment',
            label: t('draw.commitment'),
            children: d.seedCommitment ? (
              <Typography.Text code copyable data-testid="seed-commitment" style={{ wordBreak: 'break-all' }}>
                {d.seedCommitment}
              </Typography.Text>
            ) : (
              t('draw.noCommitment')
            ),
          },
          { key: 'committedAt', label: t('draw.committedAt'), children: formatDateTime(d.committedAt) || t('common.dash') },
          { key: 'drawnAt', label: t('draw.drawnAt'), children: formatDateTime(d.drawnAt) || t('common.dash') },
          { key: 'algorithm', label: t('draw.algorithm'), children: <Typography.Text code>{d.algorithm}</Typography.Text> },
          { key: 'stations', label: t('comp.stations'), children: t('draw.stationsLine', { stations: d.stations, prefix: d.codePrefix, n: approved }) },
          ...(d.verification
            ? [{ key: 'seed', label: t('draw.seed'), children: <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{d.verification.seed}</Typography.Text> }]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('draw.help')}
      </Typography.Paragraph>
      <Space wrap>
        <Popconfirm title={t('draw.commitConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => run('commit', () => api.post(`/api/competitions/${c.id}/draw/commit`), t('draw.committed'))} disabled={!canCommit}>
          <Button type="primary" disabled={!canCommit} loading={busy === 'commit'}>
            {t('draw.commit')}
          </Button>
        </Popconfirm>
        <Popconfirm title={t('draw.runConfirm', { n: approved })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => run('run', () => api.post(`/api/competitions/${c.id}/draw/run`), t('draw.done'))} disabled={!canRun}>
          <Button type="primary" disabled={!canRun} loading={busy === 'run'}>
            {t('draw.run')}
          </Button>
        </Popconfirm>
        {d.lots.length > 0 && (
          <Button icon={<PrinterOutlined aria-hidden />} href={`/print/competitions/${c.id}/draw`} target="_blank">
            {t('draw.print')}
          </Button>
        )}
        {d.lots.length > 0 && (
          <DownloadButton path={`/api/competitions/${c.id}/draw/export`} fileName="抽签结果.xlsx">
            {t('common.export')}
          </DownloadButton>
        )}
      </Space>
      {d.lots.length > 0 && (
        <div data-testid="draw-table">
          <Table<DrawLot>
            rowKey="code"
            size="small"
            dataSource={d.lots}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
            style={{ maxWidth: 520 }}
            columns={[
              { title: t('draw.code'), dataIndex: 'code' },
              { title: t('draw.station'), dataIndex: 'station', align: 'right' },
              { title: t('draw.round'), dataIndex: 'round', align: 'right' },
            ]}
          />
        </div>
      )}
    </Space>
  );
}
