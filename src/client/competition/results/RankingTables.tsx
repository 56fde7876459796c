import { Table, Tag } from 'antd';
import type { OrganizationRow, TeamRow } from '../../../shared/contracts/results';
import { useT } from '../../i18n';
import { formatScore } from './format';

/**
 * 团体排名 and 组织奖: shared by the console and the public site, so only names, totals and awards
 * (no personal field). Kept free of the competition rules' modules to stay light on a phone.
 */
export function TeamTable({ rows }: { rows: TeamRow[] }) {
  const t = useT();
  return (
    <div data-testid="team-table">
      <Table<TeamRow>
        rowKey="unitId"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 680 }}
        locale={{ emptyText: t('results.noTeams') }}
        columns={[
          { title: t('results.rank'), dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? t('results.notEligible') },
          { title: t('results.unit'), dataIndex: 'unitName', width: 170, render: (n: string | null, r) => n ?? `#${r.unitId}` },
          { title: t('results.teamSum'), dataIndex: 'sum', width: 90, render: (s: number | null) => formatScore(s) },
          {
            title: t('results.teamCounted'),
            key: 'counted',
            render: (_, r) => r.counted.map((c) => `${c.name ?? c.code ?? `#${c.entryId}`} ${formatScore(c.total)}`).join('，') || t('common.dash'),
          },
          { title: t('results.entrants'), dataIndex: 'entrants', width: 80 },
          { title: t('results.award'), dataIndex: 'award', width: 100, render: (a: string | null) => (a ? <Tag color="gold">{a}</Tag> : t('common.dash')) },
        ]}
      />
    </div>
  );
}

export function OrganizationTable({ rows }: { rows: OrganizationRow[] }) {
  const t = useT();
  return (
    <div data-testid="organization-table">
      <Table<OrganizationRow>
        rowKey="unitId"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('results.noOrganizations') }}
        columns={[
          { title: t('results.rank'), dataIndex: 'rank', width: 64 },
          { title: t('results.unit'), dataIndex: 'unitName', width: 170, render: (n: string | null, r) => n ?? `#${r.unitId}` },
          { title: t('results.entrants'), dataIndex: 'entrants', width: 80 },
          { title: t('results.honoured'), dataIndex: 'honoured', width: 80 },
          { title: t('results.orgScore'), dataIndex: 'score', width: 80, render: (s: number) => formatScore(s) },
          { title: t('results.orgAward'), dataIndex: 'award', width: 90, render: (a: boolean) => (a ? <Tag color="gold">{t('results.orgAwardYes')}</Tag> : t('common.dash')) },
        ]}
      />
    </div>
  );
}
