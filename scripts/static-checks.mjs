// `npm test`'s first step: the lint and the typecheck at the same time (each mostly uses one core),
// each one's output printed whole when it ends; fails when either fails.
import { spawn } from 'node:child_process';

const run = (script) => new Promise((resolve) => {
  const started = Date.now();
  const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => { out += c; });
  child.stderr.on('data', (c) => { out += c; });
  child.on('close', (code) => {
    process.stdout.write(`── ${script}: ${code === 0 ? 'ok' : `failed (${code})`} in ${((Date.now() - started) / 1000).toFixed(0)} s\n${out}`);
    resolve(code ?? 1);
  });
});

const codes = await Promise.all([run('lint'), run('typecheck')]);
process.exit(codes.some((c) => c !== 0) ? 1 : 0);
