import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan, yuanToFen, type SubsidyClaim, type SubsidyClaimLine } from '../../../shared/training/subsidy';
import { api } from '../../api';
import { DownloadButton } from '../../components/DownloadButton';
import { QueryResult } from '../../components/QueryResult';
import { useT, type MessageKey } from '../../i18n';
import { useMe } from '../../session';
import { claimQuery, classQuery } from '../queries';
import type { ClassTabProps } from '../tabs';
import { mayOperate, mayRead } from './AppraisalTab';

const STATUS_COLOR = { draft: 'default', submitted: 'processing', approved: 'success', returned: 'warning' } as const;
const yuan = (v: number) => formatYuan(yuanToFen(v));

/**
 * 补贴申请: compute from attendance and appraisal, the lines with eligibility and reasons, the
 * totals, a warning when the records changed since, submit (college, staff), approve or return
 * (finance), and the payment list to export.
 */
export function SubsidyTab({ classId }: ClassTabProps) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const cls = useQuery(classQuery(classId));
  const newTech = cls.data?.programmeKind === 'new-technician';
  const q = useQuery({ ...claimQuery(classId), enabled: newTech && !!cls.data && mayRead(me, cls.data.collegeUnitId) });
  const [returning, setReturning] = useState(false);
  const [note, setNote] = useState('');
  const act = useMutation({
    mutationFn: (a: { kind: 'compute' } | { kind: 'submit' | 'approve' | 'return'; claim: SubsidyClaim; note?: string }) => {
      if (a.kind === 'compute') return api.post<SubsidyClaim>(`/api/training/classes/${classId}/claim/compute`, q.data ? { version: q.data.version } : {});
      if (a.kind === 'submit') return api.post<SubsidyClaim>(`/api/training/claims/${a.claim.id}/submit`, { version: a.claim.version });
      return api.post<SubsidyClaim>(`/api/training/claims/${a.claim.id}/review`, { version: a.claim.version, decision: a.kind, note: a.note });
    },
    onSuccess: (c) => {
      qc.setQueryData(claimQuery(classId).queryKey, c);
      setReturning(false);
      setNote('');
      void message.success(t('training.subsidy.done'));
    },
    onError: (e) => {
      void message.error(e.message);
      void qc.invalidateQueries({ queryKey: claimQuery(classId).queryKey });
    },
  });
  if (cls.data && !newTech) return <Alert type="info" showIcon title={t('training.subsidy.notNewTech')} />;
  if (cls.data && !mayRead(me, cls.data.collegeUnitId)) return <Alert type="info" showIcon title={t('training.subsidy.notYours')} />;
  const operator = mayOperate(me);
  const finance = me.role === 'admin' || (me.role === 'committee' && me.committeeBody === 'finance');
  const open = cls.data?.status === 'running' || cls.data?.status === 'finished';
  return (
    <QueryResult query={q}>
      {(claim) => {
        const editable = !claim || claim.status === 'draft' || claim.status === 'returned';
        return (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Space wrap>
              {operator && open && editable && (
                <Button type={claim ? 'default' : 'primary'} loading={act.isPending} onClick={() => act.mutate({ kind: 'compute' })} data-testid="claim-compute">
                  {t(claim ? 'training.subsidy.recompute' : 'training.subsidy.compute')}
                </Button>
              )}
              {claim && operator && editable && (
                <Button type="primary" disabled={claim.stale || act.isPending} onClick={() => act.mutate({ kind: 'submit', claim })}>{t('training.subsidy.submit')}</Button>
              )}
              {claim && finance && claim.status === 'submitted' && (
                <>
                  <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ kind: 'approve', claim })}>{t('training.subsidy.approve')}</Button>
                  <Button danger onClick={() => setReturning(true)}>{t('training.subsidy.return')}</Button>
                </>
              )}
              {claim && (
                <DownloadButton path={`/api/training/claims/${claim.id}/export.xlsx`} fileName={`培训补贴发放名单-${claim.className}.xlsx`}>
                  {t('training.subsidy.export')}
                </DownloadButton>
              )}
            </Space>
            {!open && operator && <Alert type="info" showIcon title={t('training.subsidy.notRunning')} />}
            {!claim ? <Alert type="info" showIcon title={t('training.subsidy.none')} /> : (
              <>
                {claim.stale && <Alert type="warning" showIcon data-testid="claim-stale" title={t('training.subsidy.stale', { total: yuan(claim.currentTotalYuan) })} />}
                {claim.reviewNote && <Alert type={claim.status === 'returned' ? 'warning' : 'info'} showIcon title={`${t('training.subsidy.reviewNote')}：${claim.reviewNote}`} />}
                <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} items={[
                  { key: 'status', label: t('training.subsidy.status'), children: <Tag color={STATUS_COLOR[claim.status]}>{t(`training.subsidy.status.${claim.status}` as MessageKey)}</Tag> },
                  { key: 'rates', label: t('training.subsidy.rates'), children: t('training.subsidy.ratesText', { training: yuan(claim.trainingFeeYuan), appraisal: yuan(claim.appraisalFeeYuan), pct: claim.minAttendancePct }) },
                  { key: 'eligible', label: t('training.subsidy.eligibleOf'), children: `${claim.eligible} / ${claim.trainees}` },
                  { key: 'tt', label: t('training.subsidy.trainingTotal'), children: yuan(claim.trainingTotalYuan) },
                  { key: 'at', label: t('training.subsidy.appraisalTotal'), children: yuan(claim.appraisalTotalYuan) },
                  { key: 'total', label: t('training.subsidy.total'), children: <Typography.Text strong data-testid="claim-total">{yuan(claim.totalYuan)}</Typography.Text> },
                  { key: 'at2', label: t('training.subsidy.computedAt'), children: new Date(claim.computedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) },
                  { key: 'hash', label: t('training.subsidy.hash'), children: <Typography.Text code copyable={{ text: claim.linesHash }}>{claim.linesHash.slice(0, 16)}…</Typography.Text> },
                ]} />
                <Table<SubsidyClaimLine>
                  size="small"
                  rowKey="enrolmentId"
                  dataSource={claim.lines}
                  pagination={false}
                  scroll={{ x: 1100 }}
                  columns={[
                    { title: t('training.subsidy.name'), dataIndex: 'name', fixed: 'left', width: 80 },
                    { title: t('training.subsidy.idNumber'), dataIndex: 'idNumberMasked', width: 170 },
                    { title: t('training.subsidy.unit'), dataIndex: 'unitName', width: 160, ellipsis: true },
                    { title: t('training.subsidy.held'), dataIndex: 'sessionsHeld', width: 60, align: 'right' },
                    { title: t('training.subsidy.attended'), dataIndex: 'sessionsAttended', width: 60, align: 'right' },
                    { title: t('training.subsidy.pct'), dataIndex: 'attendancePct', width: 80, align: 'right', render: (v: number) => `${v}%` },
                    { title: t('training.subsidy.eligible'), dataIndex: 'eligible', width: 80, render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{t(v ? 'training.subsidy.yes' : 'training.subsidy.no')}</Tag> },
                    { title: t('training.subsidy.trainingFee'), dataIndex: 'trainingFeeYuan', width: 100, align: 'right', render: yuan },
                    { title: t('training.subsidy.appraisalFee'), dataIndex: 'appraisalFeeYuan', width: 100, align: 'right', render: yuan },
                    { title: t('training.subsidy.lineTotal'), dataIndex: 'totalYuan', width: 100, align: 'right', render: yuan },
                    { title: t('training.subsidy.reason'), dataIndex: 'reason', width: 260, render: (v: string | null) => v ?? '' },
                  ]}
                  summary={() => (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0} colSpan={7}><Typography.Text strong>{t('training.subsidy.sumRow')}</Typography.Text></Table.Summary.Cell>
                      <Table.Summary.Cell index={7} align="right">{yuan(claim.trainingTotalYuan)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={8} align="right">{yuan(claim.appraisalTotalYuan)}</Table.Summary.Cell>
                      <Table.Summary.Cell index={9} align="right"><Typography.Text strong>{yuan(claim.totalYuan)}</Typography.Text></Table.Summary.Cell>
                      <Table.Summary.Cell index={10} />
                    </Table.Summary.Row>
                  )}
                />
                <Modal
                  open={returning}
                  title={t('training.subsidy.return')}
                  okText={t('training.subsidy.return')}
                  okButtonProps={{ danger: true, disabled: !note.trim(), loading: act.isPending }}
                  onOk={() => act.mutate({ kind: 'return', claim, note: note.trim() })}
                  onCancel={() => setReturning(false)}
                  destroyOnHidden
                >
                  <Input.TextArea rows={3} maxLength={1000} value={note} placeholder={t('training.subsidy.returnNoteRequired')} aria-label={t('training.subsidy.returnNote')} onChange={(e) => setNote(e.target.value)} />
                </Modal>
              </>
            )}
          </Space>
        );
      }}
    </QueryResult>
  );
}
