import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { QR_BOX, QR_QUIET } from './render.js';

/** For tests: a PDF's text as pdftotext reads it (layout kept). */
export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'f.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', path.join(dir, 'f.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * For tests: how many of the QR code's modules on the certificate page differ from the code of
 * `url` (0 = the printed code encodes exactly that URL). Rasterizes the page with pdftoppm and
 * samples each module's centre where render.ts places the code.
 */
export function qrModulesDiffering(pdf: Buffer, url: string): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-pdf-'));
  let data: Buffer;
  try {
    fs.writeFileSync(path.join(dir, 'f.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-singlefile', path.join(dir, 'f.pdf'), path.join(dir, 'p')]);
    data = fs.readFileSync(path.join(dir, 'p.pgm'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const [, w, h] = data.subarray(0, 40).toString('latin1').split(/\s+/).map(Number) as [number, number, number];
  const offset = data.length - w * h;
  const dark = (xPt: number, yPt: number) => data[offset + Math.round((yPt * DPI) / 72) * w + Math.round((xPt * DPI) / 72)]! < 128;
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const m = QR_BOX.size / (n + 2 * QR_QUIET);
  let wrong = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (dark(QR_BOX.x + (QR_QUIET + c + 0.5) * m, QR_BOX.y + (QR_QUIET + r + 0.5) * m) !== Boolean(modules.data[r * n + c])) wrong++;
    }
  }
  return wrong;
}
const DPI = 300;
