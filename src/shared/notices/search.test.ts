import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterNoticeRows } from './search';

const rows = [
  { rank: 1, name: '吕俊', unit: '江川重型机械有限公司', award: '一等奖', idNumber: '430***********1553' },
  { rank: 2, name: '黄光明', unit: '江川汽轮机股份有限公司', award: null, idNumber: '330***********4472' },
  { rank: 3, name: '许伟', unit: '江川重型机械有限公司', award: '三等奖', idNumber: '430***********3956' },
];

describe('filterNoticeRows', () => {
  it('finds a name, a unit, an award or the last digits of the masked ID', () => {
    expect(filterNoticeRows(rows, '黄光明').map((r) => r.rank)).toEqual([2]);
    expect(filterNoticeRows(rows, ' 重型 ').map((r) => r.rank)).toEqual([1, 3]);
    expect(filterNoticeRows(rows, '重型 三等奖').map((r) => r.rank)).toEqual([3]);
    expect(filterNoticeRows(rows, '4472').map((r) => r.rank)).toEqual([2]);
    expect(filterNoticeRows(rows, '无此人')).toEqual([]);
  });

  it('keeps every row for an empty search, and only rows for any other (in their order)', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null)))), fc.string(), (list, q) => {
        const out = filterNoticeRows(list, q);
        if (!q.trim()) expect(out).toEqual(list);
        let i = 0;
        for (const r of out) {
          while (list[i] !== r) i++;
          i++;
        }
        expect(i).toBeLessThanOrEqual(list.length);
      }),
    );
  });
});
