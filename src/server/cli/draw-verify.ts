// npm run draw:verify -- <draw.json>                     (the draw as GET /api/competitions/:id/draw gives it, once decoded)
// npm run draw:verify -- --seed HEX --stations N --prefix C --ids 3,1,2 [--commitment HEX]
//
// Re-runs a published draw (抽签) from its revealed seed: checks the seed against the commitment
// shown before the draw, recomputes every code, station and round, and compares them with the
// published result. Pure: it needs no database and no server.
import fs from 'node:fs';
import { DRAW_ALGORITHM, drawLots, seedMatchesCommitment, type DrawnLot } from '../../shared/competition/draw.js';

interface Published {
  algorithm?: string;
  seedCommitment?: string | null;
  stations: number;
  codePrefix: string;
  verification: { seed: string; entryIds: number[]; result?: DrawnLot[] } | null;
}

function parseArgs(argv: string[]): Published {
  if (argv.length === 1 && !argv[0]!.startsWith('--')) {
    const d = JSON.parse(fs.readFileSync(argv[0]!, 'utf8')) as Published;
    if (!d.verification) throw new Error('该抽签记录没有公开种子（解密后才公开）/ the draw has no revealed seed yet (it is revealed with the decoding)');
    return d;
  }
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seed = opt('seed');
  const ids = opt('ids');
  if (!seed || !ids) throw new Error('usage: npm run draw:verify -- <draw.json> | --seed HEX --ids 1,2,3 --stations N [--prefix C] [--commitment HEX]');
  return {
    seedCommitment: opt('commitment') ?? null,
    stations: Number(opt('stations') ?? 1),
    codePrefix: opt('prefix') ?? '',
    verification: { seed, entryIds: ids.split(',').map((s) => Number(s.trim())) },
  };
}

export function verifyDraw(d: Published) {
  const v = d.verification!;
  if (d.algorithm && d.algorithm !== DRAW_ALGORITHM) throw new Error(`unknown algorithm ${d.algorithm} (this tool runs ${DRAW_ALGORITHM})`);
  const commitmentOk = d.seedCommitment ? seedMatchesCommitment(v.seed, d.seedCommitment) : null;
  const lots = drawLots({ entryIds: v.entryIds, seedHex: v.seed, stations: d.stations, codePrefix: d.codePrefix });
  const key = (ls: DrawnLot[]) => ls.map((l) => `${l.entryId}:${l.code}:${l.station}:${l.round}`).join(',');
  const resultOk = v.result ? key(lots) === key(v.result) : null;
  return { commitmentOk, resultOk, lots };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  try {
    const r = verifyDraw(parseArgs(process.argv.slice(2)));
    console.log(`algorithm ${DRAW_ALGORITHM}`);
    console.log('code      station  round  entry');
    for (const l of r.lots) console.log(`${l.code.padEnd(9)} ${String(l.station).padStart(7)} ${String(l.round).padStart(6)}  ${l.entryId}`);
    if (r.commitmentOk !== null) console.log(r.commitmentOk ? 'seed matches the commitment ✓' : 'SEED DOES NOT MATCH THE COMMITMENT ✗');
    if (r.resultOk !== null) console.log(r.resultOk ? 'result matches the published draw ✓' : 'RESULT DIFFERS FROM THE PUBLISHED DRAW ✗');
    if (r.commitmentOk === false || r.resultOk === false) process.exitCode = 1;
  } catch (e) {
    console.error((e as Error).message);
    process.exitCode = 2;
  }
}
