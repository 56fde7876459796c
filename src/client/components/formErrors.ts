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

/** "body.parts.0.weight" or "parts[0].weight" → ['parts', 0, 'weight']. */
export function issueNamePath(field: string): (string | number)[] {
  return field
    .replace(/^body\./, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Like applyServerErrors for forms with nested fields (Form.List, grouped names): each issue lands
 * on the deepest field it names that the form has; the issues that fit no field are returned, so
 * the caller can list them above the form.
 */
export function applyNestedServerErrors(form: FormInstance, error: unknown, fieldExists: (path: (string | number)[]) => boolean): { message: string; unplaced: string[] } {
  if (!(error instanceof ApiError)) return { message: error instanceof Error ? error.message : String(error), unplaced: [] };
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unplaced: string[] = [];
  for (const issue of error.issues) {
    const path = issueNamePath(issue.field);
    let name: (string | number)[] | null = null;
    for (let n = path.length; n > 0 && !name; n--) if (fieldExists(path.slice(0, n))) name = path.slice(0, n);
    if (!name) {
      unplaced.push(issue.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byPath.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byPath.set(key, entry);
  }
  form.setFields([...byPath.values()]);
  return { message: error.message, unplaced: [...new Set(unplaced)].filter((m) => m !== error.message) };
}
