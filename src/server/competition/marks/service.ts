import { isDecoded, MARKING_STARTED, marksLocked } from '../../../shared/competition/states.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { composePanel } from '../../../shared/competition/recusal.js';
import { checkMarkValue, spreadExceeded } from '../../../shared/competition/marks.js';
import { accounts } from '../../core/accounts/tables.js';
import { competitionRow, requireStaff } from '../competitions/policy.js';
import { inTx, type ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { entries } from '../entries/tables.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { loadPanels, panelFor, panelSize } from '../judging/panels.js';
import { judgeConflicts } from '../judging/tables.js';
import { rowsOf } from '../../db/sql-helpers.js';
import { requireRole } from '../../policy.js';
import { currentScheme } from '../schemes/service.js';
import { appendMarkEventAfter, lockMarkChain } from './chain.js';
import { conflictsFrom, markingFrame } from './frame.js';
import { notOnSheet, requireNotSignedOff, WHOLE } from './policy.js';
import { markEvents, marks, signoffs, spreadConfirmations } from './tables.js';

export const JUDGES = ['judge', 'chief', 'substitute'] as const;

/** The entry behind a contestant code; judges never learn more than the code. */
export async function entryByCode(db: DbOrTx, competitionId: number, code: string) {
  const [e] = await db.select({ entryId: entries.id, personId: entries.personId, unitId: entries.unitId, status: entries.status, code: entries.code })
    .from(entries).where(and(eq(entries.competitionId, competitionId), eq(entries.code, code)));
  if (!e || e.status !== 'approved') throw notFound('参赛编号');
  return e;
}

export async function aspectOf(db: DbOrTx, competitionId: number, aspectId: number) {
  const scheme = await currentScheme(db, competitionId);
  const a = scheme?.aspects.find((x) => x.id === aspectId);
  if (!a) throw notFound('评分细则');
  return a;
}

/** The versions of a panel's marks, as confirmed: any re-score voids a spread confirmation. */
export const versionsKey = (rows: { judgeId: number; version: number }[]) =>
  [...rows].sort((a, b) => a.judgeId - b.judgeId).map((r) => `${r.judgeId}@${r.version}`).join(',');

/**
 * A panel's state on one aspect for one entry: the marks in, whether all are in, and whether the
 * spread (判分差异) is over 1 and not yet confirmed by the chief judge.
 */
export function panelState(panel: number[], rows: { judgeId: number; value: number; version: number }[], confirmation: { versions: string } | undefined) {
  const mine = rows.filter((r) => panel.includes(r.judgeId));
  const complete = panel.length > 0 && mine.length === panel.length;
  const exceeded = complete && spreadExceeded(mine.map((r) => r.value));
  const confirmed = exceeded && confirmation?.versions === versionsKey(mine);
  return { marks: mine, complete, flagged: exceeded && !confirmed, confirmed: !!confirmed };
}

async function spreadOf(tx: DbOrTx, competitionId: number, entryId: number, aspectId: number, panel: number[]) {
  const rows = await tx.select({ judgeId: marks.judgeId, value: marks.value, version: marks.version }).from(marks)
    .where(and(eq(marks.entryId, entryId), eq(marks.aspectId, aspectId)));
  const [conf] = await tx.select({ versions: spreadConfirmations.versions }).from(spreadConfirmations)
    .where(and(eq(spreadConfirmations.competitionId, competitionId), eq(spreadConfirmations.entryId, entryId), eq(spreadConfirmations.aspectId, aspectId)));
  return panelState(panel, rows, conf);
}

export interface MarkInput {
  code: string;
  aspectId: number;
  value: number;
  /** The version the judge last saw (0 for a first mark): a stale write is refused, never overwrites. */
  expectedVersion: number;
  device?: string;
}

/** Everything a mark write must read under the chain lock, in one statement. */
async function readForMark(tx: DbOrTx, competitionId: number, p: { entryId: number; aspectId: number; judgeId: number; criterionCode: string; judgeIds: number[] }) {
  const [r] = await rowsOf<{
    signed: boolean;
    mine: { id: number; value: number; version: number } | null;
    conflicts: { judgeId: number; kind: 'unit' | 'person' | 'entry'; unitId: number | null; personId: number | null; entryId: number | null; reason: string }[];
    last: { seq: number; hash: string } | null;
    panel: { judgeId: number; value: number; version: number }[];
    confirmation: string | null;
  }>(tx, sql`select
    exists (select 1 from ${signoffs} s where s.competition_id = ${competitionId} and s.criterion_code in (${p.criterionCode}, ${WHOLE})) as signed,
    (select json_build_object('id', m.id, 'value', m.value, 'version', m.version) from ${marks} m
      where m.entry_id = ${p.entryId} and m.aspect_id = ${p.aspectId} and m.judge_id = ${p.judgeId}) as mine,
    (select coalesce(json_agg(json_build_object('judgeId', jc.judge_id, 'kind', jc.kind, 'unitId', jc.unit_id, 'personId', jc.person_id, 'entryId', jc.entry_id, 'reason', jc.reason)), '[]')
      from ${judgeConflicts} jc where jc.judge_id in (select jsonb_array_elements_text(${JSON.stringify(p.judgeIds)}::jsonb)::int)) as conflicts,
    (select json_build_object('seq', e.seq, 'hash', e.hash) from ${markEvents} e where e.competition_id = ${competitionId} order by e.seq desc limit 1) as last,
    (select coalesce(json_agg(json_build_object('judgeId', m.judge_id, 'value', m.value, 'version', m.version)), '[]') from ${marks} m
      where m.entry_id = ${p.entryId} and m.aspect_id = ${p.aspectId}) as panel,
    (select sc.versions from ${spreadConfirmations} sc where sc.entry_id = ${p.entryId} and sc.aspect_id = ${p.aspectId}) as confirmation`);
  return r!;
}

/**
 * A judge's mark, by contestant code: refused when the judge is recused or not on the panel, when
 * the value breaks the aspect's rule, when marks are signed off, or when the judge's copy is stale.
 * Appends one hash-chained event; re-sending the same request is answered without a second event.
 * Written for many judges at once: under the competition's chain lock it reads once and writes twice.
 */
export async function submitMark(ctx: ServiceContext, competitionId: number, input: MarkInput, source: 'judge' | 'paper' = 'judge', judgeId = ctx.actor?.id) {
  requireRole(ctx, 'judge', 'admin', 'committee');
  if (!judgeId) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const c = await lockMarkChain(tx, competitionId);
    if (!c) throw notFound('竞赛');
    if (c.status !== 'marking') {
      if (source === 'judge') await requireStaff(inTx(ctx, tx), competitionId, ...JUDGES); // strangers learn nothing of the status
      throw conflict(marksLocked(c.status) ? '成绩已锁定' : '评分尚未开始');
    }
    // eslint-disable-next-line local/no-outer-db-in-transaction -- the root handle only keys the frame cache; tx reads
    const frame = await markingFrame(ctx.db, tx, competitionId, c.version);
    // Access first: only the competition's judges mark (the staff list is frozen while marking).
    if (source === 'judge' && !frame.judgeUnits.has(judgeId)) throw forbidden('您不是该竞赛的裁判');
    // Any code (or aspect) not on this judge's panel gets one answer, whatever the reason.
    const aspect = frame.aspects.get(input.aspectId);
    if (!aspect) throw notOnSheet();
    const entry = frame.codes.get(input.code);
    if (!entry) throw notOnSheet();
    const team = frame.teams.get(aspect.id) ?? [];
    const judgeIds = [...new Set([judgeId, ...team, ...frame.substitutes])];
    const r = await readForMark(tx, competitionId, { entryId: entry.entryId, aspectId: aspect.id, judgeId, criterionCode: aspect.criterionCode, judgeIds });
    const judges = conflictsFrom(frame, judgeIds, r.conflicts);
    const panel = composePanel({ assigned: team, substitutes: frame.substitutes, judges, entry, size: panelSize(aspect.kind) });
    if (!panel.panel.includes(judgeId)) throw notOnSheet(); // recused or not on the team: the same answer
    if (r.signed) await requireNotSignedOff(tx, competitionId, aspect.criterionCode); // throws with the right message
    const problem = checkMarkValue(aspect, input.value);
    if (problem) throw invalid('value', problem);

    const prev = r.mine;
    const current = prev?.version ?? 0;
    const stateWith = (rows: typeof r.panel) => panelState(panel.panel, rows, r.confirmation ? { versions: r.confirmation } : undefined);
    if (prev && input.expectedVersion === current - 1 && Number(prev.value) === input.value) {
      // The same request again (a retry after a lost answer): already recorded once.
      return { code: input.code, aspectId: aspect.id, value: input.value, version: current, replayed: true, ...stateWith(r.panel) };
    }
    if (input.expectedVersion !== current) {
      throw new AppError(409, 'STALE', `该评分已被更新（当前版本 ${current}，您提交的是基于版本 ${input.expectedVersion}），请刷新后再改`, [{ field: 'expectedVersion', message: `current ${current}` }]);
    }
    const now = ctx.clock.now();
    const version = current + 1;
    // One statement for the mark (insert or update: the unique index decides); the event follows.
    await tx.insert(marks).values({ competitionId, entryId: entry.entryId, aspectId: aspect.id, judgeId, value: input.value, version, source, updatedAt: now })
      .onConflictDoUpdate({ target: [marks.entryId, marks.aspectId, marks.judgeId], set: { value: input.value, version, source, updatedAt: now } });
    await appendMarkEventAfter(tx, ctx, competitionId, r.last, {
      kind: 'mark', entryId: entry.entryId, aspectId: aspect.id, judgeId, value: input.value, previousValue: prev ? Number(prev.value) : null, version, source,
      device: input.device?.slice(0, 200) ?? null,
    });
    const rows = [...r.panel.filter((m) => m.judgeId !== judgeId), { judgeId, value: input.value, version }];
    return { code: input.code, aspectId: aspect.id, value: input.value, version, replayed: false, ...stateWith(rows) };
  });
}

