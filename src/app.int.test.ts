import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isApiPath } from '#src/api/errors.ts';
import { describeRoutes } from '#src/auth/guard.ts';
import { ROLES } from '#src/auth/permissions.ts';
import type { Database } from '#src/db/client.ts';
import { auditEvent } from '#src/db/schema.ts';
import { createTestApp } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust, TEST_PASSWORD } from '#test/factories.ts';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
  app = createTestApp(database);
});
afterAll(() => database.close());

async function signedIn(role: (typeof ROLES)[number]) {
  const client = new TestClient(app);
  const response = await client.signIn(trust.accounts[role].email, TEST_PASSWORD);
  expect(response.status).toBe(303);
  return client;
}

/** Fills route parameters with ids that exist, so a refusal is about permission, not a missing row. */
function concretePath(path: string): string {
  return path
    .replace(':unitId', String(trust.units.northTeam))
    .replace(':accountId', String(trust.accounts.staff.accountId))
    .replace(':grantId', '1')
    .replace('/*', '/nhsuk-frontend.min.css');
}

describe('health', () => {
  it('answers with the database kind', async () => {
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: database.kind });
  });
});

describe('deny by default', () => {
  const routes = () => describeRoutes(createTestApp(database).routes);
  const PUBLIC_PATHS = [
    '/healthz',
    '/assets/*',
    '/sign-in',
    '/sign-in/oidc',
    '/sign-in/oidc/callback',
    '/accessibility',
    '/privacy',
    // Anyone may raise a concern and follow it up with a receipt: no account needed.
    '/speak-up',
    '/speak-up/raise',
    '/speak-up/receipt',
    '/speak-up/follow-up',
    '/speak-up/follow-up/sign-out',
    '/speak-up/follow-up/case',
    '/speak-up/follow-up/case/messages',
    '/speak-up/follow-up/case/feedback',
    '/speak-up/follow-up/case/attachments/:attachmentId',
  ];

  it('declares who may use every route', () => {
    for (const route of routes()) expect(route.access, `${route.method} ${route.path}`).toBeDefined();
  });

  it('only the public routes are open to everyone', () => {
    const open = routes().filter((route) => route.access === 'public').map((route) => route.path);
    expect(open.every((path) => PUBLIC_PATHS.includes(path)), open.join(', ')).toBe(true);
  });

  it('sends a signed-out visitor to sign-in from every other route', async () => {
    for (const route of routes().filter((r) => r.access !== 'public' && !isApiPath(r.path))) {
      const client = new TestClient(app);
      const { response } = await client.get('/sign-in');
      expect(response.status).toBe(200);
      const path = concretePath(route.path);
      const result =
        route.method === 'GET' ? await client.request(path) : await client.post(path, {});
      expect(result.status, `${route.method} ${route.path}`).toBeOneOf([302, 303]);
      expect(result.headers.get('location'), `${route.method} ${route.path}`).toMatch(/^\/sign-in\?next=/);
    }
  });

  it('refuses a staff member every route that needs a permission', async () => {
    const client = await signedIn('staff');
    for (const route of routes().filter((r) => r.access !== 'public' && r.access !== 'signed-in' && !isApiPath(r.path))) {
      await client.get('/');
      const path = concretePath(route.path);
      const result = route.method === 'GET' ? await client.request(path) : await client.post(path, {});
      expect(result.status, `${route.method} ${route.path}`).toBe(403);
    }
  });

  it('answers every API route without a bearer token with 401 JSON, cookies or not', async () => {
    const staff = await signedIn('staff');
    for (const route of routes().filter((r) => isApiPath(r.path))) {
      for (const response of [await app.request(route.path), await staff.request(route.path)]) {
        expect(response.status, route.path).toBe(401);
        expect(await response.json(), route.path).toHaveProperty('error');
      }
    }
  });

  it('refuses a route that forgot to declare its permission, before it runs', async () => {
    const { Hono } = await import('hono');
    const { assertEveryRouteGuarded } = await import('#src/auth/guard.ts');
    const unguarded = new Hono().get('/oops', (c) => c.text('secret'));
    expect(() => assertEveryRouteGuarded(unguarded.routes)).toThrow(/GET \/oops/);
  });
});

