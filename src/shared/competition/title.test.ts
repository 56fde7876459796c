import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameWithTrade } from './title';

describe('nameWithTrade', () => {
  it('names the trade once (a notice printed "（工具钳工）（工具钳工）")', () => {
    expect(nameWithTrade('江川市2009年职业技能大赛（工具钳工）', '工具钳工')).toBe('江川市2009年职业技能大赛（工具钳工）');
    expect(nameWithTrade('江川市2009年职业技能大赛', '工具钳工')).toBe('江川市2009年职业技能大赛（工具钳工）');
    expect(nameWithTrade('焊工技能竞赛', '焊工')).toBe('焊工技能竞赛');
  });

  it('always contains the trade exactly as often as the name did, or once', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() === s && s.length > 0), (name, trade) => {
        const out = nameWithTrade(name, trade);
        const times = (s: string) => s.split(trade).length - 1;
        expect(times(out)).toBe(Math.max(1, times(name.trim())));
        expect(nameWithTrade(out, trade)).toBe(out);
      }),
    );
  });
});
