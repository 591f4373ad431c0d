import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '#src/app.ts';
import { describeRoutes } from '#src/auth/guard.ts';
import { ROLES, type Role } from '#src/auth/permissions.ts';
import { testConfig } from '#src/config.ts';
import { openDatabase } from '#src/db/client.ts';
import { expectNoAxeViolations, expectReflowAt320, hrefsOf, launchBrowser, loadBy, newContext, signedInContext } from './browser.ts';

/** Ids found on the index pages of the seeded demo trust, for routes with parameters. */
interface Ids {
  unitId: number;
  accountId: number;
}

interface PageScan {
  /** The route pattern as the app registers it (see the route coverage test below). */
  route: string;
  name: string;
  /** Who looks at the page; undefined is signed out. */
  as: Role | undefined;
  /** Opens the page in the state to scan; returns the HTTP status of the page. */
  open: (page: Page, ids: Ids) => Promise<number | undefined>;
  /** The status the page must answer with (200 unless given). */
  status?: number;
  /** For the longest pages: axe takes its time over hundreds of table rows. */
  timeout?: number;
}

const visit = (path: string | ((ids: Ids) => string)) => async (page: Page, ids: Ids) =>
  (await page.goto(typeof path === 'string' ? path : path(ids)))?.status();

/** Submits the page's main form as it is and returns the status of the page that comes back. */
function submitMainForm(page: Page, button: string): Promise<number> {
  return loadBy(page, () => page.locator('main').getByRole('button', { name: button }).click());
}

/** Uploads a small establishment CSV on the import page and returns the status of the page it leads to. */
async function uploadForImport(page: Page, content: string, button: string): Promise<number> {
  await page.goto('/imports/new');
  await page.getByLabel('What kind of file is it?').selectOption('establishment');
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'establishment.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
  return loadBy(page, () => page.locator('main').getByRole('button', { name: button, exact: true }).click());
}

/** Opens a list and then the first link on it that matches, as a person picks the top item. */
const firstLinked = (list: string, pattern: RegExp) => async (page: Page) => {
  await page.goto(list);
  const href = (await hrefsOf(page.locator('main a[href]'))).find((candidate) => pattern.test(candidate));
  if (!href) throw new Error(`No link matching ${pattern} on ${list}`);
  return (await page.goto(href))?.status();
};

/** Follows, from a start page, the first link matching each pattern in turn. */
const followFirst = (start: string, ...patterns: RegExp[]) => async (page: Page) => {
  let status = (await page.goto(start))?.status();
  for (const pattern of patterns) {
    const href = (await hrefsOf(page.locator('main a[href]'))).find((candidate) => pattern.test(candidate));
    if (!href) throw new Error(`No link matching ${pattern} on ${page.url()}`);
    status = (await page.goto(href))?.status();
  }
  return status;
};

const EDIT = '/board/strategy/edit';

/** The address of the demo's draft board report (this month's; last month's is published). */
async function draftReport(page: Page): Promise<string> {
  await page.goto('/board/reports');
  const href = await page.locator('main tr', { hasText: 'Draft' }).locator('a').first().getAttribute('href');
  if (!href) throw new Error('no draft board report listed');
  return href;
}
const SPEAK_UP_PASSPHRASE = 'a passphrase for the scan';

/** Raises an anonymous concern through the form; leaves the page on the receipt and returns its code. */
async function raiseAnonymously(page: Page): Promise<string> {
  await page.goto('/speak-up/raise');
  await page.getByLabel('What happened?').fill('The scan raises this concern to check the pages that follow.');
  await page.getByRole('group', { name: /patient safety/ }).getByLabel('No', { exact: true }).check();
  await page.getByLabel('Something else').check();
  await page.getByRole('group', { name: /detriment/ }).getByLabel('No', { exact: true }).check();
  await page.getByLabel('Anonymously').check();
  await page.getByLabel('Choose a passphrase', { exact: true }).fill(SPEAK_UP_PASSPHRASE);
  await page.getByLabel('Type the passphrase again', { exact: true }).fill(SPEAK_UP_PASSPHRASE);
  await loadBy(page, () => page.getByRole('button', { name: 'Send your concern' }).click());
  return (await page.locator('#receipt-code').innerText()).trim();
}

