import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

/**
 * Every PDF the platform prints (certificates, results, rankings, draw lists, score sheets) is made
 * here: PDFKit with Noto Sans SC (the TTF of @expo-google-fonts/noto-sans-sc), so Chinese renders
 * the same on every machine. The font files are read once per process; PDFKit embeds only the
 * glyphs a document uses.
 */
const require = createRequire(import.meta.url);
export const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
};

let bytes: { regular: Buffer; bold: Buffer } | null = null;
export function fontBytes() {
  bytes ??= { regular: fs.readFileSync(FONT_FILES.regular), bold: fs.readFileSync(FONT_FILES.bold) };
  return bytes;
}

/**
 * The parsed fonts, shared by every document: PDFKit accepts a fontkit font in place of the file,
 * and a font parsed once keeps its tables and glyphs decoded (a new parse per document made
 * every PDF about three times slower). Each document still embeds only its own subset.
 */
let parsed: { regular: PDFKit.Mixins.PDFFontSource; bold: PDFKit.Mixins.PDFFontSource } | null = null;
function fonts() {
  parsed ??= { regular: fontkit.create(fontBytes().regular) as never, bold: fontkit.create(fontBytes().bold) as never };
  return parsed;
}

export type Pdf = PDFKit.PDFDocument;

/** A new A4 document with the Chinese fonts registered as 'sc' and 'sc-bold' ('sc' selected). */
export function newPdf(options: PDFKit.PDFDocumentOptions = {}): Pdf {
  const doc = new PDFDocument({ size: 'A4', margin: 50, bufferPages: false, ...options });
  const f = fonts();
  doc.registerFont('sc', f.regular);
  doc.registerFont('sc-bold', f.bold);
  doc.font('sc');
  return doc;
}

/** Runs `draw` on a new document and resolves with the finished file. */
export function renderPdf(draw: (doc: Pdf) => void | Promise<void>, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = newPdf(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    Promise.resolve(draw(doc)).then(() => doc.end(), reject);
  });
}
