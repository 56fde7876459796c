import { useQuery } from '@tanstack/react-query';
import type { Trade } from '../../shared/contracts/trades';
import type { Unit } from '../../shared/contracts/units';
import { api } from '../api';

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export function useTrades() {
  return useQuery({ queryKey: ['trades'], queryFn: () => api.get<Trade[]>('/api/trades'), staleTime: 5 * 60_000 });
}

/** Options for a unit picker: the first 200 units (the API's page limit), searched in the browser. */
export function useUnitOptions(enabled = true) {
  return useQuery({
    queryKey: ['units', 'options'],
    queryFn: () => api.get<Page<Unit>>('/api/units', { pageSize: 200 }),
    select: (p) => p.items.map((u) => ({ value: u.id, label: u.name })),
    staleTime: 60_000,
    enabled,
  });
}

export function useTradeOptions() {
  const trades = useTrades();
  return (trades.data ?? []).map((t) => ({ value: t.id, label: t.name }));
}
