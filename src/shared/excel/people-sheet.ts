import { LEVEL_NAMES, LEVELS, levelFromName, type Level } from '../levels.js';
import { isValidPhone, normalizePhone } from '../phone.js';
import { idNumberFromCell } from './id-cell.js';
import { cellText, RowProblems, type CellValue, type SheetSpec } from './sheet.js';

export const GENDER_NAMES = { M: '男', F: '女' } as const;
const YES = ['是', 'Y', 'y', '1', 'TRUE', 'true'];
const NO = ['否', 'N', 'n', '0', 'FALSE', 'false'];

export const PEOPLE_SHEET = {
  kind: 'people',
  title: '人员',
  columns: [
    { key: 'name', header: '姓名', required: true, width: 12 },
    { key: 'gender', header: '性别', width: 8, list: ['男', '女'], note: '可留空，按身份证号判断' },
    { key: 'idNumber', header: '身份证号', required: true, width: 22, text: true, note: '18 位，须设为文本格式' },
    { key: 'phone', header: '手机号', width: 15, text: true },
    { key: 'unit', header: '单位', width: 28, note: '单位名称或统一社会信用代码；单位账号可留空' },
    { key: 'trade', header: '工种', width: 12 },
    { key: 'level', header: '等级', width: 12, list: LEVELS.map((l) => LEVEL_NAMES[l].zh) },
    { key: 'frontLine', header: '是否一线', width: 10, list: ['是', '否'] },
    { key: 'yearsInTrade', header: '本工种年限', width: 12 },
  ],
} as const satisfies SheetSpec;

export type PeopleKey = (typeof PEOPLE_SHEET.columns)[number]['key'];

export interface PersonRow {
  name: string;
  gender: 'M' | 'F';
  idNumber: string;
  phone: string | null;
  unitId: number;
  tradeId: number | null;
  level: Level | null;
  frontLine: boolean;
  yearsInTrade: number | null;
}

/** What validation needs to know of the registry, looked up in advance. */
export interface PeopleLookups {
  /** unit name or credit code → id */
  unitByName: ReadonlyMap<string, number>;
  tradeByName: ReadonlyMap<string, number>;
  /** set for a unit account: every row belongs to this unit */
  forcedUnitId: number | null;
  today: Date;
}

/**
 * Validates one spreadsheet row. Every problem of the row is reported (not only the first), each
 * with its column, so a clerk can fix the row in one pass.
 */
export function validatePersonRow(
  cells: Record<PeopleKey, CellValue>,
  p: RowProblems<PeopleKey>,
  lk: PeopleLookups,
): PersonRow | null {
  const name = cellText(cells.name);
  if (!name) p.add('name', '姓名为必填项');
  else if (name.length > 50) p.add('name', '姓名过长（最多 50 字）');

  let idNumber = '';
  let idGender: 'M' | 'F' | null = null;
  const id = idNumberFromCell(cells.idNumber, lk.today);
  if (id.ok) {
    idNumber = id.value;
    idGender = id.gender;
  } else p.add('idNumber', id.reason);

  let gender: 'M' | 'F' | null = idGender;
  const g = cellText(cells.gender);
  if (g) {
    const given = g === '男' || g.toUpperCase() === 'M' ? 'M' : g === '女' || g.toUpperCase() === 'F' ? 'F' : null;
    if (!given) p.add('gender', `性别应为“男”或“女”，而不是“${g}”`);
    else if (idGender && given !== idGender) p.add('gender', `性别“${g}”与身份证号不符`);
    else gender = given;
  }

  let phone: string | null = null;
  const rawPhone = cellText(cells.phone);
  if (rawPhone) {
    phone = normalizePhone(rawPhone);
    if (!isValidPhone(phone)) p.add('phone', `手机号“${rawPhone}”格式不正确`);
  }

  let unitId: number | null = lk.forcedUnitId;
  const unit = cellText(cells.unit);
  if (unit) {
    const found = lk.unitByName.get(unit) ?? lk.unitByName.get(unit.toUpperCase());
    if (found === undefined) p.add('unit', `单位“${unit}”不存在`);
    else if (lk.forcedUnitId !== null && found !== lk.forcedUnitId) p.add('unit', '只能导入本单位人员');
    else unitId = found;
  } else if (unitId === null) p.add('unit', '单位为必填项');

  let tradeId: number | null = null;
  const trade = cellText(cells.trade);
  if (trade) {
    const found = lk.tradeByName.get(trade);
    if (found === undefined) p.add('trade', `工种“${trade}”不存在`);
    else tradeId = found;
  }

  let level: Level | null = null;
  const lv = cellText(cells.level);
  if (lv) {
    level = levelFromName(lv);
    if (!level) p.add('level', `等级“${lv}”无效，应为 ${LEVELS.map((l) => LEVEL_NAMES[l].zh).join('/')}`);
  }

  let frontLine = true;
  const fl = cellText(cells.frontLine);
  if (fl) {
    if (YES.includes(fl)) frontLine = true;
    else if (NO.includes(fl)) frontLine = false;
    else p.add('frontLine', '是否一线应填“是”或“否”');
  }

  let yearsInTrade: number | null = null;
  const y = cellText(cells.yearsInTrade);
  if (y) {
    const n = Number(y);
    if (!Number.isInteger(n) || n < 0 || n > 60) p.add('yearsInTrade', '本工种年限应为 0–60 的整数');
    else yearsInTrade = n;
  }

  if (!p.ok || !gender || unitId === null) return null;
  return { name, gender, idNumber, phone, unitId, tradeId, level, frontLine, yearsInTrade };
}
