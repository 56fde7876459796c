import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { RubricCriterion } from '../../../shared/selection/rules';
import type { MyReviewing } from '../../../shared/selection/review-contracts';
import { api, ApiError } from '../../api';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';

type Round = MyReviewing[number];
type Candidate = Round['candidates'][number];

/**
 * 我的评审: the reviewer's phone page — their candidates in the open panel stage, each with its
 * materials and the rubric; after submitting, the other reviewers' marks.
 */
export function ReviewingPage() {
  const t = useT();
  const q = useQuery({ queryKey: ['selection', 'reviewing'], queryFn: () => api.get<MyReviewing>('/api/selection/reviewing') });
  return (
    <Card title={t('nav.reviewing')} styles={{ body: { padding: 12 } }}>
      <QueryResult query={q}>
        {(rounds) => rounds.length === 0 ? <Empty description={t('reviewing.none')} /> : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {rounds.map((r) => (
              <div key={r.roundId}>
                <Typography.Title level={5}>{t('reviewing.stage', { round: r.roundName, stage: r.stage.name })}</Typography.Title>
                <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                  {r.candidates.map((c) => <CandidateSheet key={c.candidateId} round={r} c={c} />)}
                </Space>
              </div>
            ))}
          </Space>
        )}
      </QueryResult>
    </Card>
  );
}

function CandidateSheet({ round, c }: { round: Round; c: Candidate }) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [marks, setMarks] = useState<Record<string, number | null>>(() => ({ ...(c.marks ?? {}) }));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rubric = round.stage.rubric;
  const complete = rubric.every((k) => marks[k.code] != null);
  const changed = rubric.some((k) => marks[k.code] !== (c.marks?.[k.code] ?? null));
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/selection/rounds/${round.roundId}/panels/${round.stage.key}/sheets/${c.candidateId}`, { marks, ...(c.submitted ? { reason } : {}) });
      void message.success(t('reviewing.saved'));
      setReason('');
      await qc.invalidateQueries({ queryKey: ['selection', 'reviewing'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" data-candidate={c.candidateId} title={<span>{c.name} <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>{c.unitName}</Typography.Text></span>}
      extra={c.submitted && <Tag color="green">{t('reviewing.submitted', { score: c.score ?? '' })}</Tag>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>
          <Typography.Text type="secondary">{t('reviewing.materials')}：</Typography.Text>
          {c.evidence.length === 0 ? t('reviewing.noMaterials') : c.evidence.map((e) => (
            <a key={e.id} href={`/api/selection/reviewing/evidence/${e.id}`} target="_blank" rel="noreferrer" style={{ marginRight: 8 }}>{e.fileName}</a>
          ))}
        </div>
        {rubric.map((k) => <Criterion key={k.code} k={k} value={marks[k.code] ?? null} onChange={(v) => setMarks((m) => ({ ...m, [k.code]: v }))} />)}
        {c.submitted && changed && <Input placeholder={t('reviewing.reason')} aria-label={t('reviewing.reason')} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />}
        {error && <Alert type="error" showIcon title={error} />}
        <Button type="primary" block size="large" loading={busy} disabled={!complete || !changed || (c.submitted && !reason.trim())} onClick={() => void submit()}>
          {c.submitted ? t('reviewing.resubmit') : t('reviewing.submit')}
        </Button>
        <Peers c={c} rubric={rubric} />
      </Space>
    </Card>
  );
}

function Criterion({ k, value, onChange }: { k: RubricCriterion; value: number | null; onChange: (v: number | null) => void }) {
  const t = useT();
  return (
    <div data-criterion={k.code}>
      <div><Typography.Text strong>{k.code}. {k.name}</Typography.Text> <Typography.Text type="secondary">（{k.kind === 'judgement' ? t('reviewing.judgement') : t('reviewing.points', { max: k.max })}）</Typography.Text></div>
      {k.kind === 'judgement' ? (
        <Radio.Group value={value} onChange={(e) => onChange(e.target.value as number)} optionType="button" buttonStyle="solid" size="large" aria-label={k.name}
          options={[0, 1, 2, 3].map((v) => ({ value: v, label: String(v) }))} />
      ) : (
        <InputNumber value={value} min={0} max={k.max} step={0.5} size="large" inputMode="decimal" style={{ width: '100%' }} aria-label={k.name} onChange={(v) => onChange(v ?? null)} />
      )}
    </div>
  );
}

function Peers({ c, rubric }: { c: Candidate; rubric: RubricCriterion[] }) {
  const t = useT();
  if (!c.peers) return <Typography.Text type="secondary">{t('reviewing.peersHidden')}</Typography.Text>;
  return (
    <div data-peers>
      <Typography.Text strong>{t('reviewing.peers')}</Typography.Text>
      {c.peers.map((p, i) => (
        <div key={i}>
          {p.name}：{p.marks ? `${rubric.map((k) => `${k.code} ${p.marks![k.code] ?? '-'}`).join('，')}（${p.score ?? ''}）` : t('reviewing.peerPending')}
        </div>
      ))}
    </div>
  );
}
