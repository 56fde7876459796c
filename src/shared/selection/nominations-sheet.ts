import type { SheetSpec } from '../excel/sheet.js';

/** 批量推荐表: a unit's (or district's, or industry body's) nominations, by ID number, people already registered. */
export const NOMINATIONS_SHEET = {
  kind: 'selection-nominations',
  title: '技术能手推荐',
  columns: [
    { key: 'idNumber', header: '身份证号', required: true, text: true, width: 22, note: '须为人员库中已登记、且在本单位（本地区、本行业）的人员' },
    { key: 'name', header: '姓名', required: true, width: 10, note: '须与人员库登记的姓名一致' },
    { key: 'conditions', header: '业绩条件', width: 40, note: '填写业绩条件名称，多项用顿号（、）分隔；证明材料在页面上逐项上传' },
    { key: 'description', header: '业绩说明', width: 40 },
    { key: 'statement', header: '推荐理由', width: 40 },
    { key: 'equivalentSkill', header: '同等技能说明', width: 30, note: '未取得高级工及以上等级、申报同等技能水平时填写' },
  ],
} as const satisfies SheetSpec;

/** The condition names (or keys) of a cell, split on the usual separators. */
export function splitConditions(cell: string): string[] {
  return cell.split(/[、,，;；\n]+/).map((s) => s.trim()).filter(Boolean);
}
