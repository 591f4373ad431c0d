import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { focusedElement, launchBrowser, loadBy, newContext, signedInContext } from './browser.ts';

const CONCERN = `Vehicle checks are being skipped at the start of night shifts when the queue is long (${Date.now()}).`;
const PASSPHRASE = 'lantern harbour seven trees';
const GUARDIAN_REPLY = 'Thank you for speaking up. Which station is this happening at, if you are happy to say?';
const REPORTER_ANSWER = 'It is most nights at the station on the ring road.';

let browser: Browser;
let guardian: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  guardian = await signedInContext(browser, 'guardian');
});

afterAll(async () => {
  await browser.close();
});

/** Presses Tab until the element with this id has focus: proof it can be reached by keyboard. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    if ((await focusedElement(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  expect.fail(`#${id} cannot be reached with the Tab key`);
}

/** A phone-sized window with no account: how most concerns will be raised. */
async function reporterOnPhone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.setViewportSize({ width: 320, height: 720 });
  return { context, page };
}

/** Raises an anonymous concern with the keyboard alone; returns the reference and receipt code. */
async function raiseWithKeyboard(page: Page): Promise<{ reference: string; code: string }> {
  await page.goto('/speak-up');
  await expect(loadBy(page, () => page.getByRole('button', { name: 'Raise a concern' }).click())).resolves.toBe(200);
  await expect(page.locator('h1').innerText()).resolves.toMatch(/raise a concern/i);

  await tabTo(page, 'concern');
  await page.keyboard.type(CONCERN);
  // A radio group takes one Tab stop: Space picks the first answer, arrow keys move along it.
  await tabTo(page, 'patientSafety');
  await page.keyboard.press('Space');
  await tabTo(page, 'categories');
  await page.keyboard.press('Space');
  await tabTo(page, 'detriment');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'raisedAs');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, 'passphrase');
  await page.keyboard.type(PASSPHRASE);
  await tabTo(page, 'passphraseConfirm');
  await page.keyboard.type(PASSPHRASE);

  await expect(page.getByLabel('Anonymously').isChecked()).resolves.toBe(true);
  await expect(page.getByRole('group', { name: /detriment/ }).getByLabel('No').isChecked()).resolves.toBe(true);
  await page.getByRole('button', { name: 'Send your concern' }).focus();
  await expect(loadBy(page, () => page.keyboard.press('Enter'))).resolves.toBe(200);

  const code = (await page.locator('#receipt-code').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  const reference = /SU-\d{4}-\d{4}/.exec(await page.locator('main').innerText())?.[0];
  if (!reference) throw new Error('the receipt page shows no reference');
  return { reference, code };
}

async function openFollowUp(page: Page, code: string, passphrase: string): Promise<number> {
  await page.goto('/speak-up/follow-up');
  await page.getByLabel('Receipt code').fill(code);
  await page.getByLabel('Passphrase').fill(passphrase);
  return loadBy(page, () => page.getByRole('button', { name: 'Read replies' }).click());
}

describe('an anonymous concern, from raising to a two-way conversation', () => {
  test('the reporter raises it by keyboard on a phone, the Guardian replies, the reporter reads and answers with receipt and passphrase', async () => {
    const reporter = await reporterOnPhone();
    const { reference, code } = await raiseWithKeyboard(reporter.page);
    const width = Number(await reporter.page.evaluate('document.documentElement.scrollWidth'));
    expect(width, 'the receipt page fits a 320 px screen').toBeLessThanOrEqual(320);
    await reporter.context.close();

    const page = await guardian.newPage();
    await page.goto('/speak-up/cases?view=new');
    await expect(loadBy(page, () => page.getByRole('link', { name: reference }).click())).resolves.toBe(200);
    await expect(page.locator('main').innerText()).resolves.toContain(CONCERN);
    await page.getByLabel('Message to the reporter').fill(GUARDIAN_REPLY);
    await expect(loadBy(page, () => page.getByRole('button', { name: 'Send message' }).click())).resolves.toBe(200);
    await expect(page.locator('main').innerText()).resolves.toContain('Message sent to the reporter.');

    // Back later, on another device: nothing remembers the reporter but the receipt and passphrase.
    const later = await reporterOnPhone();
    await expect(openFollowUp(later.page, code.toLowerCase(), PASSPHRASE)).resolves.toBe(200);
    const conversation = await later.page.locator('main').innerText();
    expect(conversation).toContain(CONCERN);
    expect(conversation).toContain(GUARDIAN_REPLY);
    await later.page.getByLabel('Your message').fill(REPORTER_ANSWER);
    await expect(loadBy(later.page, () => later.page.getByRole('button', { name: 'Send message' }).click())).resolves.toBe(200);
    await expect(later.page.locator('main').innerText()).resolves.toContain(REPORTER_ANSWER);
    await later.context.close();

    await page.reload();
    await expect(page.locator('main').innerText()).resolves.toContain(REPORTER_ANSWER);
    await page.close();
  });

  test('a wrong passphrase reveals nothing: not the concern, not the replies, not even whether the receipt exists', async () => {
    const reporter = await reporterOnPhone();
    const { code } = await raiseWithKeyboard(reporter.page);
    await reporter.context.close();

    const stranger = await reporterOnPhone();
    await expect(openFollowUp(stranger.page, code, 'not the right passphrase')).resolves.toBe(400);
    const wrongPassphrase = await stranger.page.locator('main').innerText();
    expect(wrongPassphrase).toContain('The receipt code or passphrase is not right');
    expect(wrongPassphrase).not.toContain('Vehicle checks');
    expect(new URL(stranger.page.url()).pathname).toBe('/speak-up/follow-up');

    const madeUp = code.replace(/^..../, code.startsWith('ZZZZ') ? 'YYYY' : 'ZZZZ');
    await expect(openFollowUp(stranger.page, madeUp, 'not the right passphrase')).resolves.toBe(400);
    const unknownReceipt = await stranger.page.locator('main').innerText();
    // The two answers differ only in the code the person typed, which the form gives back to correct.
    expect(unknownReceipt.replace(madeUp, code)).toBe(wrongPassphrase);
    await stranger.context.close();
  });
});
