import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hrefsOf, launchBrowser, loadBy, signedInContext } from './browser.ts';

let browser: Browser;
let manager: Page;
let analyst: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  manager = await (await signedInContext(browser, 'manager')).newPage();
  analyst = await (await signedInContext(browser, 'analyst')).newPage();
});

afterAll(async () => {
  await browser.close();
});

/** The ids of the units linked from the page's main content, in page order. */
async function linkedUnitIds(page: Page, selector = 'main a[href^="/org/units/"]'): Promise<number[]> {
  const hrefs = await hrefsOf(page.locator(selector));
  const ids = hrefs.map((href) => /^\/org\/units\/(\d+)$/.exec(href)?.[1]).filter((id) => id !== undefined);
  return [...new Set(ids.map(Number))];
}

async function expectForbidden(page: Page, unitId: number): Promise<void> {
  const response = await page.goto(`/org/units/${unitId}`);
  expect(response?.status(), `manager opening unit ${unitId}`).toBe(403);
  await expect(page.locator('h1').innerText()).resolves.toBe('You do not have permission to see this page');
  await expect(page.title()).resolves.toBe('You do not have permission to see this page – Vitals');
  await expect(page.getByRole('link', { name: 'Go to the Vitals home page' }).getAttribute('href')).resolves.toBe('/');
}

describe('the demo manager', () => {
  test('sees their hub on the home page and can open it and its units', async () => {
    await manager.goto('/');
    const hub = manager.locator('main h2 a[href^="/org/units/"]');
    await expect(hub.count()).resolves.toBe(1);
    const hubName = await hub.innerText();
    const hubPath = await hub.getAttribute('href');

    await expect(loadBy(manager, () => hub.click())).resolves.toBe(200);
    expect(new URL(manager.url()).pathname).toBe(hubPath);
    await expect(manager.locator('h1').innerText()).resolves.toContain(hubName);
    const units = await linkedUnitIds(manager, 'main table a[href^="/org/units/"]');
    expect(units.length).toBeGreaterThan(0);
    const unit = await manager.goto(`/org/units/${units[0]}`);
    expect(unit?.status()).toBe(200);
  });

  test("gets the NHS 403 page for another hub and that hub's units", async () => {
    await manager.goto('/');
    const [hubId] = await linkedUnitIds(manager, 'main h2 a[href^="/org/units/"]');
    expect(hubId).toBeDefined();

    // The analyst sees the whole trust: the hub's parent lists the hub's siblings.
    await analyst.goto(`/org/units/${hubId}`);
    const ancestors = await linkedUnitIds(analyst, '.nhsuk-breadcrumb a[href^="/org/units/"]');
    const parentId = ancestors.at(-1);
    expect(parentId, 'the hub has a parent unit').toBeDefined();
    await analyst.goto(`/org/units/${parentId}`);
    const otherHubId = (await linkedUnitIds(analyst, 'main table a[href^="/org/units/"]')).find((id) => id !== hubId);
    expect(otherHubId, 'the hub has a sibling').toBeDefined();
    await analyst.goto(`/org/units/${otherHubId}`);
    const [otherUnitId] = await linkedUnitIds(analyst, 'main table a[href^="/org/units/"]');

    for (const id of [otherHubId, otherUnitId, parentId]) {
      if (id !== undefined) await expectForbidden(manager, id);
    }
  });
});
