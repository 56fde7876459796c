import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Aspect, checkScheme, flattenAspects, issuePath, MarkingScheme, MarkingSchemeDraft, schemeTotal } from './scheme.js';

const LEVELS: [string, string, string, string] = ['未达到要求', '基本达到要求', '达到要求', '超出要求'];

function aspect(code: string, maxMark: number, kind: Aspect['kind'] = 'measurement', extra: Partial<Aspect> = {}): Aspect {
  return { code, description: `细则 ${code}`, kind, maxMark, ...(kind === 'judgement' ? { levels: LEVELS } : {}), ...extra };
}
function scheme(...marks: number[]): MarkingSchemeDraft {
  return { criteria: [{ code: 'A', name: '安全文明生产', subCriteria: [{ code: 'A1', name: '操作规范', aspects: marks.map((m, i) => aspect(`A1.${i + 1}`, m)) }] }] };
}

/** Valid schemes: a random tree whose aspect maxMarks, in hundredths, sum to exactly 10000. */
const validScheme = fc
  .array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 })
  .chain((shape) => {
    const n = shape.flat().reduce((a, b) => a + b, 0);
    return fc.record({
      shape: fc.constant(shape),
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: n - 1, maxLength: n - 1 }),
      kinds: fc.array(fc.constantFrom<Aspect['kind']>('measurement', 'judgement'), { minLength: n, maxLength: n }),
      banded: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    });
  })
  .map(({ shape, cuts, kinds, banded }): MarkingSchemeDraft => {
    const points = [0, ...[...cuts].sort((a, b) => a - b), 10000];
    let k = 0;
    return {
      criteria: shape.map((subs, ci) => {
        const c = String.fromCharCode(65 + ci);
        return {
          code: c,
          name: `模块${c}`,
          subCriteria: subs.map((count, si) => ({
            code: `${c}${si + 1}`,
            name: `分项${c}${si + 1}`,
            aspects: Array.from({ length: count }, (_, ai) => {
              const h = points[k + 1]! - points[k]!;
              const kind = kinds[k]!;
              const bands = kind === 'measurement' && banded[k]
                ? [{ label: '满分', mark: h / 100 }, { label: '不得分', mark: 0 }, ...(h >= 2 ? [{ label: '部分', mark: Math.floor(h / 2) / 100 }] : [])]
                : undefined;
              k++;
              return aspect(`${c}${si + 1}.${ai + 1}`, h / 100, kind, bands ? { bands } : {});
            }),
          })),
        };
      }),
    };
  });

