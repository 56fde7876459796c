import crypto from 'node:crypto';
import { and, eq, getTableColumns } from 'drizzle-orm';
import type { ImportKind, ImportPreview, RowIssue } from '../../shared/contracts/imports.js';
import { columnLetter, locateColumns, RowProblems, type CellValue } from '../../shared/excel/sheet.js';
import { recordAudit } from '../audit/service.js';
import type { ServiceContext } from '../context.js';
import { buildTemplate } from '../excel/write.js';
import { readFirstSheet } from '../excel/read.js';
import { refuseFile } from '../excel/limits.js';
import { AppError, conflict, notFound } from '../http/errors.js';
import { requireRole } from '../policy.js';
import { accountsImporter } from './importers/accounts.js';
import { peopleImporter } from './importers/people.js';
import { unitsImporter } from './importers/units.js';
import type { Importer } from './importer.js';
import { importBatches } from './tables.js';

const IMPORTERS: Record<ImportKind, Importer<any, any, any>> = {
  people: peopleImporter,
  units: unitsImporter,
  accounts: accountsImporter,
};

/** The report lists at most this many problems; the counts always cover every row. */
const MAX_REPORTED_ISSUES = 5000;

export async function importTemplate(ctx: ServiceContext, kind: ImportKind): Promise<Buffer> {
  const imp = IMPORTERS[kind];
  requireRole(ctx, ...imp.roles);
  return buildTemplate(imp.spec, await imp.templateLists(ctx));
}

type Batch = Omit<typeof importBatches.$inferSelect, 'payload'>;
const present = (b: Batch): ImportPreview => ({
  batchId: b.id, kind: b.kind, fileName: b.fileName, total: b.total, valid: b.valid, invalidRows: b.invalidRows, issues: b.issues, status: b.status,
});

/**
 * Reads an upload and reports it row by row; nothing reaches the registry until commit. The
 * valid rows wait in an import batch (personal fields sealed).
 */
export async function previewImport(ctx: ServiceContext, kind: ImportKind, fileName: string, buf: Buffer): Promise<ImportPreview> {
  const imp = IMPORTERS[kind];
  const actor = requireRole(ctx, ...imp.roles);
  const validate = await imp.prepare(ctx);
  const issues: RowIssue[] = [];
  const rows: { row: number; value: unknown; keys: ReturnType<typeof imp.keys> }[] = [];
  const seenKeys = new Map<string, number>();
  let positions: Record<string, number | null> | null = null;
  let total = 0;
  let invalidRows = 0;
  const report = (list: RowIssue[]) => {
    for (const i of list) if (issues.length < MAX_REPORTED_ISSUES) issues.push(i);
  };

  for await (const { number, cells } of readFirstSheet(buf)) {
    if (!positions) {
      const loc = locateColumns(imp.spec, cells.map((c) => String(c ?? '')));
      if (!loc.ok) throw refuseFile(`表头缺少必填列：${loc.missing.join('、')}。请使用下载的模板`);
      positions = loc.positions;
      continue;
    }
    total++;
    const record = {} as Record<string, CellValue>;
    for (const col of imp.spec.columns) {
      const at = positions[col.key];
      record[col.key] = at == null ? null : (cells[at] ?? null);
    }
    const problems = new RowProblems(imp.spec, positions, number);
    const value = validate(record, problems);
    if (value) {
      const keys = imp.keys(ctx, value);
      for (const k of keys) {
        const first = seenKeys.get(k.key);
        if (first !== undefined) problems.add(k.column, `${k.label}与第 ${first} 行重复`);
      }
      if (problems.ok) {
        for (const k of keys) seenKeys.set(k.key, number);
        rows.push({ row: number, value, keys });
        continue;
      }
    }
    invalidRows++;
    report(problems.issues);
  }
  if (!positions) throw refuseFile('文件是空的：第一个工作表没有表头');
  if (total === 0) throw refuseFile('文件中没有数据行');

  // Already in the registry: refused per row, so re-uploading a file adds nothing twice.
  const existing = await imp.existing(ctx.db, [...seenKeys.keys()]);
  const fresh: unknown[] = [];
  for (const r of rows) {
    const clash = r.keys.find((k) => existing.has(k.key));
    if (clash) {
      invalidRows++;
      report([{ row: r.row, column: columnOf(positions, clash.column), header: headerOf(imp, clash.column), reason: `${clash.label}已登记` }]);
    } else fresh.push(imp.seal(ctx, r.value));
  }
  issues.sort((a, b) => a.row - b.row);

  const id = crypto.randomUUID();
  const [batch] = await ctx.db.insert(importBatches).values({
    id, kind, accountId: actor.id, unitId: actor.unitId, fileName: fileName.slice(0, 200),
    fileSha256: crypto.createHash('sha256').update(buf).digest('hex'),
    total, valid: fresh.length, invalidRows, issues, payload: fresh, createdAt: ctx.clock.now(),
  }).returning();
  return present(batch!);
}

function columnOf(positions: Record<string, number | null>, key: string) {
  const at = positions[key];
  return at == null ? '-' : columnLetter(at);
}
function headerOf(imp: Importer<string, any, any>, key: string) {
  return imp.spec.columns.find((c) => c.key === key)?.header ?? key;
}

async function ownBatch(ctx: ServiceContext, batchId: string) {
  const actor = ctx.actor!;
  if (!/^[0-9a-f-]{36}$/.test(batchId)) throw notFound('导入批次');
  const { payload: _payload, ...columns } = getTableColumns(importBatches); // the rows are read only when needed
  const [b] = await ctx.db.select(columns).from(importBatches).where(and(eq(importBatches.id, batchId), eq(importBatches.accountId, actor.id)));
  if (!b) throw notFound('导入批次');
  requireRole(ctx, ...IMPORTERS[b.kind].roles);
  return b;
}

export async function getImport(ctx: ServiceContext, batchId: string): Promise<ImportPreview> {
  requireRole(ctx, 'admin', 'unit');
  const b = await ownBatch(ctx, batchId);
  return present(b);
}

/**
 * Commits a previewed batch in one transaction. `strict` commits nothing unless every row was
 * valid. A batch commits once; a replay is refused.
 */
export async function commitImport(ctx: ServiceContext, batchId: string, mode: 'valid' | 'strict') {
  requireRole(ctx, 'admin', 'unit');
  const b = await ownBatch(ctx, batchId);
  if (b.status !== 'previewed') throw conflict('该批次已处理，不能重复导入');
  if (mode === 'strict' && b.invalidRows > 0) {
    throw new AppError(422, 'IMPORT_HAS_ERRORS', `文件中有 ${b.invalidRows} 行有误；严格模式下未导入任何数据。请修改后重新上传`);
  }
  const imp = IMPORTERS[b.kind];
  return ctx.db.transaction(async (tx) => {
    const [claimed] = await tx.update(importBatches).set({ status: 'committed', committedAt: ctx.clock.now() })
      .where(and(eq(importBatches.id, b.id), eq(importBatches.status, 'previewed'))).returning({ id: importBatches.id });
    if (!claimed) throw conflict('该批次已处理，不能重复导入');
    // Someone may have registered the same rows since the preview: those are skipped, not doubled.
    const rows = async () => (await tx.select({ p: importBatches.payload }).from(importBatches).where(eq(importBatches.id, b.id)))[0]!.p;
    const outcome = await imp.commit(tx, ctx, { id: b.id, valid: b.valid, rows });
    await recordAudit(tx, ctx, {
      action: `import.${b.kind}.commit`, entity: 'import', entityId: b.id,
      after: { fileName: b.fileName, fileSha256: b.fileSha256, mode, inserted: outcome.inserted, skipped: outcome.skipped, invalidRows: b.invalidRows },
    });
    return outcome;
  });
}
