import { renderPdf, type Pdf } from './document.js';

/**
 * A printable table (成绩表, 排名表, 抽签表, 评分表): a title, then rows under a header row that is
 * repeated at the top of every page, cells wrapped within their column, 第 x 页 共 y 页 at the foot,
 * and where the paper is signed, a signature and seal block with the date.
 * Widths are relative: they share the page's width between the margins.
 */
export interface PdfColumn {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

export type PdfCell = string | number | null | undefined;

export interface PdfTable {
  title: string;
  /** Lines under the title (competition, date, formulas…). */
  subtitle?: string[];
  columns: PdfColumn[];
  rows: PdfCell[][];
  /** Lines after the table (notes, formulas). */
  notes?: string[];
  fontSize?: number;
  /** Rows taller than this many points are for signatures or marks (score sheets); default: the text's height. */
  minRowHeight?: number;
  /** 签字盖章栏: who signs under the table (裁判长, 仲裁组…), a place for the seal, and the date. */
  signature?: PdfSignature;
}

export interface PdfSignature {
  /** Each signs on a line of their own: 裁判长（签字）：______ */
  signers: string[];
  /** Whose seal (盖章) the block leaves room for, e.g. 竞赛组委会. */
  seal?: string;
  /** The date printed on the block (YYYY-MM-DD); a blank date line to fill by hand when absent. */
  date?: string;
}

const PAD = 3;
const cellText = (v: PdfCell) => (v == null ? '' : String(v));

/** 第 x 页 共 y 页 at the foot of a page (written once the whole document is laid out, so y is known). */
export function pageFooter(doc: Pdf, page: number, pages: number) {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0; // writing below the margin must not start a new page
  doc.font('sc').fontSize(8).fillColor('#666')
    .text(pageLabel(page, pages), doc.page.margins.left, doc.page.height - bottom / 2 - 4, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right, align: 'center', lineBreak: false });
  doc.page.margins.bottom = bottom;
  doc.fillColor('#000');
}

export const pageLabel = (page: number, pages: number) => `第 ${page} 页 共 ${pages} 页`;

/** 2009-06-05 → 2009年6月5日 */
const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** The signature and seal block, kept whole on one page (a new page when it does not fit). */
function drawSignature(doc: Pdf, sig: PdfSignature, pages: { n: number }) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const lineH = 26;
  const height = 16 + lineH * (Math.ceil(sig.signers.length / 2) + 1);
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    pages.n++;
    doc.y = doc.page.margins.top;
  }
  let y = doc.y + 16;
  const half = width / 2;
  doc.font('sc').fontSize(10).fillColor('#000');
  sig.signers.forEach((who, i) => {
    const x = left + (i % 2) * half;
    doc.text(`${who}（签字）：________________`, x, y, { width: half - 10, lineBreak: false });
    if (i % 2 === 1 || i === sig.signers.length - 1) y += lineH;
  });
  const date = sig.date ? `日期：${chineseDate(sig.date)}` : '日期：______年____月____日';
  doc.text(sig.seal ? `${sig.seal}（盖章）` : '（盖章）', left, y, { width: half - 10, lineBreak: false });
  doc.text(date, left + half, y, { width: half - 10, lineBreak: false });
  doc.x = left;
  doc.y = y + lineH;
}

/** Draws the table from the current position; adds pages as needed. Returns the number of pages it used. */
export function drawTable(doc: Pdf, t: PdfTable): number {
  const size = t.fontSize ?? 9;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const total = t.columns.reduce((a, c) => a + c.width, 0);
  const widths = t.columns.map((c) => (c.width / total) * width);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, w) => a + w, 0));
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const pages = { n: 1 };

  const heightOf = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'sc-bold' : 'sc').fontSize(size);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * PAD })));
    return h + 2 * PAD;
  };
  const drawRow = (cells: string[], y: number, h: number, header: boolean) => {
    if (header) doc.rect(left, y, width, h).fill('#dce6f1').fillColor('#000');
    doc.font(header ? 'sc-bold' : 'sc').fontSize(size);
    cells.forEach((c, i) => {
      doc.text(c, xs[i]! + PAD, y + PAD, { width: widths[i]! - 2 * PAD, align: header ? 'center' : (t.columns[i]!.align ?? 'left') });
    });
    doc.lineWidth(0.5).strokeColor('#888');
    doc.rect(left, y, width, h).stroke();
    for (const x of xs.slice(1)) doc.moveTo(x, y).lineTo(x, y + h).stroke();
  };

  doc.font('sc-bold').fontSize(15).text(t.title, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.3);
  doc.font('sc').fontSize(9);
  for (const line of t.subtitle ?? []) doc.text(line, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.5);

  const headers = t.columns.map((c) => c.header);
  const headerH = heightOf(headers, true);
  let y = doc.y;
  drawRow(headers, y, headerH, true);
  y += headerH;
  for (const row of t.rows) {
    const cells = row.map(cellText);
    const h = Math.max(heightOf(cells, false), t.minRowHeight ?? 0);
    if (y + h > bottom()) {
      doc.addPage();
      pages.n++;
      y = doc.page.margins.top;
      drawRow(headers, y, headerH, true);
      y += headerH;
    }
    drawRow(cells, y, h, false);
    y += h;
  }
  doc.x = left;
  doc.y = y + 6;
  doc.font('sc').fontSize(8);
  for (const line of t.notes ?? []) {
    if (doc.y + 20 > bottom()) { doc.addPage(); pages.n++; doc.y = doc.page.margins.top; }
    doc.text(line, left, doc.y, { width });
  }
  if (t.signature) drawSignature(doc, t.signature, pages);
  return pages.n;
}

/** One or more tables as a finished PDF, each starting on a new page; A4, landscape for wide tables. */
export function tablesPdf(tables: PdfTable[], landscape = false): Promise<Buffer> {
  return renderPdf((doc) => {
    tables.forEach((t, i) => {
      if (i > 0) doc.addPage();
      drawTable(doc, t);
    });
    // The pages are kept until the end, then numbered 第 x 页 共 y 页.
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      pageFooter(doc, i - range.start + 1, range.count);
    }
  }, { layout: landscape ? 'landscape' : 'portrait', bufferPages: true, info: { Title: tables[0]?.title ?? '' } });
}
