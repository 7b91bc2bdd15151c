// Renders every error as application/problem+json with a stable code, in the caller's language.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './errors.ts';
import { message, pickLang } from './messages.ts';

function fromFastify(err: FastifyError): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldError[] = err.validation.map((v) => ({
      field: (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || String((v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') ?? ''),
      code: /received undefined/.test(v.message ?? '') ? 'field.required' : 'field.invalid',
    }));
    return new AppError(400, 'validation.failed', {}, fields);
  }
  if (err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET') return new AppError(403, 'csrf.invalid');
  if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError(413, 'payload.too_large');
  if (err.statusCode === 429) return new AppError(429, 'rate_limited');
  if (err.statusCode === 404) return new AppError(404, 'not_found');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new AppError(400, 'validation.failed');
  return new AppError(500, 'internal');
}

export function problemHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const e = fromFastify(err);
  if (e.status >= 500) req.log.error({ err: { message: err.message, stack: err.stack, code: err.code } }, 'request failed');
  const lang = pickLang(req.headers['accept-language']);
  const title = message(e.code, lang, e.params);
  reply
    .status(e.status)
    .type('application/problem+json')
    .send({
      type: `about:blank`,
      title,
      status: e.status,
      code: e.code,
      detail: title,
      errors: e.fieldErrors.length
        ? e.fieldErrors.map((f) => ({ field: f.field, code: f.code, message: f.text ?? message(f.code, lang, f.params) }))
        : undefined,
    });
}
