// fast-check arbitraries derived from a route's JSON Schema (as the OpenAPI document states it): values the schema
// accepts, now and then naming a real object of the world, and malformed bodies (wrong types, huge strings, lone
// surrogates, deep nesting, extra and prototype-polluting properties, not an object, not JSON).
import fc from 'fast-check';
import type { JsonSchema } from './routes.ts';

export interface ArbitraryOptions {
  /** Real ids to put where the schema asks for an id (a property named id or ending in Id/Ids). */
  ids: string[];
}

const LONGEST_SAMPLE_STRING = 40;

const looksLikeId = (name: string) => /(^id$|Id$|Ids$|^ids$|^mentions$)/.test(name);

function stringArbitrary(schema: JsonSchema, name: string, options: ArbitraryOptions): fc.Arbitrary<string> {
  if (schema.format === 'date-time' || schema.format === 'date')
    return fc
      .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => (schema.format === 'date' ? d.toISOString().slice(0, 10) : d.toISOString()));
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? LONGEST_SAMPLE_STRING, LONGEST_SAMPLE_STRING));
  const text = fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
    fc
      .constantFrom('科员', '【探针】 会议', '<script>alert(1)</script>', "' OR 1=1 --")
      .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity)),
  );
  if (looksLikeId(name) && options.ids.length > 0) return fc.oneof(fc.constantFrom(...options.ids), text);
  return text;
}

/** Values the schema accepts (or nearly: the server's own refinements may still refuse some). */
export function arbitraryFor(
  schema: JsonSchema,
  options: ArbitraryOptions,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const base = ((): fc.Arbitrary<unknown> => {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const choices = schema.oneOf ?? schema.anyOf;
    if (choices) return fc.oneof(...choices.map((c) => arbitraryFor(c, options, name, depth + 1)));
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'string':
        return stringArbitrary(schema, name, options);
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
      case 'number':
        return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const item = schema.items ? arbitraryFor(schema.items, options, name, depth + 1) : fc.anything();
        const minLength = schema.minItems ?? 0;
        return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
      }
      case 'object':
      case undefined: {
        if (!schema.properties) return fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }));
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, value] of Object.entries(schema.properties))
          model[key] = arbitraryFor(value, options, key, depth + 1);
        return fc.record(model, { requiredKeys: schema.required ?? [] });
      }
      default:
        return fc.anything();
    }
  })();
  return schema.nullable ? fc.option(base, { nil: null, freq: 5 }) : base;
}

/** One value the schema accepts, the same on every run (for probes that compare two answers to the same body). */
export function sampleFor(schema: JsonSchema, options: ArbitraryOptions): unknown {
  return fc.sample(arbitraryFor(schema, options), { seed: 14, numRuns: 1 })[0];
}

/** A body to send, or a raw string sent as application/json (not JSON at all). */
export type Payload = { json: unknown } | { raw: string };

/** Arrays and objects nested `depth` deep, as JSON text (too deep for JSON.stringify on a small stack). */
function nestedText(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 === 0 ? '[' : '{"a":';
    close = (i % 2 === 0 ? ']' : '}') + close;
  }
  return `${open}"bottom"${close}`;
}

/** Replaces one property of an object body (when it is one) with `value`. */
function withProperty(body: unknown, pick: number, value: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return value;
  const keys = Object.keys(body);
  if (keys.length === 0) return { ...body, x: value };
  return { ...body, [keys[pick % keys.length]!]: value };
}

/** Malformed variants of a valid body. */
export function malformedFor(valid: fc.Arbitrary<unknown>): fc.Arbitrary<Payload> {
  return fc.oneof(
    fc.tuple(valid, fc.nat(), fc.anything()).map(([b, k, v]) => ({ json: withProperty(b, k, v) })),
    fc.tuple(valid, fc.nat()).map(([b, k]) => ({ json: withProperty(b, k, 'x'.repeat(300_000)) })),
    fc.tuple(valid, fc.nat()).map(([b, k]) => ({ json: withProperty(b, k, `正文\ud800${'\udc00'.repeat(2)}`) })),
    fc.tuple(valid, fc.nat(), fc.integer({ min: 100, max: 5000 })).map(([b, k, d]) => ({
      raw: JSON.stringify(withProperty(b, k, '\u0000deep')).replace('"\\u0000deep"', nestedText(d)),
    })),
    valid.map((b) => ({
      json:
        b !== null && typeof b === 'object' && !Array.isArray(b)
          ? { ...b, extra: 1, ['__proto__']: { admin: true }, constructor: { prototype: { polluted: true } } }
          : { extra: 1 },
    })),
    fc.constantFrom<Payload>(
      { json: null },
      { json: [] },
      { json: 'text' },
      { json: 12 },
      { raw: '{"title": ' },
      { raw: '{"a":"\\ud800"}' },
      { raw: `${'['.repeat(20_000)}${']'.repeat(20_000)}` },
    ),
  );
}
