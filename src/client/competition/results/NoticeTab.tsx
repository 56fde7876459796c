import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Descriptions, Flex, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { beijingDate, workCalendar, workingDaysBetween } from '../../../shared/calendar/working-days';
import type { Notice, NoticeStatus } from '../../../shared/contracts/notices';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useMe } from '../../session';
import { useCompetitionAction } from '../components/common';
import { isOrganizer } from '../components/roles';
import type { Competition } from '../components/types';
import { formatDateTime, formatRange } from '../../components/dates';
import { NoticeList } from '../../components/public/NoticeList';
import { QueryResult } from '../../components/QueryResult';
import { formatBeijingEnd } from './format';
import { ObjectionsTable } from './ObjectionsTable';
import { calendarQuery, noticesQuery } from './queries';

export const NOTICE_COLORS: Record<NoticeStatus, string> = { open: 'gold', suspended: 'red', final: 'success', withdrawn: 'default' };

/**
 * 公示: publish the decoded results for a number of working days, follow the period, handle the
 * objections (confidential), withdraw, or restart after an upheld objection suspended it.
 */
export function NoticeTab({ c }: { c: Competition }) {
  const query = useQuery(noticesQuery(c.id));
  return <QueryResult query={query}>{(notices) => <NoticeView c={c} notices={notices} />}</QueryResult>;
}

function NoticeView({ c, notices }: { c: Competition; notices: Notice[] }) {
  const t = useT();
  const me = useMe();
  const organizer = isOrganizer(me);
  const current = notices[0];
  const canPublish = organizer && c.status === 'decoded' && (!current || current.status === 'withdrawn');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!current && c.status !== 'decoded' && <Alert type="info" showIcon title={t('notice.notDecoded')} />}
      {canPublish && <PublishForm c={c} />}
      {current && <CurrentNotice c={c} n={current} organizer={organizer} />}
      {notices.length > 1 && (
        <Collapse
          items={[
            {
              key: 'rounds',
              label: t('notice.earlierRounds', { n: notices.length - 1 }),
              children: (
                <Table<Notice>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={notices.slice(1)}
                  columns={[
                    { title: t('notice.round'), dataIndex: 'round', width: 70, render: (r: number) => t('notice.roundN', { n: r }) },
                    { title: t('notice.period'), key: 'period', render: (_, n) => formatRange(n.startsOn, n.endsOn) },
                    { title: t('notice.statusLabel'), dataIndex: 'status', width: 90, render: (s: NoticeStatus) => <Tag color={NOTICE_COLORS[s]}>{t(`notice.status.${s}`)}</Tag> },
                    { title: t('notice.closedReason'), dataIndex: 'closedReason', render: (v: string | null) => v ?? t('common.dash') },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}

function PublishForm({ c }: { c: Competition }) {
  const t = useT();
  const { run, busy } = useCompetitionAction(c.id);
  const [workingDays, setWorkingDays] = useState<number | null>(5);
  const [title, setTitle] = useState('');
  const publish = () => run('publish', () => api.post<Notice>(`/api/competitions/${c.id}/notice`, { workingDays: workingDays ?? 5, title: title.trim() || undefined }), t('notice.published'));
  return (
    <Card size="small" title={t('notice.publishTitle')}>
      <Typography.Paragraph type="secondary">{t('notice.publishHelp')}</Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 480 }}>
        <Form.Item label={t('notice.workingDays')}>
          <InputNumber min={1} max={30} value={workingDays} onChange={setWorkingDays} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={t('notice.titleLabel')} extra={t('notice.titleHelp')}>
          <Input maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </Form.Item>
        <Popconfirm title={t('notice.publishConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => publish()}>
          <Button type="primary" loading={busy === 'publish'}>
            {t('notice.publish')}
          </Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}

function CurrentNotice({ c, n, organizer }: { c: Competition; n: Notice; organizer: boolean }) {
  const t = useT();
  const { run, busy } = useCompetitionAction(c.id);
  const calendar = useQuery({ ...calendarQuery, enabled: n.status === 'open' });
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const [restartDays, setRestartDays] = useState<number | null>(n.workingDays);
  // Working days left, today included, on the same calendar rule the server counts the period with.
  const left = calendar.data ? workingDaysBetween(beijingDate(new Date()), n.endsOn, workCalendar(calendar.data)) : null;

  const withdraw = async () => {
    const ok = await run(
      'withdraw',
      async () => {
        await api.post(`/api/notices/${n.id}/withdraw`, { reason: reason.trim(), version: n.version });
        return true;
      },
      t('notice.withdrawn'),
    );
    if (ok) setWithdrawing(false);
  };
  const restart = () => run('restart', () => api.post(`/api/notices/${n.id}/restart`, { version: n.version, workingDays: restartDays ?? undefined }), t('notice.restarted'));

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{n.title}</span>
          <Tag color={NOTICE_COLORS[n.status]}>{t(`notice.status.${n.status}`)}</Tag>
          {n.round > 1 && <Tag>{t('notice.roundN', { n: n.round })}</Tag>}
        </Space>
      }
      extra={
        <a href={`/results/${n.id}`} target="_blank" rel="noreferrer">
          {t('notice.openPublic')}
        </a>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'period', label: t('notice.period'), children: `${formatRange(n.startsOn, n.endsOn)}（${t('notice.workingDaysN', { n: n.workingDays })}）` },
          { key: 'ends', label: t('notice.endsAt'), children: formatBeijingEnd(n.endsAt) },
          ...(n.status === 'open' && left != null ? [{ key: 'left', label: t('notice.left'), children: <strong data-testid="notice-left">{t('notice.workingDaysN', { n: left })}</strong> }] : []),
          { key: 'objections', label: t('notice.objections'), children: t('notice.objectionCounts', { open: n.objections.open, total: n.objections.total }) },
          { key: 'published', label: t('notice.publishedAt'), children: formatDateTime(n.publishedAt) },
          ...(n.closedAt ? [{ key: 'closed', label: t('notice.closedAt'), children: `${formatDateTime(n.closedAt)}${n.closedReason ? `（${n.closedReason}）` : ''}` }] : []),
        ]}
      />
      {organizer && (
        <Flex gap={8} wrap style={{ marginBlock: 12 }}>
          {n.status === 'open' && (
            <Button danger onClick={() => setWithdrawing(true)}>
              {t('notice.withdraw')}
            </Button>
          )}
          {n.status === 'suspended' && (
            <Space wrap>
              <InputNumber aria-label={t('notice.workingDays')} min={1} max={30} value={restartDays} onChange={setRestartDays} suffix={t('notice.workingDaysUnit')} />
              <Popconfirm title={t('notice.restartConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => restart()}>
                <Button type="primary" loading={busy === 'restart'}>
                  {t('notice.restart')}
                </Button>
              </Popconfirm>
            </Space>
          )}
        </Flex>
      )}
      <Typography.Title level={5}>{t('notice.objectionsTitle')}</Typography.Title>
      <ObjectionsTable c={c} n={n} />
      <Collapse style={{ marginTop: 12 }} items={[{ key: 'list', label: t('notice.listPreview', { n: n.rows.length }), children: <NoticeList columns={n.columns} rows={n.rows} final={n.status === 'final'} /> }]} />
      <Modal
        open={withdrawing}
        title={t('notice.withdraw')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 4, loading: busy === 'withdraw' }}
        onOk={() => void withdraw()}
        onCancel={() => setWithdrawing(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('notice.withdrawHelp')}</Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('notice.withdrawReason')} placeholder={t('notice.withdrawReason')} />
      </Modal>
    </Card>
  );
}
