import { queryOptions } from '@tanstack/react-query';
import type { Round, RoundListItem } from '../../shared/contracts/selection';
import type { CandidateRow, CandidateView, NominationRoundView } from '../../shared/contracts/selection-nominations';
import { api } from '../api';

export const roundsQuery = queryOptions({ queryKey: ['selection', 'rounds'], queryFn: () => api.get<RoundListItem[]>('/api/selection/rounds') });
export const roundQuery = (id: number) => queryOptions({ queryKey: ['selection', 'round', id], queryFn: () => api.get<Round>(`/api/selection/rounds/${id}`) });


export const nominationRoundsQuery = queryOptions({ queryKey: ['selection', 'nomination-rounds'], queryFn: () => api.get<NominationRoundView[]>('/api/selection/nomination-rounds') });
export const myNominationsQuery = (roundId: number) => queryOptions({ queryKey: ['selection', 'mine', roundId], queryFn: () => api.get<CandidateRow[]>(`/api/selection/rounds/${roundId}/nominations/mine`) });
export const candidatesQuery = (roundId: number, status?: string) => queryOptions({ queryKey: ['selection', 'candidates', roundId, status ?? ''], queryFn: () => api.get<CandidateRow[]>(`/api/selection/rounds/${roundId}/candidates`, { status }) });
export const candidateQuery = (id: number) => queryOptions({ queryKey: ['selection', 'candidate', id], queryFn: () => api.get<CandidateView>(`/api/selection/candidates/${id}`) });
export const myCandidaciesQuery = queryOptions({ queryKey: ['selection', 'my-candidacies'], queryFn: () => api.get<CandidateView[]>('/api/selection/my-candidacies') });
