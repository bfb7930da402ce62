/**
 * Typed errors with stable codes. Operations throw them; the HTTP layer turns them into
 * application/problem+json with a message from the caller's language catalogue.
 */
export type ErrorCode =
  | 'validation'
  | 'bad_json'
  | 'not_found'
  | 'route_not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'rate_limited'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unavailable'
  | 'internal'
  | (string & {});

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    /** Translation key of the message shown to people. */
    readonly messageKey: string = `errors.${code}`,
    readonly params: Record<string, unknown> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('not_found', 404);
export const forbidden = () => new AppError('forbidden', 403);
export const unauthenticated = () => new AppError('unauthenticated', 401);
export const conflict = (messageKey: string, params: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  new AppError('conflict', 409, messageKey, params, extra);
export const invalid = (messageKey: string, params: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  new AppError('validation', 422, messageKey, params, extra);
