import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function disposition(fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends a file download with a Chinese file name (RFC 6266 / 5987). */
export function sendDownload(reply: FastifyReply, fileName: string, type: string, body: Uint8Array) {
  return reply
    .header('content-type', type)
    .header('content-disposition', disposition(fileName))
    .header('cache-control', 'no-store')
    .send(Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}

export const sendXlsx = (reply: FastifyReply, fileName: string, body: Buffer) => sendDownload(reply, fileName, XLSX, body);
export const sendPdf = (reply: FastifyReply, fileName: string, body: Uint8Array) => sendDownload(reply, fileName, 'application/pdf', body);

export const xlsxResponse = { description: 'An .xlsx file', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } };

/**
 * Sends an .xlsx written as it goes (excel/write.ts streamRows): `write` fills the stream while it is
 * being sent. A failure after the first bytes cannot become an error answer: the download is cut
 * (the browser reports it failed) and the error is logged. `done` runs once the stream is over
 * (e.g. to release the heavy-work slot).
 */
export function sendXlsxStream(reply: FastifyReply, fileName: string, write: (out: PassThrough) => Promise<void>, done: () => void = () => {}) {
  const out = new PassThrough();
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      done();
    }
  };
  out.on('close', finish);
  write(out).catch((e: unknown) => {
    if (!out.destroyed) reply.log.error({ err: e }, 'export failed while streaming');
    out.destroy(e as Error);
    finish();
  });
  return reply.header('content-type', XLSX).header('content-disposition', disposition(fileName)).header('cache-control', 'no-store').send(out);
}
