import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { App, Button, Card, Popconfirm, Space, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { COMPETITION, isDecoded, marksLocked, type CompetitionStatus } from '../../../shared/competition/states';
import { api } from '../../api';
import { competitionKeys, CompetitionStatusTag, competitionQuery, useCompetitionAction } from '../components/common';
import { DecodeTab } from '../components/DecodeTab';
import { DrawTab } from '../components/DrawTab';
import { EntriesTab } from '../components/EntriesTab';
import { ProgressTab } from '../components/ProgressTab';
import { isOrganizer } from '../components/roles';
import { SchemeTab } from '../components/SchemeTab';
import { SetupForm } from '../components/SetupForm';
import { SetupView } from '../components/SetupView';
import { StaffTab } from '../components/StaffTab';
import type { Competition } from '../components/types';
import { formatRange } from '../../components/dates';
import { QueryResult } from '../../components/QueryResult';
import { AppealsTab } from '../results/AppealsTab';
import { CertificatesTab } from '../results/CertificatesTab';
import { NoticeTab } from '../results/NoticeTab';
import { ResultsTab } from '../results/ResultsTab';
import { useT, type MessageKey } from '../../i18n';
import { useMe } from '../../session';

const route = getRouteApi('/admin/competitions/$id');

export const COMPETITION_TABS = ['setup', 'scheme', 'entries', 'staff', 'draw', 'progress', 'decode', 'results', 'appeals', 'notice', 'certificates'] as const;
export type CompetitionTab = (typeof COMPETITION_TABS)[number];

/** The registration moves an organizer makes by hand; the draw, marking and sign-off move the rest. */
const REGISTRATION_MOVES: { from: CompetitionStatus; to: 'draft' | 'registration' | 'closed'; label: MessageKey; confirm: MessageKey; primary?: boolean }[] = [
  { from: 'draft', to: 'registration', label: 'comp.openRegistration', confirm: 'comp.openRegistrationConfirm', primary: true },
  { from: 'registration', to: 'closed', label: 'comp.closeRegistration', confirm: 'comp.closeRegistrationConfirm', primary: true },
  { from: 'registration', to: 'draft', label: 'comp.backToDraft', confirm: 'comp.backToDraftConfirm' },
  { from: 'closed', to: 'registration', label: 'comp.reopenRegistration', confirm: 'comp.reopenRegistrationConfirm' },
];

/** A competition's console: set-up, scheme, registration, judges, the draw, marking, decoding, results, appeals, notice, certificates. */
export function CompetitionPage() {
  const { id } = route.useParams();
  const query = useQuery(competitionQuery(Number(id)));
  return <QueryResult query={query}>{(c) => <CompetitionView c={c} />}</QueryResult>;
}

function CompetitionView({ c }: { c: Competition }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = route.useNavigate();
  const { tab } = route.useSearch();
  const organizer = isOrganizer(me);
  const { run, busy } = useCompetitionAction(c.id);

  const move = (to: 'draft' | 'registration' | 'closed') =>
    run(`move-${to}`, () => api.post<Competition>(`/api/competitions/${c.id}/registration`, { to, version: c.version }), t('comp.statusChanged'));

  const tabs: { key: CompetitionTab; label: string; children: ReactNode }[] = organizer
    ? [
        {
          key: 'setup',
          label: t('comp.tab.setup'),
          children: (
            <SetupForm
              key={c.id}
              competition={c}
              onSaved={(saved) => {
                // The next save states the new version.
                queryClient.setQueryData(competitionQuery(c.id).queryKey, saved);
                void queryClient.invalidateQueries({ queryKey: competitionKeys.list });
                void message.success(t('common.saved'));
              }}
            />
          ),
        },
        { key: 'scheme', label: t('comp.tab.scheme'), children: <SchemeTab c={c} /> },
        { key: 'entries', label: t('comp.tab.entries'), children: <EntriesTab c={c} /> },
        { key: 'staff', label: t('comp.tab.staff'), children: <StaffTab c={c} /> },
        { key: 'draw', label: t('comp.tab.draw'), children: <DrawTab c={c} /> },
        { key: 'progress', label: t('comp.tab.progress'), children: <ProgressTab c={c} /> },
        ...(me.role === 'admin' ? [{ key: 'decode' as const, label: t('comp.tab.decode'), children: <DecodeTab c={c} /> }] : []),
        // Results and what follows them appear as the competition reaches them.
        ...(marksLocked(c.status) ? [{ key: 'results' as const, label: t('comp.tab.results'), children: <ResultsTab c={c} /> }] : []),
        ...(marksLocked(c.status) ? [{ key: 'appeals' as const, label: t('comp.tab.appeals'), children: <AppealsTab c={c} /> }] : []),
        ...(isDecoded(c.status) ? [{ key: 'notice' as const, label: t('comp.tab.notice'), children: <NoticeTab c={c} /> }] : []),
        ...(c.status === 'final' ? [{ key: 'certificates' as const, label: t('comp.tab.certificates'), children: <CertificatesTab c={c} /> }] : []),
      ]
    : [
        { key: 'setup', label: t('comp.tab.setup'), children: <SetupView c={c} /> },
        ...(me.role === 'unit' ? [{ key: 'entries' as const, label: t('comp.tab.registration'), children: <EntriesTab c={c} /> }] : []),
        // A unit sees its own entrants' results once decoded, appeals for them, and their certificates.
        ...(me.role === 'unit' && isDecoded(c.status) ? [{ key: 'results' as const, label: t('comp.tab.results'), children: <ResultsTab c={c} /> }] : []),
        ...(me.role === 'unit' && marksLocked(c.status) ? [{ key: 'appeals' as const, label: t('comp.tab.appeals'), children: <AppealsTab c={c} /> }] : []),
        // 活动督导部 handles objections with the organizers.
        ...(me.role === 'committee' && me.committeeBody === 'supervision' && isDecoded(c.status) ? [{ key: 'notice' as const, label: t('comp.tab.notice'), children: <NoticeTab c={c} /> }] : []),
        ...(me.role === 'unit' && c.status === 'final' ? [{ key: 'certificates' as const, label: t('comp.tab.certificates'), children: <CertificatesTab c={c} /> }] : []),
      ];
  const active = tabs.some((x) => x.key === tab) ? tab! : tabs[0]!.key;

  return (
    <Card
      title={
        <Space wrap size={8}>
          <Link to="/admin/competitions" aria-label={t('comp.backToList')}>
            <ArrowLeftOutlined aria-hidden />
          </Link>
          <span>{c.name}</span>
          <CompetitionStatusTag status={c.status} />
        </Space>
      }
      extra={
        organizer && (
          <Space wrap>
            {REGISTRATION_MOVES.filter((m) => m.from === c.status && COMPETITION.can(c.status, m.to)).map((m) => (
              <Popconfirm key={m.to} title={t(m.confirm)} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => move(m.to)}>
                <Button type={m.primary ? 'primary' : 'default'} loading={busy === `move-${m.to}`}>
                  {t(m.label)}
                </Button>
              </Popconfirm>
            ))}
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {c.tradeName} · {formatRange(c.startsOn, c.endsOn)} · {c.venue}
      </Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate({ search: { tab: key as CompetitionTab }, replace: true })}
        items={tabs}
        destroyOnHidden
      />
    </Card>
  );
}
