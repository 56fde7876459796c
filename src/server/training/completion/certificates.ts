import { and, asc, eq, isNull } from 'drizzle-orm';
import { newSerial } from '../../../shared/certificates/serial.js';
import { CURRICULUM_NAMES } from '../../../shared/training/rules.js';
import { recordAudit } from '../../core/audit/service.js';
import { campaigns } from '../../core/campaign/tables.js';
import { certificates } from '../../core/certificates/tables.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import type { ServiceContext } from '../../context.js';
import { conflict } from '../../http/errors.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { lockClass, programmeRow, requireTrainingStaff } from '../programmes/policy.js';
import { trainingBusinessPlans, trainingCompletions } from './tables.js';

/**
 * 颁发证书 (training staff): a 结业证书 for every trainee of the finished class who completed it,
 * and an 优秀创业计划书 certificate for every commended plan, each once (the source's unique index;
 * issuing again issues only the new ones). The printed facts are copied at issue: the class and
 * its course, or the plan's title and the programme. Dated the end day (the commendation's day for
 * a plan); issued by the class's first organizer, else the campaign's organizer.
 */
export async function issueTrainingCertificates(ctx: ServiceContext, classId: number, input: { issuer?: string }) {
  const actor = requireTrainingStaff(ctx);
  return ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, classId);
    if (c.status !== 'finished') throw conflict(`培训班「${c.name}」结业后才能颁发证书`);
    const p = await programmeRow(tx, c.programmeId);
    const [campaign] = p.campaignId != null ? await tx.select({ organizer: campaigns.organizer }).from(campaigns).where(eq(campaigns.id, p.campaignId)) : [];
    const issuer = input.issuer ?? c.organizers[0] ?? campaign?.organizer ?? '培训组';
    const holder = { name: people.name, idNumberMasked: people.idNumberMasked, unitName: units.name };
    const [completers, plans] = await Promise.all([
      tx.select({ id: trainingCompletions.enrolmentId, decidedOn: trainingCompletions.decidedOn, ...holder }).from(trainingCompletions)
        .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingCompletions.enrolmentId)).innerJoin(people, eq(people.id, trainingEnrolments.personId))
        .leftJoin(units, eq(units.id, trainingEnrolments.unitId))
        .leftJoin(certificates, and(eq(certificates.sourceKind, 'training-completion'), eq(certificates.sourceId, trainingCompletions.enrolmentId)))
        .where(and(eq(trainingCompletions.classId, classId), eq(trainingCompletions.completed, true), isNull(certificates.id))).orderBy(asc(trainingCompletions.enrolmentId)),
      tx.select({ id: trainingBusinessPlans.id, title: trainingBusinessPlans.title, commendedOn: trainingBusinessPlans.commendedOn, ...holder }).from(trainingBusinessPlans)
        .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingBusinessPlans.enrolmentId)).innerJoin(people, eq(people.id, trainingEnrolments.personId))
        .leftJoin(units, eq(units.id, trainingEnrolments.unitId))
        .leftJoin(certificates, and(eq(certificates.sourceKind, 'training-plan'), eq(certificates.sourceId, trainingBusinessPlans.id)))
        .where(and(eq(trainingBusinessPlans.classId, classId), eq(trainingBusinessPlans.commended, true), isNull(certificates.id))).orderBy(asc(trainingBusinessPlans.id)),
    ]);
    const now = ctx.clock.now();
    const common = { outcomeId: null, competitionId: null, issuer, issuedBy: actor.id, createdAt: now };
    const rows = [
      ...completers.map((t) => {
        const issuedOn = c.graduationOn && c.graduationOn >= t.decidedOn ? c.graduationOn : t.decidedOn;
        return {
          ...common, serial: newSerial(Number(issuedOn.slice(0, 4))), sourceKind: 'training-completion' as const, sourceId: t.id,
          holderName: t.name, holderIdMasked: t.idNumberMasked, unitName: t.unitName ?? '', tradeName: CURRICULUM_NAMES[c.curriculum].zh,
          competitionName: c.name, title: '准予结业', issuedOn,
        };
      }),
      ...plans.map((pl) => {
        const issuedOn = pl.commendedOn ?? c.actualEndOn!;
        return {
          ...common, serial: newSerial(Number(issuedOn.slice(0, 4))), sourceKind: 'training-plan' as const, sourceId: pl.id,
          holderName: pl.name, holderIdMasked: pl.idNumberMasked, unitName: pl.unitName ?? '', tradeName: pl.title,
          competitionName: `${p.name}（${c.name}）`, title: '优秀创业计划书', issuedOn,
        };
      }),
    ];
    if (rows.length === 0) return { completion: 0, plans: 0 };
    const inserted: { serial: string; sourceKind: string }[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      inserted.push(...await tx.insert(certificates).values(rows.slice(i, i + 500)).onConflictDoNothing().returning({ serial: certificates.serial, sourceKind: certificates.sourceKind }));
    }
    const result = { completion: inserted.filter((r) => r.sourceKind === 'training-completion').length, plans: inserted.filter((r) => r.sourceKind === 'training-plan').length };
    await recordAudit(tx, ctx, { action: 'training.certificate.issue', entity: 'training_class', entityId: classId, after: { ...result, issuer, serials: inserted.map((r) => r.serial) } });
    return result;
  });
}
