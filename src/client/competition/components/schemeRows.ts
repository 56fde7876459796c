import type { AspectKind, MarkingSchemeDraft } from '../../../shared/competition/scheme';
import { issueNamePath } from '../../components/formErrors';

/**
 * The scheme editor works on one row per aspect (评分细则), each carrying its criterion and
 * sub-criterion; the tree is rebuilt from the rows in the order codes first appear.
 */
export interface SchemeRow {
  key: string;
  criterionCode: string;
  criterionName: string;
  subCode: string;
  subName: string;
  code: string;
  description: string;
  kind: AspectKind;
  maxMark: number | null;
  levels: [string, string, string, string];
  /** "合格=30；超差=15；不合格=0"; empty for a free mark. */
  bands: string;
}

let seq = 0;
export const newRowKey = () => `r${++seq}`;

export function rowsFromScheme(scheme: MarkingSchemeDraft | null | undefined): SchemeRow[] {
  const rows: SchemeRow[] = [];
  for (const c of scheme?.criteria ?? []) {
    for (const s of c.subCriteria) {
      for (const a of s.aspects) {
        const l = a.levels ?? [];
        rows.push({
          key: newRowKey(), criterionCode: c.code, criterionName: c.name, subCode: s.code, subName: s.name, code: a.code, description: a.description,
          kind: a.kind, maxMark: a.maxMark, levels: [l[0] ?? '', l[1] ?? '', l[2] ?? '', l[3] ?? ''],
          bands: (a.bands ?? []).map((b) => `${b.label}=${b.mark}`).join('；'),
        });
      }
    }
  }
  return rows;
}

export function blankRow(after?: SchemeRow): SchemeRow {
  return {
    key: newRowKey(), criterionCode: after?.criterionCode ?? 'A', criterionName: after?.criterionName ?? '', subCode: after?.subCode ?? 'A1', subName: after?.subName ?? '',
    code: '', description: '', kind: after?.kind ?? 'measurement', maxMark: null, levels: ['', '', '', ''], bands: '',
  };
}

function parseBands(text: string) {
  const parts = text.split(/[;；\n]/).map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  return parts.map((p) => {
    const m = /^(.*?)\s*[=:：]\s*([\d.]+)\s*$/.exec(p);
    return m ? { label: m[1]!.trim(), mark: Number(m[2]) } : { label: p, mark: Number.NaN };
  });
}

/** Where each tree position came from, so the server's issues land on the right row. */
export interface RowIndex {
  aspect: Map<string, string>;
  sub: Map<string, string>;
  criterion: Map<string, string>;
}

export function schemeFromRows(rows: SchemeRow[]): { scheme: MarkingSchemeDraft; index: RowIndex } {
  const index: RowIndex = { aspect: new Map(), sub: new Map(), criterion: new Map() };
  const criteria: MarkingSchemeDraft['criteria'] = [];
  for (const r of rows) {
    let ci = criteria.findIndex((c) => c.code === r.criterionCode.trim());
    if (ci < 0) {
      ci = criteria.push({ code: r.criterionCode.trim(), name: r.criterionName.trim(), subCriteria: [] }) - 1;
      index.criterion.set(`${ci}`, r.key);
    }
    const c = criteria[ci]!;
    let si = c.subCriteria.findIndex((s) => s.code === r.subCode.trim());
    if (si < 0) {
      si = c.subCriteria.push({ code: r.subCode.trim(), name: r.subName.trim(), aspects: [] }) - 1;
      index.sub.set(`${ci}.${si}`, r.key);
    }
    const s = c.subCriteria[si]!;
    const judgement = r.kind === 'judgement';
    const bands = judgement ? undefined : parseBands(r.bands);
    const ai =
      s.aspects.push({
        code: r.code.trim(),
        description: r.description.trim(),
        kind: r.kind,
        maxMark: r.maxMark ?? 0,
        ...(bands ? { bands } : {}),
        ...(judgement ? { levels: r.levels.map((l) => l.trim()) as [string, string, string, string] } : {}),
      }) - 1;
    index.aspect.set(`${ci}.${si}.${ai}`, r.key);
  }
  return { scheme: { criteria }, index };
}

/** An issue's field ('criteria[0].subCriteria[1].aspects[2].levels' or 'criteria.0…') → the row it is about, or null. */
export function rowOfIssue(field: string, index: RowIndex): string | null {
  const path = issueNamePath(field);
  const at = (name: string) => {
    const i = path.indexOf(name);
    const v = i >= 0 ? path[i + 1] : undefined;
    return typeof v === 'number' ? v : undefined;
  };
  const ci = at('criteria');
  const si = at('subCriteria');
  const ai = at('aspects');
  if (ci === undefined) return null;
  if (si !== undefined && ai !== undefined) return index.aspect.get(`${ci}.${si}.${ai}`) ?? null;
  if (si !== undefined) return index.sub.get(`${ci}.${si}`) ?? null;
  return index.criterion.get(`${ci}`) ?? null;
}
