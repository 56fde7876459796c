import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { examScore } from '../../../shared/selection/rubric.js';
import { EXAM_PART_NAMES, EXAM_SCORES_SHEET, examScoreProblem, examScoresFromRows, type ExamPart, type ExamScoreLine } from '../../../shared/selection/exam-sheet.js';
import { stageIndex } from '../../../shared/selection/stages.js';
import { columnLetter } from '../../../shared/excel/sheet.js';
import { recordAudit } from '../../core/audit/service.js';
import { campaigns } from '../../core/campaign/tables.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { sheetRefusal } from '../../excel/refusal.js';
import { readSheetRows } from '../../excel/sheet-rows.js';
import { exportRows } from '../../excel/write.js';
import { AppError, conflict, invalid } from '../../http/errors.js';
import { candidatesInPlay } from '../in-play.js';
import { selectionCandidates } from '../nominations/tables.js';
import { appendSelectionEvents, type SelectionEvent } from '../review/chain.js';
import { lockRound, requireOpenStage, requireSelectionStaff, roundRow, stageOfKind, type RoundRow } from '../rounds/policy.js';
import { candidateRows } from './candidates.js';
import { selectionScores } from './tables.js';

/**
 * 统一考试: exam numbers, rooms and seats for the candidates in play; admission tickets; theory
 * and practical scores (imported by exam number or keyed, every change a chained event); the
 * ranked list. Run by the selection office (admin, committee).
 */

export const DEFAULT_ROOM_SIZE = 30;

/** 2009J0001: the campaign's year, J (技能), four digits in seating order. */
export const examNumberOf = (year: number, n: number) => `${year}J${String(n).padStart(4, '0')}`;
export const roomName = (n: number) => `第${String(n).padStart(2, '0')}考场`;

async function examYear(db: DbOrTx, r: RoundRow): Promise<number> {
  const [c] = await db.select({ startsOn: campaigns.startsOn }).from(campaigns).where(eq(campaigns.id, r.campaignId));
  return Number((c?.startsOn ?? r.createdAt.toISOString()).slice(0, 4));
}

/** The candidates in play at the exam stage, in seating order (unit, then name). */
async function inPlayRows(db: DbOrTx, r: RoundRow, key: string) {
  return candidateRows(db, await candidatesInPlay(db, r, stageIndex(r.rules, key)));
}

/**
 * 编排考场: numbers every candidate in play, in order of unit then name, into rooms of `roomSize`
 * seats. Deterministic (the same candidates give the same numbers); refused once any score is in.
 */
export async function assignExamNumbers(ctx: ServiceContext, roundId: number, key: string, input: { roomSize: number }) {
  requireSelectionStaff(ctx);
  return ctx.db.transaction(async (tx) => {
    const r = await lockRound(tx, roundId);
    stageOfKind(r, key, 'exam');
    requireOpenStage(r, 'exam', key);
    const [scored] = await tx.select({ id: selectionScores.candidateId }).from(selectionScores)
      .where(and(eq(selectionScores.roundId, roundId), eq(selectionScores.stageKey, key))).limit(1);
    if (scored) throw conflict('已录入考试成绩，准考证号不能再重新编排');
    const list = await inPlayRows(tx, r, key);
    if (list.length === 0) throw conflict('没有参加考试的候选人（资格审查通过的候选人）');
    const year = await examYear(tx, r);
    const now = ctx.clock.now();
    await tx.update(selectionCandidates).set({ examNumber: null, examRoom: null, examSeat: null })
      .where(and(eq(selectionCandidates.roundId, roundId), isNotNull(selectionCandidates.examNumber)));
    for (const [i, c] of list.entries()) {
      await tx.update(selectionCandidates).set({
        examNumber: examNumberOf(year, i + 1), examRoom: roomName(Math.floor(i / input.roomSize) + 1), examSeat: (i % input.roomSize) + 1, updatedAt: now,
      }).where(eq(selectionCandidates.id, c.id));
    }
    const rooms = Math.ceil(list.length / input.roomSize);
    await recordAudit(tx, ctx, { action: 'selection.exam_numbers', entity: 'selection_round', entityId: roundId, after: { stage: key, candidates: list.length, rooms, roomSize: input.roomSize } });
    return { candidates: list.length, rooms };
  });
}

interface PartState { value: number | null; absent: boolean; version: number }

async function scoresOf(db: DbOrTx, roundId: number, key: string) {
  const rows = await db.select().from(selectionScores).where(and(eq(selectionScores.roundId, roundId), eq(selectionScores.stageKey, key)));
  const by = new Map<number, Partial<Record<ExamPart, PartState>>>();
  for (const s of rows) by.set(s.candidateId, { ...by.get(s.candidateId), [s.part]: { value: s.value, absent: s.absent, version: s.version } });
  return by;
}

