import { Card } from 'antd';
import { useMemo } from 'react';
import type { Round } from '../../../shared/contracts/selection';
import { EChart, type ChartOption } from '../../components/EChart';
import { useT } from '../../i18n';

/** The stages that narrow the field (nominated → eligible → examined → each cut → approved → commended). */
const FUNNEL_KINDS = new Set(['nomination', 'eligibility', 'exam', 'cut', 'approval', 'commendation']);

/** 评选漏斗: how many candidates each reached stage holds, widest first. */
export function SelectionFunnel({ round }: { round: Round }) {
  const t = useT();
  const stages = round.stages.filter((s) => FUNNEL_KINDS.has(s.kind) && s.count != null);
  const option = useMemo<ChartOption>(() => ({
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', inverse: true, data: stages.map((s) => s.name), axisTick: { show: false } },
    series: [{ type: 'bar', data: stages.map((s) => s.count), barMaxWidth: 28, label: { show: true, position: 'right' }, itemStyle: { color: '#1677ff' } }],
  }), [stages]);
  if (!stages.length) return null;
  return (
    <Card size="small" title={t('funnel.title')}>
      <EChart option={option} height={Math.max(160, stages.length * 40)} testId="selection-funnel" />
    </Card>
  );
}
