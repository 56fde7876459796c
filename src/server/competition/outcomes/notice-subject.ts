import { and, count, eq } from 'drizzle-orm';
import { beijingTime } from '../../../shared/beijing-time.js';
import { COMPETITION } from '../../../shared/competition/states.js';
import { nameWithTrade } from '../../../shared/competition/title.js';
import type { NoticeColumn } from '../../../shared/contracts/notices.js';
import type { ResultRow } from '../../../shared/contracts/results.js';
import { appeals } from '../appeals/tables.js';
import { appealWindow } from '../appeals/window.js';
import { competitionRow } from '../competitions/policy.js';
import { setStatus } from '../competitions/service.js';
import { conflict, notFound } from '../../http/errors.js';
import { lockMarkChain } from '../marks/chain.js';
import { amendments } from '../marks/tables.js';
import { registerNoticeSubject, type NoticeContent } from '../../core/notices/registry.js';
import { computeResults } from '../results/compute.js';
import type { Tx } from '../../db/client.js';
import type { ServiceContext } from '../../context.js';
import { writeOutcomes } from './service.js';

const score = (r: ResultRow, key: string) => r.parts.find((p) => p.key === key)?.score ?? null;

/**
 * The published list of a competition's results: names stay, the ID number is masked by the one
 * rule (the results carry only the masked form), nothing else personal.
 */
async function resultsList(tx: Tx, competitionId: number): Promise<NoticeContent> {
  const r = await computeResults(tx, competitionId);
  const has = (key: string) => r.rows.some((x) => x.parts.some((p) => p.key === key));
  const columns: NoticeColumn[] = [
    { key: 'rank', title: '名次' }, { key: 'name', title: '姓名' }, { key: 'unit', title: '单位' }, { key: 'idNumber', title: '身份证号' },
    ...(has('theory') ? [{ key: 'theory', title: '理论' }] : []),
    { key: 'practical', title: '实操' },
    ...(has('oral') ? [{ key: 'oral', title: '答辩' }] : []),
    { key: 'total', title: '总成绩' }, { key: 'award', title: '奖项' }, { key: 'outcomes', title: '拟认定' },
  ];
  const rows = r.rows.map((x) => {
    const row: Record<string, string | number | null> = {
      rank: x.rank, name: x.name, unit: x.unitName, idNumber: x.idNumberMasked, practical: score(x, 'practical'),
      total: x.total, award: x.award, outcomes: x.outcomes.map((o) => o.title).join('；') || null,
    };
    if (has('theory')) row.theory = score(x, 'theory');
    if (has('oral')) row.oral = score(x, 'oral');
    return row;
  });
  return {
    title: `${r.competitionName}成绩公示`,
    intro: `经裁判组评定、仲裁组复核，现将${nameWithTrade(r.competitionName, r.tradeName)}的成绩、奖项及拟认定结果予以公示。`
      + '公示期内，对公示内容有异议的，请以真实姓名提出，并留下联系方式；异议人信息严格保密。公示期满无异议的，结果正式生效。',
    columns, rows,
  };
}

/**
 * Published when the identities are decoded, the appeal window has passed, every appeal is
 * decided and no amendment waits for its second signature: the list must be the last word.
 */
async function prepare(tx: Tx, ctx: ServiceContext, competitionId: number): Promise<NoticeContent> {
  if (!(await lockMarkChain(tx, competitionId))) throw notFound('竞赛');
  const c = await competitionRow(tx, competitionId);
  if (c.status === 'locked') throw conflict('成绩尚未解密，解密后才能公示');
  if (c.status !== 'decoded') throw conflict(`竞赛当前为「${COMPETITION.label(c.status)}」，不能发布成绩公示`);
  const now = ctx.clock.now();
  const w = appealWindow(c, now);
  if (w.deadline && now < w.deadline) throw conflict(`申诉期至 ${beijingTime(w.deadline)}（北京时间）截止，截止后才能公示`);
  const [lodged] = await tx.select({ n: count() }).from(appeals).where(and(eq(appeals.competitionId, competitionId), eq(appeals.status, 'lodged')));
  if (lodged!.n) throw conflict(`尚有 ${lodged!.n} 件申诉待仲裁`);
  const [pending] = await tx.select({ n: count() }).from(amendments).where(and(eq(amendments.competitionId, competitionId), eq(amendments.status, 'pending')));
  if (pending!.n) throw conflict(`尚有 ${pending!.n} 件成绩更正待批准`);
  return resultsList(tx, competitionId);
}

registerNoticeSubject('competition-results', {
  prepare,
  onPublished: (tx, ctx, id) => setStatus(tx, ctx, id, 'notice'),
  onSuspended: (tx, ctx, id) => setStatus(tx, ctx, id, 'decoded'),
  onWithdrawn: (tx, ctx, id) => setStatus(tx, ctx, id, 'decoded'),
  onFinal: async (tx, ctx, id, finalOn) => {
    await setStatus(tx, ctx, id, 'final');
    await writeOutcomes(tx, ctx, id, finalOn);
  },
  publicCachePrefix: (id) => `competition:${id}:`,
});
