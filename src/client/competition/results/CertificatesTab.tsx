import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Certificate } from '../../../shared/contracts/certificates';
import type { OutcomeKind } from '../../../shared/contracts/results';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useMe } from '../../session';
import { useCompetitionAction } from '../components/common';
import { isOrganizer } from '../components/roles';
import type { Competition } from '../components/types';
import { BulkZip } from './BulkZip';
import { CertificateStatusTag } from './CertificateStatusTag';
import { certificatePdfPath, certificatesQuery, verifyPath } from './queries';

/**
 * 证书: one per final outcome and award; issue them, open each PDF, revoke one with a reason,
 * or render them all into one ZIP (a background job, with its progress).
 */
export function CertificatesTab({ c }: { c: Competition }) {
  const t = useT();
  const me = useMe();
  const organizer = isOrganizer(me);
  const list = useQuery(certificatesQuery(c.id));
  const { run, busy } = useCompetitionAction(c.id);
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const [reason, setReason] = useState('');

  const [issuedNote, setIssuedNote] = useState<string | null>(null);
  const issue = async () => {
    const r = await run('issue', () => api.post<{ issued: number }>(`/api/competitions/${c.id}/certificates`, {}));
    if (r) setIssuedNote(t('cert.issuedN', { n: r.issued }));
  };

  const revoke = async () => {
    if (!revoking) return;
    const ok = await run(
      `revoke-${revoking.id}`,
      async () => {
        await api.post(`/api/certificates/${revoking.id}/revoke`, { reason: reason.trim() });
        return true;
      },
      t('cert.revoked'),
    );
    if (ok) {
      setRevoking(null);
      setReason('');
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {c.status !== 'final' && <Alert type="info" showIcon title={t('cert.notFinal')} />}
      {issuedNote && <Alert type="success" showIcon closable title={issuedNote} onClose={() => setIssuedNote(null)} />}
      <Flex gap={8} wrap align="center">
        {organizer && (
          <Popconfirm title={t('cert.issueConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => void issue()} disabled={c.status !== 'final'}>
            <Button type="primary" disabled={c.status !== 'final'} loading={busy === 'issue'}>
              {t('cert.issue')}
            </Button>
          </Popconfirm>
        )}
        <BulkZip c={c} disabled={!list.data?.length} />
      </Flex>
      <div data-testid="certificates-table">
        <Table<Certificate>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
          scroll={{ x: 1100 }}
          locale={{ emptyText: list.isError ? list.error.message : t('cert.none') }}
          columns={[
            {
              title: t('cert.serial'),
              dataIndex: 'serial',
              width: 200,
              render: (s: string) => (
                <a href={verifyPath(s)} target="_blank" rel="noreferrer" style={{ fontFamily: 'monospace' }}>
                  {s}
                </a>
              ),
            },
            { title: t('cert.kind'), dataIndex: 'kind', width: 90, render: (k: OutcomeKind) => t(`outcome.kind.${k}`) },
            { title: t('cert.holder'), dataIndex: 'holderName', width: 80 },
            { title: t('results.unit'), dataIndex: 'unitName', minWidth: 140 },
            { title: t('cert.title'), dataIndex: 'title', minWidth: 140 },
            { title: t('cert.issuedOn'), dataIndex: 'issuedOn', width: 100 },
            { title: t('cert.status'), key: 'status', width: 150, render: (_, x) => <CertificateStatusTag c={x} /> },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 110,
              fixed: 'right',
              render: (_, x) => (
                <Space size={4}>
                  <Typography.Link href={certificatePdfPath(x.id)} target="_blank">
                    {t('cert.pdf')}
                  </Typography.Link>
                  {organizer && x.status === 'valid' && (
                    <Button type="link" size="small" danger onClick={() => setRevoking(x)}>
                      {t('cert.revoke')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </div>
      <Modal
        open={!!revoking}
        title={t('cert.revokeTitle')}
        okText={t('cert.revoke')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 4, loading: !!revoking && busy === `revoke-${revoking.id}` }}
        onOk={() => void revoke()}
        onCancel={() => setRevoking(null)}
        destroyOnHidden
      >
        {revoking && (
          <Typography.Paragraph>
            {revoking.serial} · {revoking.holderName} · {revoking.title}
          </Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary">{t('cert.revokeHelp')}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('cert.revokeReason')} placeholder={t('cert.revokeReason')} />
      </Modal>
    </Space>
  );
}
