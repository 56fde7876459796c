import { z } from 'zod';
import { IsoDate, Name } from './common.js';

/** A day that breaks the Monday–Friday rule: a holiday on a weekday, or a make-up working day (调休) on a weekend. */
export const CalendarDay = z.object({ day: IsoDate, kind: z.enum(['holiday', 'workday']), name: Name.min(1, '请填写名称').max(50) });
export type CalendarDay = z.infer<typeof CalendarDay>;
