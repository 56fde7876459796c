import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { Card, Tabs, Tag } from 'antd';
import { useT } from '../../i18n';
import { useMe } from '../../session';
import { roundsQuery } from '../queries';
import { SELECTION_TABS } from '../tabs';

/** 技术能手评选: one round's console; the tab is in the address (?tab=…). */
export function SelectionRoundPage() {
  const t = useT();
  const me = useMe();
  const { id } = useParams({ strict: false }) as { id: string };
  const { tab } = useSearch({ strict: false }) as { tab?: string };
  const navigate = useNavigate();
  const roundId = Number(id);
  const rounds = useQuery(roundsQuery);
  const round = rounds.data?.find((r) => r.id === roundId);
  const tabs = SELECTION_TABS.filter((x) => x.roles.includes(me.role));
  const active = tabs.some((x) => x.key === tab) ? tab! : tabs[0]?.key;
  return (
    <Card title={round?.name ?? t('selection.title')} extra={round && <Tag color={round.status === 'finished' ? 'green' : 'blue'}>{round.stageName}</Tag>}>
      <Tabs
        activeKey={active}
        onChange={(k) => void navigate({ to: '.', search: { tab: k } as never })}
        items={tabs.map((x) => ({ key: x.key, label: t(x.label), children: x.key === active ? <x.component roundId={roundId} /> : null }))}
      />
    </Card>
  );
}
