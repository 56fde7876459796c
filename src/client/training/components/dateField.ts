import dayjs, { type Dayjs } from 'dayjs';

/** Form.Item props that keep a DatePicker's value a "YYYY-MM-DD" string in the form (as the API wants it). */
export const dateField = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};
