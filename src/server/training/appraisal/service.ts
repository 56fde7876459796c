import { and, asc, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { RowIssue } from '../../../shared/contracts/imports.js';
import { APPRAISAL_SHEET, appraisalLinesFromRows, type AppraisalKey, type AppraisalLine } from '../../../shared/excel/appraisal-sheet.js';
import { RowProblems } from '../../../shared/excel/sheet.js';
import {
  appraisalPassed, sameAppraisal, type AppraisalCorrection, type AppraisalImportResult, type AppraisalList,
} from '../../../shared/training/appraisal.js';
import { NEW_TECHNICIAN_AWARDED_LEVEL } from '../../../shared/training/rules.js';
import { inTx, type ServiceContext } from '../../context.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { recordAudit } from '../../core/audit/service.js';
import { people, qualificationRecords } from '../../core/people/tables.js';
import { trades } from '../../core/trades/tables.js';
import { units } from '../../core/units/tables.js';
import { sheetRefusal } from '../../excel/refusal.js';
import { readSheetRows } from '../../excel/sheet-rows.js';
import { exportRows } from '../../excel/write.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import { trainingEnrolments } from '../enrolment/tables.js';
import { classRow, lockClass, requireTrainingStaff } from '../programmes/policy.js';
import type { ClassRow, ProgrammeRow } from '../programmes/tables.js';
import { requireAppraisalReader, requireNewTechnicianClass, requireStaffOrCollege } from './policy.js';
import { trainingAppraisals } from './tables.js';

/** The class's enrolled trainees with what the appraisal needs of them. */
async function enrolledTrainees(db: DbOrTx, classId: number) {
  return db.select({
    enrolmentId: trainingEnrolments.id, examNumber: trainingEnrolments.examNumber, personId: people.id, name: people.name,
    idNumberMasked: people.idNumberMasked, tradeId: people.tradeId, level: people.level, unitName: units.name,
  }).from(trainingEnrolments)
    .innerJoin(people, eq(people.id, trainingEnrolments.personId))
    .leftJoin(units, eq(units.id, trainingEnrolments.unitId))
    .where(and(eq(trainingEnrolments.classId, classId), eq(trainingEnrolments.status, 'enrolled')))
    .orderBy(asc(trainingEnrolments.examNumber), asc(trainingEnrolments.id));
}
type Trainee = Awaited<ReturnType<typeof enrolledTrainees>>[number];

/** The 技师 record's source, as the registry prints it. */
export const appraisalSource = (p: ProgrammeRow, c: ClassRow, examNumber: string) => `${p.name} ${c.name} 技师鉴定（准考证号 ${examNumber}）`;

/**
 * A pass becomes the 技师 (level 2) qualification record: the trainee's own trade if the class
 * trains it, else the class's first trade; obtained on the appraisal date. The registry's current
 * level rises to 技师 if it was lower (never falls), as every qualification record does; the
 * caller's audit entry says so.
 */
async function writeTechnicianRecord(tx: Tx, ctx: ServiceContext, p: ProgrammeRow, c: ClassRow, t: Trainee, examNumber: string, appraisedOn: string) {
  const tradeId = t.tradeId != null && c.tradeIds.includes(t.tradeId) ? t.tradeId : (c.tradeIds[0] ?? null);
  const [q] = await tx.insert(qualificationRecords).values({
    personId: t.personId, level: NEW_TECHNICIAN_AWARDED_LEVEL, tradeId, obtainedOn: appraisedOn, source: appraisalSource(p, c, examNumber), recordedAt: ctx.clock.now(),
  }).returning({ id: qualificationRecords.id });
  const raised = await tx.update(people).set({ level: NEW_TECHNICIAN_AWARDED_LEVEL, updatedAt: ctx.clock.now() })
    .where(and(eq(people.id, t.personId), or(isNull(people.level), gt(people.level, NEW_TECHNICIAN_AWARDED_LEVEL))))
    .returning({ id: people.id });
  return { qualificationRecordId: q!.id, tradeId, levelBefore: t.level, levelAfter: raised.length ? NEW_TECHNICIAN_AWARDED_LEVEL : t.level };
}

/** The appraisal centre's sheet for a class: every enrolled trainee's exam number and name, scores to fill in. */
export async function appraisalTemplate(ctx: ServiceContext, classId: number): Promise<Buffer> {
  const c = await classRow(ctx.db, classId);
  requireStaffOrCollege(ctx, c, '下载鉴定成绩模板');
  await requireNewTechnicianClass(ctx.db, c, '下载鉴定成绩模板');
  const list = (await enrolledTrainees(ctx.db, classId)).filter((t) => t.examNumber);
  return exportRows<Trainee>(APPRAISAL_SHEET.title, APPRAISAL_SHEET.columns.map((col) => ({
    header: col.header, width: col.width,
    value: (t) => (col.key === 'examNumber' ? t.examNumber : col.key === 'name' ? t.name : null),
  })), [list]);
}

/**
 * 鉴定成绩导入: by exam number, all or none. Each refusal names its row and column: an exam number
 * not of this class, a name that is not the trainee's, a score that is not a number or not in
 * 0–100, an exam number twice in the file, a result already recorded with other values (a
 * correction is a separate act of the training staff). Results are written once: the same values
 * again change nothing.
 */
export async function importAppraisals(ctx: ServiceContext, classId: number, buf: Buffer): Promise<AppraisalImportResult> {
  const c0 = await classRow(ctx.db, classId);
  requireStaffOrCollege(ctx, c0, '导入鉴定成绩');
  await requireNewTechnicianClass(ctx.db, c0, '导入鉴定成绩');
  const { positions, rows } = await readSheetRows(APPRAISAL_SHEET, buf);
  const { lines, issues } = appraisalLinesFromRows(rows, positions);
  if (issues.length) throw sheetRefusal(issues);
  return ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, classId);
    const p = await requireNewTechnicianClass(tx, c, '导入鉴定成绩');
    const trainees = await enrolledTrainees(tx, classId);
    const byExam = new Map(trainees.filter((t) => t.examNumber).map((t) => [t.examNumber!, t]));
    const recorded = new Map((await tx.select().from(trainingAppraisals).where(eq(trainingAppraisals.classId, classId))).map((a) => [a.enrolmentId, a]));
    const problems: RowIssue[] = [];
    const toWrite: { line: AppraisalLine; t: Trainee }[] = [];
    let unchanged = 0;
    for (const line of lines) {
      const rp = new RowProblems<AppraisalKey>(APPRAISAL_SHEET, positions, line.row);
      const t = byExam.get(line.examNumber);
      if (!t) rp.add('examNumber', `准考证号 ${line.examNumber} 不是本班学员的准考证号`);
      else if (t.name !== line.name) rp.add('name', `与准考证号 ${line.examNumber} 的学员「${t.name}」不一致`);
      else {
        const prev = recorded.get(t.enrolmentId);
        if (prev && sameAppraisal(prev, line)) unchanged++;
        else if (prev) {
          const key: AppraisalKey = prev.absent !== line.absent ? 'absent' : prev.theory !== line.theory ? 'theory' : prev.practical !== line.practical ? 'practical' : 'appraisedOn';
          const was = prev.absent ? '缺考' : `理论 ${prev.theory}、实操 ${prev.practical}`;
          rp.add(key, `该学员的鉴定结果已记录（${was}，${prev.appraisedOn}），不能以导入覆盖；如需更正，请培训组填写理由后更正`);
        } else toWrite.push({ line, t });
      }
      problems.push(...rp.issues);
    }
    if (problems.length) throw sheetRefusal(problems);
    let passed = 0;
    for (const { line, t } of toWrite) {
      const ok = appraisalPassed(line);
      const record = ok ? await writeTechnicianRecord(tx, ctx, p, c, t, line.examNumber, line.appraisedOn) : null;
      if (ok) passed++;
      const row = {
        enrolmentId: t.enrolmentId, classId, examNumber: line.examNumber, theory: line.theory, practical: line.practical, absent: line.absent,
        passed: ok, appraisedOn: line.appraisedOn, qualificationRecordId: record?.qualificationRecordId ?? null, importedBy: ctx.actor!.id, importedAt: ctx.clock.now(),
      };
      await tx.insert(trainingAppraisals).values(row);
      await recordAudit(tx, ctx, {
        action: 'training.appraisal.record', entity: 'training_appraisal', entityId: t.enrolmentId,
        after: { ...row, importedAt: undefined, personId: t.personId, qualification: record },
      });
    }
    return { rows: lines.length, written: toWrite.length, unchanged, passed };
  });
}

