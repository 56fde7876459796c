import type { SheetSpec } from './sheet.js';

/** 报名表: a unit's entries for one competition, by resident ID number (people already in the registry). */
export const ENTRIES_SHEET = {
  kind: 'entries',
  title: '竞赛报名',
  columns: [
    { key: 'idNumber', header: '身份证号', required: true, text: true, width: 22, note: '须为已登记的本单位人员；新人员请先用「人员导入模板」登记' },
    { key: 'name', header: '姓名', width: 10, note: '用于核对，须与登记的姓名一致' },
  ],
} as const satisfies SheetSpec;
