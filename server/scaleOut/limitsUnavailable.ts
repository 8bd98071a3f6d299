// What a limited request (sign-in, second factor, password reset, first set-up, join links, socket.io handshakes and
// passcode guesses) gets while the deployment's shared limits store, Redis, cannot be reached.
//
// Why 503 rather than letting requests through (fail open) or a plain 500: with several instances the limits exist only
// in Redis, so failing open would give anyone who can make Redis unreachable (or who waits for an outage) unlimited
// password and passcode guesses; a government deployment refuses instead and says why. The accounts stay protected
// either way (the lockout counter is in the database), only the limited routes pause, every other route answers as
// usual, and the limits work again as soon as the connection is back (ioredis reconnects by itself), with no restart.
import { ServiceUnavailable } from '../errors.ts';

/** How long a client is asked to wait (Retry-After): about as long as the limits connection takes to reconnect. */
export const LIMITS_RETRY_AFTER_SECONDS = 5;

export class LimitsUnavailable extends ServiceUnavailable {
  constructor(cause: unknown) {
    super(
      'limits_unavailable',
      'Signing in and other limited requests are paused for a moment: the shared limits service cannot be reached. ' +
        'Try again in a few seconds (访问频率限制服务暂时无法连接，登录等操作暂停，请稍后几秒再试)',
      LIMITS_RETRY_AFTER_SECONDS,
      { cause },
    );
  }
}
