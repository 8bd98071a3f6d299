// The one place that maps errors to HTTP answers. 5xx details are logged, never sent; refusals are audited.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { recordAccessDenied } from '../audit/accessDenied.ts';
import { AppError, Concealed, ServiceUnavailable, type Refusal } from '../errors.ts';
import { contextOf } from '../http/requestContext.ts';

interface Issue {
  path: string;
  message: string;
}

function send(reply: FastifyReply, statusCode: number, code: string, message: string, details?: unknown) {
  return reply.code(statusCode).send({ statusCode, code, message, ...(details === undefined ? {} : { details }) });
}

/**
 * Every refused access by a signed-in person is audited: a 404 for an object that exists but is not theirs to read
 * (Concealed) by the object's kind and id, a 403 by the route it was asked of.
 */
async function auditRefusal(request: FastifyRequest, err: AppError): Promise<void> {
  const refusal: Refusal =
    err instanceof Concealed
      ? err.refusal
      : {
          resourceType: 'route',
          resourceId: `${request.method} ${request.routeOptions.url ?? request.url}`,
          action: 'request',
          reason: err.code,
        };
  await recordAccessDenied(request.server.svc, contextOf(request), refusal);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      if ((err.statusCode === 403 || err instanceof Concealed) && request.auth) await auditRefusal(request, err);
      if (err instanceof ServiceUnavailable) {
        request.log.warn({ err: err.cause, code: err.code, url: request.url }, 'refused: a service it needs is away');
        reply.header('Retry-After', String(err.retryAfterSeconds));
      }
      return send(reply, err.statusCode, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues: Issue[] = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath ? v.instancePath.replaceAll('/', '.') : ''}`,
        message: v.message ?? 'invalid',
      }));
      return send(
        reply,
        400,
        'invalid_request',
        `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        { issues },
      );
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return send(reply, 500, 'internal_error', 'Internal server error');
    }
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      // A document nested deeper than the readers' recursion survives (written before the collab server limited
      // nesting): refuse to read it rather than fail as if the server were broken.
      request.log.error({ err, url: request.url }, 'structure too deep to read');
      return send(reply, 422, 'document_too_complex', 'This document is nested too deeply to be read or exported');
    }
    const status = err.statusCode ?? 500;
    if (status === 413) return send(reply, 413, 'payload_too_large', 'The request body is too large');
    if (status === 415) return send(reply, 415, 'unsupported_media_type', 'Unsupported content type');
    if (status === 429) return send(reply, 429, 'rate_limited', 'Too many requests; slow down and try again shortly');
    if (status >= 400 && status < 500)
      return send(
        reply,
        status,
        err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.name === 'SyntaxError' ? 'invalid_json' : 'bad_request',
        err.message,
      );
    request.log.error({ err }, 'unhandled error');
    return send(reply, 500, 'internal_error', 'Internal server error');
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
  );
}
