import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Popconfirm, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { MARKING_STARTED } from '../../../shared/competition/states';
import { api } from '../../api';
import { useT } from '../../i18n';
import { formatDateTime } from '../../components/dates';
import { AmendmentsCard } from './AmendmentsCard';
import { progressQuery, schemeQuery, useCompetitionAction } from './common';
import { PartScoresCard } from './PartScoresCard';
import { StageAlert } from './StageAlert';
import type { Competition, CriterionProgress, SpreadFlag } from './types';

/** 评分进度: start marking, follow each criterion, theory/oral scores, and amendments after sign-off. */
export function ProgressTab({ c }: { c: Competition }) {
  const t = useT();
  const { run, busy } = useCompetitionAction(c.id);
  const progress = useQuery({ ...progressQuery(c.id), refetchInterval: c.status === 'marking' ? 15_000 : false });
  const scheme = useQuery(schemeQuery(c.id));
  const [sheetAspect, setSheetAspect] = useState<number | undefined>();
  const p = progress.data;
  const started = MARKING_STARTED.includes(c.status);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {progress.isError && <Alert type="error" showIcon title={progress.error.message} />}
      {c.status === 'drawn' && (
        <Alert
          type={p?.shortPanels ? 'warning' : 'info'}
          showIcon
          title={p?.shortPanels ? t('progress.shortPanels', { n: p.shortPanels }) : t('progress.readyToStart')}
          action={
            <Popconfirm title={t('progress.startConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => run('start', () => api.post(`/api/competitions/${c.id}/marking/start`), t('progress.started'))}>
              <Button type="primary" loading={busy === 'start'}>
                {t('progress.start')}
              </Button>
            </Popconfirm>
          }
        />
      )}
      <StageAlert c={c} tab="progress" />

      <Card size="small" title={t('progress.criteria')}>
        <div data-testid="progress-table">
          <CriteriaTable criteria={p?.criteria ?? []} loading={progress.isFetching} />
        </div>
        {p && p.partScoresMissing > 0 && started && (
          <Typography.Paragraph type="warning" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('progress.partScoresMissing', { n: p.partScoresMissing })}
          </Typography.Paragraph>
        )}
      </Card>

      {started && (
        <Card size="small" title={t('progress.flags')}>
          <FlagsTable flags={p?.flags ?? []} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('progress.flagsHelp')}
          </Typography.Paragraph>
        </Card>
      )}

      <Card size="small" title={t('sheet.printTitle')}>
        <Space wrap>
          <Select<number>
            placeholder={t('sheet.pickAspect')}
            style={{ width: 320, maxWidth: '100%' }}
            value={sheetAspect}
            onChange={setSheetAspect}
            options={(scheme.data?.aspects ?? []).map((a) => ({ value: a.id, label: `${a.code} ${a.description}` }))}
            aria-label={t('sheet.pickAspect')}
          />
          <Button icon={<PrinterOutlined aria-hidden />} disabled={!sheetAspect || c.status === 'draft'} href={sheetAspect ? `/print/competitions/${c.id}/sheet?aspectId=${sheetAspect}` : undefined} target="_blank">
            {t('sheet.print')}
          </Button>
          <Button icon={<PrinterOutlined aria-hidden />} disabled={!scheme.data} href={`/print/competitions/${c.id}/sheet`} target="_blank">
            {t('sheet.printAll')}
          </Button>
        </Space>
      </Card>

      {!!p?.reportedConflicts.length && (
        <Card size="small" title={t('progress.reported')}>
          <Typography.Paragraph type="secondary">{t('progress.reportedHelp')}</Typography.Paragraph>
          <Table<{ code: string; reportedAt: string }>
            rowKey={(r) => `${r.code}:${r.reportedAt}`}
            size="small"
            dataSource={p.reportedConflicts}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('draw.code'), dataIndex: 'code', width: 110 },
              { title: t('progress.reportedAt'), dataIndex: 'reportedAt', render: (v: string) => formatDateTime(v) },
            ]}
          />
        </Card>
      )}

      {c.parts.some((x) => x.key !== 'practical') && <PartScoresCard c={c} />}
      {started && <AmendmentsCard c={c} />}
    </Space>
  );
}

export function CriteriaTable({ criteria, loading }: { criteria: CriterionProgress[]; loading?: boolean }) {
  const t = useT();
  return (
    <Table<CriterionProgress>
      rowKey="code"
      size="small"
      loading={loading}
      dataSource={criteria}
      pagination={false}
      scroll={{ x: 640 }}
      locale={{ emptyText: t('progress.noScheme') }}
      columns={[
        { title: t('progress.criterion'), key: 'criterion', render: (_, r) => `${r.code} ${r.name}` },
        {
          title: t('progress.entered'),
          key: 'entered',
          width: 220,
          render: (_, r) => (
            <Space size={8}>
              <Progress percent={r.expected ? Math.round((r.entered / r.expected) * 100) : 0} size="small" style={{ width: 100, margin: 0 }} />
              <span>
                {r.entered}/{r.expected}
              </span>
            </Space>
          ),
        },
        { title: t('progress.flagged'), dataIndex: 'flagged', width: 90, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
        { title: t('progress.short'), dataIndex: 'shortPanels', width: 90, render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : 0) },
        { title: t('progress.signedOff'), dataIndex: 'signedOff', width: 100, render: (v: boolean) => (v ? <Tag color="green">{t('progress.signed')}</Tag> : <Tag>{t('progress.unsigned')}</Tag>) },
      ]}
    />
  );
}

function FlagsTable({ flags }: { flags: SpreadFlag[] }) {
  const t = useT();
  return (
    <Table<SpreadFlag>
      rowKey={(f) => `${f.code}:${f.aspectId}`}
      size="small"
      dataSource={flags}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('progress.noFlags') }}
      columns={[
        { title: t('draw.code'), dataIndex: 'code', width: 110 },
        { title: t('progress.aspect'), dataIndex: 'aspectCode', width: 110 },
        { title: t('progress.values'), dataIndex: 'values', render: (v: number[]) => v.join(' / ') },
      ]}
    />
  );
}
