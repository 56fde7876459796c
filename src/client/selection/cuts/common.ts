import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useState } from 'react';
import type { Notice } from '../../../shared/contracts/notices';
import type { Approvals, CutPreview, CutSummary } from '../../../shared/contracts/selection-cuts';
import { api } from '../../api';

export const cutsQuery = (roundId: number) => queryOptions({ queryKey: ['selection', 'round', roundId, 'cuts'], queryFn: () => api.get<CutSummary[]>(`/api/selection/rounds/${roundId}/cuts`) });
export const previewQuery = (roundId: number, stageKey: string) =>
  queryOptions({ queryKey: ['selection', 'round', roundId, 'cut-preview', stageKey], queryFn: () => api.get<CutPreview>(`/api/selection/rounds/${roundId}/cuts/${stageKey}/preview`) });
export const approvalsQuery = (roundId: number) => queryOptions({ queryKey: ['selection', 'round', roundId, 'approvals'], queryFn: () => api.get<Approvals>(`/api/selection/rounds/${roundId}/approvals`) });
export const selectionNoticesQuery = (roundId: number) => queryOptions({ queryKey: ['selection', 'round', roundId, 'notices'], queryFn: () => api.get<Notice[]>(`/api/selection/rounds/${roundId}/notices`) });

/** Runs a change, says how it went, and refreshes everything the selection shows. */
export function useSelectionAction() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(async <T,>(key: string, action: () => Promise<T>, success?: string): Promise<T | undefined> => {
    setBusy(key);
    try {
      const r = await action();
      if (success) void message.success(success);
      return r;
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setBusy(null);
      void qc.invalidateQueries({ queryKey: ['selection'] });
    }
  }, [message, qc]);
  return { run, busy };
}

export const shortHash = (h: string) => `${h.slice(0, 12)}…${h.slice(-6)}`;