/** A class's appraisal results (masked ID numbers) with each pass's 技师 record, and who has none yet. */
export async function listAppraisals(ctx: ServiceContext, classId: number): Promise<AppraisalList> {
  const c = await classRow(ctx.db, classId);
  requireAppraisalReader(ctx, c);
  const trainees = await enrolledTrainees(ctx.db, classId);
  const results = await ctx.db.select({ a: trainingAppraisals, q: { id: qualificationRecords.id, level: qualificationRecords.level, obtainedOn: qualificationRecords.obtainedOn, source: qualificationRecords.source }, tradeName: trades.name })
    .from(trainingAppraisals)
    .leftJoin(qualificationRecords, eq(qualificationRecords.id, trainingAppraisals.qualificationRecordId))
    .leftJoin(trades, eq(trades.id, qualificationRecords.tradeId))
    .where(eq(trainingAppraisals.classId, classId));
  const byEnrolment = new Map(results.map((r) => [r.a.enrolmentId, r]));
  const rows: AppraisalList['rows'] = [];
  const pending: AppraisalList['pending'] = [];
  for (const t of trainees) {
    const r = byEnrolment.get(t.enrolmentId);
    if (!r) { pending.push({ enrolmentId: t.enrolmentId, examNumber: t.examNumber, name: t.name }); continue; }
    rows.push({
      enrolmentId: t.enrolmentId, examNumber: r.a.examNumber, name: t.name, idNumberMasked: t.idNumberMasked, unitName: t.unitName,
      theory: r.a.theory, practical: r.a.practical, absent: r.a.absent, passed: r.a.passed, appraisedOn: r.a.appraisedOn,
      qualification: r.q?.id ? { id: r.q.id, level: r.q.level!, tradeName: r.tradeName, obtainedOn: r.q.obtainedOn!, source: r.q.source! } : null,
    });
  }
  return { classId, trainees: trainees.length, appraised: rows.length, passed: rows.filter((r) => r.passed).length, rows, pending };
}

