// The integration suite again on PostgreSQL, when TEST_DATABASE_URL names a server (CI sets it).
// Only the test files whose database the backend switch chooses run again: those that import,
// directly or through other modules, src/server/test/harness.ts (makeTestEnv: PGlite, or PostgreSQL
// under TEST_DB=postgres) or read TEST_DB themselves. The others would only repeat their PGlite run:
// the pure ones, and backup.test.ts, whose CLI archives the embedded database (PGlite) either way.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

if (!process.env.TEST_DATABASE_URL) {
  console.log('test:pg skipped: TEST_DATABASE_URL is not set (see README: running the tests on PostgreSQL)');
  process.exit(0);
}

const HARNESS = path.resolve('src/server/test/harness.ts');
const reaches = new Map();
/** Whether the module (a .ts file) imports the harness, following relative imports, or reads TEST_DB. */
function reachesDb(file) {
  if (reaches.has(file)) return reaches.get(file);
  reaches.set(file, false); // import cycles
  const src = fs.readFileSync(file, 'utf8');
  let yes = file === HARNESS || /\bTEST_DB\b/.test(src);
  if (!yes) {
    for (const m of src.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = path.resolve(path.dirname(file), m[1].replace(/\.js$/, '.ts'));
      if (fs.existsSync(target) && reachesDb(target)) {
        yes = true;
        break;
      }
    }
  }
  reaches.set(file, yes);
  return yes;
}

const files = fs.readdirSync('src/server', { recursive: true })
  .map((f) => path.join('src/server', String(f)))
  .filter((f) => f.endsWith('.test.ts'))
  .sort();
const withDb = files.filter((f) => reachesDb(path.resolve(f)));
console.log(`test:pg: ${withDb.length} of ${files.length} server test files run on PostgreSQL; the others ran on PGlite only: ${files.filter((f) => !withDb.includes(f)).join(' ')}`);
const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...withDb, '--reporter=default', '--reporter=json', '--outputFile.json=test-results/pg.json'], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DB: 'postgres' },
});
process.exit(r.status ?? 1);
