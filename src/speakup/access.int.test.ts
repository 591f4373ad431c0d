import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRoutes, type RouteInfo } from '#src/auth/guard.ts';
import { PUBLIC, ROLES, type Access, type Role } from '#src/auth/permissions.ts';
import { testConfig } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { createTestApp } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildAccount, buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { listMessages, raiseConcern, referCase } from './store.ts';

/**
 * Who may use each speak-up route (issue 5: an investigator cannot open a case not assigned to
 * them; a manager cannot see any case). Every route under /speak-up must match an entry here, so a
 * new route without one fails this test.
 */
interface Expectation {
  access: Access;
  allowed: readonly Role[];
}

const GUARDIAN: Expectation = { access: 'speakup.cases', allowed: ['guardian'] };
const INVESTIGATOR: Expectation = { access: 'speakup.investigate', allowed: ['investigator'] };
const REPORTS: Expectation = { access: 'speakup.reports', allowed: ['guardian', 'board'] };
/** Raising a concern and following it up need no account. */
const REPORTER: Expectation = { access: PUBLIC, allowed: ROLES };

const CASE_MATRIX: Record<string, Expectation> = {
  'GET /speak-up/cases': GUARDIAN,
  'GET /speak-up/cases/:caseId': GUARDIAN,
  'GET /speak-up/cases/:caseId/attachments/:attachmentId': GUARDIAN,
  'POST /speak-up/cases/:caseId/acknowledge': GUARDIAN,
  'POST /speak-up/cases/:caseId/triage': GUARDIAN,
  'POST /speak-up/cases/:caseId/messages': GUARDIAN,
  'POST /speak-up/cases/:caseId/notes': GUARDIAN,
  'POST /speak-up/cases/:caseId/refer': GUARDIAN,
  'POST /speak-up/cases/:caseId/close': GUARDIAN,
  'GET /speak-up/investigations': INVESTIGATOR,
  'GET /speak-up/investigations/:caseId': INVESTIGATOR,
  'GET /speak-up/investigations/:caseId/attachments/:attachmentId': INVESTIGATOR,
  'POST /speak-up/investigations/:caseId/notes': INVESTIGATOR,
};

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** Case and investigation routes are listed one by one; reports and reporter routes (other features) by rule. */
function expectationFor(route: RouteInfo): Expectation | undefined {
  const listed = CASE_MATRIX[`${route.method} ${route.path}`];
  if (listed) return listed;
  if (under(route.path, '/speak-up/cases') || under(route.path, '/speak-up/investigations')) return undefined;
  if (under(route.path, '/speak-up/reports')) return REPORTS;
  return REPORTER;
}

type Identity = Role | 'signed-out';
const IDENTITIES: readonly Identity[] = [...ROLES, 'signed-out'];

const ring = testConfig().speakUpKeys;

let database: Database;
let app: ReturnType<typeof createTestApp>;
let trust: Awaited<ReturnType<typeof buildTrust>>;
const clients = new Map<Identity, TestClient>();
/** A case nobody is investigating, one referred to the signed-in investigator, one referred to another. */
const cases = { unreferred: { caseId: 0, attachmentId: 0 }, mine: { caseId: 0, attachmentId: 0 }, theirs: { caseId: 0, attachmentId: 0 } };

async function caseWithAttachment(investigatorAccountId: number | null) {
  const { caseId } = await raiseConcern(
    database.db,
    ring,
    {
      raisedAs: 'confidential',
      concern: 'A concern for the access matrix.',
      reporterName: 'Matrix Reporter',
      unitId: null,
      categories: ['other'],
      detrimentIndicated: false,
      passphrase: 'a long passphrase for tests',
      attachment: { bytes: new TextEncoder().encode('evidence'), mediaType: 'text/plain' },
    },
    '2026-10-26',
  );
  if (investigatorAccountId !== null) await referCase(database.db, caseId, investigatorAccountId, '2026-10-27');
  const [message] = await listMessages(database.db, ring, caseId, { includeInternal: true });
  return { caseId, attachmentId: message?.attachments[0]?.id ?? 0 };
}

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
  app = createTestApp(database);
  const other = await buildAccount(database.db, [{ role: 'investigator', unitId: trust.units.trust }]);
  cases.unreferred = await caseWithAttachment(null);
  cases.mine = await caseWithAttachment(trust.accounts.investigator.accountId);
  cases.theirs = await caseWithAttachment(other.accountId);
  for (const role of ROLES) {
    const client = new TestClient(app);
    expect((await client.signIn(trust.accounts[role].email, TEST_PASSWORD)).status).toBe(303);
    clients.set(role, client);
  }
  const signedOut = new TestClient(app);
  await signedOut.get('/sign-in');
  clients.set('signed-out', signedOut);
});
afterAll(() => database.close());

