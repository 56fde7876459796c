import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Modal, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CutPreview, CutSummary } from '../../../shared/contracts/selection-cuts';
import type { CutRow } from '../../../shared/selection/cut';
import type { Round } from '../../../shared/contracts/selection';
import { api, download } from '../../api';
import { formatDateTime } from '../../components/dates';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { roundQuery } from '../queries';
import type { SelectionTabProps } from '../tabs';
import { cutsQuery, previewQuery, shortHash, useSelectionAction } from './common';

/** 入围名单: each reached cut stage's live ranking (the rule explained), freezing it, and the frozen lists with their hash and exports. */
export function CutsTab({ roundId }: SelectionTabProps) {
  const t = useT();
  const round = useQuery(roundQuery(roundId));
  const [picked, setPicked] = useState<string | null>(null);
  return (
    <QueryResult query={round}>
      {(r) => {
        const reached = r.rules.stages.filter((s, i) => s.kind === 'cut' && (r.status === 'finished' || i <= r.stage));
        if (!reached.length) return <Alert type="info" showIcon title={t('cuts.noStage')} />;
        const key = picked && reached.some((s) => s.key === picked) ? picked : reached[reached.length - 1]!.key;
        return (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {reached.length > 1 && <Segmented value={key} onChange={(v) => setPicked(String(v))} options={reached.map((s) => ({ value: s.key, label: s.name }))} />}
            <StageCut round={r} stageKey={key} />
            <FrozenCuts roundId={roundId} />
          </Space>
        );
      }}
    </QueryResult>
  );
}

function StageCut({ round, stageKey }: { round: Round; stageKey: string }) {
  const q = useQuery(previewQuery(round.id, stageKey));
  return <QueryResult query={q}>{(p) => <Preview round={round} p={p} />}</QueryResult>;
}

function RuleText({ round, p }: { round: Round; p: CutPreview }) {
  const t = useT();
  const name = (k: string) => round.rules.stages.find((s) => s.key === k)?.name ?? k;
  const basis = Object.entries(p.rules.basis).map(([k, w]) => `${name(k)} ${w}%`).join(' + ');
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      <li>{t('cuts.basis', { basis, size: p.rules.size })}</li>
      <li>{p.rules.tie.kind === 'take_all' ? t('cuts.tie.take_all', { size: p.rules.size }) : t('cuts.tie.chain', { chain: p.rules.tie.chain.map(name).join(' → ') || '—' })}</li>
      <li>{t('cuts.missing')}</li>
    </ul>
  );
}

export function RankingTable({ round, rows, onExclude }: { round: Round; rows: CutRow[]; onExclude?: (r: CutRow) => void }) {
  const t = useT();
  const keys = rows[0] ? Object.keys(rows[0].scores) : [];
  const name = (k: string) => round.rules.stages.find((s) => s.key === k)?.name ?? k;
  return (
    <Table<CutRow>
      rowKey="candidateId"
      size="small"
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      columns={[
        { title: t('cuts.col.rank'), dataIndex: 'rank', width: 64, render: (v: number | null) => v ?? '—' },
        { title: t('cuts.col.examNumber'), dataIndex: 'examNumber', render: (v: string | null) => v ?? '—' },
        { title: t('cuts.col.name'), dataIndex: 'name' },
        { title: t('cuts.col.unit'), dataIndex: 'unit' },
        ...keys.map((k) => ({ title: name(k), key: k, align: 'right' as const, render: (_: unknown, r: CutRow) => r.scores[k]?.toFixed(2) ?? '—' })),
        { title: t('cuts.col.total'), dataIndex: 'total', align: 'right' as const, render: (v: number | null) => <strong>{v?.toFixed(2) ?? '—'}</strong> },
        { title: t('cuts.col.selected'), dataIndex: 'selected', render: (v: boolean) => (v ? <Tag color="green">{t('cuts.yes')}</Tag> : t('cuts.no')) },
        ...(onExclude ? [{ title: '', key: 'x', render: (_: unknown, r: CutRow) => <Button size="small" type="link" danger onClick={() => onExclude(r)}>{t('cuts.exclude')}</Button> }] : []),
      ]}
    />
  );
}

