import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Empty, Flex, List, Typography } from 'antd';
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { ATTENDANCE_STATUSES } from '../../../shared/training/rules';
import { EChart, type ChartOption } from '../../components/EChart';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import type { ClassTabProps } from '../tabs';
import { matrixQuery, METHOD_KEYS, STATUS_COLORS, STATUS_KEYS } from './queries';

echarts.use([HeatmapChart, VisualMapComponent]);

/** 考勤: the class's heat map (trainees × sessions, coloured by status) and each session's sign-in screen. */
export function AttendanceTab({ classId }: ClassTabProps) {
  const t = useT();
  const q = useQuery(matrixQuery(classId));
  const option = useMemo<ChartOption | null>(() => {
    const m = q.data;
    if (!m || m.trainees.length === 0 || m.sessions.length === 0) return null;
    const xi = new Map(m.sessions.map((s, i) => [s.id, i]));
    const yi = new Map(m.trainees.map((tr, i) => [tr.enrolmentId, i]));
    const cell = new Map(m.cells.map((c) => [`${c.sessionId}:${c.enrolmentId}`, c]));
    return {
      tooltip: {
        formatter: (p: { value: [number, number, number] }) => {
          const s = m.sessions[p.value[0]]!;
          const tr = m.trainees[p.value[1]]!;
          const c = cell.get(`${s.id}:${tr.enrolmentId}`);
          return `${tr.name}<br/>${s.day} ${s.topic}<br/>${c ? `${t(STATUS_KEYS[c.status])} · ${t(METHOD_KEYS[c.method])}` : t('training.attendance.unmarked')}`;
        },
      },
      grid: { left: 90, right: 16, top: 8, bottom: 70 },
      xAxis: { type: 'category', data: m.sessions.map((s) => `${s.day.slice(5)}`), axisLabel: { rotate: 45 } },
      yAxis: { type: 'category', data: m.trainees.map((tr) => `${tr.name} ${tr.pct}%`), inverse: true },
      visualMap: {
        type: 'piecewise', orient: 'horizontal', left: 'center', bottom: 0, dimension: 2,
        pieces: [
          { value: -1, label: t('training.attendance.unmarked'), color: '#f0f0f0' },
          ...ATTENDANCE_STATUSES.map((s, i) => ({ value: i, label: t(STATUS_KEYS[s]), color: STATUS_COLORS[s] })),
        ],
      },
      series: [{
        type: 'heatmap', itemStyle: { borderColor: '#fff', borderWidth: 1 },
        data: m.sessions.flatMap((s) => m.trainees.map((tr) => {
          const c = cell.get(`${s.id}:${tr.enrolmentId}`);
          return [xi.get(s.id)!, yi.get(tr.enrolmentId)!, c ? ATTENDANCE_STATUSES.indexOf(c.status) : -1];
        })),
      }],
    };
  }, [q.data, t]);
  return (
    <QueryResult query={q}>
      {(m) => (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('training.attendance.heldOf', { held: m.held })}</Typography.Text>
          {option ? <EChart option={option} height={Math.max(220, 40 + m.trainees.length * 22 + 90)} testId="attendance-heatmap" /> : <Empty description={t('training.attendance.noTrainees')} />}
          <List
            size="small"
            header={t('training.attendance.sessions')}
            dataSource={m.sessions}
            renderItem={(s) => (
              <List.Item key={s.id} actions={[<Link key="teach" to="/admin/training/sessions/$id/teach" params={{ id: String(s.id) }}>{t('training.attendance.teachLink')}</Link>]}>
                {s.day} {s.startsAt} {s.topic} · {t('training.attendance.present')} {s.counts.present + s.counts.late}
              </List.Item>
            )}
          />
        </Flex>
      )}
    </QueryResult>
  );
}