/**
 * A candidate's exam is complete when either part is 缺考 or every part that counts (a weight above
 * 0: a re-test may be practical only) has a score.
 */
export const examComplete = (x: Partial<Record<ExamPart, PartState>> | undefined, weights: { theory: number; practical: number } = { theory: 1, practical: 1 }) =>
  !!x && (!!x.theory?.absent || !!x.practical?.absent
    || ((weights.theory === 0 || x.theory?.value != null) && (weights.practical === 0 || x.practical?.value != null)));

/** 成绩排名: every candidate in play with seat, theory, practical and the weighted exam score, best first. */
export async function examList(ctx: ServiceContext, roundId: number, key: string) {
  requireSelectionStaff(ctx);
  const r = await roundRow(ctx.db, roundId);
  const def = stageOfKind(r, key, 'exam');
  const list = await inPlayRows(ctx.db, r, key);
  const scores = await scoresOf(ctx.db, roundId, key);
  const rows = list.map((c) => {
    const s = scores.get(c.id);
    const absent = !!s?.theory?.absent || !!s?.practical?.absent;
    return {
      candidateId: c.id, name: c.name, unitName: c.unitName, idMasked: c.idMasked, examNumber: c.examNumber, examRoom: c.examRoom, examSeat: c.examSeat,
      theory: s?.theory?.absent ? null : s?.theory?.value ?? null, practical: s?.practical?.absent ? null : s?.practical?.value ?? null,
      theoryAbsent: !!s?.theory?.absent, practicalAbsent: !!s?.practical?.absent,
      score: absent ? null : examScore(def.weights, s?.theory?.value ?? null, s?.practical?.value ?? null), rank: null as number | null,
    };
  });
  rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.examNumber ?? '').localeCompare(b.examNumber ?? '') || a.candidateId - b.candidateId);
  rows.forEach((x, i) => {
    if (x.score == null) return;
    const prev = rows[i - 1];
    x.rank = prev && prev.score === x.score ? prev.rank : i + 1;
  });
  return { stage: { key: def.key, name: def.name, weights: def.weights }, open: r.status !== 'finished' && r.rules.stages[r.stage]?.key === key, rows };
}

/**
 * Sets scores by exam number, all or none: an unknown exam number, a repeated score or one out of
 * 0–100 is refused with its row (and column, from a sheet); keyed changes of a saved score need a
 * reason. Each change is a chained event; unchanged scores are skipped.
 */
export async function setExamScores(ctx: ServiceContext, roundId: number, key: string, lines: readonly ExamScoreLine[], opts: { source: 'import' | 'entry'; reason?: string; columns?: Record<ExamPart | 'examNumber', string> }) {
  requireSelectionStaff(ctx);
  return ctx.db.transaction(async (tx) => {
    const r = await lockRound(tx, roundId);
    stageOfKind(r, key, 'exam');
    requireOpenStage(r, 'exam', key);
    const inPlay = new Set(await candidatesInPlay(tx, r, stageIndex(r.rules, key)));
    const numbered = await tx.select({ id: selectionCandidates.id, examNumber: selectionCandidates.examNumber }).from(selectionCandidates)
      .where(and(eq(selectionCandidates.roundId, roundId), inArray(selectionCandidates.examNumber, [...new Set(lines.map((l) => l.examNumber)), ''])));
    const byNumber = new Map(numbered.filter((c) => inPlay.has(c.id)).map((c) => [c.examNumber!, c.id]));
    const saved = await scoresOf(tx, roundId, key);
    const issues: { row: number; column: string; header: string; reason: string }[] = [];
    const seen = new Set<string>();
    lines.forEach((l, i) => {
      const row = l.sheetRow ?? i + 1;
      const column = opts.columns?.[l.part] ?? l.part;
      const header = EXAM_PART_NAMES[l.part];
      if (!byNumber.has(l.examNumber)) {
        if (!issues.some((x) => x.row === row && x.header === '准考证号')) issues.push({ row, column: opts.columns?.examNumber ?? 'examNumber', header: '准考证号', reason: `准考证号 ${l.examNumber} 不存在` });
      } else if (seen.has(`${l.examNumber}:${l.part}`)) issues.push({ row, column, header, reason: `准考证号 ${l.examNumber} 的${header}重复` });
      const bad = l.value == null ? null : examScoreProblem(l.value);
      if (bad) issues.push({ row, column, header, reason: bad });
      seen.add(`${l.examNumber}:${l.part}`);
    });
    if (issues.length) {
      if (opts.source === 'import') throw sheetRefusal(issues);
      throw new AppError(400, 'VALIDATION', issues[0]!.reason, issues.map((x) => ({ field: x.column, message: x.reason })));
    }
    const now = ctx.clock.now();
    const events: SelectionEvent[] = [];
    for (const l of lines) {
      const candidateId = byNumber.get(l.examNumber)!;
      const prev = saved.get(candidateId)?.[l.part];
      const absent = l.value == null;
      if (prev && prev.absent === absent && prev.value === l.value) continue;
      if (prev && opts.source === 'entry' && !opts.reason) throw invalid('reason', `修改已录入的${EXAM_PART_NAMES[l.part]}须填写原因`);
      const version = (prev?.version ?? 0) + 1;
      const source = prev ? (opts.source === 'entry' ? 'amendment' : 'import') : opts.source;
      const values = { value: l.value, absent, version, source, updatedAt: now } as const;
      if (prev) await tx.update(selectionScores).set(values).where(and(eq(selectionScores.candidateId, candidateId), eq(selectionScores.stageKey, key), eq(selectionScores.part, l.part)));
      else await tx.insert(selectionScores).values({ roundId, candidateId, stageKey: key, part: l.part, ...values });
      events.push({ kind: absent ? 'exam_absent' : 'exam_score', stageKey: key, candidateId, part: l.part, value: l.value, previousValue: prev?.value ?? null, version, source, reason: opts.reason ?? null });
    }
    await appendSelectionEvents(tx, ctx, roundId, events);
    await recordAudit(tx, ctx, { action: 'selection.exam_scores', entity: 'selection_round', entityId: roundId, after: { stage: key, lines: lines.length, changed: events.length, source: opts.source, reason: opts.reason ?? null } });
    return { lines: lines.length, changed: events.length };
  });
}

