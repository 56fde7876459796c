import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ReviewerPlan } from '../../../shared/training/completion-contracts';
import { api } from '../../api';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';

/** 创业计划书评审: a reviewer's phone page — only the plans assigned to them, the file, the rubric, their marks. */
export function PlansReviewPage() {
  const t = useT();
  const q = useQuery({ queryKey: ['training', 'review-plans'], queryFn: () => api.get<ReviewerPlan[]>('/api/training/review/plans') });
  return (
    <Card title={t('nav.plansReview')} styles={{ body: { padding: 12 } }}>
      <QueryResult query={q}>
        {(plans) => plans.length === 0 ? <Empty description={t('training.review.none')} /> : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {plans.map((p) => <PlanSheet key={p.planId} p={p} />)}
          </Space>
        )}
      </QueryResult>
    </Card>
  );
}

function PlanSheet({ p }: { p: ReviewerPlan }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [marks, setMarks] = useState<Record<string, number | null>>(() => Object.fromEntries(p.rubric.map((c) => [c.code, p.marks[c.code]?.value ?? null])));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const complete = p.rubric.every((c) => p.marks[c.code]);
  const changed = p.rubric.filter((c) => marks[c.code] != null && marks[c.code] !== p.marks[c.code]?.value);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/training/review/plans/${p.planId}/marks`, {
        marks: changed.map((c) => ({ code: c.code, value: marks[c.code]!, version: p.marks[c.code]?.version ?? 0 })),
        ...(complete && reason ? { reason } : {}),
      });
      message.success(t('training.review.saved'));
      setReason('');
      await qc.invalidateQueries({ queryKey: ['training', 'review-plans'] });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={p.title} extra={<Typography.Text type="secondary">{p.className}</Typography.Text>} data-testid={`plan-${p.planId}`}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {p.summary && <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }}>{p.summary}</Typography.Paragraph>}
        {p.fileName && <a href={`/api/training/plans/${p.planId}/file`}>{t('training.review.open')}：{p.fileName}</a>}
        {p.rubric.map((c) => (
          <Space key={c.code} style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text>{c.name}（{c.weight}%，0–{c.max}）</Typography.Text>
            <InputNumber aria-label={c.name} min={0} max={c.max} step={c.kind === 'points' ? 0.5 : 1} inputMode="decimal" style={{ width: 96 }}
              value={marks[c.code]} onChange={(v) => setMarks((m) => ({ ...m, [c.code]: v }))} />
          </Space>
        ))}
        {complete && changed.length > 0 && <Input placeholder={t('training.review.reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />}
        {error && <Alert type="error" showIcon title={error} />}
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text>{p.score != null ? t('training.review.score', { score: p.score }) : ''}</Typography.Text>
          <Button type="primary" disabled={changed.length === 0} loading={busy} onClick={() => void save()}>{t('training.review.save')}</Button>
        </Space>
      </Space>
    </Card>
  );
}
