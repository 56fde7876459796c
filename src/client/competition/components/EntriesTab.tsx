import { CheckOutlined, CloseOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ENTRY_STATUSES, type EntryStatus } from '../../../shared/competition/states';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMe } from '../../session';
import { formatDateTime } from '../../components/dates';
import { DownloadButton } from '../../components/DownloadButton';
import { competitionKeys, EntryStatusTag, useCompetitionAction } from './common';
import { ExcelImport } from './ExcelImport';
import { RegisterModal } from './RegisterModal';
import { isOrganizer } from './roles';
import { StageAlert } from './StageAlert';
import type { Competition, EntryView } from './types';

const ACTIVE: EntryStatus[] = ['submitted', 'approved'];

/**
 * 报名: organizers see every unit's entries and approve or reject them (with a reason); a unit
 * registers its own people while registration is open and sees what became of them. Either may
 * withdraw an entry, with a reason, until marking starts.
 */
export function EntriesTab({ c }: { c: Competition }) {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  const organizer = isOrganizer(me);
  const { run, busy } = useCompetitionAction(c.id);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<EntryStatus | undefined>();
  const [unitId, setUnitId] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [registering, setRegistering] = useState(false);
  const [reasonFor, setReasonFor] = useState<{ kind: 'reject' | 'withdraw'; ids: number[] } | null>(null);
  const [reason, setReason] = useState('');

  const list = useQuery({
    queryKey: competitionKeys.part(c.id, 'entries'),
    queryFn: () => api.get<EntryView[]>(`/api/competitions/${c.id}/entries`),
  });
  const all = useMemo(() => list.data ?? [], [list.data]);
  const units = useMemo(() => [...new Map(all.map((e) => [e.unitId, e.unitName])).entries()].map(([value, label]) => ({ value, label })), [all]);
  const shown = all.filter((e) => (!status || e.status === status) && (!unitId || e.unitId === unitId) && (!q || e.name.includes(q)));

  const canDecide = organizer && ['registration', 'closed'].includes(c.status);
  const canWithdraw = ['registration', 'closed', 'drawn'].includes(c.status);
  const canRegister = organizer ? ['registration', 'closed'].includes(c.status) : c.status === 'registration';
  const used = all.filter((e) => ACTIVE.includes(e.status)).length;
  const quota = me.role === 'unit' && me.unitId != null ? (c.unitQuotas[String(me.unitId)] ?? c.defaultQuota) : null;

  const decide = (decision: 'approved' | 'rejected', ids: number[], why?: string) =>
    run(`decide-${decision}`, async () => {
      await api.post(`/api/competitions/${c.id}/entries/decide`, { entryIds: ids, decision, reason: why });
      setSelected([]);
    }, decision === 'approved' ? t('entries.approved', { n: ids.length }) : t('entries.rejected', { n: ids.length }));

  const confirmReason = async () => {
    if (!reasonFor) return;
    const why = reason.trim();
    if (reasonFor.kind === 'reject') await decide('rejected', reasonFor.ids, why);
    else await run('withdraw', () => api.post(`/api/competitions/${c.id}/entries/${reasonFor.ids[0]}/withdraw`, { reason: why }), t('entries.withdrawn'));
    setReasonFor(null);
    setReason('');
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {organizer && <StageAlert c={c} tab="entries" />}
      {me.role === 'unit' && (
        <Alert
          type={c.status === 'registration' ? 'info' : 'warning'}
          showIcon
          title={c.status === 'registration' ? t('entries.unitOpen', { quota: quota ?? t('comp.noQuota'), used }) : t('entries.unitClosed')}
        />
      )}
      <Space wrap>
        <Input.Search allowClear placeholder={t('entries.searchName')} onSearch={(v) => setQ(v.trim())} style={{ width: 180 }} />
        <Select<EntryStatus> allowClear placeholder={t('entries.allStatuses')} style={{ width: 130 }} value={status} onChange={setStatus} options={ENTRY_STATUSES.map((s) => ({ value: s, label: labels.entryStatus(s) }))} />
        {organizer && <Select<number> allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('people.allUnits')} style={{ width: 220 }} value={unitId} onChange={setUnitId} options={units} />}
        {canRegister && (
          <Button type={organizer ? 'default' : 'primary'} icon={<UserAddOutlined aria-hidden />} onClick={() => setRegistering(true)}>
            {organizer ? t('entries.registerForUnit') : t('entries.register')}
          </Button>
        )}
        {canRegister && (
          <ExcelImport<{ registered: number }>
            path={`/api/competitions/${c.id}/entries/import`}
            templatePath={`/api/competitions/${c.id}/entries/template`}
            templateName="竞赛报名模板.xlsx"
            label={t('entries.importExcel')}
            onImported={(r) => {
              void message.success(t('entries.registered', { n: r.registered }));
              void queryClient.invalidateQueries({ queryKey: competitionKeys.one(c.id) });
              void queryClient.invalidateQueries({ queryKey: competitionKeys.list });
            }}
          />
        )}
        <DownloadButton path={`/api/competitions/${c.id}/entries/export`} fileName="报名名单.xlsx" query={{ status }}>
          {t('common.export')}
        </DownloadButton>
        {canDecide && (
          <>
            <Button type="primary" icon={<CheckOutlined aria-hidden />} disabled={selected.length === 0} loading={busy === 'decide-approved'} onClick={() => void decide('approved', selected)}>
              {t('entries.approve')} {selected.length ? `(${selected.length})` : ''}
            </Button>
            <Button danger icon={<CloseOutlined aria-hidden />} disabled={selected.length === 0} onClick={() => setReasonFor({ kind: 'reject', ids: selected })}>
              {t('entries.reject')}
            </Button>
          </>
        )}
      </Space>
      <div data-testid="entries-table">
        <Table<EntryView>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={shown}
          scroll={{ x: 1000 }}
          locale={{ emptyText: list.isError ? list.error.message : t('entries.none') }}
          pagination={{ pageSize: 20, showSizeChanger: true, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
          rowSelection={
            canDecide
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as number[]),
                  getCheckboxProps: (e) => ({ disabled: e.status !== 'submitted' }),
                  preserveSelectedRowKeys: true,
                }
              : undefined
          }
          columns={[
            { title: t('people.name'), dataIndex: 'name', width: 100 },
            { title: t('people.idNumber'), dataIndex: 'idNumberMasked', width: 180 },
            ...(organizer ? [{ title: t('people.unit'), dataIndex: 'unitName' }] : []),
            { title: t('entries.status'), dataIndex: 'status', width: 90, render: (s: EntryStatus) => <EntryStatusTag status={s} /> },
            { title: t('entries.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? t('common.dash') },
            { title: t('entries.examNumber'), dataIndex: 'examNumber', width: 120, render: (v: string | null) => v ?? t('common.dash') },
            { title: t('entries.registeredAt'), dataIndex: 'registeredAt', width: 170, render: (v: string) => formatDateTime(v) },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 140,
              render: (_, e) => (
                <Space size={0}>
                  {canDecide && e.status === 'submitted' && (
                    <Button type="link" size="small" onClick={() => void decide('approved', [e.id])}>
                      {t('entries.approve')}
                    </Button>
                  )}
                  {canWithdraw && ACTIVE.includes(e.status) && (
                    <Button type="link" size="small" danger onClick={() => setReasonFor({ kind: 'withdraw', ids: [e.id] })}>
                      {t('entries.withdraw')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </div>
      <Modal
        open={!!reasonFor}
        title={reasonFor?.kind === 'reject' ? t('entries.rejectTitle', { n: reasonFor.ids.length }) : t('entries.withdrawTitle')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !reason.trim(), danger: true, loading: busy === 'withdraw' || busy === 'decide-rejected' }}
        onOk={() => void confirmReason()}
        onCancel={() => {
          setReasonFor(null);
          setReason('');
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('entries.reasonHelp')}</Typography.Paragraph>
        <Input.TextArea autoFocus rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('entries.reason')} />
      </Modal>
      <RegisterModal open={registering} c={c} entered={new Set(all.filter((e) => ACTIVE.includes(e.status)).map((e) => e.personId))} onClose={() => setRegistering(false)} />
    </Space>
  );
}
