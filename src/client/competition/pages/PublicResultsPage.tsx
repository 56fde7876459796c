import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import type { NoticeStatus, PublicNotice } from '../../../shared/contracts/notices';
import { api } from '../../api';
import { formatRange } from '../../components/dates';
import { PublicPage } from '../../components/public/PublicHeader';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';

export type PublicNoticeSummary = Omit<PublicNotice, 'rows' | 'columns'>;
export const PUBLIC_NOTICE_COLORS: Record<NoticeStatus, string> = { open: 'gold', suspended: 'red', final: 'green', withdrawn: 'default' };

/** 成绩公示: every notice on or past its period, newest first. */
export function PublicResultsPage() {
  const t = useT();
  const list = useQuery({ queryKey: ['public', 'notices'], queryFn: () => api.get<PublicNoticeSummary[]>('/api/public/notices') });
  return (
    <PublicPage>
      <Typography.Title level={2} style={{ marginTop: 24 }}>
        {t('public.results')}
      </Typography.Title>
      <QueryResult query={list}>
        {(notices) =>
          notices.length === 0 ? (
            <Empty description={t('public.noNotices')} />
          ) : (
            <Flex vertical gap={12} data-testid="public-notices">
              {notices.map((n) => (
                <Link key={n.id} to="/results/$noticeId" params={{ noticeId: String(n.id) }} style={{ color: 'inherit' }}>
                  <Card size="small" hoverable>
                    <Flex justify="space-between" align="start" gap={8}>
                      <Typography.Text strong>{n.title}</Typography.Text>
                      <Tag color={PUBLIC_NOTICE_COLORS[n.status]} style={{ marginInlineEnd: 0 }}>
                        {t(`notice.status.${n.status}`)}
                      </Tag>
                    </Flex>
                    <Typography.Text type="secondary">
                      {t('notice.period')}：{formatRange(n.startsOn, n.endsOn)}
                    </Typography.Text>
                  </Card>
                </Link>
              ))}
            </Flex>
          )
        }
      </QueryResult>
    </PublicPage>
  );
}
