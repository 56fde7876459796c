import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, makeIdNumber } from '../idcard.js';
import { ID_ENDS_000, ID_ENDS_000_BAD_CHECK, ID_STORED_AS_NUMBER, idNumberFromCell } from './id-cell.js';
import { normalizeCellText, numberFromCell } from './sheet.js';

const TODAY = new Date('2026-12-07T00:00:00Z');
/** A valid ID number from its parts. */
const idArb = fc.record({
  year: fc.integer({ min: 1940, max: 2008 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }),
  seq: fc.integer({ min: 0, max: 999 }), gender: fc.constantFrom('M' as const, 'F' as const),
}).map((p) => makeIdNumber('330102', `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`, p.seq, p.gender));
/** What Excel keeps of an 18-digit number: 15 significant digits. */
const truncated = (id: string) => `${id.slice(0, 15)}000`;

describe('an ID number cell (one reading for every import)', () => {
  it('accepts a valid ID as text, unless it ends in 000', () => {
    fc.assert(fc.property(idArb, (id) => {
      const r = idNumberFromCell(id, TODAY);
      if (id.endsWith('000')) expect(r).toEqual({ ok: false, reason: ID_ENDS_000, suspect: id });
      else expect(r).toMatchObject({ ok: true, value: id });
    }));
  });

  it('never accepts what a number cell or its text (plain or scientific) holds', () => {
    fc.assert(fc.property(idArb.filter((id) => !id.endsWith('X')), (id) => {
      const n = Number(id);
      expect(idNumberFromCell(n, TODAY)).toEqual({ ok: false, reason: ID_STORED_AS_NUMBER });
      expect(idNumberFromCell(n.toExponential(14).toUpperCase(), TODAY)).toEqual({ ok: false, reason: ID_STORED_AS_NUMBER });
      const back = idNumberFromCell(truncated(id), TODAY);
      expect(back.ok).toBe(false);
      const passes = checkCharacter(truncated(id).slice(0, 17)) === '0';
      expect(back).toMatchObject(passes ? { reason: ID_ENDS_000, suspect: truncated(id) } : { reason: ID_ENDS_000_BAD_CHECK });
    }));
  });

  it('reads invisible characters and full-width digits away as before', () => {
    expect(idNumberFromCell('３３０１０２１９８５０８０２１０７４', TODAY)).toMatchObject({ ok: true, value: '330102198508021074' });
    expect(idNumberFromCell('33010219850802107', TODAY)).toEqual({ ok: false, reason: '身份证号应为 18 位' });
    expect(idNumberFromCell(null, TODAY)).toEqual({ ok: false, reason: '请填写身份证号' });
  });
});

describe('cell text as the imports compare it', () => {
  it('drops invisible characters, trims odd spaces, keeps inner ideographic spaces and full-width brackets', () => {
    expect(normalizeCellText('\uFEFF江川\u200B技师学院\u00A0')).toBe('江川技师学院');
    expect(normalizeCellText('\u3000欧阳\u3000娜 ')).toBe('欧阳\u3000娜');
    expect(normalizeCellText('江川机械（集团）')).toBe('江川机械（集团）');
    expect(normalizeCellText('\u200B\u00A0')).toBeNull();
    expect(normalizeCellText("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(normalizeCellText("'张三")).toBe("'张三");
  });

  it('is idempotent and leaves no invisible character or outer space', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '江', ' ', '\u00A0', '\u3000', '\u200B', '\uFEFF', "'", '=') }), (s) => {
      const t = normalizeCellText(s);
      if (t === null) return;
      expect(normalizeCellText(t)).toBe(/^'[=+\-@]/.test(t) ? t.slice(1) : t);
      expect(/[\u200B\uFEFF\u00A0]/.test(t)).toBe(false);
      expect(t).toBe(t.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
    }));
  });
});

describe('a number cell against the precision of its column', () => {
  it('takes a value off by floating noise as its decimal, refuses more decimals showing the stored value', () => {
    expect(numberFromCell(85.17000000000002, 2, '成绩')).toEqual({ ok: true, value: 85.17 });
    expect(numberFromCell(' 90 ', 2, '成绩')).toEqual({ ok: true, value: 90 });
    expect(numberFromCell(511 / 6, 2, '成绩')).toEqual({ ok: false, reason: '单元格中的值是 85.16666666666667（显示时可能为 85.17），成绩最多保留两位小数；请直接输入 85.17，或用 ROUND 函数取整' });
    expect(numberFromCell('八十', 2, '成绩')).toMatchObject({ ok: false, reason: '成绩应为数字，而不是“八十”' });
    expect(numberFromCell(null, 2, '成绩')).toBeNull();
  });

  it('accepts every two-decimal value exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), (h) => {
      expect(numberFromCell(h / 100, 2, '成绩')).toEqual({ ok: true, value: h / 100 });
      expect(numberFromCell((h / 100).toFixed(2), 2, '成绩')).toEqual({ ok: true, value: h / 100 });
    }));
  });
});
