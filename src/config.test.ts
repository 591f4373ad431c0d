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
});
