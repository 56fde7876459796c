import type { FastifyReply } from 'fastify';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file download with a Chinese file name (RFC 6266 / 5987). */
export function sendDownload(reply: FastifyReply, fileName: string, type: string, body: Uint8Array) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}

export const sendXlsx = (reply: FastifyReply, fileName: string, body: Buffer) => sendDownload(reply, fileName, XLSX, body);
export const sendPdf = (reply: FastifyReply, fileName: string, body: Uint8Array) => sendDownload(reply, fileName, 'application/pdf', body);

export const xlsxResponse = { description: 'An .xlsx file', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } };
