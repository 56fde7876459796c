import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Account } from '../../../shared/contracts/accounts';
import type { Role } from '../../../shared/contracts/auth';
import { StaffRole as StaffRoleEnum } from '../../../shared/contracts/competitions';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMe } from '../../session';
import type { Page } from '../../components/referenceData';
import { competitionKeys, schemeQuery, useCompetitionAction } from './common';
import { ConflictsModal } from './ConflictsModal';
import type { AssignmentView, Competition, StaffMember, StaffRole } from './types';

/** Which accounts may hold each competition role (the server's STAFF_ACCOUNT_ROLES). */
const ACCOUNT_ROLE: Record<StaffRole, Role> = { judge: 'judge', chief: 'judge', substitute: 'judge', decoder: 'admin', operator: 'committee' };
const ROLE_COLORS: Record<StaffRole, string> = { judge: 'blue', chief: 'gold', substitute: 'cyan', decoder: 'red', operator: 'default' };
const MARKING_STARTED = ['marking', 'locked', 'decoded'];

/** 裁判: the competition's staff, the marking team of each criterion, and the recusals that follow. */
export function StaffTab({ c }: { c: Competition }) {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  const { run, busy } = useCompetitionAction(c.id);
  const [role, setRole] = useState<StaffRole>('judge');
  const [accountId, setAccountId] = useState<number | undefined>();
  const [conflictsOf, setConflictsOf] = useState<StaffMember | null>(null);
  const started = MARKING_STARTED.includes(c.status);

  const staff = useQuery({ queryKey: competitionKeys.part(c.id, 'staff'), queryFn: () => api.get<StaffMember[]>(`/api/competitions/${c.id}/staff`) });
  const candidates = useQuery({
    queryKey: ['accounts', 'staff-candidates', ACCOUNT_ROLE[role]],
    queryFn: () => api.get<Page<Account>>('/api/accounts', { role: ACCOUNT_ROLE[role], pageSize: 200 }),
    enabled: me.role === 'admin',
    staleTime: 60_000,
  });

  const add = () =>
    accountId &&
    run('add', async () => {
      await api.post(`/api/competitions/${c.id}/staff`, { accountId, role });
      setAccountId(undefined);
    }, t('common.saved'));
  const remove = (m: StaffMember) => run(`remove-${m.accountId}-${m.role}`, () => api.post(`/api/competitions/${c.id}/staff/remove`, { accountId: m.accountId, role: m.role }), t('staff.removed'));

  const taken = new Set((staff.data ?? []).filter((m) => m.role === role).map((m) => m.accountId));
  const options = (candidates.data?.items ?? []).filter((a) => !a.disabled).map((a) => ({
    value: a.id,
    label: `${a.displayName}（${a.username}${a.unitName ? `，${a.unitName}` : ''}）`,
    disabled: taken.has(a.id),
  }));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" title={t('staff.title')}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select<StaffRole> value={role} onChange={(r) => { setRole(r); setAccountId(undefined); }} style={{ width: 130 }} aria-label={t('staff.role')} options={StaffRoleEnum.options.map((r) => ({ value: r, label: labels.staffRole(r) }))} />
          {me.role === 'admin' ? (
            <Select<number>
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('staff.pickAccount')}
              style={{ width: 320 }}
              value={accountId}
              onChange={setAccountId}
              loading={candidates.isFetching}
              options={options}
              aria-label={t('staff.account')}
            />
          ) : (
            <Typography.Text type="secondary">{t('staff.adminOnlyList')}</Typography.Text>
          )}
          <Button type="primary" icon={<PlusOutlined aria-hidden />} disabled={!accountId} loading={busy === 'add'} onClick={() => void add()}>
            {t('staff.add')}
          </Button>
        </Space>
        {started && <Alert type="info" showIcon title={t('staff.fixedAfterStart')} style={{ marginBottom: 12 }} />}
        <div data-testid="staff-table">
          <Table<StaffMember>
            rowKey={(m) => `${m.accountId}-${m.role}`}
            size="small"
            loading={staff.isFetching}
            dataSource={staff.data ?? []}
            pagination={false}
            scroll={{ x: 700 }}
            columns={[
              { title: t('staff.role'), dataIndex: 'role', width: 110, render: (r: StaffRole) => <Tag color={ROLE_COLORS[r]}>{labels.staffRole(r)}</Tag> },
              { title: t('staff.name'), dataIndex: 'displayName' },
              { title: t('accounts.username'), dataIndex: 'username', width: 140 },
              { title: t('people.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? t('common.dash') },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 170,
                render: (_, m) => (
                  <Space size={0}>
                    {m.accountRole === 'judge' && (
                      <Button type="link" size="small" onClick={() => setConflictsOf(m)}>
                        {t('staff.conflicts')}
                      </Button>
                    )}
                    <Popconfirm title={t('staff.removeConfirm', { name: m.displayName })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => remove(m)}>
                      <Button type="link" size="small" danger disabled={started && !['decoder', 'operator'].includes(m.role)} loading={busy === `remove-${m.accountId}-${m.role}`}>
                        {t('staff.remove')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </div>
      </Card>
      <Assignments c={c} staff={staff.data ?? []} />
      <ConflictsModal judge={conflictsOf} onClose={() => setConflictsOf(null)} competitionId={c.id} drawn={!['draft', 'registration', 'closed'].includes(c.status)} />
    </Space>
  );
}

type CriterionRow = { code: string; name: string; aspects: AssignmentView['aspects']; team: number[] | null };

function Assignments({ c, staff }: { c: Competition; staff: StaffMember[] }) {
  const t = useT();
  const labels = useLabels();
  const { run, busy } = useCompetitionAction(c.id);
  const scheme = useQuery(schemeQuery(c.id));
  const view = useQuery({ queryKey: competitionKeys.part(c.id, 'assignments'), queryFn: () => api.get<AssignmentView>(`/api/competitions/${c.id}/assignments`) });
  const [drafts, setDrafts] = useState<Record<string, number[]>>({});
  const started = MARKING_STARTED.includes(c.status);

  const judges = useMemo(() => {
    const m = new Map<number, string>();
    for (const s of staff) if (s.role === 'judge' || s.role === 'chief') m.set(s.accountId, `${s.displayName}${s.role === 'chief' ? `（${labels.staffRole('chief')}）` : ''}${s.unitName ? ` · ${s.unitName}` : ''}`);
    return [...m].map(([value, label]) => ({ value, label }));
  }, [staff, labels]);

  const rows: CriterionRow[] = useMemo(() => {
    const byAspect = new Map((view.data?.aspects ?? []).map((a) => [a.aspectId, a]));
    const out = new Map<string, CriterionRow>();
    for (const a of scheme.data?.aspects ?? []) {
      const row = out.get(a.criterionCode) ?? { code: a.criterionCode, name: a.criterionName, aspects: [], team: null };
      out.set(a.criterionCode, row);
      const v = byAspect.get(a.id);
      if (v) row.aspects.push(v);
    }
    for (const row of out.values()) {
      const teams = row.aspects.map((a) => a.team.map((j) => j.judgeId).join(','));
      row.team = new Set(teams).size === 1 ? (row.aspects[0]?.team.map((j) => j.judgeId) ?? []) : null;
    }
    return [...out.values()];
  }, [scheme.data, view.data]);

  const save = (row: CriterionRow) =>
    run(`assign-${row.code}`, async () => {
      await api.put(`/api/competitions/${c.id}/assignments`, { aspectIds: row.aspects.map((a) => a.aspectId), judgeIds: drafts[row.code] ?? row.team ?? [] });
      setDrafts(({ [row.code]: _, ...rest }) => rest);
    }, t('common.saved'));

  if (!scheme.data && !scheme.isPending) return <Alert type="info" showIcon title={t('assign.noScheme')} />;

  return (
    <>
      <Card size="small" title={t('assign.title')}>
        <Typography.Paragraph type="secondary">{t('assign.help')}</Typography.Paragraph>
        {!!view.data?.shortPanels && <Alert type="warning" showIcon title={t('assign.short', { n: view.data.shortPanels })} style={{ marginBottom: 12 }} />}
        <div data-testid="assignments-table">
          <Table<CriterionRow>
            rowKey="code"
            size="small"
            loading={scheme.isFetching || view.isFetching}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 800 }}
            columns={[
              { title: t('assign.criterion'), key: 'criterion', width: 180, render: (_, r) => `${r.code} ${r.name}` },
              {
                title: t('assign.aspects'),
                key: 'aspects',
                width: 260,
                render: (_, r) => (
                  <Space size={4} wrap>
                    {r.aspects.map((a) => (
                      <Tag key={a.aspectId} color={a.kind === 'judgement' ? 'purple' : undefined}>
                        {a.code} {labels.aspectKind(a.kind)}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('assign.team'),
                key: 'team',
                render: (_, r) => (
                  <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                    <Select<number[]>
                      mode="multiple"
                      style={{ width: '100%', minWidth: 260 }}
                      disabled={started}
                      value={drafts[r.code] ?? r.team ?? []}
                      placeholder={r.team === null ? t('assign.mixed') : t('assign.pickTeam')}
                      onChange={(ids) => setDrafts((d) => ({ ...d, [r.code]: ids }))}
                      options={judges}
                      aria-label={t('assign.teamOf', { code: r.code })}
                    />
                    {r.team === null && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.aspects.map((a) => `${a.code}：${a.team.map((j) => j.name).join('、') || t('assign.nobody')}`).join('；')}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 90,
                render: (_, r) => (
                  <Button size="small" type="primary" disabled={started || !drafts[r.code]} loading={busy === `assign-${r.code}`} onClick={() => void save(r)}>
                    {t('common.save')}
                  </Button>
                ),
              },
            ]}
          />
        </div>
      </Card>
      <Card size="small" title={t('assign.recusals')}>
        <Table
          rowKey="key"
          size="small"
          dataSource={view.data?.recusals ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('assign.noRecusals') }}
          scroll={{ x: 700 }}
          columns={[
            { title: t('assign.judge'), dataIndex: 'judgeName', width: 120 },
            // A conflict reported on a code while marking shows neither the code nor the contestant here (the code is in 评分进度).
            { title: t('assign.contestant'), key: 'contestant', width: 120, render: (_, r) => r.contestant ?? t('assign.reportedWhileMarking') },
            { title: t('people.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? t('common.dash') },
            { title: t('assign.reason'), dataIndex: 'reason' },
          ]}
        />
      </Card>
    </>
  );
}
