import type { PeopleKey } from './people-sheet.js';
import type { SheetSpec } from './sheet.js';

/**
 * 培训班学员名单: people enrolled by the organizer, by resident ID number. A registered ID number
 * is that person (the name must agree); a new one is registered from the row, as the people
 * import would (the same columns and checks: see validatePersonRow).
 */
export const ENROLMENT_SHEET = {
  kind: 'training-enrolment',
  title: '培训班学员',
  columns: [
    { key: 'name', header: '姓名', required: true, width: 12 },
    { key: 'idNumber', header: '身份证号', required: true, width: 22, text: true, note: '18 位，须设为文本格式；已登记的人员按身份证号找到，不会重复登记' },
    { key: 'phone', header: '手机号', width: 15, text: true },
    { key: 'unit', header: '单位', width: 28, note: '单位名称或统一社会信用代码；新人员必填' },
  ],
} as const satisfies SheetSpec<PeopleKey>;
