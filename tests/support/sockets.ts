// socket.io clients for integration tests: connect as a signed-in TestClient and wait for a pushed event.
import { io as connect, type Socket } from 'socket.io-client';
import type { TestClient } from './testApp.ts';

/** Resolves with the next payload of the event that matches (subscribe before the action that causes it). */
export function nextEvent<T>(socket: Socket, event: string, match: (payload: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const handler = (payload: T) => {
      if (!match(payload)) return;
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}

/** A connected socket with the client's session cookie; the caller closes it. */
export async function socketAs(baseUrl: string, client: TestClient): Promise<Socket> {
  const socket = connect(baseUrl, {
    transports: ['websocket'],
    extraHeaders: { cookie: client.cookie },
    reconnection: false,
  });
  await nextEvent(socket, 'connect');
  return socket;
}

/**
 * One socket.io handshake with this cookie (and any other headers, e.g. X-Forwarded-For as the load balancer sends
 * it): 'connected', or the server's refusal ('unauthenticated', 'rate_limited', …). The socket is closed either way.
 */
export function handshake(url: string, cookie: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(url, { transports: ['websocket'], extraHeaders: { cookie, ...headers }, reconnection: false });
    s.once('connect', () => {
      s.close();
      resolve('connected');
    });
    s.once('connect_error', (err) => {
      s.close();
      resolve(err.message);
    });
  });
}