describe('评分标准 (marking scheme)', () => {
  it('adds up in hundredths, where floating point would not', () => {
    const marks = [18.91, 15.83, 19.97, 0.57, 0.75, 15.97, 7.83, 15.46, 4.71];
    expect(marks.reduce((a, b) => a + b, 0)).toBe(99.99999999999999);
    expect(schemeTotal(scheme(...marks))).toBe(100);
    expect(checkScheme(scheme(...marks))).toEqual([]);
    expect(schemeTotal(scheme(33.33, 33.33, 33.34))).toBe(100);
    expect(schemeTotal(scheme(0.1, 0.2))).toBe(0.3);
  });

  it('names the total when it is not 100', () => {
    expect(checkScheme(scheme(50, 47.5))).toEqual([{ path: '', message: '评分标准总分必须为 100 分，当前为 97.5 分' }]);
    expect(MarkingScheme.safeParse(scheme(50, 47.5)).error?.issues[0]?.message).toBe('评分标准总分必须为 100 分，当前为 97.5 分');
    expect(MarkingSchemeDraft.safeParse(scheme(50, 47.5)).success).toBe(true);
  });

  it('finds duplicate codes anywhere in the tree, ignoring case', () => {
    const s: MarkingSchemeDraft = {
      criteria: [
        { code: 'A', name: '甲', subCriteria: [{ code: 'A1', name: '甲一', aspects: [aspect('A1.1', 50), aspect('a1.1', 25)] }] },
        { code: 'A1', name: '乙', subCriteria: [{ code: 'B1', name: '乙一', aspects: [aspect('B1.1', 25)] }] },
      ],
    };
    expect(checkScheme(s)).toEqual([
      { path: 'criteria[0].subCriteria[0].aspects[1].code', message: '编号「a1.1」重复（与 criteria[0].subCriteria[0].aspects[0] 相同）' },
      { path: 'criteria[1].code', message: '编号「A1」重复（与 criteria[0].subCriteria[0] 相同）' },
    ]);
  });

  it('checks the fields each kind needs and refuses the ones it must not have', () => {
    const s: MarkingSchemeDraft = {
      criteria: [
        {
          code: 'A',
          name: '甲',
          subCriteria: [
            {
              code: 'A1',
              name: '甲一',
              aspects: [
                { code: 'A1.1', description: '评价无档次说明', kind: 'judgement', maxMark: 40 },
                aspect('A1.2', 30, 'measurement', { levels: LEVELS }),
                aspect('A1.3', 30, 'judgement', { bands: [{ label: '满分', mark: 30 }, { label: '零分', mark: 0 }] }),
              ],
            },
            { code: 'A2', name: '空分项', aspects: [] },
          ],
        },
        { code: 'B', name: '空模块', subCriteria: [] },
      ],
    };
    expect(checkScheme(s)).toEqual([
      { path: 'criteria[0].subCriteria[0].aspects[0].levels', message: '评价细则「A1.1」须写明 0、1、2、3 分四档的评分说明' },
      { path: 'criteria[0].subCriteria[0].aspects[1].levels', message: '测量细则「A1.2」不能设置评价档次说明' },
      { path: 'criteria[0].subCriteria[0].aspects[2].bands', message: '评价细则「A1.3」不能设置分档（按 0–3 分评价）' },
      { path: 'criteria[0].subCriteria[1].aspects', message: '评分分项「A2 空分项」下没有评分细则' },
      { path: 'criteria[1].subCriteria', message: '评分模块「B 空模块」下没有评分分项' },
    ]);
    expect(checkScheme({ criteria: [] }).map((i) => i.message)).toEqual(['评分标准还没有任何评分模块', '评分标准总分必须为 100 分，当前为 0 分']);
  });

  it('gives zod the same issues with real paths', () => {
    expect(issuePath('criteria[1].subCriteria[0].aspects[2].levels')).toEqual(['criteria', 1, 'subCriteria', 0, 'aspects', 2, 'levels']);
    expect(issuePath('')).toEqual([]);
    const r = MarkingScheme.safeParse({ criteria: [{ code: 'A', name: '甲', subCriteria: [{ code: 'A1', name: '甲一', aspects: [{ ...aspect('A1.1', 100, 'judgement'), levels: undefined }] }] }] });
    expect(r.error?.issues).toMatchObject([{ path: ['criteria', 0, 'subCriteria', 0, 'aspects', 0, 'levels'] }]);
  });

  it('checks each field: marks to two decimals, bands within the aspect, four level texts', () => {
    const one = (a: unknown) => MarkingSchemeDraft.safeParse({ criteria: [{ code: 'A', name: '甲', subCriteria: [{ code: 'A1', name: '甲一', aspects: [a] }] }] });
    expect(one(aspect('A1.1', 10.005)).error?.issues[0]?.message).toBe('分值最多保留两位小数');
    expect(one(aspect('A1.1', 0)).success).toBe(false);
    expect(one(aspect('A1.1', 100.01)).success).toBe(false);
    expect(one(aspect('A1.1', 5, 'measurement', { bands: [{ label: '满', mark: 6 }, { label: '零', mark: 0 }] })).error?.issues[0]?.message).toBe('分档分值不能超过该项分值 5');
    expect(one(aspect('A1.1', 5, 'measurement', { bands: [{ label: '满', mark: 5 }, { label: '也满', mark: 5 }] })).error?.issues[0]?.message).toBe('分档分值 5 重复');
    expect(one({ ...aspect('A1.1', 5, 'judgement'), levels: ['a', 'b', 'c'] }).success).toBe(false);
    expect(one({ ...aspect('A1.1', 5), description: '' }).success).toBe(false);
    expect(one({ ...aspect('A1.1', 5), description: 'x'.repeat(501) }).success).toBe(false);
    expect(one({ ...aspect('A 1', 5) }).success).toBe(false);
    // A hand-built object with a bad mark: checkScheme reports it rather than throwing.
    expect(checkScheme(scheme(99.995, 0.005))[0]).toMatchObject({ path: 'criteria[0].subCriteria[0].aspects[0].maxMark' });
  });

  it('accepts every tree whose marks sum to 100', () => {
    fc.assert(fc.property(validScheme, (s) => {
      expect(checkScheme(s)).toEqual([]);
      expect(MarkingScheme.parse(s)).toEqual(s);
      expect(schemeTotal(s)).toBe(100);
    }));
  });

  it('refuses the same tree with one mark moved by 0.01 to 5 either way', () => {
    fc.assert(fc.property(validScheme, fc.nat(), fc.integer({ min: 1, max: 500 }), fc.boolean(), (s, pick, delta, up) => {
      const flat = flattenAspects(s);
      const target = flat[pick % flat.length]!;
      const h = Math.round(target.maxMark * 100) + (up ? delta : -delta);
      fc.pre(h > 0 && h <= 10000);
      const changed: MarkingSchemeDraft = structuredClone(s);
      const a = changed.criteria.flatMap((c) => c.subCriteria.flatMap((x) => x.aspects))[target.position]!;
      a.maxMark = h / 100;
      a.bands = undefined; // the bands were cut for the old mark
      const total = (10000 + (up ? delta : -delta)) / 100;
      expect(checkScheme(changed)).toEqual([{ path: '', message: `评分标准总分必须为 100 分，当前为 ${total} 分` }]);
    }));
  });

  it('flattens in scheme order, keeping every aspect and its parents', () => {
    fc.assert(fc.property(validScheme, (s) => {
      const flat = flattenAspects(s);
      const nested = s.criteria.flatMap((c) => c.subCriteria.flatMap((sc) => sc.aspects.map((a) => ({ a, c, sc }))));
      expect(flat.length).toBe(nested.length);
      flat.forEach((f, i) => {
        expect(f.position).toBe(i);
        expect(f.code).toBe(nested[i]!.a.code);
        expect(f.criterionCode).toBe(nested[i]!.c.code);
        expect(f.subCriterionName).toBe(nested[i]!.sc.name);
      });
    }));
  });
});
