import { and, eq, sql } from 'drizzle-orm';
import { certificates } from '../../core/certificates/tables.js';
import { registerStageGate } from '../rounds/gates.js';
import { selectionAwards } from './tables.js';

/**
 * 表彰: holds the awards; it closes (the round ends) once the awards are written (the final list's
 * notice became final) and every expert has a certificate.
 */
registerStageGate('commendation', {
  async count(tx, round) {
    const [n] = await tx.select({ n: sql<number>`count(*)::int` }).from(selectionAwards).where(eq(selectionAwards.roundId, round.id));
    return n?.n ?? 0;
  },
  async blockers(tx, _ctx, round) {
    const [n] = await tx.select({ awards: sql<number>`count(*)::int`, certified: sql<number>`count(${certificates.id})::int` })
      .from(selectionAwards)
      .leftJoin(certificates, and(eq(certificates.sourceKind, 'selection-award'), eq(certificates.sourceId, selectionAwards.id)))
      .where(eq(selectionAwards.roundId, round.id));
    if (!n || n.awards === 0) return ['表彰结果尚未写入（名单公示期满确定后写入）'];
    const missing = n.awards - n.certified;
    return missing > 0 ? [`尚有 ${missing} 名技术能手未颁发证书`] : [];
  },
});
