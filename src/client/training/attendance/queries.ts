import { queryOptions } from '@tanstack/react-query';
import type { AttendanceMatrix, CheckinCode, MyClass, Roster } from '../../../shared/training/checkin-contracts';
import type { AttendanceStatus } from '../../../shared/training/rules';
import { api } from '../../api';
import type { MessageKey } from '../../i18n';

/** The roster refreshes every few seconds on the teacher's screen (the count of those signed in). */
export const rosterQuery = (sessionId: number) => queryOptions({
  queryKey: ['training', 'roster', sessionId], queryFn: () => api.get<Roster>(`/api/training/sessions/${sessionId}/roster`), refetchInterval: 3000,
});
/** The code is valid 10–20 s; fetched every 5 s the one on screen is always good for 5 s more. */
export const codeQuery = (sessionId: number, open: boolean) => queryOptions({
  queryKey: ['training', 'checkin-code', sessionId], queryFn: () => api.get<CheckinCode>(`/api/training/sessions/${sessionId}/checkin/code`),
  enabled: open, refetchInterval: 5000, refetchIntervalInBackground: true,
});
export const matrixQuery = (classId: number) => queryOptions({
  queryKey: ['training', 'attendance', classId], queryFn: () => api.get<AttendanceMatrix>(`/api/training/classes/${classId}/attendance`),
});
export const myClassesQuery = queryOptions({ queryKey: ['training', 'my'], queryFn: () => api.get<MyClass[]>('/api/training/my/classes') });

export const STATUS_KEYS: Record<AttendanceStatus, MessageKey> = {
  present: 'training.attendance.present', late: 'training.attendance.late', absent: 'training.attendance.absent', excused: 'training.attendance.excused',
};
export const STATUS_COLORS: Record<AttendanceStatus, string> = { present: '#52c41a', late: '#faad14', absent: '#f5222d', excused: '#1677ff' };
export const METHOD_KEYS = {
  qr: 'training.attendance.method.qr', roster: 'training.attendance.method.roster', sheet: 'training.attendance.method.sheet',
} as const satisfies Record<string, MessageKey>;
