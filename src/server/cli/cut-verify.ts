// npm run cut:verify -- <cut.json | cut.xlsx>     (a frozen cut as exported from the console)
//
// Re-checks a frozen cut (入围名单) from its export alone: recomputes every candidate's total, rank
// and selection from the rows' scores and the rules in the file, and the SHA-256 over both, then
// prints OK or the first discrepancy. Exit code 0 when it agrees, 1 when it does not or when the
// file cannot be read. Needs no database and no server.
import fs from 'node:fs';
import { CutExport } from '../../shared/contracts/selection-cuts.js';
import { selectedCount } from '../../shared/selection/cut.js';
import { readCutWorkbook } from '../selection/cuts/excel.js';
import { checkCut } from '../selection/cuts/hash.js';

export async function readCutFile(file: string): Promise<CutExport> {
  const buf = fs.readFileSync(file);
  if (/\.xlsx$/i.test(file)) return readCutWorkbook(buf);
  return CutExport.parse(JSON.parse(buf.toString('utf8')));
}

/** The first discrepancy between the export and its recomputation, or null when they agree. */
export async function verifyCutFile(file: string): Promise<{ cut: CutExport; problem: string | null }> {
  const cut = await readCutFile(file);
  return { cut, problem: checkCut(cut.rules, cut.ranking, cut.hash) };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run cut:verify -- <cut.json | cut.xlsx>');
    process.exitCode = 1;
  } else {
    verifyCutFile(file).then(({ cut, problem }) => {
      console.log(`${cut.rules.roundName} · ${cut.rules.stageName}: ${cut.ranking.rows.length} in play, ${selectedCount(cut.ranking)} selected (size ${cut.rules.size})`);
      console.log(`hash ${cut.hash}`);
      if (problem) {
        console.log(`DISCREPANCY ✗ ${problem}`);
        process.exitCode = 1;
      } else console.log('OK ✓ ranks, selection and hash reproduced from the rows and the rules');
    }, (e: unknown) => {
      console.error(`cannot read ${file}: ${(e as Error).message}`);
      process.exitCode = 1;
    });
  }
}
