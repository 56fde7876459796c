import type { FastifyRequest } from 'fastify';
import { refuseFile } from '../excel/limits.js';
import { AppError } from './errors.js';

/** The one uploaded file of a multipart request (field "file"), or a clear refusal. */
export async function uploadedFile(req: FastifyRequest): Promise<{ fileName: string; buf: Buffer }> {
  if (!req.isMultipart()) throw refuseFile('请以 multipart/form-data 上传文件（字段名 file）');
  try {
    const file = await req.file();
    if (!file) throw refuseFile('没有收到文件');
    return { fileName: file.filename, buf: await file.toBuffer() };
  } catch (err) {
    // A refusal of ours, or a size limit (413, mapped by the error handler), passes on as is.
    const status = (err as { statusCode?: number }).statusCode;
    if (err instanceof AppError || (status && status < 500)) throw err;
    // A malformed or cut-off multipart body ("Unexpected end of form", a missing boundary): the sender's mistake.
    req.log.warn({ err }, 'malformed multipart upload');
    throw refuseFile('上传的内容不完整或格式有误，请重新选择文件上传');
  }
}
