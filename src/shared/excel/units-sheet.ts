import { CreditCode, type UnitInput } from '../contracts/units.js';
import { UNIT_KIND_NAMES, keyOfLabel } from '../labels.js';
import { isValidPhone, normalizePhone } from '../phone.js';
import { cellText, RowProblems, type CellValue, type SheetSpec } from './sheet.js';

export const UNITS_SHEET = {
  kind: 'units',
  title: '单位',
  columns: [
    { key: 'name', header: '单位名称', required: true, width: 32 },
    { key: 'kind', header: '类别', required: true, width: 12, list: Object.values(UNIT_KIND_NAMES) },
    { key: 'code', header: '统一社会信用代码', width: 22, text: true },
    { key: 'district', header: '所在区县', width: 12 },
    { key: 'contactName', header: '联系人', width: 10 },
    { key: 'contactPhone', header: '联系电话', width: 15, text: true },
  ],
} as const satisfies SheetSpec;

export const CODE_STORED_AS_NUMBER = '统一社会信用代码被存成了数字，末尾几位已丢失（Excel 只保留 15 位有效数字）；请把该列设为文本格式后按原件重新输入';

export type UnitsKey = (typeof UNITS_SHEET.columns)[number]['key'];

export function validateUnitRow(cells: Record<UnitsKey, CellValue>, p: RowProblems<UnitsKey>): UnitInput | null {
  const name = cellText(cells.name);
  if (name.length < 2) p.add('name', name ? '单位名称至少 2 个字' : '单位名称为必填项');
  const kindText = cellText(cells.kind);
  const kind = kindText ? keyOfLabel(UNIT_KIND_NAMES, kindText) : null;
  if (!kind) p.add('kind', kindText ? `类别“${kindText}”无效，应为 ${Object.values(UNIT_KIND_NAMES).join('/')}` : '类别为必填项');
  let code: string | null = null;
  const codeText = cellText(cells.code);
  // A code of 18 digits typed into a number cell keeps 15 (as ID numbers do, see id-cell.ts).
  if (typeof cells.code === 'number') p.add('code', CODE_STORED_AS_NUMBER);
  else if (codeText) {
    const r = CreditCode.safeParse(codeText);
    if (r.success) code = r.data;
    else p.add('code', '统一社会信用代码应为 18 位数字或大写字母');
  }
  let contactPhone: string | null = null;
  const phoneText = cellText(cells.contactPhone);
  if (phoneText) {
    contactPhone = normalizePhone(phoneText);
    if (!isValidPhone(contactPhone)) p.add('contactPhone', `联系电话“${phoneText}”格式不正确`);
  }
  if (!p.ok || !kind) return null;
  return { name, kind, code, district: cellText(cells.district) || null, contactName: cellText(cells.contactName) || null, contactPhone };
}
