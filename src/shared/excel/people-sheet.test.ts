import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../idcard.js';
import { PEOPLE_SHEET, validatePersonRow, type PeopleKey } from './people-sheet.js';
import { columnLetter, locateColumns, RowProblems, type CellValue } from './sheet.js';

const headers = PEOPLE_SHEET.columns.map((c) => c.header);
const loc = locateColumns(PEOPLE_SHEET, headers);
if (!loc.ok) throw new Error('template headers must locate');
const positions = loc.positions;
const lookups: import('./people-sheet.js').PeopleLookups = {
  unitByName: new Map([['江川重型机械有限公司', 1], ['91330100MA2ABCDE1X', 1], ['江川技师学院', 2]]),
  tradeByName: new Map([['车工', 10], ['焊工', 11]]),
  forcedUnitId: null,
  today: new Date('2026-11-24'),
};
const id = makeIdNumber('330102', '1985-03-07', 123, 'M');
const good: Record<PeopleKey, CellValue> = {
  name: '王建国', gender: '男', idNumber: id, phone: '13812345678', unit: '江川重型机械有限公司', trade: '车工', level: '高级工', frontLine: '是', yearsInTrade: 12,
};

function run(cells: Partial<Record<PeopleKey, CellValue>>, lk = lookups) {
  const p = new RowProblems(PEOPLE_SHEET, positions, 7);
  const v = validatePersonRow({ ...good, ...cells }, p, lk);
  return { v, issues: p.issues };
}

describe('people sheet row validation', () => {
  it('accepts a good row', () => {
    expect(run({}).v).toEqual({ name: '王建国', gender: 'M', idNumber: id, phone: '13812345678', unitId: 1, tradeId: 10, level: 3, frontLine: true, yearsInTrade: 12 });
  });

  it('reports each bad cell with its row, column letter, header and reason', () => {
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const { v, issues } = run({ idNumber: wrongCheck, trade: '厨师', unit: '不存在的厂', level: '九级' });
    expect(v).toBeNull();
    expect(issues).toEqual([
      { row: 7, column: 'C', header: '身份证号', reason: '身份证号校验位错误' },
      { row: 7, column: 'E', header: '单位', reason: '单位“不存在的厂”不存在' },
      { row: 7, column: 'F', header: '工种', reason: '工种“厨师”不存在' },
      { row: 7, column: 'G', header: '等级', reason: expect.stringContaining('等级“九级”无效') },
    ]);
  });

  it('refuses an ID number that Excel turned into a number', () => {
    expect(run({ idNumber: 330102198503071230 }).issues[0]!.reason).toContain('文本格式');
  });

  it('refuses a gender that contradicts the ID number, and derives it when left blank', () => {
    expect(run({ gender: '女' }).issues[0]!.reason).toContain('与身份证号不符');
    expect(run({ gender: null }).v?.gender).toBe('M');
  });

  it('accepts a unit by its credit code, and forces a unit account\'s own unit', () => {
    expect(run({ unit: '91330100MA2ABCDE1X' }).v?.unitId).toBe(1);
    expect(run({ unit: null }, { ...lookups, forcedUnitId: 2 }).v?.unitId).toBe(2);
    expect(run({ unit: '江川重型机械有限公司' }, { ...lookups, forcedUnitId: 2 }).issues[0]!.reason).toBe('只能导入本单位人员');
    expect(run({ unit: null }).issues[0]!.reason).toBe('单位为必填项');
  });

  it('never throws, whatever the cells hold', () => {
    const cell = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    fc.assert(fc.property(fc.record(Object.fromEntries(PEOPLE_SHEET.columns.map((c) => [c.key, cell])) as Record<PeopleKey, fc.Arbitrary<CellValue>>), (cells) => {
      const { v, issues } = run(cells);
      expect(v === null ? issues.length > 0 : issues.length === 0).toBe(true);
    }));
  });

  it('numbers columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('finds columns in any order and names the missing required ones', () => {
    const shuffled = locateColumns(PEOPLE_SHEET, ['身份证号*', '姓名*', '工种']);
    expect(shuffled.ok && shuffled.positions.idNumber === 0 && shuffled.positions.name === 1 && shuffled.positions.unit === null).toBe(true);
    expect(locateColumns(PEOPLE_SHEET, ['姓名'])).toEqual({ ok: false, missing: ['身份证号'] });
  });
});
