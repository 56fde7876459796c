import { Card, Flex, Grid, Input, Pagination, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { PublicNotice } from '../../../shared/contracts/notices';
import { filterNoticeRows } from '../../../shared/notices/search';
import { useT, type MessageKey } from '../../i18n';

type Row = PublicNotice['rows'][number];

/** The columns the server names (its titles are Chinese); shown in the reader's language. */
const COLUMN_KEYS: Record<string, MessageKey> = {
  rank: 'noticeCol.rank', name: 'noticeCol.name', unit: 'noticeCol.unit', idNumber: 'noticeCol.idNumber', theory: 'noticeCol.theory',
  practical: 'noticeCol.practical', oral: 'noticeCol.oral', total: 'noticeCol.total', award: 'noticeCol.award', outcomes: 'noticeCol.outcomes',
};

const PHONE_PAGE = 20;
const DESK_PAGE = 50;

/**
 * The published list of a notice (already masked by the server): a table on a wide screen, one
 * compact card per row on a phone so nothing has to scroll sideways. A list of 280 names is
 * searched (name, unit, award, any cell) and paged, so a phone is not 37,000 px tall.
 * Once the notice is final, 拟认定 (proposed) reads 认定.
 */
export function NoticeList({ columns, rows, final }: Pick<PublicNotice, 'columns' | 'rows'> & { final?: boolean }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const shown = useMemo(() => filterNoticeRows(rows, q), [rows, q]);
  const title = (c: PublicNotice['columns'][number]) =>
    c.key === 'outcomes' && final ? t('noticeCol.outcomesFinal') : COLUMN_KEYS[c.key] ? t(COLUMN_KEYS[c.key]!) : c.title;
  const value = (row: Row, key: string) => {
    const v = row[key];
    return v == null || v === '' ? t('common.dash') : String(v);
  };
  const search = rows.length > 10 && (
    <Input.Search
      allowClear
      placeholder={t('notice.searchRows')}
      aria-label={t('notice.searchRows')}
      onSearch={(v) => {
        setQ(v);
        setPage(1);
      }}
      onChange={(e) => {
        if (!e.target.value) {
          setQ('');
          setPage(1);
        }
      }}
      style={{ maxWidth: 360, marginBottom: 12 }}
      data-testid="notice-search"
    />
  );
  const total = <Typography.Text type="secondary" data-testid="notice-count">{t('notice.rowsShown', { n: shown.length, total: rows.length })}</Typography.Text>;

  if (screens.md === false) {
    const [first, second, ...rest] = columns;
    const pageRows = shown.slice((page - 1) * PHONE_PAGE, page * PHONE_PAGE);
    return (
      <div data-testid="notice-list">
        {search}
        <div style={{ marginBottom: 8 }}>{total}</div>
        {pageRows.map((row, i) => (
          <Card
            key={i}
            size="small"
            style={{ marginBottom: 6 }}
            styles={{ header: { minHeight: 32, padding: '0 10px' }, body: { padding: '6px 10px' } }}
            title={[first, second].filter(Boolean).map((c) => value(row, c!.key)).join('  ')}
          >
            <Flex wrap gap="0 12px" style={{ fontSize: 13, lineHeight: '20px' }}>
              {rest.map((c) => (
                <span key={c.key}>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>{title(c)}</Typography.Text> {value(row, c.key)}
                </span>
              ))}
            </Flex>
          </Card>
        ))}
        {shown.length > PHONE_PAGE && <Pagination simple current={page} pageSize={PHONE_PAGE} total={shown.length} onChange={setPage} style={{ marginTop: 8, textAlign: 'center' }} />}
        {shown.length === 0 && t('notice.noRows')}
      </div>
    );
  }
  return (
    <div data-testid="notice-list">
      {search}
      {q && <div style={{ marginBottom: 8 }}>{total}</div>}
      <Table<Row>
        rowKey="__row"
        size="small"
        dataSource={shown.map((r, i) => ({ ...r, __row: i }))}
        pagination={{ current: page, pageSize: DESK_PAGE, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => t('common.total', { n }) }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('notice.noRows') }}
        columns={columns.map((c) => ({ title: title(c), key: c.key, render: (_: unknown, row: Row) => value(row, c.key) }))}
      />
    </div>
  );
}
