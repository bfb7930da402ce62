/** Upload a document, read its metadata, download it (staff of its office or by applicant link). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DocumentTypeSchema } from '../catalogue/vocabulary.js';
import { photoAdvice } from '../photos/upload.js';
import { AppError } from '../platform/errors.js';
import { originOf, requireStaff, type App, type AppDeps } from '../platform/http.js';
import * as files from './service.js';
import { safeText } from '../platform/safe-text.js';

const StoredFile = z.object({
  id: z.string(),
  mime: z.string(),
  size: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  documentType: z.string().nullable(),
  createdAt: z.string(),
  purgeAfter: z.string().nullable(),
  purgedAt: z.string().nullable(),
});

export function fileDeps(deps: AppDeps): files.FileDeps {
  return { db: deps.database.db, clock: deps.clock, blobs: deps.blobs, maxUploadBytes: deps.config.maxUploadBytes, secret: deps.secret };
}

/** Reads the single file of a multipart request, mapping the size limit to the upload message. */
export async function readUploadedFile(req: FastifyRequest, maxUploadBytes: number) {
  let part;
  try {
    part = await req.file();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('upload_missing', 415, 'errors.upload.missing');
    throw err;
  }
  if (!part) throw new AppError('upload_missing', 400, 'errors.upload.missing');
  try {
    const bytes = await part.toBuffer();
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(part.fields)) {
      if (value && !Array.isArray(value) && value.type === 'field') fields[key] = String(value.value);
    }
    return { bytes, fields };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw files.uploadRefusal('too_large', maxUploadBytes);
    throw err;
  }
}

/** What the photo check found (issue 16): the problems and how to retake the photo, in the caller's language; the file is kept either way. */
const PhotoAdvice = z.object({ problems: z.array(z.string()), hints: z.array(z.string()) });

export function registerFileRoutes(app: App, deps: AppDeps) {
  const fdeps = fileDeps(deps);

  app.post(
    '/api/v1/offices/:officeCode/files',
    {
      config: { access: 'file.upload' },
      schema: {
        tags: ['files'],
        summary: 'Upload one document (multipart/form-data: field "file", optional "documentType")',
        params: z.object({ officeCode: z.string() }),
        response: { 201: z.object({ file: StoredFile, photo: PhotoAdvice.nullable() }) },
      },
    },
    async (req, reply) => {
      const actor = requireStaff(req);
      const { bytes, fields } = await readUploadedFile(req, deps.config.maxUploadBytes);
      const documentType = DocumentTypeSchema.optional().safeParse(fields.documentType || undefined);
      if (!documentType.success) throw new AppError('validation', 400, 'errors.validation', {}, { errors: [{ field: 'body.documentType', message: 'unknown document type' }] });
      const row = await files.storeUpload(fdeps, { officeCode: req.params.officeCode, bytes, documentType: documentType.data, uploader: actor, photoOcrTimeoutMs: deps.config.photoOcrTimeoutMs }, originOf(req));
      return reply.status(201).send({ file: files.presentFile(row), photo: photoAdvice(row.photoFindings, documentType.data, req.locale) });
    },
  );

  app.get(
    '/api/v1/files/:id',
    { config: { access: 'file.read' }, schema: { tags: ['files'], params: z.object({ id: z.uuid() }), response: { 200: z.object({ file: StoredFile }) } } },
    async (req) => ({ file: await files.fileMetadata(fdeps, requireStaff(req), req.params.id) }),
  );

  app.post(
    '/api/v1/files/:id/links',
    { config: { access: 'file.read' }, schema: { tags: ['files'], summary: 'A short-lived link for the applicant', params: z.object({ id: z.uuid() }), response: { 200: z.object({ token: z.string() }) } } },
    async (req) => files.issueFileLink(fdeps, requireStaff(req), req.params.id),
  );

  const sendDocument = (reply: FastifyReply, file: { mime: string }, bytes: Buffer) =>
    reply
      .header('content-type', file.mime)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', 'inline')
      .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox")
      .send(bytes);

  app.get(
    '/api/v1/files/:id/content',
    { config: { access: 'file.read' }, schema: { tags: ['files'], params: z.object({ id: z.uuid() }) } },
    async (req, reply) => {
      const { file, bytes } = await files.readFileAsStaff(fdeps, requireStaff(req), req.params.id, originOf(req));
      return sendDocument(reply, file, bytes);
    },
  );

  // The applicant has no account: the short-lived signed link is their authority.
  app.get(
    '/api/v1/public/files/:id/content',
    { config: { access: 'public' }, schema: { tags: ['files'], params: z.object({ id: z.uuid() }), querystring: z.object({ token: safeText().min(1).max(200) }) } },
    async (req, reply) => {
      const { file, bytes } = await files.readFileByLink(fdeps, req.params.id, req.query.token, originOf(req));
      return sendDocument(reply, file, bytes);
    },
  );
}
