// The server's clock as seen from this device: suggestions carry a timestamp the server checks against its own clock,
// and a device whose clock is off (or a test server whose clock was moved) must not stamp them with its own time.

let offsetMs = 0;

/** Records the server's time from a response that carries it (the collab token does). */
export function observeServerTime(serverTime: string, receivedAt = Date.now()): void {
  const at = Date.parse(serverTime);
  if (Number.isFinite(at)) offsetMs = at - receivedAt;
}

/** Now, by the server's clock (the device's clock until the server's time has been seen). */
export function serverNow(): number {
  return Date.now() + offsetMs;
}
