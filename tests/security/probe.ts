// Sending the probe's requests and judging what came back: each request from its own client address (the per-IP
// limits are probed on their own in limits.security.test.ts, not tripped by the matrix), and the scan of an answer
// for the titles, texts and ids of objects its reader may not read.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { multipart, pdfBytes } from '../support/meetings.ts';
import type { TestClient } from '../support/testApp.ts';
import { mayRead, person } from './oracle.ts';
import type { Payload } from './schemaArbitrary.ts';
import type { World, WorldObject } from './world.ts';

let addresses = 0;

/** A distinct loopback-range client address for each request. */
export function nextAddress(): string {
  addresses += 1;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
}

export interface Sent {
  method: string;
  url: string;
  res: LightMyRequestResponse;
}

/** Sends as `client` (null: signed out) with its cookie and CSRF token, a JSON or raw body, or a small PDF upload. */
export async function send(
  app: FastifyInstance,
  client: TestClient | null,
  method: InjectOptions['method'],
  url: string,
  body?: Payload | 'upload',
): Promise<Sent> {
  const headers: Record<string, string> = {};
  if (client?.cookie) headers.cookie = client.cookie;
  if (client?.csrf && method !== 'GET') headers['x-csrf-token'] = client.csrf;
  let payload: InjectOptions['payload'];
  if (body === 'upload') {
    const upload = multipart('probe.pdf', 'application/pdf', pdfBytes('probe upload'));
    payload = upload.payload;
    Object.assign(headers, upload.headers);
  } else if (body && 'raw' in body) {
    payload = body.raw;
    headers['content-type'] = 'application/json';
  } else if (body) {
    payload = JSON.stringify(body.json);
    headers['content-type'] = 'application/json';
  }
  const res = await app.inject({ method, url, headers, payload, remoteAddress: nextAddress() });
  return { method: String(method), url, res };
}

export const codeOf = (res: LightMyRequestResponse): string | null => {
  if (!res.headers['content-type']?.includes('json')) return null;
  try {
    return (res.json() as { code?: string }).code ?? null;
  } catch {
    return null;
  }
};

export const isSuccess = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 300;

/** The world objects `username` may not read. */
export function unreadableBy(world: World, username: string): WorldObject[] {
  const p = person(username);
  return world.objects.filter((o) => !mayRead(p, o.facts, o.kind === 'joinCode' ? 'join' : 'view'));
}

/** What an answer to `username` carries that they may not read: titles and texts (leaks), bare ids (exposures). */
export function exposures(
  world: World,
  username: string,
  body: string,
  allowedKey?: string,
): { texts: string[]; ids: string[] } {
  const texts: string[] = [];
  const ids: string[] = [];
  for (const o of unreadableBy(world, username)) {
    if (o.key === allowedKey) continue;
    for (const s of o.secrets) if (body.includes(s)) texts.push(`${o.key}: ${s}`);
    if (o.kind !== 'joinCode' && body.includes(o.id)) ids.push(o.key);
  }
  return { texts, ids };
}

/** "GET /api/… as user → 200 code" for failure messages. */
export const describe = (username: string, sent: Sent) =>
  `${sent.method} ${sent.url} as ${username} → ${sent.res.statusCode} ${codeOf(sent.res) ?? ''}`.trim();