/**
 * 更正鉴定成绩: training staff only, with a reason, audited with what it was. A fail corrected to a
 * pass writes the 技师 record; a pass whose record is written cannot be corrected to a fail here
 * (the qualification record stands: it is withdrawn in the registry, by its own audited act).
 */
export async function correctAppraisal(ctx: ServiceContext, classId: number, enrolmentId: number, input: AppraisalCorrection) {
  requireTrainingStaff(ctx);
  if (input.absent && (input.theory != null || input.practical != null)) throw invalid('absent', '缺考的学员不应有成绩');
  if (!input.absent && (input.theory == null || input.practical == null)) throw invalid(input.theory == null ? 'theory' : 'practical', '请填写理论和实操成绩（或标记缺考）');
  return ctx.db.transaction(async (tx) => {
    const c = await lockClass(tx, classId);
    const p = await requireNewTechnicianClass(tx, c, '更正鉴定成绩');
    const [prev] = await tx.select().from(trainingAppraisals).where(and(eq(trainingAppraisals.classId, classId), eq(trainingAppraisals.enrolmentId, enrolmentId)));
    if (!prev) throw notFound('鉴定结果');
    const next = { theory: input.theory, practical: input.practical, absent: input.absent };
    if (sameAppraisal(prev, { ...next, appraisedOn: prev.appraisedOn })) throw conflict('更正后的成绩与已记录的相同', 'theory');
    const ok = appraisalPassed(next);
    if (prev.passed && !ok) throw conflict('该学员已合格并写入技师资格记录，不能在此改为不合格；请在人员库撤销资格记录后处理', 'theory');
    const [t] = (await enrolledTrainees(tx, classId)).filter((x) => x.enrolmentId === enrolmentId);
    if (!t) throw notFound('学员');
    const record = ok && !prev.passed ? await writeTechnicianRecord(tx, ctx, p, c, t, prev.examNumber, prev.appraisedOn) : null;
    const set = { ...next, passed: ok, qualificationRecordId: record?.qualificationRecordId ?? prev.qualificationRecordId };
    await tx.update(trainingAppraisals).set(set).where(eq(trainingAppraisals.enrolmentId, enrolmentId));
    await recordAudit(tx, ctx, {
      action: 'training.appraisal.correct', entity: 'training_appraisal', entityId: enrolmentId,
      before: { theory: prev.theory, practical: prev.practical, absent: prev.absent, passed: prev.passed },
      after: { ...set, reason: input.reason, qualification: record },
    });
    return listAppraisals(inTx(ctx, tx), classId).then((l) => l.rows.find((r) => r.enrolmentId === enrolmentId)!);
  });
}

/** Whether each enrolment sat the appraisal (a result recorded and not absent). */
export async function appraisedEnrolments(db: DbOrTx, enrolmentIds: number[]): Promise<Set<number>> {
  if (enrolmentIds.length === 0) return new Set();
  const rows = await db.select({ id: trainingAppraisals.enrolmentId, absent: trainingAppraisals.absent }).from(trainingAppraisals)
    .where(inArray(trainingAppraisals.enrolmentId, enrolmentIds));
  return new Set(rows.filter((r) => !r.absent).map((r) => r.id));
}
