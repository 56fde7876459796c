import { and, desc, eq } from 'drizzle-orm';
import { newSerial, parseSerial } from '../../../shared/certificates/serial.js';
import { certificateTitle, heldByUnit } from '../../../shared/certificates/titles.js';
import { beijingTime } from '../../../shared/beijing-time.js';
import type { Certificate, CertificateSource, CertificateVerification } from '../../../shared/contracts/certificates.js';
import { recordAudit } from '../audit/service.js';
import { campaigns } from '../campaign/tables.js';
import { requireOrganizer } from '../../competition/competitions/policy.js';
import { competitions } from '../../competition/competitions/tables.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.js';
import { cachedJson, invalidatePublic } from '../../http/public-cache.js';
import { notices } from '../notices/tables.js';
import { requireRole } from '../../policy.js';
import { trades } from '../trades/tables.js';
import { CERTIFICATE_READERS, isCertificateStaff, mayReadCertificate, requireLister } from './policy.js';
import { holderPersonId, holderUnitId, outcomesWithoutCertificate, presentCertificate, selectCertificates } from './queries.js';
import { renderCertificate } from './render.js';
import { certificates } from './tables.js';

export interface IssueInput {
  issuedOn?: string;
  issuer?: string;
}

const beijingDate = (d: Date) => beijingTime(d).slice(0, 10);

/** The day the results became final: when the last round of the competition's notice closed as final. */
async function finalNoticeDate(tx: DbOrTx, competitionId: number): Promise<string | null> {
  const [n] = await tx.select({ closedAt: notices.closedAt, endsOn: notices.endsOn }).from(notices)
    .where(and(eq(notices.kind, 'competition-results'), eq(notices.subjectId, competitionId), eq(notices.status, 'final')))
    .orderBy(desc(notices.round)).limit(1);
  return n ? (n.closedAt ? beijingDate(n.closedAt) : n.endsOn) : null;
}

/**
 * 颁发证书: one certificate per final outcome that has none yet (so issuing again after more
 * outcomes issues only those). The printed facts are copied at issue. Defaults: dated the day the
 * results became final, issued by the campaign's organizer.
 */
export async function issueCertificates(ctx: ServiceContext, competitionId: number, input: IssueInput): Promise<{ issued: number }> {
  requireOrganizer(ctx);
  const issued = await ctx.db.transaction(async (tx) => {
    // Locking the competition serializes two clicks on 颁发 (the outcome's unique index backs it up).
    const [c] = await tx.select().from(competitions).where(eq(competitions.id, competitionId)).for('update');
    if (!c) throw notFound('竞赛');
    if (c.status !== 'final') throw conflict('成绩确定（公示期满）后才能颁发证书');
    const [[trade], [campaign], pending, noticeDate] = await Promise.all([
      tx.select({ name: trades.name }).from(trades).where(eq(trades.id, c.tradeId)),
      tx.select({ organizer: campaigns.organizer }).from(campaigns).where(eq(campaigns.id, c.campaignId)),
      outcomesWithoutCertificate(tx, competitionId),
      finalNoticeDate(tx, competitionId),
    ]);
    if (pending.length === 0) return [];
    const tradeName = trade?.name ?? '';
    const issuer = input.issuer ?? campaign?.organizer ?? '';
    const now = ctx.clock.now();
    const rows = pending.map((o) => {
      const issuedOn = input.issuedOn ?? noticeDate ?? o.decidedOn;
      const byUnit = heldByUnit(o.kind);
      return {
        serial: newSerial(Number(issuedOn.slice(0, 4))), sourceKind: 'competition-outcome' as const, sourceId: o.id, outcomeId: o.id, competitionId,
        holderName: (byUnit ? o.unitName : o.personName) ?? '', holderIdMasked: byUnit ? null : o.idNumberMasked,
        unitName: o.unitName ?? '', tradeName, competitionName: c.name, title: certificateTitle(o, tradeName),
        issuer, issuedOn, issuedBy: ctx.actor!.id, createdAt: now,
      };
    });
    const inserted = await tx.insert(certificates).values(rows).onConflictDoNothing().returning({ id: certificates.id, serial: certificates.serial });
    await recordAudit(tx, ctx, {
      action: 'certificate.issue', entity: 'competition', entityId: competitionId,
      after: { issued: inserted.length, issuer, issuedOn: input.issuedOn ?? noticeDate ?? 'decided_on', serials: inserted.map((r) => r.serial) },
    });
    return inserted;
  });
  return { issued: issued.length };
}

