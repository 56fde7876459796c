import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, List, Progress, Tag, Typography } from 'antd';
import { useT } from '../../i18n';
import { QueryResult } from '../../components/QueryResult';
import { MY_TRAINING_SECTIONS } from '../me/sections';
import { METHOD_KEYS, myClassesQuery, STATUS_COLORS, STATUS_KEYS } from './queries';

/**
 * 我的培训: the trainee's phone page — each class with its sessions and the trainee's own
 * attendance, the scan-to-sign-in hint, and the other modules' sections (business plan, certificate).
 */
export function MyTrainingPage() {
  const t = useT();
  const q = useQuery(myClassesQuery);
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>{t('training.attendance.my')}</Typography.Title>
      <Alert type="info" showIcon message={t('training.attendance.checkin')} description={t('training.attendance.myHint')} />
      <QueryResult query={q}>
        {(classes) => classes.length === 0 ? <Empty description={t('training.attendance.myNone')} /> : (
          <Flex vertical gap={12}>
            {classes.map((c) => (
              <Card key={c.id} size="small" title={c.name} extra={<Typography.Text type="secondary">{c.collegeName ?? c.venue}</Typography.Text>} data-testid={`my-class-${c.id}`}>
                <Flex align="center" gap={12}>
                  <Progress type="circle" size={56} percent={c.pct} />
                  <Typography.Text>{t('training.attendance.myRate', { a: c.attended, h: c.held, p: c.pct })}</Typography.Text>
                </Flex>
                <List
                  size="small"
                  header={t('training.attendance.sessions')}
                  dataSource={c.sessions}
                  renderItem={(s) => (
                    <List.Item key={s.id}>
                      <Flex justify="space-between" wrap gap={4} style={{ width: '100%' }}>
                        <span style={{ textDecoration: s.status === 'cancelled' ? 'line-through' : undefined }}>{s.day} {s.startsAt} {s.topic}</span>
                        {s.attendance
                          ? <span><Tag color={STATUS_COLORS[s.attendance.status]}>{t(STATUS_KEYS[s.attendance.status])}</Tag><Typography.Text type="secondary">{t(METHOD_KEYS[s.attendance.method])}</Typography.Text></span>
                          : s.checkinOpen ? <Tag color="processing">{t('training.attendance.checkin')}</Tag> : null}
                      </Flex>
                    </List.Item>
                  )}
                />
                {MY_TRAINING_SECTIONS.filter((x) => !x.when || x.when(c)).map((x) => (
                  <div key={x.key} style={{ marginTop: 12 }}>
                    <Typography.Title level={5}>{t(x.label)}</Typography.Title>
                    <x.component classId={c.id} />
                  </div>
                ))}
              </Card>
            ))}
          </Flex>
        )}
      </QueryResult>
    </Flex>
  );
}
