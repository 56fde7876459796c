import { NumberOutlined, UserAddOutlined, KeyOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Grid, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { EnrolmentView } from '../../../../shared/training/enrolment';
import { api } from '../../../api';
import { OneTimePasswords, type OneTimePassword } from '../../../components/OneTimePasswords';
import { QueryResult } from '../../../components/QueryResult';
import { ExcelImport } from '../../../competition/components/ExcelImport';
import { useT } from '../../../i18n';
import { useLabels } from '../../../i18n/labels';
import { useMe } from '../../../session';
import { classesQuery } from '../../queries';
import type { ClassTabProps } from '../../tabs';
import { AddTraineeModal } from './AddTraineeModal';
import { EnrolmentStatusTag, enrolmentsQuery, isTrainingStaff, ReasonModal, useSourceName } from './common';

/**
 * 学员: the class's trainees. The staff enrol (on screen or from Excel), withdraw, number and
 * issue accounts; the college accepts or refuses nominations, numbers and issues accounts; an
 * employer reads its own rows. ID numbers and phones come masked.
 */
export function EnrolmentTab({ classId }: ClassTabProps) {
  const t = useT();
  const me = useMe();
  const labels = useLabels();
  const sourceName = useSourceName();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const rows = useQuery(enrolmentsQuery(classId));
  const wide = Grid.useBreakpoint().md ?? true;
  const cls = useQuery(classesQuery()).data?.find((c) => c.id === classId);
  const staff = isTrainingStaff(me);
  const college = me.role === 'unit' && me.unitId != null && me.unitId === cls?.collegeUnitId;
  const admits = staff || college;
  const [adding, setAdding] = useState(false);
  const [rejecting, setRejecting] = useState<EnrolmentView | null>(null);
  const [withdrawing, setWithdrawing] = useState<EnrolmentView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [passwords, setPasswords] = useState<OneTimePassword[] | null>(null);
  const enrolledIds = useMemo(() => new Set((rows.data ?? []).filter((r) => r.status === 'enrolled' || r.status === 'nominated').map((r) => r.personId)), [rows.data]);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: enrolmentsQuery(classId).queryKey });
    void queryClient.invalidateQueries({ queryKey: ['training', 'classes'] });
    void queryClient.invalidateQueries({ queryKey: ['training', 'class', classId] });
  };
  const act = async (key: string, run: () => Promise<string>) => {
    setBusy(key);
    try {
      void message.success(await run());
      refresh();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  const accept = (r: EnrolmentView) => act(`accept-${r.id}`, async () => {
    await api.post(`/api/training/enrolments/${r.id}/decision`, { decision: 'accept', version: r.version });
    return t('training.enrolment.accepted', { name: r.name });
  });
  const examNumbers = () => act('exam', async () => t('training.enrolment.examNumbersDone', { n: (await api.post<{ assigned: number }>(`/api/training/classes/${classId}/exam-numbers`)).assigned }));
  const accounts = () => act('accounts', async () => {
    const r = await api.post<{ created: (OneTimePassword & { name: string })[]; kept: number }>(`/api/training/classes/${classId}/accounts`);
    if (r.created.length) setPasswords(r.created.map((c) => ({ username: `${c.username}（${c.name}）`, oneTimePassword: c.oneTimePassword })));
    return t('training.enrolment.accountsDone', { n: r.created.length, kept: r.kept });
  });

  const data = rows.data ?? [];
  const count = (s: EnrolmentView['status']) => data.filter((r) => r.status === s).length;
  const newTech = cls?.targetGroup === 'new-technicians';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {cls && (
        <Typography.Text type="secondary" data-testid="enrolment-count">
          {t('training.enrolment.count', { enrolled: count('enrolled'), nominated: count('nominated'), quota: cls.quota })}
        </Typography.Text>
      )}
      {admits && (
        <Space wrap>
          {staff && (
            <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setAdding(true)}>{t('training.enrolment.add')}</Button>
          )}
          {staff && (
            <ExcelImport<{ enrolled: number; created: number }>
              path={`/api/training/classes/${classId}/enrolments/import`}
              templatePath={`/api/training/classes/${classId}/enrolments/template`}
              templateName="培训班学员模板.xlsx"
              label={t('training.enrolment.importExcel')}
              onImported={(r) => {
                void message.success(t('training.enrolment.imported', r));
                refresh();
              }}
            />
          )}
          {newTech && <Button icon={<NumberOutlined aria-hidden />} loading={busy === 'exam'} onClick={() => void examNumbers()}>{t('training.enrolment.examNumbers')}</Button>}
          <Button icon={<KeyOutlined aria-hidden />} loading={busy === 'accounts'} onClick={() => void accounts()}>{t('training.enrolment.accounts')}</Button>
        </Space>
      )}
      <QueryResult query={rows}>
        {(list) => (
          <Table<EnrolmentView> size="small" rowKey="id" dataSource={list} data-testid="enrolment-table" scroll={{ x: wide ? 1100 : 700 }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: t('training.enrolment.empty') }}
            columns={[
              { title: t('training.enrolment.name'), dataIndex: 'name', fixed: wide ? 'left' : undefined, width: 110 },
              { title: t('training.enrolment.status'), dataIndex: 'status', width: 150, render: (s: EnrolmentView['status']) => <EnrolmentStatusTag status={s} /> },
              { title: t('training.enrolment.unit'), dataIndex: 'unitName', width: 180 },
              { title: t('training.enrolment.idNumber'), dataIndex: 'idNumberMasked', width: 170 },
              { title: t('training.enrolment.phone'), dataIndex: 'phoneMasked', width: 120, responsive: ['md'] },
              { title: t('training.enrolment.level'), dataIndex: 'level', width: 80, render: (l: number | null) => labels.level(l) },
              ...(newTech ? [
                { title: t('training.enrolment.confirmedLevel'), dataIndex: 'confirmedLevel', width: 90, render: (l: number | null) => labels.level(l) },
                { title: t('training.enrolment.examNumber'), dataIndex: 'examNumber', width: 150 },
              ] : []),
              { title: t('training.enrolment.source'), dataIndex: 'source', width: 110, responsive: ['md'], render: (s: EnrolmentView['source']) => sourceName(s) },
              { title: t('training.enrolment.reason'), dataIndex: 'reason', width: 160 },
              { title: t('training.enrolment.account'), dataIndex: 'hasAccount', width: 80, responsive: ['md'], render: (a: boolean) => (a ? t('training.enrolment.hasAccount') : t('training.enrolment.noAccount')) },
              ...(admits ? [{
                title: t('training.enrolment.actions'), key: 'actions', fixed: wide ? ('right' as const) : undefined, width: 170,
                render: (_: unknown, r: EnrolmentView) => (
                  <Space size={4} wrap>
                    {r.status === 'nominated' && (
                      <>
                        <Button size="small" type="primary" loading={busy === `accept-${r.id}`} onClick={() => void accept(r)}>{t('training.enrolment.accept')}</Button>
                        <Button size="small" danger onClick={() => setRejecting(r)}>{t('training.enrolment.reject')}</Button>
                      </>
                    )}
                    {staff && (r.status === 'enrolled' || r.status === 'nominated') && (
                      <Button size="small" onClick={() => setWithdrawing(r)}>{t('training.enrolment.withdraw')}</Button>
                    )}
                  </Space>
                ),
              }] : []),
            ]} />
        )}
      </QueryResult>
      <AddTraineeModal classId={classId} open={adding} enrolled={enrolledIds} onClose={() => setAdding(false)} onDone={() => { setAdding(false); refresh(); }} />
      <ReasonModal
        open={!!rejecting} title={t('training.enrolment.rejectTitle', { name: rejecting?.name ?? '' })} label={t('training.enrolment.rejectReason')}
        onCancel={() => setRejecting(null)}
        onSubmit={async (reason) => {
          const r = rejecting!;
          await api.post(`/api/training/enrolments/${r.id}/decision`, { decision: 'reject', reason, version: r.version });
          void message.success(t('training.enrolment.rejected', { name: r.name }));
          setRejecting(null);
          refresh();
        }} />
      <ReasonModal
        open={!!withdrawing} title={t('training.enrolment.withdrawTitle', { name: withdrawing?.name ?? '' })} label={t('training.enrolment.withdrawReason')}
        onCancel={() => setWithdrawing(null)}
        onSubmit={async (reason) => {
          const r = withdrawing!;
          await api.post(`/api/training/enrolments/${r.id}/withdraw`, { reason, version: r.version });
          void message.success(t('training.enrolment.withdrawn'));
          setWithdrawing(null);
          refresh();
        }} />
      <OneTimePasswords entries={passwords} onClose={() => setPasswords(null)} />
    </Space>
  );
}
