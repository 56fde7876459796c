import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { App, Button, Empty, Flex, Grid, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TrainingClass, TrainingSession } from '../../../shared/contracts/training';
import { api } from '../../api';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { useMe } from '../../session';
import { isTrainingStaff } from '../access';
import { initialMonth, SessionCalendar } from '../components/SessionCalendar';
import { SessionFormModal } from '../components/SessionFormModal';
import { classQuery, sessionsQuery } from '../queries';
import type { ClassTabProps } from '../tabs';

/** 课表: the class's sessions on a month calendar and in a table; staff and the college schedule them. */
export function SessionsTab({ classId }: ClassTabProps) {
  const cls = useQuery(classQuery(classId));
  return <QueryResult query={cls}>{(c) => <Sessions cls={c} />}</QueryResult>;
}

function Sessions({ cls }: { cls: TrainingClass }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const sessions = useQuery(sessionsQuery(cls.id));
  const [month, setMonth] = useState(() => initialMonth(cls.planActual.plannedStartOn, cls.planActual.plannedEndOn));
  const [editing, setEditing] = useState<{ session: TrainingSession | null; day?: string } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const phone = !Grid.useBreakpoint().md;
  const open = cls.status === 'planned' || cls.status === 'enrolling' || cls.status === 'running';
  const schedules = open && (isTrainingStaff(me) || (me.role === 'unit' && me.unitId != null && me.unitId === cls.collegeUnitId));
  const teaches = isTrainingStaff(me) || (me.role === 'unit' && me.unitId === cls.collegeUnitId) || cls.teachers.some((x) => x.accountId === me.id);
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: sessionsQuery(cls.id).queryKey }),
    queryClient.invalidateQueries({ queryKey: classQuery(cls.id).queryKey }),
    queryClient.invalidateQueries({ queryKey: ['training', 'calendar'] }),
  ]);

  const setCancelled = async (s: TrainingSession, cancelled: boolean) => {
    setBusy(s.id);
    try {
      await api.post(`/api/training/sessions/${s.id}/cancel`, { version: s.version, cancelled });
      void message.success(t('common.saved'));
      await refresh();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const statusTags = (s: TrainingSession) => (
    <Space size={4}>
      {s.status === 'cancelled' ? <Tag color="red">{t('training.session.cancelledTag')}</Tag> : <Tag>{t('training.session.scheduled')}</Tag>}
      {s.checkinOpen && <Tag color="green">{t('training.session.checkinOpen')}</Tag>}
    </Space>
  );
  const actions = (s: TrainingSession) => (
    <Space size={4} wrap>
      {teaches && s.status === 'scheduled' && (
        <Link to={'/admin/training/sessions/$id/teach' as never} params={{ id: String(s.id) } as never}>{t('training.session.teach')}</Link>
      )}
      {schedules && <Button size="small" type="link" onClick={() => setEditing({ session: s })}>{t('common.edit')}</Button>}
      {schedules && s.status === 'scheduled' && (
        <Popconfirm title={t('training.session.cancelConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => setCancelled(s, true)}>
          <Button size="small" type="link" danger loading={busy === s.id}>{t('training.session.cancel')}</Button>
        </Popconfirm>
      )}
      {schedules && s.status === 'cancelled' && (
        <Button size="small" type="link" loading={busy === s.id} onClick={() => void setCancelled(s, false)}>{t('training.session.restore')}</Button>
      )}
    </Space>
  );

  return (
    <QueryResult query={sessions}>
      {(list) => (
        <Flex vertical gap={16}>
          {schedules && (
            <Flex justify="end">
              <Button type="primary" onClick={() => setEditing({ session: null })}>{t('training.session.add')}</Button>
            </Flex>
          )}
          <SessionCalendar
            month={month}
            onMonth={setMonth}
            onSelectDay={schedules ? (day) => setEditing({ session: null, day }) : undefined}
            items={list.map((s) => ({ id: s.id, day: s.day, startsAt: s.startsAt, topic: s.topic, cancelled: s.status === 'cancelled' }))}
          />
          {list.length === 0 ? <Empty description={t('training.session.none')} /> : phone ? (
            // On a phone, one card-like row per session instead of a wide table.
            <List size="small" dataSource={list} data-testid="sessions-list" renderItem={(s) => (
              <List.Item>
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Flex justify="space-between" gap={8}><Typography.Text strong>{s.day} {s.startsAt}–{s.endsAt}</Typography.Text>{statusTags(s)}</Flex>
                  <div>{s.topic}</div>
                  {(s.room || s.teacherName) && <Typography.Text type="secondary">{[s.room, s.teacherName].filter(Boolean).join(' · ')}</Typography.Text>}
                  {actions(s)}
                </Flex>
              </List.Item>
            )} />
          ) : (
            <Table<TrainingSession>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={list}
              data-testid="sessions-table"
              columns={[
                { title: t('training.session.day'), dataIndex: 'day' },
                { title: t('training.session.time'), key: 'time', render: (_, s) => `${s.startsAt}–${s.endsAt}` },
                { title: t('training.session.topic'), dataIndex: 'topic' },
                { title: t('training.session.room'), dataIndex: 'room' },
                { title: t('training.session.teacher'), dataIndex: 'teacherName' },
                { title: t('training.session.status'), key: 'status', render: (_, s) => statusTags(s) },
                { title: t('common.actions'), key: 'actions', render: (_, s) => actions(s) },
              ]}
            />
          )}
          <SessionFormModal
            open={!!editing}
            cls={cls}
            session={editing?.session ?? null}
            day={editing?.day}
            onClose={() => setEditing(null)}
            onSaved={(s) => {
              setEditing(null);
              setMonth(s.day.slice(0, 7));
              void message.success(t('common.saved'));
              void refresh();
            }}
          />
        </Flex>
      )}
    </QueryResult>
  );
}
