import { DeleteOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CalendarDay } from '../../../shared/contracts/calendar';
import { api } from '../../api';
import { isOrganizer } from '../../competition/components/roles';
import { applyServerErrors } from '../../components/formErrors';
import { calendarQuery } from '../../competition/results/queries';
import { useT } from '../../i18n';
import { useMe } from '../../session';

type Values = { day: Dayjs; kind: CalendarDay['kind']; name: string };

/**
 * 工作日历: the exceptions to Monday–Friday that public-notice periods are counted on — holidays
 * on weekdays and make-up working days (调休) on weekends.
 */
export function CalendarPage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery(calendarQuery);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const editable = isOrganizer(me);
  const refresh = () => queryClient.invalidateQueries({ queryKey: calendarQuery.queryKey });

  const add = async (v: Values) => {
    setBusy('add');
    setFormError(null);
    try {
      const day = v.day.format('YYYY-MM-DD');
      await api.put(`/api/calendar/${day}`, { kind: v.kind, name: v.name.trim() });
      form.resetFields(['day', 'name']);
      void message.success(t('common.saved'));
      void refresh();
    } catch (e) {
      setFormError(applyServerErrors(form, e));
    } finally {
      setBusy(null);
    }
  };

  const remove = async (day: string) => {
    setBusy(day);
    try {
      await api.delete(`/api/calendar/${day}`);
      void message.success(t('calendar.removed'));
      void refresh();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('nav.calendar')}>
      <Typography.Paragraph type="secondary">{t('calendar.help')}</Typography.Paragraph>
      {editable && (
        <>
          {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
          <Form<Values> form={form} layout="inline" initialValues={{ kind: 'holiday' }} onFinish={(v) => void add(v)} style={{ marginBottom: 16, rowGap: 8 }}>
            <Form.Item name="day" label={t('calendar.day')} rules={[{ required: true, message: t('calendar.dayRequired') }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true }]}>
              <Select style={{ width: 150 }} options={(['holiday', 'workday'] as const).map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }))} />
            </Form.Item>
            <Form.Item name="name" label={t('calendar.name')} rules={[{ required: true, whitespace: true, message: t('calendar.nameRequired') }]}>
              <Input maxLength={50} placeholder={t('calendar.namePlaceholder')} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy === 'add'}>
                {t('calendar.add')}
              </Button>
            </Form.Item>
          </Form>
        </>
      )}
      <div data-testid="calendar-table">
        <Table<CalendarDay>
          rowKey="day"
          size="small"
          loading={list.isFetching}
          dataSource={[...(list.data ?? [])].sort((a, b) => a.day.localeCompare(b.day))}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
          locale={{ emptyText: list.isError ? list.error.message : t('calendar.none') }}
          columns={[
            { title: t('calendar.day'), dataIndex: 'day', width: 120 },
            { title: t('calendar.weekday'), key: 'weekday', width: 80, render: (_, d) => dayjs(d.day).format('dddd') },
            { title: t('calendar.kind'), dataIndex: 'kind', width: 130, render: (k: CalendarDay['kind']) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kind.${k}`)}</Tag> },
            { title: t('calendar.name'), dataIndex: 'name' },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 80,
                    render: (_: unknown, d: CalendarDay) => (
                      <Popconfirm title={t('calendar.removeConfirm', { day: d.day })} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => void remove(d.day)}>
                        <Button type="link" size="small" danger icon={<DeleteOutlined aria-hidden />} loading={busy === d.day} aria-label={t('calendar.remove')}>
                          {t('calendar.remove')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
    </Card>
  );
}
