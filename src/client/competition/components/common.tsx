import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { App, Tag } from 'antd';
import { useCallback, useState } from 'react';
import type { CompetitionStatus, EntryStatus } from '../../../shared/competition/states';
import { api, ApiError } from '../../api';
import { useLabels } from '../../i18n/labels';
import type { Competition, DrawView, ProgressView, SchemeView, SheetView } from './types';

/** Query keys: the list under 'competitions', everything of one competition under ['competition', id]. */
export const competitionKeys = {
  list: ['competitions'] as const,
  one: (id: number) => ['competition', id] as const,
  part: (id: number, part: string, ...rest: unknown[]) => ['competition', id, part, ...rest] as const,
};

export const competitionsQuery = queryOptions({
  queryKey: competitionKeys.list,
  queryFn: () => api.get<Competition[]>('/api/competitions'),
});

export const competitionQuery = (id: number) =>
  queryOptions({ queryKey: [...competitionKeys.one(id), 'detail'], queryFn: () => api.get<Competition>(`/api/competitions/${id}`) });

export const schemeQuery = (id: number) =>
  queryOptions({ queryKey: competitionKeys.part(id, 'scheme'), queryFn: () => api.get<SchemeView | null>(`/api/competitions/${id}/scheme`) });

export const drawQuery = (id: number) =>
  queryOptions({ queryKey: competitionKeys.part(id, 'draw'), queryFn: () => api.get<DrawView>(`/api/competitions/${id}/draw`) });

export const progressQuery = (id: number) =>
  queryOptions({ queryKey: competitionKeys.part(id, 'progress'), queryFn: () => api.get<ProgressView>(`/api/competitions/${id}/marking/progress`) });

export const sheetQuery = (id: number) =>
  queryOptions({ queryKey: competitionKeys.part(id, 'sheet'), queryFn: () => api.get<SheetView>(`/api/competitions/${id}/marking/sheet`) });

const STATUS_COLORS: Record<CompetitionStatus, string> = {
  draft: 'default',
  registration: 'blue',
  closed: 'orange',
  drawn: 'purple',
  marking: 'cyan',
  locked: 'green',
  decoded: 'geekblue',
  notice: 'gold',
  final: 'success',
};

export function CompetitionStatusTag({ status }: { status: CompetitionStatus }) {
  const labels = useLabels();
  return <Tag color={STATUS_COLORS[status]}>{labels.competitionStatus(status)}</Tag>;
}

const ENTRY_COLORS: Record<EntryStatus, string> = { submitted: 'gold', approved: 'green', rejected: 'red', withdrawn: 'default' };

export function EntryStatusTag({ status }: { status: EntryStatus }) {
  const labels = useLabels();
  return <Tag color={ENTRY_COLORS[status]}>{labels.entryStatus(status)}</Tag>;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The issues under a refusal, one per line, when they add to its message (a 409 of sign-off lists each criterion). */
export function issueLines(e: unknown): string[] {
  if (!(e instanceof ApiError)) return [];
  const lines = e.issues.map((i) => i.message).filter((m) => m && m !== e.message);
  return [...new Set(lines)];
}

/**
 * Runs a write, shows the server's refusal as a message, and refreshes everything of the
 * competition afterwards (its status, counts and lists move together).
 */
export function useCompetitionAction(competitionId: number) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    async <T,>(key: string, action: () => Promise<T>, success?: string): Promise<T | undefined> => {
      setBusy(key);
      try {
        const r = await action();
        if (success) void message.success(success);
        return r;
      } catch (e) {
        void message.error(errorText(e));
        return undefined;
      } finally {
        setBusy(null);
        void queryClient.invalidateQueries({ queryKey: competitionKeys.one(competitionId) });
        void queryClient.invalidateQueries({ queryKey: competitionKeys.list });
      }
    },
    [competitionId, message, queryClient],
  );
  return { run, busy };
}
