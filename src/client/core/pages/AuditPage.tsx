import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Input, Row, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { AuditEntry as AuditEntrySchema, AuditVerifyResult } from '../../../shared/contracts/audit';
import { api } from '../../api';
import { formatDateTime } from '../../components/dates';
import type { Page } from '../../components/referenceData';
import { auditActionLabel, auditEntityLabel } from '../../../shared/audit/labels';
import { useLang, useT } from '../../i18n';

type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** 审计日志: every change and every look at personal data, hash-chained so tampering shows. */
export function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useState<{ action?: string; entity?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const list = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => api.get<Page<AuditEntry>>('/api/audit', { ...filters, ...page }),
    placeholderData: keepPreviousData,
  });
  const filter = (patch: typeof filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, page: 1 }));
  };
  const dash = t('common.dash');
  const { lang } = useLang();

  return (
    <Card title={t('nav.audit')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('audit.action')} onSearch={(v) => filter({ action: v.trim() || undefined })} style={{ width: 200 }} />
        <Input.Search allowClear placeholder={t('audit.entity')} onSearch={(v) => filter({ entity: v.trim() || undefined })} style={{ width: 200 }} />
        <VerifyChain />
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 800 }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { n }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        expandable={{ expandedRowRender: (e) => <Diff entry={e} />, rowExpandable: (e) => e.before != null || e.after != null }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('audit.actor'), dataIndex: 'actorLabel' },
          { title: t('audit.action'), dataIndex: 'action', render: (a: string) => <span title={a}>{auditActionLabel(a, lang)}</span> },
          { title: t('audit.entity'), dataIndex: 'entity', render: (e: string) => <span title={e}>{auditEntityLabel(e, lang)}</span> },
          { title: t('audit.entityId'), dataIndex: 'entityId', render: (v: string | null) => v ?? dash },
        ]}
      />
    </Card>
  );
}

function Diff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const block = (title: string, value: unknown) => (
    <Col xs={24} md={12}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre style={{ margin: '4px 0 0', padding: 8, background: 'rgba(0,0,0,0.04)', maxHeight: 320, overflow: 'auto', fontSize: 12 }}>
        {value == null ? t('common.dash') : JSON.stringify(value, null, 2)}
      </pre>
    </Col>
  );
  return (
    <Row gutter={16}>
      {block(t('audit.before'), entry.before)}
      {block(t('audit.after'), entry.after)}
    </Row>
  );
}

/** 校验哈希链: the server recomputes every entry's hash and names the first that does not match. */
function VerifyChain() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.get<AuditVerifyResult>('/api/audit/verify'));
    } catch (e) {
      setResult(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space wrap>
      <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={busy} onClick={() => void verify()}>
        {t('audit.verify')}
      </Button>
      {error && <Alert type="error" showIcon title={error} />}
      {result && (
        <Alert
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={
            result.ok || !result.firstBroken
              ? t('audit.verifyOk', { n: result.checked })
              : t('audit.verifyBroken', { id: result.firstBroken.id, reason: result.firstBroken.reason, n: result.checked })
          }
        />
      )}
    </Space>
  );
}
