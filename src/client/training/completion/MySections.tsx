import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Input, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Certificate } from '../../../shared/contracts/certificates';
import type { BusinessPlan } from '../../../shared/training/completion-contracts';
import { api, withQuery } from '../../api';
import { useT } from '../../i18n';
import type { MySectionProps } from '../me/sections';

/** 我的创业计划书: upload (title, summary, file) and its status, score, commendation. */
export function MyPlanSection({ classId }: MySectionProps) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: ['training', 'my-plans'], queryFn: () => api.get<BusinessPlan[]>('/api/training/me/plans') });
  const mine = q.data?.find((p) => p.classId === classId);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      await api.upload(withQuery(`/api/training/classes/${classId}/plans`, { title: title || mine?.title || '', summary }), file);
      message.success(t('training.review.saved'));
      await qc.invalidateQueries({ queryKey: ['training', 'my-plans'] });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {mine && (
        <>
          <Typography.Text strong>{t('training.me.planSubmitted', { title: mine.title })}</Typography.Text>
          {mine.fileName && <a href={`/api/training/plans/${mine.id}/file`}>{mine.fileName}</a>}
          {mine.score != null && <Typography.Text>{t('training.me.planScore', { score: mine.score })}</Typography.Text>}
          {mine.commended && <Tag color="gold">{t('training.me.planCommended', { on: mine.commendedOn ?? '' })}</Tag>}
        </>
      )}
      {!mine?.reviewers.length && !mine?.commended && (
        <>
          <Input placeholder={t('training.me.planTitle')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={100} />
          <Input.TextArea placeholder={t('training.me.planSummary')} value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={2000} rows={3} />
          <Upload accept=".pdf,.jpg,.jpeg,.png" showUploadList={false} beforeUpload={(f) => { void send(f); return false; }}>
            <Button type="primary" loading={busy} disabled={!title && !mine}>{t('training.me.planFile')}</Button>
          </Upload>
        </>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}

/** 我的证书: the trainee's training certificates, each as a PDF and as an Open Badges credential. */
export function MyCertificatesSection(_: MySectionProps) {
  const t = useT();
  const q = useQuery({ queryKey: ['me', 'certificates'], queryFn: () => api.get<Certificate[]>('/api/me/certificates') });
  const mine = (q.data ?? []).filter((c) => c.source === 'training-completion' || c.source === 'training-plan');
  if (mine.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.me.noCertificates')} />;
  return (
    <List size="small" dataSource={mine} renderItem={(c) => (
      <List.Item>
        <Space orientation="vertical" size={2}>
          <Typography.Text strong>{c.title}{c.status === 'revoked' && <Tag color="red" style={{ marginLeft: 8 }}>{t('training.completion.revoked')}</Tag>}</Typography.Text>
          <Typography.Text type="secondary">{c.eventName} · {c.serial}</Typography.Text>
          <Space wrap>
            <a href={`/api/certificates/${c.id}/pdf`}>{t('training.me.pdf')}</a>
            <a href={`/api/public/certificates/${c.serial}/badge.json`} target="_blank" rel="noreferrer">{t('training.me.badge')}</a>
          </Space>
        </Space>
      </List.Item>
    )} />
  );
}
