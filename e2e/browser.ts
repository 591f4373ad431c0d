import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import type { Role } from '#src/auth/permissions.ts';
import { DEMO_PASSWORD, demoEmail } from '#src/demo/demo-accounts.ts';

export const baseUrl = inject('baseUrl');

/** Debian's Chromium (scripts/ensure-services.sh installs it); never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 } });
  // Fail a missing element in seconds, well inside the test timeout.
  context.setDefaultTimeout(10_000);
  return context;
}

/** Signs in through the real form (quickly: the keyboard journey is in sign-in.spec.ts). */
export async function signIn(page: Page, role: Role): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(demoEmail(role));
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

export async function signedInContext(browser: Browser, role: Role): Promise<BrowserContext> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, role);
  await page.close();
  return context;
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The one axe fixture: every WCAG 2.2 A/AA rule, no rule disabled, zero violations allowed. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map(
    (violation) => `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/** The outermost elements that stick out past the right edge of the viewport, for the failure message. */
const OVERFLOWING = `[...document.body.querySelectorAll('*')]
  .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5 && e.parentElement.getBoundingClientRect().right <= innerWidth + 0.5)
  .slice(0, 5)
  .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map((c) => '.' + c).join('') + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)')
  .join(', ')`;

/** WCAG 1.4.10 reflow: at 320 CSS pixels wide the page must not scroll sideways. */
export async function expectReflowAt320(page: Page): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    // Strings run in the page as they are (the TypeScript here has no DOM types). Two frames let
    // the page's own resize handlers (the header's "More" menu) run first.
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
    if (scrollWidth > 320) {
      const culprits = String(await page.evaluate(OVERFLOWING));
      expect.fail(`${page.url()} scrolls sideways at 320 px (scrollWidth ${scrollWidth}): ${culprits}`);
    }
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/**
 * Runs an action that loads a new page (a link, a form submission) and waits for that page to
 * load. Returns the status of the page, after any redirects.
 */
export async function loadBy(page: Page, action: () => Promise<void>): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400)),
    page.waitForEvent('load'),
    action(),
  ]);
  return response.status();
}

/** The id of the element that has focus, or its tag name when it has no id. */
export async function focusedElement(page: Page): Promise<string> {
  return String(await page.evaluate('document.activeElement ? document.activeElement.id || document.activeElement.tagName.toLowerCase() : ""'));
}

/** The href of every element the locator finds, in page order. */
export function hrefsOf(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((links: { getAttribute(name: string): string | null }[]) => links.map((link) => link.getAttribute('href') ?? ''));
}
