import { CLAIM_STATUS_NAMES, formatYuan, yuanToFen, type SubsidyClaimLine } from '../../../shared/training/subsidy.js';
import type { ServiceContext } from '../../context.js';
import { exportReport } from '../../excel/write.js';
import { classRow } from '../programmes/policy.js';
import { getClaimById } from './subsidy.js';

const yesNo = (b: boolean) => (b ? '是' : '否');
const beijing = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * 培训补贴发放名单: the list the finance bureau pays from — the class's particulars, one line per
 * trainee (ID numbers masked) with attendance, eligibility and the fees, a totals row, and the
 * claim's status, computation time and lines hash below (what was reviewed is what is paid).
 */
export async function exportClaim(ctx: ServiceContext, claimId: number): Promise<{ fileName: string; buf: Buffer }> {
  const claim = await getClaimById(ctx, claimId);
  const c = await classRow(ctx.db, claim.classId);
  const start = c.actualStartOn ?? c.plannedStartOn;
  const end = c.actualEndOn ?? c.plannedEndOn;
  let n = 0;
  const buf = await exportReport<SubsidyClaimLine>({
    sheetName: '补贴发放名单',
    title: '新技师培养培训补贴发放名单',
    meta: [
      `项目：${claim.programmeName}`,
      `班级：${claim.className}`,
      `承训院校：${claim.collegeName ?? '—'}`,
      `培训日期：${start} 至 ${end}`,
      `补贴标准：培训费 ${formatYuan(yuanToFen(claim.trainingFeeYuan))} 元/人，鉴定费 ${formatYuan(yuanToFen(claim.appraisalFeeYuan))} 元/人；出勤率不低于 ${claim.minAttendancePct}% 方可享受`,
    ],
    columns: [
      { header: '序号', width: 6, value: () => ++n },
      { header: '姓名', width: 10, value: (l) => l.name },
      { header: '身份证号', width: 22, value: (l) => l.idNumberMasked },
      { header: '单位', width: 24, value: (l) => l.unitName },
      { header: '应到', width: 7, value: (l) => l.sessionsHeld },
      { header: '实到', width: 7, value: (l) => l.sessionsAttended },
      { header: '出勤率', width: 9, value: (l) => `${l.attendancePct}%` },
      { header: '是否符合', width: 9, value: (l) => yesNo(l.eligible) },
      { header: '培训费', width: 11, value: (l) => l.trainingFeeYuan },
      { header: '鉴定费', width: 11, value: (l) => l.appraisalFeeYuan },
      { header: '合计', width: 11, value: (l) => l.totalYuan },
      { header: '说明', width: 36, value: (l) => l.reason ?? '' },
    ],
    rows: claim.lines,
    totals: ['合计', `${claim.trainees} 人`, '', `符合 ${claim.eligible} 人`, '', '', '', '', claim.trainingTotalYuan, claim.appraisalTotalYuan, claim.totalYuan, ''],
    footer: [
      `申请状态：${CLAIM_STATUS_NAMES[claim.status].zh}${claim.stale ? '（计算后记录有变动，需重新计算）' : ''}`,
      `计算时间：${beijing(claim.computedAt)}（北京时间）`,
      `明细校验码（SHA-256）：${claim.linesHash}`,
    ],
  });
  return { fileName: `培训补贴发放名单-${claim.className}.xlsx`, buf };
}
