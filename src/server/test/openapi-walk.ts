import type { TestEnv } from './harness.js';

/**
 * Walking the OpenAPI document: every write route with a plausible body built from its schema,
 * where fields that name an id get real ids of the world under test (the states walks).
 */
export type Method = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export interface Op { method: Method; path: string; schema: JsonSchema | undefined }
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  format?: string;
  pattern?: string;
  const?: unknown;
  $ref?: string;
}

export interface OpenApiWalk {
  ops: Op[];
  resolve(s: JsonSchema | undefined): JsonSchema | undefined;
  /** A plausible value for a field: `ids[name]` where the field names an id, `strings[name]` for named strings. */
  sample(name: string, schema: JsonSchema | undefined, hints: SampleHints, depth?: number): unknown;
}

export interface SampleHints {
  ids: Record<string, number | undefined>;
  strings?: Record<string, string | undefined>;
  numbers?: Record<string, number>;
  now: Date;
}

export const within = <T>(ms: number, p: Promise<T>, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))]);

/** The write routes of the app's OpenAPI document (sign-in and sign-out left out: they end the walk's own sessions). */
export async function openApiWalk(env: TestEnv, keep: (path: string) => boolean = () => true): Promise<OpenApiWalk> {
  const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const components: Record<string, JsonSchema> = doc.components?.schemas ?? {};
  const ops: Op[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths as Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>>)) {
    for (const [m, op] of Object.entries(byMethod)) {
      if (m === 'get' || m === 'head' || m === 'options') continue;
      if (path.startsWith('/api/auth/') || !keep(path)) continue;
      ops.push({ method: m.toUpperCase() as Method, path, schema: op.requestBody?.content?.['application/json']?.schema });
    }
  }
  const resolve = (s: JsonSchema | undefined): JsonSchema | undefined => {
    if (!s) return s;
    if (s.$ref) return resolve(components[s.$ref.split('/').pop()!]);
    if (s.allOf) return s.allOf.map(resolve).reduce<JsonSchema>((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b?.properties }, required: [...(a.required ?? []), ...(b?.required ?? [])] }), {});
    if (s.anyOf ?? s.oneOf) return resolve((s.anyOf ?? s.oneOf)!.find((x) => x.type !== 'null') ?? (s.anyOf ?? s.oneOf)![0]);
    return s;
  };
  const sample = (name: string, schema: JsonSchema | undefined, hints: SampleHints, depth = 0): unknown => {
    const s = resolve(schema);
    if (!s || depth > 6) return null;
    if (s.const !== undefined) return s.const;
    if (s.enum?.length) return s.enum[0];
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(k, v, hints, depth + 1);
        return out;
      }
      case 'array': {
        const singular = name.endsWith('Ids') ? name.slice(0, -1) : name;
        return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(singular, s.items, hints, depth + 1));
      }
      case 'integer':
      case 'number':
        if (hints.ids[name]) return hints.ids[name];
        if (hints.numbers && name in hints.numbers) return hints.numbers[name];
        return Math.max(1, typeof s.minimum === 'number' ? s.minimum : 1);
      case 'boolean':
        return true;
      case 'string': {
        if (hints.strings?.[name]) return hints.strings[name];
        if (s.format === 'date') return '2009-05-25';
        if (s.format === 'date-time') return hints.now.toISOString();
        if (/date|On$/.test(name)) return '2009-05-25';
        if (/At$/.test(name)) return hints.now.toISOString();
        if (s.pattern === '^([01]\\d|2[0-3]):[0-5]\\d$') return '09:00';
        const text = '现场情况核实说明';
        const len = Math.min(Math.max(s.minLength ?? 1, 4), s.maxLength ?? 64);
        return text.repeat(Math.ceil(len / text.length)).slice(0, len);
      }
      default:
        return null;
    }
  };
  return { ops, resolve, sample };
}
