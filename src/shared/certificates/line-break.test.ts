import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines } from './line-break';

const units = (s: string) => [...s].length; // one unit a character

describe('breakLines', () => {
  it('never leaves "得" alone on the last line (the certificate did)', () => {
    const text = '参加江川市2009年职业技能大赛（工具钳工），经评定取得';
    const lines = breakLines(text, 24, units);
    expect(lines.join('')).toBe(text);
    expect(lines.length).toBe(2);
    expect([...lines.at(-1)!].length).toBeGreaterThanOrEqual(3);
    expect(Math.abs(units(lines[0]!) - units(lines[1]!))).toBeLessThanOrEqual(2); // balanced
  });

  it('keeps punctuation off the start of a line and opening brackets off its end', () => {
    const lines = breakLines('一二三四五六七八九十，甲乙丙丁（戊己庚辛）壬癸', 10, units);
    for (const l of lines.slice(1)) expect('，。、）》').not.toContain(l[0]);
    for (const l of lines) expect('（《').not.toContain(l.at(-1));
  });

  it('keeps every character in order, fits the width, and never ends on a stub', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'技能大赛竞赛评定取得参加，（）年月日0123'), minLength: 1, maxLength: 80 }), fc.integer({ min: 6, max: 30 }), (text, width) => {
        const lines = breakLines(text, width, units);
        expect(lines.join('')).toBe(text);
        for (const l of lines) expect(units(l)).toBeLessThanOrEqual(width + 1); // a carried punctuation mark may hang
        if (lines.length > 1) expect([...lines.at(-1)!].length).toBeGreaterThanOrEqual(Math.min(3, [...text].length));
        expect(lines.length).toBeLessThanOrEqual(Math.ceil(units(text) / (width - 2)) + 1);
      }),
    );
  });
});
