import type { ServiceContext } from '../../context.js';
import type { Tx } from '../../db/client.js';

/**
 * 表彰: called once by the final list's notice when it becomes final (cuts/notice-subject.ts), in
 * its transaction: writes each expert's award (title, cash award), the promotion into the
 * qualification records (高级工 → 技师) or the 破格 eligibility (技师 → 高级技师), idempotently.
 * (Implemented by the commendation module.)
 */
export async function writeAwards(_tx: Tx, _ctx: ServiceContext, _roundId: number, _candidateIds: number[], _finalOn: string): Promise<void> {
  throw new Error('writeAwards: not implemented yet');
}
