import { drawQr } from '../../core/certificates/render.js';
import type { ServiceContext } from '../../context.js';
import { conflict, notFound } from '../../http/errors.js';
import { renderPdf } from '../../pdf/document.js';
import { stageIndex } from '../../../shared/selection/stages.js';
import { candidatesInPlay } from '../in-play.js';
import { requireSelectionStaff, roundRow, stageOfKind } from '../rounds/policy.js';
import { candidateRows, type CandidateRow } from './candidates.js';

/**
 * 准考证: one A5 page per candidate — name, masked ID, unit, exam number, room and seat — with a QR
 * code holding the exam number and its check value (a keyed hash of round and number, so a ticket
 * made by hand does not scan as valid).
 */
export function ticketCheck(ctx: Pick<ServiceContext, 'pii'>, roundId: number, examNumber: string): string {
  return ctx.pii.hash('selectionExamTicket', `${roundId}:${examNumber}`).slice(0, 8);
}

export const ticketQrText = (roundId: number, examNumber: string, check: string) => `SMX:${roundId}:${examNumber}:${check}`;

/** Whether a scanned ticket is genuine. */
export function ticketValid(ctx: Pick<ServiceContext, 'pii'>, text: string): boolean {
  const m = /^SMX:(\d+):([0-9A-Z]+):([A-Za-z0-9_-]{8})$/.exec(text);
  return !!m && ticketCheck(ctx, Number(m[1]), m[2]!) === m[3];
}

export async function examTickets(ctx: ServiceContext, roundId: number, key: string, candidateId?: number): Promise<{ fileName: string; pdf: Buffer }> {
  requireSelectionStaff(ctx);
  const r = await roundRow(ctx.db, roundId);
  const def = stageOfKind(r, key, 'exam');
  const ids = await candidatesInPlay(ctx.db, r, stageIndex(r.rules, key));
  if (candidateId !== undefined && !ids.includes(candidateId)) throw notFound('考生');
  const list = (await candidateRows(ctx.db, candidateId !== undefined ? [candidateId] : ids)).filter((c) => c.examNumber)
    .sort((a, b) => a.examNumber!.localeCompare(b.examNumber!));
  if (list.length === 0) throw conflict('尚未编排准考证号，请先编排考场');
  const pdf = await renderPdf((doc) => {
    list.forEach((c, i) => {
      if (i > 0) doc.addPage();
      drawTicket(doc, r.name, def.name, c, ticketQrText(roundId, c.examNumber!, ticketCheck(ctx, roundId, c.examNumber!)));
    });
  }, { size: 'A5', layout: 'landscape', margin: 0, info: { Title: `${r.name} 准考证` } });
  return { fileName: list.length === 1 ? `准考证-${list[0]!.examNumber}.pdf` : `准考证-${r.name}.pdf`, pdf };
}

function drawTicket(doc: PDFKit.PDFDocument, roundName: string, stageName: string, c: CandidateRow, qr: string): void {
  const W = doc.page.width;
  doc.lineWidth(1.5).rect(20, 20, W - 40, doc.page.height - 40).stroke('#333333');
  doc.font('sc-bold').fontSize(18).fillColor('#000000').text(roundName, 0, 40, { width: W, align: 'center' });
  doc.fontSize(22).text(`${stageName} 准考证`, 0, 68, { width: W, align: 'center' });
  let y = 120;
  doc.font('sc').fontSize(13);
  for (const [label, value] of [['准考证号', c.examNumber!], ['姓　　名', c.name], ['身份证号', c.idMasked], ['单　　位', c.unitName], ['考　　场', c.examRoom ?? ''], ['座　　号', String(c.examSeat ?? '')]]) {
    doc.fillColor('#666666').text(label!, 50, y, { width: 70, lineBreak: false });
    doc.fillColor('#000000').text(value!, 130, y, { width: W - 330 });
    y = Math.max(y + 24, doc.y + 6);
  }
  drawQr(doc, qr, W - 180, 120, 130);
  doc.fontSize(9).fillColor('#666666').text('考生须携带本证和身份证原件入场', 50, doc.page.height - 50, { width: W - 100 });
}
