// Import of 100k people rows (parse, validate, de-duplicate, insert) against a raw ExcelJS
// streaming parse of the same file, in the same run.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS, { type Row } from '../src/server/excel/exceljs.js';
import { PEOPLE_SHEET } from '../src/shared/excel/people-sheet.js';
import { makeIdNumber } from '../src/shared/idcard.js';
import { openDatabase } from '../src/server/db/client.js';
import { commitImport, importPhases, previewImport, type ImportPhase } from '../src/server/core/imports/service.js';
import { PiiCipher } from '../src/server/core/pii/cipher.js';
import { insertUnits } from '../src/server/core/units/service.js';
import { trades } from '../src/server/core/trades/tables.js';
import { accounts } from '../src/server/core/accounts/tables.js';
import { systemClock } from '../src/server/context.js';
import { report, time } from './lib.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

async function makeFile(file: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const ws = wb.addWorksheet('人员');
  ws.addRow(PEOPLE_SHEET.columns.map((c) => c.header)).commit();
  const units = ['江川重型机械有限公司', '江川技师学院'];
  const tradeNames = ['车工', '焊工', '维修电工', '工具钳工'];
  for (let i = 0; i < ROWS; i++) {
    const birth = `19${60 + (i % 30)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const id = makeIdNumber(String(330100 + (Math.floor(i / 1000) % 90) + 1).padStart(6, '0'), birth, i % 1000, i % 2 ? 'M' : 'F');
    ws.addRow([`员工${i}`, i % 2 ? '男' : '女', id, `13${String(100000000 + i).slice(-9)}`, units[i % 2], tradeNames[i % 4], '中级工', '是', i % 30]).commit();
  }
  await wb.commit();
}

export async function benchImport() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-bench-import-'));
  const file = path.join(dir, 'people.xlsx');
  await makeFile(file);
  const buf = fs.readFileSync(file);

  // Baseline: ExcelJS streaming parse, touching every cell.
  const raw = await time(async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' });
    let n = 0;
    for await (const ws of reader) for await (const row of ws as AsyncIterable<Row>) n += (row.values as unknown[]).length > 0 ? 1 : 0;
    return n;
  });

  const database = await openDatabase({ pgliteDir: path.join(dir, 'pgdata') });
  const pii = new PiiCipher(crypto.randomBytes(32));
  await insertUnits(database.db, { pii }, [{ name: '江川重型机械有限公司', kind: 'enterprise' }, { name: '江川技师学院', kind: 'school' }]);
  await database.db.insert(trades).values(['车工', '焊工', '维修电工', '工具钳工'].map((n) => ({ code: n, name: n, levels: [5, 4, 3, 2, 1] })));
  const [admin] = await database.db.insert(accounts).values({ username: 'admin', displayName: 'admin', role: 'admin', passwordHash: 'x' }).returning();
  const ctx = { db: database.db, pii, clock: systemClock, actor: { id: admin!.id, username: 'admin', displayName: 'admin', role: 'admin' as const, unitId: null, personId: null, committeeBody: null } };

  const phases: ImportPhase[] = [];
  const onPhase = (m: unknown) => phases.push(m as ImportPhase);
  importPhases.subscribe(onPhase);
  let previewMs = 0;
  const ours = await time(async () => {
    const t = performance.now();
    const preview = await previewImport(ctx, 'people', 'people.xlsx', buf);
    previewMs = performance.now() - t;
    if (preview.valid !== ROWS) throw new Error(`expected ${ROWS} valid rows, got ${preview.valid}: ${JSON.stringify(preview.issues.slice(0, 3))}`);
    return commitImport(ctx, preview.batchId, 'strict');
  });
  importPhases.unsubscribe(onPhase);
  if (ours.result.inserted !== ROWS) throw new Error(`inserted ${ours.result.inserted}`);
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });

  console.log(`  file: ${ROWS} rows, ${(buf.length / 1024 / 1024).toFixed(1)} MB; import ${(ours.ms / 1000).toFixed(2)} s (preview ${(previewMs / 1000).toFixed(2)} s, commit ${((ours.ms - previewMs) / 1000).toFixed(2)} s), raw parse ${(raw.ms / 1000).toFixed(2)} s`);
  for (const step of ['preview', 'commit'] as const) {
    console.log(`  ${step} phases: ${phases.filter((p) => p.step === step).map((p) => `${p.phase} ${(p.ms / 1000).toFixed(2)} s`).join(', ')}`);
  }
  return report(
    `Excel import of ${ROWS} people rows (PGlite on disk)`,
    { label: 'skillmonth import (parse+validate+dedupe+insert)', value: ROWS / (ours.ms / 1000), unit: 'rows/s' },
    { label: 'raw ExcelJS streaming parse', value: raw.result / (raw.ms / 1000), unit: 'rows/s' },
    '≥ 0.5',
  );
}
