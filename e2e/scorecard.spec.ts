import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseUrl, launchBrowser, loadBy, signedInContext } from './browser.ts';

/** The demo trust's 3-person community response team in the manager's hub (src/demo/stories.ts). */
const SMALL_TEAM = 'EO-COV-CRT';

let browser: Browser;
let manager: Page;
let analyst: Page;
/** The analyst's personal access token for the read-only API. */
let analystToken = '';

beforeAll(async () => {
  browser = await launchBrowser();
  manager = await (await signedInContext(browser, 'manager')).newPage();
  analyst = await (await signedInContext(browser, 'analyst')).newPage();
  await analyst.goto('/account/tokens');
  await analyst.getByLabel('Name').fill('e2e scorecard checks');
  await expect(loadBy(analyst, () => analyst.getByRole('button', { name: 'Create token' }).click())).resolves.toBe(200);
  analystToken = (await analyst.locator('#new-token').innerText()).trim();
});

afterAll(async () => {
  await browser.close();
});

/** A date `days` from today as the NHS date input's day, month and year fields. */
function dateFields(days: number): { day: string; month: string; year: string } {
  const date = new Date(Date.now() + days * 86_400_000);
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) };
}

async function fillDate(page: Page, name: string, days: number): Promise<void> {
  const { day, month, year } = dateFields(days);
  await page.locator(`#${name}-day`).fill(day);
  await page.locator(`#${name}-month`).fill(month);
  await page.locator(`#${name}-year`).fill(year);
}

describe('the demo manager and the scorecard', () => {
  test('sees a new signal for their hub, records an action and finds it on the team page', async () => {
    await manager.goto('/');
    await expect(manager.locator('main').innerText()).resolves.toMatch(/new signals? for your units/i);

    await expect(loadBy(manager, () => manager.locator('header').getByRole('link', { name: 'Signals' }).click())).resolves.toBe(200);
    await expect(manager.locator('main h2').first().innerText()).resolves.toMatch(/^New \(\d+\)$/);
    const firstNew = manager.locator('main table').first().locator('a[href^="/signals/"]').first();
    const metricName = await firstNew.innerText();
    await expect(loadBy(manager, () => firstNew.click())).resolves.toBe(200);
    await expect(manager.locator('h1').innerText()).resolves.toContain(metricName);

    const teamLink = manager.locator('main a[href^="/scorecard/units/"]').first();
    const teamPath = await teamLink.getAttribute('href');
    expect(teamPath).toMatch(/^\/scorecard\/units\/\d+$/);

    const description = `Talk with the team about ${metricName.toLowerCase()} (${Date.now()})`;
    await manager.getByLabel('What will be done').fill(description);
    await manager.getByLabel('Who will do it').fill('Hub manager');
    await fillDate(manager, 'dueOn', 30);
    await fillDate(manager, 'reviewOn', 60);
    await expect(loadBy(manager, () => manager.getByRole('button', { name: 'Add action' }).click())).resolves.toBe(200);
    await expect(manager.locator('main').innerText()).resolves.toContain(description);

    await expect(manager.goto(teamPath ?? '/').then((r) => r?.status())).resolves.toBe(200);
    const actions = manager.locator('table', { has: manager.locator('caption', { hasText: /^Actions for / }) });
    await expect(actions.innerText()).resolves.toContain(description);
    await expect(actions.innerText()).resolves.toContain('Hub manager');
  });

  test('cannot open the scorecard of a unit outside their hub', async () => {
    const response = await manager.goto('/scorecard');
    expect(response?.status()).toBe(200);
    const outside = await fetchJson(analystToken, '/api/v1/units');
    const other = (outside.units as ApiUnit[]).find((unit) => unit.code === 'IE-111W');
    expect(other).toBeDefined();
    await expect(manager.goto(`/scorecard/units/${other?.id}`).then((r) => r?.status())).resolves.toBe(403);
  });
});

interface ApiUnit {
  id: number;
  code: string;
  name: string;
}

async function fetchJson(token: string, path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function download(page: Page, path: string): Promise<string> {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return response.text();
}

describe('the too-small team', () => {
  let team: ApiUnit;
  let hubId: number;

  beforeAll(async () => {
    const units = (await fetchJson(analystToken, '/api/v1/units')).units as ApiUnit[];
    const found = units.find((unit) => unit.code === SMALL_TEAM);
    const hub = units.find((unit) => unit.code === SMALL_TEAM.replace(/-CRT$/, ''));
    if (!found || !hub) throw new Error(`The demo trust has no ${SMALL_TEAM} or its hub`);
    team = found;
    hubId = hub.id;
  });

  test('has no chart and no value on its team page or in its download', async () => {
    await expect(analyst.goto(`/scorecard/units/${team.id}`).then((r) => r?.status())).resolves.toBe(200);
    await expect(analyst.locator('main svg[role="img"]').count()).resolves.toBe(0);
    await expect(analyst.locator('main').innerText()).resolves.toMatch(/suppressed/i);

    const csv = await download(analyst, `/scorecard/units/${team.id}?format=csv`);
    const [header = '', ...rows] = csv.trim().split(/\r?\n/);
    const columns = header.split(',');
    const numbers = ['Numerator', 'Denominator', 'Value'].map((name) => columns.findIndex((c) => c.replaceAll('"', '').startsWith(name)));
    expect(numbers.every((index) => index >= 0), header).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const cells = row.split(',');
      for (const index of numbers) expect(cells[index] ?? '', row).not.toMatch(/\d/);
    }
  });

  test('shows no value in its hub’s heatmap or the hub’s download', async () => {
    await expect(analyst.goto(`/scorecard?unit=${hubId}`).then((r) => r?.status())).resolves.toBe(200);
    const row = analyst.locator('main table tbody tr', { has: analyst.locator(`a[href="/scorecard/units/${team.id}"]`) });
    await expect(row.count()).resolves.toBe(1);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells.length).toBeGreaterThan(0);
    // "suppressed (fewer than 5)" names the minimum, never the team's own numbers.
    const withoutMinimum = (text: string) => text.replace(/fewer than \d+/g, '');
    for (const cell of cells) expect(withoutMinimum(cell)).not.toMatch(/\d/);

    const csv = await download(analyst, `/scorecard?unit=${hubId}&format=csv`);
    const line = csv.split(/\r?\n/).find((l) => l.includes(team.name));
    expect(line, `a row for ${team.name}`).toBeDefined();
    expect(withoutMinimum(line?.replace(team.name, '').replace(SMALL_TEAM, '') ?? '')).not.toMatch(/\d/);
  });

  test('has no value in the API, in any month', async () => {
    const months = ['2026-10', '2026-01', '2025-06', '2024-06', '2023-03', '2022-01'];
    for (const month of months) {
      const body = await fetchJson(analystToken, `/api/v1/scorecard?unit=${team.id}&period=${month}`);
      const units = body.units as { id: number; metrics: { value: number | null; numerator: number | null; denominator: number | null }[] }[];
      const own = units.find((unit) => unit.id === team.id);
      expect(own?.metrics.length, month).toBeGreaterThan(0);
      for (const cell of own?.metrics ?? []) expect([cell.value, cell.numerator, cell.denominator], month).toEqual([null, null, null]);
    }
  });
});
