import { asc, eq, inArray } from 'drizzle-orm';
import type { PartKey } from '../../../shared/competition/parts.js';
import { isDecoded } from '../../../shared/competition/states.js';
import type { CompetitionResults, DecidedBy, ResultRow } from '../../../shared/contracts/results.js';
import { accounts } from '../../core/accounts/tables.js';
import { competitionRow, requireOrganizer } from '../competitions/policy.js';
import type { ServiceContext } from '../../context.js';
import { getDraw } from '../draws/service.js';
import { notFound } from '../../http/errors.js';
import { entries } from '../entries/tables.js';
import { aspectJudges } from '../judging/tables.js';
import { marks } from '../marks/tables.js';
import { tablesPdf, type PdfSignature, type PdfTable } from '../../pdf/table.js';
import { beijingTime } from '../../../shared/beijing-time.js';
import { currentScheme } from '../schemes/service.js';
import { computeRanked } from './compute.js';
import { addTextSafeRow } from '../../excel/write.js';
import { sealedUntilDecoded } from './policy.js';

/** 导出: results, rankings, the draw and the score sheets, for the organizers, as Excel and PDF. */
export const EXPORT_FILES = ['results.xlsx', 'results.pdf', 'rankings.xlsx', 'rankings.pdf', 'draw.xlsx', 'draw.pdf', 'score-sheets.xlsx', 'score-sheets.pdf'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

export interface ExportedFile { fileName: string; type: 'xlsx' | 'pdf'; body: Buffer }

const PART_SHORT: Record<PartKey, string> = { theory: '理论', practical: '实操', oral: '答辩' };
const DECIDED_NAMES: Record<DecidedBy, string> = { total: '总成绩', practical: '实操成绩', time: '完成用时', theory: '理论成绩', oral: '答辩成绩', shared: '并列' };
const STATUS_NAMES = { provisional: '暂定成绩', notice: '公示中', final: '最终成绩' } as const;

type Cell = string | number | null;
interface Sheet { title: string; columns: { header: string; width?: number }[]; rows: Cell[][] }

/** Several sheets in one workbook; text that looks like a formula stays text (see addTextSafeRow). */
async function workbook(sheets: Sheet[]): Promise<Buffer> {
  const ExcelJS = (await import('../../excel/exceljs.js')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'skillmonth';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width ?? 12 }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) addTextSafeRow(ws, r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const toSheet = (t: PdfTable, title: string): Sheet => ({ title, columns: t.columns.map((c) => ({ header: c.header, width: Math.max(8, c.width * 2) })), rows: t.rows as Cell[][] });

export const hms = (s: number | null) => (s == null ? null : `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`);
const yes = (b: boolean | null) => (b == null ? '—' : b ? '合格' : '不合格');

/** 签字盖章栏 of printed results and rankings: the chief judge and the arbitration panel sign, the committee seals. */
const resultsSignature = (date: string): PdfSignature => ({ signers: ['裁判长', '仲裁组组长', '记分员', '监督人'], seal: '竞赛组委会', date });

function resultsTable(r: CompetitionResults, date: string): PdfTable {
  const partKeys = r.rows[0]?.parts.map((p) => p.key) ?? [];
  const partOf = (row: ResultRow, k: PartKey) => row.parts.find((p) => p.key === k)?.score ?? null;
  return {
    title: `${r.competitionName} 成绩表`,
    subtitle: [`${r.tradeName} · ${STATUS_NAMES[r.status]} · ${r.decoded ? '已解密' : '未解密（按参赛编号）'}${r.awardsWithheld ? ` · ${r.awardsWithheld}` : ''}`],
    columns: [
      { header: '名次', width: 4, align: 'center' }, { header: '参赛编号', width: 6 }, { header: '姓名', width: 6 }, { header: '单位', width: 12 },
      { header: '身份证号', width: 11 },
      ...partKeys.map((k) => ({ header: PART_SHORT[k], width: 5, align: 'right' as const })),
      { header: '用时', width: 5, align: 'right' }, { header: '总成绩', width: 5, align: 'right' }, { header: '标准分', width: 4, align: 'right' },
      { header: '合格', width: 4 }, { header: '名次依据', width: 5 }, { header: '奖项', width: 4 }, { header: r.status === 'final' ? '认定' : '拟认定', width: 14 },
    ],
    rows: r.rows.map((row) => [
      row.rank, row.code, row.name, row.unitName, row.idNumberMasked,
      ...partKeys.map((k) => partOf(row, k)),
      hms(row.completionSeconds), row.total, row.standardized, yes(row.passedAll), row.decidedBy ? DECIDED_NAMES[row.decidedBy] : null, row.award,
      row.outcomes.map((o) => o.title).join('；') || null,
    ]),
    notes: [r.formulas.total, r.formulas.tieBreak, r.formulas.standardized, r.formulas.outcomes],
    signature: resultsSignature(date),
  };
}

function rankingTables(r: CompetitionResults, date: string): PdfTable[] {
  return [
    {
      title: `${r.competitionName} 团体排名`,
      subtitle: [r.tradeName],
      columns: [{ header: '名次', width: 3, align: 'center' }, { header: '单位', width: 14 }, { header: '参赛人数', width: 4, align: 'right' },
        { header: '计入成绩', width: 20 }, { header: '合计', width: 5, align: 'right' }, { header: '奖项', width: 5 }],
      rows: r.teams.map((t) => [t.rank, t.unitName, t.entrants, t.counted.map((c) => `${c.name ?? c.code ?? ''} ${c.total.toFixed(2)}`).join('，'), t.sum, t.award ?? (t.sum == null ? '人数不足，不参加团体排名' : null)]),
      notes: [r.formulas.team],
      signature: resultsSignature(date),
    },
    {
      title: `${r.competitionName} 组织奖`,
      subtitle: [r.tradeName],
      columns: [{ header: '名次', width: 3, align: 'center' }, { header: '单位', width: 16 }, { header: '参赛人数', width: 4, align: 'right' },
        { header: '获奖人数', width: 4, align: 'right' }, { header: '得分', width: 4, align: 'right' }, { header: '组织奖', width: 4 }],
      rows: r.organizations.map((o) => [o.rank, o.unitName, o.entrants, o.honoured, o.score, o.award ? '组织奖' : null]),
      notes: [r.formulas.organization],
      signature: resultsSignature(date),
    },
  ];
}

async function drawTable(ctx: ServiceContext, competitionId: number, name: string): Promise<PdfTable> {
  const d = await getDraw(ctx, competitionId);
  return {
    title: `${name} 抽签结果`,
    subtitle: [d.seedCommitment ? `种子承诺 SHA-256：${d.seedCommitment}` : '尚未抽签'],
    columns: [{ header: '参赛编号', width: 1 }, { header: '工位', width: 1, align: 'center' }, { header: '场次', width: 1, align: 'center' }],
    rows: d.lots.map((l) => [l.code, l.station, l.round]),
    signature: { signers: ['抽签人', '监督人'], seal: '竞赛组委会' },
  };
}

/**
 * 评分记录 (Excel): every mark as it stands, by code, aspect and seat, with the judge and where
 * the mark came from (a judge's phone, a paper sheet keyed twice, an amendment).
 */
async function markRecords(ctx: ServiceContext, competitionId: number): Promise<Sheet> {
  // Before decoding the judges are shown by seat: who marked a code tells who recused from it.
  const decoded = isDecoded((await competitionRow(ctx.db, competitionId)).status);
  const scheme = await currentScheme(ctx.db, competitionId);
  const aspects = new Map((scheme?.aspects ?? []).map((a) => [a.id, a]));
  const rows = await ctx.db.select({ code: entries.code, aspectId: marks.aspectId, judge: accounts.displayName, value: marks.value, source: marks.source })
    .from(marks).innerJoin(entries, eq(entries.id, marks.entryId)).innerJoin(accounts, eq(accounts.id, marks.judgeId))
    .where(eq(marks.competitionId, competitionId)).orderBy(asc(entries.code), asc(marks.aspectId), asc(marks.judgeId));
  const SOURCE = { judge: '裁判录入', paper: '纸质双录', amendment: '成绩更正' } as const;
  let seat = 0;
  return {
    title: '评分记录',
    columns: [{ header: '参赛编号', width: 10 }, { header: '评分模块', width: 8 }, { header: '细则', width: 8 }, { header: '类型', width: 6 },
      { header: '满分', width: 6 }, { header: '裁判', width: 10 }, { header: '分值', width: 6 }, { header: '来源', width: 10 }],
    rows: rows.map((r, i) => {
      const a = aspects.get(r.aspectId);
      const prev = rows[i - 1];
      seat = prev && prev.code === r.code && prev.aspectId === r.aspectId ? seat + 1 : 1;
      return [r.code, a?.criterionCode ?? null, a?.code ?? null, a?.kind === 'judgement' ? '评价' : '测量', a?.maxMark ?? null, decoded ? r.judge : `裁判${seat}`, r.value, SOURCE[r.source]];
    }),
  };
}

/** 评分表: per aspect, every code with a box per seat of the panel (names of the assigned team). */
async function scoreSheets(ctx: ServiceContext, competitionId: number, name: string): Promise<PdfTable[]> {
  const scheme = await currentScheme(ctx.db, competitionId);
  const d = await getDraw(ctx, competitionId);
  const team = await ctx.db.select({ aspectId: aspectJudges.aspectId, judgeId: aspectJudges.judgeId }).from(aspectJudges)
    .where(eq(aspectJudges.competitionId, competitionId)).orderBy(asc(aspectJudges.seat));
  const ids = [...new Set(team.map((t) => t.judgeId))];
  const names = new Map(ids.length ? (await ctx.db.select({ id: accounts.id, n: accounts.displayName }).from(accounts).where(inArray(accounts.id, ids))).map((a) => [a.id, a.n]) : []);
  return (scheme?.aspects ?? []).map((a) => {
    const seats = Array.from({ length: a.kind === 'judgement' ? 3 : 1 }, (_, i) => {
      const j = team.filter((t) => t.aspectId === a.id)[i];
      return (j && names.get(j.judgeId)) || `裁判${i + 1}`;
    });
    return {
      title: `${name} 评分表 ${a.code}`,
      subtitle: [`${a.criterionCode} ${a.criterionName} · ${a.description} · ${a.kind === 'judgement' ? '评价（0–3 分）' : '测量'} · 满分 ${a.maxMark}`],
      columns: [{ header: '参赛编号', width: 2 }, ...seats.map((s) => ({ header: s, width: 3 }))],
      rows: d.lots.map((l) => [l.code, ...seats.map(() => '')]),
      minRowHeight: 20,
    };
  });
}

/** One export for the organizers. */
export async function exportFile(ctx: ServiceContext, competitionId: number, file: ExportFile): Promise<ExportedFile> {
  requireOrganizer(ctx);
  const base = (await competitionRow(ctx.db, competitionId)).name;
  const results = async () => sealedUntilDecoded((await computeRanked(ctx.db, competitionId)).results);
  const today = beijingTime(ctx.clock.now()).slice(0, 10);
  switch (file) {
    case 'results.xlsx': return { fileName: `${base}成绩表.xlsx`, type: 'xlsx', body: await workbook([toSheet(resultsTable(await results(), today), '成绩表')]) };
    case 'results.pdf': return { fileName: `${base}成绩表.pdf`, type: 'pdf', body: await tablesPdf([resultsTable(await results(), today)], true) };
    case 'rankings.xlsx': {
      const [teams, orgs] = rankingTables(await results(), today);
      return { fileName: `${base}团体与组织奖排名.xlsx`, type: 'xlsx', body: await workbook([toSheet(teams!, '团体排名'), toSheet(orgs!, '组织奖')]) };
    }
    case 'rankings.pdf': return { fileName: `${base}团体与组织奖排名.pdf`, type: 'pdf', body: await tablesPdf(rankingTables(await results(), today), true) };
    case 'draw.xlsx': return { fileName: `${base}抽签结果.xlsx`, type: 'xlsx', body: await workbook([toSheet(await drawTable(ctx, competitionId, base), '抽签结果')]) };
    case 'score-sheets.xlsx': return { fileName: `${base}评分记录.xlsx`, type: 'xlsx', body: await workbook([await markRecords(ctx, competitionId)]) };
    case 'draw.pdf': return { fileName: `${base}抽签结果.pdf`, type: 'pdf', body: await tablesPdf([await drawTable(ctx, competitionId, base)]) };
    case 'score-sheets.pdf': {
      const sheets = await scoreSheets(ctx, competitionId, base);
      if (!sheets.length) throw notFound('评分标准');
      return { fileName: `${base}评分表.pdf`, type: 'pdf', body: await tablesPdf(sheets) };
    }
  }
}
