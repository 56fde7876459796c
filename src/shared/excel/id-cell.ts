import { idNumberMessage } from '../contracts/people.js';
import { checkIdNumber } from '../idcard.js';
import { cellText, type CellValue } from './sheet.js';

/**
 * An ID number as a spreadsheet cell holds it: the one reading every import uses (人员, 报名…),
 * so one problem gets one message everywhere.
 *
 * Excel keeps 15 significant digits. An 18-digit number typed into a General or Number cell (or
 * read from a CSV) is stored as a number and its last three digits become 000
 * (110101199003071234 → 110101199003071000); turned back into text later, it looks like an ID.
 * What can be told from the cell:
 * - a number cell (or text in scientific notation, 1.10101E+17, as a CSV conversion writes it):
 *   the digits are gone; always refused, naming the cause and the cure (format the column as text
 *   and type the numbers again);
 * - 18 digits ending in 000 whose check character fails: almost surely such a number turned back
 *   into text; refused with the same cause rather than "校验位错误";
 * - 18 digits ending in 000 whose check character happens to pass (1 time in 11 for a truncated
 *   number; about 1 real ID in 1,100 ends so): the file cannot tell the two apart, so a file never
 *   registers it silently — the row is refused with the doubt spelt out, and `suspect` carries
 *   the number. An import that matches against the registry (报名) may accept it when a person
 *   with exactly that number is already registered (someone checked it against the card when
 *   registering them one by one on the 人员 page); the people import refuses it, and the message
 *   says to check the card and, if it really ends in 000, register that person on the 人员 page.
 */
export type IdCell =
  | { ok: true; value: string; birthDate: string; gender: 'M' | 'F' }
  | { ok: false; reason: string; suspect?: string };

export const ID_STORED_AS_NUMBER = '身份证号被存成了数字，末尾几位已丢失（Excel 只保留 15 位有效数字）；请把该列设为文本格式后按原件重新输入';
export const ID_ENDS_000_BAD_CHECK = '身份证号末三位为 000 且校验位不符：很可能是被存成数字后丢失了末尾几位（Excel 只保留 15 位有效数字）；请把该列设为文本格式后按原件重新输入';
export const ID_ENDS_000 = '身份证号末三位为 000：可能是被存成数字后丢失了末尾几位（校验位恰好相符，无法从文件判断）；请按身份证原件核对。若号码确实以 000 结尾，请在「人员」页面逐个登记此人';

/** Text that is a number written out by a spreadsheet or a CSV conversion: 1.10101199003071E+17. */
const SCIENTIFIC = /^\d(\.\d+)?E\+?\d+$/i;

export function idNumberFromCell(cell: CellValue, today: Date): IdCell {
  if (typeof cell === 'number') return { ok: false, reason: ID_STORED_AS_NUMBER };
  const text = cellText(cell);
  if (SCIENTIFIC.test(text)) return { ok: false, reason: ID_STORED_AS_NUMBER };
  const r = checkIdNumber(text, today);
  const ends000 = /^\d{15}000$/.test(r.value);
  if (r.ok) return ends000 ? { ok: false, reason: ID_ENDS_000, suspect: r.value } : { ok: true, value: r.value, birthDate: r.birthDate, gender: r.gender };
  if (r.problem === 'checkCharacter' && ends000) return { ok: false, reason: ID_ENDS_000_BAD_CHECK };
  return { ok: false, reason: idNumberMessage(r.problem) };
}
