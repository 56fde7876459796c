import { queryOptions } from '@tanstack/react-query';
import type { AppraisalList } from '../../shared/training/appraisal';
import type { SubsidyClaim } from '../../shared/training/subsidy';
import type { CalendarSession, ClassListItem, Programme, PublicClass, TeacherOption, TrainingClass, TrainingSession } from '../../shared/contracts/training';
import { api } from '../api';

export const programmesQuery = queryOptions({ queryKey: ['training', 'programmes'], queryFn: () => api.get<Programme[]>('/api/training/programmes') });
export const classesQuery = (programmeId?: number) => queryOptions({
  queryKey: ['training', 'classes', programmeId ?? 0],
  queryFn: () => api.get<ClassListItem[]>('/api/training/classes', programmeId ? { programmeId } : {}),
});
export const classQuery = (id: number) => queryOptions({ queryKey: ['training', 'class', id], queryFn: () => api.get<TrainingClass>(`/api/training/classes/${id}`) });
export const sessionsQuery = (classId: number) => queryOptions({ queryKey: ['training', 'sessions', classId], queryFn: () => api.get<TrainingSession[]>(`/api/training/classes/${classId}/sessions`) });
export const appraisalsQuery = (classId: number) => queryOptions({
  queryKey: ['training', 'appraisals', classId],
  queryFn: () => api.get<AppraisalList>(`/api/training/classes/${classId}/appraisals`),
});
export const claimQuery = (classId: number) => queryOptions({
  queryKey: ['training', 'claim', classId],
  queryFn: () => api.get<SubsidyClaim | null>(`/api/training/classes/${classId}/claim`),
});
export const teachersQuery = queryOptions({ queryKey: ['training', 'teachers'], queryFn: () => api.get<TeacherOption[]>('/api/training/teachers'), staleTime: 60_000 });
export const calendarQuery = (from: string, to: string, programmeId?: number) => queryOptions({
  queryKey: ['training', 'calendar', from, to, programmeId ?? 0],
  queryFn: () => api.get<CalendarSession[]>('/api/training/sessions', { from, to, ...(programmeId ? { programmeId } : {}) }),
});
export const publicClassesQuery = queryOptions({ queryKey: ['public', 'training'], queryFn: () => api.get<PublicClass[]>('/api/public/training/classes') });
