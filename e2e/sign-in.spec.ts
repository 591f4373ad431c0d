import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROLES } from '#src/auth/permissions.ts';
import { DEMO_PASSWORD, demoEmail } from '#src/demo/demo-accounts.ts';
import { focusedElement, launchBrowser, loadBy, newContext } from './browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

async function withPage(run: (page: Page) => Promise<void>): Promise<void> {
  const context = await newContext(browser);
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Presses Tab until the element with this id has focus, as a keyboard user would. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let presses = 0; presses < 30; presses++) {
    if ((await focusedElement(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`#${id} was not reached with the Tab key`);
}

async function signInWithKeyboard(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await tabTo(page, 'email');
  await page.keyboard.type(email);
  await tabTo(page, 'password');
  await page.keyboard.type(password);
  await loadBy(page, () => page.keyboard.press('Enter'));
}

describe('signing in with the keyboard only', () => {
  for (const role of ROLES) {
    test(`${role}: signs in, sees their home page, signs out`, async () => {
      await withPage(async (page) => {
        await signInWithKeyboard(page, demoEmail(role), DEMO_PASSWORD);
        await page.waitForURL((url) => url.pathname === '/');
        await expect(page.locator('h1').innerText()).resolves.toMatch(/^Welcome, \S/);
        await expect(page.title()).resolves.toBe('Home – Vitals');

        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL((url) => url.pathname === '/sign-in');
        await page.goto('/');
        expect(new URL(page.url()).pathname).toBe('/sign-in');
      });
    });
  }

  test('a signed-out visit to / lands on the sign-in page', async () => {
    await withPage(async (page) => {
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await expect(page.locator('h1').innerText()).resolves.toBe('Sign in to Vitals');
    });
  });

  test('a wrong password shows the error summary, linked to the field and reachable by keyboard', async () => {
    await withPage(async (page) => {
      await signInWithKeyboard(page, demoEmail('guardian'), 'not-the-password');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await expect(page.title()).resolves.toMatch(/^Error: /);

      const summary = page.locator('.nhsuk-error-summary');
      await expect(summary.locator('h2').innerText()).resolves.toBe('There is a problem');
      const link = summary.getByRole('link', { name: 'Enter a correct email address and password' });
      await expect(link.getAttribute('href')).resolves.toBe('#email');
      await expect(page.locator('#email-error').innerText()).resolves.toContain('Enter a correct email address and password');
      // The entered email is kept; the password is not.
      await expect(page.locator('#email').inputValue()).resolves.toBe(demoEmail('guardian'));
      await expect(page.locator('#password').inputValue()).resolves.toBe('');

      // nhsuk-frontend moves focus to the summary; the next Tab reaches its link, and Enter on it
      // moves focus to the field.
      await expect(page.locator('.nhsuk-error-summary:focus').count()).resolves.toBe(1);
      await page.keyboard.press('Tab');
      await expect(page.locator(':focus').getAttribute('href')).resolves.toBe('#email');
      await page.keyboard.press('Enter');
      await expect(focusedElement(page)).resolves.toBe('email');
    });
  });

  test('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    await withPage(async (page) => {
      await page.goto('/sign-in');
      await page.keyboard.press('Tab');
      await expect(page.locator(':focus').innerText()).resolves.toBe('Skip to main content');
      await page.keyboard.press('Enter');
      await expect(focusedElement(page)).resolves.toBe('maincontent');
    });
  });
});