describe('sign-in', () => {
  it('shows each role its home page', async () => {
    for (const role of ROLES) {
      const client = await signedIn(role);
      const { response, html } = await client.get('/');
      expect(response.status, role).toBe(200);
      expect(html, role).toContain('<h1>Welcome, ');
      expect(html, role).toContain('Sign out');
    }
  });

  it('shows the manager their hub and its teams, and the navigation they may use', async () => {
    const client = await signedIn('manager');
    const { html } = await client.get('/');
    expect(html).toContain('North hub');
    expect(html).toContain('North team 1');
    expect(html).toContain('href="/org"');
    expect(html).not.toContain('href="/admin/accounts"');
  });

  it('re-renders the form with an error summary for a wrong password, keeping the email', async () => {
    const client = new TestClient(app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: trust.accounts.board.email, password: 'wrong password' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<title>Error: Sign in');
    expect(html).toContain('href="#email"');
    expect(html).toContain(`value="${trust.accounts.board.email}"`);
  });

  it('names every missing field', async () => {
    const client = new TestClient(app);
    await client.get('/sign-in');
    const html = await (await client.post('/sign-in', { email: '', password: '' })).text();
    expect(html).toContain('Enter your email address');
    expect(html).toContain('Enter your password');
  });

  it('refuses a form without its CSRF token', async () => {
    const client = new TestClient(app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: trust.accounts.board.email, password: TEST_PASSWORD }, { csrf: 'forged' });
    expect(response.status).toBe(403);
    expect(client.hasCookie('vitals_session')).toBe(false);
  });

  it('locks an email after five failures, even with the right password', async () => {
    const email = trust.accounts.programme.email;
    const client = new TestClient(app);
    await client.get('/sign-in');
    for (let i = 0; i < 5; i++) expect((await client.post('/sign-in', { email, password: `guess ${i}` })).status).toBe(400);
    const locked = await client.post('/sign-in', { email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Too many failed attempts');
  });

  it('behind a proxy, limits each client address separately', async () => {
    const proxied = createTestApp(database, { trustProxy: true });
    const attempt = async (address: string, email: string, password: string) => {
      const browser = new TestClient(proxied);
      await browser.get('/sign-in');
      return browser.post('/sign-in', { email, password }, { headers: { 'x-forwarded-for': `203.0.113.9, ${address}` } });
    };
    for (let i = 0; i < 30; i++) expect((await attempt('10.0.0.1', `nobody${i}@trust.test`, 'guess')).status).toBe(400);
    expect((await attempt('10.0.0.1', trust.accounts.analyst.email, TEST_PASSWORD)).status).toBe(429);
    expect((await attempt('10.0.0.2', trust.accounts.analyst.email, TEST_PASSWORD)).status).toBe(303);
  });

  it('sets an httpOnly, SameSite=Lax session cookie and ends it on sign-out', async () => {
    const client = new TestClient(app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: trust.accounts.guardian.email, password: TEST_PASSWORD });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('vitals_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    await client.get('/');
    const out = await client.post('/sign-out', {});
    expect(out.status).toBe(303);
    expect((await client.request('/')).headers.get('location')).toBe('/sign-in?next=%2F');
  });

  it('marks the session cookie Secure when served over https', async () => {
    const secureApp = createTestApp(database, { publicUrl: 'https://vitals.example.nhs.uk' });
    const client = new TestClient(secureApp);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { email: trust.accounts.guardian.email, password: TEST_PASSWORD });
    expect(response.headers.getSetCookie().find((c) => c.startsWith('vitals_session='))).toMatch(/Secure/);
  });

  it('sends people back where they were going, but never off-site', async () => {
    const client = new TestClient(app);
    await client.get('/sign-in?next=%2Forg');
    expect((await client.post('/sign-in', { email: trust.accounts.board.email, password: TEST_PASSWORD, next: '/org' })).headers.get('location')).toBe('/org');
    const other = new TestClient(app);
    await other.get('/sign-in');
    expect((await other.post('/sign-in', { email: trust.accounts.board.email, password: TEST_PASSWORD, next: '//evil.example' })).headers.get('location')).toBe('/');
  });
});

describe('organisation pages are scoped to grants', () => {
  it('lets the manager open their hub and its teams, and refuses the other hub with 403', async () => {
    const client = await signedIn('manager');
    expect((await client.get(`/org/units/${trust.units.northHub}`)).response.status).toBe(200);
    expect((await client.get(`/org/units/${trust.units.northTeam}/people`)).response.status).toBe(200);
    const other = await client.get(`/org/units/${trust.units.southHub}`);
    expect(other.response.status).toBe(403);
    expect(other.html).toContain('You do not have permission to see this page');
    expect((await client.get(`/org/units/${trust.units.southTeam}/people`)).response.status).toBe(403);
    expect((await client.get(`/org/units/${trust.units.trust}`)).response.status).toBe(403);
  });

  it('answers 404 for a unit that does not exist', async () => {
    const client = await signedIn('board');
    expect((await client.get('/org/units/999999')).response.status).toBe(404);
  });

  it('shows protected characteristics only to the analyst, suppressed and audited', async () => {
    const manager = await signedIn('manager');
    expect((await manager.get(`/org/units/${trust.units.northHub}/characteristics`)).response.status).toBe(403);

    const analyst = await signedIn('analyst');
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvent).where(sql`action = 'characteristics.read'`);
    const { response, html } = await analyst.get(`/org/units/${trust.units.northTeam}/characteristics`);
    expect(response.status).toBe(200);
    // 13 staff: 2 from ethnic minorities (hidden) forces the White count (11) to be hidden too.
    expect(html).not.toMatch(/>11</);
    expect(html).toContain('suppressed');
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvent).where(sql`action = 'characteristics.read'`);
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) + 1);
  });
});

