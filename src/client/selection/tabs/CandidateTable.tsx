import { Button, Table, Tag } from 'antd';
import type { CandidateRow } from '../../../shared/contracts/selection-nominations';
import { useT } from '../../i18n';
import { ChannelTags, StatusTag } from './CandidateDrawer';

/** Candidates as a list: masked ID numbers, channels, status with the reason, the machine check's summary. */
export function CandidateTable({ rows, loading, onOpen }: { rows: CandidateRow[]; loading: boolean; onOpen: (id: number) => void }) {
  const t = useT();
  return (
    <Table<CandidateRow>
      rowKey="id" size="small" loading={loading} dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: true }}
      locale={{ emptyText: t('nom.none') }}
      columns={[
        { title: t('nom.name'), dataIndex: 'name' },
        { title: t('nom.idNumber'), dataIndex: 'idNumberMasked' },
        { title: t('nom.unit'), dataIndex: 'unitName' },
        { title: t('nom.channel'), key: 'ch', render: (_, r) => <ChannelTags channels={r.channels} /> },
        { title: t('nom.check'), key: 'ck', render: (_, r) => {
          const failed = r.check?.items.filter((i) => !i.passed && !i.pending).length ?? 0;
          return r.check ? (failed ? <Tag color="red">{t('nom.checkFailed', { n: failed })}</Tag> : <Tag color="green">{t('nom.checkOk')}</Tag>) : null;
        } },
        { title: t('nom.status'), key: 's', render: (_, r) => <StatusTag status={r.status} /> },
        { title: t('nom.reason'), dataIndex: 'returnReason' },
        { title: '', key: 'o', render: (_, r) => <Button size="small" onClick={() => onOpen(r.id)} data-testid={`open-${r.id}`}>{t('nom.open')}</Button> },
      ]}
    />
  );
}
