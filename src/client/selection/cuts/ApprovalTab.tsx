import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Approvals, CutDetail } from '../../../shared/contracts/selection-cuts';
import type { Round } from '../../../shared/contracts/selection';
import { api } from '../../api';
import { formatDateTime } from '../../components/dates';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { useMe } from '../../session';
import { roundQuery } from '../queries';
import type { SelectionTabProps } from '../tabs';
import { approvalsQuery, shortHash, useSelectionAction } from './common';
import { RankingTable } from './CutsTab';

type Approval = Approvals['approvals'][number];

/** 评审委员会审定: members approve the final list (or object, with a note); everyone on staff sees who did. */
export function ApprovalTab({ roundId }: SelectionTabProps) {
  const q = useQuery(approvalsQuery(roundId));
  const round = useQuery(roundQuery(roundId));
  return <QueryResult query={q}>{(a) => (round.data ? <ApprovalView round={round.data} a={a} /> : null)}</QueryResult>;
}

function ApprovalView({ round, a }: { round: Round; a: Approvals }) {
  const t = useT();
  const me = useMe();
  const { run, busy } = useSelectionAction();
  const [note, setNote] = useState('');
  const cut = useQuery({ queryKey: ['selection', 'cut', a.cut?.id], enabled: a.cut != null, queryFn: () => api.get<CutDetail>(`/api/selection/cuts/${a.cut!.id}`) });
  if (!a.cut) return <Alert type="info" showIcon title={t('approval.noCut')} />;
  const decide = (decision: 'approve' | 'object') =>
    run(decision, () => api.post(`/api/selection/rounds/${round.id}/approvals`, { cutId: a.cut!.id, decision, note: note.trim() || undefined }), t('approval.done'));
  const member = me.role === 'committee';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('approval.list', { n: a.cut.selected })} extra={<Typography.Text code copyable={{ text: a.cut.hash }}>{shortHash(a.cut.hash)}</Typography.Text>}>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Tag color={a.approved >= a.required && a.objections === 0 ? 'green' : 'gold'}>{t('approval.progress', { approved: a.approved, required: a.required, objections: a.objections })}</Tag>
          <Typography.Text type="secondary">{t('approval.required', { n: a.required })}</Typography.Text>
        </Flex>
        {cut.data && <RankingTable round={round} rows={cut.data.ranking.rows.filter((r) => r.selected)} />}
      </Card>
      <Card size="small" title={t('selection.tab.approval')}>
        {!member && <Alert type="info" showIcon title={t('approval.staffOnly')} style={{ marginBottom: 12 }} />}
        {member && !a.open && <Alert type="info" showIcon title={t('approval.closed')} style={{ marginBottom: 12 }} />}
        {member && a.open && a.mine !== 'approve' && (
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
            {a.mine === 'object' && <Tag color="red">{t('approval.mine.object')}</Tag>}
            <Input.TextArea rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('approval.objectNote')} aria-label={t('approval.note')} />
            <Flex gap={8} wrap>
              <Popconfirm title={t('approval.approve')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => decide('approve')}>
                <Button type="primary" loading={busy === 'approve'}>{a.mine === 'object' ? t('approval.withdrawObjection') : t('approval.approve')}</Button>
              </Popconfirm>
              {a.mine == null && <Button danger disabled={note.trim().length < 4} loading={busy === 'object'} onClick={() => void decide('object')}>{t('approval.object')}</Button>}
            </Flex>
          </Space>
        )}
        {member && a.mine === 'approve' && <Tag color="green" style={{ marginBottom: 12 }}>{t('approval.mine.approve')}</Tag>}
        <Table<Approval>
          rowKey="accountId"
          size="small"
          pagination={false}
          dataSource={a.approvals}
          columns={[
            { title: t('approval.member'), dataIndex: 'name' },
            { title: t('approval.decision'), dataIndex: 'decision', render: (d: 'approve' | 'object') => <Tag color={d === 'approve' ? 'green' : 'red'}>{t(`approval.decision.${d}`)}</Tag> },
            { title: t('approval.note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
            { title: t('approval.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
          ]}
        />
      </Card>
    </Space>
  );
}
