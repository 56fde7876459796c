import { queryOptions } from '@tanstack/react-query';
import type { Award, RoundAwards } from '../../../shared/selection/commendation';
import { api } from '../../api';

export const roundAwardsQuery = (roundId: number) =>
  queryOptions({ queryKey: ['selection', 'awards', roundId], queryFn: () => api.get<RoundAwards>(`/api/selection/rounds/${roundId}/awards`) });

export const myAwardsQuery = queryOptions({ queryKey: ['selection', 'my-awards'], queryFn: () => api.get<Award[]>('/api/selection/me/awards') });
