import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Input, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n';
import { competitionKeys, errorText, issueLines, schemeQuery } from './common';
import { PanelMarks } from './MarkingPanel';
import type { Competition, PanelView, ProgressView, SpreadFlag } from './types';

/**
 * 裁判长: the panels flagged for a spread over one point (each confirmed with a written reason, or
 * re-marked by the judges), and the sign-off of each criterion and then of the whole competition.
 */
export function ChiefPanel({ c, progress, refresh }: { c: Competition; progress?: ProgressView; refresh: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; lines: string[] } | null>(null);
  const marking = c.status === 'marking';

  const signOff = async (criterionCode: string) => {
    setBusy(`sign-${criterionCode}`);
    setFailure(null);
    try {
      const next = await api.post<ProgressView>(`/api/competitions/${c.id}/signoff`, { criterionCode });
      queryClient.setQueryData(competitionKeys.part(c.id, 'progress'), next);
      void message.success(criterionCode === '*' ? t('chief.signedAll') : t('chief.signed', { code: criterionCode }));
      if (criterionCode === '*') void queryClient.invalidateQueries({ queryKey: competitionKeys.one(c.id) });
    } catch (e) {
      setFailure({ message: errorText(e), lines: issueLines(e) });
    } finally {
      setBusy(null);
      refresh();
    }
  };

  if (!progress) return null;
  const allSigned = progress.signedOff.includes('*');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {failure && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setFailure(null) }}
          title={failure.message}
          description={failure.lines.length > 1 ? <ul style={{ margin: 0, paddingLeft: 20 }}>{failure.lines.map((l) => <li key={l}>{l}</li>)}</ul> : undefined}
        />
      )}
      {allSigned && <Alert type="success" showIcon title={t('chief.locked')} />}

      <section aria-label={t('chief.flags')}>
        <Typography.Title level={5}>
          {t('chief.flags')} {progress.flags.length > 0 && <Tag color="red">{progress.flags.length}</Tag>}
        </Typography.Title>
        {progress.flags.length === 0 ? (
          <Typography.Text type="secondary">{t('chief.noFlags')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            {progress.flags.map((f) => (
              <FlagCard key={`${f.code}:${f.aspectId}`} c={c} flag={f} onConfirmed={refresh} />
            ))}
          </Space>
        )}
      </section>

      <section aria-label={t('chief.signoff')}>
        <Typography.Title level={5}>{t('chief.signoff')}</Typography.Title>
        <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="signoff-list">
          {progress.criteria.map((cr) => {
            const ready = cr.entered >= cr.expected && cr.flagged === 0;
            return (
              <Card key={cr.code} size="small" data-testid={`criterion-${cr.code}`}>
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <div style={{ minWidth: 160, flex: 1 }}>
                    <Typography.Text strong>
                      {cr.code} {cr.name}
                    </Typography.Text>
                    <Progress percent={cr.expected ? Math.round((cr.entered / cr.expected) * 100) : 0} size="small" format={() => `${cr.entered}/${cr.expected}`} />
                    {cr.flagged > 0 && <Tag color="red">{t('chief.flaggedN', { n: cr.flagged })}</Tag>}
                  </div>
                  {cr.signedOff ? (
                    <Tag color="green" icon={<SafetyCertificateOutlined aria-hidden />} style={{ fontSize: 14, padding: '4px 8px' }}>
                      {t('chief.signedTag')}
                    </Tag>
                  ) : (
                    <Popconfirm title={t('chief.signConfirm', { code: cr.code })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => signOff(cr.code)} disabled={!marking}>
                      <Button type={ready ? 'primary' : 'default'} disabled={!marking} loading={busy === `sign-${cr.code}`}>
                        {t('chief.signCriterion', { code: cr.code })}
                      </Button>
                    </Popconfirm>
                  )}
                </Flex>
              </Card>
            );
          })}
        </Space>
        {!allSigned && (
          <Popconfirm title={t('chief.signAllConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => signOff('*')} disabled={!marking}>
            <Button danger type="primary" size="large" block disabled={!marking} loading={busy === 'sign-*'} style={{ marginTop: 12 }}>
              {t('chief.signAll')}
            </Button>
          </Popconfirm>
        )}
        {progress.partScoresMissing > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('progress.partScoresMissing', { n: progress.partScoresMissing })}
          </Typography.Paragraph>
        )}
      </section>
    </Space>
  );
}

/** One flagged panel: the marks behind it, and the chief judge's confirmation with a reason. */
function FlagCard({ c, flag, onConfirmed }: { c: Competition; flag: SpreadFlag; onConfirmed: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showPanel, setShowPanel] = useState(false);
  const scheme = useQuery(schemeQuery(c.id));
  const aspect = scheme.data?.aspects.find((a) => a.id === flag.aspectId);
  const panel = useQuery({
    queryKey: competitionKeys.part(c.id, 'panel', flag.code, flag.aspectId),
    queryFn: () => api.get<PanelView>(`/api/competitions/${c.id}/marks/panel`, { code: flag.code, aspectId: flag.aspectId }),
    enabled: showPanel,
  });

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/competitions/${c.id}/marks/confirm-spread`, { code: flag.code, aspectId: flag.aspectId, reason: reason.trim() });
      void message.success(t('chief.confirmed', { code: flag.code }));
      onConfirmed();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" data-testid="flag-card" style={{ borderColor: '#ffccc7' }}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {flag.code} · {flag.aspectCode}
        </Typography.Text>
        <Tag color="red">{t('chief.values', { values: flag.values.join(' / ') })}</Tag>
      </Flex>
      {aspect && <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>{aspect.description}</Typography.Paragraph>}
      <Button size="small" onClick={() => setShowPanel((v) => !v)} style={{ marginBottom: 8 }}>
        {showPanel ? t('marking.hidePanel') : t('marking.showPanel')}
      </Button>
      {showPanel && <PanelMarks panel={panel.data} loading={panel.isFetching} />}
      {showPanel && !panel.data && !panel.isFetching && <Empty />}
      <Input.TextArea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('chief.reasonPlaceholder')} aria-label={t('chief.reason')} style={{ marginTop: 8 }} />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Button type="primary" block disabled={!reason.trim()} loading={busy} onClick={() => void confirm()} style={{ marginTop: 8 }}>
        {t('chief.confirm')}
      </Button>
    </Card>
  );
}
