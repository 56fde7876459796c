import { Descriptions } from 'antd';
import { formatDate, formatRange } from '../../components/dates';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMe } from '../../session';
import type { Competition } from './types';

/** 基本信息, read-only (a unit account, or anyone who may not change the set-up). */
export function SetupView({ c }: { c: Competition }) {
  const t = useT();
  const labels = useLabels();
  const me = useMe();
  const quota = me.unitId != null ? (c.unitQuotas[String(me.unitId)] ?? c.defaultQuota) : c.defaultQuota;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: t('comp.name'), children: c.name, span: 'filled' },
        { key: 'trade', label: t('comp.trade'), children: c.tradeName },
        { key: 'level', label: t('comp.level'), children: labels.level(c.level) },
        { key: 'dates', label: t('comp.dates'), children: formatRange(c.startsOn, c.endsOn) },
        { key: 'venue', label: t('comp.venue'), children: c.venue },
        { key: 'stations', label: t('comp.stations'), children: c.stations },
        { key: 'quota', label: me.role === 'unit' ? t('comp.myQuota') : t('comp.defaultQuota'), children: quota ?? t('comp.noQuota') },
        { key: 'window', label: t('comp.registrationWindow'), children: `${formatDate(c.registrationOpensAt)} ~ ${formatDate(c.registrationClosesAt)}`, span: 'filled' },
        {
          key: 'parts',
          label: t('comp.parts'),
          span: 'filled',
          children: c.parts.map((p) => t('comp.partLine', { part: labels.part(p.key), weight: p.weight, pass: p.passMark })).join('；'),
        },
        {
          key: 'rules',
          label: t('comp.rules'),
          span: 'filled',
          children: t('comp.rulesLine', {
            tie: c.rules.tieBreak.map((k) => t(`comp.tie.${k}`)).join(' → '),
            topN: c.rules.topN,
            k: c.rules.teamBestK,
            hours: c.rules.appealWindowHours,
          }) + (c.rules.teamBelowK === 'ranked' ? t('comp.teamBelowKRankedNote', { k: c.rules.teamBestK }) : ''),
        },
      ]}
    />
  );
}
