// What the request log may say about a request: method, path and the client's address, with the values of secret
// query parameters (the first-start link's token, sign-in codes) replaced, so a log never hands out a credential.
const SECRET_PARAMS = /^(token|code|password|secret|key|csrf)$/i;

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A malformed name is logged as sent; only its value could be a secret, and it is kept out below.
        return `${name}=[redacted]`;
      }
      return SECRET_PARAMS.test(decoded) && eq !== -1 ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  socket?: { remoteAddress?: string };
}

/** pino's serializer for `req` in Fastify's request logs. */
export function requestForLog(req: LoggedRequest): { method?: string; url?: string; remoteAddress?: string } {
  return {
    method: req.method,
    url: req.url === undefined ? undefined : redactUrl(req.url),
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
  };
}
