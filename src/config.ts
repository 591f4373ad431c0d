import { z } from 'zod';
import { DEVELOPMENT_KEY_RING, parseKeyRing, type KeyRing } from './speakup/seal.ts';

const flag = z
  .enum(['0', '1', 'true', 'false'])
  .transform((value) => value === '1' || value === 'true');

const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.url().optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    PUBLIC_URL: z.url().optional(),
    VITALS_DEMO: flag.default(true),
    TRUST_PROXY: flag.default(false),
    FONT_URL: z.url().optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_LABEL: z.string().default('NHS account'),
    OIDC_SCOPES: z.string().default('openid email profile'),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// address' }).optional(),
    MAIL_FROM: z.string().default('Vitals <vitals@localhost>'),
    SPEAKUP_KEYS: z.string().optional(),
    SPEAKUP_RETENTION_MONTHS: z.coerce.number().int().min(1, 'must be at least 1 month').max(1200).default(72),
  });

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  label: string;
  scopes: string;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Used to derive CSRF and cookie keys; a random per-process value when unset outside production. */
  sessionSecret: string;
  /** The address users reach Vitals at; decides Secure cookies and the OIDC redirect URI. */
  publicUrl: string;
  isDemo: boolean;
  /** Behind a reverse proxy: read the client address from X-Forwarded-For. */
  trustProxy: boolean;
  fontUrl: string | undefined;
  oidc: OidcConfig | undefined;
  /** Where messages are delivered (smtp:// or smtps://); unset, they stay in the outbox for admins to read. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Keys for speak-up messages and attachments at rest: the first seals, all open. */
  speakUpKeys: KeyRing;
  /** Closed speak-up cases are redacted this many months after closure. */
  speakUpRetentionMonths: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Vitals cannot start: check these settings\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once and lists every problem at the same time. Only this file reads process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ConfigSchema.safeParse(present);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (present.NODE_ENV === 'production' && !present.SESSION_SECRET) problems.push('SESSION_SECRET: is required in production');
  if (present.NODE_ENV === 'production' && !present.PUBLIC_URL) problems.push('PUBLIC_URL: is required in production (it decides Secure cookies and the sign-in redirect address)');
  if (present.OIDC_ISSUER && !present.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: is required when OIDC_ISSUER is set');
  if (present.NODE_ENV === 'production' && !present.SPEAKUP_KEYS) problems.push('SPEAKUP_KEYS: is required in production (id:base64key, from openssl rand -base64 32)');
  const keys = present.SPEAKUP_KEYS ? parseKeyRing(present.SPEAKUP_KEYS) : { ring: DEVELOPMENT_KEY_RING, problems: [] };
  problems.push(...keys.problems.map((problem) => `SPEAKUP_KEYS: ${problem}`));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET ?? randomSecret(),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    isDemo: e.VITALS_DEMO,
    trustProxy: e.TRUST_PROXY,
    fontUrl: e.FONT_URL,
    oidc: e.OIDC_ISSUER
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID ?? '',
          clientSecret: e.OIDC_CLIENT_SECRET,
          label: e.OIDC_LABEL,
          scopes: e.OIDC_SCOPES,
        }
      : undefined,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    speakUpKeys: keys.ring,
    speakUpRetentionMonths: e.SPEAKUP_RETENTION_MONTHS,
  };
}

function randomSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
}

/** Settings for tests and scripts: defaults plus overrides, never the process environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', VITALS_DEMO: '0' }), ...overrides };
}