/**
 * A judge's marking sheet: the aspects they sit on and, for each, the codes they mark with their
 * own mark and version — codes only, never a name or a unit.
 */
export async function judgeSheet(ctx: ServiceContext, competitionId: number) {
  const { actor } = await requireStaff(ctx, competitionId, ...JUDGES);
  const c = await competitionRow(ctx.db, competitionId);
  const scheme = await currentScheme(ctx.db, competitionId);
  if (!scheme || !MARKING_STARTED.includes(c.status)) return { status: c.status, aspects: [] };
  const p = await loadPanels(ctx.db, competitionId, scheme);
  const mine = await ctx.db.select().from(marks).where(and(eq(marks.competitionId, competitionId), eq(marks.judgeId, actor.id)));
  const mineBy = new Map(mine.map((m) => [`${m.entryId}:${m.aspectId}`, m]));
  const aspects = [];
  for (const a of scheme.aspects) {
    const rows = [];
    for (const e of p.entries) {
      if (!p.panel(e.entryId, a.id)!.panel.includes(actor.id)) continue;
      const m = mineBy.get(`${e.entryId}:${a.id}`);
      rows.push({ code: e.code!, value: m?.value ?? null, version: m?.version ?? 0 });
    }
    if (rows.length) {
      aspects.push({
        aspectId: a.id, code: a.code, criterionCode: a.criterionCode, criterionName: a.criterionName, description: a.description, kind: a.kind,
        maxMark: a.maxMark, bands: a.bands ?? null, levels: a.levels ?? null, contestants: rows,
      });
    }
  }
  return { status: c.status, aspects };
}

