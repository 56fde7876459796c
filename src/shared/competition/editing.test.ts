import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFields, DRAW_FIXED, lockedChanges, type Editable } from './editing.js';
import { COMPETITION_STATUSES } from './states.js';

const BASE: Editable = {
  campaignId: 1, tradeId: 1, level: 3, name: '车工', startsOn: '2009-05-22', endsOn: '2009-05-24', venue: '实训中心', stations: 10, codePrefix: 'C',
  registrationOpensAt: '2009-05-01T00:00:00.000Z', registrationClosesAt: '2009-05-15T09:00:00.000Z', defaultQuota: null, unitQuotas: {},
  parts: [{ key: 'theory' }, { key: 'practical' }], rules: { topN: 6 },
};
const FIELDS = Object.keys(BASE) as (keyof Editable)[];
const changeOf = (f: keyof Editable): Partial<Editable> => (f === 'parts' ? { parts: [{ key: 'practical' }] } : f === 'rules' ? { rules: { topN: 3 } }
  : f.endsWith('At') ? { [f]: '2009-05-02T00:00:00.000Z' } : typeof BASE[f] === 'number' ? { [f]: 99 } : { [f]: '改' });

describe('what a state lets a competition change', () => {
  it('an unchanged set-up is allowed in every state; the same instant in another offset is no change', () => {
    for (const s of COMPETITION_STATUSES) expect(lockedChanges(s, BASE, { ...BASE, registrationOpensAt: '2009-05-01T08:00:00+08:00' })).toEqual([]);
  });

  it('every change is allowed in set-up, refused once final, and the draw fixes exactly the draw fields', () => {
    fc.assert(fc.property(fc.subarray(FIELDS, { minLength: 1 }), (fields) => {
      const after = Object.assign({}, BASE, ...fields.map(changeOf)) as Editable;
      expect(changedFields(BASE, after).sort()).toEqual([...fields].sort());
      for (const s of ['draft', 'registration', 'closed'] as const) expect(lockedChanges(s, BASE, after)).toEqual([]);
      expect(lockedChanges('final', BASE, after).map((l) => l.field).sort()).toEqual([...fields].sort());
      for (const s of ['drawn', 'marking', 'locked', 'decoded'] as const) {
        expect(lockedChanges(s, BASE, after).map((l) => l.field).sort()).toEqual(fields.filter((f) => (DRAW_FIXED as readonly string[]).includes(f)).sort());
      }
      const notice = lockedChanges('notice', BASE, after).map((l) => l.field);
      expect(notice.includes('rules')).toBe(fields.includes('rules'));
    }));
  });

  it('a weight change (same parts) is a rule change: allowed after the draw, refused during the notice', () => {
    const before = { ...BASE, parts: [{ key: 'theory', weight: 30 }, { key: 'practical', weight: 70 }] };
    const after = { ...BASE, parts: [{ key: 'theory', weight: 20 }, { key: 'practical', weight: 80 }] };
    expect(lockedChanges('drawn', before, after)).toEqual([]);
    expect(lockedChanges('notice', before, after)).toEqual([{ field: 'parts', message: '公示期间不能修改规则' }]);
  });
});
