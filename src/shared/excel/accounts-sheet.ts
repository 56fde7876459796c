import { CreateAccountBody } from '../contracts/accounts.js';
import { COMMITTEE_BODY_NAMES, ROLE_NAMES, keyOfLabel } from '../labels.js';
import { cellText, RowProblems, type CellValue, type SheetSpec } from './sheet.js';

export const ACCOUNTS_SHEET = {
  kind: 'accounts',
  title: '账号',
  columns: [
    { key: 'username', header: '用户名', required: true, width: 16 },
    { key: 'displayName', header: '姓名或名称', required: true, width: 20 },
    { key: 'role', header: '角色', required: true, width: 12, list: Object.values(ROLE_NAMES) },
    { key: 'phone', header: '手机号', width: 15, text: true },
    { key: 'unit', header: '所属单位', width: 28, note: '单位名称或统一社会信用代码' },
    { key: 'committeeBody', header: '所属机构', width: 18, list: Object.values(COMMITTEE_BODY_NAMES) },
  ],
} as const satisfies SheetSpec;

export type AccountsKey = (typeof ACCOUNTS_SHEET.columns)[number]['key'];

export function validateAccountRow(
  cells: Record<AccountsKey, CellValue>,
  p: RowProblems<AccountsKey>,
  unitByName: ReadonlyMap<string, number>,
): CreateAccountBody | null {
  const roleText = cellText(cells.role);
  const role = roleText ? keyOfLabel(ROLE_NAMES, roleText) : null;
  if (!role) p.add('role', roleText ? `角色“${roleText}”无效` : '角色为必填项');
  const unitText = cellText(cells.unit);
  const unitId = unitText ? unitByName.get(unitText) : undefined;
  if (unitText && unitId === undefined) p.add('unit', `单位“${unitText}”不存在`);
  const bodyText = cellText(cells.committeeBody);
  const committeeBody = bodyText ? keyOfLabel(COMMITTEE_BODY_NAMES, bodyText) : null;
  if (bodyText && !committeeBody) p.add('committeeBody', `所属机构“${bodyText}”无效`);
  const candidate = {
    username: cellText(cells.username), displayName: cellText(cells.displayName), role: role ?? 'person',
    phone: cellText(cells.phone) || undefined, unitId, committeeBody: committeeBody ?? undefined,
  };
  const parsed = CreateAccountBody.safeParse(candidate);
  if (!parsed.success) {
    const keyOf: Record<string, AccountsKey> = { username: 'username', displayName: 'displayName', unitId: 'unit', committeeBody: 'committeeBody', phone: 'phone', role: 'role' };
    for (const i of parsed.error.issues) p.add(keyOf[String(i.path[0])] ?? 'username', i.message);
  }
  if (!p.ok || !parsed.success) return null;
  return parsed.data;
}