/**
 * The panel's marks for one code and aspect: shown to a panel judge only after their own mark is in,
 * and to the chief judge. Before decoding the seats are anonymous (only the reader's own is marked):
 * who sits on a code's panel tells who recused from it.
 */
export async function panelMarks(ctx: ServiceContext, competitionId: number, code: string, aspectId: number) {
  const { actor, roles } = await requireStaff(ctx, competitionId, ...JUDGES);
  const isChief = roles.has('chief');
  // A judge asking about a code not on their panel gets one answer, whatever the reason.
  const found = await Promise.all([aspectOf(ctx.db, competitionId, aspectId), entryByCode(ctx.db, competitionId, code)]).catch((e: unknown) => {
    if (isChief) throw e;
    throw notOnSheet();
  });
  const [aspect, entry] = found;
  const panel = await panelFor(ctx.db, competitionId, aspect, entry);
  if (!panel.panel.includes(actor.id) && !isChief) throw notOnSheet();
  const state = await spreadOf(ctx.db, competitionId, entry.entryId, aspect.id, panel.panel);
  if (!isChief && !state.marks.some((m) => m.judgeId === actor.id)) throw forbidden('提交本人评分后才能查看其他裁判的评分');
  const decoded = isDecoded((await competitionRow(ctx.db, competitionId)).status);
  const names = decoded ? new Map((await ctx.db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(inArray(accounts.id, [...panel.panel, -1]))).map((r) => [r.id, r.name])) : new Map<number, string>();
  return {
    code, aspectId, kind: aspect.kind, complete: state.complete, flagged: state.flagged, confirmed: state.confirmed,
    panel: panel.panel.map((judgeId, seat) => {
      const m = state.marks.find((x) => x.judgeId === judgeId);
      return {
        seat: seat + 1, mine: judgeId === actor.id, judgeId: decoded ? judgeId : null, judgeName: decoded ? names.get(judgeId) ?? '' : null,
        value: m?.value ?? null, version: m?.version ?? 0,
      };
    }),
  };
}
