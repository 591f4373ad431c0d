import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('starts with no settings at all: port 3000, PGlite in ./data, demo on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: './data', databaseUrl: undefined, isDemo: true, oidc: undefined });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', NODE_ENV: 'production', OIDC_ISSUER: 'https://login.example' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems.join('\n')).toMatch(/PORT/);
      expect(problems.join('\n')).toMatch(/DATABASE_URL/);
      expect(problems.join('\n')).toMatch(/SESSION_SECRET: is required in production/);
      expect(problems.join('\n')).toMatch(/OIDC_CLIENT_ID/);
    }
  });

  it('turns demo mode off with VITALS_DEMO=0 and reads OIDC settings', () => {
    const config = loadConfig({ VITALS_DEMO: '0', OIDC_ISSUER: 'https://login.example/v2.0', OIDC_CLIENT_ID: 'vitals' });
    expect(config.isDemo).toBe(false);
    expect(config.oidc).toMatchObject({ issuer: 'https://login.example/v2.0', clientId: 'vitals', label: 'NHS account' });
  });

  it('reads the mail settings, and refuses an SMTP address that is not smtp:// or smtps://', () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: undefined, mailFrom: 'Vitals <vitals@localhost>' });
    expect(loadConfig({ SMTP_URL: 'smtps://user:pass@mail.example:465', MAIL_FROM: 'Vitals <vitals@trust.example>' })).toMatchObject({
      smtpUrl: 'smtps://user:pass@mail.example:465',
      mailFrom: 'Vitals <vitals@trust.example>',
    });
    expect(() => loadConfig({ SMTP_URL: 'https://mail.example' })).toThrow(/SMTP_URL/);
  });

  it('reads speak-up keys newest first, requires them in production, and names what is wrong with one', () => {
    const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
    const config = loadConfig({ SPEAKUP_KEYS: `k2026:${key(2)}, k2025:${key(1)}`, SPEAKUP_RETENTION_MONTHS: '84' });
    expect(config.speakUpKeys.map((k) => k.id)).toEqual(['k2026', 'k2025']);
    expect(config.speakUpKeys[0]?.key.equals(Buffer.alloc(32, 2))).toBe(true);
    expect(config.speakUpRetentionMonths).toBe(84);
    expect(loadConfig({}).speakUpKeys.map((k) => k.id)).toEqual(['dev']);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://vitals.trust.nhs.uk' })).toThrow(/SPEAKUP_KEYS: is required in production/);
    expect(() => loadConfig({ SPEAKUP_KEYS: `short:${Buffer.alloc(16).toString('base64')}` })).toThrow(/key "short" must be 32 bytes/);
    expect(() => loadConfig({ SPEAKUP_KEYS: `a:${key(1)},a:${key(2)}` })).toThrow(/key id "a" appears twice/);
    expect(() => loadConfig({ SPEAKUP_KEYS: key(1) })).toThrow(/must be written id:base64key/);
  });
});
