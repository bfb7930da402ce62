/**
 * Browser security headers on every response — portal, console, simulator, API, files, webhooks:
 * a strict Content-Security-Policy (scripts only from this server, so an injected <script> never
 * runs), no framing by other sites (clickjacking of the console), nosniff, no Referer (tracking
 * links carry ticket numbers), and HSTS only where the server is reached over HTTPS.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';

/** One year: a browser that has seen the office over HTTPS never tries plain HTTP again. */
const HSTS = 'max-age=31536000; includeSubDomains';

// any: registered on the app before its type provider is fixed; only hooks and a plugin are added.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function registerSecurityHeaders(app: FastifyInstance<any, any, any, any, any>, config: Pick<Config, 'cookieSecure'>) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // React's style={{…}} goes through the CSSOM, which style-src does not govern: no 'unsafe-inline'.
        styleSrc: ["'self'"],
        // data: for the page's empty favicon (`<link rel=icon href="data:,">`), blob: for a receipt preview.
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        // The console shows PDFs in an <iframe> from this server.
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        // Only behind HTTPS: on a plain-HTTP office LAN it would send every asset to a port nobody serves.
        ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'sameorigin' },
    referrerPolicy: { policy: 'no-referrer' },
    // Decided per request below: a browser honours HSTS only over HTTPS, and must not get it from a LAN demo.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (req, reply) => {
    if (config.cookieSecure || req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
