import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api';
import { useT } from '../../i18n';
import { myCandidaciesQuery, nominationRoundsQuery } from '../queries';
import type { SelectionTabProps } from '../tabs';
import { CandidateDrawer, ChannelTags, CheckList, StatusTag } from './CandidateDrawer';
import { WindowNote } from './NominateTab';
import { SocietyNomination } from './SocietyForm';

/** 我的评选: a person's own status page — self-nomination, consent, the status with the reason when returned. */
export function MineTab({ roundId }: SelectionTabProps) {
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const rounds = useQuery(nominationRoundsQuery);
  const round = rounds.data?.find((r) => r.id === roundId);
  const mine = useQuery(myCandidaciesQuery);
  const c = mine.data?.find((x) => x.roundId === roundId);
  const [opened, setOpened] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const selfNominate = async () => {
    setBusy(true);
    try {
      const r = await api.post<{ candidateId: number }>(`/api/selection/rounds/${roundId}/nominations`, {});
      void message.success(t('nom.selfNominated'));
      setOpened(r.candidateId);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
      void qc.invalidateQueries({ queryKey: ['selection'] });
    }
  };
  const self = c?.nominations.some((n) => n.channel === 'self');
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 720 }}>
      {round && <WindowNote round={round} />}
      {c ? (
        <Card size="small" title={<Space wrap>{c.name}<StatusTag status={c.status} /></Space>} extra={<Button onClick={() => setOpened(c.id)}>{t('nom.open')}</Button>}>
          {c.status === 'returned' && c.returnReason && <Alert type="warning" showIcon message={t('nom.returned', { reason: c.returnReason })} description={t('nom.returnedHint')} style={{ marginBottom: 8 }} />}
          {c.status === 'ineligible' && c.returnReason && <Alert type="error" showIcon message={c.returnReason} style={{ marginBottom: 8 }} />}
          <ChannelTags channels={c.channels} />
          <Typography.Paragraph style={{ marginTop: 8 }}>{c.consentKind ? t('nom.confirmed') : t('nom.consentNone')}</Typography.Paragraph>
          <CheckList check={c.check} />
          {c.standing.length > 0 && (
            <div style={{ marginTop: 8 }}>
              <Typography.Text strong>{t('nom.standing')}</Typography.Text>
              <Space wrap style={{ marginTop: 4, display: 'flex' }}>
                {c.standing.map((x) => (
                  <Tag key={x.stageKey} color={x.selected ? 'green' : 'default'}>
                    {x.selected ? t('nom.standingIn', { stage: x.stageName, rank: x.rank ?? '—' }) : t('nom.standingOut', { stage: x.stageName })}
                  </Tag>
                ))}
              </Space>
            </div>
          )}
        </Card>
      ) : <Empty description={t('nom.myNone')} />}
      <Space wrap>
        {round?.open && !self && <Button type="primary" loading={busy} onClick={() => void selfNominate()}>{t('nom.selfNominate')}</Button>}
        <SocietyNomination roundId={roundId} />
      </Space>
      <CandidateDrawer candidateId={opened} mode="person" onClose={() => setOpened(null)} />
    </Space>
  );
}