async function followUp(page: Page, code: string, passphrase: string): Promise<number> {
  // A reporter still following up an earlier concern is taken straight to it: start afresh.
  await page.context().clearCookies();
  await page.goto('/speak-up/follow-up');
  await page.getByLabel('Receipt code').fill(code);
  await page.getByLabel('Passphrase').fill(passphrase);
  return loadBy(page, () => page.getByRole('button', { name: 'Read replies' }).click());
}

/** Every GET HTML page, each in the state and as the role that shows most of it. */
const SCANS: PageScan[] = [
  { route: '/sign-in', name: 'sign-in', as: undefined, open: visit('/sign-in') },
  {
    route: '/sign-in',
    name: 'sign-in with errors',
    as: undefined,
    status: 400,
    open: async (page) => {
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill('nobody@vitals.demo');
      await page.getByLabel('Password').fill('not-the-password');
      return submitMainForm(page, 'Sign in');
    },
  },
  { route: '/accessibility', name: 'accessibility statement', as: undefined, open: visit('/accessibility') },
  { route: '/privacy', name: 'privacy', as: undefined, open: visit('/privacy') },
  ...ROLES.map((role): PageScan => ({ route: '/', name: `home of the ${role}`, as: role, open: visit('/') })),
  { route: '/account', name: 'your account', as: 'analyst', open: visit('/account') },
  { route: '/org', name: 'organisation', as: 'analyst', open: visit('/org') },
  { route: '/org/units/:unitId', name: 'unit', as: 'analyst', open: visit(({ unitId }) => `/org/units/${unitId}`) },
  { route: '/org/units/:unitId/people', name: 'people in a unit', as: 'analyst', open: visit(({ unitId }) => `/org/units/${unitId}/people`) },
  {
    route: '/org/units/:unitId/characteristics',
    name: 'protected characteristics',
    as: 'analyst',
    open: visit(({ unitId }) => `/org/units/${unitId}/characteristics`),
  },
  { route: '/admin/accounts', name: 'accounts', as: 'admin', open: visit('/admin/accounts') },
  { route: '/admin/accounts/new', name: 'add an account', as: 'admin', open: visit('/admin/accounts/new') },
  {
    route: '/admin/accounts/new',
    name: 'add an account with errors',
    as: 'admin',
    status: 400,
    open: async (page) => {
      await page.goto('/admin/accounts/new');
      return submitMainForm(page, 'Add account');
    },
  },
  { route: '/admin/accounts/:accountId', name: 'an account', as: 'admin', open: visit(({ accountId }) => `/admin/accounts/${accountId}`) },
  {
    route: '/admin/accounts/:accountId',
    name: 'an account with grant errors',
    as: 'admin',
    status: 400,
    open: async (page, { accountId }) => {
      await page.goto(`/admin/accounts/${accountId}`);
      return submitMainForm(page, 'Grant role');
    },
  },
  { route: '/admin/audit', name: 'audit log', as: 'admin', open: visit('/admin/audit') },
  { route: '/admin/outbox', name: 'outbox', as: 'admin', open: visit('/admin/outbox') },
  {
    route: '/admin/outbox/:messageId',
    name: 'an outbox message',
    as: 'admin',
    open: async (page) => (await page.goto(`/admin/outbox/${await firstLinkId(page, '/admin/outbox', /^\/admin\/outbox\/(\d+)$/)}`))?.status(),
  },
  { route: '/signals', name: 'signals inbox', as: 'manager', open: visit('/signals') },
  {
    route: '/signals/:signalId',
    name: 'a signal',
    as: 'manager',
    open: async (page) => (await page.goto(`/signals/${await firstLinkId(page, '/signals', /^\/signals\/(\d+)$/)}`))?.status(),
  },
  {
    route: '/signals/:signalId',
    name: 'a signal with action errors',
    as: 'manager',
    status: 400,
    open: async (page) => {
      await page.goto(`/signals/${await firstLinkId(page, '/signals', /^\/signals\/(\d+)$/)}`);
      return submitMainForm(page, 'Add action');
    },
  },
  { route: '/account/tokens', name: 'API tokens', as: 'analyst', open: visit('/account/tokens') },
  {
    route: '/account/tokens',
    name: 'API tokens with errors',
    as: 'analyst',
    status: 400,
    open: async (page) => {
      await page.goto('/account/tokens');
      return submitMainForm(page, 'Create token');
    },
  },
  {
    route: '/account/tokens',
    name: 'a new API token, shown once',
    as: 'analyst',
    open: async (page) => {
      await page.goto('/account/tokens');
      await page.getByLabel('Name').fill('Accessibility check');
      return submitMainForm(page, 'Create token');
    },
  },
  { route: '/scorecard', name: 'scorecard heatmap', as: 'analyst', open: visit('/scorecard') },
  { route: '/scorecard', name: 'scorecard heatmap of a hub', as: 'manager', open: visit('/scorecard') },
  { route: '/scorecard/spots', name: 'dark and bright spots', as: 'analyst', open: visit('/scorecard/spots') },
  { route: '/scorecard/units/:unitId', name: 'unit scorecard', as: 'analyst', open: visit(({ unitId }) => `/scorecard/units/${unitId}`) },
  {
    route: '/scorecard/units/:unitId',
    name: 'team scorecard',
    as: 'manager',
    open: async (page) => (await page.goto(`/scorecard/units/${await firstLinkId(page, '/scorecard', /^\/scorecard\/units\/(\d+)$/)}`))?.status(),
  },
  { route: '/scorecard/metrics', name: 'measures', as: 'analyst', open: visit('/scorecard/metrics') },
  { route: '/scorecard/metrics/:metricKey', name: 'a measure', as: 'analyst', open: visit('/scorecard/metrics/sickness_absence_rate') },
  { route: '/scorecard/metrics/:metricKey/edit', name: 'edit a measure', as: 'analyst', open: visit('/scorecard/metrics/sickness_absence_rate/edit') },
  {
    route: '/scorecard/metrics/:metricKey/edit',
    name: 'edit a measure with errors',
    as: 'analyst',
    status: 400,
    open: async (page) => {
      await page.goto('/scorecard/metrics/sickness_absence_rate/edit');
      await page.getByLabel('Minimum group size').fill('1');
      return submitMainForm(page, 'Save measure');
    },
  },
  { route: '/imports', name: 'import history', as: 'analyst', open: visit('/imports') },
  { route: '/imports/new', name: 'import a file', as: 'analyst', open: visit('/imports/new') },
  {
    route: '/imports/new',
    name: 'import a file with errors',
    as: 'analyst',
    status: 400,
    open: async (page) => {
      await page.goto('/imports/new');
      return loadBy(page, () => page.locator('main').getByRole('button', { name: 'Import', exact: true }).click());
    },
  },
  {
    route: '/imports/:batchId{[0-9]+}',
    name: 'an import',
    as: 'analyst',
    open: async (page) => (await page.goto(`/imports/${await firstLinkId(page, '/imports', /^\/imports\/(\d+)$/)}`))?.status(),
  },
  {
    route: '/imports/runs/:runId',
    name: 'a checked file',
    as: 'analyst',
    open: (page) => uploadForImport(page, 'Month,Organisation Code,Budgeted FTE\n2024-01,TRUST,1\n', 'Check without importing'),
  },
  {
    route: '/imports/runs/:runId',
    name: 'a checked file with problems',
    as: 'analyst',
    open: (page) => uploadForImport(page, 'Month,Organisation Code,Budgeted FTE\n2024-13,NOWHERE,-1\n', 'Check without importing'),
  },
  {
    route: '/imports/runs/:runId',
    name: 'matching unknown columns',
    as: 'analyst',
    open: (page) => uploadForImport(page, 'Month,Organisation Code,Funded Posts\n2024-01,TRUST,1\n', 'Check without importing'),
  },
  { route: '/speak-up', name: 'speak up', as: undefined, open: visit('/speak-up') },
  { route: '/speak-up', name: 'speak up, signed in', as: 'staff', open: visit('/speak-up') },
  { route: '/speak-up/raise', name: 'raise a concern', as: undefined, open: visit('/speak-up/raise') },
  {
    route: '/speak-up/raise',
    name: 'raise a concern with errors',
    as: undefined,
    status: 400,
    open: async (page) => {
      await page.goto('/speak-up/raise');
      return submitMainForm(page, 'Send your concern');
    },
  },
  {
    route: '/speak-up/receipt',
    name: 'receipt',
    as: undefined,
    open: async (page) => {
      await raiseAnonymously(page);
      return 200;
    },
  },
  { route: '/speak-up/receipt', name: 'receipt no longer shown', as: undefined, open: visit('/speak-up/receipt') },
  { route: '/speak-up/follow-up', name: 'follow up a concern', as: undefined, open: visit('/speak-up/follow-up') },
  {
    route: '/speak-up/follow-up',
    name: 'follow up with a wrong passphrase',
    as: undefined,
    status: 400,
    open: async (page) => followUp(page, 'VSDM-0000-0000-0000-0001', 'not the passphrase'),
  },
  {
    route: '/speak-up/follow-up/case',
    name: 'the reporter’s case',
    as: undefined,
    open: async (page) => followUp(page, await raiseAnonymously(page), SPEAK_UP_PASSPHRASE),
  },
  {
    route: '/speak-up/follow-up/case',
    name: 'the reporter’s case with an error',
    as: undefined,
    status: 400,
    open: async (page) => {
      await followUp(page, await raiseAnonymously(page), SPEAK_UP_PASSPHRASE);
      return submitMainForm(page, 'Send message');
    },
  },
  { route: '/speak-up/cases', name: 'speak-up cases', as: 'guardian', open: visit('/speak-up/cases') },
  { route: '/speak-up/cases', name: 'closed speak-up cases', as: 'guardian', open: visit('/speak-up/cases?view=closed') },
  { route: '/speak-up/cases/:caseId', name: 'a speak-up case', as: 'guardian', open: firstLinked('/speak-up/cases', /^\/speak-up\/cases\/\d+$/) },
  { route: '/speak-up/cases/:caseId', name: 'a closed speak-up case', as: 'guardian', open: firstLinked('/speak-up/cases?view=closed', /^\/speak-up\/cases\/\d+$/) },
  {
    route: '/speak-up/cases/:caseId',
    name: 'a speak-up case with an error',
    as: 'guardian',
    status: 400,
    open: async (page) => {
      await firstLinked('/speak-up/cases', /^\/speak-up\/cases\/\d+$/)(page);
      return submitMainForm(page, 'Send message');
    },
  },
  { route: '/speak-up/investigations', name: 'investigations', as: 'investigator', open: visit('/speak-up/investigations') },
  {
    route: '/speak-up/investigations/:caseId',
    name: 'an investigation',
    as: 'investigator',
    open: firstLinked('/speak-up/investigations', /^\/speak-up\/investigations\/\d+$/),
  },
  {
    route: '/speak-up/investigations/:caseId',
    name: 'an investigation with an error',
    as: 'investigator',
    status: 400,
    open: async (page) => {
      await firstLinked('/speak-up/investigations', /^\/speak-up\/investigations\/\d+$/)(page);
      return submitMainForm(page, 'Add internal note');
    },
  },
  { route: '/speak-up/reports', name: 'speak-up themes and trends', as: 'board', open: visit('/speak-up/reports') },
  { route: '/speak-up/reports/return', name: 'national return', as: 'guardian', open: visit('/speak-up/reports/return') },
  { route: '/board/reports', name: 'board reports', as: 'analyst', open: visit('/board/reports') },
  { route: '/board/reports/:reportId', name: 'a published board report', as: 'board', open: followFirst('/board/reports', /^\/board\/reports\/\d+$/) },
  {
    route: '/board/reports/:reportId/metrics/:metricKey',
    name: 'a metric in a published board report',
    as: 'board',
    open: followFirst('/board/reports', /^\/board\/reports\/\d+$/, /^\/board\/reports\/\d+\/metrics\/[a-z0-9_]+$/),
  },
  {
    route: '/board/reports/:reportId',
    name: 'a draft board report',
    as: 'analyst',
    open: async (page) => (await page.goto(await draftReport(page)))?.status(),
  },
  {
    route: '/board/reports/:reportId/metrics/:metricKey',
    name: 'a board metric with a commentary error',
    as: 'analyst',
    status: 400,
    open: async (page) => {
      await page.goto(`${await draftReport(page)}/metrics/sickness_absence_rate`);
      return submitMainForm(page, 'Save commentary');
    },
  },
  {
    route: '/board/reports/:reportId/print',
    name: 'a board report whole, to print',
    as: 'board',
    timeout: 120_000,
    open: followFirst('/board/reports', /^\/board\/reports\/\d+$/, /^\/board\/reports\/\d+\/print$/),
  },
  { route: '/board/strategy', name: 'strategy', as: 'board', open: visit('/board/strategy') },
  { route: '/board/strategy/progress', name: 'strategy progress', as: 'board', open: visit('/board/strategy/progress') },
  { route: '/board/strategy/progress', name: 'strategy progress for a quarter not understood', as: 'board', status: 400, open: visit('/board/strategy/progress?quarter=autumn') },
  { route: '/board/strategy/edit', name: 'edit the strategy', as: 'admin', open: visit('/board/strategy/edit') },
  { route: '/board/strategy/vision', name: 'edit the vision', as: 'admin', open: visit('/board/strategy/vision') },
  { route: '/board/strategy/values/new', name: 'add a value', as: 'admin', open: visit('/board/strategy/values/new') },
  { route: '/board/strategy/values/:valueId', name: 'a value', as: 'admin', open: followFirst(EDIT, /^\/board\/strategy\/values\/\d+$/) },
  { route: '/board/strategy/objectives/new', name: 'add an objective', as: 'admin', open: visit('/board/strategy/objectives/new') },
  { route: '/board/strategy/objectives/:objectiveId', name: 'an objective', as: 'admin', open: followFirst(EDIT, /^\/board\/strategy\/objectives\/\d+$/) },
  {
    route: '/board/strategy/objectives/:objectiveId/priorities/new',
    name: 'add a priority',
    as: 'admin',
    open: followFirst(EDIT, /^\/board\/strategy\/objectives\/\d+\/priorities\/new$/),
  },
  { route: '/board/strategy/priorities/:priorityId', name: 'a priority', as: 'admin', open: followFirst(EDIT, /^\/board\/strategy\/priorities\/\d+$/) },
  {
    route: '/board/strategy/objectives/:objectiveId/measures/new',
    name: 'add a success measure',
    as: 'admin',
    open: followFirst(EDIT, /^\/board\/strategy\/objectives\/\d+\/measures\/new$/),
  },
  { route: '/board/strategy/measures/:measureId', name: 'a success measure', as: 'admin', open: followFirst(EDIT, /^\/board\/strategy\/measures\/\d+$/) },
  {
    route: '/board/strategy/objectives/:objectiveId/measures/new',
    name: 'add a success measure with errors',
    as: 'admin',
    status: 400,
    open: async (page) => {
      await followFirst(EDIT, /^\/board\/strategy\/objectives\/\d+\/measures\/new$/)(page);
      return submitMainForm(page, 'Save');
    },
  },
  {
    route: '/board/strategy/objectives/:objectiveId/board-metrics/new',
    name: 'add a board metric',
    as: 'admin',
    open: followFirst(EDIT, /^\/board\/strategy\/objectives\/\d+\/board-metrics\/new$/),
  },
  { route: '/board/strategy/board-metrics/:boardMetricId', name: 'a board metric', as: 'admin', open: followFirst(EDIT, /^\/board\/strategy\/board-metrics\/\d+$/) },
  { route: '404', name: 'page not found', as: 'analyst', status: 404, open: visit('/no-such-page') },
  { route: '403', name: 'forbidden', as: 'manager', status: 403, open: visit('/admin/accounts') },
];

