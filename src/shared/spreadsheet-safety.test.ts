import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeCell } from './spreadsheet-safety.js';

describe('formula neutralization in exports', () => {
  it('prefixes text that Excel would run as a formula', () => {
    for (const v of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1']) expect(neutralizeCell(v)).toBe(`'${v}`);
    expect(neutralizeCell('张三')).toBe('张三');
  });
  it('never leaves a dangerous first character', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(/^[=+\-@\t\r]/.test(neutralizeCell(s))).toBe(false);
    }));
  });
});
