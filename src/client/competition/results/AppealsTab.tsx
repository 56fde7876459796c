import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { AmendmentStatus } from '../../../shared/competition/states';
import type { Appeal, AppealStatus } from '../../../shared/contracts/appeals';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMe } from '../../session';
import { AmendmentsCard } from '../components/AmendmentsCard';
import { competitionKeys } from '../components/common';
import { isOrganizer } from '../components/roles';
import type { Competition, EntryView } from '../components/types';
import { formatDateTime } from '../../components/dates';
import { AppealDecisionModal } from './AppealDecisionModal';
import { AppealWindowAlert } from './AppealWindowAlert';
import { LodgeAppealModal } from './LodgeAppealModal';
import { appealsQuery, appealWindowQuery } from './queries';

export const APPEAL_COLORS: Record<AppealStatus, string> = { lodged: 'gold', upheld: 'green', dismissed: 'default' };

/**
 * 申诉: the window after the competition ends, the appeals lodged, the arbitration group's decisions,
 * and (for organizers) the amendments an upheld appeal created, for a second person to approve.
 * A unit lodges appeals for its own entrants here.
 */
export function AppealsTab({ c }: { c: Competition }) {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const organizer = isOrganizer(me);
  const [lodging, setLodging] = useState(false);
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const appealWindow = useQuery(appealWindowQuery(c.id));
  const list = useQuery(appealsQuery(c.id));
  const entries = useQuery({
    queryKey: competitionKeys.part(c.id, 'entries', 'approved'),
    queryFn: () => api.get<EntryView[]>(`/api/competitions/${c.id}/entries`, { status: 'approved' }),
    enabled: me.role === 'unit',
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <AppealWindowAlert w={appealWindow.data} />
        {me.role === 'unit' && (
          <Button type="primary" disabled={!appealWindow.data?.open} onClick={() => setLodging(true)}>
            {t('appeal.lodge')}
          </Button>
        )}
      </Flex>
      <div data-testid="appeals-table">
        <Table<Appeal>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
          locale={{ emptyText: list.isError ? list.error.message : t('appeal.none') }}
          columns={[
            { title: t('draw.code'), dataIndex: 'code', width: 80, render: (v: string | null) => v ?? t('common.dash') },
            { title: t('people.name'), dataIndex: 'name', width: 80, render: (v: string | null) => v ?? t('common.dash') },
            { title: t('results.unit'), dataIndex: 'unitName', width: 140, render: (v: string | null) => v ?? t('common.dash') },
            { title: t('appeal.lodgedBy'), key: 'by', width: 120, render: (_, a) => `${a.lodgedByName}（${t(`appeal.lodger.${a.lodgerKind}`)}）` },
            { title: t('appeal.content'), dataIndex: 'content', minWidth: 200 },
            { title: t('appeal.lodgedAt'), dataIndex: 'lodgedAt', width: 105, render: (v: string) => formatDateTime(v) },
            { title: t('appeal.status'), dataIndex: 'status', width: 90, render: (s: AppealStatus) => <Tag color={APPEAL_COLORS[s]}>{t(`appeal.status.${s}`)}</Tag> },
            { title: t('appeal.decision'), key: 'decision', minWidth: 200, render: (_, a) => (a.decision ? `${a.decision}${a.decidedByName ? `（${a.decidedByName}）` : ''}` : t('common.dash')) },
            { title: t('appeal.amendment'), dataIndex: 'amendmentStatus', width: 80, render: (s: string | null) => (s ? (labels.amendmentStatus(s as AmendmentStatus) ?? s) : t('common.dash')) },
            ...(organizer
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 80,
                    fixed: 'right' as const,
                    render: (_: unknown, a: Appeal) =>
                      a.status === 'lodged' && (
                        <Button type="link" size="small" onClick={() => setDeciding(a)}>
                          {t('appeal.decide')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      {organizer && <AmendmentsCard c={c} />}
      {organizer && <AppealDecisionModal c={c} appeal={deciding} onClose={() => setDeciding(null)} />}
      {me.role === 'unit' && (
        <LodgeAppealModal
          competitionId={c.id}
          open={lodging}
          deadline={appealWindow.data?.deadline ? formatDateTime(appealWindow.data.deadline) : null}
          entries={(entries.data ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.idNumberMasked}）` }))}
          onClose={() => setLodging(false)}
          onLodged={() => {
            setLodging(false);
            void message.success(t('appeal.lodged'));
            void queryClient.invalidateQueries({ queryKey: competitionKeys.one(c.id) });
          }}
        />
      )}
    </Space>
  );
}
