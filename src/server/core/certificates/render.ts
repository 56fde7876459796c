import QRCode from 'qrcode';
import { beijingTime } from '../../../shared/beijing-time.js';
import { certificateHeading, heldByUnit } from '../../../shared/certificates/titles.js';
import { breakLines } from '../../../shared/certificates/line-break.js';
import type { Certificate } from '../../../shared/contracts/certificates.js';
import { renderPdf, type Pdf } from '../../pdf/document.js';

/** The verification page a certificate's QR code opens: `<base>/verify/<serial>`. */
export function verifyUrl(base: string, serial: string): string {
  return `${base.replace(/\/+$/, '')}/verify/${encodeURIComponent(serial)}`;
}

/** "2009-06-02" → "2009年6月2日" */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Where the QR code sits on the page (points) and its white margin (modules). */
export const QR_BOX = { x: 90, y: 640, size: 110 };
export const QR_QUIET = 2;

/**
 * Draws the QR code's modules as filled vector rectangles (one per horizontal run of dark
 * modules, filled in one go): sharp at any print size, no image decoding, a few hundred bytes.
 */
export function drawQr(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const quiet = QR_QUIET;
  const m = size / (n + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!modules.data[r * n + c]) { c++; continue; }
      const start = c;
      while (c < n && modules.data[r * n + c]) c++;
      doc.rect(x + (quiet + start) * m, y + (quiet + r) * m, (c - start) * m, m);
    }
  }
  doc.fill('#000000');
  doc.restore();
}

const RED = '#a4161a';
const GOLD = '#b8860b';
const INK = '#222222';

/** Lines of the details block: label and value, personal fields as issued (the ID masked). */
function details(c: Certificate): [string, string][] {
  const rows: [string, string][] = heldByUnit(c.kind)
    ? [['单　　位', c.unitName]]
    : [['姓　　名', c.holderName], ['身份证号', c.holderIdMasked ?? '—'], ['单　　位', c.unitName]];
  return [...rows, [SUBJECT_LABEL[c.source], c.tradeName], [EVENT_LABEL[c.source], c.eventName], ['证书编号', c.serial]];
}

/** What `tradeName` and `eventName` hold, by source: a trade and a competition or selection; a course and a class; a plan and a programme. */
const SUBJECT_LABEL: Record<Certificate['source'], string> = {
  'competition-outcome': '工　　种', 'selection-award': '工　　种', 'training-completion': '课　　程', 'training-plan': '计 划 书',
};
const EVENT_LABEL: Record<Certificate['source'], string> = {
  'competition-outcome': '竞　　赛', 'selection-award': '评　　选', 'training-completion': '培 训 班', 'training-plan': '培训项目',
};

/** The heading: 结业证书 for a completed class, else by the outcome's kind (荣誉证书, 职业资格证明). */
export const headingOf = (c: Pick<Certificate, 'source' | 'kind'>) => (c.source === 'training-completion' ? '结业证书' : certificateHeading(c.kind));

/**
 * The sentence before the title: a competition "在…竞赛中荣获" / "参加…，经评定取得"; a selection
 * "在…评选中被评为"; a class "参加<班级>（<课程>）培训，经考核合格，" + 准予结业; a plan
 * "创业计划书《…》在<项目>中被评为" + 优秀创业计划书.
 */
export function leadOf(c: Pick<Certificate, 'source' | 'kind' | 'eventName' | 'tradeName'>): string {
  switch (c.source) {
    case 'selection-award': return `在${c.eventName}中被评为`;
    case 'training-completion': return `参加${c.eventName}（${c.tradeName}）培训，经考核合格，`;
    case 'training-plan': return `创业计划书《${c.tradeName}》在${c.eventName}中被评为`;
    case 'competition-outcome': return certificateHeading(c.kind) === '荣誉证书' ? `在${c.eventName}中荣获` : `参加${c.eventName}，经评定取得`;
  }
}

/** One certificate as an A4 page (PDF): heading by kind, holder, award or level, date, issuer, serial, QR. */
export function renderCertificate(c: Certificate, verifyBase: string): Promise<Buffer> {
  return renderPdf((doc) => drawCertificate(doc, c, verifyBase), {
    margin: 0,
    info: { Title: `${headingOf(c)} ${c.serial}`, Author: c.issuer, Subject: c.title },
  });
}

/**
 * A sentence in the set font and size, broken by breakLines (balanced, no lone character on the
 * last line, no punctuation at a line's start) and drawn with those breaks.
 */
function sentence(doc: Pdf, text: string, x: number, y: number, width: number, align: 'left' | 'center' = 'left'): void {
  const lines = breakLines(text, width, (s) => doc.widthOfString(s));
  // A point of slack, so PDFKit keeps each measured line whole instead of wrapping it again.
  doc.text(lines.join('\n'), x, y, { width: width + 1, align });
}

export function drawCertificate(doc: Pdf, c: Certificate, verifyBase: string): void {
  const W = doc.page.width;
  const H = doc.page.height;
  doc.lineWidth(3).rect(24, 24, W - 48, H - 48).stroke(GOLD);
  doc.lineWidth(1).rect(32, 32, W - 64, H - 64).stroke(GOLD);

  const heading = headingOf(c);
  const honour = heading === '荣誉证书';
  doc.font('sc-bold').fontSize(40).fillColor(RED).text(heading, 0, 100, { width: W, align: 'center' });

  const left = 90;
  const width = W - 2 * left;
  const addressee = heldByUnit(c.kind) ? c.unitName : `${c.holderName} 同志`;
  doc.font('sc').fontSize(18).fillColor(INK);
  sentence(doc, `${addressee}：`, left, 210, width);
  doc.fontSize(16);
  sentence(doc, leadOf(c), left + 32, 250, width - 32);
  doc.font('sc-bold').fontSize(28).fillColor(RED);
  sentence(doc, c.title, left, 300, width, 'center');
  doc.font('sc').fontSize(16).fillColor(INK).text(honour ? '特发此证，以资鼓励。' : '特此证明。', left + 32, 370, { width: width - 32 });

  let y = 440;
  doc.fontSize(12);
  for (const [label, value] of details(c)) {
    doc.fillColor('#666666').text(label, left, y, { width: 70, lineBreak: false });
    doc.fillColor(INK).text(value, left + 80, y, { width: width - 80 });
    y = Math.max(y + 22, doc.y + 6);
  }

  const url = verifyUrl(verifyBase, c.serial);
  drawQr(doc, url, QR_BOX.x, QR_BOX.y, QR_BOX.size);
  doc.fontSize(9).fillColor('#666666').text('扫码查验证书真伪', left, 754, { width: 110, align: 'center' });

  doc.fontSize(15).fillColor(INK).text(c.issuer, W / 2, 660, { width: W / 2 - left, align: 'right' });
  doc.fontSize(14).text(chineseDate(c.issuedOn), W / 2, 690, { width: W / 2 - left, align: 'right' });

  if (c.status === 'revoked') {
    const on = c.revokedAt ? beijingTime(new Date(c.revokedAt)).slice(0, 10) : '';
    doc.font('sc').fontSize(12).fillColor(RED).text(`本证书已于 ${on} 撤销，不再有效。${c.revokeReason ?? ''}`, left, 165, { width, align: 'center' });
    doc.save().rotate(-30, { origin: [W / 2, H / 2] }).opacity(0.35);
    doc.font('sc-bold').fontSize(90).fillColor(RED).text('已撤销', 0, H / 2 - 60, { width: W, align: 'center' });
    doc.restore();
  }
}
