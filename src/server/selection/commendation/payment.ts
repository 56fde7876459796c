import { recordAudit } from '../../core/audit/service.js';
import type { ServiceContext } from '../../context.js';
import { exportRows, type ExportColumn } from '../../excel/write.js';
import { forbidden } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
import { roundRow } from '../rounds/policy.js';
import { awardsWithAccounts, mayDownloadPayments } from './service.js';

type Line = Awaited<ReturnType<typeof awardsWithAccounts>>[number];
type PaymentRow = { n: number | null; line: Line | null; total: number | null };

const MISSING = '（未填写）';

const COLUMNS: ExportColumn<PaymentRow>[] = [
  { header: '序号', width: 6, value: (r) => r.n },
  { header: '姓名', width: 10, value: (r) => r.line?.name ?? '合计' },
  { header: '单位', width: 28, value: (r) => r.line?.unitName ?? null },
  { header: '身份证号', width: 22, value: (r) => r.line?.idNumberMasked ?? null },
  { header: '开户银行', width: 24, value: (r) => (r.line ? r.line.bankName ?? MISSING : null) },
  { header: '银行账号', width: 26, value: (r) => (r.line ? r.line.bankAccount ?? MISSING : null) },
  { header: '金额（元）', width: 12, value: (r) => r.line?.amount ?? r.total },
  { header: '备注', width: 18, value: (r) => (r.line && !r.line.bankAccount ? '缺银行账户，暂不能发放' : null) },
];

/**
 * 奖金发放表 for the finance bureau: each expert's name, unit, masked ID number, bank and the
 * full account (the only place it is printed), the amount, and a total row. The office and the
 * committee's finance body only; every download is audited.
 */
export async function paymentList(ctx: ServiceContext, roundId: number): Promise<{ fileName: string; body: Buffer }> {
  const actor = requireRole(ctx, 'admin', 'committee');
  if (!mayDownloadPayments(actor)) throw forbidden('奖金发放表含完整银行账号，只有管理员和评审委员会财务组可以下载');
  const r = await roundRow(ctx.db, roundId);
  const lines = await awardsWithAccounts(ctx.db, ctx, roundId);
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const rows: PaymentRow[] = [...lines.map((line, i) => ({ n: i + 1, line, total: null })), { n: null, line: null, total }];
  const body = await exportRows('奖金发放表', COLUMNS, [rows]);
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, {
    action: 'selection.payment_export', entity: 'selection_round', entityId: roundId,
    after: { experts: lines.length, total, missingBank: lines.filter((l) => !l.bankAccount).length },
  }));
  return { fileName: `${r.name}-奖金发放表.xlsx`, body };
}
