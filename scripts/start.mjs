// `npm start`: builds what is missing or older than its sources — the web client (Vite) and the
// server bundle (esbuild: one ES module with its packages) — then runs the server.
// Running the bundle, not the TypeScript sources, keeps a restart fast: nothing is compiled at start.
//
// The server runs in this very process (no child to pass signals to): SIGTERM, SIGINT and SIGHUP
// reach it directly and it closes, releasing the port and the data-directory lock. Under `npm start`
// package.json execs this script (no shell in between that would die and orphan the server), and
// should npm itself die without passing a signal on (SIGKILL), the server notices its parent is gone
// and shuts down as on SIGTERM.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (p) => path.join(root, p);

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
const staleAgainst = (built, dirs) => !fs.existsSync(built) || Math.max(...dirs.map((d) => newest(at(d)))) > fs.statSync(built).mtimeMs;

if (staleAgainst(at('dist/client/index.html'), ['src/client', 'src/shared'])) {
  console.log('Building the web client…');
  // Always a production build, whatever NODE_ENV the caller has (vitest sets 'test').
  execFileSync(process.execPath, [at('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

const server = at('dist/server/main.mjs');
if (staleAgainst(server, ['src/server', 'src/shared']) || fs.statSync(at('package.json')).mtimeMs > fs.statSync(server).mtimeMs) {
  console.log('Building the server…');
  const { build, stop } = await import('esbuild');
  await build({
    entryPoints: [at('src/server/main.ts')], outfile: server, bundle: true, platform: 'node', format: 'esm', target: 'node24',
    sourcemap: true, logLevel: 'warning',
    // Bundled with its packages (module resolution is most of a cold start), except those that load
    // files of their own at run time (PGlite's WASM, argon2's native addon, ExcelJS, Swagger UI's assets).
    external: ['@electric-sql/pglite', 'argon2', 'pg-native', 'exceljs', '@fastify/swagger-ui', 'esbuild', 'pdfkit', 'fontkit', 'qrcode', '@expo-google-fonts/noto-sans-sc',
      '@zxcvbn-ts/core', '@zxcvbn-ts/language-common'], // (the password dictionaries: loaded on first use)
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  await stop(); // esbuild's build service (a separate process of ~200 MB) would otherwise run on
}

if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(watch);
      console.error('skillmonth: npm, which started this server, is gone: shutting down');
      process.kill(process.pid, 'SIGTERM');
    }
  }, 1000);
  watch.unref();
}
await import(pathToFileURL(server).href);
