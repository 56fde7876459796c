import { inArray, eq } from 'drizzle-orm';
import type { NoticeColumn, NoticeKind } from '../../../shared/contracts/notices.js';
import type { CutRecord } from './store.js';
import { people } from '../../core/people/tables.js';
import { registerNoticeSubject, type NoticeContent } from '../../core/notices/registry.js';
import type { ServiceContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { conflict } from '../../http/errors.js';
import { approvalBlockers } from '../commendation/approvals.js';
import { writeAwards } from '../commendation/service.js';
import { selectionCandidates } from '../nominations/tables.js';
import { requireOpenStage, roundRow, type RoundRow } from '../rounds/policy.js';
import { currentCut, finalCutStage, shortlistStage } from './store.js';

/**
 * The selection's two public notices, through the one notice mechanism (core/notices), subject =
 * the round: the published cut (入围名单公示, e.g. the top 200) and the final list after the
 * committee's approval (拟表彰人员公示). Both publish the cut in force, masked (exam number, name,
 * unit, the ID number by the one masking rule, the scores and the rank) with its hash in the
 * introduction, so anyone can match the list to the exported cut. An upheld objection suspends
 * the notice; the staff correct the list and freeze a new cut; the restarted notice publishes it.
 */

async function maskedIds(tx: Tx, candidateIds: number[]): Promise<Map<number, string>> {
  if (!candidateIds.length) return new Map();
  const rows = await tx.select({ id: selectionCandidates.id, masked: people.idNumberMasked }).from(selectionCandidates)
    .innerJoin(people, eq(people.id, selectionCandidates.personId)).where(inArray(selectionCandidates.id, candidateIds));
  return new Map(rows.map((r) => [r.id, r.masked]));
}

async function cutList(tx: Tx, round: RoundRow, cut: CutRecord): Promise<Pick<NoticeContent, 'columns' | 'rows'>> {
  const basis = Object.keys(cut.rules.basis).sort();
  const stageName = (k: string) => round.rules.stages.find((s) => s.key === k)?.name ?? k;
  const columns: NoticeColumn[] = [
    { key: 'rank', title: '名次' }, { key: 'examNumber', title: '准考证号' }, { key: 'name', title: '姓名' }, { key: 'unit', title: '单位' },
    { key: 'idNumber', title: '身份证号' },
    ...(basis.length > 1 ? basis.map((k) => ({ key: `s_${k}`, title: `${stageName(k)}（${cut.rules.basis[k]}%）` })) : []),
    { key: 'total', title: basis.length > 1 ? '综合成绩' : `${stageName(basis[0]!)}成绩` },
  ];
  const selected = cut.ranking.rows.filter((r) => r.selected);
  const ids = await maskedIds(tx, selected.map((r) => r.candidateId));
  const rows = selected.map((r) => {
    const row: Record<string, string | number | null> = {
      rank: r.rank, examNumber: r.examNumber, name: r.name, unit: r.unit, idNumber: ids.get(r.candidateId) ?? null, total: r.total,
    };
    if (basis.length > 1) for (const k of basis) row[`s_${k}`] = r.scores[k] ?? null;
    return row;
  });
  return { columns, rows };
}

const TAIL = '公示期内，对公示内容有异议的，请以真实姓名提出，并留下联系方式；异议人信息严格保密。';

const hashLine = (cut: CutRecord) => `本名单由评选系统按既定规则计算并冻结，名单校验值（SHA-256）：${cut.hash}。`;

async function prepareShortlist(tx: Tx, _ctx: ServiceContext, roundId: number): Promise<NoticeContent> {
  const round = await roundRow(tx, roundId);
  const def = shortlistStage(round);
  if (!def) throw conflict('本次评选没有需要公示的入围名单（或尚未进入该阶段）');
  const cut = await currentCut(tx, roundId, def.key);
  if (!cut) throw conflict(`「${def.name}」入围名单尚未冻结，冻结后才能公示`);
  return {
    title: `${round.name}${def.name}入围名单公示`,
    intro: `经统一考试，按「${def.name}」规则择优确定入围人员 ${cut.selected} 名，现予以公示。${hashLine(cut)}${TAIL}`,
    ...(await cutList(tx, round, cut)),
  };
}

async function prepareExperts(tx: Tx, _ctx: ServiceContext, roundId: number): Promise<NoticeContent> {
  const round = await roundRow(tx, roundId);
  requireOpenStage(round, 'notice');
  const def = finalCutStage(round.rules);
  const cut = def ? await currentCut(tx, roundId, def.key) : null;
  if (!def || !cut) throw conflict('最终入围名单尚未冻结');
  const blockers = await approvalBlockers(tx, round);
  if (blockers.length) throw conflict(`名单尚未经评审委员会审定：${blockers.join('；')}`);
  const title = round.rules.stages.find((s) => s.kind === 'commendation');
  const honour = title?.kind === 'commendation' ? title.title : '技术能手';
  return {
    title: `${round.name}拟表彰“${honour}”人员名单公示`,
    intro: `经推荐报名、资格审查、统一考试、专家评审、复试和面试答辩，并经评审委员会审定，拟授予以下 ${cut.selected} 名同志“${honour}”称号，现予以公示。`
      + `${hashLine(cut)}${TAIL}公示期满无异议的，报市人民政府予以表彰。`,
    ...(await cutList(tx, round, cut)),
  };
}

const noop = async () => {};
const prefix = (kind: NoticeKind) => (roundId: number) => `selection:${roundId}:${kind}:`;

registerNoticeSubject('selection-shortlist', {
  prepare: prepareShortlist,
  onPublished: noop, onSuspended: noop, onWithdrawn: noop, onFinal: noop,
  publicCachePrefix: prefix('selection-shortlist'),
});

registerNoticeSubject('selection-experts', {
  prepare: prepareExperts,
  onPublished: noop, onSuspended: noop, onWithdrawn: noop,
  /** The final list takes effect: the commendation module writes the awards (in this transaction). */
  onFinal: async (tx, ctx, roundId, finalOn) => {
    const round = await roundRow(tx, roundId);
    const def = finalCutStage(round.rules);
    const cut = def ? await currentCut(tx, roundId, def.key) : null;
    if (!cut) throw new Error(`selection ${roundId}: final notice without a frozen final cut`);
    await writeAwards(tx, ctx, roundId, cut.ranking.rows.filter((r) => r.selected).map((r) => r.candidateId), finalOn);
  },
  publicCachePrefix: prefix('selection-experts'),
});
