import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Empty, List } from 'antd';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { classesQuery, programmesQuery } from '../queries';

/** 培训项目: the programmes and their classes (to be filled: plan against actual, create and edit). */
export function TrainingPage() {
  const t = useT();
  const programmes = useQuery(programmesQuery);
  const classes = useQuery(classesQuery());
  return (
    <Card title={t('training.title')}>
      <QueryResult query={programmes}>
        {(ps) => ps.length === 0 ? <Empty description={t('training.none')} /> : (
          <List dataSource={classes.data ?? []} renderItem={(c) => (
            <List.Item><Link to="/admin/training/classes/$id" params={{ id: String(c.id) }}>{c.programmeName} · {c.name}</Link></List.Item>
          )} />
        )}
      </QueryResult>
    </Card>
  );
}
