import { useQuery } from '@tanstack/react-query';
import { Card, Collapse, Empty, Flex, Tag, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import type { PublicClass } from '../../../shared/contracts/training';
import { formatRange } from '../../components/dates';
import { PublicPage } from '../../components/public/PublicHeader';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { ClassStatusTag } from '../components/ClassStatusTag';
import { useTrainingNames } from '../names';
import { publicClassesQuery } from '../queries';

/** 培训开班课表: the public site's classes (enrolling, running, finished) and their sessions; a phone's page. */
export function PublicSchedulePage() {
  const t = useT();
  const list = useQuery(publicClassesQuery);
  useEffect(() => {
    const before = document.title;
    document.title = `${t('training.public.title')} · ${t('app.title')}`;
    return () => { document.title = before; };
  }, [t]);
  return (
    <PublicPage>
      <Typography.Title level={2} style={{ marginTop: 24 }}>{t('training.public.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('training.public.help')}</Typography.Paragraph>
      <QueryResult query={list}>
        {(classes) => classes.length === 0 ? <Empty description={t('training.public.none')} /> : (
          <Flex vertical gap={12} data-testid="public-classes">
            {classes.map((c) => <PublicClassCard key={c.id} c={c} />)}
          </Flex>
        )}
      </QueryResult>
    </PublicPage>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return <div><Typography.Text type="secondary">{label}：</Typography.Text>{children}</div>;
}

function PublicClassCard({ c }: { c: PublicClass }) {
  const t = useT();
  const names = useTrainingNames();
  return (
    <Card size="small" data-testid={`public-class-${c.id}`}
      title={<Flex justify="space-between" align="start" gap={8}><span style={{ whiteSpace: 'normal' }}>{c.name}</span><ClassStatusTag status={c.status} /></Flex>}>
      <Flex vertical gap={4}>
        <Row label={t('training.public.programme')}>{c.programmeName}</Row>
        <Row label={t('training.class.targetGroup')}>{names.group(c.targetGroup)}</Row>
        <Row label={t('training.class.curriculum')}>{names.curriculum(c.curriculum)}</Row>
        {(c.collegeName || c.venue) && <Row label={t('training.class.collegeVenue')}>{[c.collegeName, c.venue].filter(Boolean).join(' · ')}</Row>}
        {c.organizers.length > 0 && <Row label={t('training.class.organizers')}>{c.organizers.map((o) => <Tag key={o} style={{ marginBlock: 2 }}>{o}</Tag>)}</Row>}
        <Row label={t('training.class.plannedDates')}>{formatRange(c.plannedStartOn, c.plannedEndOn)}</Row>
        {c.actualStartOn && <Row label={t('training.public.actualStart')}>{c.actualStartOn}</Row>}
      </Flex>
      {c.sessions.length > 0 && (
        <Collapse size="small" ghost style={{ marginTop: 8 }} items={[{
          key: 's',
          label: t('training.public.sessions', { n: c.sessions.length }),
          children: (
            <Flex vertical gap={8}>
              {c.sessions.map((s) => (
                <div key={`${s.day}-${s.startsAt}-${s.topic}`} style={{ borderInlineStart: '3px solid #1677ff', paddingInlineStart: 8, textDecoration: s.status === 'cancelled' ? 'line-through' : undefined }}>
                  <Typography.Text strong>{s.day} {s.startsAt}–{s.endsAt}</Typography.Text>
                  <div>{s.topic}</div>
                  {(s.room || s.teacherName) && <Typography.Text type="secondary">{[s.room, s.teacherName].filter(Boolean).join(' · ')}</Typography.Text>}
                </div>
              ))}
            </Flex>
          ),
        }]} />
      )}
    </Card>
  );
}
