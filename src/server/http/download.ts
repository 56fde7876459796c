import type { FastifyReply } from 'fastify';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file download with a Chinese file name (RFC 6266 / 5987). */
export function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(body);
}

export const xlsxResponse = { description: 'An .xlsx file', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } };
