import crypto from 'node:crypto';
import diagnostics_channel from 'node:diagnostics_channel';
import { and, eq, getTableColumns } from 'drizzle-orm';
import type { ImportKind, ImportPreview, RowIssue } from '../../../shared/contracts/imports.js';
import { columnLetter, headerMatch, locateColumns, RowProblems, type CellValue } from '../../../shared/excel/sheet.js';
import { recordAudit } from '../audit/service.js';
import type { ServiceContext } from '../../context.js';
import { buildTemplate } from '../../excel/write.js';
import { readTableBatches } from '../../excel/read.js';
import { refuseFile } from '../../excel/limits.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
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
/** Valid rows go to be sealed this many at a time, while the rest of the file is read. */
const SEAL_BATCH = 2000;

/**
 * How long each phase of a preview or commit took, published for whoever listens (the import
 * benchmark); without a subscriber nothing is measured.
 */
export const importPhases = diagnostics_channel.channel('skillmonth:import-phase');
export interface ImportPhase {
  step: 'preview' | 'commit';
  phase: string;
  ms: number;
}
function phaseClock(step: ImportPhase['step']) {
  if (!importPhases.hasSubscribers) return (_phase: string) => {};
  let last = performance.now();
  return (phase: string) => {
    const now = performance.now();
    importPhases.publish({ step, phase, ms: now - last } satisfies ImportPhase);
    last = now;
  };
}

export async function importTemplate(ctx: ServiceContext, kind: ImportKind): Promise<Buffer> {
  const imp = IMPORTERS[kind];
  requireRole(ctx, ...imp.roles);
  return buildTemplate(imp.spec, await imp.templateLists(ctx));
}

type Batch = Omit<typeof importBatches.$inferSelect, 'payload'>;
/** Every column but the rows, which are read only when needed (and never sent back after insert). */
const { payload: _payload, ...batchColumns } = getTableColumns(importBatches);
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
  const lap = phaseClock('preview');
  const validate = await imp.prepare(ctx);
  const issues: RowIssue[] = [];
  // Valid rows, in file order: their row number and keys here, their values sent to be sealed.
  const accepted: { row: number; keys: ReturnType<typeof imp.keys> }[] = [];
  const sealing: Promise<unknown[]>[] = [];
  let toSeal: unknown[] = [];
  const sealBatch = () => {
    const p = imp.seal(ctx, toSeal);
    p.catch(() => {}); // awaited below; a file refused meanwhile just drops it
    sealing.push(p);
    toSeal = [];
  };
  const seenKeys = new Map<string, number>();
  let positions: Record<string, number | null> | null = null;
  let total = 0;
  let invalidRows = 0;
  const report = (list: RowIssue[]) => {
    for (const i of list) if (issues.length < MAX_REPORTED_ISSUES) issues.push(i);
  };

  const columns = imp.spec.columns;
  for await (const batch of readTableBatches(buf, (cells) => headerMatch(imp.spec, cells))) {
    for (const { number, cells } of batch) {
      if (!positions) {
        const loc = locateColumns(imp.spec, Array.from(cells, (c) => String(c ?? '')));
        if (!loc.ok) throw refuseFile(`表头缺少必填列：${loc.missing.join('、')}。请使用下载的模板`);
        positions = loc.positions;
        continue;
      }
      total++;
      const record = {} as Record<string, CellValue>;
      for (const col of columns) {
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
          accepted.push({ row: number, keys });
          toSeal.push(value);
          if (toSeal.length >= SEAL_BATCH) sealBatch();
          continue;
        }
      }
      invalidRows++;
      report(problems.issues);
    }
  }
  if (!positions) throw refuseFile('文件是空的：没有找到表头');
  if (total === 0) throw refuseFile('文件中没有数据行');
  seenKeys.clear();
  lap('read + validate');
  if (toSeal.length) sealBatch();
  const sealed = (await Promise.all(sealing)).flat();
  lap('seal (rest)');

  // Already in the registry: refused per row, so re-uploading a file adds nothing twice.
  const existing = await imp.existing(ctx.db, sealed.flatMap((s) => imp.registryKeys(s)));
  lap('registered keys');
  const fresh: unknown[] = [];
  for (let i = 0; i < sealed.length; i++) {
    const clashAt = existing.size ? imp.registryKeys(sealed[i]).findIndex((k) => existing.has(k)) : -1;
    if (clashAt >= 0) {
      const { row, keys } = accepted[i]!;
      const clash = keys[clashAt]!;
      invalidRows++;
      report([{ row, column: columnOf(positions, clash.column), header: headerOf(imp, clash.column), reason: `${clash.label}已登记` }]);
    } else fresh.push(sealed[i]);
  }
  issues.sort((a, b) => a.row - b.row);
  const payload = imp.encode ? imp.encode(fresh) : JSON.stringify(fresh);
  lap('encode');

  const id = crypto.randomUUID();
  const [batch] = await ctx.db.insert(importBatches).values({
    id, kind, accountId: actor.id, unitId: actor.unitId, fileName: fileName.slice(0, 200),
    fileSha256: crypto.createHash('sha256').update(buf).digest('hex'),
    total, valid: fresh.length, invalidRows, issues, payload, createdAt: ctx.clock.now(),
  }).returning(batchColumns);
  lap('stage');
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
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(batchId)) throw notFound('导入批次');
  const [b] = await ctx.db.select(batchColumns).from(importBatches).where(and(eq(importBatches.id, batchId), eq(importBatches.accountId, actor.id)));
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
  const lap = phaseClock('commit');
  return ctx.db.transaction(async (tx) => {
    const [claimed] = await tx.update(importBatches).set({ status: 'committed', committedAt: ctx.clock.now() })
      .where(and(eq(importBatches.id, b.id), eq(importBatches.status, 'previewed'))).returning({ id: importBatches.id });
    if (!claimed) throw conflict('该批次已处理，不能重复导入');
    lap('claim');
    // Someone may have registered the same rows since the preview: those are skipped, not doubled.
    const rows = async () => JSON.parse((await tx.select({ p: importBatches.payload }).from(importBatches).where(eq(importBatches.id, b.id)))[0]!.p);
    const outcome = await imp.commit(tx, ctx, { id: b.id, valid: b.valid, rows });
    lap('insert');
    await recordAudit(tx, ctx, {
      action: `import.${b.kind}.commit`, entity: 'import', entityId: b.id,
      after: { fileName: b.fileName, fileSha256: b.fileSha256, mode, inserted: outcome.inserted, skipped: outcome.skipped, invalidRows: b.invalidRows },
    });
    lap('audit');
    return outcome;
  });
}
