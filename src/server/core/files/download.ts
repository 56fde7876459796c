import type { FastifyReply } from 'fastify';
import { sendDownload } from '../../http/download.js';
import type { StoredFile } from './service.js';

/** A stored file as a download: its stored type, always an attachment, never sniffed by the browser. */
export function sendStoredFile(reply: FastifyReply, file: StoredFile) {
  return sendDownload(reply.header('x-content-type-options', 'nosniff'), file.fileName, file.mime, file.body);
}
