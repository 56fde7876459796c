// Sums the vitest JSON reports in test-results/ into one line: "N passed, N failed".
import fs from 'node:fs';

let passed = 0;
let failed = 0;
const dir = 'test-results';
for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
  if (!f.endsWith('.json')) continue;
  const r = JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.success === false && !r.numFailedTests ? 1 : 0);
}
if (process.argv[2]) failed += Number(process.argv[2]);
console.log(`${passed} passed, ${failed} failed`);
