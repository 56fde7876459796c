// The tests use three system tools that npm cannot install: Debian's Chromium and the CJK fonts
// (browser tests; Playwright cannot download browsers here) and pdftotext from poppler-utils (the
// certificate and export tests read the PDFs' Chinese back). On a fresh machine where we are root,
// install what is missing with apt; otherwise say what is missing and how to install it.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasFonts = () => {
  try {
    return /Noto Sans CJK/i.test(execSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
};
const onPath = (cmd) => {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
};
const missing = [];
if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
if (!hasFonts()) missing.push('fonts-noto-cjk');
if (!onPath('pdftotext')) missing.push('poppler-utils');
if (missing.length === 0) process.exit(0);
if (process.getuid?.() !== 0) {
  console.error(`The tests need: ${missing.join(' ')}. Install with: sudo apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}
console.log(`Installing ${missing.join(' ')} with apt-get (needed by the tests)…`);
execSync('apt-get update -qq', { stdio: 'inherit' });
execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
