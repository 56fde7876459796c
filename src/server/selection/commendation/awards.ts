import { and, asc, eq, isNull } from 'drizzle-orm';
import { newSerial } from '../../../shared/certificates/serial.js';
import { recordAudit } from '../../core/audit/service.js';
import { campaigns } from '../../core/campaign/tables.js';
import { certificates } from '../../core/certificates/tables.js';
import { people } from '../../core/people/tables.js';
import { trades } from '../../core/trades/tables.js';
import { units } from '../../core/units/tables.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict } from '../../http/errors.js';
import { lockRound, openStage, requireSelectionStaff } from '../rounds/policy.js';
import { commendationReached, commendationStage } from './service.js';
import { selectionAwards } from './tables.js';

/** A round's awards that have no certificate yet, with what the certificate prints. */
function awardsWithoutCertificate(db: DbOrTx, roundId: number) {
  return db.select({
    id: selectionAwards.id, title: selectionAwards.title, decidedOn: selectionAwards.decidedOn,
    name: people.name, idNumberMasked: people.idNumberMasked, unitName: units.name, tradeName: trades.name,
  })
    .from(selectionAwards)
    .innerJoin(people, eq(people.id, selectionAwards.personId))
    .innerJoin(units, eq(units.id, people.unitId))
    .leftJoin(trades, eq(trades.id, people.tradeId))
    .leftJoin(certificates, and(eq(certificates.sourceKind, 'selection-award'), eq(certificates.sourceId, selectionAwards.id)))
    .where(and(eq(selectionAwards.roundId, roundId), isNull(certificates.id)))
    .orderBy(asc(selectionAwards.id));
}

/**
 * 颁发证书 (市技术能手): one certificate per award without one, during or after the commendation
 * stage, each with an unguessable serial whose QR code opens /verify/<serial>. The printed facts
 * are copied at issue; the round's name stands where a competition's would. Defaults: dated the
 * day the list became final, issued by the campaign's organizer.
 */
export async function issueAwardCertificates(ctx: ServiceContext, roundId: number, input: { issuedOn?: string; issuer?: string }): Promise<{ issued: number }> {
  const actor = requireSelectionStaff(ctx);
  return ctx.db.transaction(async (tx) => {
    // The round's lock serializes two clicks on 颁发 (the source's unique index backs it up).
    const r = await lockRound(tx, roundId);
    const stage = commendationStage(r);
    if (!stage || !commendationReached(r)) {
      throw conflict(`当前阶段为「${openStage(r)?.name ?? '—'}」，「${stage?.name ?? '表彰'}」阶段开始后才能颁发证书`);
    }
    const [[any], [campaign], pending] = await Promise.all([
      tx.select({ id: selectionAwards.id }).from(selectionAwards).where(eq(selectionAwards.roundId, roundId)).limit(1),
      tx.select({ organizer: campaigns.organizer }).from(campaigns).where(eq(campaigns.id, r.campaignId)),
      awardsWithoutCertificate(tx, roundId),
    ]);
    if (!any) throw conflict('名单公示期满确定后才写入表彰结果，目前还没有可颁发证书的技术能手');
    if (pending.length === 0) return { issued: 0 };
    const issuer = input.issuer ?? campaign?.organizer ?? '';
    const now = ctx.clock.now();
    const inserted = await tx.insert(certificates).values(pending.map((a) => {
      const issuedOn = input.issuedOn ?? a.decidedOn;
      return {
        serial: newSerial(Number(issuedOn.slice(0, 4))), sourceKind: 'selection-award' as const, sourceId: a.id, outcomeId: null, competitionId: null,
        holderName: a.name, holderIdMasked: a.idNumberMasked, unitName: a.unitName, tradeName: a.tradeName ?? '', competitionName: r.name,
        title: a.title, issuer, issuedOn, issuedBy: actor.id, createdAt: now,
      };
    })).onConflictDoNothing().returning({ serial: certificates.serial });
    await recordAudit(tx, ctx, {
      action: 'selection.certificates', entity: 'selection_round', entityId: roundId,
      after: { issued: inserted.length, issuer, issuedOn: input.issuedOn ?? 'decided_on', serials: inserted.map((c) => c.serial) },
    });
    return { issued: inserted.length };
  });
}
