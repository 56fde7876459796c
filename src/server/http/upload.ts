import type { FastifyRequest } from 'fastify';
import { refuseFile } from '../excel/limits.js';

/** The one uploaded file of a multipart request (field "file"), or a clear refusal. */
export async function uploadedFile(req: FastifyRequest): Promise<{ fileName: string; buf: Buffer }> {
  if (!req.isMultipart()) throw refuseFile('请以 multipart/form-data 上传文件（字段名 file）');
  const file = await req.file();
  if (!file) throw refuseFile('没有收到文件');
  return { fileName: file.filename, buf: await file.toBuffer() };
}
