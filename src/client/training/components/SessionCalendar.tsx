import { Badge, Calendar, Grid, Tooltip } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';

export interface CalendarItem {
  id: number;
  day: string;
  startsAt: string;
  topic: string;
  cancelled: boolean;
  /** A second line in the tooltip (the class, on the programme-wide calendar). */
  detail?: string;
}

/**
 * 课程日历: a month of sessions, each on its day (time and topic; cancelled ones struck through).
 * The caller keeps the month shown (`month`, "YYYY-MM") so it can load that month's sessions.
 */
export function SessionCalendar({ items, month, onMonth, onSelectDay, extra }: {
  items: readonly CalendarItem[]; month: string; onMonth: (m: string) => void; onSelectDay?: (day: string) => void; extra?: (day: string) => ReactNode;
}) {
  // On a phone the month is a small grid: a dot marks a day with sessions (the table lists them).
  const compact = !Grid.useBreakpoint().md;
  const byDay = new Map<string, CalendarItem[]>();
  for (const i of items) byDay.set(i.day, [...(byDay.get(i.day) ?? []), i]);
  const cell = (d: Dayjs) => {
    const day = d.format('YYYY-MM-DD');
    const list = byDay.get(day) ?? [];
    return (
      <div data-testid={list.length ? `cal-${day}` : undefined} style={{ fontSize: 12, lineHeight: 1.4 }}>
        {list.map((i) => (
          <Tooltip key={i.id} title={[`${i.startsAt} ${i.topic}`, i.detail].filter(Boolean).join(' · ')}>
            <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', textDecoration: i.cancelled ? 'line-through' : undefined }}>
              <Badge status={i.cancelled ? 'default' : 'processing'} /> {i.startsAt} {i.topic}
            </div>
          </Tooltip>
        ))}
        {extra?.(day)}
      </div>
    );
  };
  return (
    <Calendar
      value={dayjs(`${month}-01`)}
      fullscreen={!compact}
      cellRender={(d, info) => {
        if (info.type !== 'date') return info.originNode;
        if (!compact) return cell(d);
        const n = byDay.get(d.format('YYYY-MM-DD'))?.length ?? 0;
        return n > 0 ? <Badge status="processing" style={{ display: 'block', lineHeight: 0 }} /> : null;
      }}
      onPanelChange={(d) => onMonth(d.format('YYYY-MM'))}
      onSelect={(d, info) => {
        if (info.source === 'date') {
          if (d.format('YYYY-MM') !== month) onMonth(d.format('YYYY-MM'));
          onSelectDay?.(d.format('YYYY-MM-DD'));
        } else onMonth(d.format('YYYY-MM'));
      }}
    />
  );
}

/** The month a calendar opens on: this month when inside [start, end], else the start's month. */
export function initialMonth(start: string | null | undefined, end: string | null | undefined): string {
  const now = dayjs().format('YYYY-MM');
  if (!start) return now;
  const s = start.slice(0, 7);
  const e = (end ?? start).slice(0, 7);
  return now >= s && now <= e ? now : s;
}
