// Certificate PDFs per second (the full A4 certificate: two weights of Noto Sans SC, QR code as
// vector rectangles, border, details), against a bare PDFKit A4 page with one line in the same
// font, in the same run. Both build complete files in memory; rounds alternate to share any drift.
import PDFDocument from 'pdfkit';
import { fontBytes } from '../src/server/pdf/document.js';
import { renderCertificate } from '../src/server/core/certificates/render.js';
import { newSerial } from '../src/shared/certificates/serial.js';
import type { Certificate } from '../src/shared/contracts/certificates.js';
import { report } from './lib.js';

const SECONDS = Number(process.env.BENCH_CERT_SECONDS ?? 3);
const ROUNDS = 3;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '建国志强秀英丽娟明辉海燕伟华春梅振宇晓东';

function sample(i: number): Certificate {
  const name = SURNAMES[i % 20]! + GIVEN[(i * 7) % 20]! + GIVEN[(i * 13 + 3) % 20]!;
  return {
    id: i, serial: newSerial(2009), source: 'competition-outcome', kind: i % 3 === 0 ? 'level' : 'award', holderName: name, holderIdMasked: '330***********1234',
    unitName: `杭州第${(i % 9) + 1}机床厂`, tradeName: '车工', eventName: '2009年技能月车工职业技能竞赛',
    title: i % 3 === 0 ? '高级工（国家职业资格三级）' : `车工 第${(i % 6) + 1}名`, issuer: '市劳动和社会保障局', issuedOn: '2009-06-02',
    status: 'valid', revokedAt: null, revokeReason: null,
  };
}

function barePage(i: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('sc', fontBytes().regular);
    doc.font('sc').fontSize(16).text(`荣誉证书 ${sample(i).holderName} 车工 第1名`, 100, 100);
    doc.end();
  });
}

/** Files per second, rendering one after another for `SECONDS`. */
async function rate(make: (i: number) => Promise<Buffer>): Promise<{ perSecond: number; bytes: number }> {
  const t0 = performance.now();
  let n = 0;
  let bytes = 0;
  while (performance.now() - t0 < SECONDS * 1000) bytes += (await make(n++)).length;
  return { perSecond: n / ((performance.now() - t0) / 1000), bytes: bytes / n };
}

export async function benchCertificates() {
  const base = 'https://jineng.example.cn';
  for (let i = 0; i < 3; i++) { await renderCertificate(sample(i), base); await barePage(i); } // warm up (font files, JIT)
  const ours: number[] = [];
  const bare: number[] = [];
  let sizes = { ours: 0, bare: 0 };
  for (let r = 0; r < ROUNDS; r++) {
    const o = await rate((i) => renderCertificate(sample(i), base));
    const b = await rate(barePage);
    ours.push(o.perSecond);
    bare.push(b.perSecond);
    sizes = { ours: o.bytes, bare: b.bytes };
  }
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  console.log(`  file size: certificate ${(sizes.ours / 1024).toFixed(1)} KiB, bare page ${(sizes.bare / 1024).toFixed(1)} KiB; rounds of ${SECONDS} s, median of ${ROUNDS}`);
  return report(
    'Certificate PDFs per second (one process, one after another)',
    { label: 'skillmonth: A4 certificate with QR code', value: median(ours), unit: 'PDF/s' },
    { label: 'bare PDFKit A4 page, same font, one line', value: median(bare), unit: 'PDF/s' },
    'ours ≥ 0.5×',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCertificates();
