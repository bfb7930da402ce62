import path from 'node:path';
import { z } from 'zod';

/** Everything the server reads from its environment, validated once at start-up. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  /** The address citizens reach the portal at (https://layanan.example.go.id): every link and QR code uses it. */
  PUBLIC_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Secret for signing short-lived file links; generated and kept under DATA_DIR when absent. */
  KENCOT_SECRET: z.string().min(32).optional(),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  /** Sign-in attempts per IP per minute (in memory), on top of the shared throttle in src/auth/throttle.ts. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Set behind HTTPS so cookies carry the Secure flag. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().min(1).optional(),
  WHATSAPP_APP_SECRET: z.string().min(1).optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().min(1).optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\w{1,64}$/).optional(),
  WHATSAPP_GRAPH_URL: z.string().url().optional(),
  WHATSAPP_API_VERSION: z.string().regex(/^v\d+\.\d+$/).default('v23.0'),
  /**
   * The WhatsApp simulator shows every message it sends, codes and PINs included, so it is never
   * on by accident: `auto` serves it only without Meta credentials, on loopback, outside production.
   */
  SIMULATOR: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Serves /metrics (Prometheus) to `Authorization: Bearer <METRICS_TOKEN>`; unset, there is no /metrics. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /**
   * Time budget for reading a photo's title and 16-digit numbers (OCR) at upload (issue 16); 0 turns
   * the OCR off. The quality check runs regardless; OCR's absence changes nothing but the hints.
   */
  PHOTO_OCR_TIMEOUT_MS: z.coerce.number().int().min(0).max(10_000).default(2500),
  NODE_ENV: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  secret: string | undefined;
  maxUploadBytes: number;
  /** PHOTO_OCR_TIMEOUT_MS: the OCR's time budget per uploaded photo; 0: no OCR. */
  photoOcrTimeoutMs: number;
  sessionTtlMs: number;
  loginRateLimitPerMinute: number;
  cookieSecure: boolean;
  demo: boolean;
  /** PUBLIC_URL: the portal's public address for links and QR codes; unset, the request's own host is used. */
  publicUrl?: string | undefined;
  /** METRICS_TOKEN: the bearer token /metrics asks for; unset, /metrics answers 404. */
  metricsToken?: string | undefined;
  /**
   * Meta's WhatsApp Cloud API when its credentials are set; otherwise the built-in simulator, which
   * runs the same code against a local stand-in for the Graph API (graphUrl decided at start-up).
   */
  whatsapp: WhatsAppConfig;
  s3:
    | { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }
    | undefined;
};

export type WhatsAppConfig = {
  /** `off`: no Meta credentials and the simulator not enabled — messages wait in the outbox. */
  mode: 'cloud' | 'simulator' | 'off';
  verifyToken: string | undefined;
  appSecret: string | undefined;
  accessToken: string | undefined;
  /** The business number of the demo office (others are registered per office in the database). */
  phoneNumberId: string | undefined;
  graphUrl: string | undefined;
  apiVersion: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const s3 =
    e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
      ? {
          endpoint: e.S3_ENDPOINT,
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
        }
      : undefined;
  const cloud = Boolean(e.WHATSAPP_APP_SECRET && e.WHATSAPP_ACCESS_TOKEN && e.WHATSAPP_VERIFY_TOKEN);
  if (cloud && e.SIMULATOR === 'on') throw new Error('Invalid configuration:\n  SIMULATOR: cannot be on while the WhatsApp Cloud API credentials are set');
  const simulator = !cloud && (e.SIMULATOR === 'on' || (e.SIMULATOR === 'auto' && isLoopback(e.HOST) && e.NODE_ENV !== 'production'));
  const whatsapp: WhatsAppConfig = {
    mode: cloud ? 'cloud' : simulator ? 'simulator' : 'off',
    verifyToken: e.WHATSAPP_VERIFY_TOKEN,
    appSecret: e.WHATSAPP_APP_SECRET,
    accessToken: e.WHATSAPP_ACCESS_TOKEN,
    phoneNumberId: e.WHATSAPP_PHONE_NUMBER_ID,
    graphUrl: e.WHATSAPP_GRAPH_URL ?? (cloud ? 'https://graph.facebook.com' : undefined),
    apiVersion: e.WHATSAPP_API_VERSION,
  };
  return {
    whatsapp,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    secret: e.KENCOT_SECRET,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    photoOcrTimeoutMs: e.PHOTO_OCR_TIMEOUT_MS,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    cookieSecure: e.COOKIE_SECURE,
    demo: e.DEMO,
    publicUrl: e.PUBLIC_URL,
    metricsToken: e.METRICS_TOKEN,
    s3,
  };
}

/** Only this machine can reach a server listening here (a demo on a laptop, a developer). */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\./.test(h);
}