function Preview({ round, p }: { round: Round; p: CutPreview }) {
  const t = useT();
  const { run, busy } = useSelectionAction();
  const [excluding, setExcluding] = useState<CutRow | null>(null);
  const [reason, setReason] = useState('');
  const same = p.current?.hash === p.hash;
  const freeze = () => run('freeze', () => api.post(`/api/selection/rounds/${round.id}/cuts/${p.stageKey}/freeze`, { hash: p.hash }), t('cuts.frozen'));
  const exclude = async () => {
    const ok = await run('exclude', () => api.post(`/api/selection/rounds/${round.id}/exclusions`, { candidateId: excluding!.candidateId, reason: reason.trim() }), t('cuts.excluded'));
    if (ok) {
      setExcluding(null);
      setReason('');
    }
  };
  return (
    <Card size="small" title={`${p.stageName} · ${t('cuts.preview')}`} extra={<Typography.Text>{t('cuts.selectedOf', { selected: p.selected, n: p.ranking.rows.length })}</Typography.Text>}>
      <RuleText round={round} p={p} />
      <Flex gap={8} wrap align="center" style={{ marginBlock: 12 }}>
        <Typography.Text type="secondary" copyable={{ text: p.hash }}>{t('cuts.hash')}: <code>{shortHash(p.hash)}</code></Typography.Text>
        {same ? <Tag color="green">{t('cuts.sameAsFrozen')}</Tag> : p.canFreeze ? (
          <Popconfirm title={t('cuts.freezeConfirm', { stage: p.stageName, n: p.selected })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => freeze()}>
            <Button type="primary" loading={busy === 'freeze'} disabled={p.selected === 0}>{t('cuts.freeze')}</Button>
          </Popconfirm>
        ) : <Alert type="info" showIcon title={`${t('cuts.cannotFreeze')}：${p.whyNot ?? ''}`} />}
      </Flex>
      <RankingTable round={round} rows={p.ranking.rows} onExclude={p.canFreeze ? setExcluding : undefined} />
      <Modal
        open={excluding != null}
        title={excluding ? t('cuts.excludeTitle', { name: excluding.name }) : ''}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 4, loading: busy === 'exclude' }}
        onOk={() => void exclude()}
        onCancel={() => setExcluding(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('cuts.excludeHelp')}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('cuts.reason')} placeholder={t('cuts.reason')} />
      </Modal>
    </Card>
  );
}

function FrozenCuts({ roundId }: { roundId: number }) {
  const t = useT();
  const q = useQuery(cutsQuery(roundId));
  return (
    <Card size="small" title={t('cuts.history')}>
      <Typography.Paragraph type="secondary">{t('cuts.verifyHelp')}</Typography.Paragraph>
      <QueryResult query={q}>
        {(cuts) => (
          <Table<CutSummary>
            rowKey="id"
            size="small"
            scroll={{ x: 'max-content' }}
            pagination={false}
            dataSource={[...cuts].reverse()}
            columns={[
              { title: '#', dataIndex: 'id', width: 56 },
              { title: t('cuts.stage'), dataIndex: 'stageName' },
              { title: t('cuts.col.selected'), key: 'n', render: (_, c) => `${c.selected} / ${c.inPlay}` },
              {
                title: t('notice.statusLabel'), key: 'status',
                render: (_, c) => <Space size={4}><Tag color={c.status === 'frozen' ? 'green' : 'default'}>{t(`cuts.status.${c.status}`)}</Tag>{c.supersedes && <Tag>{t('cuts.supersedes', { id: c.supersedes })}</Tag>}</Space>,
              },
              { title: t('cuts.hash'), dataIndex: 'hash', render: (h: string) => <Typography.Text code copyable={{ text: h }} data-testid="cut-hash">{shortHash(h)}</Typography.Text> },
              { title: t('cuts.frozenAt'), dataIndex: 'frozenAt', render: (v: string) => formatDateTime(v) },
              { title: t('cuts.frozenBy'), dataIndex: 'frozenBy', render: (v: string | null) => v ?? '—' },
              {
                title: '', key: 'export',
                render: (_, c) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => void download(`/api/selection/cuts/${c.id}/export.xlsx`, `入围名单-${c.id}.xlsx`)}>{t('cuts.exportXlsx')}</Button>
                    <Button size="small" onClick={() => void download(`/api/selection/cuts/${c.id}/export.json`, `入围名单-${c.id}.json`)}>{t('cuts.exportJson')}</Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryResult>
    </Card>
  );
}
