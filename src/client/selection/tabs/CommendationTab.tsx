import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Popconfirm, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Award, RoundAwards } from '../../../shared/selection/commendation';
import { api, ApiError, downloadPost } from '../../api';
import { QueryResult } from '../../components/QueryResult';
import { certificatePdfPath, verifyPath } from '../../competition/results/queries';
import { useT } from '../../i18n';
import { BankDetailsModal } from '../commendation/BankDetailsModal';
import { PromotionTag } from '../commendation/PromotionTag';
import { roundAwardsQuery } from '../commendation/queries';
import type { SelectionTabProps } from '../tabs';

/**
 * 表彰: the final experts with their promotion, certificate and bank details; the office issues
 * the certificates, the office and the finance body download the payment list, a unit enters its
 * experts' bank details.
 */
export function CommendationTab({ roundId }: SelectionTabProps) {
  const q = useQuery(roundAwardsQuery(roundId));
  return <QueryResult query={q}>{(data) => <Commendation data={data} />}</QueryResult>;
}

const money = (n: number) => n.toLocaleString('zh-CN');

function Commendation({ data }: { data: RoundAwards }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'issue' | 'pay' | null>(null);
  const [editing, setEditing] = useState<Award | null>(null);
  const fail = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e));
  const issue = async () => {
    setBusy('issue');
    try {
      const r = await api.post<{ issued: number }>(`/api/selection/rounds/${data.roundId}/certificates`, {});
      void message.success(t('commend.issued', { n: r.issued }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
      void qc.invalidateQueries({ queryKey: ['selection'] });
    }
  };
  const pay = async () => {
    setBusy('pay');
    try {
      await downloadPost(`/api/selection/rounds/${data.roundId}/payment-list`, `${data.roundName}-奖金发放表.xlsx`);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };
  if (!data.written) return <Alert type="info" showIcon message={t('commend.notWritten')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space wrap size="large">
          <Statistic title={t('commend.experts')} value={data.awards.length} />
          <Statistic title={t('commend.total')} value={money(data.total)} suffix="元" data-testid="commend-total" />
          <Statistic title={t('commend.missingBank')} value={data.missingBank} valueStyle={data.missingBank ? { color: '#cf1322' } : undefined} />
          <Statistic title={t('commend.certificates')} value={`${data.certificatesIssued} / ${data.awards.length}`} />
        </Space>
        <Flex wrap gap={8} style={{ marginTop: 12 }}>
          {data.mayIssue && (
            <Popconfirm title={t('commend.issueConfirm')} onConfirm={() => void issue()}>
              <Button type="primary" loading={busy === 'issue'}>{t('commend.issue')}</Button>
            </Popconfirm>
          )}
          {data.mayDownloadPayments && <Button loading={busy === 'pay'} onClick={() => void pay()}>{t('commend.payments')}</Button>}
        </Flex>
        {data.mayDownloadPayments && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('commend.paymentsHint')}</Typography.Paragraph>}
      </Card>
      <Table<Award>
        rowKey="id"
        size="small"
        dataSource={data.awards}
        pagination={false}
        scroll={{ x: 1200 }}
        columns={[
          { key: 'name', title: t('commend.name'), dataIndex: 'name', fixed: 'left', width: 90 },
          { key: 'unit', title: t('commend.unit'), dataIndex: 'unitName' },
          { key: 'id', title: t('commend.idNumber'), dataIndex: 'idNumberMasked', width: 170 },
          { key: 'trade', title: t('commend.trade'), dataIndex: 'tradeName', width: 90 },
          { key: 'promotion', title: t('commend.promotion'), render: (_, a) => <PromotionTag a={a} /> },
          { key: 'amount', title: t('commend.amount'), align: 'right', width: 90, render: (_, a) => money(a.amount) },
          {
            key: 'cert', title: t('commend.certificate'), width: 250, render: (_, a) => a.certificate ? (
              <Space direction="vertical" size={0}>
                <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{a.certificate.serial}</Typography.Text>
                <Space size={8} wrap>
                  <Tag color={a.certificate.status === 'valid' ? 'green' : 'red'}>{t(a.certificate.status === 'valid' ? 'commend.certValid' : 'commend.certRevoked')}</Tag>
                  <Typography.Link href={certificatePdfPath(a.certificate.id)} target="_blank">{t('commend.pdf')}</Typography.Link>
                  <Typography.Link href={verifyPath(a.certificate.serial)} target="_blank">{t('commend.verify')}</Typography.Link>
                </Space>
              </Space>
            ) : <Tag>{t('commend.noCertificate')}</Tag>,
          },
          {
            key: 'bank', title: t('commend.bank'), width: 220, render: (_, a) => (
              <Space size={4} wrap>
                {a.bankAccountMasked ? <span>{a.bankName} {a.bankAccountMasked}</span> : <Tag color="orange">{t('commend.bankMissing')}</Tag>}
                <Button size="small" type="link" onClick={() => setEditing(a)}>{t(a.bankAccountMasked ? 'commend.changeBank' : 'commend.enterBank')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <BankDetailsModal award={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
