import { Card, Flex, Grid, Table, Typography } from 'antd';
import type { PublicNotice } from '../../../shared/contracts/notices';
import { useT } from '../../i18n';

type Row = PublicNotice['rows'][number];

/**
 * The published list of a notice (already masked by the server): a table on a wide screen, one
 * card per row on a phone so nothing has to scroll sideways.
 */
export function NoticeList({ columns, rows }: Pick<PublicNotice, 'columns' | 'rows'>) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const value = (row: Row, key: string) => {
    const v = row[key];
    return v == null || v === '' ? t('common.dash') : String(v);
  };
  if (screens.md === false) {
    const [first, second, ...rest] = columns;
    return (
      <div data-testid="notice-list">
        {rows.map((row, i) => (
          <Card key={i} size="small" style={{ marginBottom: 8 }} title={[first, second].filter(Boolean).map((c) => value(row, c!.key)).join('  ')}>
            <Flex wrap gap="4px 16px">
              {rest.map((c) => (
                <span key={c.key}>
                  <Typography.Text type="secondary">{c.title}</Typography.Text> {value(row, c.key)}
                </span>
              ))}
            </Flex>
          </Card>
        ))}
        {rows.length === 0 && t('notice.noRows')}
      </div>
    );
  }
  return (
    <div data-testid="notice-list">
      <Table<Row>
        rowKey="__row"
        size="small"
        dataSource={rows.map((r, i) => ({ ...r, __row: i }))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={columns.map((c) => ({ title: c.title, key: c.key, render: (_: unknown, row: Row) => value(row, c.key) }))}
      />
    </div>
  );
}
