/**
 * pino options shared by the server and the CLI. Requests are logged by method, route and id —
 * never query strings or bodies, which can carry a NIK, a name or a phone number.
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
    },
  };
}
