import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import { tabStage } from '../../../shared/competition/stage';
import { api, downloadPost } from '../../api';
import { useT } from '../../i18n';
import { useMe } from '../../session';
import { competitionKeys, useCompetitionAction } from './common';
import { StageAlert } from './StageAlert';
import type { Competition, DecodedRow, StaffMember } from './types';

/**
 * 解密: the code → contestant mapping, for an administrator granted decoding on this competition,
 * once the marks are locked. Every look is written to the audit log, so it is fetched on request only.
 */
export function DecodeTab({ c }: { c: Competition }) {
  const t = useT();
  const me = useMe();
  const { run, busy } = useCompetitionAction(c.id);
  const { message } = App.useApp();
  const [rows, setRows] = useState<DecodedRow[] | null>(null);
  const [exporting, setExporting] = useState(false);
  const staff = useQuery({ queryKey: competitionKeys.part(c.id, 'staff'), queryFn: () => api.get<StaffMember[]>(`/api/competitions/${c.id}/staff`) });
  const decoder = (staff.data ?? []).some((s) => s.accountId === me.id && s.role === 'decoder');
  const ready = tabStage('decode', c.status).access === 'yes';

  const decode = () => run('decode', async () => setRows(await api.post<DecodedRow[]>(`/api/competitions/${c.id}/decode`)));
  const exportList = async () => {
    setExporting(true);
    try {
      await downloadPost(`/api/competitions/${c.id}/decode/export`, '解密名单.xlsx');
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="warning" showIcon title={t('decode.warningTitle')} description={t('decode.warning')} />
      <StageAlert c={c} tab="decode" />
      {ready && !staff.isPending && !decoder && <Alert type="info" showIcon title={t('decode.notDecoder')} />}
      <Popconfirm title={t('decode.confirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => decode()} disabled={!ready || !decoder}>
        <Button type="primary" danger icon={<EyeOutlined aria-hidden />} disabled={!ready || !decoder} loading={busy === 'decode'}>
          {c.status === 'locked' ? t('decode.run') : t('decode.view')}
        </Button>
      </Popconfirm>
      {rows && (
        <Popconfirm title={t('decode.exportConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => exportList()}>
          <Button icon={<DownloadOutlined aria-hidden />} loading={exporting}>
            {t('decode.export')}
          </Button>
        </Popconfirm>
      )}
      {rows && (
        <div data-testid="decode-table">
          <Table<DecodedRow>
            rowKey="entryId"
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
            scroll={{ x: 800 }}
            columns={[
              { title: t('draw.code'), dataIndex: 'code', width: 100 },
              { title: t('draw.station'), dataIndex: 'station', width: 70 },
              { title: t('draw.round'), dataIndex: 'round', width: 70 },
              { title: t('entries.examNumber'), dataIndex: 'examNumber', width: 120 },
              { title: t('people.name'), dataIndex: 'name', width: 100 },
              { title: t('people.idNumber'), dataIndex: 'idNumberMasked', width: 180 },
              { title: t('people.unit'), dataIndex: 'unitName' },
            ]}
          />
        </div>
      )}
    </Space>
  );
}
