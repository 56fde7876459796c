import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Flex, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CalendarSession, Programme } from '../../../shared/contracts/training';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { calendarQuery } from '../queries';
import { initialMonth, SessionCalendar } from './SessionCalendar';

/** 课程日历: a month of sessions across the classes (of one programme or all), with their classes. */
export function ProgrammeCalendar({ programmes }: { programmes: Programme[] }) {
  const t = useT();
  const [programmeId, setProgrammeId] = useState<number | undefined>(undefined);
  const [month, setMonth] = useState(() => {
    const pas = programmes.map((p) => p.planActual).filter((pa) => pa.plannedStartOn);
    const start = pas.map((pa) => pa.plannedStartOn!).sort()[0];
    const end = pas.map((pa) => pa.plannedEndOn ?? pa.plannedStartOn!).sort().at(-1);
    return initialMonth(start, end);
  });
  const from = `${month}-01`;
  const to = dayjs(from).endOf('month').format('YYYY-MM-DD');
  const sessions = useQuery(calendarQuery(from, to, programmeId));
  return (
    <Flex vertical gap={12}>
      <Select<number | undefined> allowClear placeholder={t('training.title')} style={{ maxWidth: 360 }} value={programmeId} onChange={setProgrammeId}
        options={programmes.map((p) => ({ value: p.id, label: p.name }))} />
      <SessionCalendar month={month} onMonth={setMonth}
        items={(sessions.data ?? []).map((s) => ({ id: s.id, day: s.day, startsAt: s.startsAt, topic: s.topic, cancelled: s.status === 'cancelled', detail: s.className }))} />
      <QueryResult query={sessions}>
        {(list) => (
          <Table<CalendarSession> rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} dataSource={list} columns={[
            { title: t('training.session.day'), dataIndex: 'day' },
            { title: t('training.session.time'), key: 'time', render: (_, s) => `${s.startsAt}–${s.endsAt}` },
            { title: t('training.session.class'), key: 'class', render: (_, s) => <Link to="/admin/training/classes/$id" params={{ id: String(s.classId) }} search={{ tab: 'sessions' }}>{s.className}</Link> },
            { title: t('training.session.topic'), dataIndex: 'topic' },
            { title: t('training.session.room'), dataIndex: 'room' },
            { title: t('training.session.teacher'), dataIndex: 'teacherName' },
            { title: t('training.session.status'), key: 'status', render: (_, s) => (s.status === 'cancelled' ? <Tag color="red">{t('training.session.cancelledTag')}</Tag> : <Tag>{t('training.session.scheduled')}</Tag>) },
          ]} />
        )}
      </QueryResult>
    </Flex>
  );
}
