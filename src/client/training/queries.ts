import { queryOptions } from '@tanstack/react-query';
import type { ClassListItem, Programme, TrainingClass, TrainingSession } from '../../shared/contracts/training';
import { api } from '../api';

export const programmesQuery = queryOptions({ queryKey: ['training', 'programmes'], queryFn: () => api.get<Programme[]>('/api/training/programmes') });
export const classesQuery = (programmeId?: number) => queryOptions({
  queryKey: ['training', 'classes', programmeId ?? 0],
  queryFn: () => api.get<ClassListItem[]>('/api/training/classes', programmeId ? { programmeId } : {}),
});
export const classQuery = (id: number) => queryOptions({ queryKey: ['training', 'class', id], queryFn: () => api.get<TrainingClass>(`/api/training/classes/${id}`) });
export const sessionsQuery = (classId: number) => queryOptions({ queryKey: ['training', 'sessions', classId], queryFn: () => api.get<TrainingSession[]>(`/api/training/classes/${classId}/sessions`) });
