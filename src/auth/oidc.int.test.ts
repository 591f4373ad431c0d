import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '#src/app.ts';
import type { Database } from '#src/db/client.ts';
import { account, auditEvent } from '#src/db/schema.ts';
import { createTestApp } from '#test/app.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust } from '#test/factories.ts';
import { readProviderForm, startOidcProvider, TestBrowser, type Page, type TestOidcProvider, type TestOidcUser } from '#test/oidc-provider.ts';
import { OIDC_CALLBACK_PATH } from './oidc.ts';
import { PENDING_COOKIE } from './oidc-routes.tsx';
import { insertAccount, setAccountActive } from './store.ts';

/** Vitals served over real HTTP on 127.0.0.1, wired to a real OpenID Provider. */
interface RelyingParty {
  baseUrl: string;
  provider: TestOidcProvider;
  close(): Promise<void>;
}

async function startRelyingParty(
  database: Database,
  users: TestOidcUser[],
  options: { conformIdTokenClaims: boolean },
): Promise<RelyingParty> {
  // createApp reads its config once, and the config needs the port: listen first, then build the app.
  const built: { app?: App } = {};
  let server: ReturnType<typeof serve> | undefined;
  const address = await new Promise<AddressInfo>((resolve) => {
    server = serve(
      {
        fetch: (request, env) => (built.app ? built.app.fetch(request, env) : new Response('Starting', { status: 503 })),
        port: 0,
        hostname: '127.0.0.1',
        overrideGlobalObjects: false,
      },
      resolve,
    );
  });
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const provider = await startOidcProvider({ redirectUri: `${baseUrl}${OIDC_CALLBACK_PATH}`, users, ...options });
  built.app = createTestApp(database, {
    publicUrl: baseUrl,
    oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, label: 'NHS account', scopes: 'openid email profile' },
  });
  return {
    baseUrl,
    provider,
    close: async () => {
      await provider.close();
      await new Promise<void>((resolve, reject) => server?.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

interface Journey {
  /** Every page the browser saw, in order. */
  pages: Page[];
  /** The last page: where the journey ended. */
  end: Page;
}

/**
 * Follows redirects and fills in the provider's login (as `sub`) and consent forms, like a person
 * in a browser without JavaScript. With `stopAtCallback`, returns before visiting Vitals' callback.
 */
async function signInThroughProvider(
  browser: TestBrowser,
  rp: RelyingParty,
  start: string,
  sub: string,
  options: { stopAtCallback?: boolean } = {},
): Promise<Journey & { callbackUrl: URL | undefined }> {
  const providerOrigin = new URL(rp.provider.issuer).origin;
  const pages: Page[] = [];
  let url = new URL(start, rp.baseUrl);
  let form: Record<string, string> | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (options.stopAtCallback && url.origin === rp.baseUrl && url.pathname === OIDC_CALLBACK_PATH) {
      const end = pages.at(-1);
      if (!end) throw new Error('The journey has not started');
      return { pages, end, callbackUrl: url };
    }
    const page = await browser.send(url, form);
    pages.push(page);
    form = undefined;
    if (page.location) {
      url = page.location;
    } else if (url.origin === providerOrigin && page.status === 200) {
      const providerForm = readProviderForm(page.html, url);
      url = providerForm.action;
      form = providerForm.prompt === 'login' ? { ...providerForm.fields, login: sub, password: 'not checked' } : providerForm.fields;
    } else {
      return { pages, end: page, callbackUrl: undefined };
    }
  }
  throw new Error(`Too many hops: ${pages.map((page) => page.url.href).join(' → ')}`);
}

const ISSUED = { method: 'oidc' };

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let rp: RelyingParty;
let closedAccountId: number;

const manager = (): TestOidcUser => ({ sub: 'manager-sub', email: trust.accounts.manager.email.toUpperCase(), name: 'Morgan Manager' });
const stranger: TestOidcUser = { sub: 'stranger-sub', email: 'stranger@elsewhere.test', name: 'Sam Stranger' };
const leaver: TestOidcUser = { sub: 'leaver-sub', email: 'leaver@trust.test', name: 'Lee Leaver' };

async function linkOf(accountId: number) {
  const [row] = await database.db.select({ issuer: account.oidcIssuer, subject: account.oidcSubject }).from(account).where(eq(account.id, accountId));
  return row;
}

async function auditFor(action: string) {
  return database.db.select().from(auditEvent).where(eq(auditEvent.action, action)).orderBy(auditEvent.id);
}

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
  closedAccountId = await insertAccount(database.db, { email: leaver.email, displayName: 'Lee Leaver', passwordHash: null });
  await setAccountActive(database.db, closedAccountId, false);
  rp = await startRelyingParty(database, [manager(), stranger, leaver], { conformIdTokenClaims: false });
});
afterAll(async () => {
  await rp?.close();
  await database?.close();
});

