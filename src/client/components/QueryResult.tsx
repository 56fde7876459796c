import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** Loading spinner, error message, or the data. */
export function QueryResult<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const t = useT();
  if (query.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (query.isError) return <Alert type="error" showIcon title={t('common.loadFailed')} description={query.error.message} />;
  return <>{children(query.data)}</>;
}
