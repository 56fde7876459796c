// The integration suite again on PostgreSQL, when TEST_DATABASE_URL names a server (CI sets it).
import { spawnSync } from 'node:child_process';

if (!process.env.TEST_DATABASE_URL) {
  console.log('test:pg skipped: TEST_DATABASE_URL is not set (see README: running the tests on PostgreSQL)');
  process.exit(0);
}
const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'src/server', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/pg.json'], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DB: 'postgres' },
});
process.exit(r.status ?? 1);
