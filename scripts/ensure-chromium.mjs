// Browser tests drive Debian's Chromium (Playwright cannot download browsers here). On a fresh
// machine where we are root, install it and the CJK fonts with apt; otherwise say what is missing.
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
const missing = [];
if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
if (!hasFonts()) missing.push('fonts-noto-cjk');
if (missing.length === 0) process.exit(0);
if (process.getuid?.() !== 0) {
  console.error(`Browser tests need: ${missing.join(' ')}. Install with: sudo apt-get install -y ${missing.join(' ')}`);
  process.exit(1);
}
console.log(`Installing ${missing.join(' ')} with apt-get (needed by the browser tests)…`);
execSync('apt-get update -qq', { stdio: 'inherit' });
execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
