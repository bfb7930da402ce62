/**
 * pino options shared by the server, its workers and the CLI. Requests are logged by method, route
 * and id — never query strings or bodies, which can carry a NIK, a name or a phone number.
 */
import type { LoggerOptions } from 'pino';

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.nik',
        '*.phone',
        '*.name',
        '*.password',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(req: { method: string; url: string; routeOptions?: { url?: string }; id: string }) {
        // The matched route pattern (/api/v1/requests/:id) instead of the raw URL (?q=3302…).
        const path = req.url.split('?')[0] ?? '';
        return { method: req.method, route: req.routeOptions?.url ?? path.replace(/\d{6,}/g, '…'), id: req.id };
      },
      res(res: { statusCode: number }) {
        return { statusCode: res.statusCode };
      },
      // Every logged error goes through here, whoever logs it (the HTTP error handler, the
      // workers, Fastify itself), so no call site can forget to clean it.
      err: safeError,
      error: safeError,
    },
    hooks: {
      // `logger.error(err)` would take the error's message as the line's message, and Fastify's
      // own handlers log `({ err }, err.message)`: the message is dropped either way.
      logMethod(args, method) {
        const [first, second] = args as unknown[];
        if (first instanceof Error && typeof second !== 'string') return method.call(this, { err: first }, 'error');
        const err = typeof first === 'object' && first !== null ? (first as { err?: unknown; error?: unknown }).err ?? (first as { error?: unknown }).error : undefined;
        if (err instanceof Error && second === err.message) return method.call(this, first as object, 'error');
        return method.apply(this, args);
      },
    },
  };
}

/** Codes that name a kind of failure, never a value: SQLSTATE (`23505`), Node (`ECONNRESET`), ours (`not_found`). */
const SAFE_CODE = /^[A-Za-z0-9_.-]{1,64}$/;
/** Schema names a database error points at; they say where it failed, not with what. */
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;
const NAME_FIELDS = ['constraint', 'table', 'column', 'schema', 'dataType', 'routine', 'syscall'] as const;
const MAX_CAUSE_DEPTH = 4;

/**
 * What may be logged of an error: its class, its code (a SQLSTATE for database errors), the names
 * of the constraint, table or column involved, an AppError's status, where in the code it was
 * thrown, and the same of its cause. Never its message, `detail`, `query`, `params` or `where`:
 * drizzle's "Failed query: … params: …" carries the INSERT's NIK, phone number and PIN hash, and
 * PostgreSQL's detail repeats values ("Key (nik)=(3302…) already exists"); even a JSON.parse
 * message quotes the input.
 */
export function safeError(error: unknown, depth = 0): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { type: typeof error };
  const e = error as Record<string, unknown>;
  const safe: Record<string, unknown> = { type: errorClass(error) };
  if ((typeof e.code === 'string' && SAFE_CODE.test(e.code)) || typeof e.code === 'number') safe.code = e.code;
  if (typeof e.status === 'number') safe.status = e.status;
  else if (typeof e.statusCode === 'number') safe.status = e.statusCode;
  for (const field of NAME_FIELDS) {
    const value = e[field];
    if (typeof value === 'string' && SAFE_NAME.test(value)) safe[field] = value;
  }
  const frames = stackFrames(e.stack);
  if (frames) safe.stack = frames;
  if (e.cause !== undefined && depth < MAX_CAUSE_DEPTH) safe.cause = safeError(e.cause, depth + 1);
  if (Array.isArray(e.errors) && depth < MAX_CAUSE_DEPTH) safe.errors = e.errors.slice(0, 5).map((inner) => safeError(inner, depth + 1));
  return safe;
}

/** The class (DrizzleQueryError keeps the name "Error"), else the name it gives itself (AppError). */
function errorClass(error: object): string {
  const constructorName = error.constructor?.name;
  if (typeof constructorName === 'string' && SAFE_NAME.test(constructorName) && constructorName !== 'Error' && constructorName !== 'Object') return constructorName;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' && SAFE_NAME.test(name) ? name : 'Error';
}

/** The "at …" lines only: a stack's first lines repeat the message. */
function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? frames.join('\n') : undefined;
}

/**
 * An error for a terminal (CLI, start-up): its message helps the operator (a bad DATABASE_URL, a
 * missing directory), except when it comes from a query, whose message and detail carry the values.
 */
export function terminalMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return fromQuery(error) ? JSON.stringify(safeError(error)) : error.message;
}

function fromQuery(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > MAX_CAUSE_DEPTH) return false;
  const e = error as Record<string, unknown>;
  return 'params' in e || 'query' in e || 'detail' in e || 'severity' in e || fromQuery(e.cause, depth + 1);
}