/** Scans of the error pages, which have no route of their own. */
const ERROR_PAGES = ['404', '403'];

/** GET routes that answer with something other than an HTML page of their own. */
const NOT_PAGES = [/^\/healthz$/, /^\/assets\//, /^\/sign-in\/oidc/, /^\/api\//, /^\/imports\/runs\/:runId\/status$/, /\/attachments\/:attachmentId$/, /\.(pdf|xlsx)$/];

let browser: Browser;
const contexts = new Map<Role | 'signed-out', Promise<BrowserContext>>();
let ids: Ids;

function contextFor(role: Role | undefined): Promise<BrowserContext> {
  const key = role ?? 'signed-out';
  let context = contexts.get(key);
  if (!context) {
    context = role ? signedInContext(browser, role) : newContext(browser);
    contexts.set(key, context);
  }
  return context;
}

async function firstLinkId(page: Page, path: string, pattern: RegExp): Promise<number> {
  await page.goto(path);
  const hrefs = await hrefsOf(page.locator('main a[href]'));
  const id = hrefs.map((href) => pattern.exec(href)?.[1]).find((match) => match !== undefined);
  if (id === undefined) throw new Error(`No link matching ${pattern} on ${path}`);
  return Number(id);
}

beforeAll(async () => {
  browser = await launchBrowser();
  const analyst = await (await contextFor('analyst')).newPage();
  const admin = await (await contextFor('admin')).newPage();
  ids = {
    unitId: await firstLinkId(analyst, '/org', /^\/org\/units\/(\d+)$/),
    accountId: await firstLinkId(admin, '/admin/accounts', /^\/admin\/accounts\/(\d+)$/),
  };
  await Promise.all([analyst.close(), admin.close()]);
});

afterAll(async () => {
  await browser.close();
});

describe('every page passes axe (WCAG 2.2 AA) and reflows at 320 px', () => {
  for (const scan of SCANS) {
    test(`${scan.name} (${scan.as ?? 'signed out'})`, { timeout: scan.timeout }, async () => {
      const page = await (await contextFor(scan.as)).newPage();
      try {
        const status = await scan.open(page, ids);
        expect(status, `status of ${page.url()}`).toBe(scan.status ?? 200);
        if (scan.status === 400) await expect(page.title()).resolves.toMatch(/^Error: /);
        await expectNoAxeViolations(page);
        await expectReflowAt320(page);
      } finally {
        await page.close();
      }
    });
  }
});

test('every GET page route has an axe scan', async () => {
  // createApp does not query the database when it is built; an empty in-memory one is enough.
  const database = await openDatabase({ kind: 'pglite', dataDir: undefined });
  try {
    const app = createApp({ config: testConfig(), database, clock: () => new Date() });
    const pages = describeRoutes(app.routes)
      .filter((route) => route.method === 'GET' && !NOT_PAGES.some((pattern) => pattern.test(route.path)))
      .map((route) => route.path);
    const scanned = new Set(SCANS.map((scan) => scan.route));
    expect(pages.filter((path) => !scanned.has(path)), 'GET routes without an axe scan: add them to SCANS').toEqual([]);
    const stale = [...scanned].filter((route) => !ERROR_PAGES.includes(route) && !pages.includes(route));
    expect(stale, 'SCANS entries for routes the app no longer has').toEqual([]);
  } finally {
    await database.close();
  }
});
