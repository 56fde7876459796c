import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import type { Dashboard } from '../../../shared/contracts/campaign';
import { UNIT_KINDS } from '../../../shared/contracts/units';
import { LEVEL_NAMES, LEVELS } from '../../../shared/levels';
import { api } from '../../api';
import { formatRange } from '../../components/dates';
import { EChart, type ChartOption } from '../../components/EChart';
import { QueryResult } from '../../components/QueryResult';
import { useLang, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';

export function DashboardPage() {
  const query = useQuery({ queryKey: ['dashboard'], queryFn: () => api.get<Dashboard>('/api/dashboard') });
  return <QueryResult query={query}>{(d) => <DashboardView d={d} />}</QueryResult>;
}

function DashboardView({ d }: { d: Dashboard }) {
  const t = useT();
  const labels = useLabels();
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card>
          {d.campaign ? (
            <>
              <Typography.Title level={3} style={{ marginTop: 0 }}>
                {d.campaign.name}
              </Typography.Title>
              <Typography.Text type="secondary">
                {t('dashboard.period')}：{formatRange(d.campaign.startsOn, d.campaign.endsOn)}
              </Typography.Text>
            </>
          ) : (
            <Typography.Text type="secondary">{t('dashboard.noCampaign')}</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={12} md={8} lg={4}>
        <Card>
          <Statistic title={t('dashboard.people')} value={d.people} />
        </Card>
      </Col>
      {UNIT_KINDS.map((k) => (
        <Col key={k} xs={12} md={8} lg={4}>
          <Card>
            <Statistic title={labels.unitKind(k)} value={d.unitsByKind[k] ?? 0} />
          </Card>
        </Col>
      ))}
      <Col span={24}>
        <Card title={t('dashboard.chartTitle')}>
          <PeopleChart rows={d.peopleByTradeAndLevel} />
        </Card>
      </Col>
    </Row>
  );
}

/** People by trade (x axis), stacked by qualification level from 初级工 to 高级技师. */
function PeopleChart({ rows }: { rows: Dashboard['peopleByTradeAndLevel'] }) {
  const t = useT();
  const { lang } = useLang();
  const option = useMemo<ChartOption>(() => {
    const trades = [...new Set(rows.map((r) => r.tradeName))];
    const stacks: { level: number | null; name: string }[] = LEVELS.map((l) => ({ level: l, name: LEVEL_NAMES[l][lang] }));
    if (rows.some((r) => r.level == null)) stacks.push({ level: null, name: t('dashboard.unleveled') });
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 48, containLabel: true },
      xAxis: { type: 'category', data: trades, axisLabel: { interval: 0, rotate: trades.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: stacks.map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'people',
        emphasis: { focus: 'series' },
        data: trades.map((trade) => rows.filter((r) => r.tradeName === trade && r.level === s.level).reduce((n, r) => n + r.count, 0)),
      })),
    };
  }, [rows, lang, t]);
  return <EChart option={option} height={380} testId="people-chart" />;
}
