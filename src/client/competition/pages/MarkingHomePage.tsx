import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Empty, Flex, Space, Typography } from 'antd';
import { CompetitionStatusTag, competitionsQuery } from '../components/common';
import { formatRange } from '../../components/dates';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';

/** 我的评分: the competitions this judge is on (the list the server gives a judge is exactly those). */
export function MarkingHomePage() {
  const t = useT();
  const query = useQuery(competitionsQuery);
  return (
    <Card title={t('nav.marking')} styles={{ body: { padding: 12 } }}>
      <QueryResult query={query}>
        {(list) =>
          list.length === 0 ? (
            <Empty description={t('marking.noCompetitions')} />
          ) : (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {list.map((c) => (
                <Link key={c.id} to="/admin/marking/$id" params={{ id: String(c.id) }} style={{ display: 'block' }}>
                  <Card size="small" hoverable>
                    <Flex justify="space-between" align="center" gap={8}>
                      <div>
                        <Typography.Text strong style={{ fontSize: 16 }}>
                          {c.name}
                        </Typography.Text>
                        <div>
                          <Typography.Text type="secondary">
                            {c.tradeName} · {formatRange(c.startsOn, c.endsOn)}
                          </Typography.Text>
                        </div>
                        <CompetitionStatusTag status={c.status} />
                      </div>
                      <RightOutlined aria-hidden />
                    </Flex>
                  </Card>
                </Link>
              ))}
            </Space>
          )
        }
      </QueryResult>
    </Card>
  );
}
