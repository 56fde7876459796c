import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Appeal, AppealWindow } from '../../../shared/contracts/appeals';
import type { CalendarDay } from '../../../shared/contracts/calendar';
import type { Certificate } from '../../../shared/contracts/certificates';
import type { Notice, Objection } from '../../../shared/contracts/notices';
import type { CompetitionResults, EntryExplanation, MyResult } from '../../../shared/contracts/results';
import { api } from '../../api';
import { competitionKeys } from '../components/common';

/**
 * The queries of results, appeals, notices and certificates. Everything of one competition sits
 * under ['competition', id], so a write through useCompetitionAction refreshes it all.
 */
export type AppealWindowView = z.infer<typeof AppealWindow>;

export const resultsQuery = (id: number) =>
  queryOptions({ queryKey: competitionKeys.part(id, 'results'), queryFn: () => api.get<CompetitionResults>(`/api/competitions/${id}/results`) });

export const explanationQuery = (id: number, entryId: number) =>
  queryOptions({ queryKey: competitionKeys.part(id, 'results', entryId), queryFn: () => api.get<EntryExplanation>(`/api/competitions/${id}/results/${entryId}`) });

export const appealWindowQuery = (id: number) =>
  queryOptions({ queryKey: competitionKeys.part(id, 'appeal-window'), queryFn: () => api.get<AppealWindowView>(`/api/competitions/${id}/appeal-window`) });

export const appealsQuery = (id: number) =>
  queryOptions({ queryKey: competitionKeys.part(id, 'appeals'), queryFn: () => api.get<Appeal[]>(`/api/competitions/${id}/appeals`) });

/** The competition's results notices, every round (newest first). */
export const noticesQuery = (id: number) =>
  queryOptions({
    queryKey: competitionKeys.part(id, 'notices'),
    queryFn: async () => (await api.get<Notice[]>('/api/notices', { kind: 'competition-results', subjectId: id })).sort((a, b) => b.id - a.id),
  });

export const objectionsQuery = (id: number, noticeId: number) =>
  queryOptions({ queryKey: competitionKeys.part(id, 'objections', noticeId), queryFn: () => api.get<Objection[]>(`/api/notices/${noticeId}/objections`) });

export const certificatesQuery = (id: number) =>
  queryOptions({ queryKey: competitionKeys.part(id, 'certificates'), queryFn: () => api.get<Certificate[]>(`/api/competitions/${id}/certificates`) });

export const calendarQuery = queryOptions({ queryKey: ['calendar'], queryFn: () => api.get<CalendarDay[]>('/api/calendar') });

export const myResultsQuery = queryOptions({ queryKey: ['my', 'results'], queryFn: () => api.get<MyResult[]>('/api/me/results') });

export const myCertificatesQuery = queryOptions({ queryKey: ['my', 'certificates'], queryFn: () => api.get<Certificate[]>('/api/me/certificates') });

/** Where anyone checks a certificate (server-rendered, outside the app). */
export const verifyPath = (serial: string) => `/verify/${encodeURIComponent(serial)}`;

export const certificatePdfPath = (certId: number) => `/api/certificates/${certId}/pdf`;
