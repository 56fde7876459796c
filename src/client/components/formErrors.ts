import type { FormInstance } from 'antd';
import { ApiError } from '../api';

/**
 * Puts the server's per-field issues on the form's fields (field "body.idNumber" or "idNumber"
 * lands on the field named idNumber) and returns the message to show above the form.
 */
export function applyServerErrors(form: FormInstance, error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const known = new Set(Object.keys(form.getFieldsValue()));
  const fields = error.issues
    .map((i) => ({ name: i.field.replace(/^body\./, '').split('.')[0] ?? '', message: i.message }))
    .filter((i) => known.has(i.name));
  const byName = new Map<string, string[]>();
  for (const f of fields) byName.set(f.name, [...(byName.get(f.name) ?? []), f.message]);
  form.setFields([...byName].map(([name, errors]) => ({ name, errors })));
  return error.message;
}

/** Turns '' into undefined, so an empty optional input is left out of the request. */
export function blankToUndefined<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && v.trim() === '' ? undefined : v;
  return out as T;
}
