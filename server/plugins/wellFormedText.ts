// Refuses, before any route sees it, a request whose body, query or path holds text that is not well-formed Unicode
// (a lone UTF-16 surrogate from a JSON "\ud800" escape): such a string cannot be stored, hashed or sent on faithfully,
// and it used to end as a 500 deep inside a command.
import type { FastifyInstance } from 'fastify';
import { BadRequest } from '../errors.ts';

const MAX_DEPTH = 64;

/** The path of the first ill-formed string (in a value or a key), or null. */
export function firstIllFormedText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.isWellFormed() ? null : path;
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstIllFormedText(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return null;
  for (const [key, item] of Object.entries(value)) {
    if (!key.isWellFormed()) return `${path}.<key>`;
    const found = firstIllFormedText(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export function registerWellFormedText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const path =
      firstIllFormedText(request.params, 'params') ??
      firstIllFormedText(request.query, 'query') ??
      firstIllFormedText(request.body, 'body');
    if (path) {
      throw new BadRequest('malformed_text', `Text at ${path} is not valid Unicode (文本含有无效的 Unicode 字符)`, {
        path,
      });
    }
  });
}
