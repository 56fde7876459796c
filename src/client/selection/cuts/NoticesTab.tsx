import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Descriptions, Flex, Popconfirm, Space, Tag } from 'antd';
import type { Notice } from '../../../shared/contracts/notices';
import type { Round } from '../../../shared/contracts/selection';
import { api } from '../../api';
import { formatDateTime, formatRange } from '../../components/dates';
import { NoticeList } from '../../components/public/NoticeList';
import { QueryResult } from '../../components/QueryResult';
import { NOTICE_COLORS } from '../../competition/results/NoticeTab';
import { NoticeObjections } from '../../competition/results/ObjectionsTable';
import { formatBeijingEnd } from '../../competition/results/format';
import { useT } from '../../i18n';
import { roundQuery } from '../queries';
import type { SelectionTabProps } from '../tabs';
import { selectionNoticesQuery, useSelectionAction } from './common';

/** 公示: publish the shortlist and the approved final list, follow each period, handle objections, restart after a correction. */
export function NoticesTab({ roundId }: SelectionTabProps) {
  const q = useQuery(selectionNoticesQuery(roundId));
  const round = useQuery(roundQuery(roundId));
  return <QueryResult query={q}>{(ns) => (round.data ? <Notices round={round.data} notices={ns} /> : null)}</QueryResult>;
}

function Notices({ round, notices }: { round: Round; notices: Notice[] }) {
  const t = useT();
  const action = useSelectionAction();
  const publish = (which: 'shortlist' | 'experts') => action.run(which, () => api.post(`/api/selection/rounds/${round.id}/notices/${which}`, {}), t('notice.published'));
  const open = round.rules.stages[round.stage];
  const latest = (kind: Notice['kind']) => notices.find((n) => n.kind === kind);
  const canShortlist = round.status !== 'finished' && (!latest('selection-shortlist') || latest('selection-shortlist')!.status === 'withdrawn');
  const canExperts = open?.kind === 'notice' && (!latest('selection-experts') || latest('selection-experts')!.status === 'withdrawn');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex gap={8} wrap>
        {canShortlist && (
          <Popconfirm title={t('notices.publishConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => publish('shortlist')}>
            <Button loading={action.busy === 'shortlist'}>{t('notices.publishShortlist')}</Button>
          </Popconfirm>
        )}
        {canExperts && (
          <Popconfirm title={t('notices.publishConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => publish('experts')}>
            <Button type="primary" loading={action.busy === 'experts'}>{t('notices.publishExperts')}</Button>
          </Popconfirm>
        )}
      </Flex>
      {notices.length === 0 && <Alert type="info" showIcon title={t('notices.none')} />}
      {notices.map((n) => <NoticeCard key={n.id} n={n} action={action} current={latest(n.kind)?.id === n.id} />)}
    </Space>
  );
}

function NoticeCard({ n, action, current }: { n: Notice; action: ReturnType<typeof useSelectionAction>; current: boolean }) {
  const t = useT();
  const restart = () => action.run('restart', () => api.post(`/api/notices/${n.id}/restart`, { version: n.version }), t('notice.restarted'));
  return (
    <Card
      size="small"
      title={<Space wrap><Tag>{t(`notices.kind.${n.kind}` as 'notices.kind.selection-shortlist')}</Tag><span>{n.title}</span><Tag color={NOTICE_COLORS[n.status]}>{t(`notice.status.${n.status}`)}</Tag>{n.round > 1 && <Tag>{t('notice.roundN', { n: n.round })}</Tag>}</Space>}
      extra={<a href={`/results/${n.id}`} target="_blank" rel="noreferrer">{t('notice.openPublic')}</a>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'period', label: t('notice.period'), children: `${formatRange(n.startsOn, n.endsOn)}（${t('notice.workingDaysN', { n: n.workingDays })}）` },
          { key: 'ends', label: t('notice.endsAt'), children: formatBeijingEnd(n.endsAt) },
          { key: 'objections', label: t('notice.objections'), children: t('notice.objectionCounts', { open: n.objections.open, total: n.objections.total }) },
          { key: 'published', label: t('notice.publishedAt'), children: formatDateTime(n.publishedAt) },
          ...(n.closedAt ? [{ key: 'closed', label: t('notice.closedAt'), children: `${formatDateTime(n.closedAt)}${n.closedReason ? `（${n.closedReason}）` : ''}` }] : []),
        ]}
      />
      {current && n.status === 'suspended' && (
        <Flex gap={8} wrap align="center" style={{ marginBlock: 12 }}>
          <Alert type="warning" showIcon title={t('notices.upheldHelp')} />
          <Popconfirm title={t('notice.restartConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => restart()}>
            <Button type="primary" loading={action.busy === 'restart'}>{t('notice.restart')}</Button>
          </Popconfirm>
        </Flex>
      )}
      <Collapse
        style={{ marginTop: 12 }}
        items={[
          { key: 'objections', label: t('notices.objections'), children: <NoticeObjections n={n} queryKey={['selection', 'notice', n.id, 'objections']} action={action} upheldHelp={t('notices.upheldHelp')} /> },
          { key: 'list', label: t('notice.listPreview', { n: n.rows.length }), children: <NoticeList columns={n.columns} rows={n.rows} final={n.status === 'final'} /> },
        ]}
      />
    </Card>
  );
}