/** 录入成绩 on screen: one candidate's theory and practical (null: not given; '缺考': absent). */
export async function keyExamScores(ctx: ServiceContext, roundId: number, key: string, input: { examNumber: string; theory?: number | '缺考' | null; practical?: number | '缺考' | null; reason?: string }) {
  const lines: ExamScoreLine[] = [];
  for (const part of ['theory', 'practical'] as const) {
    const v = input[part];
    if (v === undefined || v === null) continue;
    lines.push({ examNumber: input.examNumber, part, value: v === '缺考' ? null : v });
  }
  if (lines.length === 0) throw invalid('theory', '请填写理论成绩或实操成绩');
  return setExamScores(ctx, roundId, key, lines, { source: 'entry', reason: input.reason || undefined });
}

/** 导入成绩 from Excel: every bad cell named by row and column, then all or none. */
export async function importExamScores(ctx: ServiceContext, roundId: number, key: string, buf: Buffer) {
  requireSelectionStaff(ctx);
  const { positions, rows } = await readSheetRows(EXAM_SCORES_SHEET, buf);
  const { lines, issues } = examScoresFromRows(rows, positions);
  if (issues.length) throw sheetRefusal(issues);
  const col = (k: ExamPart | 'examNumber') => (positions[k] == null ? '-' : columnLetter(positions[k]!));
  return setExamScores(ctx, roundId, key, lines, { source: 'import', reason: '导入', columns: { examNumber: col('examNumber'), theory: col('theory'), practical: col('practical') } });
}

/** The exam office's sheet: exam numbers and names in seating order, saved scores filled in. */
export async function examScoresTemplate(ctx: ServiceContext, roundId: number, key: string) {
  const { rows } = await examList(ctx, roundId, key);
  const seated = rows.filter((x) => x.examNumber).sort((a, b) => a.examNumber!.localeCompare(b.examNumber!));
  const cell = (v: number | null, absent: boolean) => (absent ? '缺考' : v);
  return exportRows<(typeof seated)[number]>(EXAM_SCORES_SHEET.title, [
    { header: '准考证号', width: 14, value: (x) => x.examNumber },
    { header: '姓名', width: 10, value: (x) => x.name },
    { header: '理论成绩', width: 10, value: (x) => cell(x.theory, x.theoryAbsent) },
    { header: '实操成绩', width: 10, value: (x) => cell(x.practical, x.practicalAbsent) },
  ], [seated]);
}

/** The gate's facts: in play, numbered, complete. */
export async function examProgress(db: DbOrTx, r: RoundRow, key: string) {
  const ids = await candidatesInPlay(db, r, stageIndex(r.rules, key));
  const numbered = ids.length ? await db.select({ id: selectionCandidates.id }).from(selectionCandidates)
    .where(and(inArray(selectionCandidates.id, ids), isNotNull(selectionCandidates.examNumber))) : [];
  const scores = await scoresOf(db, r.id, key);
  const def = stageOfKind(r, key, 'exam');
  const done = (id: number) => examComplete(scores.get(id), def.weights);
  return { inPlay: ids.length, unnumbered: ids.length - numbered.length, incomplete: ids.filter((id) => !done(id)).length, scored: ids.filter((id) => done(id) && !scores.get(id)!.theory?.absent && !scores.get(id)!.practical?.absent).length };
}
