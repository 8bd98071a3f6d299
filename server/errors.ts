// Named application errors; the HTTP error handler maps them to status codes in one place.

export class AppError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(statusCode: number, code: string, message: string, details?: unknown) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.details = details;
  }
}

export class BadRequest extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(400, code, message, details);
  }
}

export class Unauthorized extends AppError {
  constructor(code = 'unauthenticated', message = 'Sign-in required') {
    super(401, code, message);
  }
}

export class Forbidden extends AppError {
  constructor(code = 'forbidden', message = 'You are not allowed to do this') {
    super(403, code, message);
  }
}

export class NotFound extends AppError {
  constructor(what = 'resource') {
    super(404, 'not_found', `${what} not found`);
  }
}

/** What the audit log records about a refused read: the object's kind and id (never its title), the action, why. */
export interface Refusal {
  resourceType: string;
  resourceId: string;
  action: string;
  reason: string;
}

/**
 * A refusal to touch an object that exists but that the caller may not read. It answers exactly as NotFound does, so
 * nobody learns that the object exists, and the error handler (or the socket and collab edges) audits it as
 * `access.denied`.
 */
export class Concealed extends NotFound {
  constructor(
    what: string,
    readonly refusal: Refusal,
  ) {
    super(what);
  }
}

export class Conflict extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}

export class InvalidState extends AppError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

/** Well-formed but not acceptable as it stands (a proposal without a lead unit): details name the field. */
export class Unprocessable extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(422, code, message, details);
  }
}

export class Locked extends AppError {
  constructor(message: string, details?: unknown) {
    super(423, 'account_locked', message, details);
  }
}

/**
 * Something the request needs is unreachable for a while (the shared limits store): 503 with Retry-After, so that
 * clients and the load balancer try again instead of treating the server as broken. `cause` is logged, never sent.
 */
export class ServiceUnavailable extends AppError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(503, code, message);
    if (options && 'cause' in options) this.cause = options.cause;
  }
}
