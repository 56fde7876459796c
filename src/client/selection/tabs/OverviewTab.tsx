import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Round } from '../../../shared/contracts/selection';
import { api, ApiError } from '../../api';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { roundQuery } from '../queries';
import type { SelectionTabProps } from '../tabs';
import { SelectionFunnel } from '../cuts/Funnel';

/** 概览: the round's stages in order, each with its count; the open one says what it waits for. */
export function OverviewTab({ roundId }: SelectionTabProps) {
  const q = useQuery(roundQuery(roundId));
  return <QueryResult query={q}>{(r) => <Overview round={r} />}</QueryResult>;
}

function Overview({ round }: { round: Round }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const open = round.stages.find((s) => s.state === 'open');
  const advance = async () => {
    setBusy(true);
    try {
      await api.post(`/api/selection/rounds/${round.id}/advance`, { version: round.version, expectStage: open!.key });
      void message.success(t('selection.advanced'));
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
      void qc.invalidateQueries({ queryKey: ['selection'] });
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <SelectionFunnel round={round} />
      <Card>
        <Steps
          direction="vertical"
          size="small"
          current={round.stages.findIndex((s) => s.state === 'open')}
          items={round.stages.map((s) => ({
            title: s.name,
            status: s.state === 'done' ? 'finish' : s.state === 'open' ? 'process' : 'wait',
            description: (
              <Space wrap>
                {s.count != null && <Tag>{t('selection.count', { n: s.count })}</Tag>}
                {s.state === 'done' && s.closedAt && <Typography.Text type="secondary">{t('selection.closedAt', { at: new Date(s.closedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) })}</Typography.Text>}
              </Space>
            ),
          }))}
        />
      </Card>
      {round.status === 'finished' ? (
        <Alert type="success" showIcon message={t('selection.finished')} />
      ) : open && (
        <Card title={t('selection.openStage', { name: open.name })}>
          {open.blockers.length > 0
            ? <Alert type="info" showIcon message={t('selection.waitingFor')} description={<ul>{open.blockers.map((b) => <li key={b}>{b}</li>)}</ul>} />
            : <Alert type="success" showIcon message={t('selection.canClose')} />}
          <Button type="primary" style={{ marginTop: 12 }} loading={busy} disabled={open.blockers.length > 0} onClick={advance}>
            {t('selection.advance', { name: open.name })}
          </Button>
        </Card>
      )}
    </Space>
  );
}