describe('sign-in with an NHS account (OpenID Connect)', () => {
  it('links a pre-created account by email on first sign-in and lands on the home page', async () => {
    const browser = new TestBrowser();
    const signInPage = await browser.send(new URL('/sign-in', rp.baseUrl));
    const button = /href="(\/sign-in\/oidc\?next=[^"]*)"/.exec(signInPage.html)?.[1];
    expect(button).toBe('/sign-in/oidc?next=%2F');

    const { pages, end } = await signInThroughProvider(browser, rp, button ?? '', 'manager-sub');

    const authorize = pages[0]?.location;
    expect(authorize?.origin).toBe(new URL(rp.provider.issuer).origin);
    expect(authorize?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize?.searchParams.get('state')).toBeTruthy();
    expect(authorize?.searchParams.get('nonce')).toBeTruthy();
    const leftVitals = pages.flatMap((page) => [page.url, page.location]).filter((url) => url && (url.origin !== rp.baseUrl || url.pathname === OIDC_CALLBACK_PATH));
    expect(leftVitals.map((url) => url?.href).join(' ')).not.toMatch(/code_verifier|next=/);
    const callback = pages.find((page) => page.url.pathname === OIDC_CALLBACK_PATH);
    expect(callback?.status).toBe(302);
    expect(callback?.location?.href).toBe(`${rp.baseUrl}/`);

    expect(end.url.href).toBe(`${rp.baseUrl}/`);
    expect(end.status).toBe(200);
    expect(end.html).toContain('Welcome, User');
    expect(browser.cookie('vitals_session')).toBeDefined();
    expect(browser.cookie(PENDING_COOKIE)).toBeUndefined();

    expect(await linkOf(trust.accounts.manager.accountId)).toEqual({ issuer: rp.provider.issuer, subject: 'manager-sub' });
    const signIns = await auditFor('sign-in');
    expect(signIns.at(-1)).toMatchObject({ actorAccountId: trust.accounts.manager.accountId, detail: ISSUED });
    const links = await auditFor('account.updated');
    expect(links).toEqual([expect.objectContaining({ actorAccountId: trust.accounts.manager.accountId, detail: { oidcLinked: true } })]);
  });

  it('finds the account by subject next time, even after the email changes at the provider', async () => {
    rp.provider.users.set('manager-sub', { ...manager(), email: 'morgan.manager@renamed.test' });
    const browser = new TestBrowser();
    const { end } = await signInThroughProvider(browser, rp, '/sign-in/oidc?next=%2Faccount', 'manager-sub');
    expect(end.url.pathname).toBe('/account');
    expect(end.status).toBe(200);
    expect(end.html).toContain(trust.accounts.manager.email);
    expect(await auditFor('account.updated')).toHaveLength(1);
    rp.provider.users.set('manager-sub', manager());
  });

  it('never sends the browser to another site after signing in', async () => {
    const { end } = await signInThroughProvider(new TestBrowser(), rp, `/sign-in/oidc?next=${encodeURIComponent('//evil.test/x')}`, 'manager-sub');
    expect(end.url.href).toBe(`${rp.baseUrl}/`);
  });

  it('refuses an NHS account whose email no Vitals account has, with no session', async () => {
    const browser = new TestBrowser();
    const { end } = await signInThroughProvider(browser, rp, '/sign-in/oidc?next=%2F', 'stranger-sub');
    expect(end.url.pathname).toBe(OIDC_CALLBACK_PATH);
    expect(end.status).toBe(403);
    expect(end.html).toContain('Your NHS account is not set up in Vitals');
    expect(end.html).toContain('Ask your Vitals administrator to add an account for <span class="nhsuk-u-font-weight-bold">stranger@elsewhere.test</span>');
    expect(browser.cookie('vitals_session')).toBeUndefined();
    expect((await browser.send(new URL('/', rp.baseUrl))).status).toBe(302);
    const [row] = await database.db.select().from(account).where(eq(account.email, stranger.email));
    expect(row).toBeUndefined();
    expect((await auditFor('sign-in.failed')).at(-1)).toMatchObject({ actorAccountId: null, detail: { ...ISSUED, reason: 'not-set-up' } });
  });

  it('refuses a deactivated account and does not link it', async () => {
    const browser = new TestBrowser();
    const { end } = await signInThroughProvider(browser, rp, '/sign-in/oidc', 'leaver-sub');
    expect(end.status).toBe(403);
    expect(end.html).toContain('Your Vitals account is closed');
    expect(browser.cookie('vitals_session')).toBeUndefined();
    expect(await linkOf(closedAccountId)).toEqual({ issuer: null, subject: null });
    expect((await auditFor('sign-in.failed')).at(-1)).toMatchObject({ actorAccountId: closedAccountId, detail: { ...ISSUED, reason: 'deactivated' } });
  });

  describe('refuses a callback it cannot tie to this browser', () => {
    async function expectRefused(browser: TestBrowser, callbackUrl: URL) {
      const failuresBefore = (await auditFor('sign-in.failed')).length;
      const page = await browser.send(callbackUrl);
      expect(page.status).toBe(400);
      expect(page.html).toContain('Sign-in with your NHS account did not complete');
      expect(page.html).toContain('Try again');
      expect(browser.cookie('vitals_session')).toBeUndefined();
      expect(browser.cookie(PENDING_COOKIE)).toBeUndefined();
      const failures = await auditFor('sign-in.failed');
      expect(failures).toHaveLength(failuresBefore + 1);
      expect(failures.at(-1)?.detail).toMatchObject(ISSUED);
    }

    it('when the pending sign-in cookie is missing', async () => {
      const browser = new TestBrowser();
      const { callbackUrl } = await signInThroughProvider(browser, rp, '/sign-in/oidc', 'manager-sub', { stopAtCallback: true });
      if (!callbackUrl) throw new Error('The journey did not reach the callback');
      browser.setCookie(PENDING_COOKIE, undefined);
      await expectRefused(browser, callbackUrl);
    });

    it('when the pending sign-in cookie was altered', async () => {
      const browser = new TestBrowser();
      const { callbackUrl } = await signInThroughProvider(browser, rp, '/sign-in/oidc', 'manager-sub', { stopAtCallback: true });
      const sealed = browser.cookie(PENDING_COOKIE);
      if (!callbackUrl || !sealed) throw new Error('The journey did not reach the callback');
      browser.setCookie(PENDING_COOKIE, `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'BB' : 'AA'}`);
      await expectRefused(browser, callbackUrl);
    });

    it('when the answer belongs to another browser’s sign-in (state mismatch)', async () => {
      const attacker = new TestBrowser();
      const { callbackUrl } = await signInThroughProvider(attacker, rp, '/sign-in/oidc', 'stranger-sub', { stopAtCallback: true });
      if (!callbackUrl) throw new Error('The journey did not reach the callback');
      const victim = new TestBrowser();
      await victim.send(new URL('/sign-in/oidc', rp.baseUrl));
      expect(victim.cookie(PENDING_COOKIE)).toBeDefined();
      await expectRefused(victim, callbackUrl);
    });

    it('when the provider reports an error', async () => {
      const browser = new TestBrowser();
      const start = await browser.send(new URL('/sign-in/oidc', rp.baseUrl));
      const state = start.location?.searchParams.get('state') ?? '';
      const callbackUrl = new URL(`${OIDC_CALLBACK_PATH}?error=access_denied&state=${state}&iss=${encodeURIComponent(rp.provider.issuer)}`, rp.baseUrl);
      await expectRefused(browser, callbackUrl);
    });
  });

  it('uses the UserInfo email when the ID token has none', async () => {
    const other = await startRelyingParty(database, [{ sub: 'staff-sub', email: trust.accounts.staff.email, name: 'Sol Staff' }], { conformIdTokenClaims: true });
    try {
      const { end } = await signInThroughProvider(new TestBrowser(), other, '/sign-in/oidc', 'staff-sub');
      expect(end.status).toBe(200);
      expect(end.html).toContain('Welcome');
      expect(await linkOf(trust.accounts.staff.accountId)).toEqual({ issuer: other.provider.issuer, subject: 'staff-sub' });
    } finally {
      await other.close();
    }
  });
});

describe('when OpenID Connect is not configured', () => {
  it('has no NHS account sign-in', async () => {
    const app = createTestApp(database);
    expect((await app.request('/sign-in/oidc')).status).toBe(404);
    expect((await app.request(`${OIDC_CALLBACK_PATH}?code=x&state=y`)).status).toBe(404);
    expect(await (await app.request('/sign-in')).text()).not.toContain('/sign-in/oidc');
  });
});