describe('administration', () => {
  it('adds an account, grants it a role, and records both in the audit log', async () => {
    const admin = await signedIn('admin');
    await admin.get('/admin/accounts/new');
    const invalid = await admin.post('/admin/accounts/new', { displayName: '', email: 'not-an-email', password: 'short' });
    expect(invalid.status).toBe(400);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain('href="#displayName"');
    expect(invalidHtml).toContain('Enter an email address in the correct format');
    expect(invalidHtml).toContain('Password must be 12 characters or more');

    const created = await admin.post('/admin/accounts/new', { displayName: 'Sam Guardian', email: 'Sam.Guardian@Trust.test', password: 'a long enough password' });
    expect(created.status).toBe(303);
    const location = created.headers.get('location') ?? '';
    expect(location).toMatch(/^\/admin\/accounts\/\d+\?saved=created$/);
    const accountPath = location.split('?')[0] ?? '';

    await admin.get(accountPath);
    const granted = await admin.post(`${accountPath}/grants`, { role: 'guardian', unitId: String(trust.units.operations) });
    expect(granted.status).toBe(303);

    const newcomer = new TestClient(app);
    expect((await newcomer.signIn('sam.guardian@trust.test', 'a long enough password')).status).toBe(303);
    expect((await newcomer.get(`/org/units/${trust.units.southHub}`)).response.status).toBe(200);
    expect((await newcomer.get(`/org/units/${trust.units.hrTeam}`)).response.status).toBe(403);

    const { html } = await admin.get('/admin/audit');
    expect(html).toContain('account.created');
    expect(html).toContain('grant.added');
    expect(html).toContain('sign-in');
  });

  it('refuses a duplicate email and an unknown role with field errors', async () => {
    const admin = await signedIn('admin');
    await admin.get('/admin/accounts/new');
    const duplicate = await admin.post('/admin/accounts/new', { displayName: 'Again', email: trust.accounts.board.email, password: '' });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain('An account with this email address already exists');
    await admin.get(`/admin/accounts/${trust.accounts.staff.accountId}`);
    const badRole = await admin.post(`/admin/accounts/${trust.accounts.staff.accountId}/grants`, { role: 'emperor', unitId: '' });
    expect(badRole.status).toBe(400);
    const html = await badRole.text();
    expect(html).toContain('Select a role');
    expect(html).toContain('Select an organisation unit');
  });

  it('keeps the audit log append-only', async () => {
    await expect(database.db.delete(auditEvent)).rejects.toThrow();
    await expect(database.db.update(auditEvent).set({ action: 'tampered' })).rejects.toThrow();
  });
});

describe('errors', () => {
  it('shows NHS-styled 404 pages', async () => {
    const client = await signedIn('staff');
    const { response, html } = await client.get('/no-such-page');
    expect(response.status).toBe(404);
    expect(html).toContain('Page not found');
    expect(html).toContain('nhsuk-header');
  });
});
