// Every route of the API, read from the app's own OpenAPI document (app.swagger()), with what its path parameters
// name: the probe suite generates its checks from this list, so a new route is probed without anyone listing it.
import type { FastifyInstance } from 'fastify';
import type { PrimaryKind } from './world.ts';
import type { Facet } from './oracle.ts';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
}

export interface Param {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, e.g. /api/documents/{id}/versions/{versionId}. */
  path: string;
  area: string;
  params: Param[];
  body: JsonSchema | null;
  multipart: boolean;
  /** The object its first path parameter names, if any ('unknown': a collection PRIMARY does not list yet). */
  primary: { name: string; kind: PrimaryKind | 'other' | 'unknown' } | null;
  facet: Facet;
}

/** Areas whose content only business users see; administrators are answered 403 there (三员分立). */
export const BUSINESS_AREAS = [
  'documents',
  'official-documents',
  'meetings',
  'rooms',
  'supervision',
  'minutes',
  'seals',
  'calendar',
  'address-book',
  'todo',
  'search',
  'archive',
];

/**
 * What the collection before a path parameter names. A route whose first parameter follows a collection missing here
 * is probed with missing ids only, and the access matrix fails until the table learns what it names.
 */
const PRIMARY: Record<string, PrimaryKind | 'other'> = {
  documents: 'document',
  meetings: 'meeting',
  join: 'joinCode',
  tasks: 'task',
  attachments: 'attachment',
  // Objects the world does not seed: probed with missing ids only (no 5xx, refused alike).
  proposals: 'other',
  'official-documents': 'other',
  templates: 'other',
  'route-templates': 'other',
  delegations: 'other',
  distributions: 'other',
  seals: 'other',
  users: 'other',
  units: 'other',
  rooms: 'other',
  packages: 'other',
};

const UPLOADS = /\/(materials|attachments|snapshots|scan)$/;

export function listRoutes(app: FastifyInstance): Route[] {
  const doc = app.swagger() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Param[];
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
          consumes?: string[];
        }
      >
    >;
  };
  const routes: Route[] = [];
  for (const [rawPath, ops] of Object.entries(doc.paths)) {
    const path = rawPath.length > 1 ? rawPath.replace(/\/$/, '') : rawPath;
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');
      const segments = path.split('/');
      const firstParam = segments.findIndex((s) => s.startsWith('{'));
      let primary: Route['primary'] = null;
      if (firstParam > 0) {
        const collection = segments[firstParam - 1]!;
        primary = { name: segments[firstParam]!.slice(1, -1), kind: PRIMARY[collection] ?? 'unknown' };
      }
      const rest = segments.slice(firstParam + 1);
      const facet: Facet =
        primary?.kind === 'joinCode'
          ? 'join'
          : rest.some((s) => ['materials', 'minutes', 'whiteboards', 'annotations'].includes(s))
            ? 'table'
            : 'view';
      const content = op.requestBody?.content ?? {};
      routes.push({
        method: method.toUpperCase() as Route['method'],
        path,
        area: segments[2] ?? '',
        params,
        body: content['application/json']?.schema ?? null,
        // File uploads declare no JSON body; the probe sends them a small PDF.
        multipart: !!content['multipart/form-data'] || (!content['application/json'] && UPLOADS.test(path)),
        primary,
        facet,
      });
    }
  }
  return routes;
}

/** The URL of a route with its path parameters filled and a query string. */
export function urlOf(route: Route, pathValues: Record<string, string>, query: Record<string, string> = {}): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = pathValues[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${route.path}`);
    return encodeURIComponent(value);
  });
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}