/** A competition's certificates: organizers all, a unit its own holders'. */
export async function listCertificates(ctx: ServiceContext, competitionId: number): Promise<Certificate[]> {
  const { unitId } = requireLister(ctx);
  const [c] = await ctx.db.select({ id: competitions.id }).from(competitions).where(eq(competitions.id, competitionId));
  if (!c) throw notFound('竞赛');
  const rows = await selectCertificates(ctx.db, and(eq(certificates.competitionId, competitionId), unitId == null ? undefined : eq(holderUnitId, unitId)));
  return rows.map(presentCertificate);
}

/** 我的证书 (role person). */
export async function myCertificates(ctx: ServiceContext): Promise<Certificate[]> {
  const actor = requireRole(ctx, 'person');
  if (actor.personId == null) return [];
  return (await selectCertificates(ctx.db, eq(holderPersonId, actor.personId))).map(presentCertificate);
}

/** The certificate's PDF, for the organizers, its holder and the holder's unit. */
export async function certificatePdf(ctx: ServiceContext, certificateId: number, verifyBase: string) {
  const actor = requireRole(ctx, ...CERTIFICATE_READERS);
  const [row] = await selectCertificates(ctx.db, eq(certificates.id, certificateId));
  if (!row) throw notFound('证书');
  if (!mayReadCertificate(actor, { ...row, source: row.c.sourceKind })) throw forbidden('只能下载本人或本单位的证书');
  const cert = presentCertificate(row);
  return { fileName: certificateFileName(cert), body: await renderCertificate(cert, verifyBase) };
}

/** `<serial>-<holder>.pdf`, safe in any file system. */
export function certificateFileName(c: Pick<Certificate, 'serial' | 'holderName'>): string {
  return `${c.serial}-${c.holderName.replace(/[\\/:*?"<>|\s]+/g, '_')}.pdf`;
}

const REVOKERS: Record<CertificateSource, string> = {
  'competition-outcome': '只有组委会办公室或技能竞赛组委会可以管理竞赛',
  'selection-award': '只有评选办公室可以撤销证书',
  'training-completion': '只有培训组可以撤销培训证书',
  'training-plan': '只有培训组可以撤销培训证书',
};

/** 撤销: the certificate stays (its serial still answers) but shows 已撤销 with the date and reason. */
export async function revokeCertificate(ctx: ServiceContext, certificateId: number, input: { reason: string }): Promise<Certificate> {
  const actor = requireRole(ctx, 'admin', 'committee');
  const row = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(certificates).where(eq(certificates.id, certificateId)).for('update');
    if (!before) throw notFound('证书');
    if (!isCertificateStaff(actor, before.sourceKind)) {
      throw forbidden(REVOKERS[before.sourceKind]);
    }
    if (before.status === 'revoked') throw conflict(`该证书已于${beijingTime(before.revokedAt!)}撤销`);
    await tx.update(certificates).set({ status: 'revoked', revokedAt: ctx.clock.now(), revokedBy: actor.id, revokeReason: input.reason })
      .where(eq(certificates.id, certificateId));
    await recordAudit(tx, ctx, {
      action: 'certificate.revoke', entity: 'certificate', entityId: certificateId,
      before: { serial: before.serial, status: before.status }, after: { status: 'revoked', reason: input.reason },
    });
    const [after] = await selectCertificates(tx, eq(certificates.id, certificateId));
    return after!;
  });
  invalidatePublic(ctx.db, `certificate:${row.c.serial}`);
  return presentCertificate(row);
}

export const certificateNotFound = () => new AppError(404, 'NOT_FOUND', '未找到该编号的证书，请核对证书编号');

/**
 * 证书查验 for anyone: the certificate as JSON text (from the public cache), or 404 for an unknown
 * or malformed serial. Only what the certificate prints (the ID masked) is shown.
 */
export async function verifyCertificate(ctx: ServiceContext, serialInput: string): Promise<string> {
  const serial = parseSerial(serialInput);
  if (!serial) throw certificateNotFound();
  return cachedJson(ctx.db, `certificate:${serial}`, async () => {
    const [row] = await selectCertificates(ctx.db, eq(certificates.serial, serial));
    if (!row) throw certificateNotFound();
    const { id: _id, ...verification } = presentCertificate(row);
    return verification satisfies CertificateVerification;
  });
}
