// npm run bench — every benchmark prints its figure beside a baseline measured in the same run.
import { benchCertificates } from './certificates.js';
import { benchColdStart } from './cold-start.js';
import { benchExports } from './exports.js';
import { benchImport } from './import.js';
import { benchMarks } from './marks.js';
import { benchPublic } from './public.js';
import { benchResults } from './results.js';
import { benchSelectionCut } from './selection-cut.js';
import { benchSelectionEligibility } from './selection-eligibility.js';
import { benchTrainingCheckin } from './training-checkin.js';

const only = process.argv[2];
const benches: Record<string, () => Promise<number>> = { import: benchImport, 'cold-start': benchColdStart, marks: benchMarks, results: benchResults, public: benchPublic, certificates: benchCertificates, exports: benchExports, 'selection-eligibility': benchSelectionEligibility, 'selection-cut': benchSelectionCut, 'training-checkin': benchTrainingCheckin };

console.log(`skillmonth benchmarks — node ${process.version}, ${new Date().toISOString()}`);
for (const [name, fn] of Object.entries(benches)) {
  if (only && only !== name) continue;
  await fn();
}
