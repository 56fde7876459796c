import { useQuery } from '@tanstack/react-query';
import { Descriptions } from 'antd';
import { QueryResult } from '../../components/QueryResult';
import { classQuery } from '../queries';
import type { ClassTabProps } from '../tabs';

/** A class at a glance (to be filled: plan against actual, sessions calendar). */
export function OverviewTab({ classId }: ClassTabProps) {
  const q = useQuery(classQuery(classId));
  return (
    <QueryResult query={q}>
      {(c) => (
        <Descriptions column={1} size="small" items={[
          { key: 'programme', label: c.programmeName, children: c.name },
        ]} />
      )}
    </QueryResult>
  );
}
