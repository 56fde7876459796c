import { queryOptions } from '@tanstack/react-query';
import type { Round, RoundListItem } from '../../shared/contracts/selection';
import { api } from '../api';

export const roundsQuery = queryOptions({ queryKey: ['selection', 'rounds'], queryFn: () => api.get<RoundListItem[]>('/api/selection/rounds') });
export const roundQuery = (id: number) => queryOptions({ queryKey: ['selection', 'round', id], queryFn: () => api.get<Round>(`/api/selection/rounds/${id}`) });
