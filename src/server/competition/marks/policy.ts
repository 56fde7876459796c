import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { signoffs } from './tables.js';

/** The whole competition's sign-off is stored under this criterion code. */
export const WHOLE = '*';

/** Signed-off marks are locked: a change needs an approved amendment (成绩更正). */
export async function requireNotSignedOff(tx: DbOrTx, competitionId: number, criterionCode: string | null) {
  const codes = criterionCode ? [criterionCode, WHOLE] : [WHOLE];
  const [s] = await tx.select({ c: signoffs.criterionCode }).from(signoffs).where(and(eq(signoffs.competitionId, competitionId), inArray(signoffs.criterionCode, codes)));
  if (s) throw new AppError(409, 'LOCKED', s.c === WHOLE ? '全部成绩已签字锁定，修改须提交成绩更正申请并经第二人批准' : `评分模块 ${s.c} 已签字确认，修改须提交成绩更正申请并经第二人批准`);
}

/**
 * The one answer a judge gets about any code (or aspect) that is not on their panel — recused for
 * their own unit or a declared conflict, not on the team, an unknown code, an entry not approved:
 * the same status, message and body, so a refusal never tells a judge which codes are whose.
 */
export const NOT_ON_SHEET_MESSAGE = '该编号（或该项评分）不在您的评分表中';
export const notOnSheet = () => new AppError(404, 'NOT_ON_SHEET', NOT_ON_SHEET_MESSAGE);