const speakUpRoutes = () => describeRoutes(createTestApp(database).routes).filter((route) => under(route.path, '/speak-up'));

/** The path with its parameters filled, or undefined if it has a parameter this test cannot fill. */
function concretePath(path: string, target: { caseId: number; attachmentId: number }): string | undefined {
  const filled = path.replace(':caseId', String(target.caseId)).replace(':attachmentId', String(target.attachmentId));
  return filled.includes(':') || filled.includes('*') ? undefined : filled;
}

async function send(client: TestClient, method: string, path: string): Promise<Response> {
  if (method === 'GET') return client.request(path);
  return client.post(path, {});
}

function isSignInRedirect(response: Response): boolean {
  return [302, 303].includes(response.status) && (response.headers.get('location') ?? '').startsWith('/sign-in?next=');
}

describe('the speak-up access matrix', () => {
  it('has an entry for every speak-up route, and each route declares the access its entry expects', () => {
    const routes = speakUpRoutes();
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(expect.arrayContaining(Object.keys(CASE_MATRIX)));
    for (const route of routes) {
      const expectation = expectationFor(route);
      expect(expectation, `${route.method} ${route.path} has no entry in the access matrix`).toBeDefined();
      expect(route.access, `${route.method} ${route.path}`).toBe(expectation?.access);
    }
  });

  it.each(IDENTITIES)('gives %s exactly the speak-up routes the matrix allows', async (identity) => {
    const client = clients.get(identity);
    if (!client) throw new Error(`no client for ${identity}`);
    const target = identity === 'investigator' ? cases.mine : cases.unreferred;
    for (const route of speakUpRoutes()) {
      const expectation = expectationFor(route);
      if (!expectation) throw new Error(`${route.method} ${route.path} has no entry in the access matrix`);
      const path = concretePath(route.path, target);
      const label = `${identity}: ${route.method} ${route.path}`;
      if (expectation.access === PUBLIC) {
        // Posting to a reporter form would raise a concern or count as a failed follow-up attempt.
        if (route.method !== 'GET' || path === undefined) continue;
        const response = await client.request(path);
        expect(response.status, label).not.toBe(403);
        expect(isSignInRedirect(response), label).toBe(false);
        continue;
      }
      const response = await send(client, route.method, path ?? route.path);
      if (identity === 'signed-out') {
        expect(isSignInRedirect(response), label).toBe(true);
      } else if (!expectation.allowed.includes(identity)) {
        expect(response.status, label).toBe(403);
      } else if (path === undefined) {
        expect(response.status, label).not.toBe(403);
        expect(isSignInRedirect(response), label).toBe(false);
      } else {
        // Forms are posted empty: each answers with its validation errors or its redirect, never a refusal.
        expect(response.status, label).toBeOneOf(route.method === 'GET' ? [200] : [303, 400]);
      }
    }
  });

  it('answers an investigator with 404 for a case referred to someone else or to nobody, as for a missing case', async () => {
    const client = clients.get('investigator');
    if (!client) throw new Error('no investigator client');
    const investigationRoutes = speakUpRoutes().filter((route) => route.path.includes(':caseId') && under(route.path, '/speak-up/investigations'));
    expect(investigationRoutes.length).toBeGreaterThan(0);
    for (const target of [cases.theirs, cases.unreferred, { caseId: 999_999, attachmentId: 999_999 }]) {
      for (const route of investigationRoutes) {
        const path = concretePath(route.path, target);
        if (!path) throw new Error(`cannot fill ${route.path}`);
        await client.get('/speak-up/investigations');
        expect((await send(client, route.method, path)).status, `${route.method} ${path}`).toBe(404);
      }
    }
  });
});
